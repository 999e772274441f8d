import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The one remark pipeline used everywhere (analysis, benchmarks): CommonMark + GFM + YAML/TOML frontmatter. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();

/**
 * Parses Markdown to mdast. A leading byte order mark is parsed around (so that frontmatter is still found)
 * and every offset still points into the text as given.
 */
export function parseMarkdown(text: string): Root {
  if (text.charCodeAt(0) !== 0xfeff) return processor.parse(text);
  const tree = processor.parse(text.slice(1));
  shiftOffsets(tree, 1);
  return tree;
}

/**
 * Parses a piece of a document with the same processor, as a document of its own: no byte order mark handling,
 * positions relative to the piece. The incremental parser (incremental/parse.ts) re-parses blocks with it.
 */
export function parseFragment(text: string): Root {
  return processor.parse(text);
}

interface Positioned {
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Positioned[];
}

function shiftOffsets(root: Positioned, by: number): void {
  const stack: Positioned[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Positioned;
    if (node.position) {
      if (node.position.start.offset !== undefined) node.position.start.offset += by;
      if (node.position.end.offset !== undefined) node.position.end.offset += by;
    }
    if (node.children) stack.push(...node.children);
  }
}
