// Throughput over the real corpus repeated to at least 900 files: the remark parse alone, the full analysis,
// and markdownlint's default rules on the same texts, with the ratios between them (issue 2).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyze, defaultConfig } from '../../server/src/core';
import { parseMarkdown } from '../../server/src/core/parse';
import { RULES } from '../../server/src/rules';
import { exposeGc, medianOf, printTable } from './_stats';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'corpus', 'real');
const MIN_FILES = 900;
/** Warm-up passes run over the original files only: enough for the JIT, without tripling the run time. */
const WARMUP_PASSES = 3;
const TIMED_ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;

interface Phase {
  name: string;
  /** What the phase does, for the legend. */
  what: string;
  /** Processes one file and returns a count (nodes, findings, violations), so the work cannot be skipped. */
  perFile: (text: string, index: number) => number;
}

interface Measured {
  phase: Phase;
  passesMs: number[];
  count: number;
  /** The highest figures seen right after a pass of this phase. */
  memory: { rss: number; heapUsed: number };
}

export async function run(): Promise<void> {
  const { texts, originalCount } = loadCorpus();
  const config = defaultConfig(RULES);
  const names = texts.map((_, i) => `file-${i}.md`);
  const phases: Phase[] = [
    {
      name: 'parse',
      what: 'parseMarkdown: unified + remark-parse + remark-frontmatter + remark-gfm, to mdast',
      perFile: (text) => parseMarkdown(text).children.length,
    },
    {
      name: 'analysis',
      what: `analyze(text, defaultConfig(RULES)): parse + model + ${RULES.length} rules + suppressions`,
      perFile: (text) => analyze(text, config, RULES).findings.length,
    },
    {
      name: 'markdownlint',
      what: `markdownlint ${markdownlintVersion()} lint() (sync), default config: its own micromark parse + its default rules`,
      perFile: (text, i) => markdownlint({ strings: { [names[i]]: text } })[names[i]].length,
    },
  ];

  const gc = exposeGc();
  const results = measure(phases, texts, originalCount, gc);
  printResults(results, texts.length);
}

function markdownlintVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'markdownlint', 'package.json'), 'utf8')).version;
}

/** The corpus, repeated until there are at least MIN_FILES texts. Each copy gets its own trailing comment so
 * that no layer can reuse work by content. */
function loadCorpus(): { texts: string[]; originalCount: number } {
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new Error(`no Markdown files in ${CORPUS}`);
  const originals = files.map((f) => readFileSync(join(CORPUS, f), 'utf8'));
  const copies = Math.ceil(MIN_FILES / originals.length);
  const texts: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const text of originals) texts.push(`${text}\n<!-- bench copy ${copy} -->\n`);
  }
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const lines = texts.reduce((sum, t) => sum + t.split('\n').length, 0);
  console.log(
    `corpus: ${originals.length} files from test/corpus/real, repeated ×${copies} = ${texts.length} files, ` +
      `${(bytes / 2 ** 20).toFixed(2)} MiB, ${lines.toLocaleString('en-US')} lines`,
  );
  console.log(
    `method: ${WARMUP_PASSES} warm-up passes over the ${originals.length} originals, then ${TIMED_ROUNDS} rounds; ` +
      'each round times one pass of every phase over all files, GC forced before each pass',
  );
  return { texts, originalCount: originals.length };
}

/** Rounds interleave the phases, so a slow spell of the machine weighs on all of them alike and the ratios hold. */
function measure(phases: Phase[], texts: string[], originalCount: number, gc: () => void): Measured[] {
  const pass = (phase: Phase, files: string[]) => {
    let count = 0;
    for (let i = 0; i < files.length; i++) count += phase.perFile(files[i], i);
    return count;
  };
  const originals = texts.slice(0, originalCount);
  for (const phase of phases) for (let i = 0; i < WARMUP_PASSES; i++) pass(phase, originals);
  const results: Measured[] = phases.map((phase) => ({
    phase,
    passesMs: [],
    count: 0,
    memory: { rss: 0, heapUsed: 0 },
  }));
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    for (const result of results) {
      gc();
      const start = performance.now();
      result.count = pass(result.phase, texts);
      result.passesMs.push(performance.now() - start);
      const { rss, heapUsed } = process.memoryUsage();
      result.memory = { rss: Math.max(rss, result.memory.rss), heapUsed: Math.max(heapUsed, result.memory.heapUsed) };
    }
  }
  return results;
}

function printResults(results: Measured[], files: number): void {
  console.log();
  const rows = results.map(({ phase, passesMs, count }) => {
    const median = medianOf(passesMs);
    return [
      phase.name,
      `${median.toFixed(0)} ms`,
      `${Math.min(...passesMs).toFixed(0)} ms`,
      `${((median * 1000) / files).toFixed(0)} µs`,
      `${Math.round(files / (median / 1000)).toLocaleString('en-US')}`,
      count.toLocaleString('en-US'),
    ];
  });
  printTable(['phase', 'median', 'min', 'per file', 'files/s', 'output'], rows);

  console.log();
  const median = (name: string) => medianOf(results.find((r) => r.phase.name === name)?.passesMs ?? [Number.NaN]);
  const ratio = (a: string, b: string) => [`${a} / ${b}`, `${(median(a) / median(b)).toFixed(2)}×`];
  printTable(['ratio (of medians)', 'value'], [ratio('analysis', 'parse'), ratio('analysis', 'markdownlint')]);

  console.log();
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  printTable(
    ['memory after a pass (max)', 'rss', 'heap used'],
    results.map(({ phase, memory }) => [phase.name, mib(memory.rss), mib(memory.heapUsed)]),
  );
  console.log(`  peak rss of this process (all phases): ${mib(process.resourceUsage().maxRSS * 1024)}`);

  console.log();
  for (const { phase } of results) console.log(`  ${phase.name.padEnd(12)} ${phase.what}`);
  console.log('  output       top-level mdast nodes (parse), findings (analysis), violations (markdownlint), per pass');
  console.log('  Both sides tokenise with micromark; remark then builds mdast, markdownlint its own token tree.');
}
