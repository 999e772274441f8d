import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];

export interface Target {
  path: string;
  /** Named on the command line: always linted as a postmortem. */
  explicit: boolean;
}

export class UsageError extends Error {}

const GLOB_CHARS = /[*?[\]{}]/;

function isMarkdown(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Every Markdown file below a folder, skipping node_modules and dot-folders. */
function walk(dir: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`Cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(full, out);
    } else if (entry.isFile() && isMarkdown(entry.name)) {
      out.push(full);
    }
  }
}

/** Expands the command line's paths, folders and globs into the files to lint, each once, in a stable order. */
export async function expandTargets(args: readonly string[], cwd: string): Promise<Target[]> {
  const targets = new Map<string, Target>();
  const add = (path: string, explicit: boolean) => {
    const absolute = resolve(cwd, path);
    const existing = targets.get(absolute);
    if (!existing || (explicit && !existing.explicit)) targets.set(absolute, { path: absolute, explicit });
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(resolve(cwd, arg));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !GLOB_CHARS.test(arg)) {
        throw new UsageError(code === 'ENOENT' ? `No such file or folder: ${arg}` : `Cannot read ${arg}: ${code}`);
      }
    }
    if (stats?.isDirectory()) {
      const found: string[] = [];
      walk(resolve(cwd, arg), found);
      for (const f of found) add(f, false);
    } else if (stats) {
      add(arg, true);
    } else {
      const matches = await glob(arg, { cwd, absolute: true, ignore: ['**/node_modules/**'], dot: false });
      const markdown = matches.filter(isMarkdown).sort();
      if (markdown.length === 0) throw new UsageError(`No Markdown files match ${arg}`);
      for (const f of markdown) add(f, false);
    }
  }
  return [...targets.values()];
}
