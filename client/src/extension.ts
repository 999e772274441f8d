// The VS Code client: starts the Postmortem language server and adds the UI pieces. All language knowledge lives
// in the server (server/src/), so every LSP editor gets the same behaviour; each piece here only shows it.
import * as path from 'node:path';
import { commands, type Event, EventEmitter, type ExtensionContext, window, workspace } from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { type ActionsViewProvider, createActionsView } from './actions-view';
import { registerCommands } from './commands';
import { newPostmortem } from './new-postmortem';
import { createPostmortemView, type PostmortemViewProvider } from './postmortem-view';
import { createStatusBar } from './status-bar';
import { SummaryTracker } from './summary';

let client: LanguageClient | undefined;

/** What activate returns: the view's data and the summaries, for tests (and for other extensions). */
export interface PostmortemApi {
  view: PostmortemViewProvider;
  summaries: SummaryTracker;
  /** The workspace's Follow-up actions view. */
  actions: ActionsViewProvider;
  /** Fires with the message shown to the user each time the server stopped unexpectedly and was restarted. */
  onDidRestartServer: Event<string>;
}

/** How many unexpected stops within RESTART_WINDOW_MS are restarted before the client gives up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/**
 * Restarts a server that stopped unexpectedly (a crash, a kill) and says so, up to MAX_RESTARTS times in
 * RESTART_WINDOW_MS; then stops trying and says how to start again. A stop the client asked for is not reported here.
 */
function restartingErrorHandler(restarted: EventEmitter<string>): ErrorHandler {
  const stops: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      stops.push(now);
      while (stops.length > 0 && now - stops[0] > RESTART_WINDOW_MS) stops.shift();
      if (stops.length > MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: `The Postmortem language server stopped ${stops.length} times in 3 minutes and was not restarted again. Its log is in the Output panel (Postmortem); run "Developer: Reload Window" to start it again.`,
        };
      }
      const message = 'The Postmortem language server stopped unexpectedly and was restarted.';
      void window.showWarningMessage(message);
      restarted.fire(message);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const restarted = new EventEmitter<string>();
  context.subscriptions.push(restarted);
  const clientOptions: LanguageClientOptions = {
    errorHandler: restartingErrorHandler(restarted),
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-vfs', language: 'markdown' },
      { scheme: 'file', language: 'mdx' },
      { scheme: 'file', pattern: '**/*.mdx' },
    ],
    synchronize: {
      configurationSection: 'postmortem',
      fileEvents: workspace.createFileSystemWatcher('**/.postmortemrc{.json,.yaml,.yml}'),
    },
    // One outline: VS Code's Markdown extension always gives the headings' tree, and no other extension can turn it
    // off; a second tree from us made the Outline show two and the breadcrumb flip between them while editing.
    // The headings are what a Markdown author expects there; what ours added (section kinds, timeline entries,
    // action items) is in the Postmortem and Follow-up Actions views. Other editors keep the server's outline.
    // In Restricted Mode the server ignores the config's patterns (see untrustedWorkspaces in package.json).
    initializationOptions: {
      settings: workspace.getConfiguration('postmortem'),
      trusted: workspace.isTrusted,
      outline: false,
    },
    middleware: {
      // The server's lenses are text for every client; here a click on the timeline's figures opens the view
      // where each milestone and how it was found are listed.
      provideCodeLenses: async (document, token, next) => {
        const lenses = (await next(document, token)) ?? [];
        for (const lens of lenses) {
          if (lens.command && !lens.command.command) lens.command.command = 'postmortem.view.focus';
        }
        return lenses;
      },
    },
  };
  client = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  // Trust granted: restart the server, which then reads the config in full.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      if (clientOptions.initializationOptions) clientOptions.initializationOptions.trusted = true;
      void client?.restart();
    }),
  );

  const summaries = new SummaryTracker(client);
  const view = createPostmortemView(summaries);
  const actions = createActionsView(context, client);
  context.subscriptions.push(
    summaries,
    view.disposable,
    actions.disposable,
    createStatusBar(summaries),
    ...registerCommands(context, client, summaries),
    commands.registerCommand('postmortem.newPostmortem', (arg) => newPostmortem(context, arg)),
  );
  await Promise.all([summaries.refresh(), actions.provider.refresh()]);
  return { view: view.provider, summaries, actions: actions.provider, onDidRestartServer: restarted.event };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
