import { cachesEnabled } from '../incremental/memo';
import { DateTime, type Zone } from '../luxon';
import type { ExtractedSection, RawEntry, TimelineItem } from './extract';
import type { ClockParts, DateParts } from './stamp';
import type { ContextSource, TimelineEntry, TimelineInstant } from './types';
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

/** The stand-in day for timelines without dates: only differences between instants matter there. */
const STAND_IN = { year: 2000, month: 1, day: 1 };
const HALF_DAY = 12 * 3600_000;

interface DateState {
  date: DateParts;
  source: ContextSource;
  /** Midnights crossed since the date was set. */
  days: number;
  lastMs?: number;
}

export function resolveTimeline(
  items: readonly TimelineItem[],
  sections: readonly ExtractedSection[],
  context: ResolveContext,
  plain: (raw: string) => string,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const year = context.year ?? firstYear(items);
  const yearShift = yearlessShifts(items);
  let group = -1;
  let contextDate: DateState | undefined;
  let previousEntryDate: DateState | undefined;
  let carriedZone: ZoneRef | undefined;
  let standIn: DateState | undefined;
  let yearlessIndex = 0;
  // Undated entries before the first dated one take its date: "09:04 …" then "2024-05-14 09:40 …".
  const firstDated = firstOwnDate(items, year);
  if (firstDated) previousEntryDate = { date: firstDated, source: 'next-entry', days: 0 };

  for (const item of items) {
    if (item.type === 'group') {
      group = item.group;
      // Each timeline section starts afresh: its own statement, no midnights carried over.
      if (contextDate) contextDate.lastMs = undefined;
      continue;
    }
    if (item.type === 'date') {
      const date = item.date.year === undefined && year !== undefined ? { ...item.date, year } : item.date;
      contextDate = { date, source: item.source, days: 0 };
      continue;
    }
    const raw = item.entry;
    const entry: TimelineEntry = {
      index: entries.length,
      shape: raw.shape,
      range: raw.range,
      text: raw.text ?? plain(raw.raw),
      status: 'untimed',
      markers: raw.markers,
      section: raw.section,
      group: raw.group,
    };
    entries.push(entry);
    const stamp = raw.stamp;
    if (!stamp) continue;
    entry.stamp = { start: stamp.start, end: stamp.end, text: '' };
    if (stamp.problem || (!stamp.clock && !stamp.date)) {
      entry.status = 'unparseable';
      entry.problem = stamp.problem ?? 'no time could be read';
      continue;
    }
    entry.status = 'parsed';

    // The zone.
    const section = sections[group];
    let zone: ZoneRef | undefined;
    let zoneSource: ContextSource | undefined;
    if (stamp.zone) [zone, zoneSource] = [stamp.zone, 'entry'];
    else if (raw.columnZone) [zone, zoneSource] = [raw.columnZone.ref, 'column'];
    else if (section?.zoneRef) [zone, zoneSource] = [section.zoneRef, section.zone?.source ?? 'statement'];
    else if (context.frontmatterZone) [zone, zoneSource] = [context.frontmatterZone, 'frontmatter'];
    else if (carriedZone) [zone, zoneSource] = [carriedZone, 'previous-entry'];
    if (stamp.zone) carriedZone = stamp.zone;

    // The date.
    let date: DateParts | undefined;
    let dateSource: ContextSource | undefined;
    let crossed = false;
    const clock = stamp.clock;
    if (stamp.date) {
      date = { ...stamp.date };
      if (date.year === undefined && year !== undefined) date.year = year - (yearShift.get(yearlessIndex) ?? 0);
      if (stamp.date.year === undefined) yearlessIndex++;
      dateSource = 'entry';
      previousEntryDate = { date, source: 'previous-entry', days: 0 };
    } else {
      const state = contextDate ?? previousEntryDate;
      if (state) {
        dateSource = state.source;
        if (clock && state.lastMs !== undefined) {
          const probe = msOf(addDays(state.date, state.days), clock, zone?.zone);
          if (state.lastMs - probe > HALF_DAY) {
            state.days++;
            crossed = true;
          }
        }
        date = addDays(state.date, state.days);
      }
    }
    const instant = instantOf(date, clock, zone, stamp.clock?.second !== undefined);
    // Timelines without any date still cross midnight: keep a running day count on the stand-in day.
    if (!date && clock) {
      standIn ??= { date: STAND_IN, source: 'entry', days: 0 };
      const state = standIn;
      const probe = msOf(addDays(STAND_IN, state.days), clock, zone?.zone);
      if (state.lastMs !== undefined && state.lastMs - probe > HALF_DAY) {
        state.days++;
        crossed = true;
      }
      const shifted = instantOf(addDays(STAND_IN, state.days), clock, zone, stamp.clock?.second !== undefined);
      shifted.dateKnown = false;
      shifted.iso = undefined;
      shifted.date = undefined;
      Object.assign(instant, shifted);
      state.lastMs = instant.ms;
    } else if (!stamp.date) {
      const state = contextDate ?? previousEntryDate;
      if (state) state.lastMs = instant.ms;
    } else if (previousEntryDate) {
      previousEntryDate.lastMs = instant.ms;
    }
    entry.instant = instant;
    if (dateSource && dateSource !== 'entry') entry.dateSource = dateSource;
    if (zoneSource) entry.zoneSource = zoneSource;
    if (crossed) entry.crossedMidnight = true;
  }
  return entries;
}

/**
 * luxon's arithmetic is what the resolution spends its time on, and a timeline's entries come back after every
 * edit with the same dates, clocks and zones: results are cached by those (a zone by its luxon name, which fixes
 * its offsets), within a bound.
 */
const MAX_CACHED = 50_000;
const msCache = new Map<string, number>();
const instantCache = new Map<string, TimelineInstant>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

const dayCache = new Map<string, DateParts>();
/** The last probe and instant of each clock object (stamps are cached per text, and kept with their blocks). */
const probes = new WeakMap<ClockParts, { date: DateParts; zone: Zone | undefined; ms: number }>();
const instants = new WeakMap<
  ClockParts,
  { date: DateParts | undefined; zone: ZoneRef | undefined; seconds: boolean; instant: TimelineInstant }
>();

function sameDate(a: DateParts | undefined, b: DateParts | undefined): boolean {
  return a === b || (!!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day);
}

/** Zones with the same luxon type and name have the same offsets (what `zoneKey` keys the caches by). */
function sameZone(a: Zone | undefined, b: Zone | undefined): boolean {
  return a === b || (!!a && !!b && a.type === b.type && a.name === b.name);
}

function sameZoneRef(a: ZoneRef | undefined, b: ZoneRef | undefined): boolean {
  return a === b || (!!a && !!b && a.name === b.name && sameZone(a.zone, b.zone));
}

function zoneKey(zone: Zone | undefined): string {
  return zone ? `${zone.type}:${zone.name}` : 'utc';
}

function msOf(date: DateParts, clock: ClockParts, zone: Zone | undefined): number {
  if (!cachesEnabled()) return msOfUncached(date, clock, zone);
  // The last probe of this clock (an entry's, kept with its block from version to version), compared by content.
  const kept = probes.get(clock);
  if (kept && sameDate(kept.date, date) && sameZone(kept.zone, zone)) return kept.ms;
  const key = `${date.year}-${date.month}-${date.day} ${clock.hour}:${clock.minute}:${clock.second} ${zoneKey(zone)}`;
  const hit = msCache.get(key);
  const ms = hit !== undefined ? hit : remember(msCache, key, msOfUncached(date, clock, zone));
  probes.set(clock, { date, zone, ms });
  return ms;
}

function msOfUncached(date: DateParts, clock: ClockParts, zone: Zone | undefined): number {
  return DateTime.fromObject(
    {
      year: date.year ?? 2000,
      month: date.month,
      day: date.day,
      hour: clock.hour,
      minute: clock.minute,
      second: clock.second ?? 0,
    },
    { zone: zone ?? 'utc' },
  ).toMillis();
}

function addDays(date: DateParts, days: number): DateParts {
  if (days === 0) return date;
  if (!cachesEnabled()) return addDaysUncached(date, days);
  const key = `${date.year}-${date.month}-${date.day}+${days}`;
  return { ...(dayCache.get(key) ?? remember(dayCache, key, addDaysUncached(date, days))) };
}

function addDaysUncached(date: DateParts, days: number): DateParts {
  const d = DateTime.fromObject({ year: date.year ?? 2000, month: date.month, day: date.day }, { zone: 'utc' }).plus({
    days,
  });
  return { year: date.year === undefined ? undefined : d.year, month: d.month, day: d.day };
}

/** The instant of a date, clock and zone (a fresh object each time: the caller may change it). */
function instantOf(
  date: DateParts | undefined,
  clock: ClockParts | undefined,
  zone: ZoneRef | undefined,
  seconds: boolean,
): TimelineInstant {
  if (!cachesEnabled()) return instantOfUncached(date, clock, zone, seconds);
  // The last instant of this clock (an entry's stamp, kept with its block from version to version), compared by
  // content: most entries come back with the date and zone they had, and need no key.
  const kept = clock ? instants.get(clock) : undefined;
  if (kept && kept.seconds === seconds && sameDate(kept.date, date) && sameZoneRef(kept.zone, zone)) {
    return { ...kept.instant };
  }
  const key = `${date ? `${date.year}-${date.month}-${date.day}` : '-'} ${clock ? `${clock.hour}:${clock.minute}:${clock.second}` : '-'} ${zone ? `${zone.name}|${zoneKey(zone.zone)}` : '-'} ${seconds}`;
  const hit = instantCache.get(key) ?? remember(instantCache, key, instantOfUncached(date, clock, zone, seconds));
  if (clock) instants.set(clock, { date, zone, seconds, instant: hit });
  return { ...hit };
}

function instantOfUncached(
  date: DateParts | undefined,
  clock: ClockParts | undefined,
  zone: ZoneRef | undefined,
  seconds: boolean,
): TimelineInstant {
  const d = date ?? STAND_IN;
  const dt = DateTime.fromObject(
    {
      year: d.year ?? 2000,
      month: d.month,
      day: d.day,
      hour: clock?.hour ?? 0,
      minute: clock?.minute ?? 0,
      second: clock?.second ?? 0,
    },
    { zone: zone?.zone ?? 'utc' },
  );
  const dateKnown = !!date && date.year !== undefined;
  const precision = !clock ? 'day' : seconds ? 'second' : 'minute';
  const instant: TimelineInstant = { ms: dt.toMillis(), dateKnown, zoneKnown: !!zone, precision };
  if (clock) instant.clock = dt.toFormat(seconds ? 'HH:mm:ss' : 'HH:mm');
  if (dateKnown) {
    instant.date = dt.toISODate() ?? undefined;
    if (clock) {
      instant.iso =
        dt.toISO({ includeOffset: !!zone, suppressMilliseconds: true, suppressSeconds: false }) ?? undefined;
    }
  }
  if (zone) instant.zone = zone.name;
  return instant;
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
