// Incremental analysis (issue 11): a one-character edit to new findings, through `IncrementalAnalyzer.update`
// (re-parse of the blocks around the edit, per-block caches) against a full `analyze` of the same text, in the same
// run, on the 10,000-line benchmark document and on a typical corpus postmortem. Goal: p95 ≤ 50 ms on the first,
// ≤ 10 ms on the second. Each edit starts from a collected heap (a person types a character and looks); the
// findings of the incremental analysis are compared with the full one's on every text the full one analyses.

import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyze, defaultConfig } from '../../server/src/core';
import {
  applyChange,
  IncrementalAnalyzer,
  IncrementalParser,
  type TextChange,
  withoutCaches,
} from '../../server/src/core/incremental';
import { RULES } from '../../server/src/rules';
import { random } from '../../test/fuzz/generate';
import { generatePostmortem } from './_generate-postmortem';
import { exposeGc, ms, percentile, printTable } from './_stats';

const TYPICAL = join(__dirname, '..', '..', 'test', 'corpus', 'real', 'pypi--2023-12-04-account-takeover.md');
const EDITS = Number(process.env.BENCH_INCREMENTAL_EDITS) || 40;

interface Figures {
  incremental: number[];
  /** The same edits' CPU time (the process's user + system time): less sensitive than wall time to other load. */
  incrementalCpu: number[];
  parse: number[];
  full: number[];
  modes: Map<string, number>;
  equal: number;
  compared: number;
}

/** One-character edits as typing makes them: a letter inserted or deleted inside a line's text. */
function typingEdits(text: string, count: number, seed: number): TextChange[] {
  const rng = random(seed);
  const edits: TextChange[] = [];
  let current = text;
  while (edits.length < count) {
    const at = Math.floor(rng() * current.length);
    const lineStart = current.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = current.indexOf('\n', at);
    // Past the line's first characters (its marker), before its end: inside the text of a line that has some.
    if (at - lineStart < 3 || lineEnd === -1 || at >= lineEnd) continue;
    const change: TextChange =
      rng() < 0.75 ? { offset: at, deleted: 0, inserted: 'e' } : { offset: at, deleted: 1, inserted: '' };
    edits.push(change);
    current = applyChange(current, change);
  }
  return edits;
}

function measure(text: string, edits: TextChange[], fullEvery: number): Figures {
  const gc = exposeGc();
  const config = defaultConfig(RULES);
  const analyzer = new IncrementalAnalyzer(config, RULES);
  const parser = new IncrementalParser();
  analyzer.update(text);
  parser.parse(text);
  const figures: Figures = {
    incremental: [],
    incrementalCpu: [],
    parse: [],
    full: [],
    modes: new Map(),
    equal: 0,
    compared: 0,
  };
  let current = text;
  edits.forEach((change, i) => {
    current = applyChange(current, change);
    // A flat string, as a host receives it from JSON (a concatenation would be flattened in the timed part).
    current = JSON.parse(JSON.stringify(current)) as string;
    gc();
    let started = performance.now();
    parser.parse(current, change);
    figures.parse.push(performance.now() - started);
    gc();
    const cpu = process.cpuUsage();
    started = performance.now();
    const result = analyzer.update(current, change);
    figures.incremental.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    figures.incrementalCpu.push((used.user + used.system) / 1000);
    const mode = result.parse?.mode ?? 'none';
    figures.modes.set(mode, (figures.modes.get(mode) ?? 0) + 1);
    if (i % fullEvery === 0) {
      gc();
      started = performance.now();
      // The peer: a fresh analysis with none of the incremental analysis's caches (what an edit cost before them).
      const full = withoutCaches(() => analyze(current, config, RULES));
      figures.full.push(performance.now() - started);
      figures.compared++;
      if (isDeepStrictEqual(full.findings, result.findings)) figures.equal++;
    }
  });
  return figures;
}

function row(label: string, values: number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [label, String(values.length), ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.95))];
}

export async function run(): Promise<void> {
  const big = generatePostmortem(10_000);
  const typical = readFileSync(TYPICAL, 'utf8');
  const cases = [
    { name: `10,000-line document (${big.composition})`, text: big.text, fullEvery: 8 },
    { name: `typical: ${TYPICAL.split('/').pop()} (${typical.split('\n').length} lines)`, text: typical, fullEvery: 1 },
  ];
  for (const c of cases) {
    const figures = measure(c.text, typingEdits(c.text, EDITS, 11), c.fullEvery);
    console.log(`\n${c.name}: ${EDITS} one-character edits`);
    printTable(
      ['edit → findings', 'runs', 'p50', 'p95'],
      [
        row('incremental (IncrementalAnalyzer.update)', figures.incremental),
        row('  its CPU time', figures.incrementalCpu),
        row('  the incremental parse alone', figures.parse),
        row('full analysis (analyze, caches bypassed)', figures.full),
      ],
    );
    const modes = [...figures.modes].map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  load average at the end: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
    console.log(`  parses: ${modes}; findings equal to the full analysis: ${figures.equal} of ${figures.compared}`);
  }
}
