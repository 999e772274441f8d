import type { FileResult } from '../lint';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
  /**
   * The folder paths are relative to in the CI formats (github, gitlab, sarif, markdown): the git repository's
   * top folder, or `cwd` outside a repository.
   */
  root: string;
  /** Set with --changed-since: only findings on lines changed since `ref` (merge base `base`) are reported. */
  changedSince?: { ref: string; base: string };
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  markdown: formatMarkdown,
};
