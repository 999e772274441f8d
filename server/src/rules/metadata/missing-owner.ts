import { findOwner } from '../../core/metadata/people';
import type { Rule } from '../../core/rule';
import { titleRange } from '../structure/required-section';

/** A postmortem without an owner is never finished: nobody drives its review or its actions. */
export const missingOwner: Rule = {
  id: 'metadata/missing-owner',
  description:
    'The postmortem names its owner or authors: frontmatter `owner` / `authors`, an "Author(s)" heading, or an "Owner: …" line.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  check({ model, report }) {
    if (findOwner(model)) return;
    report({
      message:
        'No owner for this postmortem: name who drives it to review and its actions to completion, e.g. `owner: Platform team` or `authors: [Alice]` in the frontmatter, or an "Owner: …" line under the title.',
      ...titleRange(model),
    });
  },
};
