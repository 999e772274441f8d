// The VS Code client for the web worker extension host (github.dev, vscode.dev, code-server's web extensions): the
// language server runs in a web worker (dist/web/server.js, which loads dist/analysis.js), the UI pieces are the
// Node client's (activate.ts).
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/browser';
import { workerBootstrap } from '../../server/src/protocol';
import { activateWith, type PostmortemApi } from './activate';

export { deactivate } from './activate';

export async function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const worker = await serverWorker(context.extensionUri);
  // Any scheme: in the browser every document is virtual (vscode-vfs on github.dev, vscode-remote, memfs…).
  const selector = [{ language: 'markdown' }, { language: 'mdx' }, { pattern: '**/*.mdx' }];
  // The server reads the workspace's files through this client (Lint Workspace, the actions view, config files).
  // vscode-languageclient 10+ takes the server (the worker) before the client options, as the Node client does.
  const server: ServerOptions = worker;
  const createClient = (options: LanguageClientOptions) =>
    new LanguageClient('postmortem', 'Postmortem', server, { ...options, ...cloneable(options) });
  return activateWith(context, createClient, selector, { workspaceFiles: true });
}

/**
 * The initialization options as plain data. A message to a worker is a structured clone, which refuses functions:
 * the settings (a WorkspaceConfiguration, with `get` and `has`) failed `initialize` with "could not be cloned".
 * Over Node's IPC they go as JSON; here too.
 */
function cloneable(options: LanguageClientOptions): Pick<LanguageClientOptions, 'initializationOptions'> {
  const given = options.initializationOptions;
  const value = typeof given === 'function' ? given() : given;
  return { initializationOptions: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
}

/**
 * What vscode-languageclient/browser's reader and writer use of the server's worker. The library's own parameter
 * types name the DOM's `Worker`, which the client's tsconfig (Node's globals) does not have, so they accept
 * anything: the compiler cannot tell the server from the client options there (their order changed in
 * vscode-languageclient 10, and passing the options as the port failed activation with "port.addEventListener is
 * not a function"). test/editors/vscode/ui-web-extension-check.js runs this entry in VS Code's web worker host.
 */
interface ServerWorker {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}
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
 * The worker the extension host gives back is a real Worker (a nested worker of the extension host's), or where the
 * browser has no nested workers the host's stand-in over a MessagePort, an EventTarget: both serve the reader and
 * the writer as they are.
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
  return new WebWorker(blobUrl([workerBootstrap(urls)]));
}
