import type { List, ListItem, RootContent } from 'mdast';
import type { PostmortemModel, Section } from '../model';
import {
  type ExtractedSection,
  type ListRead,
  listItemEntries,
  type RawEntry,
  type TimelineItem,
  timelineSections,
} from '../timeline/extract';
import { sameZoneRef } from '../timeline/instants';
import {
  cloneState,
  entryOf,
  type ResolveContext,
  type Resolved,
  type Resolver,
  type ResolveState,
  resolveItem,
  sameState,
} from '../timeline/resolve';
import type { Range, TimelineEntry } from '../timeline/types';
import { cachesEnabled } from './memo';
import {
  datesSettled,
  firstItemFrom,
  firstStartingAt,
  moveEntries,
  sameReading,
  withReading,
} from './timeline-entries';

/**
 * The timeline of a document kept from version to version (issue 11). A timeline of thousands of entries is not
 * read again after an edit: the previous version's timeline is taken over, the entries of the list items the edit
 * re-parsed are read again, and the ones after them are moved (in place: the previous model's timeline describes
 * its text only until the next version, as its tree does). What the extraction of the rest depends on is checked
 * first, and anything else is read in full (timeline/index.ts):
 * - the sections (headings, levels, kinds), the incident's year and the frontmatter zone are those of the previous
 *   version, and the timeline sections moved with the text;
 * - the edit's window lies outside every timeline section (the entries only move), or it is a window of list items
 *   (incremental/parse.ts) of a list read item by item (`ListRead.plain`: not in a prose section, not under a time
 *   heading); the section stays compact or not (its first reading's count of compact times) and keeps a time (else
 *   it would be read as prose); the items' entries have no yearless date, and when they have dates, the year and
 *   the first date are settled by an item before them.
 * The entries are then resolved again from the state kept before the edit (a checkpoint every CHECKPOINT items),
 * up to a checkpoint after the edit where the state is again the one kept there: the rest reads as it did.
 * test/static/incremental.test.ts compares the timeline with a fresh one after every edit.
 */

export const CHECKPOINT = 64;

/** What a timeline was read from, kept with it for the next version. */
export interface TimelineRecord {
  /** The resolution's items, in order (an entry's positions here are not kept up to date: its entry's are). */
  items: TimelineItem[];
  sections: ExtractedSection[];
  lists: Map<List, ListRead>;
  /** The resolution's state before the item at `checkpoints.items[k]`, with `entries[k]` entries before it. */
  checkpoints: { items: number[]; entries: number[]; states: ResolveState[] };
  /** Per timeline section, how many of its entries have a time or a date (none: it is read as prose). */
  timed: number[];
  /** Per timeline section, how many entries of its first reading have a compact time (some: it is read so). */
  compact: number[];
  resolver: Resolver;
  entries: TimelineEntry[];
}

/** How a model's tree was made from the previous model's: its window (new text) and the length change. */
export interface VersionLink {
  previous: PostmortemModel;
  window?: { start: number; end: number };
  delta: number;
}

const records = new WeakMap<PostmortemModel, TimelineRecord>();
const links = new WeakMap<PostmortemModel, VersionLink>();

/**
 * Notes that `model` is the next version of `link.previous` (from IncrementalAnalyzer), when the previous one has a
 * timeline to take over. A model holds at most its previous one (whose own link is dropped): versions whose
 * timeline nobody asks for are not kept in a chain.
 */
export function linkVersion(model: PostmortemModel, link: VersionLink): void {
  links.delete(link.previous);
  if (cachesEnabled() && records.has(link.previous)) links.set(model, link);
}

/**
 * Keeps what a timeline was read from, for the next version: only when its entries are in document order (they
 * are found by offset).
 */
export function keepTimeline(model: PostmortemModel, record: TimelineRecord): void {
  const { entries } = record;
  for (let k = 1; k < entries.length; k++) if (entries[k].range.start < entries[k - 1].range.start) return;
  if (cachesEnabled()) records.set(model, record);
}

/**
 * The entries and sections of the model's timeline, from the previous version's, when the edit between them
 * allows it (see above); undefined otherwise.
 */
export function followTimeline(
  model: PostmortemModel,
  context: ResolveContext,
  plain: (raw: string) => string,
): { entries: TimelineEntry[]; sections: ExtractedSection[] } | undefined {
  if (!cachesEnabled()) return undefined;
  const link = links.get(model);
  if (!link) return undefined;
  links.delete(model);
  const record = records.get(link.previous);
  if (!record) return undefined;
  // Taken over: the previous version's record is changed in place from here.
  records.delete(link.previous);
  if (!sameContext(record.resolver.context, context) || !sameOutline(link.previous.allSections, model.allSections)) {
    return undefined;
  }
  const { window, delta } = link;
  const ws = window?.start ?? 0;
  const oldEnd = window ? window.end - delta : 0;
  const move = (x: number) => (x >= oldEnd ? x + delta : x <= ws ? x : Number.NaN);
  const sections = timelineSections(model.allSections);
  if (sections.length !== record.sections.length) return undefined;
  for (let g = 0; g < sections.length; g++) {
    const { range, headingRange } = record.sections[g];
    const s = sections[g];
    if (move(range.start) !== s.start || move(range.end) !== s.end || move(headingRange.end) !== s.headingEnd) {
      return undefined;
    }
  }
  if (window) {
    const touched = record.sections.some((s) => ws < s.range.end && oldEnd > s.range.start);
    if (touched) {
      if (!reread(record, model, link.previous, window, delta, plain)) return undefined;
    } else {
      moveEntries(record.entries, 0, (x) => (x >= oldEnd ? x + delta : x), 0);
    }
    moveSections(record.sections, move);
  }
  records.set(model, record);
  return { entries: record.entries, sections: record.sections };
}

function sameContext(a: ResolveContext, b: ResolveContext): boolean {
  return a.year === b.year && sameZoneRef(a.frontmatterZone, b.frontmatterZone);
}

/** Same headings, levels and kinds (what decides the timeline sections and their subsections). */
function sameOutline(a: readonly Section[], b: readonly Section[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x.heading !== y.heading || x.level !== y.level || x.kinds.join() !== y.kinds.join()) return false;
    if ((x.parent && a.indexOf(x.parent)) !== (y.parent && b.indexOf(y.parent))) return false;
  }
  return true;
}

function moveSections(sections: readonly ExtractedSection[], move: (x: number) => number): void {
  // A section's zone may share its heading's range object: each range is moved once.
  const seen = new Set<Range>();
  const shift = (r: Range | undefined) => {
    if (!r || seen.has(r)) return;
    seen.add(r);
    r.start = move(r.start);
    r.end = move(r.end);
  };
  for (const s of sections) {
    shift(s.range);
    shift(s.headingRange);
    shift(s.zone?.range);
    shift(s.localTime);
  }
}

const at = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
const until = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/**
 * Reads the entries of the window's list items again and moves the later ones; false (and the record unchanged)
 * when the window is not made of items of a list read plainly, or the edit may change how the rest reads.
 */
function reread(
  record: TimelineRecord,
  model: PostmortemModel,
  previous: PostmortemModel,
  window: { start: number; end: number },
  delta: number,
  plain: (raw: string) => string,
): boolean {
  const ws = window.start;
  const oldEnd = window.end - delta;
  // The top-level list the window is in, in both trees (a window of items keeps the top-level nodes in place).
  const kids = model.tree.children as RootContent[];
  const index = kids.findIndex((n) => at(n) <= ws && until(n) >= window.end);
  const list = kids[index];
  const oldList = previous.tree.children[index];
  if (list?.type !== 'list' || oldList?.type !== 'list') return false;
  const read = record.lists.get(oldList);
  if (!read?.plain) return false;

  // The old entries of the window's items: a run of entries (in document order), and of items.
  const { entries, items } = record;
  const k0 = firstStartingAt(entries, ws);
  const k1 = firstStartingAt(entries, oldEnd);
  const added: RawEntry[] = [];
  const listItems = list.children as ListItem[];
  const from = firstItemFrom(listItems, ws);
  let to = from;
  for (; to < listItems.length && until(listItems[to]) <= window.end; to++) {
    added.push(...listItemEntries(listItems[to], model.text, read.section, read.group, read.compact));
  }
  // How many compact times the first reading (not among compact times) of the old and new items has.
  const compactIn = (items: readonly ListItem[], text: string) =>
    items.reduce((n, item) => n + listItemEntries(item, text, '', 0).filter((e) => e.stamp?.compact).length, 0);
  // The old list's items before the window are the new one's; the window's follow them.
  const oldCount = oldList.children.length - listItems.length + (to - from);
  const oldItems = (oldList.children as ListItem[]).slice(from, from + oldCount);
  const compactNow =
    record.compact[read.group] - compactIn(oldItems, previous.text) + compactIn(listItems.slice(from, to), model.text);
  // The section would start or stop being read among compact times.
  if (compactNow > 0 !== read.compact) return false;
  if (k0 === k1) {
    if (added.length > 0) return false;
    moveEntries(entries, 0, (x) => (x >= oldEnd ? x + delta : x), 0);
    record.lists.delete(oldList);
    record.lists.set(list, read);
    return true;
  }
  // The items of entries k0 .. k1 - 1, from the last checkpoint before them.
  const cps = record.checkpoints;
  let c = 0;
  while (c + 1 < cps.items.length && cps.entries[c + 1] <= k0) c++;
  let i0 = -1;
  for (let i = cps.items[c], k = cps.entries[c]; i < items.length; i++) {
    if (items[i].type !== 'entry') continue;
    if (k === k0) {
      i0 = i;
      break;
    }
    k++;
  }
  const i1 = i0 + (k1 - k0);
  const removed = items.slice(i0, i1);
  if (i0 < 0 || removed.some((i) => i.type !== 'entry' || i.entry.group !== read.group)) return false;
  const timed = (e: RawEntry) => !!e.stamp?.clock || !!e.stamp?.date;
  const changed = [...removed.map((i) => (i as { entry: RawEntry }).entry), ...added];
  if (changed.some((e) => e.stamp?.date) && !datesSettled(items, i0, record.resolver, changed)) return false;
  const newItems: TimelineItem[] = added.map((entry) => ({ type: 'entry', entry }));
  const timedNow =
    record.timed[read.group] -
    removed.filter((i) => timed((i as { entry: RawEntry }).entry)).length +
    added.filter(timed).length;
  // A section with no time left would be read as prose (one among compact times has some).
  if (!read.compact && timedNow === 0) return false;

  // Resolve again from the last checkpoint at or before the edit.
  while (c + 1 < cps.items.length && cps.items[c + 1] <= i0) c++;
  const { resolver } = record;
  const state = cloneState(cps.states[c]);
  for (let i = cps.items[c]; i < i0; i++) resolveItem(resolver, state, items[i]);
  const fresh: TimelineEntry[] = [];
  for (const item of newItems) {
    const resolved = resolveItem(resolver, state, item) as Resolved;
    const entry = entryOf(added[fresh.length], k0 + fresh.length, resolved, plain);
    if (entry.stamp) entry.stamp.text = model.text.slice(entry.stamp.start, entry.stamp.end);
    fresh.push(entry);
  }
  // The later items, until the state is again the one kept at a checkpoint.
  const dItems = newItems.length - (i1 - i0);
  const dEntries = fresh.length - (k1 - k0);
  let cp = c + 1;
  while (cp < cps.items.length && cps.items[cp] < i1) cp++;
  const firstKept = cp;
  let k = k1;
  let i = i1;
  for (; i < items.length; i++) {
    if (cp < cps.items.length && cps.items[cp] === i) {
      if (sameState(state, cps.states[cp])) break;
      cps.states[cp] = cloneState(state);
      cp++;
    }
    const resolved = resolveItem(resolver, state, items[i]);
    if (!resolved) continue;
    const old = entries[k];
    if (!sameReading(old, resolved)) entries[k] = withReading(old, resolved);
    k++;
  }
  // Splice: items, checkpoints, entries (the later ones moved).
  items.splice(i0, i1 - i0, ...newItems);
  const dropFrom = c + 1;
  cps.items.splice(dropFrom, firstKept - dropFrom);
  cps.states.splice(dropFrom, firstKept - dropFrom);
  cps.entries.splice(dropFrom, firstKept - dropFrom);
  for (let n = dropFrom; n < cps.items.length; n++) {
    cps.items[n] += dItems;
    cps.entries[n] += dEntries;
  }
  record.timed[read.group] = timedNow;
  record.compact[read.group] = compactNow;
  entries.splice(k0, k1 - k0, ...fresh);
  // Still in document order: the new entries are in the window, the later ones after it.
  moveEntries(entries, k0 + fresh.length, (x) => x + delta, dEntries);
  record.lists.delete(oldList);
  record.lists.set(list, read);
  return true;
}
