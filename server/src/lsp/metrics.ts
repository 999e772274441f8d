import type { Range } from 'vscode-languageserver';
import {
  computeMetrics,
  type ErrorBudgetJson,
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
import { toRange } from './diagnostics';

/**
 * The incident's milestones and figures as the editor shows them (the Postmortem view, the code lens on the
 * timeline heading, the inlay hints on the entries), from the core's getMilestones/computeMetrics: the same
 * figures `postmortem metrics` prints.
 */
export interface MilestoneStatus {
  kind: MilestoneKind;
  /** "start of impact", "detection", "mitigation", "resolution". */
  title: string;
  found: boolean;
  /** frontmatter: a `started:`… key; marker: `<!-- milestone: … -->` in the entry; inferred: the entry's wording. */
  source?: Milestone['source'];
  /** ISO 8601 when the date is known, else `HH:MM` (as `postmortem metrics` writes it). */
  time?: string | null;
  /** The wall-clock time (or the date alone) for a short label: "09:14". */
  at?: string;
  /** How it was found, briefly: `inferred from "alert fires"`, `marked in the entry`, `set in the frontmatter`. */
  how?: string;
  /** The core's full reason (the phrase that matched and where). */
  why?: string;
  /** The timeline entry (or the frontmatter value) that states it: where "reveal" goes. */
  range?: Range;
  /** The entry's position in the timeline, when an entry states it. */
  entryIndex?: number;
}

export type FigureKey = 'timeToDetect' | 'timeToMitigate' | 'timeToResolve' | 'duration';

export interface MetricFigure {
  key: FigureKey;
  /** "Time to detect". */
  label: string;
  /** Whole minutes, or null when an end is unknown (or known only to the day). */
  minutes: number | null;
  /** "8 min", "1 h 18 min", "–". */
  text: string;
}

export interface SummaryMetrics {
  /** The four milestones, in order, found or not. */
  milestones: MilestoneStatus[];
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  durationMinutes: number | null;
  /** The four figures with their labels and text, in order. */
  figures: MetricFigure[];
  /** One line: "Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min". */
  sentence: string;
  /** The first timeline heading (where the code lens sits); absent without a timeline section. */
  timelineHeading?: Range;
  /** Entries whose time could be read. */
  timedEntries: number;
  /**
   * The error budget the incident consumed (as `postmortem metrics --format json` gives it), with the ranges of
   * the sentences it came from; status `no-slo` when no SLO applies.
   */
  errorBudget: ErrorBudgetJson & { ranges: { what: string; range: Range }[] };
}

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
