import type { List, ListItem, RootContent, Table } from 'mdast';
import { BlockCache } from '../incremental/blocks';
import type { PostmortemModel, Section } from '../model';
import { isTemplateText, withoutFieldNote } from '../template-text';
import { plainText } from '../timeline';
import type { Range } from '../timeline/types';
import {
  type ActionType,
  type Found,
  findOwner,
  findTracking,
  inferType,
  isOwnerLike,
  typeFromTag,
  typeFromWord,
} from './fields';
import { findVagueness, type Vagueness } from './vague';

export type { ActionType } from './fields';
export type { Vagueness } from './vague';

/** One follow-up action of a postmortem. Offsets are UTF-16 offsets into the analysed text. */
export interface ActionItem {
  /** Position among the document's actions, from 0. */
  index: number;
  shape: 'list' | 'task' | 'table' | 'heading';
  /** The whole item (list item, table row, or the subsection of a heading action). */
  range: Range;
  /** Its first line (or title): where findings point. */
  headRange: Range;
  /** The action in plain text, markup removed. */
  text: string;
  owner?: { text: string; range: Range; source: 'column' | 'text' | 'inherited' };
  tracking: { text: string; range: Range }[];
  /** Whether tracking came from the item itself or its parent item. */
  trackingInherited?: boolean;
  type: ActionType;
  typeSource: 'tag' | 'column' | 'inferred';
  status: 'open' | 'done';
  /** checkbox: a task list box; column: a Status column; text: "(done)", "✅", struck through, "Already …". */
  statusSource: 'checkbox' | 'column' | 'text' | 'default';
  priority?: string;
  due?: string;
  /** The heading of the section it sits in. */
  section: string;
  /** Index of the parent action for a nested list item. */
  parent?: number;
  /** How many nested actions it has (a parent with sub-tasks is a plan, not a vague action). */
  children: number;
  /** Set when the action names no concrete change. */
  vague?: Vagueness;
}

const cache = new WeakMap<PostmortemModel, ActionItem[]>();
const at = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
const until = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/**
 * Every follow-up action of a postmortem: the items of lists and task lists, the rows of tables, and numbered
 * subsection headings ("### 1) Add disk alerts `@dma`") in the sections of kind action-items. Each comes with
 * its owner, tracking references, type, open/done state, vagueness and source ranges. Computed once per model.
 */
export function getActionItems(model: PostmortemModel): ActionItem[] {
  let items = cache.get(model);
  if (!items) {
    items = collectActionItems(model);
    cache.set(model, items);
  }
  return items;
}

function collectActionItems(model: PostmortemModel): ActionItem[] {
  const out: ActionItem[] = [];
  for (const section of model.allSections) {
    if (!section.kinds.includes('action-items') || hasActionAncestor(section)) continue;
    walk(model.text, section, out);
  }
  return out;
}

function hasActionAncestor(section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (p.kinds.includes('action-items')) return true;
  return false;
}

const NUMBERED_HEADING = /^\s*(?:\d+[.)]|#\d+|[A-Z]{1,5}-\d+[:.)]?|(?:AI|action)\s*\d+[:.)]?)\s+\S/i;

function walk(text: string, section: Section, out: ActionItem[]): void {
  for (const node of section.nodes) readNode(text, node, section.heading, out);
  for (const child of section.children) {
    if (child.kinds.length > 0 && !child.kinds.includes('action-items')) continue;
    if (
      NUMBERED_HEADING.test(child.heading) ||
      /`@[\w-]+`|\[(?:detect|repair|prevent|mitigate|process)\]/i.test(child.heading)
    ) {
      out.push(headingAction(text, child, out.length, section.heading));
    } else {
      walk(text, child, out);
    }
  }
}

function readNode(text: string, node: RootContent, section: string, out: ActionItem[]): void {
  if (node.type === 'list') readList(text, node, section, out, undefined);
  else if (node.type === 'table') readTable(text, node, section, out);
}

function readList(text: string, list: List, section: string, out: ActionItem[], parent: ActionItem | undefined): void {
  for (const item of list.children) {
    const action = listAction(text, item, out.length, section, parent);
    if (!action) continue;
    out.push(action);
    if (parent) parent.children++;
    for (const nested of item.children) if (nested.type === 'list') readList(text, nested, section, out, action);
  }
}

function listAction(
  text: string,
  item: ListItem,
  index: number,
  section: string,
  parent: ActionItem | undefined,
): ActionItem | undefined {
  const content = item.children.filter((c) => c.type !== 'list');
  if (content.length === 0) return undefined;
  const start = at(content[0]);
  const end = until(content[content.length - 1]);
  const raw = text.slice(start, end);
  const plain = plainText(raw);
  if (plain === '' || isTemplateAction(plain)) return undefined;
  const firstLineEnd = text.indexOf('\n', start);
  const headEnd = firstLineEnd === -1 || firstLineEnd > end ? end : firstLineEnd;
  const action = baseAction(text, raw, plain, start, index, section, { start: at(item), end: until(item) });
  action.shape = typeof item.checked === 'boolean' ? 'task' : 'list';
  action.headRange = { start, end: headEnd };
  if (typeof item.checked === 'boolean') {
    action.status = item.checked ? 'done' : 'open';
    action.statusSource = 'checkbox';
  }
  if (parent) {
    action.parent = parent.index;
    if (!action.owner && parent.owner) action.owner = { ...parent.owner, source: 'inherited' };
    if (action.tracking.length === 0 && parent.tracking.length > 0) {
      action.tracking = parent.tracking;
      action.trackingInherited = true;
    }
  }
  return action;
}

function headingAction(text: string, section: Section, index: number, parentHeading: string): ActionItem {
  const headingRaw = text.slice(section.start, section.headingEnd).replace(/^#+\s*/, '');
  const headingOffset = section.headingEnd - headingRaw.length;
  const body = text.slice(section.headingEnd, section.contentEnd);
  const firstParagraph = body.trim().split(/\n\s*\n/)[0] ?? '';
  const raw = `${headingRaw}\n${firstParagraph}`;
  const plain = plainText(raw.replace(/^\s*(?:\d+[.)]|#\d+)\s*/, ''));
  const action = baseAction(text, raw, plain, headingOffset, index, parentHeading, {
    start: section.start,
    end: section.end,
  });
  action.shape = 'heading';
  action.headRange = { start: section.start, end: section.headingEnd };
  if (action.status === 'open' && reportsDoneChange(headingRaw, firstParagraph)) {
    action.status = 'done';
    action.statusSource = 'text';
  }
  // The body may name the owner or the ticket too.
  if (!action.owner) {
    const bodyOwner = findOwner(body, plainText(body));
    if (bodyOwner) {
      const offset = section.headingEnd + bodyOwner.index;
      action.owner = {
        text: bodyOwner.text,
        range: { start: offset, end: offset + bodyOwner.text.length },
        source: 'text',
      };
    }
  }
  if (action.tracking.length === 0) {
    action.tracking = findTracking(body).map((t) => rangeOf(t, section.headingEnd));
  }
  return action;
}

function baseAction(
  text: string,
  raw: string,
  plain: string,
  offset: number,
  index: number,
  section: string,
  range: Range,
): ActionItem {
  const owner = findOwner(raw, plain);
  const tagType = typeFromTag(raw);
  const done = doneFromText(raw, plain);
  const action: ActionItem = {
    index,
    shape: 'list',
    range,
    headRange: range,
    text: plain,
    tracking: findTracking(raw).map((t) => rangeOf(t, offset)),
    type: tagType ?? inferType(plain),
    typeSource: tagType ? 'tag' : 'inferred',
    status: done ? 'done' : 'open',
    statusSource: done ? 'text' : 'default',
    section,
    children: 0,
  };
  if (owner) {
    const ownerStart = offset + owner.index;
    const ownerText = text.slice(ownerStart, ownerStart + owner.text.length) === owner.text ? owner.text : owner.text;
    action.owner = {
      text: ownerText,
      range: { start: ownerStart, end: ownerStart + owner.text.length },
      source: 'text',
    };
  }
  const vague = findVagueness(titleOf(withoutReferences(plain)));
  if (vague) action.vague = vague;
  return action;
}

/** The template's example task ("Describe the follow-up action (type: prevent, owner: @owner, …)"). */
function isTemplateAction(plain: string): boolean {
  return isTemplateText(plain) || isTemplateText(withoutFieldNote(plain));
}

/** The action's words without owners, tickets and links, which say nothing about what will change. */
export function withoutReferences(plain: string): string {
  return plain
    .replace(/^\s*\[?(?:#\d+|[A-Z][A-Z0-9]+-\d+)\]?\s*[:–—-]?\s*/, '')
    .replace(/\((?:owners?|assignee|dri)\s*:[^)]*\)|\([^)]*\b[A-Z][A-Z0-9]+-\d+\b[^)]*\)|\(\s*#\d+\s*\)/gi, ' ')
    .replace(/\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w])#\d+\b|https?:\/\/\S+|(?<![\w.])@[\w/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "**Title**: description" → the title; otherwise the first sentence. */
function titleOf(plain: string): string {
  return plain.split(/(?<=[a-z0-9)`])[:.](?:\s|$)/i)[0] ?? plain;
}

function rangeOf(found: Found, offset: number): { text: string; range: Range } {
  return { text: found.text, range: { start: offset + found.index, end: offset + found.index + found.text.length } };
}

const DONE_TEXT =
  /\((?:done|completed?|fixed|shipped|resolved)\)|\[(?:done|x)\]|✅|✔️?|☑️?|^\s*(?:done|completed?)\s*[:-]|^\s*already\b/i;

function doneFromText(raw: string, plain: string): boolean {
  if (/^\s*~~[\s\S]+~~\s*$/.test(raw)) return true;
  return DONE_TEXT.test(plain) || DONE_TEXT.test(raw) || reportsDoneChange(plain);
}

/** A verb in the past tense: "Reduced", "Added", "Built" (not "need", "speed", "feed", "embed"). */
const PAST = '(?:[a-z]{2,}(?<![e])ed|built|made|wrote|written|rolled out|shipped)';
const STARTS_PAST = new RegExp(String.raw`^(?:we\s+)?${PAST}\b(?!\s+(?:to|by|that)\b)`, 'i');
const ENDS_PAST = new RegExp(String.raw`^[\w'’ -]{3,60}\s${PAST}$`, 'i');

/**
 * An action the document reports as already made: its title ends in a participle ("Postmortem documented",
 * "Cron cleanup scheduled") or its text opens with a verb in the past tense ("Reduced the number of streaming
 * processes from 16 to 12."). Real postmortems list these beside the open ones; they need no ticket.
 */
function reportsDoneChange(title: string, body = ''): boolean {
  const clean = (l: string) =>
    withoutReferences(plainText(l).replace(/^\s*(?:\d+[.)]|#\d+)\s*/, ''))
      .replace(/\[(?:detect|repair|prevent|mitigate|process)\]/gi, '')
      .trim();
  const head = titleOf(clean(title)).trim();
  return ENDS_PAST.test(head) || STARTS_PAST.test(head) || STARTS_PAST.test(clean(body));
}

const COLUMNS: Record<'text' | 'owner' | 'tracking' | 'status' | 'type' | 'priority' | 'due', RegExp> = {
  owner: /\b(?:owners?|assignees?|who|responsible|dri|teams?|assigned(?:\s+to)?)\b/i,
  tracking: /\b(?:tickets?|issues?|tracking|links?|jira|bugs?|refs?|references?|prs?|tasks?\s+ids?)\b/i,
  status: /\b(?:status|state|done|progress)\b/i,
  type: /\b(?:types?|category|categories|kind)\b/i,
  priority: /\b(?:priority|prio|severity)\b/i,
  due: /\b(?:due|deadline|eta|expected(?:\s+date)?|target(?:\s+date)?|by\s+when|when)\b/i,
  text: /\b(?:action(?:\s+items?)?|items?|tasks?|what|descriptions?|follow-?ups?|remediations?|changes?|todo)\b/i,
};

/**
 * A table's actions depend on its text only: kept with its node from version to version (issue 11), read with
 * index 0 and no section, and given their place, index and section when read (a table of hundreds of actions).
 */
const tableActions = new BlockCache<readonly ActionItem[]>((node, text) => {
  const out: ActionItem[] = [];
  readTableOf(text, node as unknown as Table, '', out);
  return out;
});

function readTable(text: string, table: Table, section: string, out: ActionItem[]): void {
  const kept = tableActions.get(table as unknown as Parameters<typeof tableActions.get>[0], text);
  const by = tableActions.by;
  const base = out.length;
  const move = (r: Range) => ({ start: r.start + by, end: r.end + by });
  for (const a of kept) {
    const action: ActionItem = {
      ...a,
      index: a.index + base,
      range: move(a.range),
      headRange: move(a.headRange),
      tracking: a.tracking.map((t) => ({ text: t.text, range: move(t.range) })),
      section,
    };
    if (a.owner) action.owner = { ...a.owner, range: move(a.owner.range) };
    out.push(action);
  }
}

function readTableOf(text: string, table: Table, section: string, out: ActionItem[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const cellText = (c: { position?: { start: { offset?: number }; end: { offset?: number } } }) =>
    text
      .slice(at(c), until(c))
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '');
  const names = header.children.map((c) => plainText(cellText(c)));
  const column: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const key of ['owner', 'tracking', 'status', 'type', 'priority', 'due', 'text'] as const) {
    const i = names.findIndex((n, idx) => COLUMNS[key].test(n) && !Object.values(column).includes(idx));
    if (i !== -1) column[key] = i;
  }
  if (column.text === undefined) column.text = names.findIndex((_, i) => !Object.values(column).includes(i));
  if (column.text === -1) return;
  for (const row of rows) {
    const cells = row.children;
    const textCell = cells[column.text];
    if (!textCell) continue;
    const lead = /^\|?\s*/.exec(text.slice(at(textCell), until(textCell)))?.[0].length ?? 0;
    const raw = cellText(textCell);
    const plain = plainText(raw);
    // The template's example row ("Describe the follow-up action | prevent | @owner | PROJ-123") is no action.
    if (plain === '' || isTemplateText(plain)) continue;
    // Owner, tracking and the rest may sit in any cell of the row.
    const rowRaw = cells.map(cellText).join(' | ');
    const action = baseAction(text, raw.trim(), plain, at(textCell) + lead, out.length, section, {
      start: at(row),
      end: until(row),
    });
    action.shape = 'table';
    action.headRange = { start: at(row), end: until(row) };
    const get = (key: keyof typeof COLUMNS) => {
      const i = column[key];
      if (i === undefined || !cells[i]) return undefined;
      const cell = cells[i];
      const value = cellText(cell);
      const offset = at(cell) + (text.slice(at(cell), until(cell)).indexOf(value.trim()) ?? 0);
      return { value: plainText(value), raw: value, offset };
    };
    const owner = get('owner');
    if (owner && owner.value !== '' && !/^(?:tbd|none|n\/a|-+|\?+|unassigned)$/i.test(owner.value)) {
      action.owner = {
        text: owner.value,
        range: { start: owner.offset, end: owner.offset + owner.raw.trim().length },
        source: 'column',
      };
    } else if (owner) {
      action.owner = undefined;
    }
    const tracking = get('tracking');
    if (tracking) {
      const refs = findTracking(tracking.raw).map((t) => rangeOf(t, tracking.offset));
      action.tracking = refs.length > 0 ? refs : action.tracking;
    } else {
      action.tracking = findTracking(rowRaw).length > 0 ? action.tracking.concat() : action.tracking;
    }
    const status = get('status');
    if (status && status.value !== '') {
      action.status = /\b(?:done|closed|complete[d]?|fixed|resolved|shipped|finished|merged|yes)\b|✅|✔/i.test(
        status.value,
      )
        ? 'done'
        : 'open';
      action.statusSource = 'column';
    }
    const type = get('type');
    const typed = type ? typeFromWord(type.value) : undefined;
    if (typed) {
      action.type = typed;
      action.typeSource = 'column';
    }
    const priority = get('priority');
    if (priority?.value) action.priority = priority.value;
    const due = get('due');
    if (due?.value) action.due = due.value;
    out.push(action);
  }
}

export { findVagueness, isOwnerLike };
