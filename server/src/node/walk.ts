import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBytes } from '../core';
import { isMarkdownFile, isSkippedFolder } from '../core/service/host';

/**
 * The one walk for Markdown files, shared by the CLI (folders on its command line) and the language server
 * ("Lint Workspace", the Follow-up actions view): Markdown files only, no node_modules, no dot-folders, in a
 * stable order (names sorted, depth first).
 */
export { isMarkdownFile, isSkippedFolder, MARKDOWN_EXTENSIONS, MAX_WORKSPACE_FILES } from '../core/service/host';

export interface WalkOptions {
  /** Stop after this many files (the result says `truncated`). */
  limit?: number;
  /** Called for a folder that cannot be read; throw to stop the walk. By default the folder is skipped. */
  onUnreadable?: (dir: string, error: NodeJS.ErrnoException) => void;
}

export interface WalkResult {
  files: string[];
  /** True when the walk stopped at the limit. */
  truncated: boolean;
}

/** Every Markdown file below the given folders. */
export async function findMarkdownFiles(folders: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const files: string[] = [];
  /** Returns false once the limit is reached. */
  const visit = async (dir: string): Promise<boolean> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      options.onUnreadable?.(dir, e as NodeJS.ErrnoException);
      return true;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name) && !(await visit(full))) return false;
      } else if (entry.isFile() && isMarkdownFile(entry.name)) {
        if (files.length >= limit) return false;
        files.push(full);
      }
    }
    return true;
  };
  for (const folder of folders) {
    if (!(await visit(folder))) return { files, truncated: true };
  }
  return { files, truncated: false };
}

/** A Markdown file's text, or undefined when it cannot be read or is not text (opening it in the editor says why). */
export async function readMarkdownFile(path: string): Promise<string | undefined> {
  try {
    const decoded = decodeBytes(await readFile(path));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
