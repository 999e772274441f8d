import type { SentenceView } from './cues';
import { forms, isClausePunct, nounPhraseAt, subjectOf } from './grammar';
import { actsOnSystem, BAD_STATE, changeVerb, ENDED, harmIn, isRemedy, pastForm } from './named-actions';
import { CAUSAL, HARM_KEPT_SMALL, isWork, THANKS_TO } from './named-phrases';
import { isRemedialObject, REMEDY_NOUNS } from './named-remedies';
import type { Token } from './tokens';

/** The verb classes a named person's action is read by, and the cause phrases before a name ("caused by Wei's…"). */

/** A span of tokens [start, end): a name, or a pronoun standing for one. */
interface Span {
  start: number;
  end: number;
}

/** Verbs of looking into, learning and telling: their object is what the person studied or told. */
export const LOOKING_VERBS = new Set(
  `analyse analyze investigate inspect examine study research look see watch notice find discover spot identify
  read hear learn realise realize know confirm verify measure reproduce profile diagnose debug trace observe
  explain describe document summarise summarize attend join show reveal demonstrate predict suggest`.split(/\s+/),
);

/** Remedies that change the system, and may end a good state as well as a bad one: "…fine until Ana restarted…". */
export const CHANGING_REMEDIES = new Set(
  'restart reboot drain scale failover fail-over patch rotate replace revert rollback'.split(' '),
);

/** Verbs whose subject is the cause of what follows. */
export const CAUSING_VERBS = new Set(['cause', 'trigger', 'introduce', 'break', 'crash', 'corrupt']);

/** Verbs of saying and thinking that take a clause: "said (that) the deploy…", "admits he ran…". */
export const REPORTING_VERBS = new Set(
  'say tell admit confess claim explain report write post note mention think believe suspect assume realise realize confirm agree insist argue recall remember guess wonder ask question doubt speculate hypothesise hypothesize'.split(
    ' ',
  ),
);

/** Whether a clause starts at `k`: "that …", or a subject followed by its verb ("the deploy had caused…"). */
export function complementClause(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower === 'that' || tokens[k]?.lower === 'whether' || tokens[k]?.lower === 'if') return true;
  const np = nounPhraseAt(tokens, k);
  if (!np) return false;
  const v = tokens[np.end];
  return v?.pos === 'VERB' || v?.pos === 'AUX';
}

/** Verbs whose action is the verb after them: "begins looking", "started to investigate". */
export const SECOND_VERB = new Set(
  'begin start continue try attempt decide go manage help proceed rush hurry'.split(' '),
);

/** Whether the sentence opens with a participle clause ("Taking down the whole CI fleet, …"). */
export function frontedParticiple(tokens: Token[]): boolean {
  let k = 0;
  while (tokens[k]?.pos === 'ADV') k++;
  return tokens[k]?.pos === 'VERB' && tokens[k].lower.endsWith('ing');
}

/**
 * A cause phrase before the subject ("caused by Wei's migration", "thanks to Sven's change", "the mistake by Nia",
 * "the outage is down to Bongani", "The cache was flushed by Bartosz").
 */
export function causeReason(
  view: SentenceView,
  subject: Span,
  phraseEnd: number,
  artefact: boolean,
  prefix: string,
): string | undefined {
  const { tokens } = view;
  const by = /\bby\s*$/i.test(prefix);
  // "The errors stopped after Ayşe toggled the flag off": a time clause after a failure that ended tells the remedy.
  if (/\b(?:after|since|once)\s*$/i.test(prefix) && ENDED.test(prefix)) return undefined;
  // "Thanks to Henrik for restoring the replica", "thanks to Henrik, the outage lasted minutes rather than hours":
  // gratitude for the remedy, not ironic thanks.
  if (THANKS_TO.test(prefix)) {
    if (HARM_KEPT_SMALL.test(view.text.slice(tokens[phraseEnd - 1].end))) return undefined;
    if (tokens[phraseEnd]?.lower === 'for') {
      const k = phraseEnd + 1;
      const gerund = tokens[k]?.lower.endsWith('ing') ? k : undefined;
      if (
        gerund !== undefined &&
        (isRemedy(tokens[gerund], tokens[gerund + 1], view) || isRemedialObject(tokens, gerund))
      )
        return undefined;
      if (gerund === undefined && isRemedialObject(tokens, phraseEnd)) return undefined;
    }
  }
  // The rest of the clause only: "The deploy by Marta went out at 09:00 and was healthy; the failure began at 11:20".
  let clauseEnd = tokens.length;
  for (let k = phraseEnd; k < tokens.length; k++)
    if (tokens[k].text === ';') {
      clauseEnd = k;
      break;
    }
  if (harmIn(view, 0, subject.start) || harmIn(view, phraseEnd, clauseEnd) || (artefact && by)) {
    // "PR #2231, merged by Nomvula, removed the retry…": the artefact in apposition is the subject of the harm.
    // "The rota was edited by Drew so that nobody was on call": a result clause after the agent.
    // "The change was rolled out by Wen after the freeze and it broke the login flow": what it did next.
    const apposedHarm =
      by &&
      (tokens[phraseEnd]?.text === ',' ||
        /^\s*so that\b/i.test(view.text.slice(tokens[phraseEnd - 1].end)) ||
        /^[^.;]{0,40}?,?\s+and (?:it|this|that|they)\b/i.test(view.text.slice(tokens[phraseEnd - 1].end))) &&
      harmIn(view, phraseEnd) &&
      !/\b(?:stopp(?:ed|ing)|ended|resolv\w*|recover\w*|restor\w*|cleared|fixed|mitigat\w*)\b/i.test(
        view.text.slice(tokens[phraseEnd - 1].end),
      );
    if (!by || artefact || apposedHarm || harmIn(view, 0, subject.start)) {
      const byAt = subject.start - 1;
      let passiveVerb: Token | undefined;
      for (let k = byAt - 1; k >= 0 && !isClausePunct(tokens[k]); k--) {
        if (tokens[k].pos === 'VERB') {
          passiveVerb = tokens[k];
          break;
        }
      }
      // "written by Ana" credits an author, unless what was written is itself the harm ("the bad query was written
      // by Yerlan").
      const remedial =
        by &&
        passiveVerb !== undefined &&
        (isRemedy(passiveVerb) ||
          (/^(?:written|authored|owned|led|run|facilitated|prepared|edited|compiled)$/.test(passiveVerb.lower) &&
            !harmIn(view, 0, byAt)) ||
          responsePassive(view, passiveVerb, byAt));
      if (!remedial) return 'cause';
    }
  }
  // "The cache was flushed by Bartosz during peak traffic": a change done to the system, with the person as its agent.
  if (by && !artefact) {
    let passive = -1;
    for (let k = subject.start - 2; k >= 0 && !isClausePunct(tokens[k]); k--) {
      if (tokens[k].pos === 'VERB' || (tokens[k].pos === 'ADJ' && /ed$/.test(tokens[k].lower))) {
        passive = k;
        break;
      }
    }
    const aux = passive > 0 && /^(?:was|were|been|got|is|are)$/.test(tokens[passive - 1]?.lower ?? '');
    // "The fix was rolled out by Amir": what was done is a remedy.
    const done = aux ? subjectOf(tokens, passive - 1) : undefined;
    if (
      aux &&
      !(done && REMEDY_NOUNS.has(tokens[done.head].lower)) &&
      !isRemedy(tokens[passive], tokens[passive + 1], view) &&
      changeVerb(tokens[passive]) &&
      !responsePassive(view, tokens[passive], subject.start - 1)
    )
      return 'cause';
  }
  return undefined;
}

/**
 * A passive whose agent did response work: "Root cause analysis was performed by R. Nakamura" (the analysis, not
 * the failure, is theirs), "The ticket was picked up by Ana", "the stuck orders were released by Anjali".
 */
function responsePassive(view: SentenceView, verb: Token, byAt: number): boolean {
  // Response work, and the telling of it: "The incident was declared by Nicolás after the checks failed", "The
  // timeline was reconstructed by Chiara".
  if (
    /^(?:picked|released|resumed|unblocked|unstuck|unfrozen|freed|handled|triaged|acknowledged|declared|announced|reported|raised|escalated|paged|noticed|spotted|detected|flagged|reconstructed|documented|recorded|summari[sz]ed)$/.test(
      verb.lower,
    )
  )
    return true;
  return (
    /^(?:performed|conducted|done|carried|completed|led)$/.test(verb.lower) &&
    /\b(?:analysis|investigation|review|rca|postmortem|post-mortem|retrospective|retro|write-?up|audit|triage)\b/i.test(
      view.text.slice(0, view.tokens[byAt].start),
    )
  );
}

/**
 * The person as the maker of work the sentence calls a cause or harm, in a relative clause: "traces back to a change
 * Ayodele made on Friday", "the config that Sam pushed broke checkout".
 */
export function madeWork(view: SentenceView, subject: Span): string | undefined {
  const { tokens } = view;
  let w = subject.start - 1;
  if (/^(?:that|which)$/.test(tokens[w]?.lower ?? '')) w--;
  if (!isWork(tokens[w])) return undefined;
  const verb = tokens[subject.end];
  if (verb?.pos !== 'VERB' || verb.lower === verb.lemma) return undefined;
  // "The deploy Ana approved took down the API": approving or reviewing the work that did harm is making it go out;
  // other remedies are not.
  const approving = forms(verb).some((f) =>
    /^(?:approve|review|sign|merge|ship|release|write|run|build|author)$/.test(f),
  );
  if (isRemedy(verb, tokens[subject.end + 1]) && !approving) return undefined;
  // "The deploy that Dave rolled back", "the change Ana backed out": undoing the work is the remedy.
  if (
    /^(?:back|out)$/.test(tokens[subject.end + 1]?.lower ?? '') &&
    forms(verb).some((f) => /^(?:roll|back|pull|take)$/.test(f))
  )
    return undefined;
  let start = w;
  while (start > 0 && /^(?:NOUN|ADJ|PROPN|DET)$/.test(tokens[start - 1].pos)) start--;
  const before = view.text.slice(0, tokens[start].start);
  if (CAUSAL.test(before) || /\b(?:traces?|traced|goes|went|comes|came|leads?|led) back to\s*$/i.test(before))
    return 'artefact';
  // What the work did after the clause: "the config that Sam pushed broke checkout".
  // ("The script that Ngozi wrote and ran on Saturday overwrote…": past the verbs the person did.)
  const v = tokens.findIndex((t, x) => x > subject.end && t.pos === 'VERB' && tokens[x - 1]?.lower !== 'and');
  return v > 0 && start <= 1 && harmIn(view, v, v + 1) ? 'artefact' : undefined;
}

/** The person as the maker of work the sentence calls a cause: `madeWork`, or else (not a possessive) `agentOfCause`. */
export function madeOrCausedBy(view: SentenceView, subject: Span, possessive: boolean): string | undefined {
  return madeWork(view, subject) ?? (!possessive && agentOfCause(view, subject) ? 'artefact' : undefined);
}

/** Whether the name is followed by a possessive: "Chen's", "James'". */
export function isPossessive(tokens: Token[], name: Span): boolean {
  return (
    tokens[name.end]?.lower === "'s" ||
    (/s$/i.test(tokens[name.end - 1].text) &&
      /^['’]$/.test(tokens[name.end]?.text ?? '') &&
      tokens[name.end].start === tokens[name.end - 1].end)
  );
}

/** Cause phrases that say what follows is the cause whatever the rest of the sentence says. */
const CAUSE_BEFORE =
  /\b(?:caused by|triggered by|due to|because of|owing to|thanks to|result of|(?:came|comes|come|stemmed|stems|originated|resulted) from|traced (?:back )?to|(?:cause|trigger|culprit) (?:was|is))\s*$/i;

/**
 * The person made what the sentence names as the cause, in a relative clause on the cause's noun phrase: "caused by
 * a misconfigured BGP session that Siobhan pushed", "owing to the batch parameters Mrs. Adeyemi entered", "came from
 * the .env file Aisha committed". The cause is told by a cause phrase before the noun phrase, or by "by", "from" or
 * "after" after harm ("The ATMs were blocked by the wrong key index that T.O. pushed"). The verb is a past action on
 * the system, not a remedy ("the replica that Ana restored") nor a look into it ("the logs that Ana read").
 */
export function agentOfCause(view: SentenceView, subject: Span): boolean {
  const { tokens } = view;
  // "Thanks to the failover that Ana triggered, the outage lasted minutes": the cause of a smaller harm is a remedy.
  if (HARM_KEPT_SMALL.test(view.text)) return false;
  let k = subject.start - 1;
  // "Because of what Diego did to the health check path": the cause is what the person did.
  if (tokens[k]?.lower === 'what' && CAUSE_BEFORE.test(view.text.slice(0, tokens[k].start)))
    return tokens[subject.end]?.lower === 'did' || pastChange(view, subject.end);
  if (/^(?:that|which)$/.test(tokens[k]?.lower ?? '')) k--;
  const head = tokens[k];
  if (!head || head.kind === 'handle') return false;
  // The tagger may take the head noun for a verb after a modifier ("the .env file Aisha committed").
  const misread =
    head.pos === 'VERB' && head.lower === head.lemma && /^(?:DET|ADJ|NOUN)$/.test(tokens[k - 1]?.pos ?? '');
  if (!(head.pos === 'NOUN' || head.pos === 'PROPN' || head.code || misread)) return false;
  // The noun phrase back to its start: determiners, modifiers and names of things ("a misconfigured BGP session").
  let start = k;
  while (start > 0 && /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test(tokens[start - 1].pos) && tokens[start - 1].kind !== 'handle')
    start--;
  if (!tokens[start] || !/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[start].pos)) return false;
  const prefix = view.text.slice(0, tokens[start].start);
  const caused = CAUSE_BEFORE.test(prefix) || (/\b(?:by|from|after)\s*$/i.test(prefix) && harmIn(view, 0, start));
  // "The outage ended thanks to the replica that Oksana promoted": what ended the harm is the remedy.
  if (!caused || ENDED.test(prefix)) return false;
  return pastChange(view, subject.end);
}

/** Whether the verb at `at` (after adverbs) is a past action on the system: not a remedy nor a look into it. */
function pastChange(view: SentenceView, at: number): boolean {
  const { tokens } = view;
  let v = at;
  while (tokens[v]?.pos === 'ADV') v++;
  const verb = tokens[v];
  if (!verb) return false;
  // A past form; the tagger leaves some as they are ("set", "put").
  const past =
    (verb.pos === 'VERB' && pastForm(verb)) ||
    // "the retry settings Tomás edited by hand": the tagger may take the participle for an adjective.
    (verb.pos === 'ADJ' && verb.lower.endsWith('ed'));
  // Any action on the system ("edited", "wrote" a script): not talk or presence, a remedy, nor a look into it.
  if (!past || !actsOnSystem(verb) || isRemedy(verb, tokens[v + 1], view)) return false;
  return !forms(verb).some((f) => LOOKING_VERBS.has(f));
}

/**
 * "The IoT gateways went into a reboot loop; Eitan had set the watchdog timeout to one second.": after a clause of
 * harm, what the person had done before it (a past perfect of change, after a semicolon, colon or dash) explains it.
 */
export function explainsHarmBefore(view: SentenceView, subject: number, verb: number): boolean {
  const { tokens } = view;
  if (tokens[verb].lower !== 'had') return false;
  const done = tokens[verb + 1];
  if (done?.pos !== 'VERB' || !pastForm(done)) return false;
  let joint = subject - 1;
  while (joint > 0 && !/^[;:—–]$/.test(tokens[joint].text)) joint--;
  if (joint <= 0 || subject - joint > 3) return false;
  const told = harmIn(view, 0, joint) || BAD_STATE.test(view.text.slice(0, tokens[joint].start));
  return told && changeVerb(done) && !isRemedy(done, tokens[verb + 2], view);
}
