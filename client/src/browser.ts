// The VS Code client for the web worker extension host (github.dev, vscode.dev, code-server's web extensions): the
// language server runs in a web worker (dist/web/server.js, which loads dist/analysis.js), the UI pieces are the
// Node client's (activate.ts).
import { type ExtensionContext, Uri, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type PostmortemApi } from './activate';

export { deactivate } from './activate';

/** The web worker constructor of the extension host (the client's tsconfig has Node's globals, not the DOM's). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
const WebWorker = (globalThis as unknown as { Worker: new (url: string) => ServerWorker }).Worker;
const { Blob: ScriptBlob, URL: Urls } = globalThis as unknown as {
  Blob: new (parts: (string | Uint8Array)[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
};

/**
 * The server's worker. An extension served over http(s) (github.dev, vscode.dev) starts it from its URL. One served
 * by a remote (code-server, `vscode-remote:` URIs) cannot: the extension host refuses workers from remote
 * extensions, so the bundles are read through the workspace file system and started from blob URLs, the server
 * told where the analysis is.
 */
async function serverWorker(extensionUri: Uri): Promise<ServerWorker> {
  const server = Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  if (extensionUri.scheme !== 'vscode-remote') return new WebWorker(server.toString(true));
  const blobUrl = (parts: (string | Uint8Array)[]) =>
    Urls.createObjectURL(new ScriptBlob(parts, { type: 'text/javascript' }));
  const [analysis, main] = await Promise.all([
    workspace.fs.readFile(Uri.joinPath(extensionUri, 'dist', 'analysis.js')),
    workspace.fs.readFile(server),
  ]);
  const analysisUrl = blobUrl([analysis]);
  return withEvents(
    new WebWorker(blobUrl([`globalThis.POSTMORTEM_ANALYSIS_URL = ${JSON.stringify(analysisUrl)};\n`, main])),
  );
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
