import type { List, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../parse';
import {
  type AnyNode,
  type Definitions,
  definitionsInDoubt,
  definitionsOf,
  endOf,
  hasDefinitions,
  movedDefinitions,
  parseWindow,
  startOf,
} from './definitions';
import { changeApplies, changeBetween, type TextChange } from './edit';

/**
 * Incremental parsing: after an edit, only a window of blocks around it is parsed again and spliced into the
 * previous tree, with every later position shifted. The result must deep-equal a fresh `parseMarkdown` of the new
 * text (positions included); test/static/incremental.test.ts checks it on the real corpus with generated edits.
 *
 * The window is the run of blocks the edit touches plus one untouched block on each side (top-level blocks, or the
 * items of a top-level list when the edit stays inside one list with an item on each side). It is parsed alone
 * from the start of its first line, and accepted only when both untouched neighbours come out exactly as they were:
 * then nothing the edit did escaped the window (a block that merged with a neighbour through a removed blank line,
 * lazy continuation or a setext underline; a fence, HTML block or comment left open that swallows what follows; a
 * list marker or indentation change that moves lines in or out of an item; a table delimiter row that turns the
 * paragraph above into a header), and the parser's state after the window is the one it had before. References
 * resolve against the document's link and footnote definitions wherever they are: the window is parsed with a copy
 * of them after it (one blank line apart; their nodes are then dropped), so that a reference in it resolves as it
 * does in the whole text. Whatever else depends on the whole document falls back to a full parse: an edit that
 * touches a definition, a definition that spans lines (its copy could not be taken alone), a window that reaches
 * the start of a text with a byte order mark, a list whose spread flag cannot be told from the window. Frontmatter is only ever found at the start of the text, which a window reaches
 * only when it starts at offset 0, where it is parsed as it is in the full text.
 */

/** How the last tree was made. */
export type ParseMode = 'unchanged' | 'full' | 'block' | 'item';

export interface ParseOutcome {
  tree: Root;
  mode: ParseMode;
  /** Why a full parse was needed (for tests and the benchmark). */
  reason?: string;
  /** The window parsed again, in the new text. */
  window?: { start: number; end: number };
}

interface State {
  text: string;
  tree: Root;
  /** The tree's link and footnote definitions, in document order (empty: none). */
  definitions: Definitions;
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/**
 * Keeps the last text and tree; `parse` gives the tree of a new text by re-parsing as little as it safely can. The
 * new tree shares the nodes before the edit with the previous one and moves those after it in place (copying them
 * cost more than the parse): the previous tree is the previous text's only until the next `parse`.
 */
export class IncrementalParser {
  private state: State | undefined;

  /** Forgets the previous tree: the next parse is a full one. */
  reset(): void {
    this.state = undefined;
  }

  /**
   * The tree of `text`. `change`, when given, is the edit from the previous text (checked: a change that does not
   * turn the previous text into this one is ignored and the change is computed).
   */
  parse(text: string, change?: TextChange): ParseOutcome {
    const previous = this.state;
    if (!previous) return this.full(text, 'no previous tree');
    if (previous.text === text) return { tree: previous.tree, mode: 'unchanged' };
    const edit = change && changeApplies(previous.text, text, change) ? change : changeBetween(previous.text, text);
    let outcome: ParseOutcome | string;
    try {
      outcome = reparse(previous, text, edit);
    } catch (e) {
      outcome = `window parse failed (${(e as Error)?.message})`;
    }
    if (typeof outcome === 'string') return this.full(text, outcome);
    // No definition was in the window (or the parse fell back): those after it moved with the text.
    this.state = { text, tree: outcome.tree, definitions: movedDefinitions(previous.definitions, edit) };
    return outcome;
  }

  private full(text: string, reason: string): ParseOutcome {
    this.state = undefined;
    const tree = parseMarkdown(text);
    this.state = { text, tree, definitions: definitionsOf(tree, text) };
    return { tree, mode: 'full', reason };
  }
}

/** Index of the last node ending before `offset`, -1 if none. */
function lastEndingBefore(nodes: readonly AnyNode[], offset: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOf(nodes[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first node starting after `offset`, `nodes.length` if none. */
function firstStartingAfter(nodes: readonly AnyNode[], offset: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(nodes[mid]) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function lineStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** Line endings as micromark counts them: CRLF, LF or CR. */
function countLineEndings(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return n;
}

const BOM = 0xfeff;
const FENCE = /^\uFEFF?(?:---|\+\+\+)/;

/** Whether the text opens with what could be a frontmatter fence. */
function opensWithFence(text: string): boolean {
  return FENCE.test(text.slice(0, 4));
}

function reparse(previous: State, text: string, edit: TextChange): ParseOutcome | string {
  const old = previous.text;
  const tree = previous.tree;
  const a = edit.offset;
  const b = edit.offset + edit.deleted;
  const delta = edit.inserted.length - edit.deleted;
  const kids = tree.children as AnyNode[];
  if (kids.length === 0) return 'empty tree';
  if (opensWithFence(old) || opensWithFence(text)) {
    // A frontmatter fence left open changes how the whole document parses (lists become paragraphs): only an edit
    // after a closed frontmatter block is safe.
    const first = kids[0];
    if ((first.type !== 'yaml' && (first.type as string) !== 'toml') || a <= endOf(first)) return 'frontmatter';
  }
  const before = lastEndingBefore(kids, a);
  const after = firstStartingAfter(kids, b);

  // One top-level list touched, with an untouched item on each side of the edit: re-parse items only.
  if (after - before === 2 && kids[before + 1].type === 'list') {
    const list = kids[before + 1] as List & AnyNode;
    const items = list.children as AnyNode[];
    const ib = lastEndingBefore(items, a);
    const ia = firstStartingAfter(items, b);
    if (ib >= 0 && ia < items.length) {
      const outcome = reparseItems(previous, text, edit, before + 1, ib, ia);
      if (typeof outcome !== 'string') return outcome;
    }
  }

  const windowStart = before >= 0 ? lineStart(old, startOf(kids[before])) : 0;
  const oldEnd = after < kids.length ? endOf(kids[after]) : old.length;
  const windowEnd = oldEnd + delta;
  if (windowStart === 0 && (old.charCodeAt(0) === BOM || text.charCodeAt(0) === BOM)) return 'byte order mark';
  const doubt = definitionsInDoubt(previous.definitions, windowStart, oldEnd);
  if (doubt) return doubt;
  const lineBase = before >= 0 ? (kids[before].position?.start.line ?? 1) - 1 : 0;
  const lineDelta = countLineEndings(text, windowStart, windowEnd) - countLineEndings(old, windowStart, oldEnd);

  const fragment = text.slice(windowStart, windowEnd);
  // Parsed alone, a window opening with `---` or `+++` would be read as (unclosed) frontmatter.
  if (windowStart > 0 && opensWithFence(fragment)) return 'a fence line opens the window';
  const sub = parseWindow(fragment, previous.definitions);
  if (typeof sub === 'string') return sub;
  const got = sub.children as AnyNode[];
  const expected = (before >= 0 ? 1 : 0) + (after < kids.length ? 1 : 0);
  if (got.length < expected) return 'the window merged its neighbours';
  for (const n of got) place(n, windowStart, lineBase);
  if (before >= 0 && !same(kids[before], got[0], 0, 0)) return 'the block before the edit changed';
  if (after < kids.length && !same(kids[after], got[got.length - 1], delta, lineDelta)) {
    return 'the block after the edit changed';
  }
  if (hasDefinitions({ type: 'root', children: got } as AnyNode)) return 'a definition in the window';

  const children = [
    ...kids.slice(0, before + 1),
    ...got.slice(before >= 0 ? 1 : 0),
    ...kids.slice(after + 1).map((n) => shift(n, delta, lineDelta)),
  ];
  return {
    tree: { ...tree, children: children as RootContent[], position: rootPosition(tree, text, delta, lineDelta) },
    mode: 'block',
    window: { start: windowStart, end: windowEnd },
  };
}

function reparseItems(
  previous: State,
  text: string,
  edit: TextChange,
  listIndex: number,
  ib: number,
  ia: number,
): ParseOutcome | string {
  const old = previous.text;
  const tree = previous.tree;
  const delta = edit.inserted.length - edit.deleted;
  const list = tree.children[listIndex] as List & AnyNode;
  const items = list.children as AnyNode[];
  const windowStart = lineStart(old, startOf(items[ib]));
  const oldEnd = endOf(items[ia]);
  const windowEnd = oldEnd + delta;
  if (windowStart === 0 && (old.charCodeAt(0) === BOM || text.charCodeAt(0) === BOM)) return 'byte order mark';
  const doubt = definitionsInDoubt(previous.definitions, windowStart, oldEnd);
  if (doubt) return doubt;
  const lineBase = (items[ib].position?.start.line ?? 1) - 1;
  const lineDelta = countLineEndings(text, windowStart, windowEnd) - countLineEndings(old, windowStart, oldEnd);

  const fragment = text.slice(windowStart, windowEnd);
  // Parsed alone, a window opening with `---` or `+++` would be read as (unclosed) frontmatter.
  if (windowStart > 0 && opensWithFence(fragment)) return 'a fence line opens the window';
  const sub = parseWindow(fragment, previous.definitions);
  if (typeof sub === 'string') return sub;
  const only = sub.children[0] as (List & AnyNode) | undefined;
  if (sub.children.length !== 1 || only?.type !== 'list' || only.ordered !== list.ordered) {
    return 'the items did not stay one list';
  }
  const got = only.children as AnyNode[];
  if (got.length < 2) return 'the items merged';
  for (const n of got) place(n, windowStart, lineBase);
  if (!same(items[ib], got[0], 0, 0)) return 'the item before the edit changed';
  if (!same(items[ia], got[got.length - 1], delta, lineDelta)) return 'the item after the edit changed';
  if (hasDefinitions(only)) return 'a definition in the window';

  // A list is spread when a blank line separates two of its items (mdast-util-from-markdown's prepareList).
  let spread = list.spread ?? false;
  if (only.spread) spread = true;
  else if (spread) {
    // Tight inside the window: spread only if a gap outside it still holds a blank line.
    spread = false;
    for (let k = 0; k + 1 < items.length && !spread; k++) {
      if (k >= ib && k < ia) continue;
      spread = countLineEndings(old, endOf(items[k]), startOf(items[k + 1])) >= 2;
    }
  }

  const newList = {
    ...list,
    spread,
    children: [
      ...items.slice(0, ib),
      items[ib],
      ...got.slice(1),
      ...items.slice(ia + 1).map((n) => shift(n, delta, lineDelta)),
    ],
    position: list.position && {
      start: { ...list.position.start },
      end: shiftPoint(list.position.end, delta, lineDelta),
    },
  } as List;
  const kids = tree.children;
  const children = [
    ...kids.slice(0, listIndex),
    newList,
    ...kids.slice(listIndex + 1).map((n) => shift(n as AnyNode, delta, lineDelta)),
  ];
  return {
    tree: { ...tree, children: children as RootContent[], position: rootPosition(tree, text, delta, lineDelta) },
    mode: 'item',
    window: { start: windowStart, end: windowEnd },
  };
}

function shiftPoint<P extends Point>(p: P, by: number, lines: number): P {
  return { ...p, line: p.line + lines, offset: p.offset === undefined ? undefined : p.offset + by };
}

/** Moves a node parsed from a window (and its descendants) to its place in the document. */
function place(node: AnyNode, by: number, lines: number): void {
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.position)
      n.position = { start: shiftPoint(n.position.start, by, lines), end: shiftPoint(n.position.end, by, lines) };
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/**
 * Moves a node after the edit (and its descendants) by the edit's length and lines, in place: copying the nodes
 * after the edit, thousands in a long timeline, cost more than the re-parse itself (allocation and GC). Every point
 * object is moved once (the parser gives each node points of its own; `place` does too).
 */
function shift(node: AnyNode, by: number, lines: number): AnyNode {
  if (by === 0 && lines === 0) return node;
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    const p = n.position;
    if (p) {
      p.start.line += lines;
      if (p.start.offset !== undefined) p.start.offset += by;
      p.end.line += lines;
      if (p.end.offset !== undefined) p.end.offset += by;
    }
    const children = n.children;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  return node;
}

/** The root spans the whole text: its end moves with the text's end. */
function rootPosition(tree: Root, text: string, by: number, lines: number): Root['position'] {
  if (!tree.position) return undefined;
  const end = shiftPoint(tree.position.end, by, lines);
  if (end.offset === text.length) {
    // The last line may be the edited one: its column is counted again.
    const body = text.charCodeAt(0) === BOM ? 1 : 0;
    end.column = text.length - Math.max(lineStart(text, text.length), body) + 1;
  }
  return { start: { ...tree.position.start }, end };
}

/**
 * Deep equality of an old node and a node of the new tree, where the new node's positions are the old ones moved
 * by `by` units and `lines` lines (columns unchanged: the nodes compared start on a line of their own).
 */
function same(a: unknown, b: unknown, by: number, lines: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], by, lines)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(y, key)) return false;
    if (key === 'position') {
      const p = x.position as { start: Point; end: Point } | undefined;
      const q = y.position as { start: Point; end: Point } | undefined;
      if (!p || !q) {
        if (p !== q) return false;
        continue;
      }
      if (!samePoint(p.start, q.start, by, lines) || !samePoint(p.end, q.end, by, lines)) return false;
    } else if (!same(x[key], y[key], by, lines)) {
      return false;
    }
  }
  return true;
}

function samePoint(p: Point, q: Point, by: number, lines: number): boolean {
  return (
    p.line + lines === q.line &&
    p.column === q.column &&
    (p.offset === undefined ? q.offset === undefined : p.offset + by === q.offset)
  );
}
