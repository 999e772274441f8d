import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  analyze,
  applyEdits,
  type ConfigFile,
  ConfigLoader,
  DEFAULT_POSTMORTEM_GLOBS,
  decodeBytes,
  defaultConfig,
  encodeText,
  type Finding,
  getIncidentMetrics,
  type IncidentMetrics,
  isPostmortem,
  LineIndex,
  type PostmortemModel,
  type ResolvedConfig,
  ruleDocsUrl,
  type TextEdit,
} from '../core';
import { nodeConfigFs } from '../node/config-fs';
import { findRule, RULES } from '../rules';
import { type ChecklistItem, sectionChecklist } from './checklist';
import type { Target } from './files';

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
}

export class UnreadableError extends Error {}

export interface LintOptions {
  cwd: string;
  fix: boolean;
  /** Lint every Markdown file found, not only those that look like postmortems. */
  all: boolean;
  /** A config file given with --config, used instead of the ones found next to each file. */
  configPath?: string;
  /** A config given as data (the API's `config` object), used instead of the ones found next to each file. */
  config?: ConfigFile;
  /** --no-config: the defaults only, no config file at all. */
  noConfig?: boolean;
}

/** Text to lint in place of the file's content (standard input, the API's `text`): never read nor written. */
export interface TextSource {
  text: string;
}

export class Linter {
  private readonly loader = new ConfigLoader(nodeConfigFs, RULES);
  private readonly fixedConfig?: ResolvedConfig;

  constructor(private readonly options: LintOptions) {
    if (options.noConfig) this.fixedConfig = defaultConfig(RULES);
    else if (options.config) this.fixedConfig = this.loader.loadObject(options.config, '(config object)', options.cwd);
    else if (options.configPath) this.fixedConfig = this.loader.loadFile(resolve(options.cwd, options.configPath));
  }

  /** The config that applies to a file: the fixed one, or the config files found from its folder upwards. */
  configFor(path: string): ResolvedConfig {
    return this.fixedConfig ?? this.loader.forFile(path);
  }

  lintFile(target: Target, source?: TextSource): FileResult {
    let bytes: Uint8Array;
    try {
      bytes = source ? new TextEncoder().encode(source.text) : readFileSync(target.path);
    } catch (e) {
      throw new UnreadableError(
        `Cannot read ${relative(this.options.cwd, target.path) || target.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const config = this.configFor(target.path);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      const empty = new LineIndex('');
      const setting = config.rules.get('input/not-analysed');
      if (setting?.severity === 'off')
        return { path: target.path, findings: [], text: '', lines: empty, fixesApplied: 0 };
      const finding: Finding = {
        ruleId: 'input/not-analysed',
        severity: setting?.severity ?? 'warning',
        message: `Not analysed: ${decoded.message}`,
        start: 0,
        end: 0,
        url: ruleDocsUrl('input/not-analysed'),
        scope: 'document',
        data: { reason: decoded.reason },
      };
      return { path: target.path, findings: [finding], text: '', lines: empty, fixesApplied: 0 };
    }
    let text = decoded.text;
    if (!target.explicit && !this.options.all) {
      const globs = [...DEFAULT_POSTMORTEM_GLOBS, ...config.files];
      const rel = relative(this.options.cwd, target.path);
      if (!isPostmortem(target.path, text, globs) && !isPostmortem(rel, text, globs)) {
        return { path: target.path, findings: [], text, lines: new LineIndex(text), skipped: true, fixesApplied: 0 };
      }
    }
    let result = analyze(text, config);
    let fixesApplied = 0;
    if (this.options.fix) {
      // Apply the safe fixes that do not touch each other, re-analyse, and repeat until nothing changes.
      for (let pass = 0; pass < 10; pass++) {
        const edits = nonConflictingSafeEdits(result.findings);
        if (edits.length === 0) break;
        text = applyEdits(text, edits);
        fixesApplied++;
        result = analyze(text, config);
      }
      if (fixesApplied > 0 && !source) writeFileSync(target.path, encodeText(text, decoded.encoding));
    }
    const { model, findings } = result;
    return {
      path: target.path,
      findings,
      allFindings: findings,
      text,
      lines: model?.lines ?? new LineIndex(text),
      model,
      checklist: model ? sectionChecklist(model, config.required, findings) : undefined,
      metrics: model ? knownMetrics(getIncidentMetrics(model)) : undefined,
      fixesApplied,
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
