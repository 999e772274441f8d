// `npm run fuzz`: the long fuzz campaign (issue 12). FUZZ_COUNT documents (default 10,000) from FUZZ_SEED through
// the analysis core, each checked as in test/static/fuzz.test.ts (no exception, within the time budget, ranges in
// the text, fixes that only add text and settle), with the figures printed. Exits 1 on any problem.
import { defaultConfig } from '../server/src/core';
import { RULES } from '../server/src/rules';
import { checkDocument } from '../test/fuzz/check';
import { fuzzDocuments } from '../test/fuzz/generate';

const count = Number(process.env.FUZZ_COUNT) || 10_000;
const seed = Number(process.env.FUZZ_SEED) || 20261206;
const config = defaultConfig(RULES);
checkDocument('# Postmortem: warm-up\n', config);

const times: number[] = [];
const problems: string[] = [];
let findings = 0;
let fixed = 0;
let bytes = 0;
const started = performance.now();
for (const { index, text } of fuzzDocuments(seed, count)) {
  const checked = checkDocument(text, config);
  times.push(checked.ms);
  findings += checked.findings;
  bytes += text.length;
  if (checked.fixPasses > 0) fixed++;
  for (const p of checked.problems) problems.push(`#${index}: ${p}`);
  if ((index + 1) % 1000 === 0) console.log(`  ${index + 1} documents…`);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(
  `fuzz: seed ${seed}, ${count} documents (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  `  analysis time: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (budget ${config.timeBudgetMs} ms)`,
);
console.log(`  ${findings} findings; ${fixed} documents changed by --fix, each settled and checked for a second run`);
console.log(`  problems: ${problems.length}`);
for (const p of problems.slice(0, 20)) console.log(`    ${p.slice(0, 300)}`);
process.exitCode = problems.length > 0 ? 1 : 0;
