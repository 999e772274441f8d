// Scoring shared by the blame bench and scripts/blame-eval.ts: a sentence becomes its own paragraph in a small
// postmortem; its predicted label is the first blame rule that fired in the labelling guide's order
// (named person > human error > judgment > counterfactual), or OK.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SCORED_LABELS = ['BLAME_PERSON', 'HUMAN_ERROR', 'JUDGMENT', 'COUNTERFACTUAL', 'OK'] as const;
export type ScoredLabel = (typeof SCORED_LABELS)[number];
const ORDER: [string, ScoredLabel][] = [
  ['blame/named-individual', 'BLAME_PERSON'],
  ['blame/human-error', 'HUMAN_ERROR'],
  ['blame/judgment', 'JUDGMENT'],
  ['blame/counterfactual', 'COUNTERFACTUAL'],
];

/** A small postmortem with the sentence as its own paragraph. */
export function documentFor(sentence: string): string {
  return `# Postmortem: checkout outage\n\n## Summary\n\nCheckout was unavailable for some users.\n\n## Details\n\n${sentence}\n`;
}

export function labelOfRuleIds(ruleIds: Iterable<string>): ScoredLabel {
  const fired = new Set(ruleIds);
  return ORDER.find(([id]) => fired.has(id))?.[1] ?? 'OK';
}

/** Lints each sentence's document with the built CLI (`dist/cli.js lint --format json`), as a user would. */
export function lintSentencesWithCli(sentences: string[]): ScoredLabel[] {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli))
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-blame-'));
  try {
    for (const [i, s] of sentences.entries())
      writeFileSync(join(dir, `postmortem-${String(i).padStart(3, '0')}.md`), documentFor(s));
    const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!run.stdout) throw new Error(`CLI failed: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const byIndex = new Map(
      results.map((r) => [Number(/(\d+)\.md$/.exec(r.filePath)?.[1]), r.messages.map((m) => m.ruleId)]),
    );
    return sentences.map((_, i) => labelOfRuleIds(byIndex.get(i) ?? []));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Scores {
  perLabel: Record<ScoredLabel, { p: number; r: number; f: number; gold: number; predicted: number }>;
  /** Any blame label against OK, whatever the label: the precision/recall. */
  blameful: { p: number; r: number; f: number; tp: number; fp: number; fn: number };
  /** Blame sentences given exactly their label, out of the blame sentences. */
  exactRecall: number;
  accuracy: number;
  macroF1: number;
}

export function score(gold: ScoredLabel[], predicted: ScoredLabel[]): Scores {
  const perLabel = {} as Scores['perLabel'];
  let macro = 0;
  for (const label of SCORED_LABELS) {
    const tp = gold.filter((g, i) => g === label && predicted[i] === label).length;
    const fp = gold.filter((g, i) => g !== label && predicted[i] === label).length;
    const fn = gold.filter((g, i) => g === label && predicted[i] !== label).length;
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    const f = (2 * p * r) / (p + r);
    macro += Number.isNaN(f) ? 0 : f;
    perLabel[label] = { p, r, f, gold: tp + fn, predicted: tp + fp };
  }
  const tp = gold.filter((g, i) => g !== 'OK' && predicted[i] !== 'OK').length;
  const fp = gold.filter((g, i) => g === 'OK' && predicted[i] !== 'OK').length;
  const fn = gold.filter((g, i) => g !== 'OK' && predicted[i] === 'OK').length;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const blameGold = gold.filter((g) => g !== 'OK').length;
  return {
    perLabel,
    blameful: { p, r, f: (2 * p * r) / (p + r), tp, fp, fn },
    exactRecall: gold.filter((g, i) => g !== 'OK' && predicted[i] === g).length / blameGold,
    accuracy: gold.filter((g, i) => g === predicted[i]).length / gold.length,
    macroF1: macro / SCORED_LABELS.length,
  };
}

/** A share as a percentage padded to five characters, `  n/a` when undefined (no gold or no prediction). */
export const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}`);

export function scoreLines(gold: ScoredLabel[], predicted: ScoredLabel[]): string[] {
  const s = score(gold, predicted);
  const out = SCORED_LABELS.map((label) => {
    const l = s.perLabel[label];
    const flagged = gold.filter((g, i) => g === label && predicted[i] !== 'OK').length;
    return `    ${label.padEnd(15)} P ${pct(l.p)}  R ${pct(l.r)}  F1 ${pct(l.f)}   (${l.gold} gold, ${l.predicted} predicted; ${label === 'OK' ? 'flagged' : 'flagged at all'} ${flagged}/${l.gold})`;
  });
  out.push(
    `    ${'blameful vs OK'.padEnd(15)} P ${pct(s.blameful.p)}  R ${pct(s.blameful.r)}  F1 ${pct(s.blameful.f)}   (exact label on ${pct(s.exactRecall)}% of blame sentences)`,
  );
  out.push(`    overall: accuracy ${pct(s.accuracy)}%, macro-F1 ${pct(s.macroF1)} over ${gold.length} sentences`);
  return out;
}
