import { isUnwritten } from '../../core/insert-section';
import { SECTION_KIND_INFO, type SectionKind } from '../../core/kinds';
import type { Section } from '../../core/model';
import { hasContent } from '../../core/placeholders';
import type { Rule } from '../../core/rule';
import { isTemplateText, withoutFieldNote } from '../../core/template-text';

/** Parts that must be explained in words: a log excerpt or a command alone does not explain a cause. */
const PROSE_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'impact', 'trigger', 'root-cause']);

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
    const extraPlaceholders = (options.placeholders as string[] | undefined) ?? [];
    const reported = new Set<Section>();
    const requiredReported = config.rules.get('structure/required-section')?.severity !== 'off';
    const unwrittenRequired = (kind: (typeof config.required)[number]) =>
      config.required.includes(kind) &&
      model.allSections.filter((s) => s.kinds.includes(kind)).every((s) => isUnwritten(model, s));
    for (const section of model.allSections) {
      if (section.kinds.length === 0) continue;
      // A required part with nothing but its heading is structure/required-section's error, not a warning here.
      if (requiredReported && isUnwritten(model, section) && section.kinds.some((k) => unwrittenRequired(k))) continue;
      if (section.parent && hasReportedAncestor(section, reported)) continue;
      const codeCounts = !section.kinds.some((k) => PROSE_KINDS.has(k));
      const filled = subtree(section).some((s) =>
        s.nodes.some((n) => hasContent(n, model.text, { codeCounts, extraPlaceholders })),
      );
      if (filled) continue;
      reported.add(section);
      const names = section.kinds.map((k) => SECTION_KIND_INFO[k].title).join(' / ');
      const guidance = SECTION_KIND_INFO[section.kinds[0]].guidance;
      if (holdsTemplateText(section, model.text)) {
        // A fresh template: a checklist of parts still to write, not a wall of warnings.
        report({
          message: `Still to write: "${section.heading}" holds only the template's text. ${guidance}`,
          start: section.start,
          end: section.headingEnd,
          data: { section: section.kinds[0], sections: section.kinds, template: true },
          severity: 'info',
        });
        continue;
      }
      report({
        message: `Section "${section.heading}" is empty (${names}): it has ${codeCounts ? 'only placeholders or comments' : 'no prose, only placeholders, comments or code'}. ${guidance}`,
        start: section.start,
        end: section.headingEnd,
        data: { section: section.kinds[0], sections: section.kinds },
      });
    }
  },
};

/** Whether some paragraph, list item or table row of the section (or its parts) is the template's own text. */
function holdsTemplateText(section: Section, text: string): boolean {
  return subtree(section).some((s) => {
    const body = text.slice(s.headingEnd, s.contentEnd);
    return body
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\|)/, '').split('|', 1)[0])
      .some((line) => isTemplateText(withoutFieldNote(line)));
  });
}

function subtree(section: Section): Section[] {
  return [section, ...section.children.flatMap(subtree)];
}

function hasReportedAncestor(section: Section, reported: Set<Section>): boolean {
  for (let p = section.parent; p; p = p.parent) if (reported.has(p)) return true;
  return false;
}
