import type { Heading, Html, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { findBoldLabelSections } from './bold-labels';
import { type Frontmatter, parseFrontmatter } from './frontmatter';
import type { HeadingMatcher } from './headings';
import { BlockCache, forEachBlock } from './incremental/blocks';
import { cachesEnabled } from './incremental/memo';
import type { SectionKind } from './kinds';
import { parseMarkdown } from './parse';
import { detectEol, htmlComments, LineIndex } from './text';
import { readStamp } from './timeline/stamp';

export interface Section {
  /** The heading's plain text. */
  heading: string;
  level: number;
  /** Canonical kinds the heading names; empty for an ordinary section. */
  kinds: SectionKind[];
  /** Offset of the heading's first character. */
  start: number;
  headingEnd: number;
  /** Where the section's own content ends: its first subsection, or `end`. */
  contentEnd: number;
  /** Where the section ends, subsections included: the next heading of the same or a higher level. */
  end: number;
  /** The section's own content nodes (not those of its subsections). */
  nodes: RootContent[];
  children: Section[];
  parent?: Section;
  /** A bold label at the start of a paragraph (`**Impact:** …`), not a heading; see bold-labels.ts. */
  implicit?: boolean;
}

export interface Title {
  text: string;
  start: number;
  end: number;
  source: 'heading' | 'frontmatter';
}

export interface Comment {
  /** The comment's inner text, trimmed. */
  text: string;
  start: number;
  end: number;
}

export interface PostmortemModel {
  text: string;
  eol: '\n' | '\r\n';
  lines: LineIndex;
  tree: Root;
  frontmatter?: Frontmatter;
  /** Set when the file opens with a `---` fence that is never closed. */
  unclosedFrontmatter?: { start: number; end: number };
  title?: Title;
  /** Content between the title (or the start) and the first section heading. */
  lead: RootContent[];
  /** Top-level sections, each with its subsections. */
  sections: Section[];
  /** Every section in document order. */
  allSections: Section[];
  /**
   * Parts marked by a bold label inside a section or the lead (`**Root cause**: …`), in document order. Kept
   * apart from `allSections` (which holds headings only); `sectionsOfKind` queries both.
   */
  implicitSections: Section[];
  /** The heading level the document uses for its main sections. */
  headingLevel: number;
  /** True when there is no summary heading but a lead paragraph stands in for it. */
  summaryFromLead: boolean;
  /** HTML comments anywhere in the prose (used for disable comments). */
  comments: Comment[];
}

/**
 * Parses the text once and builds the postmortem model. `parse` gives the tree of the text (the incremental
 * analyzer passes its own, which splices re-parsed blocks into the previous tree); a fresh parse by default.
 */
export function buildModel(
  text: string,
  matcher: HeadingMatcher,
  parse: (text: string) => Root = parseMarkdown,
): PostmortemModel {
  const tree = parse(text);
  const lines = new LineIndex(text);
  const eol = detectEol(text);
  const start = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
  const end = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

  let frontmatter: Frontmatter | undefined;
  const headings: { node: Heading; index: number }[] = [];
  let jsxOpen: string | undefined;

  tree.children.forEach((node, index) => {
    if (node.type === 'yaml' || (node.type as string) === 'toml') {
      const value = (node as { value: string }).value;
      frontmatter = frontmatterOf(node.type === 'yaml' ? 'yaml' : 'toml', value, text, start(node), end(node));
      return;
    }
    // MDX/JSX components: headings inside <Component> … </Component> are not sections.
    const raw = text.slice(start(node), end(node));
    if (jsxOpen) {
      if (raw.includes(`</${jsxOpen}>`) || /\/>\s*$/.test(raw)) jsxOpen = undefined;
      return;
    }
    if (node.type === 'html' || node.type === 'paragraph') {
      const open = /^<([A-Z][\w.]*)\b/.exec(raw);
      if (open && !/\/>\s*$/.test(raw) && !raw.includes(`</${open[1]}>`)) jsxOpen = open[1];
    }
    if (node.type === 'heading') headings.push({ node, index });
  });

  let title: Title | undefined;
  let sectionHeadings = headings;
  const first = headings[0];
  if (first && first.node.depth === 1) {
    const firstText = headingText(first.node);
    const otherH1 = headings.some((h) => h !== first && h.node.depth === 1);
    // With several H1s, the first is a section when it names one ("# Timeline") or the frontmatter holds the title.
    const frontmatterTitle = typeof frontmatter?.data.title === 'string';
    if (!(otherH1 && (frontmatterTitle || matcher.match(firstText).length > 0))) {
      title = { text: firstText, start: start(first.node), end: end(first.node), source: 'heading' };
      sectionHeadings = headings.slice(1);
    }
  }
  if (!title && frontmatter && typeof frontmatter.data.title === 'string') {
    title = { text: frontmatter.data.title, start: frontmatter.start, end: frontmatter.end, source: 'frontmatter' };
  }

  // Build the section tree: each section runs to the next heading of the same or a higher level.
  const allSections: Section[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  sectionHeadings.forEach((h, i) => {
    const heading = headingText(h.node);
    const nextIndex = i + 1 < sectionHeadings.length ? sectionHeadings[i + 1].index : tree.children.length;
    const section: Section = {
      heading,
      level: h.node.depth,
      kinds: matcher.match(heading),
      start: start(h.node),
      headingEnd: end(h.node),
      contentEnd: text.length,
      end: text.length,
      nodes: tree.children.slice(h.index + 1, nextIndex).filter((n) => n.type !== 'yaml'),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= section.level) {
      const closed = stack.pop() as Section;
      closed.end = section.start;
      // A section without subsections has no content after its end.
      if (closed.children.length === 0) closed.contentEnd = closed.end;
    }
    const parent = stack[stack.length - 1];
    // "### 14:30 Mitigation" under the timeline is one of its entries, not the Mitigation section.
    if (parent && section.kinds.length > 0 && withinTimeline(parent) && readStamp(heading)?.clock) section.kinds = [];
    if (parent) {
      section.parent = parent;
      if (parent.children.length === 0) parent.contentEnd = section.start;
      parent.children.push(section);
    } else {
      sections.push(section);
    }
    stack.push(section);
    allSections.push(section);
  });

  const firstSectionIndex = sectionHeadings[0]?.index ?? tree.children.length;
  const titleIndex = title?.source === 'heading' ? (headings[0]?.index ?? -1) : -1;
  const lead = tree.children
    .slice(titleIndex + 1, firstSectionIndex)
    .filter((n) => n.type !== 'yaml' && (n.type as string) !== 'toml');

  const headingLevel = mainHeadingLevel(allSections, title);
  const implicitSections = findBoldLabelSections(
    [
      { nodes: lead, level: headingLevel - 1, end: sectionHeadings[0] ? start(sectionHeadings[0].node) : text.length },
      ...allSections.map((s) => ({ nodes: s.nodes, level: s.level, end: s.contentEnd, parent: s })),
    ],
    matcher,
  );

  const hasSummaryHeading = allSections.some((s) => s.kinds.includes('summary'));
  const summaryFromLead = !hasSummaryHeading && lead.some((n) => isProse(n, text));

  return {
    text,
    eol,
    lines,
    tree,
    frontmatter,
    unclosedFrontmatter: frontmatter ? undefined : findUnclosedFrontmatter(text),
    title,
    lead,
    sections,
    allSections,
    implicitSections,
    headingLevel,
    summaryFromLead,
    comments: collectComments(tree, text),
  };
}

/**
 * The frontmatter of a block, kept for the block's source (its text and place; what `parseFrontmatter` reads):
 * an edit of the body finds it here (issue 11). Shared between analyses: read-only.
 */
const frontmatters = new Map<string, Frontmatter>();

function frontmatterOf(format: 'yaml' | 'toml', value: string, text: string, from: number, to: number): Frontmatter {
  if (!cachesEnabled()) return parseFrontmatter(format, value, text, from, to);
  const key = `${format}\u0000${from}\u0000${to}\u0000${value}\u0000${text.slice(from, to)}`;
  let found = frontmatters.get(key);
  if (!found) {
    found = parseFrontmatter(format, value, text, from, to);
    if (frontmatters.size >= 16) frontmatters.delete(frontmatters.keys().next().value as string);
    frontmatters.set(key, found);
  }
  return found;
}

/** The sections that stand for a part: its headings, then the bold labels that name it. */
export function sectionsOfKind(model: PostmortemModel, kind: SectionKind): Section[] {
  return [...model.allSections, ...model.implicitSections].filter((s) => s.kinds.includes(kind));
}

export function headingText(node: Heading): string {
  return mdastToString(node).trim();
}

/** A lead node that says something: not a comment, an MDX import, or a link definition. */
function isProse(node: RootContent, text: string): boolean {
  if (node.type === 'html' || node.type === 'definition' || node.type === 'thematicBreak') return false;
  if (node.type === 'paragraph') {
    const raw = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    if (/^(import|export)\s/.test(raw)) return false;
    return mdastToString(node).trim().length > 0;
  }
  return true;
}

function mainHeadingLevel(sections: Section[], title: Title | undefined): number {
  const counts = new Map<number, number>();
  for (const s of sections) if (s.kinds.length > 0 && !s.parent) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  if (counts.size === 0) for (const s of sections) if (!s.parent) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  let best = title?.source === 'heading' ? 2 : sections.length > 0 ? sections[0].level : 2;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

function findUnclosedFrontmatter(text: string): { start: number; end: number } | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const m = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(body));
  if (!m) return undefined;
  const fence = m[1];
  // Only a block that looks like key: value data is frontmatter; a lone rule followed by prose is not.
  const rest = text.slice(body + m[0].length);
  const firstLine = rest.split(/\r?\n/, 1)[0];
  const looksLikeData = fence === '---' ? /^[\w"'-][^:]*:(\s|$)/.test(firstLine) : /^[\w"'.-]+\s*=/.test(firstLine);
  if (!looksLikeData) return undefined;
  if (new RegExp(`^${fence.replace(/\+/g, '\\+')}[ \\t]*$`, 'm').test(rest)) return undefined;
  return { start: body, end: body + fence.length };
}

/** Every HTML comment in the document, block or inline, outside code. */
function collectComments(tree: Root, text: string): Comment[] {
  // Kept per block of the tree from version to version (issue 11).
  const comments: Comment[] = [];
  forEachBlock(tree, (node) => {
    const kept = blockComments.get(node, text);
    const by = blockComments.by;
    for (let i = 0; i < kept.length; i++) {
      const c = kept[i];
      comments.push(by === 0 ? c : { text: c.text, start: c.start + by, end: c.end + by });
    }
  });
  return comments.sort((a, b) => a.start - b.start);
}

// Kept where they were found: moved to where their block is when read (`by`).
const blockComments = new BlockCache<readonly Comment[]>((node, text) => commentsIn(node, text));

function commentsIn(root: { type: string }, text: string): Comment[] {
  const comments: Comment[] = [];
  const stack: { type: string; children?: unknown[] }[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; children?: unknown[] };
    if (node.type === 'html') {
      const html = node as Html;
      const base = html.position?.start.offset ?? 0;
      const raw = text.slice(base, html.position?.end.offset ?? base);
      for (const c of htmlComments(raw)) {
        comments.push({ text: c.inner.trim(), start: base + c.start, end: base + c.end });
      }
    }
    if (node.children) for (const child of node.children) stack.push(child as { type: string });
  }
  return comments;
}

/** Whether a section is the timeline or lies inside it (its subsections are entries, not parts). */
export function withinTimeline(section: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.kinds.includes('timeline')) return true;
  return false;
}
