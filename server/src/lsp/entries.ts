import type { List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { PostmortemModel, Section, SectionKind } from '../core';

/**
 * The entries of a timeline or an action-item section as the outline shows them: one per top-level list item
 * or table body row, named by its first line.
 *
 * Issue 5 brings the core's own timeline and action-item parsing (timestamps, owners, tickets); when it lands,
 * the outline should take its entries from there. Until then this reads the section's Markdown directly.
 */
export interface SectionEntry {
  name: string;
  start: number;
  end: number;
  /** End of the entry's first line: what the outline selects. */
  selectionEnd: number;
  /** A task list item's state; undefined for plain items and table rows. */
  checked?: boolean;
}

const MAX_NAME = 100;

/** Whether a section, or one of its ancestors, is of the given kind (a "### Day 1" under "## Timeline"). */
export function isWithinKind(section: Section, kind: SectionKind): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.kinds.includes(kind)) return true;
  return false;
}

export function sectionEntries(model: PostmortemModel, section: Section): SectionEntry[] {
  const entries: SectionEntry[] = [];
  for (const node of section.nodes) {
    if (node.type === 'list') entries.push(...listEntries(model, node));
    else if (node.type === 'table') entries.push(...tableEntries(model, node));
  }
  return entries.filter((e) => e.name !== '');
}

function listEntries(model: PostmortemModel, list: List): SectionEntry[] {
  return list.children.map((item: ListItem) => {
    const { start, end } = span(item);
    const first = item.children[0];
    const name = first ? oneLine(mdastToString(first)) : '';
    return {
      name,
      start,
      end,
      selectionEnd: Math.min(end, model.lines.lineEnd(model.lines.position(start).line)),
      checked: item.checked ?? undefined,
    };
  });
}

function tableEntries(model: PostmortemModel, table: Table): SectionEntry[] {
  return table.children.slice(1).map((row: TableRow) => {
    const { start, end } = span(row);
    const cells = row.children.map((c) => oneLine(mdastToString(c))).filter((c) => c !== '');
    return {
      name: oneLine(cells.join(' · ')),
      start,
      end,
      selectionEnd: Math.min(end, model.lines.lineEnd(model.lines.position(start).line)),
    };
  });
}

function span(node: RootContent | ListItem | TableRow): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
}
