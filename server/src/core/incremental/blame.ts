import type { Root } from 'mdast';
import type { Cue } from '../blame/cues';
import type { DocContext } from '../blame/entities';
import { type ProseBlock, proseBlocks, type Sentence } from '../blame/prose';
import { BlockCache, forEachBlock, memoIn } from './blocks';
import { cachesEnabled } from './memo';

/**
 * What the blame analysis keeps from version to version (issue 11): the prose blocks of each block of the tree
 * (`proseBlocks` is a walk of the whole tree), and, per document context, the cues of each sentence and the
 * name look of each block. A sentence's cues depend on its text, the sentence before it, whether its block has cue
 * words, its table columns and cells, and the document context (the people and systems the document lists, the
 * names the config allows): the context is compared by content, so an edit that changes none of those finds its
 * other sentences' cues here.
 */

interface BlockProse {
  blocks: ProseBlock[];
  codes: string[];
}

// Kept where they were computed: the blocks with findings are moved to where they are now (`moveBlock`).
const prose = new BlockCache<BlockProse>((node, source) => {
  const codes: string[] = [];
  // A top-level block or a list item walked alone gives what the walk of the whole tree gives for it.
  const blocks = proseBlocks(node as unknown as Root, source, codes);
  return { blocks, codes };
});

/** A prose block moved by `by` UTF-16 units (a new block: kept blocks are shared). */
export function moveBlock(block: ProseBlock, by: number): ProseBlock {
  if (by === 0) return block;
  const moved: ProseBlock = {
    ...block,
    start: block.start + by,
    end: block.end + by,
    runs: block.runs.map((r) => ({ ...r, source: r.source + by })),
  };
  if (block.cells) moved.cells = block.cells.map((c) => ({ ...c, sourceEnd: c.sourceEnd + by }));
  return moved;
}

/**
 * `proseBlocks(tree, source, codes)`, from the blocks kept with the tree's unchanged nodes, as they were computed:
 * `moveBlock(blocks[i], by[i])` is the block where it is now. Their texts, table columns and cells (relative to
 * the text) are the same wherever the block is.
 */
export function keptProseBlocks(tree: Root, source: string, codes?: string[]): { blocks: ProseBlock[]; by: number[] } {
  const blocks: ProseBlock[] = [];
  const by: number[] = [];
  forEachBlock(tree, (node) => {
    const kept = prose.get(node, source);
    for (let i = 0; i < kept.blocks.length; i++) {
      blocks.push(kept.blocks[i]);
      by.push(prose.by);
    }
    if (codes) for (let i = 0; i < kept.codes.length; i++) codes.push(kept.codes[i]);
  });
  return { blocks, by };
}

/** The cues found in a block's sentences (by index): a block's, in a context, wherever the block is. */
export interface BlockCues {
  index: number;
  cues: Cue[];
}

const blockResults = new WeakMap<ProseBlock, { ctx: DocContext; found: readonly BlockCues[] }>();

/** The cues of a kept block in a context, computed by `compute` once per block and context. */
export function keptBlockCues(
  ctx: DocContext,
  block: ProseBlock,
  cueWords: boolean,
  compute: (block: ProseBlock, cueWords: boolean, ctx: DocContext) => readonly BlockCues[],
): readonly BlockCues[] {
  if (!cachesEnabled()) return compute(block, cueWords, ctx);
  const kept = blockResults.get(block);
  if (kept?.ctx === ctx) return kept.found;
  const found = compute(block, cueWords, ctx);
  blockResults.set(block, { ctx, found });
  return found;
}

const contexts = new Map<string, DocContext>();
const MAX_CONTEXTS = 16;

/**
 * The context object to key results by: an earlier one with the same content when there is one (so that the
 * results kept with it apply), else this one.
 */
export function sharedContext(ctx: DocContext): DocContext {
  if (!cachesEnabled()) return ctx;
  const key = JSON.stringify([[...ctx.people], [...ctx.systems], [...ctx.allowedNames]]);
  const hit = contexts.get(key);
  if (hit) {
    contexts.delete(key);
    contexts.set(key, hit);
    return hit;
  }
  contexts.set(key, ctx);
  if (contexts.size > MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
  return ctx;
}

const cueResults = new WeakMap<object, Map<string, unknown>>();
const nameResults = new WeakMap<object, Map<string, unknown>>();

/** The cues of a sentence in a context, computed by `compute` once for everything they depend on. */
export function keptCues<T>(
  ctx: DocContext,
  sentence: Sentence,
  previous: string | undefined,
  blockCueWords: boolean,
  compute: () => T,
  effectAfter = false,
): T {
  const { block } = sentence;
  let key = `${blockCueWords ? 1 : 0}${effectAfter ? 1 : 0}\u0001${previous ?? '\u0002'}\u0001${sentence.text}`;
  if (block.columns || block.cells) {
    const cells = block.cells?.map((c) => [c.textStart - sentence.blockStart, c.textEnd - sentence.blockStart]);
    key += `\u0001${JSON.stringify([block.columns ?? null, cells ?? null])}`;
  }
  return memoIn(cueResults, ctx, key, compute);
}

/** Whether a block's text may name someone, in a context: computed once per text and context. */
export function keptNameLook(ctx: DocContext, text: string, compute: () => boolean): boolean {
  return memoIn(nameResults, ctx, text, compute);
}
