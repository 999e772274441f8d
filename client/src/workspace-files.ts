// The web client reads the workspace for its server (protocol/files.ts): the web worker server cannot reach
// github.dev's or vscode.dev's file system itself, so it asks for the Markdown and config files it needs.
import { FileType, RelativePattern, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  type FileContent,
  type FileParams,
  type FileStat,
  LIST_FILES_METHOD,
  type ListFilesParams,
  type ListFilesResult,
  MAX_WORKSPACE_FILES,
  READ_FILE_METHOD,
  STAT_FILE_METHOD,
  toBase64,
} from '../../server/src/protocol';

/** Registers the answers (before the client starts: the server asks once initialized). */
export function answerWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(LIST_FILES_METHOD, listFiles);
  client.onRequest(STAT_FILE_METHOD, async ({ uri }: FileParams): Promise<FileStat | null> => {
    try {
      const stat = await workspace.fs.stat(Uri.parse(uri));
      return stat.type & FileType.File ? { mtimeMs: stat.mtime, size: stat.size } : null;
    } catch {
      return null;
    }
  });
  client.onRequest(READ_FILE_METHOD, async ({ uri }: FileParams): Promise<FileContent | null> => {
    try {
      return { base64: toBase64(await workspace.fs.readFile(Uri.parse(uri))) };
    } catch {
      return null;
    }
  });
}

/** The files matching `include` below the folders (every workspace folder when none), at most `limit`. */
async function listFiles(params: ListFilesParams): Promise<ListFilesResult> {
  const limit = Math.max(0, Math.min(params.limit, MAX_WORKSPACE_FILES));
  const folders = params.folders.length > 0 ? params.folders.map((f) => Uri.parse(f)) : [undefined];
  const uris = new Set<string>();
  let truncated = false;
  for (const folder of folders) {
    const include = folder ? new RelativePattern(folder, params.include) : params.include;
    // One more than asked: whether there were more.
    const found = await workspace.findFiles(include, params.exclude, limit - uris.size + 1);
    for (const uri of found) {
      if (uris.size >= limit) {
        truncated = true;
        break;
      }
      uris.add(uri.toString());
    }
    if (truncated) break;
  }
  return { uris: [...uris], truncated };
}
