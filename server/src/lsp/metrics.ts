import type { Range } from 'vscode-languageserver';
import {
  computeMetrics,
  errorBudgetJson,
  getErrorBudget,
  getMilestones,
  getTimeline,
  humanMinutes,
  instantText,
  MILESTONE_KINDS,
  MILESTONE_TITLES,
  type Milestone,
  type MilestoneKind,
  type PostmortemModel,
  type ResolvedConfig,
  type TimelineInstant,
} from '../core';
import type { FigureKey, MilestoneStatus, SummaryMetrics } from '../protocol';
import { toRange } from './diagnostics';

/** The incident's milestones and figures as the editor shows them (payload types: protocol/summary.ts). */
const FIGURE_LABELS: Record<FigureKey, string> = {
  timeToDetect: 'Time to detect',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
  duration: 'Duration of impact',
};

export function summaryMetrics(model: PostmortemModel, config?: ResolvedConfig): SummaryMetrics {
  const timeline = getTimeline(model);
  const milestones = getMilestones(model);
  const metrics = computeMetrics(milestones);
  const statuses = MILESTONE_KINDS.map((kind) => milestoneStatus(model, kind, milestones));
  const minutes: Record<FigureKey, number | null> = {
    timeToDetect: metrics.timeToDetectMinutes,
    timeToMitigate: metrics.timeToMitigateMinutes,
    timeToResolve: metrics.timeToResolveMinutes,
    duration: metrics.durationMinutes,
  };
  const heading = timeline.sections[0]?.headingRange;
  return {
    milestones: statuses,
    timeToDetectMinutes: metrics.timeToDetectMinutes,
    timeToMitigateMinutes: metrics.timeToMitigateMinutes,
    timeToResolveMinutes: metrics.timeToResolveMinutes,
    durationMinutes: metrics.durationMinutes,
    figures: (Object.keys(FIGURE_LABELS) as FigureKey[]).map((key) => ({
      key,
      label: FIGURE_LABELS[key],
      minutes: minutes[key],
      text: humanMinutes(minutes[key]),
    })),
    sentence: metricsSentence(statuses, minutes),
    timelineHeading: heading ? toRange(model.lines, heading.start, heading.end) : undefined,
    timedEntries: timeline.entries.filter((e) => e.status === 'parsed').length,
    errorBudget: budgetWithRanges(model, config),
  };
}

function budgetWithRanges(model: PostmortemModel, config?: ResolvedConfig): SummaryMetrics['errorBudget'] {
  const budget = getErrorBudget(model, config);
  const ranges: { what: string; range: Range }[] = [];
  const add = (what: string, r: { start: number; end: number } | undefined) => {
    if (r) ranges.push({ what, range: toRange(model.lines, r.start, r.end) });
  };
  add('slo', budget.worst?.slo.range);
  const d = budget.duration;
  if (d?.source === 'timeline') {
    add('impact-start', d.ranges[0]);
    add('impact-end', d.ranges[1]);
  } else if (d) add('stated-duration', d.ranges[0]);
  add('share', budget.share.stated?.sentence);
  return { ...errorBudgetJson(model, budget), ranges };
}

function milestoneStatus(model: PostmortemModel, kind: MilestoneKind, milestones: Milestone[]): MilestoneStatus {
  const title = MILESTONE_TITLES[kind];
  const m = milestones.find((x) => x.kind === kind);
  if (!m) return { kind, title, found: false };
  return {
    kind,
    title,
    found: true,
    source: m.source,
    time: instantText(m.instant),
    at: shortTime(m.instant),
    how: howFound(m),
    why: m.why,
    range: toRange(model.lines, m.range.start, m.range.end),
    entryIndex: m.entryIndex,
  };
}

/** A short "how": the phrase the core matched is the first quoted text of its reason. */
export function howFound(m: Milestone): string {
  if (m.source === 'frontmatter') return `set in the frontmatter (\`${m.kind}:\`)`;
  if (m.source === 'marker') return 'marked in the entry';
  const phrase = /"([^"]+)"/.exec(m.why)?.[1];
  const from = phrase ? `inferred from "${phrase}"` : 'inferred from the wording';
  return m.why.startsWith('no separate mitigation') ? `${from}, with the resolution` : from;
}

function shortTime(instant: TimelineInstant | undefined): string | undefined {
  if (!instant) return undefined;
  return instant.precision === 'day' ? instant.date : (instant.clock ?? instant.date);
}

const VERBS: Record<Exclude<MilestoneKind, 'started'>, string> = {
  detected: 'detected',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

/**
 * "Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min"; without a start of
 * impact there are no durations, so it says so and gives the times it has.
 */
export function metricsSentence(milestones: MilestoneStatus[], minutes: Record<FigureKey, number | null>): string {
  const byKind = new Map(milestones.map((m) => [m.kind, m]));
  if (!milestones.some((m) => m.found)) return 'No milestones found in the timeline';
  const started = byKind.get('started');
  const parts: string[] = started?.found ? [] : ['Start of impact not found'];
  const figure: Record<keyof typeof VERBS, number | null> = {
    detected: minutes.timeToDetect,
    mitigated: minutes.timeToMitigate,
    resolved: minutes.timeToResolve,
  };
  for (const kind of Object.keys(VERBS) as (keyof typeof VERBS)[]) {
    const m = byKind.get(kind);
    if (!m?.found) parts.push(`${MILESTONE_TITLES[kind]} not found`);
    // "Detected after 0 min" reads as a glitch: the milestone came with the first sign of impact.
    else if (figure[kind] === 0) parts.push(`${VERBS[kind]} at once`);
    else if (figure[kind] !== null) parts.push(`${VERBS[kind]} after ${humanMinutes(figure[kind])}`);
    else parts.push(`${VERBS[kind]} at ${m.at ?? 'an unknown time'}`);
  }
  if (minutes.duration !== null) parts.push(`impact ${humanMinutes(minutes.duration)}`);
  const sentence = parts.join(' · ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
