// The workspace's files through the client, for a server that cannot read them itself (the web worker server of
// github.dev and vscode.dev): requests the server sends and the client answers (client/src/workspace-files.ts,
// with vscode.workspace.findFiles and vscode.workspace.fs). A client announces that it answers them with
// `initializationOptions.workspaceFiles: true`; a server whose client does not (an older one, another editor), or
// whose requests fail, keeps to the documents the editor opens.

export { MAX_WORKSPACE_FILES } from '../core/service/host';

/** The initializationOptions key a client sets to `true` when it answers the requests below. */
export const WORKSPACE_FILES_OPTION = 'workspaceFiles';

/** `postmortem/listFiles` (ListFilesParams → ListFilesResult | null): files below folders matching a glob. */
export const LIST_FILES_METHOD = 'postmortem/listFiles';
/** `postmortem/statFile` ({ uri } → FileStat | null, null when there is no such file). */
export const STAT_FILE_METHOD = 'postmortem/statFile';
/** `postmortem/readFile` ({ uri } → FileContent | null, null when it cannot be read). */
export const READ_FILE_METHOD = 'postmortem/readFile';

export interface ListFilesParams {
  /** Folder URIs to search below; none: every workspace folder. */
  folders: string[];
  /** A glob relative to each folder ("**\/*.{md,markdown,mdx}"). */
  include: string;
  /** A glob of files to leave out, or null. */
  exclude: string | null;
  /** At most this many (the client also stops at MAX_WORKSPACE_FILES). */
  limit: number;
}

export interface ListFilesResult {
  uris: string[];
  /** True when there were more than `limit`. */
  truncated: boolean;
}

export interface FileParams {
  uri: string;
}

export interface FileStat {
  mtimeMs: number;
  size: number;
}

export interface FileContent {
  /** The file's bytes, base64 (the server decodes: UTF-8, BOM, UTF-16). */
  base64: string;
}

/** Bytes as base64 (btoa: in web workers, browsers and Node alike). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The source of a classic worker script that sets where the web server's bundles are, then loads the server: what
 * the web client starts (a worker's own URL may be a blob, from which `../analysis.js` cannot be resolved: VS Code's
 * web extension host wraps every worker in one) and what the server starts for its analysis worker.
 */
export function workerBootstrap(urls: { server: string; analysis: string; analysisWorker?: boolean }): string {
  return [
    `globalThis.POSTMORTEM_SERVER_URL = ${JSON.stringify(urls.server)};`,
    `globalThis.POSTMORTEM_ANALYSIS_URL = ${JSON.stringify(urls.analysis)};`,
    urls.analysisWorker ? 'globalThis.POSTMORTEM_ANALYSIS_WORKER = true;' : '',
    `importScripts(${JSON.stringify(urls.server)});`,
  ].join('\n');
}
