// The VS Code client for Node extension hosts: starts dist/server.js (the Node language server) and adds the UI
// pieces (activate.ts). All language knowledge lives in the server (server/src/), so every LSP editor gets the same
// behaviour; each piece here only shows it. The web extension's entry is browser.ts.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';
export { deactivate } from './activate';

export function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return activateWith(context, (options) => new LanguageClient('postmortem', 'Postmortem', serverOptions, options));
}
