import { FRONTMATTER_KEYS } from '../../core/metadata/schema';
import { frontmatterKeys, suggestKey } from '../../core/metadata/validate';
import type { Rule } from '../../core/rule';

/** A misspelt key ("severty", "Detected") is read by nobody; site generators' own keys are left alone. */
export const unknownKey: Rule = {
  id: 'metadata/unknown-key',
  description:
    'Frontmatter keys are spelt as the schema expects: a key close to a known one ("severty", "detected_at") is probably a typo.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: {
    strict: {
      type: 'boolean',
      description: 'Report every key the schema does not know (not only likely typos), except those in `allow`.',
    },
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'More keys that are allowed (with `strict`).',
    },
  },
  check({ model, options, report }) {
    const strict = options.strict === true;
    const allow = new Set((options.allow as string[] | undefined) ?? []);
    for (const { key, keyRange } of frontmatterKeys(model)) {
      if (FRONTMATTER_KEYS.includes(key) || allow.has(key)) continue;
      const suggestion = suggestKey(key);
      if (suggestion) {
        report({
          message: `Unknown frontmatter key "${key}": did you mean "${suggestion}"?`,
          ...keyRange,
          data: { key, suggestion },
          fixes: [
            { title: `Rename "${key}" to "${suggestion}"`, edits: [{ ...keyRange, text: suggestion }], safe: false },
          ],
        });
      } else if (strict) {
        report({
          message: `Unknown frontmatter key "${key}": the postmortem schema does not know it (known: ${FRONTMATTER_KEYS.join(', ')}).`,
          ...keyRange,
          data: { key },
        });
      }
    }
  },
};
