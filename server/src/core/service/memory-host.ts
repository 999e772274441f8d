import { posix } from 'pathe';
import type { Host, PathOps } from './host';
import { isMarkdownFile, isSkippedFolder } from './host';

/** POSIX path operations: the memory host's and the browser's (URI paths). */
export const POSIX: PathOps = {
  join: (...parts) => posix.join(...parts),
  dirname: (p) => posix.dirname(p),
  basename: (p) => posix.basename(p),
  relative: (from, to) => posix.relative(from, to),
  isAbsolute: (p) => posix.isAbsolute(p),
  sep: '/',
};

/**
 * A host over files held in memory, with POSIX paths: the browser server's (the editor's open documents and what
 * the client sends; no disk) and the tests'. `files` may be changed after the host is made.
 */
export function memoryHost(
  files: Map<string, string | Uint8Array> = new Map(),
  options: { listable?: boolean } = {},
): Host {
  const encoder = new TextEncoder();
  const isFolder = (path: string) => {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const key of files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  };
  return {
    path: POSIX,
    listable: options.listable ?? true,
    dirname: POSIX.dirname,
    join: (dir, name) => POSIX.join(dir, name),
    readFile(path) {
      const value = files.get(path);
      return typeof value === 'string' ? value : value ? new TextDecoder().decode(value) : undefined;
    },
    async readBytes(path) {
      const value = files.get(path);
      return typeof value === 'string' ? encoder.encode(value) : value;
    },
    async stat(path) {
      const value = files.get(path);
      if (value === undefined) return undefined;
      return { mtimeMs: 0, size: typeof value === 'string' ? encoder.encode(value).length : value.length };
    },
    exists: (path) => files.has(path) || isFolder(path),
    async listMarkdown(folders, limit = Number.POSITIVE_INFINITY) {
      if (options.listable === false) return { files: [], truncated: false };
      const found: string[] = [];
      for (const folder of folders) {
        const prefix = folder.endsWith('/') ? folder : `${folder}/`;
        const below = [...files.keys()]
          .filter((p) => p.startsWith(prefix) && isMarkdownFile(p))
          .filter((p) => !p.slice(prefix.length).split('/').slice(0, -1).some(isSkippedFolder))
          .sort();
        for (const p of below) {
          if (found.length >= limit) return { files: found, truncated: true };
          found.push(p);
        }
      }
      return { files: found, truncated: false };
    },
  };
}
