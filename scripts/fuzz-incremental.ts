// The incremental parser's long campaign (issue 11): FUZZ_EDITS seeded edits (default 200) of every real postmortem
// from FUZZ_SEED, each tree compared with a fresh parse, and every FUZZ_ANALYSE_EVERY-th (default 10) the findings
// compared with a fresh analysis. test/static/incremental.test.ts runs a short version. Exits 1 on any difference.
//   node --import tsx scripts/fuzz-incremental.ts

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyze, defaultConfig } from '../server/src/core';
import { applyChange, IncrementalAnalyzer, IncrementalParser } from '../server/src/core/incremental';
import { parseMarkdown } from '../server/src/core/parse';
import { RULES } from '../server/src/rules';
import { randomEdit } from '../test/fuzz/edits';
import { random } from '../test/fuzz/generate';

const edits = Number(process.env.FUZZ_EDITS) || 200;
const seed = Number(process.env.FUZZ_SEED) || 20261207;
const analyseEvery = Number(process.env.FUZZ_ANALYSE_EVERY) || 10;
const corpus = join(__dirname, '..', 'test', 'corpus', 'real');
const config = defaultConfig(RULES);
const rng = random(seed);
const modes = new Map<string, number>();
const problems: string[] = [];
const started = performance.now();
for (const file of readdirSync(corpus)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  let text = readFileSync(join(corpus, file), 'utf8');
  const parser = new IncrementalParser();
  const analyzer = new IncrementalAnalyzer(config, RULES);
  parser.parse(text);
  analyzer.update(text);
  for (let i = 0; i < edits; i++) {
    const change = randomEdit(text, rng);
    text = applyChange(text, change);
    const outcome = parser.parse(text, change);
    modes.set(outcome.mode, (modes.get(outcome.mode) ?? 0) + 1);
    if (!isDeepStrictEqual(outcome.tree, parseMarkdown(text))) {
      problems.push(`${file}, edit ${i}: tree differs (${outcome.mode}) after ${JSON.stringify(change)}`);
      parser.reset();
      parser.parse(text);
    }
    const result = analyzer.update(text, change);
    if (i % analyseEvery === 0 && !isDeepStrictEqual(result.findings, analyze(text, config, RULES).findings)) {
      problems.push(`${file}, edit ${i}: findings differ after ${JSON.stringify(change)}`);
      analyzer.reset();
    }
  }
}
console.log(
  `incremental fuzz: seed ${seed}, ${edits} edits of each real postmortem in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`  parses: ${[...modes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  problems: ${problems.length}`);
for (const p of problems.slice(0, 20)) console.log(`    ${p.slice(0, 300)}`);
process.exitCode = problems.length > 0 ? 1 : 0;
