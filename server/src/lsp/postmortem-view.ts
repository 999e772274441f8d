import { type AnalysisResult, type ResolvedConfig, SECTION_KIND_INFO, type SectionKind } from '../core';
import { findingFacts } from '../core/finding-data';
import { sectionStatus } from '../core/structure/section-status';
import type { PostmortemSummary } from '../protocol';
import { sectionStatusOptions } from '../rules/structure/empty-section';
import { actionItemRefs } from './action-items';
import { toRange } from './diagnostics';
import { summaryMetrics } from './metrics';

/**
 * `postmortem/summary`: what the VS Code client's Postmortem view and status bar show, computed by the server so
 * that no client parses Markdown. Any LSP client may send it.
 *
 * The shape grows by adding fields. `metrics` (the milestones and the time to detect, to mitigate, to resolve)
 * and `actionItems` (the follow-up actions) are null when the document could not be analysed.
 */
export { SUMMARY_METHOD } from '../protocol';

const MAX_LISTED_FINDINGS = 200;

export function notPostmortemSummary(uri: string, version: number): PostmortemSummary {
  return {
    uri,
    version,
    isPostmortem: false,
    analysed: false,
    sections: [],
    required: { total: 0, present: 0, empty: 0, missing: 0, stated: 0 },
    problems: { errors: 0, warnings: 0, infos: 0 },
    blame: { total: 0, byRule: [], findings: [] },
    metrics: null,
    actionItems: null,
    related: null,
  };
}

/** The summary of one analysed postmortem. `required` is the config's list of required section kinds. */
export function postmortemSummary(
  uri: string,
  version: number,
  analysis: AnalysisResult,
  required: readonly SectionKind[],
  config?: ResolvedConfig,
): PostmortemSummary {
  const summary = notPostmortemSummary(uri, version);
  summary.isPostmortem = true;
  const { model, findings } = analysis;
  for (const f of findings) {
    if (f.severity === 'error') summary.problems.errors++;
    else if (f.severity === 'warning') summary.problems.warnings++;
    else summary.problems.infos++;
  }
  if (!model) return summary;
  summary.analysed = true;
  summary.title = model.title?.text;
  const lines = model.lines;

  const statuses = sectionStatus(model, { required }, config ? sectionStatusOptions(config) : {});
  for (const status of statuses) {
    const { kind } = status;
    const info = SECTION_KIND_INFO[kind];
    const range = status.range && toRange(lines, status.range.start, status.range.end);
    const base = { kind, title: info.title, required: status.required, guidance: info.guidance, range };
    // A part still holding the template's text, or inserted and not written yet, is still to write: empty.
    if (status.state === 'present' || status.state === 'empty' || status.state === 'template') {
      summary.sections.push({
        ...base,
        heading: status.section?.heading,
        status: status.state === 'present' ? 'present' : 'empty',
      });
    } else if (status.state === 'stated') {
      summary.sections.push({ ...base, status: 'stated', statedIn: status.statedIn });
    } else if (status.required) {
      summary.sections.push({ ...base, status: 'missing' });
    }
  }
  const requiredStatuses = summary.sections.filter((s) => s.required);
  summary.required = {
    total: requiredStatuses.length,
    present: requiredStatuses.filter((s) => s.status === 'present').length,
    empty: requiredStatuses.filter((s) => s.status === 'empty').length,
    missing: requiredStatuses.filter((s) => s.status === 'missing').length,
    stated: requiredStatuses.filter((s) => s.status === 'stated').length,
  };

  const blame = findings.filter((f) => findingFacts(f).blame);
  const counts = new Map<string, number>();
  for (const f of blame) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  summary.blame = {
    total: blame.length,
    byRule: [...counts].map(([ruleId, count]) => ({ ruleId, count })),
    findings: blame.slice(0, MAX_LISTED_FINDINGS).map((f) => ({
      ruleId: f.ruleId,
      message: f.message,
      severity: f.severity,
      range: toRange(lines, f.start, f.end),
    })),
  };
  summary.metrics = summaryMetrics(model, config);
  summary.actionItems = actionItemRefs(model);
  return summary;
}
