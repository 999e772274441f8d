import {
  type ActionItem,
  getActionItems,
  getMilestones,
  getTimeline,
  MILESTONE_TITLES,
  type MilestoneKind,
  type PostmortemModel,
  type Section,
  type TimelineEntry,
} from '../core';
import { plainText } from '../core/timeline';

/**
 * The timeline entries and follow-up actions as the outline shows them, taken from the core's own parsing
 * (getTimeline, getActionItems): the rules, the metrics, the views and the outline read one parse. Each entry is
 * filed under the section whose own content holds it (a "### Day 1" under "## Timeline" gets its events).
 */
export interface SectionEntry {
  kind: 'event' | 'action';
  name: string;
  /** For events: the milestones read from it ("detection · inferred"); for actions: open or done, when stated. */
  detail?: string;
  start: number;
  end: number;
  /** End of the entry's first line: what the outline selects. */
  selectionEnd: number;
  /** Nested actions (sub-tasks of a list item). */
  children: SectionEntry[];
}

const MAX_NAME = 100;

/** Every section's entries, keyed by the section whose own content holds them. */
export function sectionEntries(model: PostmortemModel): Map<Section, SectionEntry[]> {
  const bySection = new Map<Section, SectionEntry[]>();
  const file = (offset: number, entry: SectionEntry) => {
    const section = model.allSections.find((s) => s.start <= offset && offset < s.contentEnd);
    if (!section) return;
    const list = bySection.get(section) ?? [];
    list.push(entry);
    bySection.set(section, list);
  };
  const milestones = milestonesByEntry(model);
  for (const entry of getTimeline(model).entries) {
    const outline = eventEntry(model, entry, milestones.get(entry.index));
    if (outline.name !== '') file(entry.range.start, outline);
  }
  const actions = new Map<number, SectionEntry>();
  for (const action of getActionItems(model)) {
    // A numbered subsection that is an action is already in the outline as a section.
    if (action.shape === 'heading') continue;
    const outline = actionEntry(model, action);
    if (outline.name === '') continue;
    actions.set(action.index, outline);
    const parent = action.parent === undefined ? undefined : actions.get(action.parent);
    if (parent) parent.children.push(outline);
    else file(action.range.start, outline);
  }
  return bySection;
}

function milestonesByEntry(model: PostmortemModel): Map<number, string> {
  const kinds = new Map<number, { kinds: MilestoneKind[]; inferred: boolean }>();
  for (const m of getMilestones(model)) {
    if (m.entryIndex === undefined) continue;
    const found = kinds.get(m.entryIndex) ?? { kinds: [], inferred: false };
    found.kinds.push(m.kind);
    found.inferred ||= m.source === 'inferred';
    kinds.set(m.entryIndex, found);
  }
  return new Map(
    [...kinds].map(([index, found]) => [
      index,
      `${found.kinds.map((k) => MILESTONE_TITLES[k]).join(', ')}${found.inferred ? ' · inferred' : ''}`,
    ]),
  );
}

function eventEntry(model: PostmortemModel, entry: TimelineEntry, milestone: string | undefined): SectionEntry {
  const { start, end } = entry.range;
  let name: string;
  if (entry.shape === 'table') name = rowName(model.text.slice(start, end));
  else if (entry.shape === 'component') name = oneLine([entry.stamp?.text, entry.text].filter(Boolean).join(' · '));
  else name = oneLine(plainText(firstParagraph(model.text.slice(start, end))));
  return {
    kind: 'event',
    name,
    detail: milestone,
    start,
    end,
    selectionEnd: firstLineEnd(model, start, end),
    children: [],
  };
}

function actionEntry(model: PostmortemModel, action: ActionItem): SectionEntry {
  const { start, end } = action.range;
  const name = action.shape === 'table' ? rowName(model.text.slice(start, end)) : oneLine(action.text);
  return {
    kind: 'action',
    name,
    detail: action.statusSource === 'default' ? undefined : action.status,
    start,
    end,
    selectionEnd: firstLineEnd(model, start, end),
    children: [],
  };
}

function firstLineEnd(model: PostmortemModel, start: number, end: number): number {
  return Math.min(end, model.lines.lineEnd(model.lines.position(start).line));
}

/** An entry's text up to a blank line or a nested list: what names it. */
function firstParagraph(source: string): string {
  const stop = /\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/.exec(source);
  return stop ? source.slice(0, stop.index) : source;
}

/** A table row's cells, joined: "10:15 UTC · Workers scaled by hand". */
function rowName(row: string): string {
  const cells = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => plainText(c.replace(/\\\|/g, '|')))
    .filter((c) => c !== '');
  return oneLine(cells.join(' · '));
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
}
