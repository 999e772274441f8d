// A seeded generator of hostile postmortems: the shapes an audit used (deep nesting, wide tables, emphasis runs,
// unclosed fences, HTML blocks and comments, milestone markers, odd line endings, broken frontmatter, unicode) and
// mutations of the real corpus (slices cut, duplicated, swapped, truncated). The same seed gives the same documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and good enough for test inputs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORPUS = join(__dirname, '..', 'corpus', 'real');
let corpus: string[] | undefined;
function realPostmortems(): string[] {
  corpus ??= readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
  return corpus;
}

const HEADINGS = ['Summary', 'Timeline', 'Impact', 'Root cause', 'Mitigation', 'Action items', 'Lessons learned'];
const WORDS = [
  'the',
  'deploy',
  'failed',
  'because',
  'on-call',
  'engineer',
  'restarted',
  'database',
  'alert',
  'fired',
  'Alice',
  'should have',
  'careless',
  '10:42 UTC',
  'PST',
  '**bold**',
  '_it_',
  '`code`',
  '[link](https://example.com)',
  'INC-42',
  '@sam',
  'TBD',
  '😀',
  'é',
  '\u0301',
  '\u202e',
  '中文',
  '\ud83d',
  '\t',
  '\\',
];

type Pick = <T>(items: readonly T[]) => T;

/** One fragment of a hostile shape. */
const SHAPES: ((r: () => number, pick: Pick, n: (max: number) => number) => string)[] = [
  (_r, _p, n) => `${'>'.repeat(n(150))} quoted\n`,
  (_r, _p, n) => Array.from({ length: n(120) }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n') + '\n',
  (_r, _p, n) => {
    const cols = n(220);
    return `|${' a |'.repeat(cols)}\n|${' - |'.repeat(cols)}\n|${' 1 |'.repeat(cols)}\n`;
  },
  (_r, _p, n) => `${'['.repeat(n(300))}x${']'.repeat(n(300))}\n`,
  (_r, pick, n) => `${pick(['*', '_', '**', '~~', '`']).repeat(n(1500))} run\n`,
  (_r, pick) => `${pick(['```', '~~~', '````'])}${pick(['', 'sh', 'yaml'])}\nunclosed code\n`,
  (_r, pick) => `${pick(['<script>', '<pre>', '<style>', '<!--', '<?php', '<![CDATA[', '<div>'])}\nraw block\n`,
  (_r, pick, n) =>
    `- 10:${String(n(59)).padStart(2, '0')} UTC ${pick(['<!-- milestone:', '[milestone:', '<!-- milestones: detected,'])}${' '.repeat(n(3000))}${pick(['', '-->', ']'])}\n`,
  (_r, pick) =>
    `---\n${pick(['title: [unclosed', 'a: &x [*x]', 'type: postmortem\ndate: 2024-13-45', '\tbad: tab'])}\n${pick(['---\n', ''])}`,
  (_r, pick) => `+++\n${pick(['title = ', 'date = 2024-01-01T', 'a = [1,'])}\n${pick(['+++\n', ''])}`,
  (_r, pick, n) => `${pick(['#', '##', '###', '######', '#######'])} ${pick(HEADINGS)}${' '.repeat(n(5))}\n`,
  (_r, pick, n) => `${Array.from({ length: n(40) + 1 }, () => pick(WORDS)).join(' ')}.\n`,
  // Runs of one punctuation mark: kept short until issue 9 caps tokens before the NLP library (2,000 "!" take
  // about a second there today).
  (_r, _p, n) => `${'!'.repeat(n(300))}\n`,
  (_r, _p, n) => `${'<!-- '.repeat(n(500))}\n`,
  (_r, pick, n) =>
    `| Time | Event |\n| --- | --- |\n${Array.from({ length: n(30) }, () => `| ${n(23)}:${n(59)} | ${pick(WORDS)} |`).join('\n')}\n`,
];

/** A generated document, from hostile fragments, with random line endings. */
function synthetic(r: () => number): string {
  const pick: Pick = (items) => items[Math.floor(r() * items.length)];
  const n = (max: number) => Math.floor(r() * (max + 1));
  const parts: string[] = [];
  if (r() < 0.7) parts.push(`# Postmortem: ${pick(WORDS)}\n\n`);
  const count = 1 + n(8);
  for (let i = 0; i < count; i++) {
    if (r() < 0.4) parts.push(`## ${pick(HEADINGS)}\n\n`);
    parts.push(pick(SHAPES)(r, pick, n), '\n');
  }
  return lineEndings(parts.join(''), r);
}

/** A real postmortem, cut and stitched. */
function mutant(r: () => number): string {
  const pick: Pick = (items) => items[Math.floor(r() * items.length)];
  let text = pick(realPostmortems());
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const a = Math.floor(r() * text.length);
    const b = Math.min(text.length, a + Math.floor(r() * 400));
    switch (Math.floor(r() * 6)) {
      case 0:
        text = text.slice(0, a) + text.slice(b); // cut
        break;
      case 1:
        text = text.slice(0, b) + text.slice(a, b) + text.slice(b); // duplicate
        break;
      case 2:
        text = text.slice(0, a); // truncate (often inside a block)
        break;
      case 3: {
        const shape = pick(SHAPES)(r, pick, (max) => Math.floor(r() * (max + 1)));
        text = text.slice(0, a) + shape + text.slice(a); // insert a hostile shape
        break;
      }
      case 4:
        text = text.slice(0, a) + pick(['```\n', '<!--', '<script>\n', '\r', '\u0000', '\ufeff']) + text.slice(a);
        break;
      default:
        text = lineEndings(text, r);
    }
  }
  return text;
}

function lineEndings(text: string, r: () => number): string {
  const choice = r();
  if (choice < 0.6) return text;
  if (choice < 0.8) return text.replace(/\n/g, '\r\n');
  if (choice < 0.9) return text.replace(/\n/g, '\r');
  return text.replace(/\n/g, () => (r() < 0.5 ? '\r\n' : '\n'));
}

/** `count` documents from `seed`: half synthetic, half mutated real postmortems. */
export function* fuzzDocuments(seed: number, count: number): Generator<{ index: number; text: string }> {
  const r = random(seed);
  for (let index = 0; index < count; index++) {
    yield { index, text: r() < 0.5 ? synthetic(r) : mutant(r) };
  }
}

/** `count` mutated real postmortems from `seed` (cut, duplicated, truncated, hostile shapes, odd line endings). */
export function* fuzzMutants(seed: number, count: number): Generator<{ index: number; text: string }> {
  const r = random(seed);
  for (let index = 0; index < count; index++) yield { index, text: mutant(r) };
}

/** The real postmortems and public templates of test/corpus, by file name. */
export function corpusDocuments(): { name: string; text: string }[] {
  return ['real', 'templates'].flatMap((dir) =>
    readdirSync(join(CORPUS, '..', dir))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(CORPUS, '..', dir, f), 'utf8') })),
  );
}
