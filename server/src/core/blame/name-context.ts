// Where the grammar makes a capitalised word a person's name: names no list holds, names that are also words, and
// names that are also a modal, a month or a verb (used by nameAt in entities.ts).
import type { DocContext } from './entities';
import { GROUP_ACRONYMS, isRoleNoun, PERSON_MODIFIERS, PRODUCTS, ROLE_NOUNS, SYSTEM_NOUNS } from './lexicon';
import { isTitleCase, nameFacts, normalise } from './name-facts';
import { subjectIsPerson } from './named-phrases';
import { STRICT_NAMES } from './names';
import { isEnglishWord } from './nlp';
import type { Token } from './tokens';

/** Irregular past participles: "had run", "has broken". */
const IRREGULAR_PARTICIPLE =
  /^(?:run|set|put|cut|hit|shut|let|broken|taken|made|sent|left|lost|forgotten|written|given|done|brought|gone|thrown|upset|reset|re-run|torn|overwritten|rewritten|undone)$/;

const IRREGULAR_PAST =
  /^(?:ran|set|put|cut|hit|shut|let|broke|took|made|sent|left|lost|forgot|wrote|gave|did|brought|went|threw|upset|reset|re-ran)$/;

/**
 * A capitalised word that is no English word, no product and nothing the document calls a system, where the
 * grammar wants a person: the subject of a verb in the past ("Sigrun enabled…"), a possessor ("Lwazi's script"), an
 * apposition (", the on-call,"), or the agent after "by". Names no list holds are found this way.
 */
export function unknownNameInContext(tokens: Token[], i: number, ctx: DocContext): boolean {
  const t = tokens[i];
  if (t.text.length < 2 || !isTitleCase(t.text)) return false;
  const facts = nameFacts(t.text);
  if (!facts || facts.product) return false;
  const { word } = facts;
  if (ctx.systems.has(word) || ctx.allowedNames.has(word) || SYSTEM_NOUNS.has(word) || ROLE_NOUNS.has(word))
    return false;
  // "after Ops changed the firewall": a team by its kind of work.
  if (PERSON_MODIFIERS.has(word) || GROUP_ACRONYMS.has(word) || isRoleNoun(word)) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // "Okafor is to blame", "Okafor was responsible for the outage", "Okafor did not test the rollback".
  const verdictAfter =
    !!next &&
    /^(?:is|was|did|had)$/.test(next.lower) &&
    /^(?:to|responsible|at|not|n't|never)$/.test(tokens[i + 2]?.lower ?? '') &&
    !(tokens[i + 2]?.lower === 'to' && tokens[i + 3]?.lower !== 'blame') &&
    !(tokens[i + 2]?.lower === 'at' && tokens[i + 3]?.lower !== 'fault');
  // "Okafor has deleted…", "Okafor had run…": a perfect with the name as its subject; "Okafor did it.": a verdict.
  const perfect =
    !!next &&
    /^(?:has|had)$/.test(next.lower) &&
    tokens[i + 2]?.pos === 'VERB' &&
    (/ed$/.test(tokens[i + 2].lower) || IRREGULAR_PARTICIPLE.test(tokens[i + 2].lower));
  const didIt =
    next?.lower === 'did' &&
    /^(?:it|this|that)$/.test(tokens[i + 2]?.lower ?? '') &&
    (!tokens[i + 3] || /^[.;!]$/.test(tokens[i + 3].text));
  // "Okafor accidentally truncated…": an adverb of manner between the name and its verb.
  const verbNext = next?.pos === 'ADV' && /ly$/.test(next.lower) ? tokens[i + 2] : next;
  const agentAfter =
    next &&
    (verdictAfter ||
      perfect ||
      didIt ||
      next.lower === "'s" ||
      next.lower === '’s' ||
      (verbNext?.pos === 'VERB' && (/ed$/.test(verbNext.lower) || IRREGULAR_PAST.test(verbNext.lower))) ||
      // The narrative present of a timeline or a chat log: "Wojtek admits he ran…", "Sione pushes the tag".
      // Only with an object after the verb: in "when Usenet downloads were added" the -s word is a plural noun.
      (next.pos === 'VERB' &&
        /[^s]s$/.test(next.lower) &&
        next.lemma !== next.lower &&
        (!!prev || /^(?:the|a|an|all|every|our|its|their)$/.test(tokens[i + 2]?.lower ?? '')) &&
        /^(?:DET|PRON|PROPN|NUM)$/.test(tokens[i + 2]?.pos ?? '')) ||
      // "who" stands for a person: "It was Dolores who…", "Baz, who was on call, …".
      next.lower === 'who' ||
      // 'Jonno "fixed" the NTP config': a verb in scare quotes.
      (/^["“‘']$/.test(next.text) &&
        tokens[i + 2]?.pos === 'VERB' &&
        (/ed$/.test(tokens[i + 2].lower) || IRREGULAR_PAST.test(tokens[i + 2].lower))) ||
      // "Min-jun should have known better": hindsight about a person.
      (/^(?:should|could|would|must|might)$/.test(next.lower) && tokens[i + 2]?.lower === 'have') ||
      (next.text === ',' && /^(?:the|our|who|whose|you)$/.test(tokens[i + 2]?.lower ?? '')));
  const agentBefore =
    (prev?.lower === 'by' && tokens[i - 2]?.pos === 'VERB') ||
    // "The on-call, Okafor, deleted…": a name in apposition to a role, before the verb.
    (prev?.text === ',' &&
      !!tokens[i - 2] &&
      isRoleNoun(tokens[i - 2].lower.replace(/s$/, '')) &&
      next?.text === ',' &&
      tokens[i + 2]?.pos === 'VERB') ||
    verdictOrCauseBefore(tokens, i) ||
    // "Cheers, Gazza, for…", "Thanks a lot, Nikolai, for…": the one thanked (or thanked ironically) is a person.
    (prev?.text === ',' && (next?.text === ',' || next?.lower === 'for') && thankedBefore(tokens, i - 1)) ||
    // "Cheers Gaz for…"
    (!!prev && THANKS.test(prev.lower) && (next?.lower === 'for' || next?.text === ',')) ||
    // "operator Petrov", "contractor Mbeki": a surname after a role.
    (!!prev && prev.pos === 'NOUN' && isRoleNoun(prev.lower) && prev.end + 1 === t.start) ||
    // "Yes, it was Aigerim again — she…": the one a cleft picks out.
    (/^(?:was|is)$/.test(prev?.lower ?? '') && tokens[i - 2]?.lower === 'it' && t.pos === 'PROPN') ||
    // "The cause, in short, was Somchai.": the one a verdict names.
    (/^(?:was|is)$/.test(prev?.lower ?? '') &&
      tokens.slice(Math.max(0, i - 7), i - 1).some((x) => /^(?:cause|culprit|fault|trigger|reason)$/.test(x.lower))) ||
    // "down to Gaz pulling the wrong feed", "because of Baz running…": a cause phrase, then what the person did.
    (causalPreposition(tokens, i) && next?.pos === 'VERB' && next.lower.endsWith('ing'));
  if (!agentAfter && !agentBefore) return false;
  if (!isEnglishWord(word)) return true;
  // Short names are often words too ("Mo", "Ben", "Jo"): capitalised inside the sentence (or possessive at its
  // start) where a person acts, and no word for a team or a role, they are a nickname.
  // Capitalised after a word, not where an entry starts ("11:05 Fix deployed"), or possessive.
  const midSentence = !!prev && /^[\p{L}]/u.test(prev.text) && prev.pos !== 'NUM';
  return word.length <= 3 && t.pos === 'PROPN' && (midSentence || next?.lower === "'s" || next?.lower === '’s');
}

/**
 * Whether a verdict or a cause phrase puts the failure on the word at `i`, said last: "The blame lies with Okafor.",
 * "It happened because of Grace.", "This is on Dave."
 */
export function verdictOrCauseBefore(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next && !/^[.;,!?)—–]$/.test(next.text)) return false;
  const p1 = tokens[i - 1]?.lower ?? '';
  const p2 = tokens[i - 2]?.lower ?? '';
  const p3 = tokens[i - 3]?.lower ?? '';
  const strip = /^(?:squarely|solely|entirely|fully|all)$/.test(p2);
  const verb = strip ? p3 : p2;
  if (/^(?:with|on)$/.test(p1) && /^(?:lies|lay|rests|rested|falls|fell|sits|sat)$/.test(verb)) return true;
  if (p1 === 'on' && /^(?:is|was|'s|’s)$/.test(verb)) return true;
  // "The mass unsubscribe on Monday was Dawn:": a bad event identified with the person.
  if (
    /^(?:was|were)$/.test(p1) &&
    !subjectIsPerson(tokens, i - 1) &&
    tokens
      .slice(0, i - 1)
      .some((t) =>
        /^(?:mass|late|missing|runaway|duplicate|duplicated|wrong|stuck|outage|incident|downtime|breach|leak|spike|surprise)$/.test(
          t.lower,
        ),
      )
  )
    return true;
  // "Culprit: Okafor.", "Caused by: Hope", "The root cause was Hope."
  if (p1 === ':' && /^(?:culprit|cause|trigger|by|blame|fault|responsible)$/.test(p2)) return true;
  if (/^(?:was|is)$/.test(p1) && /^(?:culprit|cause|trigger)$/.test(p2)) return true;
  return (p1 === 'of' && /^(?:because|fault)$/.test(p2)) || (p1 === 'to' && /^(?:due|down|owing)$/.test(p2));
}

/** Whether the words up to the comma at `comma` are thanks or praise said to someone: "Cheers,", "Thanks a lot,". */
function thankedBefore(tokens: Token[], comma: number): boolean {
  let k = comma - 1;
  // "Thanks a lot", "thank you so much", "Cheers mate"
  while (k > 0 && k > comma - 4 && !THANKS.test(tokens[k].lower)) k--;
  if (!THANKS.test(tokens[k]?.lower ?? '')) return false;
  return k === 0 || /^[^\p{L}]/u.test(tokens[k - 1].text);
}

/** Whether the words before token `i` end a cause phrase: "down to", "due to", "because of", "thanks to". */
function causalPreposition(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower;
  const before = tokens[i - 2]?.lower ?? '';
  return (
    (prev === 'to' && /^(?:down|due|owing|thanks|back|attributed|attributable)$/.test(before)) ||
    (prev === 'of' && /^(?:because|fault|result)$/.test(before)) ||
    prev === 'by'
  );
}

/** Lower-case honorifics written after a name. */
export const HONORIFICS = /^(?:sir|madam|ma'am|ji|san|sahib|saab|bhai|didi|sensei)$/;

/**
 * A given name that is also a word ("Grace", "Hope", "Rich") is a name where the grammar says so: a surname follows,
 * a possessive ("Grace's change"), an apposition ("Hope, the on-call,"), or a verb of which it is the subject.
 */
export function wordNameInContext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  // "Kudos to Brad for…", "Thanks, Hope, for…", "Thanks a lot, Ray — …": the one thanked is a person.
  const thanked = tokens[i - 1]?.lower === 'to' || tokens[i - 1]?.text === ',' ? tokens[i - 2] : tokens[i - 1];
  const afterThanks = next?.lower === 'for' || next?.text === ',' || /^[—–]$/.test(next?.text ?? '');
  if (thanked && THANKS.test(thanked.lower) && afterThanks) return true;
  if (tokens[i - 1]?.text === ',' && afterThanks && thankedBefore(tokens, i - 1)) return true;
  // "it was Miles killing the leader pod", "It was Art who…": the one a cleft picks out.
  if (
    /^(?:was|is)$/.test(tokens[i - 1]?.lower ?? '') &&
    tokens[i - 2]?.lower === 'it' &&
    (next?.lower === 'who' || (next?.pos === 'VERB' && next.lower.endsWith('ing')))
  )
    return true;
  // "The blame lies with Grace.", "It happened because of Will.": a verdict or a cause, said last.
  if (verdictOrCauseBefore(tokens, i)) return true;
  // "Will's migration dropped the table": a possessive at the start of a sentence, for the names that are also
  // verbs or nouns (not months: "June's release" is the release of June).
  if (
    (next?.lower === "'s" || next?.lower === '’s') &&
    (i === 0 || /^[^\p{L}\p{N}]/u.test(tokens[i - 1].text)) &&
    !/^(?:may|june|april|august)$/.test(tokens[i].lower)
  )
    return true;
  // "The outage was caused by Will.", "pushed by Mark;", "rolled out by Amir after the freeze": the agent of a
  // passive, said last or before a clause or a time.
  const particle = /^(?:out|up|off|back|down|in|over)$/.test(tokens[i - 2]?.lower ?? '') ? 1 : 0;
  const participle = tokens[i - 2 - particle];
  if (
    tokens[i - 1]?.lower === 'by' &&
    participle?.pos === 'VERB' &&
    /(?:ed|en|wn)$/.test(participle.lower) &&
    (!next ||
      /^[.;,!?)]$/.test(next.text) ||
      /^(?:and|after|before|at|on|during|while|when|without|because)$/.test(next.lower))
  )
    return true;
  if (STRICT_NAMES.has(normalise(tokens[i].text))) return strictNameInContext(tokens, i);
  // "It's on Malik", "the outage is on Hope": a failure put on someone.
  if (tokens[i - 1]?.lower === 'on' && /^(?:'s|’s|is|was)$/.test(tokens[i - 2]?.lower ?? '')) return true;
  if (!next) return false;
  if (next.lower === "'s" || next.lower === '’s') return true;
  if (isTitleCase(next.text) && !PRODUCTS.has(normalise(next.text)) && !SYSTEM_NOUNS.has(next.lower))
    return tokens[i + 2]?.pos === 'VERB' || tokens[i + 2]?.lower === "'s" || tokens[i + 2]?.text === ',';
  // "Grace has deleted…", "Grace had run…", "Grace did it.": a perfect or a verdict with the name as subject.
  if (
    /^(?:has|had)$/.test(next.lower) &&
    tokens[i + 2]?.pos === 'VERB' &&
    (/ed$/.test(tokens[i + 2].lower) || IRREGULAR_PARTICIPLE.test(tokens[i + 2].lower))
  )
    return true;
  if (
    next.lower === 'did' &&
    /^(?:it|this|that)$/.test(tokens[i + 2]?.lower ?? '') &&
    (!tokens[i + 3] || /^[.;!]$/.test(tokens[i + 3].text))
  )
    return true;
  // "The on-call, Grace, deleted…": a name in apposition to a role.
  if (
    tokens[i - 1]?.text === ',' &&
    isRoleNoun((tokens[i - 2]?.lower ?? '').replace(/s$/, '')) &&
    next.text === ',' &&
    tokens[i + 2]?.pos === 'VERB'
  )
    return true;
  // "Grace is to blame", "Hope was responsible for the outage": a verdict on a person.
  if (
    /^(?:is|was)$/.test(next.lower) &&
    /^(?:to blame|at fault|responsible for)\b/.test(`${tokens[i + 2]?.lower ?? ''} ${tokens[i + 3]?.lower ?? ''}`)
  )
    return true;
  // "Grace should have tested the migration": hindsight about a person.
  if (/^(?:should|could|must|ought)$/.test(next.lower) && /^(?:have|to|'ve)$/.test(tokens[i + 2]?.lower ?? ''))
    return true;
  // "Hope, the on-call, …", "Ana, you broke prod": an apposition, or the person spoken to.
  if (next.text === ',') return /^(?:the|our|you)$/.test(tokens[i + 2]?.lower ?? '');
  // "Honestly Grace was careless…": a capitalised word-name inside the sentence, subject of a finite auxiliary.
  if (
    i > 0 &&
    next.pos === 'AUX' &&
    /^(?:was|is|had|has|did|were)$/.test(next.lower) &&
    !/^(?:the|a|an|our|this|that)$/.test(tokens[i - 1].lower)
  )
    return true;
  // "Hope accidentally pointed the job at the primary": an adverb of manner between the name and its verb.
  const verb = next.pos === 'ADV' && /ly$/.test(next.lower) ? tokens[i + 2] : next;
  return (
    verb?.pos === 'VERB' &&
    /(?:ed|[^s]s)$|^(?:ran|ran|put|set|cut|hit|shut|let|made|took|broke|brought|went|sent|left|lost|forgot|wrote|gave|did)$/.test(
      verb.lower,
    )
  );
}

const THANKS = /^(?:thanks|thank|cheers|kudos|props|shout-?out|ta)$/;

/** Verbs whose subject is as often a time as a person: "May saw record traffic", "June brought two outages". */
const TIME_SUBJECT_VERBS = /^(?:saw|brought|marked|was|had|began|started|ended|came|followed|showed|went|passed)$/;

/**
 * A name that is also a modal, a month or a verb ("Will", "May", "Grant"), as the subject of a change in the past
 * with its object: "Will dropped the `sessions` table", "Grant revoked the role's grants".
 */
function strictNameInContext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const object = tokens[i + 2];
  if (!next || !object || TIME_SUBJECT_VERBS.test(next.lower)) return false;
  const past = /[^e]ed$|[^aeiou]ed$/.test(next.lower) || IRREGULAR_PAST.test(next.lower);
  const prev = tokens[i - 1];
  const start =
    !prev || /^[^\p{L}\p{N}]/u.test(prev.text) || /^(?:and|but|then|because|when|after|so)$/.test(prev.lower);
  return (
    past &&
    start &&
    (next.pos === 'VERB' || next.pos === 'ADJ' || next.pos === 'NOUN') &&
    (/^(?:the|a|an|all|every|our|its|their|his|her|both)$/.test(object.lower) || object.text === '`')
  );
}
