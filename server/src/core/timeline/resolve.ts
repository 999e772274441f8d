import type { ExtractedSection, RawEntry, TimelineItem } from './extract';
import { addDays, instantOf, msOf, STAND_IN, sameDate, sameZoneRef } from './instants';
import type { DateParts } from './stamp';
import type { ContextSource, Range, TimelineEntry, TimelineInstant } from './types';
import type { ZoneRef } from './zones';

/**
 * Turns stamps into instants. Each entry takes its date from itself, else from the context in force (a
 * `### <date>` subsection, a date line, a statement such as "all events happened on 2019-10-21"), else from the
 * previous dated entry. Its zone comes from itself, the time column's header, the section's statement or
 * heading, the frontmatter, or the previous entry. An entry whose time is more than 12 hours before the previous
 * entry's, with no date of its own, is read as the next day (it crossed midnight): the nearer reading wins.
 * Yearless dates ("Feb 28th", "[03-26 23:04]") take the incident's year, and a step back of more than half a
 * year (December, then March) moves the earlier entries to the year before.
 */

export interface ResolveContext {
  /** The year of the incident when known (frontmatter date, title, file name), for dates without a year. */
  year?: number;
  /** The zone from the frontmatter `timezone` key. */
  frontmatterZone?: ZoneRef;
}

const HALF_DAY = 12 * 3600_000;

interface DateState {
  date: DateParts;
  source: ContextSource;
  /** Midnights crossed since the date was set. */
  days: number;
  lastMs?: number;
}

/** The resolver, and the state before every `every`-th item (see incremental/timeline.ts). */
export interface Checkpoints {
  every: number;
  items: number[];
  entries: number[];
  states: ResolveState[];
  resolver?: Resolver;
}

/** What the resolution carries from item to item (see `resolveItem`). */
export interface ResolveState {
  group: number;
  contextDate?: DateState;
  previousEntryDate?: DateState;
  carriedZone?: ZoneRef;
  /** The running day count of a timeline without dates. */
  standIn?: DateState;
  yearlessIndex: number;
}

/** What holds for the whole timeline: read from every item once, before the first. */
export interface Resolver {
  year: number | undefined;
  yearShift: Map<number, number>;
  sections: readonly ExtractedSection[];
  context: ResolveContext;
}

/** An entry's reading: its status, instant and where its date and zone came from. */
export interface Resolved {
  status: TimelineEntry['status'];
  problem?: string;
  instant?: TimelineInstant;
  dateSource?: ContextSource;
  zoneSource?: ContextSource;
  crossed: boolean;
}

export function resolveTimeline(
  items: readonly TimelineItem[],
  sections: readonly ExtractedSection[],
  context: ResolveContext,
  plain: (raw: string) => string,
  /** Filled with the resolver, and the state before every `every`-th item (for incremental/timeline.ts). */
  checkpoints?: Checkpoints,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const { resolver, state } = startResolve(items, sections, context);
  if (checkpoints) checkpoints.resolver = resolver;
  for (let i = 0; i < items.length; i++) {
    if (checkpoints && i % checkpoints.every === 0) {
      checkpoints.items.push(i);
      checkpoints.entries.push(entries.length);
      checkpoints.states.push(cloneState(state));
    }
    const item = items[i];
    const resolved = resolveItem(resolver, state, item);
    if (resolved && item.type === 'entry') entries.push(entryOf(item.entry, entries.length, resolved, plain));
  }
  return entries;
}

/** The resolver and the state before the first item. */
export function startResolve(
  items: readonly TimelineItem[],
  sections: readonly ExtractedSection[],
  context: ResolveContext,
): { resolver: Resolver; state: ResolveState } {
  const year = context.year ?? firstYear(items);
  const state: ResolveState = { group: -1, yearlessIndex: 0 };
  // Undated entries before the first dated one take its date: "09:04 …" then "2024-05-14 09:40 …".
  const firstDated = firstOwnDate(items, year);
  if (firstDated) state.previousEntryDate = { date: firstDated, source: 'next-entry', days: 0 };
  return { resolver: { year, yearShift: yearlessShifts(items), sections, context }, state };
}

/** The timeline entry of a raw entry and its reading. */
export function entryOf(
  raw: RawEntry,
  index: number,
  resolved: Resolved,
  plain: (raw: string) => string,
): TimelineEntry {
  const entry: TimelineEntry = {
    index,
    shape: raw.shape,
    range: raw.range,
    text: raw.text ?? plain(raw.raw),
    status: 'untimed',
    markers: raw.markers,
    section: raw.section,
    group: raw.group,
  };
  if (raw.stamp) applyReading(entry, { start: raw.stamp.start, end: raw.stamp.end, text: '' }, resolved);
  return entry;
}

/** Sets an entry's stamp and reading (the entry as `entryOf` makes it, before the stamp). */
export function applyReading(entry: TimelineEntry, stamp: Range & { text: string }, resolved: Resolved): void {
  entry.stamp = stamp;
  entry.status = resolved.status;
  if (resolved.problem !== undefined) entry.problem = resolved.problem;
  if (resolved.status !== 'parsed') return;
  entry.instant = resolved.instant;
  if (resolved.dateSource) entry.dateSource = resolved.dateSource;
  if (resolved.zoneSource) entry.zoneSource = resolved.zoneSource;
  if (resolved.crossed) entry.crossedMidnight = true;
}

/** Reads one item in the state left by the ones before it; an entry's reading is returned. */
export function resolveItem(r: Resolver, state: ResolveState, item: TimelineItem): Resolved | undefined {
  if (item.type === 'group') {
    state.group = item.group;
    // Each timeline section starts afresh: its own statement, no midnights carried over.
    if (state.contextDate) state.contextDate.lastMs = undefined;
    return undefined;
  }
  if (item.type === 'date') {
    const date = item.date.year === undefined && r.year !== undefined ? { ...item.date, year: r.year } : item.date;
    state.contextDate = { date, source: item.source, days: 0 };
    return undefined;
  }
  const raw = item.entry;
  const stamp = raw.stamp;
  if (!stamp) return { status: 'untimed', crossed: false };
  if (stamp.problem || (!stamp.clock && !stamp.date)) {
    return { status: 'unparseable', problem: stamp.problem ?? 'no time could be read', crossed: false };
  }
  const { context, year } = r;

  // The zone.
  const section = r.sections[state.group];
  let zone: ZoneRef | undefined;
  let zoneSource: ContextSource | undefined;
  if (stamp.zone) [zone, zoneSource] = [stamp.zone, 'entry'];
  else if (raw.columnZone) [zone, zoneSource] = [raw.columnZone.ref, 'column'];
  else if (section?.zoneRef) [zone, zoneSource] = [section.zoneRef, section.zone?.source ?? 'statement'];
  else if (context.frontmatterZone) [zone, zoneSource] = [context.frontmatterZone, 'frontmatter'];
  else if (state.carriedZone) [zone, zoneSource] = [state.carriedZone, 'previous-entry'];
  if (stamp.zone) state.carriedZone = stamp.zone;

  // The date.
  let date: DateParts | undefined;
  let dateSource: ContextSource | undefined;
  let crossed = false;
  const clock = stamp.clock;
  if (stamp.date) {
    date = { ...stamp.date };
    if (date.year === undefined && year !== undefined) date.year = year - (r.yearShift.get(state.yearlessIndex) ?? 0);
    if (stamp.date.year === undefined) state.yearlessIndex++;
    dateSource = 'entry';
    state.previousEntryDate = { date, source: 'previous-entry', days: 0 };
  } else {
    const dated = state.contextDate ?? state.previousEntryDate;
    if (dated) {
      dateSource = dated.source;
      if (clock && dated.lastMs !== undefined) {
        const probe = msOf(addDays(dated.date, dated.days), clock, zone?.zone);
        if (dated.lastMs - probe > HALF_DAY) {
          dated.days++;
          crossed = true;
        }
      }
      date = addDays(dated.date, dated.days);
    }
  }
  const instant = instantOf(date, clock, zone, stamp.clock?.second !== undefined);
  // Timelines without any date still cross midnight: keep a running day count on the stand-in day.
  if (!date && clock) {
    state.standIn ??= { date: STAND_IN, source: 'entry', days: 0 };
    const standIn = state.standIn;
    const probe = msOf(addDays(STAND_IN, standIn.days), clock, zone?.zone);
    if (standIn.lastMs !== undefined && standIn.lastMs - probe > HALF_DAY) {
      standIn.days++;
      crossed = true;
    }
    const shifted = instantOf(addDays(STAND_IN, standIn.days), clock, zone, stamp.clock?.second !== undefined);
    shifted.dateKnown = false;
    shifted.iso = undefined;
    shifted.date = undefined;
    Object.assign(instant, shifted);
    standIn.lastMs = instant.ms;
  } else if (!stamp.date) {
    const dated = state.contextDate ?? state.previousEntryDate;
    if (dated) dated.lastMs = instant.ms;
  } else if (state.previousEntryDate) {
    state.previousEntryDate.lastMs = instant.ms;
  }
  return {
    status: 'parsed',
    instant,
    dateSource: dateSource && dateSource !== 'entry' ? dateSource : undefined,
    zoneSource,
    crossed,
  };
}

function cloneDateState(d: DateState | undefined): DateState | undefined {
  return d && { ...d };
}

/** A copy of a state (its date states are changed in place as the items are read). */
export function cloneState(s: ResolveState): ResolveState {
  return {
    group: s.group,
    contextDate: cloneDateState(s.contextDate),
    previousEntryDate: cloneDateState(s.previousEntryDate),
    carriedZone: s.carriedZone,
    standIn: cloneDateState(s.standIn),
    yearlessIndex: s.yearlessIndex,
  };
}

function sameDateState(a: DateState | undefined, b: DateState | undefined): boolean {
  if (!a || !b) return a === b;
  return a.source === b.source && a.days === b.days && a.lastMs === b.lastMs && sameDate(a.date, b.date);
}

/** Whether two states read every item after them alike. */
export function sameState(a: ResolveState, b: ResolveState): boolean {
  return (
    a.group === b.group &&
    a.yearlessIndex === b.yearlessIndex &&
    sameZoneRef(a.carriedZone, b.carriedZone) &&
    sameDateState(a.contextDate, b.contextDate) &&
    sameDateState(a.previousEntryDate, b.previousEntryDate) &&
    sameDateState(a.standIn, b.standIn)
  );
}

function firstOwnDate(items: readonly TimelineItem[], year: number | undefined): DateParts | undefined {
  for (const item of items) {
    if (item.type === 'date') return undefined;
    if (item.type !== 'entry') continue;
    const d = item.entry.stamp?.date;
    if (d && !item.entry.stamp?.problem)
      return d.year !== undefined ? d : year !== undefined ? { ...d, year } : undefined;
  }
  return undefined;
}

function firstYear(items: readonly TimelineItem[]): number | undefined {
  for (const item of items) {
    if (item.type === 'date' && item.date.year !== undefined) return item.date.year;
    if (item.type === 'entry' && item.entry.stamp?.date?.year !== undefined) return item.entry.stamp.date.year;
  }
  return undefined;
}

/**
 * For each yearless dated entry (by order), how many years before the incident's year it lies: a month-day
 * more than half a year before the previous one starts a new year, and the last entries are in the incident's.
 */
function yearlessShifts(items: readonly TimelineItem[]): Map<number, number> {
  const dates: DateParts[] = [];
  for (const item of items) {
    const d = item.type === 'entry' ? item.entry.stamp?.date : undefined;
    if (d && d.year === undefined) dates.push(d);
  }
  const rollovers: number[] = [0];
  for (let i = 1; i < dates.length; i++) {
    const previous = dayOfYear(dates[i - 1]);
    const current = dayOfYear(dates[i]);
    rollovers.push(rollovers[i - 1] + (previous - current > 182 ? 1 : 0));
  }
  const total = rollovers[rollovers.length - 1] ?? 0;
  return new Map(rollovers.map((r, i) => [i, total - r]));
}

function dayOfYear(d: DateParts): number {
  return (d.month - 1) * 31 + d.day;
}

export type { RawEntry };
