import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultConfig } from './server/src/core';
import { parseMarkdown } from './server/src/core/parse';
import { RULES } from './server/src/rules';

const REAL = join(__dirname, 'test', 'corpus', 'real');
const originals = readdirSync(REAL)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(REAL, f), 'utf8'));
const texts: string[] = [];
for (let copy = 0; texts.length < 900; copy++) for (const t of originals) texts.push(`${t}\n<!-- copy ${copy} -->\n`);
const config = defaultConfig(RULES);
const withoutBlame = defaultConfig(RULES.filter((r) => !r.id.startsWith('blame/')));
const structureOnly = RULES.filter((r) => !r.id.startsWith('blame/'));
const phases: [string, (t: string) => number][] = [
  ['parse', (t) => parseMarkdown(t).children.length],
  ['no blame', (t) => analyze(t, withoutBlame, structureOnly).findings.length],
  ['all', (t) => analyze(t, config, RULES).findings.length],
];
const t0 = performance.now();
for (const t of originals.slice(0, 1)) phases[2][1](t);
const first = performance.now() - t0;
for (const [, fn] of phases) for (const t of originals) fn(t);
const best = phases.map(() => Infinity);
for (let round = 0; round < 5; round++)
  phases.forEach(([, fn], i) => {
    const s = performance.now();
    for (const t of texts) fn(t);
    best[i] = Math.min(best[i], performance.now() - s);
  });
console.log(
  `first doc ${first.toFixed(0)}ms; parse ${best[0].toFixed(0)} noblame ${best[1].toFixed(0)} all ${best[2].toFixed(0)} ms; ratio ${(best[2] / best[0]).toFixed(2)}x; blame adds ${(((best[2] - best[1]) / best[0]) * 100).toFixed(0)}% of parse`,
);
