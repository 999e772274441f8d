// Fixes for the tags the small model (wink's) gets wrong where the blame rules depend on them.
import { isEnglishWord } from './nlp';
import type { Token } from './tokens';

/**
 * "logging" → "logg": the model's lemma of a verb form with a doubled final consonant may keep both. The lemma
 * without one is the word when only it is English ("log", not "add" → "ad").
 */
function undoubled(lemma: string): string | undefined {
  if (!/([bdgmnpt])\1$/.test(lemma) || isEnglishWord(lemma)) return undefined;
  const single = lemma.slice(0, -1);
  return isEnglishWord(single) ? single : undefined;
}

/** The base form of a regular past: "invalidated" → "invalidate", "flushed" → "flush", "stopped" → "stop". */
export function pastLemma(lower: string): string {
  if (lower.endsWith('ied')) return `${lower.slice(0, -3)}y`;
  const stem = lower.slice(0, -2);
  if (isEnglishWord(`${stem}e`)) return `${stem}e`;
  return undoubled(stem) ?? stem;
}

/** The base form of a gerund: "logging" → "log", "making" → "make", "adding" → "add". */
export function gerundLemma(lower: string): string {
  const stem = lower.slice(0, -3);
  if (!isEnglishWord(stem) && isEnglishWord(`${stem}e`)) return `${stem}e`;
  return undoubled(stem) ?? stem;
}

/** Subordinators of cause and time: the clause after one has a subject and a verb ("because Sergio change the…"). */
const CLAUSE_SUBORDINATORS = /^(?:because|since|after|once|when|whenever|as|until|before|so)$/;

/** Irregular pasts and participles the model may tag as nouns, with their base forms. */
const IRREGULAR_FORMS = new Map(
  `overwrote:overwrite overwritten:overwrite rewrote:rewrite rewritten:rewrite broke:break broken:break
  forgot:forget forgotten:forget froze:freeze frozen:freeze tore:tear torn:tear threw:throw thrown:throw
  blew:blow blown:blow drove:drive driven:drive hid:hide hidden:hide undid:undo undone:undo`
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Fixes tags the small model gets wrong and our rules depend on. */
export function repairTags(tokens: Token[]): void {
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    // "Siobhan disabled the alert": an -ed word before a determiner or name is a verb, not an adjective.
    if (
      t.pos === 'ADJ' &&
      /ed$/.test(t.lower) &&
      next &&
      (next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'NUM')
    ) {
      t.pos = 'VERB';
    }
    if (
      t.lower === "'s" &&
      t.pos !== 'PART' &&
      i > 0 &&
      (tokens[i - 1].pos === 'PROPN' || tokens[i - 1].pos === 'NOUN') &&
      next &&
      next.pos !== 'VERB' &&
      next.pos !== 'ADJ' &&
      next.pos !== 'DET' &&
      next.pos !== 'ADV'
    ) {
      t.pos = 'PART';
    }
    if (t.kind === 'handle') t.pos = 'PROPN';
    // "Checking the TTL would have…": a gerund opening the sentence, before its object, is a verb.
    if (
      i === 0 &&
      (t.pos === 'PROPN' || t.pos === 'NOUN') &&
      /^\p{Lu}\p{Ll}+ing$/u.test(t.text) &&
      (next?.pos === 'DET' || next?.pos === 'PRON') &&
      isEnglishWord(t.lower)
    ) {
      t.pos = 'VERB';
      if (t.lemma === t.lower || t.lemma === t.text) t.lemma = gerundLemma(t.lower);
    }
    if ((t.pos === 'VERB' || t.pos === 'NOUN') && t.lemma && /(?:ing|ed)$/.test(t.lower)) {
      const single = undoubled(t.lemma);
      if (single) t.lemma = single;
    }
    // "the alerts", "@jsmith's commit": after a determiner or a possessive, a word the model calls a verb is a noun.
    const prev = tokens[i - 1];
    if (
      t.pos === 'VERB' &&
      prev &&
      ((prev.pos === 'DET' &&
        /^(?:the|a|an|this|these|those|every|each|no|its|their|his|her|our|my|your)$/.test(prev.lower)) ||
        // "since his deploy": the tagger may call a possessive pronoun a pronoun.
        (prev.pos === 'PRON' && /^(?:his|its|their|our|my|your)$/.test(prev.lower)) ||
        prev.lower === "'s") &&
      !/ing$/.test(t.lower)
    ) {
      t.pos = 'NOUN';
    }
    // "'unused' IAM roles": an acronym the model took for an auxiliary ("I am"), before a noun.
    if (t.pos === 'AUX' && /^\p{Lu}{3,}$/u.test(t.text) && (next?.pos === 'NOUN' || next?.pos === 'PROPN')) {
      t.pos = 'PROPN';
      t.lemma = t.lower;
    }
    // "The schools' IT coordinators", "US customers": an acronym the model took for a pronoun, before a noun.
    if (t.pos === 'PRON' && /^\p{Lu}{2,}$/u.test(t.text) && (next?.pos === 'NOUN' || next?.pos === 'PROPN'))
      t.pos = 'PROPN';
    // "A staging deploy would have…": a bare verb between a determiner's noun and an auxiliary is the head noun.
    if (
      t.pos === 'VERB' &&
      t.lower === t.lemma &&
      prev?.pos === 'NOUN' &&
      tokens[i - 2]?.pos === 'DET' &&
      next?.pos === 'AUX'
    )
      t.pos = 'NOUN';
    // "import overwrote the field", "were overwritten by": an irregular past the model calls a noun.
    const base = IRREGULAR_FORMS.get(t.lower);
    if (base && t.pos === 'VERB' && t.lemma === t.lower) t.lemma = base;
    if (base && t.pos === 'NOUN' && prev && prev.pos !== 'DET' && prev.pos !== 'ADJ') {
      t.pos = 'VERB';
      t.lemma = base;
    }
    // "Adebayo's manual edit of…", "Sione's weekend upgrade of…": a bare verb after a possessive and a modifier.
    if (
      t.pos === 'VERB' &&
      t.lower === t.lemma &&
      (prev?.pos === 'ADJ' || prev?.pos === 'NOUN') &&
      tokens[i - 2]?.lower === "'s" &&
      (!next ||
        next.pos === 'ADP' ||
        next.pos === 'PUNCT' ||
        // "Dave's config push froze the checkout": the phrase's verb follows.
        ((next.pos === 'VERB' || next.pos === 'ADJ') && (/ed$/.test(next.lower) || IRREGULAR_FORMS.has(next.lower))))
    )
      t.pos = 'NOUN';
    // "Dave's deploy broke logins", "Ana's commit exposed customer data": after a possessive's noun, a past form the
    // model calls an adjective, before its object, is the verb.
    if (
      t.pos === 'ADJ' &&
      (/ed$/.test(t.lower) ||
        IRREGULAR_FORMS.has(t.lower) ||
        /^(?:sent|broke|took|made|left|lost|put|set|cut|hit|shut|let)$/.test(t.lower)) &&
      prev?.pos === 'NOUN' &&
      (tokens[i - 2]?.lower === "'s" || (tokens[i - 2]?.pos === 'NOUN' && tokens[i - 3]?.lower === "'s")) &&
      next &&
      /^(?:NOUN|PROPN|DET|NUM|PRON)$/.test(next.pos)
    ) {
      t.pos = 'VERB';
      const base = IRREGULAR_FORMS.get(t.lower);
      if (base) t.lemma = base;
      else if (t.lemma === t.lower && /ed$/.test(t.lower)) t.lemma = pastLemma(t.lower);
    }
    // "…with a three-week-old state file, and…": a bare verb after a noun, before punctuation, is the head noun.
    if (t.pos === 'VERB' && t.lower === t.lemma && prev?.pos === 'NOUN' && next?.pos === 'PUNCT' && next.text !== '`')
      t.pos = 'NOUN';
    // ", logging out the whole player base": a participle clause the model took for a noun.
    if (
      t.pos === 'NOUN' &&
      t.lower.endsWith('ing') &&
      prev?.text === ',' &&
      /^(?:out|off|up|down|over)$/.test(next?.lower ?? '')
    ) {
      t.pos = 'VERB';
      t.lemma = gerundLemma(t.lower);
    }
    // "Any experienced SRE", "a trained operator": a past participle between a determiner and its noun is a modifier.
    if (
      t.pos === 'VERB' &&
      t.lower.endsWith('ed') &&
      prev?.pos === 'DET' &&
      (next?.pos === 'NOUN' || next?.pos === 'PROPN') &&
      tokens[i + 2]?.pos !== 'DET'
    )
      t.pos = 'ADJ';
    // "the deploying engineer": a participle between a determiner and its noun is a modifier.
    if (t.pos === 'VERB' && t.lower.endsWith('ing') && prev?.pos === 'DET' && next?.pos === 'NOUN') t.pos = 'ADJ';
    // "did nobody test the restore", "had just re-run the smoke tests": a verb after its auxiliary and subject.
    if (
      t.pos === 'NOUN' &&
      next?.pos === 'DET' &&
      ((prev?.pos === 'PRON' && /^(?:did|does|do|didn't|would|could|should)$/.test(tokens[i - 2]?.lower ?? '')) ||
        (/^re-\w+$/.test(t.lower) && (prev?.pos === 'AUX' || (prev?.pos === 'ADV' && tokens[i - 2]?.pos === 'AUX'))))
    ) {
      t.pos = 'VERB';
      if (/^re-/.test(t.lower) && t.lemma === t.lower) t.lemma = t.lower === 're-ran' ? 're-run' : t.lower;
    }
    // "Lars invalidated all API tokens", "because Sergio change the replication factor": after a name that opens the
    // sentence or a clause of cause, a word the model calls a noun before a determiner or a number is the verb. (An
    // -ed form, or a subordinator before the name: "Lars invalidated…", "because Sergio change…"; not "Acme order
    // the…", which has neither.)
    if (
      (t.pos === 'NOUN' || t.pos === 'ADJ') &&
      prev?.pos === 'PROPN' &&
      prev.kind !== 'handle' &&
      next &&
      (next.pos === 'DET' || next.pos === 'NUM') &&
      /^\p{Ll}/u.test(t.text) &&
      (((/ed$/.test(t.lower) || /^(?:set|reset|put|cut|shut|hit|let|upset|broadcast|spread)$/.test(t.lower)) &&
        (i === 1 || tokens[i - 2]?.pos === 'PUNCT' || tokens[i - 2]?.pos === 'SCONJ')) ||
        CLAUSE_SUBORDINATORS.test(tokens[i - 2]?.lower ?? ''))
    ) {
      t.pos = 'VERB';
      if (/ed$/.test(t.lower) && t.lemma === t.lower) t.lemma = pastLemma(t.lower);
    }
    // Capitalised mid-sentence words the model calls nouns are names or products.
    if (
      t.pos === 'NOUN' &&
      i > 0 &&
      /^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(t.text) &&
      !/^[-–—:|*#>]$/.test(tokens[i - 1].text)
    )
      t.pos = 'PROPN';
  });
}
