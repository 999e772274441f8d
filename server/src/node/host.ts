import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Host } from '../core/service';
import { findMarkdownFiles } from './walk';

/** The analysis service's view of the real file system: the CLI's and the Node server's. */
export const nodeHost: Host = {
  path: { join, dirname, basename, relative, isAbsolute, sep },
  listable: true,
  dirname,
  join: (dir, name) => join(dir, name),
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async readBytes(path) {
    try {
      return await readFile(path);
    } catch {
      return undefined;
    }
  },
  async stat(path) {
    try {
      const s = await stat(path);
      return { mtimeMs: s.mtimeMs, size: s.size };
    } catch {
      return undefined;
    }
  },
  exists(path) {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  },
  listMarkdown: (folders, limit) => findMarkdownFiles(folders, { limit }),
};
