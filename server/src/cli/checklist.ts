import { type Finding, type PostmortemModel, SECTION_KIND_INFO, type Section, type SectionKind } from '../core';

export type SectionState = 'present' | 'empty' | 'missing';

export interface ChecklistItem {
  kind: SectionKind;
  /** The canonical name ("Root cause"). */
  title: string;
  state: SectionState;
  /** The heading the document uses for it, when it has one. */
  heading?: string;
  /** 1-based line of that heading. */
  line?: number;
  /** The summary is the paragraph before the first section rather than a section of its own. */
  fromLead?: boolean;
}

/**
 * Each required section kind, in the configured order, with whether the document has it, has it only as an empty
 * section, or lacks it. "Empty" comes from the structure/empty-section findings, so it follows that rule's options
 * (and is never reported when the rule is off); pass the findings before any filtering.
 */
export function sectionChecklist(
  model: PostmortemModel,
  required: readonly SectionKind[],
  findings: readonly Finding[],
): ChecklistItem[] {
  // empty-section reports the topmost empty section only; its subsections are empty too.
  const emptyStarts = new Set(findings.filter((f) => f.ruleId === 'structure/empty-section').map((f) => f.start));
  const isEmpty = (section: Section): boolean => {
    for (let s: Section | undefined = section; s; s = s.parent) if (emptyStarts.has(s.start)) return true;
    return false;
  };
  return required.map((kind): ChecklistItem => {
    const title = SECTION_KIND_INFO[kind].title;
    const sections = model.allSections.filter((s) => s.kinds.includes(kind));
    if (sections.length === 0) {
      if (kind === 'summary' && model.summaryFromLead) return { kind, title, state: 'present', fromLead: true };
      return { kind, title, state: 'missing' };
    }
    // With two sections of one kind, one with content is enough.
    const shown = sections.find((s) => !isEmpty(s)) ?? sections[0];
    return {
      kind,
      title,
      state: isEmpty(shown) ? 'empty' : 'present',
      heading: shown.heading,
      line: model.lines.position(shown.start).line + 1,
    };
  });
}
