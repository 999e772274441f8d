import { memoizeText } from '../incremental/memo';
import { stripHtmlComments } from '../text';

/**
 * Markdown source to plain words, step by step: comments, milestone markers, images and links to their text,
 * footnote marks, autolinks, emphasis and code marks, `&amp;`, then whitespace collapsed. The steps are exported
 * for `impact/plain-body.ts`, which computes the same text of a long document piece by piece.
 */
export const PLAIN_STEPS: readonly ((text: string) => string)[] = [
  (t) => stripHtmlComments(t, ' '),
  // Bounded lengths: an unbounded [^\]]* retried from each of thousands of unclosed `[` is quadratic.
  (t) => t.replace(/\[milestones?\s*:[^\]]{0,200}\]/gi, ' '),
  (t) => t.replace(/!\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1'),
  (t) => t.replace(/\[([^\]]{1,500})\]\([^)]{0,2000}\)/g, '$1'),
  (t) => t.replace(/\[([^\]]{1,500})\]\[[^\]]{0,500}\]/g, '$1'),
  (t) => t.replace(/\[\^[^\]]{1,200}\]/g, ''),
  (t) => t.replace(/<(https?:[^>]{1,2000})>/g, '$1'),
  // From here on, no step matches across whitespace (emphasis marks are matched next to it, never over it).
  (t) => t.replace(/\*\*|__|`|~~/g, ''),
  (t) => t.replace(/(^|\s)[*_]|[*_](?=\s|$|[.,;:])/g, '$1'),
  (t) => t.replace(/&amp;/g, '&'),
  (t) => t.replace(/\s+/g, ' ').trim(),
];

/** How many of `PLAIN_STEPS` come first and may match across whitespace (brackets, comments, autolinks). */
export const SPANNING_STEPS = 7;

/** Markdown source to plain words (uncached: `plainText` in timeline/index.ts is the cached one). */
export function plainTextOf(raw: string): string {
  let text = raw;
  for (const step of PLAIN_STEPS) text = step(text);
  return text;
}

/**
 * Markdown source to plain words: links to their text, markup, comments and milestone markers removed. Cached per
 * text (the same entries come back after every edit).
 */
export const plainText: (raw: string) => string = memoizeText(plainTextOf);
