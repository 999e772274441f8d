// The entries of a timeline kept from version to version (incremental/timeline.ts): found by offset, moved in
// place, and read again.
import type { ListItem } from 'mdast';
import type { RawEntry, TimelineItem } from '../timeline/extract';
import { applyReading, type Resolved, type Resolver } from '../timeline/resolve';
import type { TimelineEntry, TimelineInstant } from '../timeline/types';

const at = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;

/** The first item starting at or after `offset`. */
export function firstItemFrom(items: readonly ListItem[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first entry starting at or after `offset` (entries are in document order: see `keepTimeline`). */
export function firstStartingAt(entries: readonly TimelineEntry[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether entries with dates can be read again in place: the year of yearless dates is the same when none of them
 * has one, and the timeline's year and first date are the same when they are settled by an item before the edit.
 */
export function datesSettled(
  items: readonly TimelineItem[],
  i0: number,
  resolver: Resolver,
  changed: readonly RawEntry[],
) {
  if (changed.some((e) => e.stamp?.date && e.stamp.date.year === undefined)) return false;
  let year = resolver.context.year !== undefined;
  let first = false;
  for (let i = 0; i < i0 && !(year && first); i++) {
    const item = items[i];
    if (item.type === 'date') {
      first = true;
      if (item.date.year !== undefined) year = true;
    } else if (item.type === 'entry') {
      const stamp = item.entry.stamp;
      if (stamp?.date?.year !== undefined) year = true;
      if (stamp?.date && !stamp.problem) first = true;
    }
  }
  return year && first;
}

/** Moves the entries from `from` on (their ranges, stamps and markers) and renumbers them, in place. */
export function moveEntries(entries: TimelineEntry[], from: number, move: (x: number) => number, dIndex: number): void {
  for (let k = from; k < entries.length; k++) {
    const e = entries[k];
    e.index += dIndex;
    e.range.start = move(e.range.start);
    e.range.end = move(e.range.end);
    if (e.stamp) {
      e.stamp.start = move(e.stamp.start);
      e.stamp.end = move(e.stamp.end);
    }
    // Marker lists may be shared with the per-block caches: moved into new ones.
    if (e.markers.length > 0) {
      e.markers = e.markers.map((m) => ({
        kind: m.kind,
        range: { start: move(m.range.start), end: move(m.range.end) },
      }));
    }
  }
}

function sameInstant(a: TimelineInstant | undefined, b: TimelineInstant | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.ms === b.ms &&
    a.dateKnown === b.dateKnown &&
    a.zoneKnown === b.zoneKnown &&
    a.iso === b.iso &&
    a.clock === b.clock &&
    a.date === b.date &&
    a.zone === b.zone &&
    a.precision === b.precision
  );
}

/** Whether an entry reads as it did: its status, instant, and where its date and zone came from. */
export function sameReading(e: TimelineEntry, r: Resolved): boolean {
  if (!e.stamp) return true;
  if (e.status !== r.status || e.problem !== r.problem) return false;
  if (r.status !== 'parsed') return true;
  return (
    e.dateSource === r.dateSource &&
    e.zoneSource === r.zoneSource &&
    !!e.crossedMidnight === r.crossed &&
    sameInstant(e.instant, r.instant)
  );
}

/** The entry with another reading (a new object, its keys in the order a fresh one has them). */
export function withReading(e: TimelineEntry, r: Resolved): TimelineEntry {
  const entry: TimelineEntry = {
    index: e.index,
    shape: e.shape,
    range: e.range,
    text: e.text,
    status: 'untimed',
    markers: e.markers,
    section: e.section,
    group: e.group,
  };
  if (e.stamp) applyReading(entry, e.stamp, r);
  return entry;
}
