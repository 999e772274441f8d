import { DateTime } from '../luxon';
import type { PostmortemModel } from '../model';
import { crossCheckImpactEnd, startFromStatedDuration } from './impact-end';
import { type CueMatch, findCues, mentionsFix, reachesProduction } from './lexicon';
import { readStamp } from './stamp';
import {
  MILESTONE_KINDS,
  MILESTONE_TITLES,
  type Milestone,
  type MilestoneKind,
  type Range,
  type Timeline,
  type TimelineEntry,
  type TimelineInstant,
} from './types';
import { parseZone } from './zones';

/**
 * Finds the four milestones. Precedence: a frontmatter key (`started`, `detected`, `mitigated`, `resolved`),
 * then an explicit marker in an entry, then the entries' wording:
 * - start of impact: the earliest entry that describes the failure itself (errors began, the site went down),
 *   never the change that triggered it (a deploy at 09:04 whose errors begin at 09:12 starts the clock at 09:12);
 * - detection: the earliest alert, page, report or person noticing, not before the start of impact;
 * - mitigation: after the start and detection, the entry that says the impact ended most plainly (an explicit
 *   "outage ends" over "latency recovered" over an action such as a rollback), the earliest of those; an action
 *   alone only once a start or a detection is known (before them, "removes the owner" is the attacker's step);
 * - resolution: the latest entry that says the problem was fixed or resolved, not before mitigation. With a
 *   resolution but no separate mitigation, the impact is taken to end with the resolution.
 * An inferred end of impact is then cross-checked with the duration the document states, and with no start found
 * in the wording, the stated duration back from the end of impact gives it (impact-end.ts).
 */
export function findMilestones(model: PostmortemModel, timeline: Timeline): Milestone[] {
  const byKind = new Map<MilestoneKind, Milestone>();
  for (const m of frontmatterMilestones(model, timeline)) byKind.set(m.kind, m);
  for (const entry of timeline.entries) {
    for (const marker of entry.markers) {
      if (byKind.has(marker.kind)) continue;
      byKind.set(marker.kind, {
        kind: marker.kind,
        source: 'marker',
        instant: entry.instant,
        range: entry.range,
        entryIndex: entry.index,
        why: `marked "${model.text.slice(marker.range.start, marker.range.end)}" in the entry`,
      });
    }
  }
  const cues = inferMilestones(timeline.entries, byKind);
  crossCheckImpactEnd(model, byKind, [...(cues.get('mitigated') ?? []), ...(cues.get('resolved') ?? [])]);
  startFromStatedDuration(model, byKind, timeline.entries);
  return MILESTONE_KINDS.flatMap((k) => {
    const m = byKind.get(k);
    return m ? [m] : [];
  });
}

interface Candidate {
  entry: TimelineEntry;
  match: CueMatch;
}

/** Infers the milestones the frontmatter and markers leave open; returns every cue found, by kind. */
function inferMilestones(
  entries: readonly TimelineEntry[],
  found: Map<MilestoneKind, Milestone>,
): Map<MilestoneKind, Candidate[]> {
  const timed = entries.filter((e) => e.status === 'parsed' && e.instant);
  const cues = new Map<MilestoneKind, Candidate[]>(MILESTONE_KINDS.map((k) => [k, []]));
  for (const entry of timed) {
    for (const match of findCues(entry.text)) cues.get(match.cue.kind)?.push({ entry, match });
  }
  const ms = (kind: MilestoneKind) => found.get(kind)?.instant?.ms;
  const notBefore = (c: Candidate, bound: number | undefined) =>
    bound === undefined || (c.entry.instant?.ms ?? 0) >= bound;
  const earliest = (list: Candidate[]) =>
    list.reduce<Candidate | undefined>(
      (best, c) => (!best || (c.entry.instant?.ms ?? 0) < (best.entry.instant?.ms ?? 0) ? c : best),
      undefined,
    );
  const strongest = (list: Candidate[]) => {
    let top = 0;
    for (const c of list) top = Math.max(top, c.match.cue.strength);
    return list.filter((c) => c.match.cue.strength === top);
  };
  const set = (kind: MilestoneKind, c: Candidate | undefined) => {
    if (!c || found.has(kind)) return;
    found.set(kind, {
      kind,
      source: 'inferred',
      instant: c.entry.instant,
      range: c.entry.range,
      entryIndex: c.entry.index,
      why: `"${c.match.phrase}" (${c.match.cue.label}) in the entry at ${where(c.entry.instant)}`,
    });
  };

  const start = earliest(cues.get('started') ?? []);
  const firstDetection = earliest(cues.get('detected') ?? []);
  if (start && firstDetection && (firstDetection.entry.instant?.ms ?? 0) < (start.entry.instant?.ms ?? 0)) {
    // Someone reported the problem before the entry that describes the failure: the impact had begun by then.
    set('started', firstDetection);
    const started = found.get('started');
    if (started?.source === 'inferred') {
      started.why = `the impact had begun when it was first detected: ${started.why}; the first entry that describes the failure comes later`;
    }
  } else {
    set('started', start);
  }
  set('detected', earliest((cues.get('detected') ?? []).filter((c) => notBefore(c, ms('started')))));
  const afterResponse = Math.max(ms('started') ?? -Infinity, ms('detected') ?? -Infinity);
  const bound = Number.isFinite(afterResponse) ? afterResponse : undefined;
  // An action that usually helps (removes, disables, restarts) counts only once the response has begun: before a
  // start or a detection, the same verbs tell what the trigger or an attacker did ("removes the owner").
  const mitigations = (cues.get('mitigated') ?? []).filter(
    (c) => notBefore(c, bound) && c.entry.instant?.ms !== bound && (bound !== undefined || c.match.cue.strength > 1),
  );
  set('mitigated', earliest(strongest(mitigations)));
  const resolutions = (cues.get('resolved') ?? []).filter((c) => notBefore(c, ms('mitigated') ?? bound));
  const best = strongest(resolutions);
  set(
    'resolved',
    best.reduce<Candidate | undefined>(
      (latest, c) => (!latest || (c.entry.instant?.ms ?? 0) >= (latest.entry.instant?.ms ?? 0) ? c : latest),
      undefined,
    ),
  );
  if (!found.has('resolved') && found.get('mitigated')?.source === 'inferred') fixShipped(timed, found);
  const resolved = found.get('resolved');
  if (!found.has('mitigated') && resolved && resolved.source !== 'frontmatter') {
    found.set('mitigated', {
      ...resolved,
      kind: 'mitigated',
      source: resolved.source,
      why: `no separate mitigation: the impact is taken to end with the resolution (${resolved.why})`,
    });
  }
  return cues;
}

/**
 * After a workaround, the fix often ships in two steps: a fix is opened or merged, then a deployment reaches
 * production. With no entry that says "fix deployed", the last deployment to production after the mitigation
 * that follows a fix is the resolution.
 */
function fixShipped(timed: readonly TimelineEntry[], found: Map<MilestoneKind, Milestone>): void {
  const after = found.get('mitigated')?.instant?.ms;
  if (after === undefined) return;
  let fix: TimelineEntry | undefined;
  let shipped: { entry: TimelineEntry; phrase: string } | undefined;
  for (const entry of timed) {
    if ((entry.instant?.ms ?? 0) <= after) continue;
    if (!fix && mentionsFix(entry.text)) fix = entry;
    const phrase = fix ? reachesProduction(entry.text) : undefined;
    if (phrase && (!shipped || (entry.instant?.ms ?? 0) >= (shipped.entry.instant?.ms ?? 0)))
      shipped = { entry, phrase };
  }
  if (!fix || !shipped) return;
  found.set('resolved', {
    kind: 'resolved',
    source: 'inferred',
    instant: shipped.entry.instant,
    range: shipped.entry.range,
    entryIndex: shipped.entry.index,
    why: `"${shipped.phrase}" (the fix reached production) in the entry at ${where(shipped.entry.instant)}, after the fix of the entry at ${where(fix.instant)}`,
  });
}

function where(instant: TimelineInstant | undefined): string {
  if (!instant) return 'an unknown time';
  if (instant.iso) return instant.iso.replace('T', ' ').replace(/:00(?=[+-Z]|$)/, '');
  return instant.clock ?? instant.date ?? 'an unknown time';
}

/** `started: 2024-05-14T09:12:00Z` (or `09:12`, read on the timeline's first day) in the frontmatter. */
function frontmatterMilestones(model: PostmortemModel, timeline: Timeline): Milestone[] {
  const fm = model.frontmatter;
  if (!fm) return [];
  const out: Milestone[] = [];
  for (const kind of MILESTONE_KINDS) {
    // A status page (cState) says `resolved: true` and gives the time as `resolvedWhen`.
    const key = kind === 'resolved' && typeof fm.data.resolved === 'boolean' ? 'resolvedWhen' : kind;
    const value = fm.data[key];
    if (typeof value !== 'string' && !(value instanceof Date)) continue;
    const written = value instanceof Date ? value.toISOString() : value;
    const instant = readFrontmatterInstant(written, timeline);
    if (!instant) continue;
    out.push({
      kind,
      source: 'frontmatter',
      instant,
      range: frontmatterValueRange(model, key) ?? { start: fm.start, end: fm.end },
      why: `\`${key}: ${written}\` in the frontmatter (${MILESTONE_TITLES[kind]})`,
    });
  }
  return out;
}

/** Reads a frontmatter time. A time without a date takes the day of the timeline's first entry. */
export function readFrontmatterInstant(written: string, timeline: Timeline): TimelineInstant | undefined {
  const stamp = readStamp(written);
  if (!stamp || stamp.problem || (!stamp.clock && !stamp.date)) return undefined;
  const first = timeline.entries.find((e) => e.instant)?.instant;
  const zoneRef =
    stamp.zone ??
    (timeline.frontmatterZone ? parseZone(timeline.frontmatterZone.name) : undefined) ??
    (first?.zone ? parseZone(first.zone) : undefined);
  const zone = zoneRef?.zone ?? 'utc';
  let dt: DateTime;
  let dateKnown = true;
  if (stamp.date && stamp.date.year !== undefined) {
    dt = DateTime.fromObject(
      {
        ...stamp.date,
        hour: stamp.clock?.hour ?? 0,
        minute: stamp.clock?.minute ?? 0,
        second: stamp.clock?.second ?? 0,
      },
      { zone },
    );
  } else if (stamp.clock) {
    const base = first
      ? DateTime.fromMillis(first.ms, { zone })
      : DateTime.fromObject({ year: 2000, month: 1, day: 1 }, { zone });
    dateKnown = !!first?.dateKnown;
    dt = base.set({
      hour: stamp.clock.hour,
      minute: stamp.clock.minute,
      second: stamp.clock.second ?? 0,
      millisecond: 0,
    });
    if (first && first.ms - dt.toMillis() > 12 * 3600_000) dt = dt.plus({ days: 1 });
  } else {
    return undefined;
  }
  if (!dt.isValid) return undefined;
  const precision = !stamp.clock ? 'day' : stamp.clock.second !== undefined ? 'second' : 'minute';
  return {
    ms: dt.toMillis(),
    dateKnown,
    zoneKnown: !!zoneRef,
    iso:
      dateKnown && stamp.clock
        ? (dt.toISO({ includeOffset: !!zoneRef, suppressMilliseconds: true }) ?? undefined)
        : undefined,
    clock: stamp.clock ? dt.toFormat(precision === 'second' ? 'HH:mm:ss' : 'HH:mm') : undefined,
    date: dateKnown ? (dt.toISODate() ?? undefined) : undefined,
    zone: zoneRef?.name,
    precision,
  };
}

/** Where the value of a top-level frontmatter key sits in the document (YAML `key: value`, TOML `key = value`). */
export function frontmatterValueRange(model: PostmortemModel, key: string): Range | undefined {
  const fm = model.frontmatter;
  if (!fm) return undefined;
  const block = model.text.slice(fm.contentStart, fm.end);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^(["']?)${escaped}\\1[ \\t]*[:=][ \\t]*(.*?)[ \\t]*\\r?$`, 'm').exec(block);
  if (!m) return undefined;
  const keyStart = fm.contentStart + (m.index ?? 0);
  const valueStart = keyStart + m[0].lastIndexOf(m[2]);
  return m[2]
    ? { start: valueStart, end: valueStart + m[2].length }
    : { start: keyStart, end: keyStart + m[0].trimEnd().length };
}
