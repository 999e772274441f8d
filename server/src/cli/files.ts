import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { findMarkdownFiles, isMarkdownFile } from '../node/walk';

export interface Target {
  path: string;
  /** Named on the command line: always linted as a postmortem. */
  explicit: boolean;
}

export class UsageError extends Error {}

const GLOB_CHARS = /[*?[\]{}]/;

/** Every Markdown file below a folder (the shared walk); a folder that cannot be read is a usage error. */
async function walk(dir: string): Promise<string[]> {
  const { files } = await findMarkdownFiles([dir], {
    onUnreadable: (folder, e) => {
      throw new UsageError(`Cannot read folder ${folder}: ${e.code ?? e.message}`);
    },
  });
  return files;
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
      for (const f of await walk(resolve(cwd, arg))) add(f, false);
    } else if (stats) {
      add(arg, true);
    } else {
      const matches = await glob(arg, {
        cwd,
        absolute: true,
        ignore: ['**/node_modules/**'],
        dot: false,
        // A linked folder may lead out of the workspace; the folder walk does not follow links either.
        followSymbolicLinks: false,
      });
      const markdown = matches.filter(isMarkdownFile).sort();
      if (markdown.length === 0) throw new UsageError(`No Markdown files match ${arg}`);
      for (const f of markdown) add(f, false);
    }
  }
  return [...targets.values()];
}
