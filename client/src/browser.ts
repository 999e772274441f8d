// The VS Code client for the web worker extension host (github.dev, vscode.dev, code-server's web extensions): the
// language server runs in a web worker (dist/web/server.js, which loads dist/analysis.js), the UI pieces are the
// Node client's (activate.ts).
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { workerBootstrap } from '../../server/src/protocol';
import { activateWith, type PostmortemApi } from './activate';

export { deactivate } from './activate';

export async function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const worker = await serverWorker(context.extensionUri);
  // Any scheme: in the browser every document is virtual (vscode-vfs on github.dev, vscode-remote, memfs…).
  const selector = [{ language: 'markdown' }, { language: 'mdx' }, { pattern: '**/*.mdx' }];
  // The server reads the workspace's files through this client (Lint Workspace, the actions view, config files).
  return activateWith(context, (options) => new LanguageClient('postmortem', 'Postmortem', options, worker), selector, {
    workspaceFiles: true,
  });
}

/** The web worker constructor of the extension host (the client's tsconfig has Node's globals, not the DOM's). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
const WebWorker = (globalThis as unknown as { Worker: new (url: string) => ServerWorker }).Worker;
const { Blob: ScriptBlob, URL: Urls } = globalThis as unknown as {
  Blob: new (parts: (string | Uint8Array)[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
};

/**
 * The server's worker, started from a blob that says where the bundles are (protocol's workerBootstrap): VS Code's
 * web worker extension host wraps every worker in a blob of its own, from whose URL the server could not find
 * `../analysis.js` nor start its analysis worker. An extension served over http(s) (github.dev, vscode.dev) gives
 * the bundles' URLs. One served by a remote (code-server, `vscode-remote:` URIs) cannot: the extension host refuses
 * workers from remote extensions, so the bundles are read through the workspace file system and given as blob URLs.
 */
async function serverWorker(extensionUri: Uri): Promise<ServerWorker> {
  const blobUrl = (parts: (string | Uint8Array)[]) =>
    Urls.createObjectURL(new ScriptBlob(parts, { type: 'text/javascript' }));
  const server = Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  const analysis = Uri.joinPath(extensionUri, 'dist', 'analysis.js');
  let urls: { server: string; analysis: string };
  if (extensionUri.scheme !== 'vscode-remote') {
    urls = { server: server.toString(true), analysis: analysis.toString(true) };
  } else {
    const [analysisBytes, serverBytes] = await Promise.all([
      workspace.fs.readFile(analysis),
      workspace.fs.readFile(server),
    ]);
    urls = { server: blobUrl([serverBytes]), analysis: blobUrl([analysisBytes]) };
  }
  return withEvents(new WebWorker(blobUrl([workerBootstrap(urls)])));
}

interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  addEventListener?: unknown;
  removeEventListener?: unknown;
}

/**
 * The worker the extension host gives a remote extension is its own emulation: `onmessage` and `onerror`, but no
 * `addEventListener`, which vscode-languageclient's reader and writer call for errors. Add it (and its remove).
 */
function withEvents(worker: ServerWorker): ServerWorker {
  const port = worker as unknown as PortLike;
  if (typeof port.addEventListener === 'function') return worker;
  const errors = new Set<(event: unknown) => void>();
  port.onerror = (event) => {
    for (const listener of errors) listener(event);
  };
  port.addEventListener = (type: string, listener: (event: unknown) => void) => {
    if (type === 'error') errors.add(listener);
  };
  port.removeEventListener = (type: string, listener: (event: unknown) => void) => {
    if (type === 'error') errors.delete(listener);
  };
  return worker;
}
