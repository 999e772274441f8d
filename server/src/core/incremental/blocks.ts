import type { Root, RootContent } from 'mdast';
import { cachesEnabled } from './memo';

/**
 * Per-block caches for the analysis of a document kept from version to version (issue 11). The incremental parser
 * keeps the nodes an edit did not touch (the ones after it moved in place), so a result derived from one block (a
 * top-level block, or an item of a top-level list) is kept with the node it came from, together with the block's
 * source text and offset: when the node comes back with the same text, the result is moved by the distance the
 * block moved instead of being computed again. A fresh parse gives new nodes, and so fresh results.
 */

type Node = RootContent & { position?: { start: { offset?: number }; end: { offset?: number } } };

/** The blocks a document's per-block results are computed on: top-level blocks, and the items of top-level lists. */
export function forEachBlock(tree: Root, visit: (node: Node) => void): void {
  const children = tree.children as Node[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'list') {
      const items = node.children as Node[];
      for (let k = 0; k < items.length; k++) visit(items[k]);
    } else {
      visit(node);
    }
  }
}

interface Kept<T> {
  text: string;
  start: number;
  value: T;
}

/**
 * A cache of one function of a block, kept per node. `compute` gives the block's result with offsets into the
 * document; `move` gives the result moved by a number of UTF-16 units (it must not change the result it is given).
 * Without `move`, the result is given as it was computed, and `by` (after each `get`) says how far the block has
 * moved since: the caller moves what it needs of it (a result moved on every edit is an allocation per later block).
 */
export class BlockCache<T> {
  private readonly kept = new WeakMap<object, Kept<T>>();
  /** How far the block of the last `get` moved since its result was computed (0 with `move`). */
  by = 0;

  constructor(
    private readonly compute: (node: Node, source: string) => T,
    private readonly move?: (value: T, by: number) => T,
  ) {}

  get(node: Node, source: string): T {
    this.by = 0;
    if (!cachesEnabled()) return this.compute(node, source);
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const text = source.slice(start, end);
    const kept = this.kept.get(node);
    // (A slice and ===: several times faster than `source.startsWith(kept.text, start)` in V8.)
    if (kept && kept.text === text) {
      if (kept.start === start) return kept.value;
      if (!this.move) {
        this.by = start - kept.start;
        return kept.value;
      }
      // Kept where it is now: the next edit, often nearby, moves it again from here.
      const moved = this.move(kept.value, start - kept.start);
      this.kept.set(node, { text, start, value: moved });
      return moved;
    }
    const value = this.compute(node, source);
    this.kept.set(node, { text, start, value });
    return value;
  }
}

/**
 * Results kept per scope object (such as the blame analysis's document context) under a string key: when the scope
 * changes, its results go with it. At most `max` results per scope (all are dropped past it).
 */
export function memoIn<T>(
  scopes: WeakMap<object, Map<string, unknown>>,
  scope: object,
  key: string,
  compute: () => T,
  max = 50_000,
): T {
  if (!cachesEnabled()) return compute();
  let map = scopes.get(scope);
  if (!map) {
    map = new Map();
    scopes.set(scope, map);
  }
  const hit = map.get(key);
  if (hit !== undefined || map.has(key)) return hit as T;
  const value = compute();
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}
