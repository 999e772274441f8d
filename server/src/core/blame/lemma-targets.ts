// Which sentences can hold a lemma the detectors look up, without tagging them: a look at the text alone.
import { FAILURE_VERBS, IGNORE_VERBS, JUDGMENT_WORDS } from './lexicon';

/** Lemmas that detectors look words up by before anything else in their sentence needs a tag. */
const LEMMA_TARGETS = [...JUDGMENT_WORDS, ...IGNORE_VERBS, ...FAILURE_VERBS];

/** The part of a lemma that any word lemmatized to it by rule holds (see LEMMA_TARGET_PARTS). */
function lemmaPart(lemma: string): string {
  if (lemma.endsWith('man')) return lemma.slice(0, -2); // -men
  return /[eyfs]$/.test(lemma) ? lemma.slice(0, -1) : lemma;
}

/**
 * What a text must hold for the tagger to give one of its words a lemma among LEMMA_TARGETS. The lemmatizer of
 * wink-eng-lite-web-model only strips or replaces an ending (-s, -es, -ed, -ing, -er, -est; -ies to -y, -ves to -f,
 * -ses to -s, -men to -man; adding -e), so the word holds the lemma, or the lemma without its last letter when that
 * is e, y, f or s. The other lemmas come from the model's exception lists and lexicon: among those, only
 * "forgot(ten)" (forget) and "shoody" (shoddy) lack that part, as lemmatizing every word of the model's lexicon
 * (version 1.8.1) shows. A newer model would need that check again.
 */
const LEMMA_TARGET_PARTS = new RegExp(
  [...new Set([...LEMMA_TARGETS.map(lemmaPart), 'forgot', 'shoody'])]
    .map((part) => part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|'),
);

/**
 * Whether a word of the (lower-cased) text may get a lemma among LEMMA_TARGETS from the wink tagger. When not, the
 * detectors look words up by `surfaceForms`, and a sentence that needs no other tag is never tagged.
 */
export function mayHaveTargetLemma(lower: string): boolean {
  return LEMMA_TARGET_PARTS.test(lower);
}
