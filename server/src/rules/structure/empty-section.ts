import type { ResolvedConfig } from '../../core/config';
import { SECTION_KIND_INFO } from '../../core/kinds';
import type { Section } from '../../core/model';
import type { Rule } from '../../core/rule';
import { sectionContent, sectionStatus } from '../../core/structure/section-status';
import { requiredSection } from './required-section';

/** A recognised section with nothing in it but placeholders or comments is as good as missing. */
export const emptySection: Rule = {
  id: 'structure/empty-section',
  description:
    'A recognised section has real content, not just a placeholder (TBD, TODO, N/A, lorem ipsum) or a comment.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  options: {
    placeholders: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'More texts that count as placeholders (compared whole, ignoring case).',
    },
  },
  check({ model, config, options, report }) {
    const placeholders = (options.placeholders as string[] | undefined) ?? [];
    const reported = new Set<Section>();
    const requiredReported = config.rules.get(requiredSection.id)?.severity !== 'off';
    // A required part with nothing but its heading is structure/required-section's error, not a warning here.
    const unwrittenRequired = new Set(
      sectionStatus(model, config, { kinds: config.required })
        .filter((s) => s.unwritten)
        .map((s) => s.kind),
    );
    for (const section of model.allSections) {
      if (section.kinds.length === 0) continue;
      if (section.parent && hasReportedAncestor(section, reported)) continue;
      const content = sectionContent(model, section, placeholders);
      if (content.filled) continue;
      if (requiredReported && content.unwritten && section.kinds.some((k) => unwrittenRequired.has(k))) continue;
      reported.add(section);
      const names = section.kinds.map((k) => SECTION_KIND_INFO[k].title).join(' / ');
      const guidance = SECTION_KIND_INFO[section.kinds[0]].guidance;
      if (content.template) {
        // A fresh template: a checklist of parts still to write, not a wall of warnings.
        report({
          message: `Still to write: "${section.heading}" holds only the template's text. ${guidance}`,
          start: section.start,
          end: section.headingEnd,
          data: {
            section: section.kinds[0],
            sections: section.kinds,
            template: true,
            // How a missing part is reported: a host that treats template text as missing (the CLI in CI) uses it.
            missingSeverity: config.rules.get(requiredSection.id)?.severity ?? requiredSection.defaultSeverity,
          },
          severity: 'info',
        });
        continue;
      }
      report({
        message: `Section "${section.heading}" is empty (${names}): it has ${content.codeCounts ? 'only placeholders or comments' : 'no prose, only placeholders, comments or code'}. ${guidance}`,
        start: section.start,
        end: section.headingEnd,
        data: { section: section.kinds[0], sections: section.kinds },
      });
    }
  },
};

function hasReportedAncestor(section: Section, reported: Set<Section>): boolean {
  for (let p = section.parent; p; p = p.parent) if (reported.has(p)) return true;
  return false;
}

/**
 * How a project's config changes what "empty" means: this rule's `placeholders` option, for the section-status
 * query (`core/structure/section-status.ts`) in the views and reports, so that they call empty what this rule does.
 */
export function sectionStatusOptions(config: Pick<ResolvedConfig, 'rules'>): { placeholders: string[] } {
  const placeholders = config.rules.get(emptySection.id)?.options.placeholders;
  return { placeholders: Array.isArray(placeholders) ? placeholders.filter((p) => typeof p === 'string') : [] };
}
