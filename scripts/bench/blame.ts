// Blameless-language analysis (issue 3):
//   (a) precision, recall and F1 per label and overall on test/corpus/blame/dev.tsv, each sentence as its own
//       paragraph in a postmortem, linted by the built CLI (dist/cli.js --format json); the label is the first
//       blame rule that fired in the GUIDE's order (named person > human error > judgment > counterfactual).
//       Also for each half: the rules were written looking only at the errors on the even rows; the odd rows were
//       scored once as a held-out half (126 of 130 right at that first look, 96.9%: four missed BLAME_PERSON/
//       JUDGMENT constructions, since fixed in general form), so today's odd-row figure is no longer blind.
//   (b) the NLP library choice: the same analysis with wink-nlp and with compromise as the tagger (accuracy, time).
//   (c) test/corpus/real-blame-notes.md: how many `clear` (and borderline) items are found, how many traps flagged.
//   (d) time of the whole analysis with the blame rules on, against the remark parse alone, on the real corpus
//       repeated to at least 900 files.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import nlp from 'compromise';
import { analyze, createHeadingMatcher, defaultConfig } from '../../server/src/core';
import { analyzeBlame } from '../../server/src/core/blame/analysis';
import { winkTagger } from '../../server/src/core/blame/nlp';
import type { Tagger } from '../../server/src/core/blame/tokens';
import { buildModel } from '../../server/src/core/model';
import { parseMarkdown } from '../../server/src/core/parse';
import { RULES } from '../../server/src/rules';
import { blameSettings } from '../../server/src/rules/blame/family';
import {
  documentFor,
  labelOfRuleIds,
  lintSentencesWithCli,
  pct,
  SCORED_LABELS,
  type ScoredLabel,
  score,
  scoreLines,
} from './_blame-score';
import { readLabelled, scoreSets } from './_blame-sets';

const ROOT = join(__dirname, '..', '..');
const DEV = join(ROOT, 'test', 'corpus', 'blame', 'dev.tsv');
const DEV2 = join(ROOT, 'test', 'corpus', 'blame', 'dev2.tsv');
const REAL = join(ROOT, 'test', 'corpus', 'real');
const NOTES = join(ROOT, 'test', 'corpus', 'real-blame-notes.md');
type Label = ScoredLabel;

interface Row {
  label: Label;
  sentence: string;
}

function loadDev(): Row[] {
  return readFileSync(DEV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [label, sentence] = line.split('\t');
      return { label: label as Label, sentence };
    });
}

/** The per-label figures of (a), computed by the shared scoring (_blame-score.ts), in this report's layout. */
function scores(gold: Label[], predicted: Label[]): string[] {
  const s = score(gold, predicted);
  const out = SCORED_LABELS.map((label) => {
    const l = s.perLabel[label];
    return `    ${label.padEnd(15)} P ${pct(l.p)}  R ${pct(l.r)}  F1 ${pct(l.f)}   (${l.gold} gold, ${l.predicted} predicted)`;
  });
  // "Blameful at all": any blame label against OK, whatever the label.
  out.push(
    `    ${'blameful vs OK'.padEnd(15)} P ${pct(s.blameful.p)}  R ${pct(s.blameful.r)}  F1 ${pct(s.blameful.f)}`,
  );
  out.push(`    overall: accuracy ${pct(s.accuracy)}%, macro-F1 ${pct(s.macroF1)} over ${gold.length} sentences`);
  return out;
}

/** (a) Through the CLI, as a user would run it (each sentence its own paragraph in a postmortem). */
function devThroughCli(rows: Row[]): Label[] {
  return lintSentencesWithCli(rows.map((r) => r.sentence));
}

/** compromise as a tagger, its tags mapped to Universal Dependencies parts of speech (for the comparison only). */
const SCONJ = new Set([
  'because',
  'if',
  'when',
  'although',
  'though',
  'since',
  'while',
  'after',
  'before',
  'unless',
  'until',
  'whether',
  'once',
]);
function udOf(tags: string[], text: string): string {
  const has = (t: string) => tags.includes(t);
  if (has('Pronoun')) return 'PRON';
  if (has('Determiner')) return 'DET';
  if (has('Preposition')) return 'ADP';
  if (has('Conjunction')) return SCONJ.has(text.toLowerCase()) ? 'SCONJ' : 'CCONJ';
  if (has('Modal') || has('Auxiliary') || has('Copula')) return 'AUX';
  if (has('Negative')) return 'PART';
  if (has('Verb')) return 'VERB';
  if (has('Adverb')) return 'ADV';
  if (has('Adjective')) return 'ADJ';
  if (has('ProperNoun') || has('Person') || has('Place') || has('Organization')) return 'PROPN';
  if (has('Value') || has('Cardinal')) return 'NUM';
  if (has('Noun')) return 'NOUN';
  if (has('Expression')) return 'INTJ';
  return 'X';
}
export const compromiseTagger: Tagger = {
  name: 'compromise',
  tag(text) {
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as {
      terms: { text: string; normal: string; tags: string[]; offset: { start: number; length: number } }[];
    }[];
    return json.flatMap((s) =>
      s.terms
        .filter((t) => t.offset.length > 0)
        .map((t) => ({
          start: t.offset.start,
          end: t.offset.start + t.offset.length,
          pos: udOf(t.tags, t.text),
          lemma: t.normal || t.text.toLowerCase(),
        })),
    );
  },
};

/** (b) The same documents analysed in process with each tagger. */
function compareTaggers(rows: Row[]): string[] {
  const matcher = createHeadingMatcher({});
  const config = defaultConfig(RULES);
  const out: string[] = [];
  for (const tagger of [winkTagger, compromiseTagger]) {
    const models = rows.map((r) => buildModel(documentFor(r.sentence), matcher));
    // Warm up (model loading, JIT), then time.
    for (const m of models.slice(0, 20)) analyzeBlame(m, blameSettings(config), tagger);
    const t0 = performance.now();
    const predicted = models.map((m) =>
      labelOfRuleIds(analyzeBlame(m, blameSettings(config), tagger).findings.map((f) => `blame/${f.kind}`)),
    );
    const ms = performance.now() - t0;
    const tagStart = performance.now();
    for (const r of rows) tagger.tag(r.sentence);
    const tagMs = performance.now() - tagStart;
    const accuracy = predicted.filter((p, i) => p === rows[i].label).length / rows.length;
    out.push(
      `    ${tagger.name.padEnd(11)} accuracy ${(accuracy * 100).toFixed(1)}%   blame analysis ${(ms / rows.length).toFixed(3)} ms/sentence   tagging alone ${((tagMs / rows.length) * 1000).toFixed(0)} µs/sentence`,
    );
  }
  return out;
}

interface NoteItem {
  file: string;
  kind: 'clear' | 'borderline' | 'trap';
  quote: string;
}

function loadNotes(): NoteItem[] {
  const items: NoteItem[] = [];
  let file = '';
  let inTraps = false;
  for (const line of readFileSync(NOTES, 'utf8').split('\n')) {
    const heading = /^## (\S+\.md)\s*$/.exec(line);
    if (heading) {
      file = heading[1];
      inTraps = false;
      continue;
    }
    if (/^Traps/.test(line)) inTraps = true;
    const item = /^- \[(clear|borderline)\] \[[ABC]\] "(.*)"\s*$/.exec(line);
    if (item && file) items.push({ file, kind: item[1] as 'clear' | 'borderline', quote: item[2] });
    const trap = /^- "(.*)"\s*$/.exec(line);
    if (trap && file && inTraps) items.push({ file, kind: 'trap', quote: trap[1] });
  }
  return items;
}

/** Finds a quote in a text, comparing with runs of whitespace collapsed; returns its range in the original. */
function locate(text: string, quote: string): { start: number; end: number } | undefined {
  const norm: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += text[i];
    norm.push(i);
  }
  const q = quote.replace(/\s+/g, ' ').trim();
  const at = flat.indexOf(q);
  if (at === -1) return undefined;
  return { start: norm[at], end: norm[at + q.length - 1] + 1 };
}

/** (c) The hand-labelled quotes of the real postmortems. */
function realNotes(): string[] {
  const config = defaultConfig(RULES);
  const items = loadNotes();
  const cache = new Map<string, { text: string; blame: { start: number; end: number; ruleId: string }[] }>();
  const counts = { clear: [0, 0], borderline: [0, 0], trap: [0, 0] } as Record<NoteItem['kind'], [number, number]>;
  const missing: string[] = [];
  const details: string[] = [];
  for (const item of items) {
    let entry = cache.get(item.file);
    if (!entry) {
      const text = readFileSync(join(REAL, item.file), 'utf8');
      entry = { text, blame: analyze(text, config, RULES).findings.filter((f) => f.ruleId.startsWith('blame/')) };
      cache.set(item.file, entry);
    }
    const range = locate(entry.text, item.quote);
    if (!range) {
      missing.push(`${item.file}: "${item.quote.slice(0, 60)}"`);
      continue;
    }
    const hit = entry.blame.find((f) => f.start < range.end && range.start < f.end);
    counts[item.kind][1]++;
    if (hit) counts[item.kind][0]++;
    if ((item.kind === 'trap' && hit) || (item.kind === 'clear' && !hit)) {
      details.push(
        `      ${item.kind === 'trap' ? 'trap flagged' : 'clear missed'}: ${item.file}: "${item.quote.slice(0, 90)}"${hit ? ` (${hit.ruleId})` : ''}`,
      );
    }
  }
  const out = [
    `    clear items found:       ${counts.clear[0]} of ${counts.clear[1]}`,
    `    borderline items found:  ${counts.borderline[0]} of ${counts.borderline[1]} (neither a miss nor a false positive)`,
    `    trap sentences flagged:  ${counts.trap[0]} of ${counts.trap[1]}`,
    ...details,
  ];
  if (missing.length > 0)
    out.push(`    quotes not located in their file: ${missing.length}`, ...missing.map((m) => `      ${m}`));
  return out;
}

/**
 * (e) The peers on the same sentences: alex (insensitive wording, retext) and write-good (the JavaScript origin of
 * Vale's write-good style: weasel words such as "obviously", "simply"). Neither has blame rules; a sentence counts
 * as flagged when the tool says anything about it, which is the most generous reading of them.
 */
async function peers(sets: { name: string; rows: Row[]; ours: Label[] }[]): Promise<string[]> {
  const alex = (await import('alex')) as unknown as { text: (t: string) => { messages: unknown[] } };
  const writeGood = (await import('write-good')).default as unknown as (t: string) => unknown[];
  const pr = (gold: boolean[], flagged: boolean[]) => {
    const tp = gold.filter((g, i) => g && flagged[i]).length;
    const fp = gold.filter((g, i) => !g && flagged[i]).length;
    const fn = gold.filter((g, i) => g && !flagged[i]).length;
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp / (tp + fn);
    return `P ${p.toFixed(3)} R ${r.toFixed(3)} (flagged ${tp + fp}, of them blameful ${tp}; OK flagged ${fp})`;
  };
  const out: string[] = [];
  for (const { name, rows, ours } of sets) {
    const gold = rows.map((r) => r.label !== 'OK');
    out.push(`    ${name} (${rows.length} sentences), blameful vs OK:`);
    out.push(
      `      Postmortem   ${pr(
        gold,
        ours.map((l) => l !== 'OK'),
      )}`,
    );
    out.push(
      `      alex         ${pr(
        gold,
        rows.map((r) => alex.text(r.sentence).messages.length > 0),
      )}`,
    );
    out.push(
      `      write-good   ${pr(
        gold,
        rows.map((r) => writeGood(r.sentence).length > 0),
      )}`,
    );
    out.push('      markdownlint has no rule about wording: R 0 by construction.');
  }
  return out;
}

/** (d) Whole analysis with the blame rules against the parse alone. */
function timing(): string[] {
  const files = readdirSync(REAL)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const originals = files.map((f) => readFileSync(join(REAL, f), 'utf8'));
  const texts: string[] = [];
  // Each copy differs by a trailing comment, so no cache can recognise a text it has seen.
  for (let copy = 0; texts.length < 900; copy++) for (const t of originals) texts.push(`${t}\n<!-- copy ${copy} -->\n`);
  const config = defaultConfig(RULES);
  const withoutBlame = defaultConfig(RULES.filter((r) => !r.id.startsWith('blame/')));
  const structureOnly = RULES.filter((r) => !r.id.startsWith('blame/'));
  const phases: [string, (t: string) => number][] = [
    ['parse only (parseMarkdown)', (t) => parseMarkdown(t).children.length],
    ['analysis without blame rules', (t) => analyze(t, withoutBlame, structureOnly).findings.length],
    ['analysis with blame rules (all rules)', (t) => analyze(t, config, RULES).findings.length],
  ];
  for (const [, fn] of phases) for (const t of originals) fn(t); // warm up
  const best: number[] = phases.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < 5; round++) {
    phases.forEach(([, fn], i) => {
      const t0 = performance.now();
      for (const t of texts) fn(t);
      best[i] = Math.min(best[i], performance.now() - t0);
    });
  }
  const out = phases.map(
    ([name], i) =>
      `    ${name.padEnd(40)} ${best[i].toFixed(0).padStart(6)} ms  (${((best[i] / texts.length) * 1000).toFixed(0)} µs/file)`,
  );
  out.push(
    `    ratio, analysis with blame rules / parse only: ${(best[2] / best[0]).toFixed(2)}x (target ≤ 1.30x); blame rules alone add ${(((best[2] - best[1]) / best[0]) * 100).toFixed(0)}% of the parse time`,
  );
  out.push(`    (${texts.length} files: the ${originals.length} real postmortems repeated; best of 5 rounds)`);
  return out;
}

export async function run(): Promise<void> {
  console.log('\n## Blameless language (blame/* rules)');
  const rows = loadDev();
  const predicted = devThroughCli(rows);
  const gold = rows.map((r) => r.label);
  console.log(
    `\n  (a) ${basename(DEV)} through the CLI (node dist/cli.js lint --format json), all ${rows.length} sentences:`,
  );
  for (const line of scores(gold, predicted)) console.log(line);
  const half = (odd: boolean) => rows.map((_, i) => i).filter((i) => (i % 2 === 1) === odd);
  for (const [name, odd] of [
    ['tuning half (even rows, looked at while writing the rules)', false],
    ['held-out half (odd rows)', true],
  ] as const) {
    const idx = half(odd);
    console.log(`\n      ${name}:`);
    for (const line of scores(
      idx.map((i) => gold[i]),
      idx.map((i) => predicted[i]),
    ))
      console.log(`  ${line}`);
  }
  const wrong = rows.map((r, i) => ({ r, p: predicted[i] })).filter(({ r, p }) => r.label !== p);
  if (wrong.length > 0) {
    console.log('    misclassified:');
    for (const { r, p } of wrong) console.log(`      ${r.label} → ${p}: ${r.sentence}`);
  }
  // dev2.tsv (400 sentences in other voices): split by a fixed rule before any tuning (data rows from 0: even rows
  // tuned on, odd rows held out). First look, before any change (issue 9): blameful P 96.5 R 48.6 on all 400;
  // held-out half P 97.1 R 49.6. The held-out half was scored mid-way and at the end of that work, never tuned on
  // (final: P 98.0 R 72.6).
  const dev2 = readLabelled(DEV2);
  const dev2Predicted = lintSentencesWithCli(dev2.map((r) => r.sentence));
  for (const [name, odd] of [
    ['tuning half (even rows)', false],
    ['held-out half (odd rows, not tuned on)', true],
  ] as const) {
    const idx = dev2.map((_, i) => i).filter((i) => (i % 2 === 1) === odd);
    console.log(`\n  (a2) ${basename(DEV2)} ${name}, through the CLI:`);
    for (const line of scoreLines(
      idx.map((i) => dev2[i].label),
      idx.map((i) => dev2Predicted[i]),
    ))
      console.log(line);
  }
  const sets = scoreSets();
  for (const line of sets.lines) console.log(line);
  console.log('\n  (e) the peers on the same sentences (alex 11, write-good 1.0 as in Vale; markdownlint):');
  const odd = dev2.map((_, i) => i).filter((i) => i % 2 === 1);
  for (const line of await peers([
    { name: basename(DEV), rows, ours: predicted },
    {
      name: `${basename(DEV2)} held-out half`,
      rows: odd.map((i) => dev2[i]),
      ours: odd.map((i) => dev2Predicted[i]),
    },
    ...sets.held,
  ]))
    console.log(line);
  console.log('\n  (b) tagger comparison, in process, same rules and lexicons:');
  for (const line of compareTaggers(rows)) console.log(line);
  console.log(`\n  (c) ${basename(NOTES)}:`);
  for (const line of realNotes()) console.log(line);
  console.log('\n  (d) time on the real corpus:');
  for (const line of timing()) console.log(line);
  mkdirSync(tmpdir(), { recursive: true });
}
