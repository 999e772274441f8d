// Development probe (not shipped): tokens, tags, names and blame findings of sentences given on stdin, one a line.
import { readFileSync } from 'node:fs';
import { detectNamed } from '../server/src/core/blame/detect-named';
import { nameAt } from '../server/src/core/blame/entities';
import { winkTagger } from '../server/src/core/blame/nlp';
import { repairTags } from '../server/src/core/blame/tag-repair';
import { tagTokens } from '../server/src/core/blame/tokens';
import { analyzeText } from '../test/helpers/analyze';
import { documentFor } from './bench/_blame-score';

const ctx = { people: new Map(), systems: new Set<string>(), allowedNames: new Set<string>() };
for (const s of readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  const tokens = tagTokens(s, winkTagger);
  repairTags(tokens);
  console.log(`\n» ${s}`);
  console.log(
    `  ${tokens.map((t) => `${t.text}/${t.pos}${t.lemma && t.lemma !== t.lower ? `:${t.lemma}` : ''}`).join(' ')}`,
  );
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = nameAt(tokens, i, ctx as never);
    if (n) {
      names.push(
        tokens
          .slice(n.start, n.end)
          .map((t) => t.text)
          .join(' '),
      );
      i = n.end - 1;
    }
  }
  console.log(`  names: ${names.join(' | ') || '-'}`);
  const direct = detectNamed({ text: s, lower: s.toLowerCase(), tokens, lemmaFree: false, ctx } as never, []);
  console.log(`  direct named: ${direct.map((c) => `${c.phrase}:${c.reason}`).join(', ') || '-'}`);
  const f = analyzeText(documentFor(s)).findings.filter((x) => x.ruleId.startsWith('blame'));
  console.log(`  findings: ${f.map((x) => `${x.ruleId} «${x.message.slice(0, 60)}»`).join(' ; ') || 'NONE'}`);
}
