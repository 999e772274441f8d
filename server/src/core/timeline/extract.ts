import type { List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { BlockCache } from '../incremental/blocks';
import { memoizeText } from '../incremental/memo';
import type { Section } from '../model';
import { trimEndWhere, trimStartWhere } from '../text';
import { plainText } from './plain';
import { type DateParts, readDateStatement, readStamp, type Stamp } from './stamp';
import type { ContextSource, EntryShape, MilestoneKind, Range, TimelineSection } from './types';
import { findZoneIn, NOT_A_TIMEZONE, type ZoneRef } from './zones';

/**
 * Finds the entries of a timeline section in every shape teams write them: bullet and numbered lists, tables
 * with a time column, paragraphs whose lines start with a (bold) time, plain code blocks of "HH:MM event" lines,
 * MDX timeline components, `### <date>` subsections that give the date of the entries below them, a heading per
 * entry (`### 5:00 PM`), and, in a timeline with none of these, the sentences that carry a clock time.
 */

export interface RawEntry {
  shape: EntryShape;
  range: Range;
  /** The stamp with offsets into the document. */
  stamp?: Stamp;
  /** Raw Markdown of the event (after the stamp). */
  raw: string;
  /** `plainText(raw)`, when the entry comes from a block's cache (so that it is not looked up again). */
  text?: string;
  markers: { kind: MilestoneKind; range: Range }[];
  section: string;
  group: number;
  /** The timezone named in the table's time column header. */
  columnZone?: { ref: ZoneRef; range: Range };
}

export type TimelineItem =
  | { type: 'entry'; entry: RawEntry }
  | { type: 'date'; date: DateParts; source: ContextSource; range: Range }
  | { type: 'group'; group: number };

export interface ExtractedSection extends TimelineSection {
  zoneRef?: ZoneRef;
  /** The section has list, table or paragraph entries (so a code block in it is evidence, not the timeline). */
  hasEntries?: boolean;
}

interface Ctx {
  text: string;
  group: number;
  section: string;
  items: TimelineItem[];
  info: ExtractedSection;
  /** The section writes compact times ("1506 UTC"): a bare "1512" in it is a time too. */
  compact: boolean;
  /** The section has no entries of any other shape: its sentences with a clock time are the entries. */
  prose: boolean;
  /** The nodes read are those under a time heading ("### 14:30"), which takes the blocks before any entries. */
  timed?: boolean;
  /** Where each list read was read (for incremental/timeline.ts). */
  lists?: Map<List, ListRead>;
}

/**
 * How a list of a timeline section was read: `plain` when each item's entries are its own reading (not in a prose
 * section, not under a time heading), `compact` when among compact times.
 */
export interface ListRead {
  group: number;
  section: string;
  plain: boolean;
  compact: boolean;
}

const at = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
const until = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/** Timeline sections: sections of kind timeline that are not inside another timeline section. */
export function timelineSections(sections: readonly Section[]): Section[] {
  return sections.filter((s) => s.kinds.includes('timeline') && !hasTimelineAncestor(s));
}

function hasTimelineAncestor(section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (p.kinds.includes('timeline')) return true;
  return false;
}

/** Reads every timeline section into one ordered list of entries and context changes. */
export function extractTimeline(
  text: string,
  sections: readonly Section[],
  lists?: Map<List, ListRead>,
  /** Filled with, per section, how many entries of its first reading have a compact time. */
  compactCounts?: number[],
): { items: TimelineItem[]; sections: ExtractedSection[] } {
  const items: TimelineItem[] = [];
  const infos: ExtractedSection[] = [];
  timelineSections(sections).forEach((section, group) => {
    const info: ExtractedSection = {
      heading: section.heading,
      range: { start: section.start, end: section.end },
      headingRange: { start: section.start, end: section.headingEnd },
    };
    const headingZone = findZoneIn(section.heading);
    if (headingZone) {
      info.zoneRef = headingZone.ref;
      info.zone = zoneInfo(headingZone.ref, 'heading', info.headingRange);
    }
    noteLocalTime(info, section.heading, info.headingRange);
    const headingDate = readDateStatement(section.heading, false);
    items.push({ type: 'group', group });
    if (headingDate) items.push({ type: 'date', date: headingDate, source: 'heading', range: info.headingRange });
    info.hasEntries = sectionHasEntries(section);
    const ctx: Ctx = { text, group, section: section.heading, items, info, compact: false, prose: false, lists };
    const mark = items.length;
    walkSection(ctx, section, true);
    const read = items.slice(mark);
    // Read again when the first reading shows how the section writes its times: compact times ("1506 UTC")
    // make a bare "1512" a time too; a section with no timed entry at all is prose ("At 14:05 the alert fired.").
    const compact = read.some((i) => i.type === 'entry' && i.entry.stamp?.compact);
    compactCounts?.push(read.filter((i) => i.type === 'entry' && i.entry.stamp?.compact).length);
    const prose = !read.some((i) => i.type === 'entry' && (i.entry.stamp?.clock || i.entry.stamp?.date));
    if (compact || prose) {
      items.length = mark;
      walkSection({ ...ctx, compact, prose }, section, true);
    }
    infos.push(info);
  });
  return { items, sections: infos };
}

function sectionHasEntries(section: Section): boolean {
  const own = section.nodes.some((n) => n.type === 'list' || n.type === 'table');
  return (
    own || section.children.some((c) => (c.kinds.length === 0 || c.kinds.includes('timeline')) && sectionHasEntries(c))
  );
}

function zoneInfo(ref: ZoneRef, source: ContextSource, range: Range) {
  return { name: ref.name, written: ref.written, source, range };
}

function noteLocalTime(info: ExtractedSection, text: string, range: Range): void {
  const m = NOT_A_TIMEZONE.exec(text);
  if (m && !info.localTime) info.localTime = { ...range, text: m[0] };
}

function walkSection(ctx: Ctx, section: Section, top: boolean): void {
  const timed = top ? undefined : headingStamp(ctx, section);
  if (!top && !timed) {
    const range = { start: section.start, end: section.headingEnd };
    const date = readDateStatement(section.heading, true);
    if (date) ctx.items.push({ type: 'date', date, source: 'subsection', range });
    const zone = findZoneIn(section.heading);
    if (zone && !ctx.info.zoneRef) {
      ctx.info.zoneRef = zone.ref;
      ctx.info.zone = zoneInfo(zone.ref, 'heading', range);
    }
  }
  const previousSection = ctx.section;
  const nodes = timed ? section.nodes.slice(pushHeadingEntry(ctx, section, timed)) : section.nodes;
  ctx.section = section.heading;
  ctx.timed = !!timed;
  for (const node of nodes) readNode(ctx, node);
  ctx.timed = false;
  for (const child of section.children) {
    // A subsection that is another part of the postmortem ("### Impact" under the timeline) is not timeline,
    // unless its heading starts with a time ("### 14:30 Mitigation applied"): then it is an entry.
    if (child.kinds.length > 0 && !child.kinds.includes('timeline') && !headingStamp(ctx, child)) continue;
    walkSection(ctx, child, false);
  }
  ctx.section = previousSection;
}

const HEADING_MARK = /^#{1,6}[ \t]+/;

/** The time at the start of a subsection's heading ("### 5:00 PM", "#### 2024-05-01 09:12 UTC"), if any. */
function headingStamp(ctx: Ctx, section: Section): { offset: number; stamp: Stamp } | undefined {
  const line = ctx.text.slice(section.start, section.headingEnd);
  const mark = HEADING_MARK.exec(line);
  if (!mark) return undefined;
  const stamp = readStamp(line.slice(mark[0].length), ctx);
  if (!stamp?.clock || stamp.problem) return undefined;
  return { offset: section.start + mark[0].length, stamp };
}

/**
 * A heading per entry: the heading's time, its rest and the content under it up to the first block that holds
 * entries of its own (a list of timed items, a table, lines starting with a time). Returns how many of the
 * section's blocks the entry takes.
 */
function pushHeadingEntry(ctx: Ctx, section: Section, timed: { offset: number; stamp: Stamp }): number {
  const { text } = ctx;
  let taken = 0;
  while (taken < section.nodes.length && !holdsEntries(ctx, section.nodes[taken])) taken++;
  const end = taken > 0 ? until(section.nodes[taken - 1]) : section.headingEnd;
  const stamp = shift(timed.stamp, timed.offset);
  const rest = text.slice(stamp.textStart, section.headingEnd);
  const content = taken > 0 ? text.slice(at(section.nodes[0]), end) : '';
  const entry: RawEntry = {
    shape: 'heading',
    range: { start: section.start, end },
    stamp,
    raw: [rest, content].filter((t) => t.trim() !== '').join('\n\n'),
    markers: findMarkers(text, section.start, end),
    section: ctx.section,
    group: ctx.group,
  };
  ctx.items.push({ type: 'entry', entry });
  return taken;
}

/** A block under a time heading that holds entries of its own rather than being part of the heading's entry. */
function holdsEntries(ctx: Ctx, node: RootContent): boolean {
  const { text } = ctx;
  if (node.type === 'table') return true;
  if (node.type === 'list') return node.children.some((i) => hasStamp(ctx, i));
  if (node.type === 'paragraph')
    return text
      .slice(at(node), until(node))
      .split('\n')
      .some((line) => readStamp(line, ctx)?.clock);
  return false;
}

function readNode(ctx: Ctx, node: RootContent): void {
  switch (node.type) {
    case 'list':
      readList(ctx, node);
      return;
    case 'table':
      readTable(ctx, node);
      return;
    case 'paragraph':
      if (/^<[A-Z]/.test(ctx.text.slice(at(node), at(node) + 2))) readComponent(ctx, at(node), until(node));
      else readParagraph(ctx, at(node), until(node));
      return;
    case 'code':
      // A plain code block is the timeline only when the section has no other entries; otherwise it is a log.
      if (!ctx.info.hasEntries) readCode(ctx, node.lang ?? undefined, at(node), until(node));
      return;
    case 'html':
      readComponent(ctx, at(node), until(node));
      return;
    default:
  }
}

function readList(ctx: Ctx, list: List): void {
  ctx.lists?.set(list, {
    group: ctx.group,
    section: ctx.section,
    plain: !ctx.prose && !ctx.timed,
    compact: ctx.compact,
  });
  for (const item of list.children) readListItem(ctx, item);
}

/**
 * The entries of a list item depend on its text only: they are kept with the item's node from version to version
 * (issue 11), without the section and group, which the walk gives them.
 */
const itemEntries = new BlockCache<readonly RawEntry[]>(
  (node, text) => {
    const items: TimelineItem[] = [];
    const info: ExtractedSection = { heading: '', range: { start: 0, end: 0 }, headingRange: { start: 0, end: 0 } };
    readListItemOf({ text, group: 0, section: '', items, info, compact: false, prose: false }, node as ListItem);
    return items.map((i) => {
      const { entry } = i as { entry: RawEntry };
      entry.text = plainText(entry.raw);
      return entry;
    });
  },
  (entries, by) => entries.map((e) => moveEntry(e, by)),
);

function moveEntry(e: RawEntry, by: number): RawEntry {
  const moved: RawEntry = {
    ...e,
    range: { start: e.range.start + by, end: e.range.end + by },
    markers: e.markers.map((m) => ({ kind: m.kind, range: { start: m.range.start + by, end: m.range.end + by } })),
  };
  if (e.stamp) moved.stamp = shift(e.stamp, by);
  return moved;
}

function readListItem(ctx: Ctx, item: ListItem): void {
  // The cache holds the ordinary reading; a section of compact times ("1506 UTC") or prose is read afresh.
  if (ctx.compact || ctx.prose) {
    readListItemOf(ctx, item);
    return;
  }
  for (const entry of listItemEntries(item, ctx.text, ctx.section, ctx.group)) ctx.items.push({ type: 'entry', entry });
}

/** The entries of an item of a list read `plain` (see ListRead), in a (sub)section and a group. */
export function listItemEntries(
  item: ListItem,
  text: string,
  section: string,
  group: number,
  compact = false,
): RawEntry[] {
  if (compact) {
    const items: TimelineItem[] = [];
    const info: ExtractedSection = { heading: '', range: { start: 0, end: 0 }, headingRange: { start: 0, end: 0 } };
    readListItemOf({ text, group, section, items, info, compact, prose: false }, item);
    return items.map((i) => (i as { entry: RawEntry }).entry);
  }
  return itemEntries.get(item, text).map((entry) => ({ ...entry, range: { ...entry.range }, section, group }));
}

function readListItemOf(ctx: Ctx, item: ListItem): void {
  const content = item.children.filter((c) => c.type !== 'list');
  const nested = item.children.filter((c): c is List => c.type === 'list');
  const start = content.length > 0 ? at(content[0]) : at(item);
  const end = content.length > 0 ? until(content[content.length - 1]) : until(item);
  // A nested list whose items carry their own times holds entries of its own; otherwise it is part of this one.
  const nestedEntries = nested.filter((l) => l.children.some((i) => hasStamp(ctx, i)));
  const fullEnd = nestedEntries.length > 0 ? end : until(item);
  if (content.length > 0) pushEntry(ctx, 'list', start, Math.max(end, fullEnd), start);
  for (const l of nestedEntries) for (const i of l.children) readListItemOf(ctx, i);
}

function hasStamp(ctx: Ctx, item: ListItem): boolean {
  const first = item.children[0];
  if (!first) return false;
  const stamp = readStamp(ctx.text.slice(at(first), until(first)), ctx);
  return !!stamp && (!!stamp.clock || !!stamp.date || !!stamp.problem);
}

/** Creates an entry for text[start, end), reading a stamp at `stampAt`. */
function pushEntry(
  ctx: Ctx,
  shape: EntryShape,
  start: number,
  end: number,
  stampAt: number,
  extra?: Partial<RawEntry>,
): RawEntry {
  const { text } = ctx;
  const source = text.slice(stampAt, end);
  const stamp = readStamp(source, ctx);
  let raw = source;
  let abs: Stamp | undefined;
  if (stamp && (stamp.clock || stamp.date || stamp.problem)) {
    abs = shift(stamp, stampAt);
    raw = source.slice(stamp.textStart);
  }
  const entry: RawEntry = {
    shape,
    range: { start, end },
    stamp: abs,
    raw,
    text: undefined,
    markers: findMarkers(text, start, end),
    section: ctx.section,
    group: ctx.group,
    ...extra,
  };
  ctx.items.push({ type: 'entry', entry });
  return entry;
}

function shift(stamp: Stamp, by: number): Stamp {
  return { ...stamp, start: stamp.start + by, end: stamp.end + by, textStart: stamp.textStart + by };
}

const TIME_HEADER = /\b(?:time|date|when|timestamp|utc|at)\b/i;
/** A header that names a time of day, not only a date. */
const CLOCK_HEADER = /\b(?:time|when|timestamp|utc|gmt|at)\b/i;
const BARE_CELL = /^[*_`]*(?:[01]\d|2[0-3])[0-5]\d[*_`]*$/;

function readTable(ctx: Ctx, table: Table): void {
  const { text } = ctx;
  const [header, ...rows] = table.children;
  if (!header) return;
  const headerCells = header.children.map((c) => text.slice(at(c), until(c)).replace(/^\|/, ''));
  let timeColumn = headerCells.findIndex((h) => TIME_HEADER.test(h.replace(/[*_`]/g, '')));
  if (timeColumn === -1) {
    // No header names a time: take the first column whose cells mostly start with a stamp.
    timeColumn = headerCells.findIndex((_, c) => {
      const stamped = rows.filter((r) => r.children[c] && readStamp(cellText(text, r, c), ctx)?.clock).length;
      return rows.length > 0 && stamped * 2 >= rows.length;
    });
  }
  if (timeColumn === -1) return;
  const headerCell = header.children[timeColumn];
  const zone = findZoneIn(headerCells[timeColumn]);
  const columnZone = zone
    ? { ref: zone.ref, range: { start: at(headerCell) + zone.index, end: at(headerCell) + zone.index + zone.length } }
    : undefined;
  if (columnZone && !ctx.info.zoneRef) {
    ctx.info.zoneRef = columnZone.ref;
    ctx.info.zone = zoneInfo(columnZone.ref, 'column', columnZone.range);
  }
  noteLocalTime(ctx.info, headerCells[timeColumn], { start: at(headerCell), end: until(headerCell) });
  // A time column of bare "1506" cells: compact 24-hour times, when most cells are one.
  const bare = rows.filter(
    (r) => r.children[timeColumn] && BARE_CELL.test(cellText(text, r, timeColumn).replace(/\|/g, '').trim()),
  ).length;
  const compactColumn = CLOCK_HEADER.test(headerCells[timeColumn]) && rows.length > 0 && bare * 2 >= rows.length;
  for (const row of rows) {
    const cell = row.children[timeColumn];
    if (!cell) continue;
    const cellEnd = until(cell);
    const lead = /^\|?\s*/.exec(text.slice(at(cell), cellEnd))?.[0].length ?? 0;
    const cellStart = at(cell) + lead;
    const cellRaw = text.slice(cellStart, cellEnd).replace(/\|\s*$/, '');
    const events = row.children
      .filter((_, c) => c !== timeColumn)
      .map((c) => text.slice(at(c), until(c)).replace(/^\|/, ''))
      .join(' | ');
    const stamp = readStamp(cellRaw, { compact: ctx.compact || compactColumn });
    const entry: RawEntry = {
      shape: 'table',
      range: { start: at(row), end: until(row) },
      stamp: stamp
        ? shift(stamp, cellStart)
        : cellRaw.replace(/[|\s*_`]/g, '')
          ? unreadable(cellRaw, cellStart)
          : undefined,
      raw: events,
      markers: findMarkers(text, at(row), until(row)),
      section: ctx.section,
      group: ctx.group,
      columnZone,
    };
    ctx.items.push({ type: 'entry', entry });
  }
}

function cellText(text: string, row: TableRow, column: number): string {
  const cell = row.children[column];
  return text.slice(at(cell), until(cell));
}

/** A time cell with something in it that is not a time at all. */
function unreadable(raw: string, offset: number): Stamp {
  const edge = (c: string) => c === '|' || /\s/.test(c);
  const lead = raw.length - trimStartWhere(raw, edge).length;
  const trimmed = trimEndWhere(trimStartWhere(raw, edge), edge);
  return {
    start: offset + lead,
    end: offset + lead + trimmed.length,
    textStart: offset + raw.length,
    problem: `"${trimmed.replace(/[*_`]/g, '')}" is not a time`,
  };
}

/** Lines of a paragraph: date lines and zone statements set context; lines starting with a time are entries. */
function readParagraph(ctx: Ctx, start: number, end: number): void {
  const { text } = ctx;
  const raw = text.slice(start, end);
  const wholeDate = readDateStatement(raw, true);
  if (wholeDate && isOnlyDate(raw)) {
    ctx.items.push({ type: 'date', date: wholeDate, source: 'date-line', range: { start, end } });
    return;
  }
  let lineStart = start;
  let entryOpen: RawEntry | undefined;
  const lines = raw.split(/(?<=\n)/);
  const statements: string[] = [];
  for (const line of lines) {
    const lineEnd = lineStart + line.replace(/\r?\n$/, '').length;
    const stamp = readStamp(line, ctx);
    if (stamp && (stamp.clock || stamp.problem) && !/^\s*\d+\s*(?:min|h|hour|second|day)/i.test(line)) {
      entryOpen = pushEntry(ctx, 'paragraph', lineStart, lineEnd, lineStart);
    } else if (entryOpen) {
      // A continuation line of the entry above.
      entryOpen.range.end = lineEnd;
      entryOpen.raw += ` ${line.trim()}`;
    } else {
      statements.push(line);
    }
    lineStart += line.length;
  }
  if (!entryOpen && ctx.prose) readSentences(ctx, start, end);
  if (statements.length > 0) {
    const sentence = statements.join(' ');
    const zone = findZoneIn(sentence);
    if (zone && !ctx.info.zoneRef && /\b(?:times?|timestamps?|zone|all|events?|documented|clock)\b/i.test(sentence)) {
      ctx.info.zoneRef = zone.ref;
      const offset = raw.indexOf(sentence.slice(zone.index, zone.index + zone.length));
      const zStart = offset >= 0 ? start + offset : start;
      ctx.info.zone = zoneInfo(zone.ref, 'statement', { start: zStart, end: zStart + zone.length });
    }
    if (/\btimes?\b|\btimestamps?\b|\bzone\b/i.test(sentence)) noteLocalTime(ctx.info, sentence, { start, end });
    const date = readDateStatement(sentence, false);
    if (date) ctx.items.push({ type: 'date', date, source: 'statement', range: { start, end } });
  }
}

/** Sentence ends: a stop, then spaces and a capital letter (so "approx. 14:05" and "v2.14.1" stay whole). */
const SENTENCE_END = /[.!?](?=\s+["'(*_]*[A-Z])\s+/g;
/** Where a time may start inside a sentence: a number or a month name that does not continue a word or version. */
const TIME_START = /(?<![\w.:/+-])(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\.?\s+\d)/gi;
/** What makes a clock a duration: a unit after it ("2:30 hours") or "for"/"lasted"/"took" before it. */
const UNIT_AFTER = /^\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/i;
const DURATION_BEFORE = /\b(?:for|lasted|took|within|over|of)\s+(?:about\s+|around\s+|~)?$/i;
/** Words before a time that only introduce it: "At 14:05 …", "By 14:20 …". */
const LEAD_IN = /^[*_\s]*(?:(?:at|by|around|about|from|until|on|~|≈)[*_\s]*)?$/i;
const MAX_TRIES = 8;

/**
 * A timeline written as prose ("At 14:05 the alert fired. By 14:20 we had rolled back."): each sentence with a
 * clock time is an entry, and the sentences after it without one belong to it. Durations ("for 14 minutes",
 * "2:30 hours") and versions are no times. Only for sections that have no entries of any other shape.
 */
function readSentences(ctx: Ctx, start: number, end: number): void {
  const { text } = ctx;
  const raw = text.slice(start, end);
  let open: RawEntry | undefined;
  let from = 0;
  const bounds: [number, number][] = [];
  for (const m of raw.matchAll(SENTENCE_END)) {
    bounds.push([from, (m.index ?? 0) + 1]);
    from = (m.index ?? 0) + m[0].length;
  }
  if (from < raw.length) bounds.push([from, raw.length]);
  for (const [s, e] of bounds) {
    const sentence = raw.slice(s, e);
    const found = clockIn(sentence);
    if (!found) {
      if (open) {
        open.range.end = start + e;
        open.raw += ` ${sentence.trim()}`;
      }
      continue;
    }
    const stamp = shift(found.stamp, start + s + found.at);
    const lead = sentence.slice(0, found.at);
    const entry: RawEntry = {
      shape: 'paragraph',
      range: { start: start + s, end: start + e },
      stamp,
      raw: LEAD_IN.test(lead) ? sentence.slice(found.stamp.textStart + found.at) : sentence,
      markers: findMarkers(text, start + s, start + e),
      section: ctx.section,
      group: ctx.group,
    };
    ctx.items.push({ type: 'entry', entry });
    open = entry;
  }
}

/** The first clock time in a sentence that is not a duration, with where it starts. */
function clockIn(sentence: string): { at: number; stamp: Stamp } | undefined {
  let tries = 0;
  for (const m of sentence.matchAll(TIME_START)) {
    if (++tries > MAX_TRIES) return undefined;
    const at = m.index ?? 0;
    const stamp = readStamp(sentence.slice(at));
    if (!stamp?.clock || stamp.problem || stamp.start !== 0) continue;
    if (UNIT_AFTER.test(sentence.slice(at + stamp.end, at + stamp.end + 12))) continue;
    if (DURATION_BEFORE.test(sentence.slice(Math.max(0, at - 24), at))) continue;
    return { at, stamp };
  }
  return undefined;
}

function isOnlyDate(raw: string): boolean {
  const plain = raw
    .replace(/[*_`]/g, '')
    .replace(/^\s*date\s*:\s*/i, '')
    .trim();
  // A date with at most a weekday after it.
  return /^[\w ,./-]{4,40}$/.test(plain) && !/\d{1,2}:\d{2}/.test(plain) && plain.split(/\s+/).length <= 5;
}

/** A plain code block where every line starts with a time is a timeline; logs with a language tag are not. */
function readCode(ctx: Ctx, lang: string | undefined, start: number, end: number): void {
  if (lang && !/^(?:text|txt|plain|plaintext)$/i.test(lang)) return;
  const { text } = ctx;
  const raw = text.slice(start, end);
  const open = raw.indexOf('\n');
  if (open === -1) return;
  const bodyStart = start + open + 1;
  const closing = raw.lastIndexOf('\n');
  const body = text.slice(bodyStart, start + closing);
  const lines = body.split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (nonBlank.length === 0 || !nonBlank.every((l) => readStamp(l, ctx)?.clock)) return;
  let lineStart = bodyStart;
  for (const line of lines) {
    const lineEnd = lineStart + line.replace(/\r$/, '').length;
    if (line.trim() !== '') pushEntry(ctx, 'code', lineStart, lineEnd, lineStart);
    lineStart += line.length + 1;
  }
}

/** MDX timeline components: `<TimelineTable entries={[{ time: "18:30, Nov 27, 2025", event: "…" }]} />`. */
function readComponent(ctx: Ctx, start: number, end: number): void {
  const { text } = ctx;
  const raw = text.slice(start, end);
  if (!/^<[A-Z]/.test(raw)) return;
  const re =
    /\btime\s*:\s*(["'`])((?:(?!\1)[^\\]|\\.)*)\1\s*,\s*(?:\w+\s*:\s*)?(?:\n\s*)?(["'`])((?:(?!\3)[^\\]|\\.)*)\3/g;
  for (const m of raw.matchAll(re)) {
    const timeStart = start + (m.index ?? 0) + m[0].indexOf(m[2]);
    const entryEnd = start + (m.index ?? 0) + m[0].length;
    const stamp = readStamp(m[2], ctx);
    const entry: RawEntry = {
      shape: 'component',
      range: { start: start + (m.index ?? 0), end: entryEnd },
      stamp: stamp ? shift(stamp, timeStart) : unreadable(m[2], timeStart),
      raw: m[4],
      markers: findMarkers(text, start + (m.index ?? 0), entryEnd),
      section: ctx.section,
      group: ctx.group,
    };
    ctx.items.push({ type: 'entry', entry });
  }
}

// The words are runs of [\w,-] with single runs of spaces between them, so that no two parts of the pattern can
// take the same spaces: an unclosed marker followed by thousands of spaces is linear, not cubic.
const MARKER =
  /<!--\s*milestones?\s*:(?:\s*([\w,-]+(?:\s+[\w,-]+)*))?\s*-->|\[milestones?\s*:(?:\s*([\w,-]+(?:\s+[\w,-]+)*))?\s*\]/gi;

const MARKER_WORDS: Record<string, MilestoneKind> = {
  started: 'started',
  start: 'started',
  impact: 'started',
  'impact-started': 'started',
  'impact started': 'started',
  began: 'started',
  detected: 'detected',
  detection: 'detected',
  detect: 'detected',
  mitigated: 'mitigated',
  mitigation: 'mitigated',
  mitigate: 'mitigated',
  'impact-ended': 'mitigated',
  'impact ended': 'mitigated',
  resolved: 'resolved',
  resolution: 'resolved',
  resolve: 'resolved',
};

/** Explicit milestone markers in an entry: `<!-- milestone: detected -->` or `[milestone: mitigated]`. */
export function findMarkers(text: string, start: number, end: number): { kind: MilestoneKind; range: Range }[] {
  const found = markersIn(text.slice(start, end));
  return found.length === 0
    ? []
    : found.map(({ kind, range }) => ({ kind, range: { start: start + range.start, end: start + range.end } }));
}

/** The markers of one entry's text, with offsets into it; cached per text (shared: not to be changed). */
const markersIn = memoizeText((raw: string): readonly { kind: MilestoneKind; range: Range }[] => {
  const out: { kind: MilestoneKind; range: Range }[] = [];
  for (const m of raw.matchAll(MARKER)) {
    const words = (m[1] ?? m[2] ?? '').split(',');
    for (const word of words) {
      const kind = MARKER_WORDS[word.trim().toLowerCase()];
      const range = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      if (kind && !out.some((o) => o.kind === kind)) out.push({ kind, range });
    }
  }
  return out;
});

export { MARKER_WORDS };
