import { cachesEnabled } from '../incremental/memo';
import { DateTime, type Zone } from '../luxon';
import type { ClockParts, DateParts } from './stamp';
import type { TimelineInstant } from './types';
import type { ZoneRef } from './zones';

/** The stand-in day for timelines without dates: only differences between instants matter there. */
export const STAND_IN = { year: 2000, month: 1, day: 1 };

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

export function sameDate(a: DateParts | undefined, b: DateParts | undefined): boolean {
  return a === b || (!!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day);
}

/** Zones with the same luxon type and name have the same offsets (what `zoneKey` keys the caches by). */
function sameZone(a: Zone | undefined, b: Zone | undefined): boolean {
  return a === b || (!!a && !!b && a.type === b.type && a.name === b.name);
}

export function sameZoneRef(a: ZoneRef | undefined, b: ZoneRef | undefined): boolean {
  return a === b || (!!a && !!b && a.name === b.name && sameZone(a.zone, b.zone));
}

function zoneKey(zone: Zone | undefined): string {
  return zone ? `${zone.type}:${zone.name}` : 'utc';
}

export function msOf(date: DateParts, clock: ClockParts, zone: Zone | undefined): number {
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

export function addDays(date: DateParts, days: number): DateParts {
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
export function instantOf(
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
