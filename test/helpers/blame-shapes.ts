// What the blame shape tests share: a sentence alone in a postmortem, the blame rules it gets, and tagged tokens.
import assert from 'node:assert/strict';
import { winkTagger } from '../../server/src/core/blame/nlp';
import { repairTags } from '../../server/src/core/blame/tag-repair';
import { tagTokens } from '../../server/src/core/blame/tokens';
import { analyzeText } from './analyze';

const doc = (body: string) => `# Postmortem: test\n\n## Details\n\n${body}\n`;

/** The blame rules a sentence gets, alone in a postmortem's Details section. */
export const rulesOf = (body: string) =>
  analyzeText(doc(body))
    .findings.filter((f) => f.ruleId.startsWith('blame/'))
    .map((f) => f.ruleId);

export const NAMED = ['blame/named-individual'];
export const NONE: string[] = [];

/** Each sentence, alone in a postmortem, gets exactly the `expected` blame rules (the sentence names a failure). */
export function expectEach(expected: string[], bodies: string[]): void {
  for (const body of bodies) assert.deepEqual(rulesOf(body), expected, body);
}

/** The text's tokens, tagged and repaired as the analysis does. */
export function tagged(text: string) {
  const tokens = tagTokens(text, winkTagger);
  repairTags(tokens);
  return tokens;
}
