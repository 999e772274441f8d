/**
 * What changed since a git ref, for `postmortem lint --changed-since`. Git runs through execFile (no shell), from the
 * repository root, with options that no user or system git config can change (prefixes, colours, external diff).
 *
 * Semantics are those of a pull request: the base is the merge base of the ref and HEAD (`git diff ref...HEAD`), and
 * the other side is the working tree, so uncommitted edits and untracked (not ignored) files count as changes too;
 * in CI the working tree is HEAD, so this is exactly the pull request's diff.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type ChangeStatus, type LineChanges, parseNameStatusZ, parseUnifiedZeroDiff } from './git-diff';

/** Git is missing, the folder is not a repository, the ref is unknown or the history is too shallow. */
export class GitError extends Error {}

/** The Markdown files --changed-since considers (the same extensions the CLI lints). */
const PATHSPECS = [':(icase)*.md', ':(icase)*.markdown', ':(icase)*.mdx'];

export interface ChangedFile {
  status: ChangeStatus;
  /** Repository-relative path, forward slashes. */
  relativePath: string;
  /** Repository-relative old path of a rename or copy. */
  from?: string;
}

export interface ChangeSet {
  /** The repository's top folder, spelled as the current folder spells it (see rootSeenFrom). */
  root: string;
  ref: string;
  /** The merge base of the ref and HEAD: the commit the changes are measured from. */
  base: string;
  /** Changed files that still exist, by absolute path (deleted files are not listed). */
  files: Map<string, ChangedFile>;
}

/** The lines a file changed; `wholeFile` for added and untracked files. */
export interface FileLineChanges extends LineChanges {
  wholeFile: boolean;
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  // Loaded here: a lint that runs no git (most) does not load child_process (some 6 ms of a one-file run).
  const { execFile } = await import('node:child_process');
  return new Promise((done, fail) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        windowsHide: true,
        // Never prompt, and do not take the index lock just to refresh stat data (another CI step may hold it).
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          fail(new GitError('git was not found on the PATH; --changed-since needs git installed.'));
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}

/**
 * The repository root spelled from `cwd`'s side: git resolves symlinks (macOS's /var is /private/var), while the
 * CLI's paths keep the spelling of the folder it runs in, and the two must compare equal.
 */
function rootSeenFrom(gitRoot: string, cwd: string): string {
  try {
    const realRoot = realpathSync.native(gitRoot);
    const rel = relative(realRoot, realpathSync.native(cwd));
    if (rel.startsWith('..') || isAbsolute(rel)) return resolve(gitRoot);
    const candidate = resolve(
      cwd,
      ...rel
        .split(sep)
        .filter(Boolean)
        .map(() => '..'),
    );
    return realpathSync.native(candidate) === realRoot ? candidate : resolve(gitRoot);
  } catch {
    return resolve(gitRoot);
  }
}

/** The top folder of the git repository that holds `cwd`, or undefined (not a repository, or no git). */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
  try {
    const r = await runGit(['rev-parse', '--show-toplevel'], cwd);
    return r.code === 0 && r.stdout.trim() ? rootSeenFrom(r.stdout.trim(), cwd) : undefined;
  } catch {
    return undefined;
  }
}

async function isShallow(root: string): Promise<boolean> {
  const r = await runGit(['rev-parse', '--is-shallow-repository'], root);
  return r.stdout.trim() === 'true';
}

const FETCH_ALL_HINT = 'in GitHub Actions, check out with "fetch-depth: 0"; in GitLab CI, set GIT_DEPTH: 0';

/** Explains a ref that does not resolve, with what to fetch. */
async function unknownRefMessage(ref: string, root: string): Promise<string> {
  const remotes = (await runGit(['remote'], root)).stdout.split('\n').filter(Boolean);
  const slash = ref.indexOf('/');
  const remote = slash > 0 ? ref.slice(0, slash) : undefined;
  if (remote && remotes.includes(remote)) {
    const branch = ref.slice(slash + 1);
    return (
      `Unknown git ref "${ref}": branch "${branch}" of remote "${remote}" has not been fetched. ` +
      `Fetch it with "git fetch ${remote} ${branch}" (${FETCH_ALL_HINT}).`
    );
  }
  const suggestion =
    remotes.length > 0 ? ` If it is a remote branch, fetch it first ("git fetch ${remotes[0]} ${ref}").` : '';
  return `Unknown git ref "${ref}": no branch, tag or commit has that name.${suggestion}`;
}

/**
 * The Markdown files changed between the merge base of `ref` and HEAD, and the working tree.
 * Throws GitError with a message that says what to do (fetch the ref, unshallow the clone, …).
 */
export async function changedSince(ref: string, cwd: string): Promise<ChangeSet> {
  if (!ref.trim()) throw new GitError('--changed-since needs a git ref (a branch, tag or commit), e.g. origin/main.');
  if (ref.startsWith('-')) throw new GitError(`"${ref}" is not a git ref: refs cannot start with "-".`);

  const top = await runGit(['rev-parse', '--show-toplevel'], cwd);
  if (top.code !== 0) {
    const why = firstLine(top.stderr);
    throw new GitError(
      `--changed-since needs a git repository, and ${cwd} is not inside one${why ? ` (git: ${why})` : ''}.`,
    );
  }
  const root = rootSeenFrom(top.stdout.trim(), cwd);

  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root);
  if (head.code !== 0) throw new GitError('HEAD has no commit yet, so nothing can be compared with --changed-since.');

  const resolved = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  if (resolved.code !== 0) throw new GitError(await unknownRefMessage(ref, root));

  const mergeBase = await runGit(['merge-base', ref, 'HEAD'], root);
  if (mergeBase.code !== 0 || !mergeBase.stdout.trim()) {
    if (await isShallow(root)) {
      throw new GitError(
        `"${ref}" and HEAD have no common ancestor in this shallow clone: the history that joins them was not fetched. ` +
          `Fetch it with "git fetch --unshallow" (or "git fetch --deepen=100" for part of it; ${FETCH_ALL_HINT}).`,
      );
    }
    const why = mergeBase.code > 1 ? ` (git: ${firstLine(mergeBase.stderr)})` : '';
    throw new GitError(`"${ref}" and HEAD have no common ancestor, so --changed-since cannot tell what changed${why}.`);
  }
  const base = mergeBase.stdout.trim();

  const diffOptions = ['--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-submodules'];
  const nameStatus = await runGit(
    ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', ...diffOptions, base, '--', ...PATHSPECS],
    root,
  );
  if (nameStatus.code !== 0) throw new GitError(`git diff failed: ${firstLine(nameStatus.stderr)}`);
  const untracked = await runGit(['ls-files', '--others', '--exclude-standard', '-z', '--', ...PATHSPECS], root);
  if (untracked.code !== 0) throw new GitError(`git ls-files failed: ${firstLine(untracked.stderr)}`);

  const files = new Map<string, ChangedFile>();
  for (const entry of parseNameStatusZ(nameStatus.stdout)) {
    if (entry.status === 'deleted') continue;
    files.set(join(root, entry.path), { status: entry.status, relativePath: entry.path, from: entry.from });
  }
  for (const path of untracked.stdout.split('\0').filter(Boolean)) {
    files.set(join(root, path), { status: 'untracked', relativePath: path });
  }
  return { root, ref, base, files };
}

/**
 * The lines each changed file added or modified, measured now (so after `--fix` wrote its edits). Files with no
 * hunks (pure renames) get an empty set: only their whole-document findings are reported.
 */
export async function changedLines(changes: ChangeSet): Promise<Map<string, FileLineChanges>> {
  const patch = await runGit(
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--ignore-submodules',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      changes.base,
      '--',
      ...PATHSPECS,
    ],
    changes.root,
  );
  if (patch.code !== 0) throw new GitError(`git diff failed: ${firstLine(patch.stderr)}`);
  const parsed = parseUnifiedZeroDiff(patch.stdout, 'b/');
  const out = new Map<string, FileLineChanges>();
  for (const [path, file] of changes.files) {
    const wholeFile = file.status === 'added' || file.status === 'untracked';
    const lines = parsed.get(file.relativePath) ?? { lines: new Set<number>(), deletedAfter: new Set<number>() };
    out.set(path, { ...lines, wholeFile });
  }
  return out;
}
