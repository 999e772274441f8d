import type { List } from 'mdast';
import { cachesEnabled } from '../incremental/memo';
import { CHECKPOINT, followTimeline, keepTimeline } from '../incremental/timeline';
import type { PostmortemModel } from '../model';
import { isTemplateText } from '../template-text';
import { type ExtractedSection, extractTimeline, type ListRead } from './extract';
import { findMilestones } from './milestones';
import { plainText } from './plain';
import { type Checkpoints, resolveTimeline } from './resolve';
import { readDateStatement } from './stamp';
import type { IncidentMetrics, Milestone, Timeline, TimelineEntry, TimelineInstant } from './types';
import { parseZone, type ZoneRef } from './zones';

export * from './types';
export { plainText };

const timelines = new WeakMap<PostmortemModel, Timeline>();
const milestoneCache = new WeakMap<PostmortemModel, Milestone[]>();

/**
 * The timeline of a postmortem: every entry of every timeline section (lists, tables, bold-time paragraphs,
 * plain code blocks, MDX components, `### <date>` subsections, `### <time>` headings, sentences of a prose
 * timeline), each with its source range, its stamp, the
 * instant read from it (date, zone and midnight crossings resolved) and any explicit milestone marker.
 * Computed once per model; the rules and the editor share it.
 */
export function getTimeline(model: PostmortemModel): Timeline {
  let timeline = timelines.get(model);
  if (!timeline) {
    timeline = buildTimeline(model);
    timelines.set(model, timeline);
  }
  return timeline;
}

function buildTimeline(model: PostmortemModel): Timeline {
  const zoneValue = model.frontmatter?.data.timezone;
  const frontmatterZone = typeof zoneValue === 'string' ? parseZone(zoneValue) : undefined;
  const context = { year: incidentYear(model), frontmatterZone };
  // The previous version's timeline, when an edit left most of it as it was (incremental/timeline.ts).
  const followed = followTimeline(model, context, plainText);
  if (followed) return timelineOf(model, followed.sections, followed.entries, frontmatterZone);
  const lists = cachesEnabled() ? new Map<List, ListRead>() : undefined;
  const compact: number[] = [];
  const { items, sections } = extractTimeline(model.text, model.allSections, lists, compact);
  const checkpoints: Checkpoints | undefined = lists && { every: CHECKPOINT, items: [], entries: [], states: [] };
  const entries = resolveTimeline(items, sections, context, plainText, checkpoints);
  for (const entry of entries) {
    if (entry.stamp) entry.stamp.text = model.text.slice(entry.stamp.start, entry.stamp.end);
  }
  if (lists && checkpoints?.resolver) {
    const { resolver, every: _every, ...kept } = checkpoints;
    const timed = sections.map(() => 0);
    for (const item of items)
      if (item.type === 'entry' && (item.entry.stamp?.clock || item.entry.stamp?.date)) timed[item.entry.group]++;
    keepTimeline(model, { items, sections, lists, checkpoints: kept, resolver, entries, timed, compact });
  }
  return timelineOf(model, sections, entries, frontmatterZone);
}

function timelineOf(
  model: PostmortemModel,
  sections: readonly ExtractedSection[],
  entries: TimelineEntry[],
  frontmatterZone: ZoneRef | undefined,
): Timeline {
  const timeline: Timeline = {
    sections: sections.map(({ zoneRef: _zoneRef, ...s }) => s),
    entries,
  };
  if (frontmatterZone) timeline.frontmatterZone = { name: frontmatterZone.name, range: frontmatterRange(model) };
  return timeline;
}

function frontmatterRange(model: PostmortemModel) {
  return { start: model.frontmatter?.start ?? 0, end: model.frontmatter?.end ?? 0 };
}

/**
 * The timeline's entries, or none of a template's example rows when they are all it has (a fresh template): a
 * timeline with a written row keeps every row, since "10:30 The incident is resolved." is also what authors write.
 */
export function incidentEntries(timeline: Timeline): Timeline['entries'] {
  // Most timelines have no template row: their entries, as they are.
  if (!timeline.entries.some((e) => isTemplateText(e.text))) return timeline.entries;
  const written = timeline.entries.filter((e) => !isTemplateText(e.text));
  return written.some((e) => e.status === 'parsed') ? timeline.entries : written;
}

/**
 * The milestones of the incident (start of impact, detection, mitigation, resolution), each with its source
 * (frontmatter, marker or inferred), its instant, the range of the entry or frontmatter value that states it,
 * and why it was chosen. Kinds that cannot be found are absent.
 */
export function getMilestones(model: PostmortemModel): Milestone[] {
  let milestones = milestoneCache.get(model);
  if (!milestones) {
    // A template's example rows ("09:00 UTC — Impact begins.") are not events of this incident.
    const timeline = getTimeline(model);
    milestones = findMilestones(model, { ...timeline, entries: incidentEntries(timeline) });
    milestoneCache.set(model, milestones);
  }
  return milestones;
}

/**
 * Time to detect, to mitigate and to resolve (each from the start of impact) and the duration of impact (start
 * to mitigation, else to resolution), in whole minutes. A figure is null when an end is unknown or known only
 * to the day: a date alone cannot give minutes.
 */
export function computeMetrics(milestones: readonly Milestone[]): IncidentMetrics {
  const get = (kind: Milestone['kind']) => milestones.find((m) => m.kind === kind)?.instant;
  const started = get('started');
  const detected = get('detected');
  const mitigated = get('mitigated');
  const resolved = get('resolved');
  const minutes = (from?: TimelineInstant, to?: TimelineInstant) =>
    from && to && from.precision !== 'day' && to.precision !== 'day' && from.dateKnown === to.dateKnown
      ? Math.round((to.ms - from.ms) / 60_000)
      : null;
  return {
    started,
    detected,
    mitigated,
    resolved,
    timeToDetectMinutes: minutes(started, detected),
    timeToMitigateMinutes: minutes(started, mitigated),
    timeToResolveMinutes: minutes(started, resolved),
    durationMinutes: minutes(started, mitigated ?? resolved),
  };
}

/** The metrics of one postmortem: `computeMetrics(getMilestones(model))`. */
export function getIncidentMetrics(model: PostmortemModel): IncidentMetrics {
  return computeMetrics(getMilestones(model));
}

/** The year of the incident, for dates written without one: frontmatter `date`/`started`, else the title. */
export function incidentYear(model: PostmortemModel): number | undefined {
  const data = model.frontmatter?.data ?? {};
  for (const key of ['started', 'date', 'detected', 'resolved']) {
    const value = data[key];
    const m = typeof value === 'string' ? /\b((?:19|20)\d{2})\b/.exec(value) : undefined;
    if (m) return Number(m[1]);
  }
  const title = model.title?.text ?? '';
  const date = readDateStatement(title, false) ?? /\b((?:19|20)\d{2})\b/.exec(title)?.[1];
  if (typeof date === 'string') return Number(date);
  return date?.year;
}
