/**
 * Pure parsers for git's output: `diff --name-status -z` and `diff --unified=0` patches.
 *
 * Why not parse-diff: it strips the quotes git puts around unusual paths but does not undo git's C-style escapes
 * (`"caf\303\251.md"`, `"a\"b.md"`), it trims spaces that belong to a name, and it needs context lines we do not ask
 * for. With `--unified=0` the hunk headers alone say which lines changed, so a small parser is simpler and exact.
 */

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'type-changed' | 'deleted' | 'untracked';

export interface NameStatusEntry {
  status: ChangeStatus;
  /** Repository-relative path with forward slashes (the new path of a rename or copy). */
  path: string;
  /** The old path of a rename or copy. */
  from?: string;
}

export interface LineChanges {
  /** 1-based lines of the new file that were added or modified. */
  lines: Set<number>;
  /** New-file lines after which old lines were deleted (0: before the first line). */
  deletedAfter: Set<number>;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  D: 'deleted',
};

/** Parses `git diff --name-status -z`: `M\0path\0`, `R100\0old\0new\0`, … Unknown (U, X) entries are skipped. */
export function parseNameStatusZ(output: string): NameStatusEntry[] {
  const fields = output.split('\0');
  const entries: NameStatusEntry[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++];
    if (!code) continue;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++];
      const path = fields[i++];
      if (path !== undefined) entries.push({ status: STATUS[letter], path, from });
    } else {
      const path = fields[i++];
      const status = STATUS[letter];
      if (status && path !== undefined) entries.push({ status, path });
    }
  }
  return entries;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's quoting of a path (`"a/caf\303\251 \"x\".md"` → `a/café "x".md`); unquoted input is returned as is. */
export function unquoteGitPath(raw: string): string {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && /[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? '';
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length;
    } else if (next !== undefined && next in C_ESCAPES) {
      bytes.push(C_ESCAPES[next]);
      i++;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path on a `+++ b/path` line (git adds a tab after names that contain a space); undefined for /dev/null. */
function newSidePath(line: string, prefix: string): string | undefined {
  let name = line.slice(4);
  if (name.endsWith('\t')) name = name.slice(0, -1);
  if (name === '/dev/null') return undefined;
  name = unquoteGitPath(name);
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a `git diff --unified=0 --dst-prefix=b/` patch into the new-file lines each file changed, keyed by the
 * repository-relative new path. Files with no hunks (pure renames, mode changes, binary files) are absent.
 */
export function parseUnifiedZeroDiff(patch: string, dstPrefix = 'b/'): Map<string, LineChanges> {
  const files = new Map<string, LineChanges>();
  let current: LineChanges | undefined;
  // "+++ " opens a file only in the header part; in a hunk it is an added line that starts with "++".
  let inHeader = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      inHeader = true;
    } else if (inHeader && line.startsWith('+++ ')) {
      const path = newSidePath(line.replace(/\r$/, ''), dstPrefix);
      current = undefined;
      if (path !== undefined) {
        current = files.get(path) ?? { lines: new Set(), deletedAfter: new Set() };
        files.set(path, current);
      }
    } else if (line.startsWith('@@ ')) {
      inHeader = false;
      const m = current && HUNK.exec(line);
      if (!current || !m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      // "+4,0" means lines were only deleted, after new line 4.
      if (count === 0) current.deletedAfter.add(start);
      for (let l = start; l < start + count; l++) current.lines.add(l);
    }
  }
  return files;
}
