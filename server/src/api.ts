// The programmatic API of the npm package (`import { lint, format, loadConfig } from '@postmortem-lint/cli'`).
// The CLI's `lint` command runs the same path (cli/run-lint.ts), so the API and the command line cannot disagree.
import { join, resolve } from 'node:path';
import { FORMATTERS } from './cli/formatters';
import { type JsonMessage, type JsonResult, toJsonResult } from './cli/formatters/json';
import type { FileResult } from './cli/lint';
import { Linter } from './cli/lint';
import { configToJson } from './cli/print-config';
import { runLint } from './cli/run-lint';
import type { ConfigFile } from './core';
import { VERSION } from './core/version';

export type { ConfigFile, JsonMessage as LintMessage };

export interface LintOptions {
  /** Files, folders or globs relative to `cwd` (default: `cwd` itself), as on the command line. */
  files?: string[];
  /** Lint this text instead of files; `filePath` names it (for its config and postmortem detection). */
  text?: string;
  filePath?: string;
  /**
   * A config file's path (relative to `cwd`), a config object (as a `.postmortemrc.json` holds), or `false`
   * for the defaults only. By default the `.postmortemrc.*` files near each file apply.
   */
  config?: string | ConfigFile | false;
  /** The folder paths are relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Apply the safe fixes: files are written in place; with `text`, the fixed text is in `output`. */
  fix?: boolean;
  /** Lint every Markdown file found, not only those that look like postmortems. */
  all?: boolean;
  /** Skip what `.gitignore` files ignore (default true). */
  gitignore?: boolean;
  /**
   * How a required part that still holds the template's text is reported: `'error'` (the default for files, as
   * `postmortem lint` does) or `'info'` (the default with `text`: a "still to write" note, as in the editor).
   */
  templateText?: 'error' | 'info';
}

/** One file's findings: the shape of the JSON formatter's entries (ESLint's), plus `output` after a fix. */
export interface LintResult extends JsonResult {
  /** The fixed text, when `fix` changed it. */
  output?: string;
}

/** The resolved configuration as data. */
export type ResolvedConfigJson = ReturnType<typeof configToJson>;

/** The formats `format()` and `--format` know. */
export const formats: readonly string[] = Object.keys(FORMATTERS);

export const version: string = VERSION;

// The analysed files behind each result, so that format() can run every formatter (snippets, checklists) on them.
const analysed = new WeakMap<LintResult, FileResult>();

/**
 * Lints files or a text. Resolves to one result per postmortem linted (files that do not look like postmortems
 * are left out, as in the JSON format). Rejects with an Error for bad input: a missing file, a bad config.
 */
export async function lint(options: LintOptions = {}): Promise<LintResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { results } = await runLint({
    cwd,
    patterns: options.files,
    text: options.text,
    filePath: options.filePath,
    fix: options.fix,
    all: options.all,
    gitignore: options.gitignore,
    noConfig: options.config === false,
    configPath: typeof options.config === 'string' ? options.config : undefined,
    config: typeof options.config === 'object' ? options.config : undefined,
    templateText: options.templateText,
  });
  return results
    .filter((r) => !r.skipped)
    .map((r) => {
      const result: LintResult = toJsonResult(r);
      if (r.fixesApplied > 0) result.output = r.text;
      analysed.set(result, r);
      return result;
    });
}

export interface FormatOptions {
  /** Paths in the report are relative to this folder (default: `process.cwd()`). */
  cwd?: string;
  /** Colour the stylish format (default: never). */
  color?: boolean;
}

/** Writes results of `lint()` in one of `formats` (stylish, json, sarif, github, gitlab, markdown). */
export function format(results: readonly LintResult[], name = 'stylish', options: FormatOptions = {}): string {
  const formatter = FORMATTERS[name];
  if (!formatter) throw new Error(`Unknown format "${name}"; choose one of ${formats.join(', ')}.`);
  const files = results.map((r) => {
    const file = analysed.get(r);
    if (!file) throw new TypeError('format() takes the results of lint(), as they were returned');
    return file;
  });
  const cwd = resolve(options.cwd ?? process.cwd());
  return formatter(files, { cwd, color: !!options.color, root: cwd });
}

/**
 * The configuration that applies to files in `dir`: the `.postmortemrc.*` files found from there upwards,
 * merged (with their `extends`), over the defaults. Throws for a bad config file, naming the file and line.
 */
export function loadConfig(dir: string = process.cwd()): ResolvedConfigJson {
  const folder = resolve(dir);
  const linter = new Linter({ cwd: folder, fix: false, all: false });
  return configToJson(linter.configFor(join(folder, 'postmortem.md')));
}
