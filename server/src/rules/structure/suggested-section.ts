import { insertSectionsEdit } from '../../core/insert-section';
import { isSectionKind, SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from '../../core/kinds';
import { levelsOf, severityLevel } from '../../core/metadata/severity';
import { sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { titleRange } from './required-section';

const DEFAULT_SECTIONS: SectionKind[] = ['lessons-learned', 'what-went-well', 'where-we-got-lucky'];

/** The SRE book's template asks severe incidents for their lessons: what went well, where the team got lucky. */
export const suggestedSection: Rule = {
  id: 'structure/suggested-section',
  description:
    'A high-severity postmortem has the reflective parts of the SRE book template: lessons learned, what went well, where we got lucky.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: true,
  options: {
    sections: {
      type: 'array',
      items: { type: 'string', enum: [...SECTION_KINDS] },
      description: 'The parts suggested for a severe incident.',
      default: DEFAULT_SECTIONS,
    },
    atOrAbove: {
      type: ['string', 'integer'],
      description: 'The least severe level that gets the suggestion (`SEV1` also covers SEV0; `P2` covers P0–P2).',
      default: 'SEV1',
    },
  },
  check({ model, options, report }) {
    const level = severityLevel(model);
    const [threshold] = levelsOf([(options.atOrAbove as string | number | undefined) ?? 'SEV1']);
    if (level === undefined || threshold === undefined || level > threshold) return;
    const wanted = ((options.sections as string[] | undefined) ?? DEFAULT_SECTIONS).filter(isSectionKind);
    const missing = wanted.filter((kind) => sectionsOfKind(model, kind).length === 0);
    if (missing.length === 0) return;
    const titles = missing.map((k) => `"${SECTION_KIND_INFO[k].title}"`).join(', ');
    report({
      message: `A severity ${level} incident deserves its lessons: consider adding ${titles} (the SRE book's postmortem template), so the next team learns what helped and what was luck.`,
      ...titleRange(model),
      data: { sections: missing, severity: level },
      fixes: [
        {
          title: `Insert ${missing.length === 1 ? 'section' : 'sections'} ${titles}`,
          edits: insertSectionsEdit(model, missing),
          safe: false,
        },
      ],
    });
  },
};
