import type { Root } from 'mdast';
import type { ResolvedConfig } from './config';
import { createHeadingMatcher, type HeadingMatcher } from './headings';
import type { WorkspaceInput } from './learning/workspace';
import { buildModel, type PostmortemModel } from './model';
import { type AnyRule, type InputRule, type Report, ruleDocsUrl } from './rule';
import { Suppressions } from './suppressions';
import type { Finding } from './types';

export interface AnalysisResult {
  /** Undefined when the input could not be analysed (see the input/not-analysed finding). */
  model?: PostmortemModel;
  findings: Finding[];
}

/** What the host knows beyond the text: the workspace's other postmortems, and this document's id among them. */
export interface AnalysisInput {
  workspace?: WorkspaceInput;
  /** The document's id in `workspace` (its path or URI), so that it is not compared with itself. */
  documentId?: string;
}

/** How the analysis gets its syntax tree: a fresh parse by default (see incremental/analyzer.ts for another). */
export interface AnalyzeHooks {
  /** The tree of the text, called once and only when the input checks pass. */
  parse?: (text: string) => Root;
  /** Called with the model once it is built, before the rules run. */
  built?: (model: PostmortemModel) => void;
}

const matchers = new WeakMap<ResolvedConfig, HeadingMatcher>();

/** The heading matcher of a config (the built-in synonyms and the config's), built once per config. */
export function headingMatcherFor(config: ResolvedConfig): HeadingMatcher {
  let matcher = matchers.get(config);
  if (!matcher) {
    matcher = createHeadingMatcher(config.synonyms);
    matchers.set(config, matcher);
  }
  return matcher;
}

/**
 * Analyses one postmortem: parse once, build the model, run every enabled rule, drop what disable comments
 * silence. Never throws: input it cannot take becomes an input/not-analysed finding, and a rule that fails
 * is reported as a finding of that rule.
 */
export function analyze(
  text: string,
  config: ResolvedConfig,
  rules: readonly AnyRule[],
  input: AnalysisInput = {},
  hooks: AnalyzeHooks = {},
): AnalysisResult {
  const findings: Finding[] = [];
  // A rule may rank one finding below its setting (template text still to replace), never above it.
  const rank = { error: 2, warning: 1, info: 0 } as const;
  const reporter =
    (rule: AnyRule, setting: Finding['severity']) =>
    ({ severity: lower, ...r }: Report) => {
      const severity = lower && rank[lower] < rank[setting] ? lower : setting;
      findings.push({ ruleId: rule.id, severity, scope: rule.scope, url: ruleDocsUrl(rule.id), ...r });
    };

  const inputRules = rules.filter((r): r is InputRule => r.phase === 'input');
  if (typeof text !== 'string') {
    // A client that sends no text (`"text": null`) must not bring the analysis down.
    const rule = inputRules[0];
    if (rule && config.rules.get(rule.id)?.severity !== 'off') {
      reporter(
        rule,
        rule.defaultSeverity,
      )({
        message: 'Not analysed: no text was given for this document.',
        start: 0,
        end: 0,
        data: { reason: 'no-text' },
      });
    }
    return { findings };
  }
  for (const rule of inputRules) {
    const setting = config.rules.get(rule.id) ?? { severity: rule.defaultSeverity, options: {} };
    try {
      rule.check({
        text,
        config,
        options: setting.options,
        report: reporter(rule, setting.severity === 'off' ? 'info' : setting.severity),
      });
    } catch (e) {
      reporter(
        rule,
        rule.defaultSeverity,
      )({
        message: `Not analysed: the input check failed (${(e as Error)?.message ?? String(e)}).`,
        start: 0,
        end: 0,
        data: { reason: 'input-check' },
      });
    }
  }
  if (findings.length > 0) {
    // Input we will not parse: report it unless it is switched off, and stop.
    const off = (id: string) => config.rules.get(id)?.severity === 'off';
    return { findings: findings.filter((f) => !off(f.ruleId)) };
  }

  let model: PostmortemModel;
  try {
    model = buildModel(text, headingMatcherFor(config), hooks.parse);
    hooks.built?.(model);
  } catch (e) {
    const rule = inputRules[0];
    const reason =
      e instanceof RangeError
        ? 'its structure is nested too deeply to parse'
        : `the parser failed (${(e as Error).message})`;
    if (rule && config.rules.get(rule.id)?.severity !== 'off') {
      reporter(
        rule,
        rule.defaultSeverity,
      )({ message: `Not analysed: ${reason}.`, start: 0, end: 0, data: { reason: 'parse' } });
    }
    return { findings };
  }

  for (const rule of rules) {
    if (rule.phase === 'input') continue;
    const setting = config.rules.get(rule.id) ?? { severity: rule.defaultSeverity, options: {} };
    if (setting.severity === 'off') continue;
    const report = reporter(rule, setting.severity);
    try {
      rule.check({
        model,
        config,
        options: setting.options,
        report,
        workspace: input.workspace,
        documentId: input.documentId,
      });
    } catch (e) {
      report({
        message: `Rule ${rule.id} failed on this file and was skipped: ${(e as Error).message}`,
        start: 0,
        end: 0,
      });
    }
  }

  // A range past the text (a rule's off-by-one on odd line endings) would be an invalid position downstream.
  for (const f of findings) {
    f.start = Math.max(0, Math.min(f.start, text.length));
    f.end = Math.max(f.start, Math.min(f.end, text.length));
  }
  const suppressions = new Suppressions(model.comments, model.lines);
  const kept = findings.filter((f) => !suppressions.isSuppressed(f, model.lines));
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return { model, findings: kept };
}
