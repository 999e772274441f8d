import type { SectionKind } from '../kinds';
import { type PostmortemModel, type Section, sectionsOfKind } from '../model';
import { hasContent } from '../placeholders';
import { isTemplateText, withoutFieldNote } from '../template-text';
import { stripHtmlComments } from '../text';
import { findStatedParts, type StatedPart } from './stated';

/**
 * Whether each part of a postmortem is there: the one answer the rules (structure/required-section,
 * structure/empty-section), the Postmortem view, the CLI's checklist, the insert-sections command and completion
 * all give.
 *
 * - `present`: a section of its own (a heading or a bold label, `**Impact:** …`) with content in it, or, for the
 *   summary, the paragraph before the first section;
 * - `empty`: a section with nothing in it but placeholders (TBD, N/A, `[Describe …]`), comments or, for the parts
 *   explained in prose, code. `unwritten` says it holds nothing at all but its heading and comments (the state a
 *   fix or a snippet leaves it in), which keeps a required part an error until it is written;
 * - `template`: empty, holding the text a template ships with (`core/template-text.ts`): still to write;
 * - `stated`: no section, but the part is stated clearly inside another one (`structure/stated.ts`);
 * - `missing`: none of these.
 */
export type SectionState = 'present' | 'empty' | 'template' | 'stated' | 'missing';

export interface SectionStatus {
  kind: SectionKind;
  state: SectionState;
  /** Whether the config requires the part. */
  required: boolean;
  /** The section standing for the part: the first one of its kind with content, else the first. */
  section?: Section;
  /**
   * Where the part is: the section's heading (or bold label), the lead paragraph standing for the summary, or the
   * sentence that states it. Absent when missing.
   */
  range?: { start: number; end: number };
  /** The summary is the paragraph before the first section rather than a section of its own. */
  fromLead?: boolean;
  /** For `stated`: where and why. */
  stated?: StatedPart;
  /** For `stated`, where, for people: a section's heading in quotes, "the timeline" or "the opening paragraph". */
  statedIn?: string;
  /** For `empty`: every section of the kind holds nothing but its heading (and its subsections') and comments. */
  unwritten?: boolean;
}

export interface SectionStatusOptions {
  /** The kinds to answer for, in this order; default: the required kinds, then the other kinds the document has. */
  kinds?: readonly SectionKind[];
  /** More texts that count as placeholders (structure/empty-section's `placeholders` option). */
  placeholders?: readonly string[];
  /** Sections to leave out, as if not written (completion leaves out the heading being typed). */
  skip?: (section: Section) => boolean;
}

/** Parts that must be explained in words: a log excerpt or a command alone does not explain a cause. */
const PROSE_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'impact', 'trigger', 'root-cause']);

/** What one section (with its subsections) holds: the one definition of "empty" and "still to write". */
export interface SectionContent {
  /** Something real: not only placeholders, comments or (for prose parts) code. */
  filled: boolean;
  /** Not filled, and some line of it is the template's own text. */
  template: boolean;
  /** Nothing but its heading, its subsections' headings and HTML comments. */
  unwritten: boolean;
  /** Whether code counted as content (not for the parts explained in prose). */
  codeCounts: boolean;
}

export function sectionContent(
  model: PostmortemModel,
  section: Section,
  placeholders: readonly string[] = [],
): SectionContent {
  const codeCounts = !section.kinds.some((k) => PROSE_KINDS.has(k));
  const parts = subtree(section);
  const filled = parts.some((s) =>
    s.nodes.some((n) => hasContent(n, model.text, { codeCounts, extraPlaceholders: placeholders })),
  );
  return {
    filled,
    template: !filled && holdsTemplateText(parts, model.text),
    unwritten: !filled && isUnwritten(model, section),
    codeCounts,
  };
}

/** The state of each part asked for (see `SectionState`), in order. */
export function sectionStatus(
  model: PostmortemModel,
  config: { required: readonly SectionKind[] },
  options: SectionStatusOptions = {},
): SectionStatus[] {
  const { skip, placeholders = [] } = options;
  const kinds = options.kinds ?? [
    ...config.required,
    ...new Set(
      [...model.allSections, ...model.implicitSections]
        .filter((s) => !skip?.(s))
        .flatMap((s) => s.kinds)
        .filter((k) => !config.required.includes(k)),
    ),
  ];
  return kinds.map((kind): SectionStatus => {
    const required = config.required.includes(kind);
    if (kind === 'summary' && model.summaryFromLead) {
      const lead = model.lead.find((n) => n.type === 'paragraph') ?? model.lead[0];
      const start = lead?.position?.start.offset ?? 0;
      return {
        kind,
        required,
        state: 'present',
        fromLead: true,
        range: { start, end: lead?.position?.end.offset ?? start },
      };
    }
    const sections = sectionsOfKind(model, kind).filter((s) => !skip?.(s));
    if (sections.length > 0) {
      const contents = sections.map((s) => sectionContent(model, s, placeholders));
      // With two sections of one kind, one with content is enough.
      const shown = Math.max(
        0,
        contents.findIndex((c) => c.filled),
      );
      const section = sections[shown];
      const content = contents[shown];
      const range = { start: section.start, end: section.headingEnd };
      if (content.filled) return { kind, required, state: 'present', section, range };
      const unwritten = contents.every((c) => c.unwritten);
      return { kind, required, state: content.template ? 'template' : 'empty', section, range, unwritten };
    }
    const stated = findStatedParts(model).get(kind);
    if (stated) {
      const statedIn = stated.section
        ? `"${stated.section.heading}"`
        : stated.where === 'the timeline'
          ? 'the timeline'
          : 'the opening paragraph';
      return { kind, required, state: 'stated', stated, statedIn, range: { start: stated.start, end: stated.end } };
    }
    return { kind, required, state: 'missing' };
  });
}

/**
 * A section nothing has been written in yet: under its heading (and its subsections' headings) there is nothing
 * but HTML comments, such as the guidance comment a fix inserts.
 */
export function isUnwritten(model: PostmortemModel, section: Section): boolean {
  const stack = [section];
  while (stack.length > 0) {
    const current = stack.pop() as Section;
    for (const node of current.nodes) {
      if (node.type !== 'html') return false;
      const raw = model.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      if (stripHtmlComments(raw).trim() !== '') return false;
    }
    stack.push(...current.children);
  }
  return true;
}

/** Whether some paragraph, list item or table row of the sections is the template's own text. */
function holdsTemplateText(sections: readonly Section[], text: string): boolean {
  return sections.some((s) => {
    const body = text.slice(s.headingEnd, s.contentEnd);
    return body
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\|)/, '').split('|', 1)[0])
      .some((line) => isTemplateText(withoutFieldNote(line)));
  });
}

export function subtree(section: Section): Section[] {
  return [section, ...section.children.flatMap(subtree)];
}
