import { insertSectionsEdit } from '../../core/insert-section';
import { SECTION_KIND_INFO } from '../../core/kinds';
import { sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { findStatedParts } from '../../core/structure/stated';
import type { Fix } from '../../core/types';

/**
 * A required part that is stated inside another section (the impact in the summary, the cause in a sentence,
 * the mitigation in the timeline) is present, so structure/required-section stays silent; this rule only
 * suggests giving it a heading of its own, so readers and tools find it.
 */
export const statedElsewhere: Rule = {
  id: 'structure/stated-elsewhere',
  description:
    'A required part stated only inside another section (the impact in the summary, the mitigation in the timeline) gets a heading of its own.',
  defaultSeverity: 'info',
  scope: 'range',
  fixable: true,
  check({ model, config, report }) {
    const stated = findStatedParts(model);
    for (const kind of config.required) {
      const part = stated.get(kind);
      if (!part || sectionsOfKind(model, kind).length > 0) continue;
      const title = SECTION_KIND_INFO[kind].title;
      const fixes: Fix[] = part.headingEdit
        ? [{ title: `Add a "${title}" heading above this sentence`, edits: [part.headingEdit], safe: false }]
        : [{ title: `Insert section "${title}"`, edits: insertSectionsEdit(model, [kind]), safe: false }];
      report({
        message: `The ${title.toLowerCase()} is stated in ${part.where} but has no heading of its own (${part.why}); a "${title}" heading lets readers and tools find it.`,
        start: part.start,
        end: part.end,
        data: { section: kind, where: part.section?.heading ?? (part.where === 'the timeline' ? 'timeline' : 'lead') },
        fixes,
      });
    }
  },
};
