import type { Paragraph, RootContent, Strong } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { HeadingMatcher } from './headings';
import type { Section } from './model';

/**
 * Bold pseudo-headings: several teams mark the parts of a section with a bold label at the start of a paragraph
 * instead of a heading (`**Root Cause**: …`, `**Impact:** …`, `**What happened?**` on a line of its own). Such a
 * label is an implicit section when it names a part; it runs from its paragraph to the next label in the same
 * section, or to the end of that section's own content. Labels inside lists are left alone: there a bold start
 * is the name of an action or the time of an event.
 */

/** At most this many words in a label: a longer bold start is emphasis, not a label. */
const MAX_LABEL_WORDS = 8;

export function findBoldLabelSections(
  containers: { nodes: RootContent[]; level: number; end: number; parent?: Section }[],
  matcher: HeadingMatcher,
): Section[] {
  const found: Section[] = [];
  for (const container of containers) {
    const labels: { node: Paragraph; label: string; labelEnd: number; index: number }[] = [];
    container.nodes.forEach((node, index) => {
      if (node.type !== 'paragraph') return;
      const label = boldLabel(node);
      if (label) labels.push({ node, ...label, index });
    });
    labels.forEach((l, i) => {
      const kinds = matcher.match(l.label, { strict: true });
      if (kinds.length === 0) return;
      const next = labels.slice(i + 1).find((n) => matcher.match(n.label, { strict: true }).length > 0);
      const start = l.node.position?.start.offset ?? 0;
      const end = next ? (next.node.position?.start.offset ?? container.end) : container.end;
      const section: Section = {
        heading: l.label,
        level: container.level + 1,
        kinds,
        start,
        headingEnd: l.labelEnd,
        contentEnd: end,
        end,
        nodes: container.nodes.slice(l.index, next ? next.index : container.nodes.length),
        children: [],
        parent: container.parent,
        implicit: true,
      };
      found.push(section);
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The label of a paragraph that opens with one: the bold text, without its closing colon or question mark. */
function boldLabel(node: Paragraph): { label: string; labelEnd: number } | undefined {
  const [first, second] = node.children;
  if (first?.type !== 'strong') return undefined;
  const strong = first as Strong;
  const raw = mdastToString(strong).trim();
  const after = second?.type === 'text' ? second.value : '';
  const closed = raw.endsWith(':') || raw.endsWith('?');
  const colonAfter = /^\s*[:–—-]/.test(after);
  const alone = node.children.length === 1 || /^\s*$/.test(after.split('\n')[0] ?? '') || after.startsWith('\n');
  if (!closed && !colonAfter && !alone) return undefined;
  const label = trimEnd(raw, ' \t:?').trim();
  if (label === '' || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  let labelEnd = strong.position?.end.offset ?? 0;
  if (colonAfter && second?.position) {
    const colon = /^\s*[:–—-]/.exec(after);
    labelEnd = (second.position.start.offset ?? labelEnd) + (colon?.[0].length ?? 0);
  }
  return { label, labelEnd };
}

/** The text without the given characters at its end (a loop: a trailing-class regex is quadratic). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
