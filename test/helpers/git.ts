// Git repositories that tests build, with git and the built CLI run as a user would run them, minus their config.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** The test runner's NODE_OPTIONS (--import tsx) must not reach the CLI: it runs as a user runs it. */
const { NODE_OPTIONS: _runnerOptions, ...PARENT_ENV } = process.env;

/** Git without the user's or the system's config, so the test sees only the config it sets. */
export const GIT_ENV = {
  ...PARENT_ENV,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** Runs git in `cwd`; returns its standard output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new repository at `dir` (created), on branch main. */
export function initRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
}

/** Commits everything in the working tree, untracked files too. */
export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}
