import { glossarySections, unexplainedAcronyms } from '../../core/acronyms';
import { appendToSectionEdit, insertNamedSectionEdit } from '../../core/insert-section';
import type { Rule } from '../../core/rule';
import { titleRange } from './required-section';

/** How many unexplained acronyms a postmortem may use before the rule speaks. */
export const DEFAULT_MAX = 3;
/** How many acronyms the message names. */
const NAMED = 4;

/** The glossary entry the quick fix writes for an acronym: a placeholder to fill in. */
export function glossaryEntry(acronym: string): string {
  return `- **${acronym}**: <!-- what ${acronym} stands for, and what it is -->`;
}

/** A postmortem is read by people outside the team: internal acronyms need spelling out (SRE workbook). */
export const unexplainedAcronymsRule: Rule = {
  id: 'structure/unexplained-acronyms',
  description:
    'A postmortem that uses more than a few acronyms, neither defined in it nor widely known, explains them (where first used or in a glossary).',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: true,
  options: {
    max: {
      type: 'integer',
      minimum: 0,
      description: 'How many unexplained acronyms a postmortem may use before it is reported.',
      default: DEFAULT_MAX,
    },
    known: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        "Acronyms your readers know, added to the widely known ones (your team's or company's own, case-insensitive).",
    },
  },
  check({ model, options, report }) {
    const max = (options.max as number | undefined) ?? DEFAULT_MAX;
    const found = unexplainedAcronyms(model, (options.known as string[] | undefined) ?? []);
    if (found.length <= max) return;
    const names = found.map((u) => u.acronym);
    const named = names.slice(0, NAMED).join(', ') + (names.length > NAMED ? ` and ${names.length - NAMED} more` : '');
    // Entries already in a glossary (still to write) are not added again.
    const [glossary] = glossarySections(model, true);
    const listed = glossary ? model.text.slice(glossary.headingEnd, glossary.end) : '';
    const missing = names.filter((a) => !listed.includes(`**${a}**`) && !listed.includes(`**${a}s**`));
    const body = missing.map(glossaryEntry).join(model.eol);
    const edits =
      missing.length === 0
        ? []
        : glossary
          ? appendToSectionEdit(model, glossary, body)
          : insertNamedSectionEdit(model, 'supporting-information', 'Glossary', body);
    report({
      message: `${names.length} acronyms are neither defined here nor widely known (${named}): readers outside the team will have to guess. Spell each out where it is first used ("mean time to recovery (MTTR)") or add a glossary.`,
      ...titleRange(model),
      data: { acronyms: names, count: names.length },
      fixes:
        edits.length === 0
          ? []
          : [
              {
                title: glossary
                  ? `Add ${missing.length} ${missing.length === 1 ? 'entry' : 'entries'} to "${glossary.heading}"`
                  : `Insert a "Glossary" section listing ${missing.length === 1 ? missing[0] : `the ${missing.length} acronyms`}`,
                edits,
                safe: false,
              },
            ],
    });
  },
};
