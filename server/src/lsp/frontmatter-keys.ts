import { FRONTMATTER_SCHEMA } from '../core';

/**
 * The frontmatter keys and values that completion and hover offer, read from the core's frontmatter schema
 * (core/metadata/schema.ts, which the metadata rules validate against), so the editor offers exactly what the
 * linter accepts. The templates' severity and status choices (snippets/postmortem.code-snippets) are among these
 * values: test/unit/snippets.test.ts checks.
 */
export interface FrontmatterKey {
  key: string;
  /** Markdown. */
  description: string;
  /** The values to offer, when the key takes one of a few (an enum, or the schema's examples). */
  values?: string[];
  /** Whether the value may be a list (completion then starts one). */
  list: boolean;
}

interface PropertySchema {
  description?: string;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  examples?: readonly unknown[];
  anyOf?: readonly PropertySchema[];
}

/** Values the schema leaves open but one is worth offering: `type: postmortem` is what marks a postmortem. */
const SUGGESTED: Record<string, string[]> = { type: ['postmortem'] };

const isArray = (p: PropertySchema) => p.type === 'array' || (Array.isArray(p.type) && p.type.includes('array'));

export const FRONTMATTER_COMPLETIONS: readonly FrontmatterKey[] = Object.entries(
  FRONTMATTER_SCHEMA.properties as Record<string, PropertySchema>,
).map(([key, schema]) => {
  const offered = (schema.enum ?? schema.examples ?? SUGGESTED[key] ?? []).filter(
    (v): v is string => typeof v === 'string',
  );
  return {
    key,
    description: schema.description ?? '',
    values: offered.length > 0 ? offered : undefined,
    list: isArray(schema) || (schema.anyOf ?? []).some(isArray),
  };
});

export function frontmatterKey(key: string): FrontmatterKey | undefined {
  return FRONTMATTER_COMPLETIONS.find((k) => k.key === key.toLowerCase());
}
