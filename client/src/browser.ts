// The VS Code client for the web worker extension host (github.dev, vscode.dev, code-server's web extensions): the
// language server runs in a web worker (dist/web/server.js), the UI pieces are the Node client's (activate.ts).
import { type ExtensionContext, Uri } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type PostmortemApi } from './activate';

export { deactivate } from './activate';

/** The web worker constructor of the extension host (the client's tsconfig has Node's globals, not the DOM's). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
const WebWorker = (globalThis as unknown as { Worker: new (url: string) => ServerWorker }).Worker;

export function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // Any scheme: in the browser every document is virtual (vscode-vfs on github.dev, vscode-remote, memfs…).
  const selector = [{ language: 'markdown' }, { language: 'mdx' }, { pattern: '**/*.mdx' }];
  return activateWith(
    context,
    (options) => new LanguageClient('postmortem', 'Postmortem', options, new WebWorker(serverMain.toString(true))),
    selector,
  );
}
