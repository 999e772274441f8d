// Scores the blame rules on a labelled TSV (label<TAB>sentence[<TAB>note]), each sentence its own paragraph in a
// small postmortem, as `npm run bench` does. A development tool, not a test:
//   node --import tsx scripts/blame-eval.ts FILE.tsv [--half tune|held|all] [--cli] [--errors]
// --half: dev2.tsv is split by a fixed rule, fixed before any tuning: data rows numbered from 0, even rows are
// the tuning half, odd rows the held-out half (scored once, at the end). --cli lints through dist/cli.js (as a
// user would); the default runs the same core in process. --errors lists the misclassified rows of the half.
import { readFileSync } from 'node:fs';
import { analyzeText } from '../test/helpers/analyze';
import {
  documentFor,
  labelOfRuleIds,
  lintSentencesWithCli,
  SCORED_LABELS,
  type ScoredLabel,
  scoreLines,
} from './bench/_blame-score';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--half');
if (!file) {
  console.error('usage: blame-eval.ts FILE.tsv [--half tune|held|all] [--cli] [--errors]');
  process.exit(2);
}
const half = args.includes('--half') ? args[args.indexOf('--half') + 1] : 'all';
const rows = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line, i) => {
    const [label, sentence] = line.split('\t');
    return { i, label: label as ScoredLabel, sentence };
  })
  .filter((r) => half === 'all' || (half === 'tune' ? r.i % 2 === 0 : r.i % 2 === 1));
for (const r of rows) if (!SCORED_LABELS.includes(r.label)) throw new Error(`row ${r.i}: unknown label ${r.label}`);

const predicted = args.includes('--cli')
  ? lintSentencesWithCli(rows.map((r) => r.sentence))
  : rows.map((r) => labelOfRuleIds(analyzeText(documentFor(r.sentence)).findings.map((f) => f.ruleId)));
console.log(`${file} (${half}, ${rows.length} sentences, ${args.includes('--cli') ? 'CLI' : 'in process'}):`);
for (const line of scoreLines(
  rows.map((r) => r.label),
  predicted,
))
  console.log(line);
if (args.includes('--errors')) {
  for (const [k, r] of rows.entries())
    if (predicted[k] !== r.label) console.log(`  ${r.label} → ${predicted[k]}: ${r.sentence}`);
}
