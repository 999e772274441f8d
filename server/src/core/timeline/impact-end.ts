import { type PostmortemModel, sectionsOfKind } from '../model';
import type { CueMatch } from './lexicon';
import type { Milestone, MilestoneKind, TimelineEntry } from './types';

/**
 * The end of impact, cross-checked with the duration the document states ("uploads failed for 70 minutes").
 * The wording picks the mitigation (an outcome such as "uploads succeed again" over an action such as a
 * rollback); when the document states how long the impact lasted and the inferred end disagrees with it, the
 * entry whose time matches the stated duration is taken instead, if one says the service recovered or the
 * problem was fixed. With no start of impact in the wording, the stated duration back from the end gives it.
 * A person can still mark either with `<!-- milestone: started -->` or `<!-- milestone: mitigated -->`.
 */

/**
 * How a document states how long the impact lasted: "for 70 minutes", "lasted about 2 hours", "a period of 30
 * minutes", "a 7 minute cascading failure", "a 47-minute outage".
 */
const DURATIONS = [
  /\b(?:for|lasted|lasting|over|about|approximately|roughly|around|nearly|almost|~|period\s+of)\s+(?:(?:about|approximately|roughly|around|nearly|almost|an\s+estimated|~)\s*)?(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\b(?:,?\s*(?:and\s+)?(\d+)\s*(?:m|mins?|minutes?)\b)?/gi,
  /\ban?\s+(?:(?:about|approximately|roughly|around|nearly|almost|an\s+estimated|~)\s*)?(\d+(?:\.\d+)?)[\s-](h|hrs?|hours?|m|mins?|minutes?)\s+(?:long\s+)?(?:[\w-]+\s+)?(?:outage|period|window|failure|disruption|downtime|incident|degradation|interruption)\b/gi,
];
/** A figure the document gives in its own terms: "Time to recovery: 13 minutes" (from the start of impact). */
const TIME_TO_RECOVER =
  /\btime\s+to\s+(?:recovery|recover|restore|restoration|mitigate|mitigation)\b\s*(?:(?:[:=–—-]|was|of|is)\s*)?(?:(?:about|approximately|roughly|around|nearly|almost|an\s+estimated|~)\s*)?(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\b(?:,?\s*(?:and\s+)?(\d+)\s*(?:m|mins?|minutes?)\b)?/gi;

interface StatedDuration {
  minutes: number;
  text: string;
  start: number;
  end: number;
}

/** The first duration in `text` (at offset `from` of the document) that one of `patterns` states. */
function firstDuration(text: string, from: number, patterns: readonly RegExp[]): StatedDuration | undefined {
  let best: StatedDuration | undefined;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // "3.7M failed requests" is a count: a one-letter unit only in lower case.
      if (/^[HM]$/.test(m[2])) continue;
      const value = Number(m[1]);
      const minutes = (/^h/i.test(m[2]) ? value * 60 : value) + (m[3] ? Number(m[3]) : 0);
      if (!(minutes > 0)) continue;
      const start = from + m.index + (m[0].length - m[0].trimStart().length);
      const written = m[0].trim();
      if (!best || start < best.start)
        best = { minutes: Math.round(minutes), text: written, start, end: start + written.length };
      break;
    }
  }
  return best;
}

/**
 * The impact duration the document states, in minutes: in its impact section, summary or introduction, else a
 * "time to recovery" figure anywhere (a stats list).
 */
export function statedImpactMinutes(model: PostmortemModel): StatedDuration | undefined {
  const sections = [...sectionsOfKind(model, 'impact'), ...sectionsOfKind(model, 'summary')];
  const spans = sections.map((s) => ({ from: s.headingEnd, text: model.text.slice(s.headingEnd, s.contentEnd) }));
  const lead = model.lead;
  if (lead.length > 0) {
    const from = lead[0].position?.start.offset ?? 0;
    spans.push({ from, text: model.text.slice(from, lead[lead.length - 1].position?.end.offset ?? 0) });
  }
  for (const { from, text } of spans) {
    const found = firstDuration(text, from, DURATIONS);
    if (found) return found;
  }
  return firstDuration(model.text, 0, [TIME_TO_RECOVER]);
}

export interface EndCandidate {
  entry: TimelineEntry;
  match: CueMatch;
}

/** Moves an inferred mitigation to the entry that matches the stated duration, when the two disagree. */
export function crossCheckImpactEnd(
  model: PostmortemModel,
  found: Map<MilestoneKind, Milestone>,
  candidates: readonly EndCandidate[],
): void {
  const started = found.get('started')?.instant;
  const mitigated = found.get('mitigated');
  if (!started || !mitigated?.instant || mitigated.source !== 'inferred') return;
  const stated = statedImpactMinutes(model);
  if (!stated) return;
  const minutesFromStart = (ms: number) => (ms - started.ms) / 60_000;
  const tolerance = (share: number) => Math.max(5, stated.minutes * share);
  const current = minutesFromStart(mitigated.instant.ms);
  if (Math.abs(current - stated.minutes) <= tolerance(0.2)) return;
  let best: EndCandidate | undefined;
  for (const c of candidates) {
    const at = c.entry.instant?.ms;
    if (at === undefined || at <= started.ms) continue;
    const off = Math.abs(minutesFromStart(at) - stated.minutes);
    const bestOff = best ? Math.abs(minutesFromStart(best.entry.instant?.ms ?? 0) - stated.minutes) : Infinity;
    if (off < bestOff) best = c;
  }
  if (!best?.entry.instant) return;
  if (Math.abs(minutesFromStart(best.entry.instant.ms) - stated.minutes) > tolerance(0.1)) return;
  found.set('mitigated', {
    kind: 'mitigated',
    source: 'inferred',
    instant: best.entry.instant,
    range: best.entry.range,
    entryIndex: best.entry.index,
    why: `"${best.match.phrase}" (${best.match.cue.label}), which matches the impact duration the document states ("${stated.text}"); the wording alone pointed to an entry ${Math.round(current)} minutes after the start`,
  });
}

/**
 * The start of impact from the duration the document states, when the wording gives none: the impact ended at
 * the mitigation (else the resolution) and lasted the stated time, so it began at the entry that long before the
 * end, if one is there (within 10% of the duration, at least 5 minutes) and it comes no later than the detection.
 * "For about 13 minutes" before a 12:30 rollback is the 12:17 deploy to production, which the wording reads as a
 * trigger only.
 */
export function startFromStatedDuration(
  model: PostmortemModel,
  found: Map<MilestoneKind, Milestone>,
  entries: readonly TimelineEntry[],
): void {
  if (found.has('started')) return;
  const end = found.get('mitigated') ?? found.get('resolved');
  if (!end?.instant || end.instant.precision === 'day') return;
  const stated = statedImpactMinutes(model);
  if (!stated) return;
  const target = end.instant.ms - stated.minutes * 60_000;
  const tolerance = Math.max(5, stated.minutes * 0.1) * 60_000;
  const detected = found.get('detected')?.instant?.ms;
  let best: TimelineEntry | undefined;
  for (const e of entries) {
    const at = e.instant;
    if (e.status !== 'parsed' || !at || at.precision === 'day' || at.dateKnown !== end.instant.dateKnown) continue;
    if (at.ms >= end.instant.ms || (detected !== undefined && at.ms > detected)) continue;
    if (!best || Math.abs(at.ms - target) < Math.abs((best.instant?.ms ?? 0) - target)) best = e;
  }
  if (!best?.instant || Math.abs(best.instant.ms - target) > tolerance) return;
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  found.set('started', {
    kind: 'started',
    source: 'inferred',
    instant: best.instant,
    range: best.range,
    entryIndex: best.index,
    why: `the document states how long the impact lasted ("${stated.text}") and it ended at ${end.instant.clock ?? clock(end.instant.ms)} (${end.kind === 'mitigated' ? 'mitigation' : 'resolution'}): this entry is that long before; no entry's wording says when the impact began`,
  });
}
