import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  type AnalysisResult,
  applyEdits,
  type ConfigFile,
  decodeBytes,
  encodeText,
  type Finding,
  getIncidentMetrics,
  type IncidentMetrics,
  LineIndex,
  type PostmortemModel,
  type ResolvedConfig,
  type TextEdit,
} from '../core';
import {
  type IncidentRecord,
  incidentRecord,
  type RelatedIncident,
  taxonomyOf,
  WorkspaceIndex,
  type WorkspaceInput,
} from '../core/learning';
import { createPostmortemService, isInside as insideFolder, type PostmortemService } from '../core/service';
import { overBudget } from '../node/analysis-worker';
import { nodeHost } from '../node/host';
import { findRule, RULES } from '../rules';
import { BudgetedAnalyser } from './budgeted-analysis';
import { type ChecklistItem, sectionChecklist } from './checklist';
import type { Target } from './files';
import { reportTemplateParts, type TemplateTextMode } from './template-parts';

export interface FileResult {
  path: string;
  /** The findings to report (after --changed-since and --quiet have filtered them). */
  findings: Finding[];
  /** Every finding of the analysis, before any filter: fingerprints count occurrences over these. */
  allFindings?: readonly Finding[];
  /** The analysed text ('' when it was not analysed), for snippets and stable fingerprints. */
  text: string;
  /** For turning offsets into lines and columns. */
  lines: LineIndex;
  /** The postmortem model; undefined when the file was skipped or could not be analysed. */
  model?: PostmortemModel;
  /** The required sections and whether each is present, empty or missing (whole file, never filtered). */
  checklist?: ChecklistItem[];
  /**
   * Incident metrics (time to detect, to mitigate, …) that the timeline gives, ready to show: the markdown
   * report prints them under "Metrics". Only the known ones are listed.
   */
  metrics?: readonly { name: string; value: string }[];
  /** Set when the file was not linted because it does not look like a postmortem. */
  skipped?: boolean;
  /** How many fix passes changed the file (with --fix). */
  fixesApplied: number;
  /** With --changed-since: how many findings were left out because they are on lines the change did not touch. */
  unchangedLineFindings?: number;
  /** With --fix: why the fixed text could not be written (the file is unchanged and reported as it is on disk). */
  writeError?: string;
  /** The workspace's postmortems most related to this one, when the run indexed the workspace. */
  related?: RelatedIncident[];
  /**
   * Where each section (heading) starts, its heading ends and it ends: what --changed-since needs of the model. Set
   * whenever the file was analysed, also when the model itself stayed in a worker of the pool or came from the cache.
   */
  sections?: readonly SectionSpan[];
  /** The file's incident record (after --fix), when the run lists related postmortems and the model is not kept. */
  record?: IncidentRecord;
  /** The analysis was stopped at the time budget (such a result is never cached). */
  timedOut?: boolean;
}

export interface SectionSpan {
  start: number;
  headingEnd: number;
  end: number;
}

export class UnreadableError extends Error {}

export interface LintOptions {
  cwd: string;
  fix: boolean;
  /** Lint every Markdown file found, not only those that look like postmortems. */
  all: boolean;
  /** A config file given with --config, used instead of the ones found next to each file. */
  configPath?: string;
  /** Analyse without the time budget (a worker of the lint pool, whose budget the main thread holds). */
  inProcess?: boolean;
  /** A config given as data (the API's `config` object), used instead of the ones found next to each file. */
  config?: ConfigFile;
  /** --no-config: the defaults only, no config file at all. */
  noConfig?: boolean;
  /**
   * How required parts still holding the template's text are reported (see template-parts.ts): `error` fails
   * the run, `info` keeps the editor's "still to write" notes. Default `error`.
   */
  templateText?: TemplateTextMode;
  /**
   * Told before each analysis, with its config: a worker of the lint pool (lint-pool-worker.ts) tells the main
   * thread the config's time budget, and the main thread stops the worker past it.
   */
  onAnalysis?: (config: ResolvedConfig) => void;
}

/** Text to lint in place of the file's content (standard input, the API's `text`): never read nor written. */
export interface TextSource {
  text: string;
}

/**
 * The analysis service over the disk and the rule registry: the CLI's commands share it. The analysis runs in this
 * thread, stopped at the config's time budget (budgeted-analysis.ts), or without a budget with `inProcess`.
 */
export function nodeService(options: { inProcess?: boolean } = {}): PostmortemService {
  const analyser = options.inProcess ? undefined : new BudgetedAnalyser();
  return createPostmortemService({ host: nodeHost, rules: RULES, analyser });
}

export class Linter {
  readonly service: PostmortemService;
  private readonly fixedConfig?: ResolvedConfig;
  /** The workspace's postmortems, when indexed (see indexWorkspace): the repeat-incident rule and `related` use it. */
  workspace?: WorkspaceIndex;
  /** The analysis' workspace input when it was indexed elsewhere (a worker of the lint pool gets it from its host). */
  workspaceInput?: WorkspaceInput;

  constructor(private readonly options: LintOptions) {
    this.service = nodeService(options);
    const { loader } = this.service;
    if (options.noConfig) this.fixedConfig = this.service.defaultConfig();
    else if (options.config) this.fixedConfig = loader.loadObject(options.config, '(config object)', options.cwd);
    else if (options.configPath) this.fixedConfig = loader.loadFile(resolve(options.cwd, options.configPath));
  }

  /** The config that applies to a file: the fixed one, or the config files found from its folder upwards. */
  configFor(path: string): ResolvedConfig {
    return this.fixedConfig ?? this.service.configFor(path);
  }

  /** The findings within the time budget (or without it, `inProcess`), with the model unless stopped. */
  private analyse(text: string, config: ResolvedConfig, path: string): AnalysisResult & { timedOut?: boolean } {
    this.options.onAnalysis?.(config);
    const workspace = this.analysisWorkspace();
    const input = workspace ? { workspace, documentId: path } : {};
    return this.service.analyseSync(text, config, input);
  }

  /**
   * Indexes the postmortems among `targets` (read, detected and modelled as lintFile does, without the rules),
   * by path. Files that cannot be read or decoded are left out: linting reports them.
   */
  indexWorkspace(targets: readonly Target[]): WorkspaceIndex {
    return this.useIndex(targets.map((target) => this.recordOf(target)));
  }

  /** The analysis' workspace input: given (workspaceInput), or the index's. */
  analysisWorkspace(): WorkspaceInput | undefined {
    return this.workspaceInput ?? this.workspace?.workspace();
  }

  /** Indexes records found for the workspace (recordOf's, in the order of the files), for the analyses that follow. */
  useIndex(records: readonly (IncidentRecord | undefined)[]): WorkspaceIndex {
    const index = new WorkspaceIndex();
    for (const record of records) if (record) index.set(record);
    this.workspace = index;
    return index;
  }

  /**
   * A file's incident record for the workspace index (read, detected and modelled as lintFile does, without the
   * rules); undefined for a file that is not a postmortem or cannot be read or decoded (linting reports those).
   */
  recordOf(target: Target, bytes?: Uint8Array): IncidentRecord | undefined {
    let text: string;
    try {
      const decoded = decodeBytes(bytes ?? readFileSync(target.path));
      if (!decoded.ok) return undefined;
      text = decoded.text;
    } catch {
      return undefined;
    }
    const config = this.configFor(target.path);
    if (!this.looksLikePostmortem(target, text, config)) return undefined;
    const model = this.service.model(text, config);
    return model ? incidentRecord(model, target.path, taxonomyOf(config)) : undefined;
  }

  /** The postmortems most related to a linted file, from the indexed workspace. */
  relatedTo(result: FileResult, limit = 5): RelatedIncident[] | undefined {
    if (!this.workspace) return undefined;
    const record = result.model
      ? incidentRecord(result.model, result.path, taxonomyOf(this.configFor(result.path)))
      : result.record;
    return record && this.workspace.related(record, { limit });
  }

  /** The decision the editor makes too (PostmortemService.isPostmortem), with the current folder as the root. */
  private looksLikePostmortem(target: Target, text: string, config: ResolvedConfig): boolean {
    return this.service.isPostmortem(target.path, text, config, {
      roots: [this.options.cwd],
      explicit: target.explicit || this.options.all,
    });
  }

  /** A file's bytes; UnreadableError when it cannot be read. */
  readTarget(target: Target): Uint8Array {
    try {
      return readFileSync(target.path);
    } catch (e) {
      throw new UnreadableError(
        `Cannot read ${relative(this.options.cwd, target.path) || target.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  }

  /**
   * What lintFile gives for a file whose analysis was stopped at `budgetMs` where lintFile could not say so itself
   * (a worker of the lint pool, stopped by the main thread): the input/not-analysed finding, nothing fixed.
   */
  timedOutResult(target: Target, budgetMs: number): FileResult {
    const config = this.configFor(target.path);
    const decoded = decodeBytes(this.readTarget(target));
    const text = decoded.ok ? decoded.text : '';
    return this.resultOf(target, text, config, { findings: overBudget(config, budgetMs), timedOut: true });
  }

  lintFile(target: Target, source?: TextSource): FileResult {
    const bytes = source ? new TextEncoder().encode(source.text) : this.readTarget(target);
    const config = this.configFor(target.path);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      const findings = this.service.notAnalysed(config, decoded.message, { reason: decoded.reason });
      return { path: target.path, findings, text: '', lines: new LineIndex(''), fixesApplied: 0 };
    }
    let text = decoded.text;
    if (!this.looksLikePostmortem(target, text, config)) {
      return { path: target.path, findings: [], text, lines: new LineIndex(text), skipped: true, fixesApplied: 0 };
    }
    const original = text;
    let result: AnalysisResult & { timedOut?: boolean } = this.analyse(text, config, target.path);
    let fixesApplied = 0;
    let writeError: string | undefined;
    if (this.options.fix && !result.timedOut) {
      const fixed = fixUntilSettled(text, result, (t) => this.analyse(t, config, target.path));
      if (fixed.passes > 0) {
        writeError = source
          ? undefined
          : writeFixed(target.path, encodeText(fixed.text, decoded.encoding), this.options.cwd);
        if (writeError) {
          // Nothing was written: report the file as it is on disk.
          text = original;
        } else {
          ({ text, result } = fixed);
          fixesApplied = fixed.passes;
        }
      }
    }
    return { ...this.resultOf(target, text, config, result), writeError, fixesApplied };
  }

  private resultOf(
    target: Target,
    text: string,
    config: ResolvedConfig,
    result: AnalysisResult & { timedOut?: boolean },
  ): FileResult {
    // In CI an untouched template is not a postmortem: its required parts count as missing (unless asked not to).
    const findings = reportTemplateParts(result.findings, config, this.options.templateText ?? 'error');
    // The model the report needs (checklist, metrics) comes with the analysis, unless it was stopped at the budget.
    const { model } = result;
    return {
      path: target.path,
      findings,
      allFindings: findings,
      text,
      lines: model?.lines ?? new LineIndex(text),
      model,
      checklist: model ? sectionChecklist(model, config.required, findings) : undefined,
      metrics: model ? knownMetrics(getIncidentMetrics(model)) : undefined,
      sections: model?.allSections.map(({ start, headingEnd, end }) => ({ start, headingEnd, end })),
      ...(result.timedOut ? { timedOut: true } : {}),
      fixesApplied: 0,
    };
  }
}

const METRIC_NAMES: [keyof IncidentMetrics, string][] = [
  ['timeToDetectMinutes', 'Time to detect'],
  ['timeToMitigateMinutes', 'Time to mitigate'],
  ['timeToResolveMinutes', 'Time to resolve'],
  ['durationMinutes', 'Duration of impact'],
];

function knownMetrics(metrics: IncidentMetrics): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const [key, name] of METRIC_NAMES) {
    const minutes = metrics[key];
    if (typeof minutes === 'number') out.push({ name, value: `${minutes} min` });
  }
  return out;
}

/** The most fix passes one file gets: each pass must make progress, so this is only a backstop. */
const MAX_FIX_PASSES = 10;

interface Analysis {
  findings: readonly Finding[];
}

/**
 * Applies the safe fixes that do not touch each other, re-analyses, and repeats while each pass makes
 * progress: a pass that leaves as many fixable findings as before (a fix that cannot take, such as a section
 * that would land inside an unclosed block) is undone, and the loop stops. So a second run changes nothing.
 */
export function fixUntilSettled<A extends Analysis>(
  text: string,
  result: A,
  analyse: (text: string) => A,
): { text: string; result: A; passes: number } {
  let passes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = nonConflictingSafeEdits(result.findings);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    const nextResult = analyse(next);
    if (fixableCount(nextResult.findings) >= fixableCount(result.findings)) break;
    text = next;
    result = nextResult;
    passes++;
  }
  return { text, result, passes };
}

function fixableCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.fixes?.some((fix) => fix.safe)).length;
}

/**
 * Writes a fixed file, or says why not: a symbolic link to a file outside the workspace is not written through,
 * and a file that cannot be written (permissions, a read-only disk) is reported, not thrown.
 */
function writeFixed(path: string, bytes: Uint8Array, workspace: string): string | undefined {
  try {
    const real = realpathSync(path);
    // A file named outside the workspace is the user's choice; a link inside it that leads out is not.
    if (isInside(path, workspace) && !isInside(real, realpathSync(workspace))) {
      return `not written: it is a symbolic link to ${real}, outside ${workspace}`;
    }
    writeFileSync(real, bytes);
    return undefined;
  } catch (e) {
    return `cannot write the fixes: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** Whether --output-file names one of the files being linted (through a link or not); what it is, if so. */
export function outputClash(outputFile: string, targets: readonly Target[], cwd: string): string | undefined {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const output = real(resolve(cwd, outputFile));
  const input = targets.find((t) => real(t.path) === output);
  return input ? `the input ${relative(cwd, input.path) || input.path}` : undefined;
}

export function isInside(path: string, folder: string): boolean {
  return insideFolder(nodeHost.path, folder, path);
}

function nonConflictingSafeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix) continue;
    // Two inserts at one offset, or overlapping replacements, wait for the next pass.
    const clashes = fix.edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end));
    if (!clashes) taken.push(...fix.edits);
  }
  return taken;
}

export function ruleDescription(id: string): string {
  return findRule(id)?.description ?? '';
}
