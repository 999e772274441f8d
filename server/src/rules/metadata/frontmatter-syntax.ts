import type { Rule } from '../../core/rule';

/** Frontmatter that a YAML or TOML parser rejects loses every key in it, so say where it breaks. */
export const frontmatterSyntax: Rule = {
  id: 'metadata/frontmatter-syntax',
  description: 'The YAML or TOML frontmatter parses: an unreadable block loses every key in it.',
  defaultSeverity: 'error',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    const { frontmatter, unclosedFrontmatter } = model;
    if (frontmatter?.error) {
      const kind = frontmatter.format === 'yaml' ? 'YAML' : 'TOML';
      report({
        message: `Unexpected ${kind} syntax in the frontmatter: ${frontmatter.error.message}. Its keys are ignored until it parses.`,
        start: frontmatter.error.start,
        end: frontmatter.error.end,
        data: { format: frontmatter.format },
      });
    }
    if (unclosedFrontmatter) {
      const fence = model.text.slice(unclosedFrontmatter.start, unclosedFrontmatter.end);
      report({
        message: `Unclosed frontmatter: no closing "${fence}" line. The block opened by "${fence}" on line 1 is read as Markdown.`,
        ...unclosedFrontmatter,
        data: { format: fence === '---' ? 'yaml' : 'toml' },
      });
    }
  },
};
