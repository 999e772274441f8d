import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type Severity } from '../core';
import { VERSION } from '../core/version';
import { type ChangeSet, GitError, repositoryRoot } from '../node/git';
import { useColor } from './color';
import { COMMANDS } from './commands';
import { COMMON_OPTIONS, emit } from './commands/shared';
import { UsageError } from './files';
import { FORMATTERS } from './formatters';
import { HELP, helpFor } from './help';
import { type FileResult, UnreadableError } from './lint';
import type { LintStats } from './lint-engine';
import { parseConcurrency } from './lint-pool';
import { printConfig } from './print-config';
import { runLint } from './run-lint';
import { readStdin } from './stdin';
import { TEMPLATE_TEXT_MODES, type TemplateTextMode, templatePartHeadings } from './template-parts';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
  /** Whether standard output shows colours (Node's `stream.hasColors()`); `isTty` when not given. */
  hasColors?: () => boolean;
  /** Standard input's text, for --stdin (tests pass their own). */
  readStdin?: () => Promise<string>;
}

/** Runs the CLI and returns its exit code; all output goes through `io`. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const help = helpFor(argv);
  if (help) {
    io.stdout(help.text);
    return help.code;
  }
  const subcommand = COMMANDS[command];
  if (subcommand) return subcommand(rest, io);
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command !== 'lint') {
    io.stderr(`postmortem: unknown command "${command}". Run "postmortem --help".\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseLintArgs>;
  try {
    parsed = parseLintArgs(rest);
  } catch (e) {
    io.stderr(`postmortem: ${(e as Error).message}. Run "postmortem --help".\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const format = values.format ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) {
    io.stderr(`postmortem: unknown format "${format}"; choose one of ${Object.keys(FORMATTERS).join(', ')}.\n`);
    return 2;
  }
  const reportFiles = parseReportFiles(values['report-file'] ?? []);
  if (reportFiles instanceof Error) {
    io.stderr(`postmortem: ${reportFiles.message}\n`);
    return 2;
  }
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (maxWarnings instanceof Error) {
    io.stderr(`postmortem: ${maxWarnings.message}\n`);
    return 2;
  }
  const changedRef = values['changed-since'];
  const templateText = values['template-text'];
  if (templateText !== undefined && !TEMPLATE_TEXT_MODES.includes(templateText as TemplateTextMode)) {
    io.stderr(`postmortem: --template-text needs error or info, not "${templateText}".\n`);
    return 2;
  }

  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency instanceof Error) {
    io.stderr(`postmortem: ${concurrency.message}\n`);
    return 2;
  }
  if (values['cache-location'] !== undefined && !values.cache) {
    io.stderr('postmortem: --cache-location needs --cache. Run "postmortem --help".\n');
    return 2;
  }

  if (values['stdin-filename'] !== undefined && !values.stdin) {
    io.stderr('postmortem: --stdin-filename needs --stdin. Run "postmortem --help".\n');
    return 2;
  }
  let results: FileResult[];
  let changes: ChangeSet | undefined;
  let unchangedFiles = 0;
  try {
    if (values['print-config'] !== undefined) return printConfig(values, io);
    const text = values.stdin ? await (io.readStdin ?? readStdin)() : undefined;
    const run = await runLint({
      cwd: io.cwd,
      patterns: positionals,
      text,
      filePath: values['stdin-filename'],
      fix: !!values.fix,
      all: !!values.all,
      configPath: values.config,
      noConfig: !!values['no-config'],
      gitignore: !values['no-gitignore'],
      changedSince: changedRef,
      outputFile: values['output-file'],
      templateText: templateText as TemplateTextMode | undefined,
      concurrency,
      cache: !!values.cache,
      cacheLocation: values['cache-location'],
      // The pull-request comment lists each postmortem's related past incidents.
      related: format === 'markdown' || reportFiles.some(([name]) => name === 'markdown'),
    });
    ({ results, changes, unchangedFiles } = run);
    if (values.debug && run.stats) io.stderr(debugLine(run.stats));
    if (text !== undefined && values.fix) {
      // Editors (conform.nvim, none-ls, efm) replace the buffer with what --stdin --fix prints: the text only.
      io.stdout(results[0]?.text || text);
      return 0;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnreadableError || e instanceof ConfigError || e instanceof GitError) {
      io.stderr(`postmortem: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  // Like ESLint: warnings hidden by --quiet still count towards --max-warnings.
  const count = (severity: Severity) =>
    results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');
  if (values.quiet) {
    results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  }

  const outputFile = values['output-file'];
  const color = useColor(values, io);
  const render = async (name: string, colored: boolean) =>
    FORMATTERS[name](results, {
      cwd: io.cwd,
      color: colored,
      root: ROOT_RELATIVE_FORMATS.has(name) ? (changes?.root ?? (await repositoryRoot(io.cwd)) ?? io.cwd) : io.cwd,
      changedSince: changes ? { ref: changes.ref, base: changes.base } : undefined,
    });
  if (!emit(io, await render(format, color), outputFile)) return 2;
  // --report-file FORMAT=FILE: more reports from this one analysis (the GitHub Action writes SARIF and the
  // pull-request comment this way).
  for (const [name, file] of reportFiles) {
    if (!emit(io, await render(name, false), file)) return 2;
  }

  if (format === 'stylish') {
    const skipped = results.filter((r) => r.skipped).length;
    if (skipped > 0) {
      io.stderr(
        `${skipped} Markdown file${skipped === 1 ? '' : 's'} skipped: not postmortems (name a file to lint it anyway, or use --all).\n`,
      );
    }
    if (changes) io.stderr(changedSinceNote(changes, results, unchangedFiles));
  }
  const fixed = results.filter((r) => r.fixesApplied > 0).length;
  if (fixed > 0) io.stderr(`Fixed ${fixed} file${fixed === 1 ? '' : 's'}.\n`);
  const unwritten = results.filter((r) => r.writeError);
  for (const r of unwritten) io.stderr(`postmortem: ${relative(io.cwd, r.path) || r.path}: ${r.writeError}\n`);
  if (unwritten.length > 0) return 2;
  for (const note of templateNotes(results, io.cwd)) io.stderr(note);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) {
    io.stderr(
      `postmortem: ${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${maxWarnings} allows${values.quiet ? ' (not shown: --quiet)' : ''}.\n`,
    );
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * One line per file whose required parts still hold only a template's text: which parts, and the way out. It says
 * why the run fails on a file that has no other problem (the findings themselves say "Still to write").
 */
function templateNotes(results: readonly FileResult[], cwd: string): string[] {
  return results.flatMap((r) => {
    const headings = templatePartHeadings(r.allFindings ?? r.findings, r.text);
    if (headings.length === 0) return [];
    const n = headings.length;
    const name = relative(cwd, r.path) || r.path;
    return [
      `postmortem: ${name} is still a template: ${n} required part${n === 1 ? '' : 's'} still to write (${headings.join(', ')}). Write ${n === 1 ? 'it' : 'them'}, or pass --template-text=info to report template text as notes.\n`,
    ];
  });
}

/** Formats whose paths are relative to the repository root (as CI systems expect), not to the current folder. */
const ROOT_RELATIVE_FORMATS = new Set(['sarif', 'github', 'gitlab', 'markdown']);

/** --report-file FORMAT=FILE, repeated: the extra reports to write, each in a known format. */
function parseReportFiles(values: readonly string[]): [string, string][] | Error {
  const out: [string, string][] = [];
  for (const value of values) {
    const [, name, file] = /^([a-z]+)=(.+)$/.exec(value) ?? [];
    if (!name || !FORMATTERS[name]) {
      return new Error(
        `--report-file needs FORMAT=FILE with FORMAT one of ${Object.keys(FORMATTERS).join(', ')}, not "${value}".`,
      );
    }
    out.push([name, file]);
  }
  return out;
}

/** --max-warnings: a whole number; -1 (ESLint's default) means no limit. */
function parseMaxWarnings(value: string | undefined): number | undefined | Error {
  if (value === undefined) return undefined;
  if (!/^\s*-?\d+\s*$/.test(value) || Number(value) < -1) {
    return new Error(
      `--max-warnings needs a whole number of warnings (0 or more, or -1 for no limit), not "${value}".`,
    );
  }
  const n = Number(value);
  return n === -1 ? undefined : n;
}

/** --debug: what the run did, on one line. */
function debugLine(stats: LintStats): string {
  const cache = stats.cacheFile ? `, cache ${stats.cacheFile}` : '';
  return (
    `postmortem: debug: ${stats.files} files: ${stats.fromCache} from the cache, ${stats.linted} linted; ` +
    `index: ${stats.recordsFromCache} records from the cache, ${stats.recordsBuilt} built; ` +
    `${stats.workers} worker thread${stats.workers === 1 ? '' : 's'}${cache}\n`
  );
}

function changedSinceNote(changes: ChangeSet, results: readonly FileResult[], unchangedFiles: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const linted = results.filter((r) => !r.skipped).length;
  const hidden = results.reduce((n, r) => n + (r.unchangedLineFindings ?? 0), 0);
  let note = `Changed since ${changes.ref} (merge base ${changes.base.slice(0, 12)}): ${plural(linted, 'postmortem')} checked`;
  if (unchangedFiles > 0) note += `, ${plural(unchangedFiles, 'unchanged Markdown file')} not linted`;
  if (hidden > 0) note += `; ${plural(hidden, 'finding')} on unchanged lines not shown`;
  return `${note}.\n`;
}

function parseLintArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      ...COMMON_OPTIONS,
      fix: { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      'no-config': { type: 'boolean' },
      'no-gitignore': { type: 'boolean' },
      'print-config': { type: 'string' },
      'report-file': { type: 'string', multiple: true },
      'changed-since': { type: 'string' },
      'max-warnings': { type: 'string' },
      'template-text': { type: 'string' },
      concurrency: { type: 'string' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      debug: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
