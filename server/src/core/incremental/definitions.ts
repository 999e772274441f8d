// The document's link and footnote definitions, for the incremental parse (parse.ts): a reference resolves against
// definitions anywhere in the text, so a window is parsed with a copy of them after it.
import type { Nodes, Root, RootContent } from 'mdast';
import { parseFragment } from '../parse';
import type { TextChange } from './edit';

export type AnyNode = Nodes & { children?: AnyNode[] };

export const startOf = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
export const endOf = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/**
 * A document's definitions: their offsets in its text, and their source joined one blank line apart (what a
 * window is parsed with); `source` is undefined when one of them spans lines.
 */
export interface Definitions {
  spans: { start: number; end: number }[];
  source: string | undefined;
}

export function definitionsOf(tree: Root, text: string): Definitions {
  const spans: { start: number; end: number }[] = [];
  const stack: AnyNode[] = [tree as AnyNode];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'definition' || n.type === 'footnoteDefinition') {
      spans.push({ start: startOf(n), end: endOf(n) });
      continue;
    }
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return { spans, source: sourceOf(spans, text) };
}

function sourceOf(spans: readonly { start: number; end: number }[], text: string): string | undefined {
  const lines = spans.map(({ start, end }) => text.slice(start, end));
  return lines.some((l) => /[\r\n]/.test(l)) ? undefined : lines.join('\n\n');
}

/** The definitions after an edit that touched none of them (those after it move by its length). */
export function movedDefinitions(definitions: Definitions, edit: TextChange): Definitions {
  if (definitions.spans.length === 0) return definitions;
  const delta = edit.inserted.length - edit.deleted;
  const spans = definitions.spans.map((d) =>
    d.start >= edit.offset + edit.deleted ? { start: d.start + delta, end: d.end + delta } : d,
  );
  return { spans, source: definitions.source };
}

export function hasDefinitions(node: AnyNode): boolean {
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'definition' || n.type === 'footnoteDefinition') return true;
    if (n.children) for (const c of n.children) stack.push(c);
  }
  return false;
}

/**
 * Link and footnote references resolve against definitions anywhere in the document: a window is parsed with them
 * (parseWindow), unless the edit's window holds one (in the old text; one in the new text is found in its tree) or
 * one of them cannot be copied alone.
 */
export function definitionsInDoubt(definitions: Definitions, start: number, oldEnd: number): string | undefined {
  const { spans, source } = definitions;
  if (spans.length === 0) return undefined;
  if (source === undefined) return 'a definition that spans lines';
  return spans.some((d) => d.start < oldEnd && d.end > start) ? 'a definition in the window' : undefined;
}

/**
 * The window's blocks, parsed with the document's definitions after it (one blank line apart), whose nodes are
 * then dropped. A block of the window that runs into them (a fence or HTML block left open at the end of the
 * document) cannot be told apart from what the full text makes of it: a full parse then.
 */
export function parseWindow(fragment: string, definitions: Definitions): Root | string {
  if (definitions.spans.length === 0 || definitions.source === undefined) return parseFragment(fragment);
  const sub = parseFragment(`${fragment}\n\n${definitions.source}`);
  const own = (sub.children as AnyNode[]).filter((n) => startOf(n) < fragment.length);
  if (own.some((n) => endOf(n) > fragment.length)) return 'the window ran into the definitions';
  return { ...sub, children: own as RootContent[] };
}
