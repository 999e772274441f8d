import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { HeadingMatcher } from './headings';
import type { Section } from './model';

/**
 * Bold pseudo-headings and field blocks: several teams mark the parts of a section with a label instead of a
 * heading.
 *
 * - A bold label at the start of a paragraph (`**Root Cause**: …`, `**Impact:** …`, `**What happened?**` on a line
 *   of its own) runs from its paragraph to the next label in the same section that names a part, or to the end of
 *   that section's own content.
 * - A field block, as in the Google SRE book's example postmortem: bold labels on consecutive lines of one
 *   paragraph (`**Summary**: …` / `**Impact**: …` / `**Root Causes**: …`), each line a field that ends at the next.
 * - A field list: a list whose items are mostly `Label: value` fields (`- Impact: …`, `- Root Causes: …`,
 *   `- Trigger: …`), each item a field. Only lists with at least three fields are read so, and only in the lead or
 *   under a heading that names a part (see `fieldListsIn`): never in a timeline or action-item section, where an
 *   item's bold start is the time of an event or the name of an action ("- **Detect**: add an alert" is an action,
 *   not the detection part).
 *
 * A label names a part when the heading matcher says so, strictly (at most one word beyond the part's name; none for
 * a field: "Time to recovery: 54 h" is a figure, not the recovery). The label itself is not content: a section made from one holds its value (the text after the label) and what follows.
 */

/** At most this many words in a label: a longer bold start is emphasis, not a label. */
const MAX_LABEL_WORDS = 8;
/** At most this many words in the label of a field list's item ("- Root Causes: …"). */
const MAX_FIELD_WORDS = 4;
/** A list is a field block when at least this many of its items are fields, and most of them are. */
const MIN_FIELDS = 3;

interface LabelUnit {
  label: string;
  kinds: ReturnType<HeadingMatcher['match']>;
  start: number;
  labelEnd: number;
  /** The text after the label on its line(s), as a paragraph of its own (none when empty). */
  value?: Paragraph;
  /** The container node the label is in. */
  index: number;
  /** A line of a field block, or an item of a field list: it ends where the next field starts. */
  field: boolean;
  /** For a field list's item: its end and what it holds besides its first paragraph. */
  item?: { end: number; rest: RootContent[] };
}

export function findBoldLabelSections(
  containers: { nodes: RootContent[]; level: number; end: number; parent?: Section }[],
  matcher: HeadingMatcher,
): Section[] {
  const found: Section[] = [];
  for (const container of containers) {
    const listsAreFields = fieldListsIn(container.parent);
    const units: LabelUnit[] = [];
    container.nodes.forEach((node, index) => {
      if (node.type === 'paragraph') units.push(...paragraphLabels(node, index, matcher));
      else if (node.type === 'list' && listsAreFields)
        units.push(...fieldItems(node, index, matcher, container.parent));
    });
    units.forEach((u, i) => {
      if (u.kinds.length === 0) return;
      const section = (end: number, nodes: RootContent[]): Section => ({
        heading: u.label,
        level: container.level + 1,
        kinds: u.kinds,
        start: u.start,
        headingEnd: u.labelEnd,
        contentEnd: end,
        end,
        nodes: u.value ? [u.value, ...nodes] : nodes,
        children: [],
        parent: container.parent,
        implicit: true,
      });
      if (u.item) {
        found.push(section(u.item.end, u.item.rest));
        return;
      }
      // The next label that names a part ends this one; in a field block, so does the next field of the paragraph.
      const next = units.slice(i + 1).find((n) => n.kinds.length > 0 || (u.field && n.field && n.index === u.index));
      const end = next ? next.start : container.end;
      const between = next?.index === u.index ? [] : container.nodes.slice(u.index + 1, next ? next.index : undefined);
      found.push(section(end, between));
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a list in this section may be a field list: in the lead (no section), under a heading that names a part
 * or names nothing at all (an empty `##`), but not in a timeline or action items, and not under a heading about
 * something else (a guide's "How it is decided" lists `Impact: …` as explanations, not as parts).
 */
function fieldListsIn(parent: Section | undefined): boolean {
  if (!parent) return true;
  if (parent.kinds.some((k) => k === 'timeline' || k === 'action-items')) return false;
  return parent.kinds.length > 0 || parent.heading.trim() === '';
}

/** The labels of a paragraph: one at its start, and one at the start of each later line that opens with one. */
function paragraphLabels(node: Paragraph, index: number, matcher: HeadingMatcher): LabelUnit[] {
  const starts: number[] = [];
  node.children.forEach((child, i) => {
    if (child.type !== 'strong') return;
    const before = node.children[i - 1];
    if (i === 0 || before?.type === 'break' || (before?.type === 'text' && /\n[ \t]*$/.test(before.value))) {
      starts.push(i);
    }
  });
  const units: LabelUnit[] = [];
  starts.forEach((from, k) => {
    const label = boldLabel(node.children.slice(from, starts[k + 1] ?? node.children.length));
    if (label) units.push({ ...label, kinds: matcher.match(label.label, { strict: true }), index, field: false });
  });
  // Two labels or more on the lines of one paragraph make a field block.
  if (units.length > 1) {
    for (const u of units) {
      u.field = true;
      u.kinds = matcher.match(u.label, { exact: true });
    }
  }
  return units;
}

/** The label of a run of inline nodes that opens with one, and the value after it. */
function boldLabel(children: PhrasingContent[]): Omit<LabelUnit, 'kinds' | 'index' | 'field'> | undefined {
  const [first, second] = children;
  if (first?.type !== 'strong') return undefined;
  const strong = first as Strong;
  const raw = mdastToString(strong).trim();
  const after = second?.type === 'text' ? second.value : '';
  const closed = raw.endsWith(':') || raw.endsWith('?');
  const colon = /^\s*[:–—-]/.exec(after);
  const alone = children.length === 1 || /^\s*$/.test(after.split('\n')[0] ?? '') || after.startsWith('\n');
  if (!closed && !colon && !alone) return undefined;
  const label = trimEnd(raw, ' \t:?').trim();
  if (label === '' || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  let labelEnd = strong.position?.end.offset ?? 0;
  if (colon && second?.position) labelEnd = (second.position.start.offset ?? labelEnd) + colon[0].length;
  const rest = children.slice(1);
  if (colon && second?.type === 'text') rest[0] = trimStart(second, colon[0].length);
  return { label, start: strong.position?.start.offset ?? 0, labelEnd, value: paragraphOf(rest) };
}

/** The items of a field list, when the list is one (see above). */
function fieldItems(list: List, index: number, matcher: HeadingMatcher, parent: Section | undefined): LabelUnit[] {
  const fields = list.children
    .map((item) => listField(item, index, matcher))
    .filter((f): f is LabelUnit => f !== undefined);
  if (fields.length < MIN_FIELDS || fields.length * 2 <= list.children.length) return [];
  // A section's fields are other parts than its own: "Root cause: …" listed under "Why" explains what a root cause
  // is (a guide), it is not one.
  if (parent && fields.some((f) => f.kinds.some((k) => parent.kinds.includes(k)))) return [];
  return fields;
}

/** An item `Label: value` (the label plain or bold, of at most four words), as a field. */
function listField(item: ListItem, index: number, matcher: HeadingMatcher): LabelUnit | undefined {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || typeof item.checked === 'boolean') return undefined;
  const end = item.position?.end.offset ?? 0;
  const lead = first.children[0];
  if (lead?.type === 'strong') {
    const label = boldLabel(first.children);
    if (!label || label.label.split(/\s+/).length > MAX_FIELD_WORDS) return undefined;
    return { ...label, kinds: matcher.match(label.label, { exact: true }), index, field: true, item: { end, rest } };
  }
  if (lead?.type !== 'text') return undefined;
  // A plain label: a few words (letters, an emoji or two) up to a colon, on the item's first line.
  const m = /^([^\n:.!?]{1,40}):(?:\s|$)/u.exec(lead.value);
  if (!m) return undefined;
  const label = m[1].replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, '').trim();
  if (!/\p{L}/u.test(label) || label.split(/\s+/).length > MAX_FIELD_WORDS) return undefined;
  const start = lead.position?.start.offset ?? 0;
  const value = paragraphOf([trimStart(lead, m[0].length), ...first.children.slice(1)]);
  const kinds = matcher.match(label, { exact: true });
  return {
    label,
    kinds,
    start,
    labelEnd: start + m[0].trimEnd().length,
    value,
    index,
    field: true,
    item: { end, rest },
  };
}

/** A text node without its first `n` characters (positions moved with it). */
function trimStart(node: Text, n: number): Text {
  const start = node.position?.start;
  return {
    type: 'text',
    value: node.value.slice(n),
    position:
      start && node.position
        ? { start: { ...start, offset: (start.offset ?? 0) + n, column: start.column + n }, end: node.position.end }
        : undefined,
  };
}

/** Inline nodes as a paragraph of their own; none when they hold nothing but white space. */
function paragraphOf(children: PhrasingContent[]): Paragraph | undefined {
  const kept = children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  if (kept.length === 0) return undefined;
  const start = kept[0].position?.start;
  const end = kept[kept.length - 1].position?.end;
  return { type: 'paragraph', children: kept, position: start && end ? { start, end } : undefined };
}

/** The text without the given characters at its end (a loop: a trailing-class regex is quadratic). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
