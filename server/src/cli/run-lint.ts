import { basename, dirname, relative, resolve } from 'node:path';
import type { ConfigFile } from '../core';
import { type ChangeSet, changedLines, changedSince } from '../node/git';
import { GitignoreFilter } from '../node/ignores';
import { keepChangedLineFindings } from './changed-lines';
import { expandTargets, type Target, UsageError } from './files';
import { type FileResult, Linter, outputClash } from './lint';
import { LintEngine, type LintStats } from './lint-engine';
import type { TemplateTextMode } from './template-parts';

/** What one lint run needs: the CLI's `lint` and the programmatic API's `lint()` both come through here. */
export interface RunLintOptions {
  cwd: string;
  /** Files, folders or globs, relative to `cwd` (none: `cwd`). Ignored when `text` is given. */
  patterns?: readonly string[];
  /** Lint this text instead of files (--stdin); `filePath` names it for config and postmortem detection. */
  text?: string;
  filePath?: string;
  fix?: boolean;
  all?: boolean;
  configPath?: string;
  config?: ConfigFile;
  noConfig?: boolean;
  /** Skip what `.gitignore` files ignore (default true). */
  gitignore?: boolean;
  changedSince?: string;
  /** --output-file: refused when it is one of the files to lint (it would be overwritten). */
  outputFile?: string;
  /** List each file's related postmortems (`FileResult.related`): the markdown report asks for it. */
  related?: boolean;
  /**
   * How required parts still holding the template's text are reported: `error` (the default for files: the run
   * fails) or `info` (the default for `text`, which editors send: the "still to write" checklist).
   */
  templateText?: TemplateTextMode;
  /** Worker threads that lint the files (lint-pool.ts); 1 (the default): in this thread. */
  concurrency?: number;
  /** Take unchanged files' results from the cache, and keep this run's there (lint-cache.ts). */
  cache?: boolean;
  /** Where the cache is: a file, or a folder to keep it in (default .postmortemcache in `cwd`). */
  cacheLocation?: string;
}

export interface RunLintOutput {
  results: FileResult[];
  /** Set with `changedSince`. */
  changes?: ChangeSet;
  /** Files found but left out by --changed-since because they did not change. */
  unchangedFiles: number;
  /** Files left out by the config's `ignores` or by `.gitignore`. */
  ignoredFiles: number;
  /** What the run did: files from the cache, linted, workers (not set for `text`). */
  stats?: LintStats;
}

/** Expands the targets, drops ignored ones, lints each file (or the given text) and applies --changed-since. */
export async function runLint(options: RunLintOptions): Promise<RunLintOutput> {
  const { cwd } = options;
  const concurrency = options.concurrency ?? 1;
  const setup = {
    cwd,
    fix: !!options.fix,
    all: !!options.all,
    configPath: options.configPath,
    config: options.config,
    noConfig: options.noConfig,
    templateText: options.templateText ?? (options.text !== undefined ? 'info' : 'error'),
  };
  const linter = new Linter(setup);
  if (options.text !== undefined) {
    if (options.changedSince !== undefined) throw new UsageError('--changed-since cannot be used with --stdin');
    // A name that looks like a postmortem, or none: standard input is linted as one unless its name says otherwise.
    const path = resolve(cwd, options.filePath ?? 'stdin.md');
    if (options.filePath !== undefined && isIgnored(linter, path, options.gitignore !== false)) {
      return { results: [], unchangedFiles: 0, ignoredFiles: 1 };
    }
    await indexWorkspace(linter, options, [], [path]);
    const result = linter.lintFile({ path, explicit: options.filePath === undefined }, { text: options.text });
    if (options.related) result.related = linter.relatedTo(result);
    return { results: [result], unchangedFiles: 0, ignoredFiles: 0 };
  }
  let targets = await expandTargets(options.patterns ?? [], cwd);
  const clash = options.outputFile && outputClash(options.outputFile, targets, cwd);
  if (clash) throw new UsageError(`--output-file ${options.outputFile} is ${clash}: it would be overwritten`);
  const gitignore = options.gitignore === false ? undefined : new GitignoreFilter();
  const before = targets.length;
  targets = targets.filter((t) => !isIgnored(linter, t.path, gitignore));
  const ignoredFiles = before - targets.length;
  let changes: ChangeSet | undefined;
  let unchangedFiles = 0;
  if (options.changedSince !== undefined) {
    const changeSet = await changedSince(options.changedSince, cwd);
    changes = changeSet;
    const changed = targets.filter((t) => changeSet.files.has(t.path));
    unchangedFiles = targets.length - changed.length;
    targets = changed;
  }
  const engine = new LintEngine(
    linter,
    { ...setup, related: !!options.related },
    { concurrency, cache: options.cache ? { location: options.cacheLocation } : undefined },
  );
  let results: FileResult[];
  try {
    await indexWorkspace(
      linter,
      options,
      targets,
      targets.map((t) => t.path),
      gitignore,
      engine,
    );
    results = await engine.lint(targets);
  } finally {
    await engine.close();
  }
  if (options.related) for (const r of results) if (!r.skipped) r.related = linter.relatedTo(r);
  if (changes) {
    // Measured after linting, so that lines --fix inserted count as changed.
    const lineChanges = await changedLines(changes);
    results = results.map((r) => {
      const fileChanges = lineChanges.get(r.path);
      return fileChanges && !r.skipped ? keepChangedLineFindings(r, fileChanges) : r;
    });
  }
  return { results, changes, unchangedFiles, ignoredFiles, stats: engine.statistics() };
}

/** Folder names under which teams keep their postmortems: the earlier incidents of a file are found there. */
const INCIDENT_FOLDER = /^(?:post-?mortems?|incidents?|incident-reports?|retros?|retrospectives?|rcas?|pirs?)$/i;

/**
 * Where a file's earlier incidents are: the nearest folder above it (within `cwd`) named as teams name their
 * postmortems folder (`postmortems/2024/x.md` → `postmortems/`), else the file's own folder.
 */
function incidentsFolder(path: string, cwd: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (INCIDENT_FOLDER.test(basename(dir))) return dir;
    const rel = relative(cwd, dir);
    if (rel === '' || rel.startsWith('..') || dirname(dir) === dir) return dirname(path);
  }
}

/**
 * Indexes the postmortems near the files linted (their incidents folder, see `incidentsFolder`, as `postmortem
 * lint` finds postmortems below a folder) and the files linted, when the repeat-incident rule is on or the related
 * list is asked for. Only those folders, not all of `cwd`: linting one file in a large repository stays cheap.
 */
async function indexWorkspace(
  linter: Linter,
  options: RunLintOptions,
  targets: readonly Target[],
  anchors: readonly string[],
  gitignore?: GitignoreFilter,
  engine?: LintEngine,
): Promise<void> {
  if (anchors.length === 0) return;
  const probe = linter.configFor(resolve(options.cwd, 'postmortem.md'));
  const ruleOn = linter.service.needsWorkspace(probe);
  if (!ruleOn && !options.related) return;
  const filter = gitignore ?? (options.gitignore === false ? undefined : new GitignoreFilter());
  const folders = [...new Set(anchors.map((a) => incidentsFolder(a, options.cwd)))];
  const below = (await expandTargets(folders, options.cwd)).filter((t) => !isIgnored(linter, t.path, filter));
  const seen = new Set(below.map((t) => t.path));
  const indexed = [...below, ...targets.filter((t) => !seen.has(t.path))];
  // A postmortem alone in its folder has no earlier incident to repeat (the rule never counts the document itself):
  // then one file is parsed once, for its analysis, and not a second time for an index of itself.
  if (!options.related && anchors.length === 1 && indexed.every((t) => t.path === anchors[0])) return;
  if (engine) await engine.index(indexed);
  else linter.indexWorkspace(indexed);
}

function isIgnored(linter: Linter, path: string, gitignore: GitignoreFilter | boolean | undefined): boolean {
  const filter = gitignore === true ? new GitignoreFilter() : gitignore || undefined;
  return linter.service.isIgnored(linter.configFor(path), path) || !!filter?.isIgnored(path);
}
