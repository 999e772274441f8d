import { type PostmortemModel, sectionsOfKind } from '../model';
import type { CueMatch } from './lexicon';
import type { Milestone, MilestoneKind, TimelineEntry } from './types';

/**
 * The end of impact, cross-checked with the duration the document states ("uploads failed for 70 minutes").
 * The wording picks the mitigation (an outcome such as "uploads succeed again" over an action such as a
 * rollback); when the document states how long the impact lasted and the inferred end disagrees with it, the
 * entry whose time matches the stated duration is taken instead, if one says the service recovered or the
 * problem was fixed. A person can still mark the end with `<!-- milestone: mitigated -->`.
 */

const DURATION =
  /\b(?:for|lasted|lasting|over|about|approximately|roughly|around|nearly|almost|~)\s+(?:(?:about|approximately|roughly|around|nearly|almost|~)\s*)?(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\b(?:,?\s*(?:and\s+)?(\d+)\s*(?:m|mins?|minutes?)\b)?/i;

/** The impact duration the document states in its impact section, summary or introduction, in minutes. */
export function statedImpactMinutes(
  model: PostmortemModel,
): { minutes: number; text: string; start: number; end: number } | undefined {
  const sections = [...sectionsOfKind(model, 'impact'), ...sectionsOfKind(model, 'summary')];
  const spans = sections.map((s) => ({ from: s.headingEnd, text: model.text.slice(s.headingEnd, s.contentEnd) }));
  const lead = model.lead;
  if (lead.length > 0) {
    const from = lead[0].position?.start.offset ?? 0;
    spans.push({ from, text: model.text.slice(from, lead[lead.length - 1].position?.end.offset ?? 0) });
  }
  for (const { from, text } of spans) {
    const m = DURATION.exec(text);
    if (!m) continue;
    const value = Number(m[1]);
    const minutes = (/^h/i.test(m[2]) ? value * 60 : value) + (m[3] ? Number(m[3]) : 0);
    const start = from + m.index + (m[0].length - m[0].trimStart().length);
    const written = m[0].trim();
    if (minutes > 0) return { minutes: Math.round(minutes), text: written, start, end: start + written.length };
  }
  return undefined;
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
