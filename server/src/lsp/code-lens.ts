import type { CodeLens } from 'vscode-languageserver';
import type { AnalysisResult, ResolvedConfig } from '../core';
import type { MetricLensTarget } from '../protocol';
import { toRange } from './diagnostics';
import { inferredEntries } from './inlay-hints';
import { summaryMetrics } from './metrics';

export interface CodeLensOptions {
  /**
   * Also put "⟵ detection (inferred)" on the entries as code lenses: for clients without inlay hints (Neovim
   * before 0.10 shows code lenses at the end of the line, where the hint would be).
   */
  milestoneLenses: boolean;
  /** The document's config, for the SLOs its `slos` declares (the frontmatter's `slo` needs none). */
  config?: ResolvedConfig;
}

/**
 * The incident's figures on the timeline heading: "Detected after 8 min · mitigated after 29 min · resolved after
 * 1 h 18 min · impact 29 min". The lens is text, not a link (an empty command id): every client can show it,
 * and its tooltip says where each milestone came from. Its argument says which metric it shows, for clients that
 * make it a link (VS Code opens the Postmortem view there).
 */
export function codeLenses(analysis: AnalysisResult, options: CodeLensOptions): CodeLens[] {
  const { model } = analysis;
  if (!model) return [];
  const metrics = summaryMetrics(model, options.config);
  const lenses: CodeLens[] = [];
  if (metrics.timelineHeading && (metrics.timedEntries > 0 || metrics.milestones.some((m) => m.found))) {
    const tooltip = metrics.milestones
      .map((m) => `${capitalise(m.title)}: ${m.found ? `${m.at ?? 'no time'}, ${m.how}` : 'not found'}`)
      .join('\n');
    const about: MetricLensTarget = 'metrics';
    lenses.push({
      range: metrics.timelineHeading,
      command: { title: metrics.sentence, command: '', tooltip, arguments: [about] },
    });
  }
  // The error budget, when an SLO applies: "~46% of the 30d error budget (20 min of 43.2 min, 99.9%)".
  const budget = metrics.errorBudget;
  if (metrics.timelineHeading && budget.status !== 'no-slo') {
    const tooltip = [
      budget.estimate ? 'An estimate, from:' : 'From:',
      ...budget.notes,
      ...budget.sources.map((s) => `Line ${s.line} (${s.what}): ${s.text}`),
    ].join('\n');
    const about: MetricLensTarget = 'budget';
    lenses.push({
      range: metrics.timelineHeading,
      command: { title: budget.sentence, command: '', tooltip, arguments: [about] },
    });
  }
  if (options.milestoneLenses) {
    for (const e of inferredEntries(model)) {
      lenses.push({
        range: toRange(model.lines, e.entry.range.start, e.at),
        command: { title: e.label, command: '', tooltip: e.milestones.map((m) => m.why).join('\n') },
      });
    }
  }
  return lenses;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
