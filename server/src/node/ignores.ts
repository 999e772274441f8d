import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * The `.gitignore` files that apply to a path: every one from the file's folder up to the repository's top
 * folder (the one holding `.git`), read once each, and `.git/info/exclude`. Outside a repository, only the
 * `.gitignore` files up to the file system root. Uses the `ignore` package (git's matching rules).
 */
export class GitignoreFilter {
  private readonly folders = new Map<string, { ignore: Ignore | undefined; top: boolean }>();

  isIgnored(path: string): boolean {
    let dir = dirname(path);
    for (;;) {
      const { ignore: rules, top } = this.folder(dir);
      const rel = toPosix(relative(dir, path));
      if (rules?.ignores(rel)) return true;
      const parent = dirname(dir);
      if (top || parent === dir) return false;
      dir = parent;
    }
  }

  private folder(dir: string): { ignore: Ignore | undefined; top: boolean } {
    const cached = this.folders.get(dir);
    if (cached) return cached;
    const top = exists(join(dir, '.git'));
    const texts = [read(join(dir, '.gitignore')), top ? read(join(dir, '.git', 'info', 'exclude')) : undefined];
    const present = texts.filter((t): t is string => t !== undefined);
    const entry = { ignore: present.length > 0 ? ignore().add(present) : undefined, top };
    this.folders.set(dir, entry);
    return entry;
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
