import { type Cue, isQuoted, isRejected, phraseText, type SentenceView, span } from './cues';
import { classify, isPersonLike } from './entities';
import { FormList, isNegated, type NounPhrase, nounPhraseAt, subjectOf } from './grammar';
import { JUDGMENT_IDIOMS } from './judgment-idioms';
import { IGNORE_VERBS, IGNORED_OBJECTS, JUDGMENT_TECHNICAL_NEXT, JUDGMENT_WORDS, SYSTEM_NOUNS } from './lexicon';
import type { Token } from './tokens';

/** Multi-word judgments about conduct. */
const PHRASES: { re: RegExp; reason: string }[] = [
  {
    re: /\b(?:did ?n['’]?t|did not|never|could ?n['’]?t be|could not be|can['’]?t be|won['’]?t|would ?n['’]?t) (?:even )?bother(?:ed)?\b/gi,
    reason: 'bother',
  },
  // "nobody cared enough to look", "no one bothered": care denied to everyone.
  {
    re: /\b(?:nobody|no one|no-one|noone)(?: (?:on|in|from|at|of) (?:the |our |their )?[\w-]+(?: (?!(?:was|were|is|are|got|felt)\b)[\w-]+)?)? (?:really |actually |even |ever |much |truly )?(?:cared|cares|bothered|bothers)\b/gi,
    reason: 'bother',
  },
  { re: /\bno excuse\b/gi, reason: 'excuse' },
  {
    re: /\black of (?:basic )?(?:diligence|care|attention|discipline|judg(?:e)?ment|professionalism|rigou?r|ownership|common sense|competence|thought)\b/gi,
    reason: 'lack',
  },
  { re: /\b(?:not|n['’]t|never) (?:even )?(?:paying|pay|paid) (?:any )?attention\b/gi, reason: 'attention' },
  // "paid no attention to the alarm", "showed zero urgency", "gave little thought to": care denied by a quantifier.
  {
    re: /\b(?:pa(?:id|y|ys|ying)|show(?:ed|s|ing)?|g[ai]ve|giv(?:es|ing)|display(?:ed|s)?) (?:no|zero|little|scant|not the slightest) (?:attention|heed|urgency|care|thought|concern)\b/gi,
    reason: 'no-care',
  },
  // "without any thought for the consumers"; a bare "without care" is as often "carefree".
  {
    re: /\bwithout (?:(?:any|much|a moment['’]?s?) (?:thought|care|regard|thinking)|(?:thought|care|regard) (?:for|about|of))\b/gi,
    reason: 'thought',
  },
  { re: /\b(?:reckless|total|complete|blatant|utter|careless) disregard\b/gi, reason: 'disregard' },
  { re: /\brushed (?:out|through|into)\b/gi, reason: 'rushed' },
  { re: /\bbe(?:ing)? more careful\b/gi, reason: 'careful' },
  { re: /\b(?:at fault|to blame)\b/gi, reason: 'verdict' },
  {
    re: /\bblame (?:lies|lay|rests|rested|falls|fell|sits|sat) (?:squarely |solely |entirely |firmly )?(?:with|on)\b/gi,
    reason: 'blame-with',
  },
  { re: /\b(?:is|was|'s) on (?:me|him|her|them|us)\b/gi, reason: 'on-me' },
  // Inattention stated as evident: "whoever approved it clearly didn't look at it", "plainly never opened the diff".
  {
    re: /\b(?:clearly|obviously|plainly|evidently)\s+(?:did ?n['’]?t|did not|never|had ?n['’]?t|had not)\s+(?:even\s+)?(?:look(?:ed)?|read|open(?:ed)?|check(?:ed)?|test(?:ed)?|review(?:ed)?|glance[d]?|notice[d]?|consider(?:ed)?)\b/gi,
    reason: 'inattention',
  },
  // Dereliction: "neglected their duties", "shirked the on-call responsibilities", "abandoned their posts".
  {
    re: /\b(?:neglect(?:ed|s|ing)?|shirk(?:ed|s|ing)?|abandon(?:ed|s|ing)?|abdicat(?:e|ed|es|ing)) (?:(?:their|his|her|my|our|your|the) )?(?:(?:basic|core|own|on-call|professional|most basic) )?(?:dut(?:y|ies)|responsibilit(?:y|ies)|obligations?|posts?)\b/gi,
    reason: 'dereliction',
  },
  // A verdict on people by role: "the culprits here are the backend devs", "the on-call was the real culprit".
  { re: /\b(?:culprits?|guilty part(?:y|ies))(?: here| \w+ly)? (?:is|are|was|were)\b/gi, reason: 'culprit' },
  {
    re: /\b(?:is|are|was|were) (?:the )?(?:real |main |true |only |chief |prime )?culprits?\b/gi,
    reason: 'culprit-of',
  },
];

const IDIOMS = JUDGMENT_IDIOMS.map((i) => ({ re: new RegExp(i.pattern, 'gi'), agent: i.agent }));

/** Auxiliaries of a passive ("the cutover was botched"): the doer is a person, named or not. */
const PASSIVE_AUX = /^(?:is|are|was|were|be|been|being|got|get|gets|getting)$/;

/** Words one of PHRASES needs: a sentence without any of them cannot match, and the phrases are not searched. */
const PHRASE_WORDS =
  /bother|no excuse|lack of|attention|heed|regard|urgency|care|thought|concern|without|disregard|rushed|more careful|at fault|blame|on (?:me|him|her|them|us)|neglect|shirk|abandon|abdicat|culprit|guilty|clearly|obviously|plainly|evidently/i;

/** Verbs of going past something (with "past" or "through"): past a warning, they tell it was ignored. */
const PASSING =
  /^(?:bl[eo]w|blows|blown|blowing|sail(?:s|ed|ing)?|drove|driv(?:e|es|ing|en)|plough(?:s|ed|ing)?|plow(?:s|ed|ing)?|barrel(?:l?ed|l?ing|s)?|steamroll(?:s|ed|ing)?|bulldoz(?:e|es|ed|ing)|click(?:s|ed|ing)?|blast(?:s|ed|ing)?|breez(?:e|es|ed|ing)|waltz(?:es|ed|ing)?|ran|run|runs|running|went|skipp(?:ed|ing))$/;
/** What one goes past that was there to stop them. */
const WARNING_NOUNS =
  /^(?:warning|alert|alarm|prompt|confirmation|flag|sign|caution|notice|dialog|dialogue|popup|pop-up|banner)s?$/;

const JUDGMENT = new FormList(JUDGMENT_WORDS);
const IGNORING = new FormList(IGNORE_VERBS);

/** A judgment word among the token's forms, or as the first part of a hyphenated word ("sloppy-looking"). */
function judgmentWord(tok: Token, lemmaFree: boolean | undefined): string | undefined {
  const word = JUDGMENT.firstIn(tok, lemmaFree);
  if (word !== undefined) return word;
  // Without a hyphen the first part is the lower-case form, one of the forms already looked up; with one, it is a
  // start of the word, which JUDGMENT can rule out.
  const dash = tok.lower.indexOf('-');
  if (dash === -1 || !JUDGMENT.mayHoldForm(tok.lower)) return undefined;
  const first = tok.lower.slice(0, dash);
  return JUDGMENT_WORDS.has(first) ? first : undefined;
}

export function detectJudgment(view: SentenceView): Cue[] {
  const { tokens } = view;
  const cues: Cue[] = [];
  const push = (cue: Cue) => {
    if (cues.some((c) => c.start < cue.end && cue.start < c.end)) return;
    if (isQuoted(view, cue.start, cue.end) || isRejected(view, cue.start, cue.end)) return;
    cues.push(cue);
  };

  for (const { re, reason } of PHRASE_WORDS.test(view.text) ? PHRASES : []) {
    re.lastIndex = 0;
    for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
      const start = m.index;
      const end = start + m[0].length;
      const t = tokens.findIndex((x) => x.start >= start);
      /** A verdict on the person the phrase `np` names. */
      const verdictOn = (np: NounPhrase | undefined): Cue => ({
        kind: 'judgment',
        start,
        end,
        phrase: m[0],
        reason: 'verdict',
        subject: phraseText(view, np?.start ?? 0, np?.end ?? 0),
      });
      // A person said to be the culprit: the phrase after "the culprits are", or the subject of "was the culprit"
      // ("the culprit commit", "the primary culprit was a runaway process" are about systems).
      if (reason === 'culprit' || reason === 'culprit-of') {
        let np: NounPhrase | undefined;
        if (reason === 'culprit') {
          const after = tokens.findIndex((x) => x.start >= end);
          np = after >= 0 ? nounPhraseAt(tokens, after) : undefined;
        } else np = t >= 0 ? subjectOf(tokens, t) : undefined;
        const entity = np ? classify(tokens, np, view.ctx) : undefined;
        if (!entity || entity.negative || !isPersonLike(entity) || (t >= 0 && isNegated(tokens, t, 2))) continue;
        push(verdictOn(np));
        continue;
      }
      // "The cache paid no attention to the TTL header" is a bug; care is denied to a person only.
      if (reason === 'no-care' || reason === 'dereliction' || reason === 'inattention') {
        const subject = t >= 0 ? subjectOf(tokens, t) : undefined;
        const entity = subject ? classify(tokens, subject, view.ctx) : undefined;
        if (!entity || entity.negative || !isPersonLike(entity)) continue;
      }
      // "Blame rests with the infrastructure team": the one blamed follows.
      if (reason === 'blame-with') {
        const after = tokens.findIndex((x) => x.start >= end);
        const np = after >= 0 ? nounPhraseAt(tokens, after) : undefined;
        const entity = np ? classify(tokens, np, view.ctx) : undefined;
        if (!entity || entity.negative || !isPersonLike(entity)) continue;
        push(verdictOn(np));
        continue;
      }
      if (reason === 'verdict' || reason === 'on-me') {
        // "at fault" / "to blame" said of a person, not of a system; "nobody is to blame" is blameless.
        const subject = t >= 0 ? subjectOf(tokens, t) : undefined;
        const entity = subject ? classify(tokens, subject, view.ctx) : undefined;
        if (
          reason === 'on-me' &&
          !/\b(?:sloppy|careless|mistake|fault|my bad|blame)\b/i.test(view.text) &&
          !/^(?:this|that|it)/i.test(view.text)
        )
          continue;
        if (entity && (entity.negative || !isPersonLike(entity)) && reason === 'verdict') continue;
        if (!entity && reason === 'verdict') continue;
        if (t >= 0 && isNegated(tokens, t, 2)) continue;
        push({
          kind: 'judgment',
          start,
          end,
          phrase: m[0],
          reason,
          subject: subject ? phraseText(view, subject.start, subject.end) : undefined,
        });
        continue;
      }
      if (
        (reason === 'careful' || reason === 'thought') &&
        t >= 0 &&
        isNegated(tokens, t, 2) &&
        !/^without/i.test(m[0])
      )
        continue;
      push({ kind: 'judgment', start, end, phrase: m[0], reason });
    }
  }

  for (const { re, agent } of IDIOMS) {
    re.lastIndex = 0;
    for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
      const t = tokens.findIndex((x) => x.start >= m.index);
      // "The Kafka producer fumbled the retries": a verb of botching in the active voice, said of a system.
      if (agent && t >= 0 && tokens[t].pos === 'VERB' && !PASSIVE_AUX.test(tokens[t - 1]?.lower ?? '')) {
        const subject = subjectOf(tokens, t);
        if (subject && !isPersonLike(classify(tokens, subject, view.ctx))) continue;
      }
      // "The configuration got messed up during the upgrade": a thing left in a mess, no one's conduct said.
      if (agent && t > 0 && /\bup$/i.test(m[0]) && PASSIVE_AUX.test(tokens[t - 1].lower)) {
        const subject = subjectOf(tokens, t - 1);
        if (subject && !isPersonLike(classify(tokens, subject, view.ctx)) && !/\bby\b/i.test(view.text.slice(m.index)))
          continue;
      }
      // "they did not cut corners", "nobody went rogue": a denied judgment is none (idioms that carry their own
      // "not" are matched whole).
      if (t >= 0 && !/^not\b|^(?:did|could)/i.test(m[0]) && isNegated(tokens, t, 2)) continue;
      push({ kind: 'judgment', start: m.index, end: m.index + m[0].length, phrase: m[0], reason: 'idiom' });
    }
  }

  tokens.forEach((tok, i) => {
    const word = judgmentWord(tok, view.lemmaFree);
    if (word) {
      // Technical senses: "lazy loading", "lazily evaluated", "lazy-loaded", "sloppy quorum".
      const next = tokens[i + 1]?.lower ?? '';
      const part = tok.lower.split('-')[1];
      if (JUDGMENT_TECHNICAL_NEXT.has(next) || (part && JUDGMENT_TECHNICAL_NEXT.has(part))) return;
      // "reckless-proof", "careless-safe": a design that guards against the conduct.
      if (part && /^(?:proof|free|safe|resistant|tolerant)$/.test(part)) return;
      if (isNegated(tokens, i, 3)) return;
      if (/^(?:lazy|lazily|blindly)$/.test(word)) {
        // "The client blindly retries": said of software, it describes behaviour, not conduct.
        const subject = subjectOf(tokens, i);
        if (
          subject &&
          SYSTEM_NOUNS.has(tokens[subject.head].lemma) &&
          !isPersonLike(classify(tokens, subject, view.ctx))
        )
          return;
      }
      push({ kind: 'judgment', ...span(view, i, i + 1), reason: 'word' });
      return;
    }
    // "blew straight past every warning", "clicked through the confirmation prompt": warnings passed by, as ignored.
    if (PASSING.test(tok.lower) && tok.pos === 'VERB') {
      let k = i + 1;
      while (tokens[k] && /^(?:straight|right|clean|blithely|happily|just)$/.test(tokens[k].lower)) k++;
      const through = tokens[k]?.lower === 'through';
      if (tokens[k]?.lower !== 'past' && !(through && !/^(?:ran|run|runs|running|went|skipped)$/.test(tok.lower)))
        return;
      const object = nounPhraseAt(tokens, k + 1);
      if (!object || !WARNING_NOUNS.test(tokens[object.head].lemma)) return;
      const subject = subjectOf(tokens, i);
      const entity = subject ? classify(tokens, subject, view.ctx) : undefined;
      if (!entity || !isPersonLike(entity) || isNegated(tokens, i, 2)) return;
      push({
        kind: 'judgment',
        ...span(view, i, object.end),
        reason: 'ignored',
        subject: phraseText(view, subject?.start ?? 0, subject?.end ?? 0),
      });
      return;
    }
    // "ignored the warnings", "chose to ignore the failing tests", "dismissing the disk alerts".
    if (IGNORING.firstIn(tok, view.lemmaFree) !== undefined) {
      let o = i + 1;
      while (tokens[o] && (tokens[o].pos === 'ADV' || tokens[o].pos === 'ADP' || tokens[o].lower === 'off')) o++;
      const object = nounPhraseAt(tokens, o);
      const objectWord = object ? tokens[object.head].lemma : '';
      // "the crash-rate alert": the tagger may call the last word of the phrase an adjective and its head a modifier.
      const last = object ? tokens[object.end - 1] : undefined;
      const objectHit =
        object &&
        (IGNORED_OBJECTS.has(objectWord) ||
          IGNORED_OBJECTS.has(tokens[object.head].lower) ||
          (last !== undefined && last.pos === 'ADJ' && IGNORED_OBJECTS.has(last.lower)));
      if (!objectHit) return;
      const subject = subjectOf(tokens, i);
      const entity = subject ? classify(tokens, subject, view.ctx) : undefined;
      if (entity && !isPersonLike(entity)) {
        // A system that ignores input is a bug, not a judgment; "the warnings were ignored" still implies people.
        if (!/ing$/.test(tok.lower)) return;
      }
      if (isNegated(tokens, i, 2)) return;
      push({
        kind: 'judgment',
        ...span(view, i, object ? object.end : i + 1),
        reason: 'ignored',
        subject: subject ? phraseText(view, subject.start, subject.end) : undefined,
      });
    }
  });
  return cues;
}
