import type { ConfigFs } from '../config-loader';

/**
 * What the analysis needs from the machine it runs on, and nothing more: the Node host (`node/host.ts`) reads the
 * disk, the browser host (`memoryHost`) serves the editor's open documents. The core never imports a file system.
 * Paths are the host's own (Windows or POSIX on Node, URI paths in the browser); `path` operates on them.
 */
export interface Host extends ConfigFs {
  /** The file's bytes, or undefined when it cannot be read. */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Size and modification time, or undefined when there is no such file. */
  stat(path: string): Promise<{ mtimeMs: number; size: number } | undefined>;
  /** Whether a file or folder exists (synchronous: config lookups walk up folders). */
  exists(path: string): boolean;
  /**
   * Every Markdown file below the folders (no node_modules, no dot-folders; names sorted, depth first), at most
   * `limit`; `truncated` when there were more. A host that cannot list files returns none (`listable: false`).
   */
  listMarkdown(folders: readonly string[], limit?: number): Promise<{ files: string[]; truncated: boolean }>;
  /** False when the host cannot list folders (a virtual workspace): workspace-wide features say so. */
  readonly listable: boolean;
  readonly path: PathOps;
}

/** Path operations on the host's paths (Node's `path` on Node, POSIX in the browser). */
export interface PathOps {
  join(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
  readonly sep: string;
}

/** A relative path with forward slashes, as globs and reports expect. */
export function posixRelative(path: PathOps, from: string, to: string): string {
  const rel = path.relative(from, to);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

/** Whether `path` is `folder` or inside it. */
export function isInside(ops: PathOps, folder: string, path: string): boolean {
  const rel = ops.relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !ops.isAbsolute(rel));
}

/** The Markdown files every host lists. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];

/** The server's bound on a workspace walk, so that a huge folder cannot stall the editor. */
export const MAX_WORKSPACE_FILES = 5000;

export function isMarkdownFile(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Folders never walked: dependencies and dot-folders (.git, .vscode-test, …). */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}
