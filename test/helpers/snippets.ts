// Snippet bodies of snippets/postmortem.code-snippets expanded as VS Code expands them, for the tests of the
// snippets and of linting a postmortem made from a template.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

export const SNIPPETS_FILE = join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets');

export function readSnippets(): Record<string, Snippet> {
  return JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
}

/** The snippet variables at 2024-03-01 09:05 UTC. */
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '01',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '05',
  CURRENT_TIMEZONE_OFFSET: '+00:00',
};

/**
 * Expands a snippet body the way VS Code does: each tab stop takes what the author typed there (`typed`, by tab
 * stop number), else its default (a placeholder's text, a choice's first option); mirrors ($1) follow.
 */
export function expand(body: string[] | string, typed: Record<number, string> = {}): string {
  // Escaped characters (\$, \}, \\) are set aside first, so that "\$5" stays text and not a tab stop.
  const escaped: string[] = [];
  const source = typeof body === 'string' ? body : body.join('\n');
  const text = source.replace(/\\([$}\\])/g, (_, c) => `\uE000${escaped.push(c) - 1}\uE000`);
  const values = new Map<string, string>(Object.entries(typed));
  // First pass: the defaults of placeholders and choices, so that mirrors ($1) can take them.
  for (const m of text.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) if (!values.has(m[1])) values.set(m[1], m[2]);
  for (const m of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) if (!values.has(m[1])) values.set(m[1], m[2].split(',')[0]);
  return text
    .replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_, n) => values.get(n) ?? '')
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n) => values.get(n) ?? '')
    .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, (_, a, b) => {
      const name = a ?? b;
      assert.ok(name in VARIABLES, `unknown snippet variable ${name}`);
      return VARIABLES[name];
    })
    .replace(/\$\{?(\d+)\}?/g, (_, n) => values.get(n) ?? '')
    .replace(/\uE000(\d+)\uE000/g, (_, i) => escaped[Number(i)]);
}
