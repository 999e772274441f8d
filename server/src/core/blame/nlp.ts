import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { SOFTWARE_WORDS } from './lexicon/software-terms';
import type { Tagger } from './tokens';

/**
 * The default tagger: wink-nlp with its small English web model (runs in Node and in a browser, offline). Only
 * the part-of-speech step runs: sentence splitting and entities are ours. Created on first use, since loading
 * the model takes a few tens of milliseconds.
 */
let nlp: ReturnType<typeof winkNLP> | undefined;
/**
 * The first id wink gives a word outside its vocabulary: ids below it are words of its English lexicon. Wink gives
 * each new word the next id as it reads it, so this is read before any other text: read later, every unknown word
 * the tagger had met by then (a name such as "Cormac") would count as English.
 */
let firstUnknownId = 0;

/**
 * The model as the part-of-speech pipe needs it. Wink loads its entity and sentiment machines whatever the pipe
 * (0.6 MB of JSON, parsed twice), and neither runs in the 'pos' pipe: they are given empty, which changes no tag,
 * lemma nor id (the machines hold no words of the vocabulary), and the npm package does not ship them.
 */
const posOnlyModel = new Proxy(model, {
  get(target, key) {
    if (key === 'ner') return () => ({ machines: [], transformers: [] });
    if (key === 'sa') return () => ({ machines: ['[]'], setter: undefined });
    return Reflect.get(target, key);
  },
});

/** The wink instance, created on first use, with `firstUnknownId` read before it reads anything else. */
function winkNlp(): ReturnType<typeof winkNLP> {
  if (nlp) return nlp;
  nlp = winkNLP(posOnlyModel, ['pos']);
  firstUnknownId = nlp.readDoc('qxzvqj').tokens().out(nlp.its.uniqueId)[0] as number;
  return nlp;
}

const LONG_RUN = 64;
const LONG_RUN_RE = new RegExp(`\\S{${LONG_RUN + 1},}`, 'g');

/** The text with every run of more than LONG_RUN non-space characters replaced by "x" and spaces (same length). */
export function maskLongRuns(text: string): string {
  return text.replace(LONG_RUN_RE, (run) => `x${' '.repeat(run.length - 1)}`);
}

export const winkTagger: Tagger = {
  name: 'wink-nlp',
  tag(text) {
    const nlp = winkNlp();
    const its = nlp.its;
    // Two of wink's patterns are quadratic in the length of one token (a 65 KB run without spaces took 19 s): a run
    // of more than LONG_RUN characters without a space is no word to tag, so it is masked by one letter and
    // spaces, keeping every offset.
    const doc = nlp.readDoc(maskLongRuns(text));
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const pos = tokens.out(its.pos) as string[];
    const lemmas = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
    const out: ReturnType<Tagger['tag']> = [];
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i].length;
      // wink keeps the text as is; if it ever normalises a token, find it again.
      let start = at;
      if (!text.startsWith(values[i], start)) {
        const found = text.indexOf(values[i], start);
        start = found === -1 ? start : found;
      }
      out.push({ start, end: start + values[i].length, pos: pos[i], lemma: lemmas[i] ?? values[i] });
      at = start + values[i].length;
    }
    return out;
  },
};

const known = new Map<string, boolean>();

/**
 * Whether a lower-case word is in the English vocabulary of wink's model (about 87,000 words and forms) or among
 * the software words dictionaries lack ("login"), or is the regular plural of one of more than four letters. Used to
 * tell a capitalised word that may be a name ("Sigrun") from an English word at the start of a sentence. Cached,
 * bounded.
 */
export function isEnglishWord(lower: string): boolean {
  const hit = known.get(lower);
  if (hit !== undefined) return hit;
  // A regular plural (or third person) of a word is a word too: "Checkouts dropped by half" names no one. The
  // vocabulary holds the forms it saw, not every plural.
  const result =
    inVocabulary(lower) ||
    (lower.length > 4 && /[^su]s$/.test(lower) && inVocabulary(lower.slice(0, -1))) ||
    (lower.length > 5 && /(?:ch|sh|x|ss)es$/.test(lower) && inVocabulary(lower.slice(0, -2)));
  if (known.size > 50_000) known.clear();
  known.set(lower, result);
  return result;
}

let software: ReadonlySet<string> | undefined;

/**
 * Common English words wink's vocabulary lacks (it gives "everything" a new id, as it does a name): a sentence that
 * opens with one names no one.
 */
const VOCABULARY_GAPS = new Set(['everything']);

/** In wink's vocabulary, or a software word English dictionaries lack ("login", "webhook": lexicon/software-terms). */
function inVocabulary(lower: string): boolean {
  software ??= new Set(SOFTWARE_WORDS.trim().split(/\s+/));
  if (software.has(lower) || VOCABULARY_GAPS.has(lower)) return true;
  const nlp = winkNlp();
  const ids = nlp.readDoc(lower).tokens().out(nlp.its.uniqueId) as number[];
  return ids.length === 1 && ids[0] < firstUnknownId;
}
