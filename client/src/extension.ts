// The VS Code client: starts the Postmortem language server and passes it the settings. All language
// knowledge lives in the server (server/src/), so every LSP editor gets the same behaviour.
import * as path from 'node:path';
import { type ExtensionContext, workspace } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'mdx' },
      { scheme: 'file', pattern: '**/*.mdx' },
    ],
    synchronize: {
      configurationSection: 'postmortem',
      fileEvents: workspace.createFileSystemWatcher('**/.postmortemrc{.json,.yaml,.yml}'),
    },
    initializationOptions: { settings: workspace.getConfiguration('postmortem') },
  };
  client = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
