import type { Finding, PostmortemModel, ResolvedConfig, SectionKind } from '../core';
import { SECTION_KIND_INFO } from '../core/kinds';
import { sectionStatus } from '../core/structure/section-status';
import { sectionStatusOptions } from '../rules/structure/empty-section';

/** `stated`: no section of its own, but the part is stated inside another one (structure/stated-elsewhere). */
export type SectionState = 'present' | 'empty' | 'stated' | 'missing';

export interface ChecklistItem {
  kind: SectionKind;
  /** The canonical name ("Root cause"). */
  title: string;
  state: SectionState;
  /** The heading the document uses for it, when it has one. */
  heading?: string;
  /** 1-based line of that heading (for `stated`: of the sentence that states it). */
  line?: number;
  /** The summary is the paragraph before the first section rather than a section of its own. */
  fromLead?: boolean;
  /** For `stated`: where (a section's heading in quotes, "the timeline" or "the opening paragraph"). */
  statedIn?: string;
}

/**
 * Each required section kind, in the configured order, with whether the document has it, has it only as an empty
 * section (placeholders, comments or the template's text), states it inside another section, or lacks it: the
 * section-status query of the core (`core/structure/section-status.ts`), as the rules and the editor answer it.
 */
export function sectionChecklist(model: PostmortemModel, config: ResolvedConfig): ChecklistItem[];
/**
 * @deprecated Pass the config (`sectionChecklist(model, config)`): with only the required kinds, the texts the
 * config adds as placeholders (structure/empty-section's `placeholders`) are not known. The findings are unused.
 */
export function sectionChecklist(
  model: PostmortemModel,
  required: readonly SectionKind[],
  findings?: readonly Finding[],
): ChecklistItem[];
export function sectionChecklist(
  model: PostmortemModel,
  config: ResolvedConfig | readonly SectionKind[],
): ChecklistItem[] {
  const [required, options] = isKinds(config) ? [config, {}] : [config.required, sectionStatusOptions(config)];
  return sectionStatus(model, { required }, { ...options, kinds: required }).map((status): ChecklistItem => {
    const { kind, section, range } = status;
    const title = SECTION_KIND_INFO[kind].title;
    const line = range && model.lines.position(range.start).line + 1;
    switch (status.state) {
      case 'missing':
        return { kind, title, state: 'missing' };
      case 'stated':
        return { kind, title, state: 'stated', line, statedIn: status.statedIn };
      default:
        if (status.fromLead) return { kind, title, state: 'present', fromLead: true };
        return {
          kind,
          title,
          state: status.state === 'present' ? 'present' : 'empty',
          heading: section?.heading,
          line,
        };
    }
  });
}

function isKinds(config: ResolvedConfig | readonly SectionKind[]): config is readonly SectionKind[] {
  return Array.isArray(config);
}
