import type { RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { isTemplateText, withoutFieldNote } from './template-text';
import { stripHtmlComments, trimEndWhere } from './text';

/**
 * Decides whether a section's content says anything: placeholders (TBD, TODO, N/A, "to be filled", lorem
 * ipsum, template brackets), comments and statements that the section has not been written do not count.
 * All patterns are anchored or bounded, so no input makes them backtrack badly.
 */

const PLACEHOLDER_UNIT =
  /^(?:tbd|tba|tbc|todo|to do|fixme|xxx|wip|n\/?a|pending|placeholder|coming soon|to follow|\.{2,}|…|-+|—|–|\?+)$/;
const PLACEHOLDER_PREFIX = /^(?:tbd|tba|todo|fixme|xxx)\b\s*[:\-–—(]/;
const DEFERRED =
  /\b(?:to be (?:filled(?: in| out)?|written|completed|determined|documented|added|decided|confirmed)|fill(?:ed|ing)? (?:in|out) (?:the|this) (?:report|section|document|postmortem|template|details)|(?:section|report|postmortem) (?:is|was|has) (?:not|never) (?:yet )?(?:been )?(?:filled|finished|completed|written))\b/;
const LOREM = /\blorem ipsum\b/;

export function isPlaceholderText(text: string, extra: readonly string[] = []): boolean {
  const squeezed = text
    .toLowerCase()
    .replace(/[*_~`"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const t = trimEndWhere(squeezed, (c) => '.!:;'.includes(c)).trim();
  if (t === '') return true;
  if (isTemplateText(text)) return true;
  if (PLACEHOLDER_UNIT.test(t) || PLACEHOLDER_PREFIX.test(t) || LOREM.test(t) || DEFERRED.test(t)) return true;
  if (/^\[[^\]\n]{1,200}\]$/.test(t) || /^<[^<>{}=\n]{1,200}>$/.test(t) || /^\{[^{}\n]{1,200}\}$/.test(t)) return true;
  return extra.some((p) => t === p.toLowerCase().trim());
}

export interface ContentOptions {
  /** Whether code blocks count as content (not for parts that must be explained in prose). */
  codeCounts: boolean;
  extraPlaceholders: readonly string[];
}

/** True when a node carries real content for a section. */
export function hasContent(node: RootContent, source: string, options: ContentOptions): boolean {
  switch (node.type) {
    case 'html': {
      const raw = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      return stripHtmlComments(raw).trim() !== '';
    }
    case 'code':
      return options.codeCounts && node.value.trim() !== '';
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return false;
    case 'heading':
      return false;
    case 'list':
      // A template's example timeline row or task counts as placeholder too (its whole text is template text).
      return node.children.some(
        (item) =>
          !isTemplateText(withoutFieldNote(mdastToString(item))) &&
          item.children.some((c) => hasContent(c, source, options)),
      );
    case 'table':
      // A table with only a header row, only placeholder cells, or only the template's example rows (its first
      // cell the template's text) is a template waiting to be filled.
      return node.children
        .slice(1)
        .some(
          (row) =>
            !isTemplateText(mdastToString(row.children[0] ?? row)) &&
            row.children.some((cell) => !isPlaceholderText(mdastToString(cell), options.extraPlaceholders)),
        );
    case 'blockquote':
      return node.children.some((c) => hasContent(c, source, options));
    case 'paragraph': {
      if (node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) return true;
      const raw = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      // A whole paragraph that is one template bracket: "[Describe the impact here]".
      if (/^\[[^\]]*\]$/.test(raw.trim())) return false;
      const text = stripHtmlComments(mdastToString(node));
      return !isPlaceholderText(text, options.extraPlaceholders);
    }
    default:
      return mdastToString(node).trim() !== '' && !isPlaceholderText(mdastToString(node), options.extraPlaceholders);
  }
}
