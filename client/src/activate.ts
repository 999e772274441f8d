// What the Node and browser clients share: the language client's options, the views, the commands, the status bar.
// Each entry (extension.ts for Node, browser.ts for the web worker extension host) only says how the server starts.
import {
  commands,
  type Event,
  EventEmitter,
  type ExtensionContext,
  type StatusBarItem,
  type TreeView,
  window,
  workspace,
} from 'vscode';
import {
  type BaseLanguageClient,
  CloseAction,
  type CloseHandlerResult,
  type DocumentSelector,
  ErrorAction,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { WORKSPACE_FILES_OPTION } from '../../server/src/protocol';
import { type ActionsViewProvider, createActionsView } from './actions-view';
import { registerCommands } from './commands';
import { followCursor } from './cursor';
import { newPostmortem } from './new-postmortem';
import { createPostmortemView, type MetricTarget, type PostmortemViewProvider, type ViewNode } from './postmortem-view';
import { RestartPolicy } from './restart-policy';
import { createStatusBar } from './status-bar';
import { SummaryTracker } from './summary';
import { answerWorkspaceFiles } from './workspace-files';

let client: BaseLanguageClient | undefined;

/** What activate returns: the view's data and the summaries, for tests (and for other extensions). */
export interface PostmortemApi {
  view: PostmortemViewProvider;
  /** The Postmortem view itself (visibility, selection). */
  viewTree: TreeView<ViewNode>;
  summaries: SummaryTracker;
  /** The status bar item ("$(warning) Postmortem 5/6 · 2"). */
  statusBar: StatusBarItem;
  /** The workspace's Follow-up actions view. */
  actions: ActionsViewProvider;
  /** Fires with the message shown to the user each time the server stopped unexpectedly and was restarted. */
  onDidRestartServer: Event<string>;
}

/** Opens the Postmortem view at a metric (`arguments[0]`: MetricLensTarget); what the timeline's lenses run. */
const SHOW_METRIC = 'postmortem.showMetric';

/**
 * Restarts a server that stopped unexpectedly (a crash, a kill) and says so, within RestartPolicy's limit; then stops
 * trying and says how to start again. A stop the client asked for is not reported here. Write errors never stop the
 * server (see restart-policy.ts): the close that follows a crash decides.
 */
function restartingErrorHandler(restarted: EventEmitter<string>): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    error: () => {
      policy.error();
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: (): CloseHandlerResult => {
      const decision = policy.closed(Date.now());
      if (!decision.restart) return { action: CloseAction.DoNotRestart, message: decision.message };
      void window.showWarningMessage(decision.message);
      restarted.fire(decision.message);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** How a host starts the server: the Node client runs dist/server.js, the browser client a web worker. */
export type CreateClient = (options: LanguageClientOptions) => BaseLanguageClient;

/** The Markdown documents the server sees: on disk, untitled, and in virtual workspaces (github.dev's vscode-vfs). */
export const NODE_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'vscode-vfs', language: 'markdown' },
  { scheme: 'file', language: 'mdx' },
  { scheme: 'file', pattern: '**/*.mdx' },
];

/** What a host's client does beyond the shared part. */
export interface ClientHostOptions {
  /**
   * Answer the server's requests for the workspace's files (protocol/files.ts): the web client does, for a server
   * that cannot read them itself.
   */
  workspaceFiles?: boolean;
}

export async function activateWith(
  context: ExtensionContext,
  createClient: CreateClient,
  documentSelector: DocumentSelector = NODE_SELECTOR,
  hostOptions: ClientHostOptions = {},
): Promise<PostmortemApi> {
  const restarted = new EventEmitter<string>();
  context.subscriptions.push(restarted);
  const clientOptions: LanguageClientOptions = {
    errorHandler: restartingErrorHandler(restarted),
    documentSelector,
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
      [WORKSPACE_FILES_OPTION]: hostOptions.workspaceFiles === true,
    },
    middleware: {
      // The server's lenses are text for every client; here a click on the timeline's figures (or the error
      // budget) opens the Postmortem view at that metric, where each milestone and how it was found are listed.
      provideCodeLenses: async (document, token, next) => {
        const lenses = (await next(document, token)) ?? [];
        for (const lens of lenses) {
          if (lens.command && !lens.command.command) lens.command.command = SHOW_METRIC;
        }
        return lenses;
      },
    },
  };
  client = createClient(clientOptions);
  context.subscriptions.push(client);
  if (hostOptions.workspaceFiles) answerWorkspaceFiles(client);
  await client.start();
  // Trust granted: restart the server, which then reads the config in full.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      if (clientOptions.initializationOptions) clientOptions.initializationOptions.trusted = true;
      void client?.stop().then(() => client?.start());
    }),
  );

  const summaries = new SummaryTracker(client);
  const view = createPostmortemView(summaries);
  const actions = createActionsView(context, client);
  const status = createStatusBar(summaries);
  context.subscriptions.push(
    summaries,
    followCursor(client, summaries),
    view.disposable,
    actions.disposable,
    status.disposable,
    commands.registerCommand(SHOW_METRIC, (target?: MetricTarget) => view.revealMetric(target)),
    ...registerCommands(context, client, summaries),
    commands.registerCommand('postmortem.newPostmortem', (arg) => newPostmortem(context, arg)),
  );
  await Promise.all([summaries.refresh(), actions.provider.refresh()]);
  return {
    view: view.provider,
    viewTree: view.treeView,
    summaries,
    statusBar: status.item,
    actions: actions.provider,
    onDidRestartServer: restarted.event,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
