import { validateFrontmatter } from '../../core/metadata/validate';
import type { Rule } from '../../core/rule';

/** A frontmatter value of the wrong type or form is silently ignored by every tool that reads it. */
export const invalidValue: Rule = {
  id: 'metadata/invalid-value',
  description:
    'Frontmatter values have the expected type and form: a date as YYYY-MM-DD, a known severity and status, participants with a name, milestone times that can be read.',
  defaultSeverity: 'error',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    for (const issue of validateFrontmatter(model)) {
      report({
        message: `Unexpected value in the frontmatter: ${issue.message}.`,
        start: issue.range.start,
        end: issue.range.end,
        data: { key: issue.key, path: issue.path, keyword: issue.keyword },
      });
    }
  },
};
