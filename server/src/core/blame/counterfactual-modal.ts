import {
  blamable,
  byAgent,
  entityOf,
  hasImpactWording,
  isHumanProcess,
  lastParticipleBefore,
  type Push,
} from './counterfactual-subject';
import type { SentenceView } from './cues';
import { forms, type NounPhrase, nounPhraseAt, subjectOf } from './grammar';
import { AVOIDED, HINDSIGHT_VERBS, HUMAN_ACTIVITY_PARTICIPLES } from './lexicon';
import type { Token } from './tokens';

/** Modal perfects ("should have", "could've been", "would have shown"): when they are hindsight about people. */

const MODALS = new Set(['should', 'could', 'ought', 'would']);
const SKIPPABLE = new Set([
  'not',
  "n't",
  'really',
  'definitely',
  'probably',
  'likely',
  'easily',
  'simply',
  'just',
  'also',
  'certainly',
  'surely',
  'clearly',
  'obviously',
  'at',
  'least',
  'trivially',
  'then',
  'still',
  'never',
]);

export interface ModalPerfect {
  modal: number;
  /** Index of the last token of the cue ("have", or "been"). */
  have: number;
  voice: 'active' | 'passive' | 'copula' | 'elliptical';
  /** The participle (active or passive), or the copula's complement. */
  verb?: number;
  /** The subject between the modal and "have" in a negative question ("Couldn't the deployer have checked…?"). */
  subject?: NounPhrase;
}

/** "should have", "could've", "ought not to have", "would have been" … with what follows. */
/** Words that make the subject of "would have" a better person than the one who acted: "a competent engineer". */
const BETTER_PERSON =
  /^(?:competent|experienced|seasoned|careful|good|decent|reasonable|sensible|senior|trained|qualified|responsible|diligent|attentive|capable|proper|real|half-decent|thoughtful|cautious|conscientious)$/;
/** Roles written as acronyms, which the entity classes take for teams: "any experienced SRE". */
const ROLE_ACRONYM = /^(?:SREs?|DBAs?|SWEs?|SEs?|devs?|admins?|sysadmins?|ops)$/;

export function modalPerfectAt(tokens: Token[], i: number): ModalPerfect | undefined {
  if (!MODALS.has(tokens[i].lower)) return undefined;
  let j = i + 1;
  while (tokens[j] && (SKIPPABLE.has(tokens[j].lower) || (tokens[i].lower === 'ought' && tokens[j].lower === 'to')))
    j++;
  let subject: NounPhrase | undefined;
  if (!tokens[j] || !['have', "'ve", 'of'].includes(tokens[j].lower)) {
    // "Couldn't the deployer have checked…?", "Shouldn't someone have paged…?": a negative question that opens the
    // sentence, its subject between the modal and "have".
    if (i !== 0 || !tokens.slice(i + 1, j).some((t) => t.lower === "n't" || t.lower === 'not')) return undefined;
    subject = nounPhraseAt(tokens, j);
    if (!subject || tokens[subject.end]?.lower !== 'have') return undefined;
    j = subject.end;
  }
  const have = j;
  let k = j + 1;
  while (tokens[k] && (SKIPPABLE.has(tokens[k].lower) || tokens[k].pos === 'ADV') && tokens[k].lower !== 'been') k++;
  const next = tokens[k];
  if (!next || next.kind === 'punct') return { modal: i, have, voice: 'elliptical', subject };
  if (next.lower === 'to') return undefined; // "should have to": an obligation, not hindsight
  if (next.lower === 'been') {
    let m = k + 1;
    while (
      tokens[m] &&
      (tokens[m].pos === 'ADV' || SKIPPABLE.has(tokens[m].lower)) &&
      !/^(?:enough|obvious|clear)$/.test(tokens[m].lower)
    )
      m++;
    const after = tokens[m];
    if (!after || after.kind === 'punct' || after.pos === 'SCONJ')
      return { modal: i, have: k, voice: 'elliptical', subject };
    // A participle by its ending, or by its lemma when irregular ("held", "told", "sold").
    if (
      after.pos === 'VERB' &&
      (/(?:ed|en|wn|ght|ne|un|ung|ot|lt|pt|nt|id|ade)$/.test(after.lower) ||
        (after.lemma !== after.lower && !/(?:s|ing)$/.test(after.lower)))
    )
      return { modal: i, have: k, voice: 'passive', verb: m, subject };
    return { modal: i, have: k, voice: 'copula', verb: m, subject };
  }
  if (next.lower === 'had') return undefined; // "should not have had lingering issues": possession
  // "should have alerting": a gerund after have is a noun (possession), not a participle.
  if ((next.pos === 'VERB' || next.pos === 'AUX' || /ed$/.test(next.lower)) && !/ing$/.test(next.lower))
    return { modal: i, have, voice: 'active', verb: k, subject };
  return undefined; // "should have a talk", "should have priority": have = possess
}

/** Verbs of expectation and wish: "we would have expected", "would have liked". */
const EXPECTATION_VERBS = new Set([
  'expect',
  'anticipate',
  'predict',
  'like',
  'love',
  'want',
  'prefer',
  'hope',
  'guess',
  'imagine',
  'estimate',
]);
/** Verbs of what people do to people (warn, tell, train): "Staff should have been warned" implies a person did not. */
const TOLD_VERBS = new Set(
  'warn tell told inform notify consult train alert page ask brief remind contact call email involve escalate'.split(
    ' ',
  ),
);
/** Verbs of a better outcome that an untaken action "would have" brought. */
const OUTCOME_VERBS = new Set(
  'show shown tell told reveal revealed save saved catch caught prevent prevented avoid avoided spare spared stop stopped flag flagged surface surfaced expose exposed highlight highlighted make-clear point pointed confirm confirmed detect detected find found limit limited'.split(
    ' ',
  ),
);
/** Nouns of a person's quick action ("a quick dig", "a glance at the graph", "one question"). */
const ACTION_NOUNS = new Set(
  'glance look check dig grep query question call test read reading review peek search ping restart rollback revert dry-run dryrun rehearsal conversation word heads-up reminder double-check sanity-check deploy deployment eye eyes'.split(
    ' ',
  ),
);

/** Whether a subject is a person's action: a gerund ("reading the runbook") or an action noun ("a quick dig"). */
function humanActionSubject(tokens: Token[], np: NounPhrase | undefined): boolean {
  if (!np) return false;
  const first = tokens[np.start];
  if (
    first.lower.endsWith('ing') &&
    (first.pos === 'VERB' || first.pos === 'NOUN') &&
    !/^(?:nothing|something|anything|everything)$/.test(first.lower)
  )
    return true;
  for (let k = np.start; k < np.end; k++)
    if (
      ACTION_NOUNS.has(tokens[k].lemma) ||
      ACTION_NOUNS.has(tokens[k].lower) ||
      (tokens[k].lower === 'run' && tokens[k - 1]?.lower === 'dry')
    )
      return true;
  // "a second pair of eyes on the change", "one more round of testing": the action is the "of" phrase's.
  if (tokens[np.end]?.lower === 'of') return humanActionSubject(tokens, nounPhraseAt(tokens, np.end + 1));
  return false;
}

/** Whether "with/through/via <phrase>" right after the participle names a thing, not a person or an action. */
function instrumentIsThing(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  let k = verb + 1;
  while (tokens[k]?.pos === 'ADV') k++;
  if (!/^(?:with|through|via)$/.test(tokens[k]?.lower ?? '')) return false;
  const np = nounPhraseAt(tokens, k + 1);
  if (!np || tokens[np.start].lower.endsWith('ing')) return false;
  // "with more care from the on-call", "with a review by the team": what people should have given.
  if (/^(?:care|attention|diligence|caution|thought|communication|coordination)$/.test(tokens[np.head].lemma))
    return false;
  if (humanActionSubject(tokens, np) || isHumanProcess(tokens, np)) return false;
  const who = /^(?:from|by|of)$/.test(tokens[np.end]?.lower ?? '') ? nounPhraseAt(tokens, np.end + 1) : undefined;
  if (who && blamable(entityOf(view, who))) return false;
  return !blamable(entityOf(view, np));
}

/** "Simply checking the disk before the upgrade would have…": a sentence that opens with a gerund clause. */
function gerundOpening(tokens: Token[], modal: number): boolean {
  let k = 0;
  while (tokens[k] && tokens[k].pos === 'ADV') k++;
  const t = tokens[k];
  return (
    !!t &&
    k < modal &&
    t.lower.endsWith('ing') &&
    t.pos === 'VERB' &&
    !/^(?:nothing|something|anything|everything|during)$/.test(t.lower)
  );
}

/**
 * The cue, if any, of the modal perfect `mp` at token `i`: hindsight about a person ("the engineer should have
 * checked"), an untaken action ("reading the runbook would have saved an hour"), a minimizer; not an expectation,
 * a capability or designed behaviour.
 */
export function modalPerfectCue(
  view: SentenceView,
  i: number,
  mp: ModalPerfect,
  push: Push,
  question: boolean,
  rhetorical: boolean,
): void {
  const { tokens } = view;
  const tok = tokens[i];
  // A negative question with its subject inside ("Couldn't the deployer have…?") is a reproach, not a question.
  if (question && !rhetorical && !mp.subject) return;
  const subjectNp = mp.subject ?? subjectOf(tokens, i);
  const subject = entityOf(view, subjectNp);
  if (subject?.kind === 'adversary') return;
  const modal = tok.lower;
  const verb = mp.verb !== undefined ? tokens[mp.verb] : undefined;
  const verbForms = verb ? forms(verb) : [];
  // "we would have expected", "we'd have liked": an expectation or a wish, not a verdict.
  if (verbForms.some((f) => EXPECTATION_VERBS.has(f))) return;
  // "Anyone that possesses the key could have restarted it": a capability, not what someone should have done.
  if (modal === 'could' && subjectNp && /^(?:anyone|anybody|everyone|everybody)$/.test(tokens[subjectNp.head].lower))
    return;
  // "Ines could have restarted the pod too, but the runbook said to wait": what someone was able to do as well.
  if (modal === 'could' && /^[^.;,]*\b(?:too|as well|also)\b/i.test(view.text.slice(tokens[mp.have].end))) return;
  // "Anyone on the team, Dave included, could have restarted it": the same capability, said of all.
  if (modal === 'could' && /^\W*(?:anyone|anybody|everyone|everybody)\b/i.test(view.text)) return;
  // "A quick dig +trace would have shown…", "reading the runbook would have saved an hour": a human action,
  // untaken, as the subject of a better outcome.
  if (
    mp.voice === 'active' &&
    (modal === 'would' || modal === 'could') &&
    (humanActionSubject(tokens, subjectNp) || gerundOpening(tokens, i)) &&
    verbForms.some((f) => OUTCOME_VERBS.has(f))
  ) {
    push(i, mp.have + 1, 'untaken-action', subjectNp);
    return;
  }
  // "A reasonable engineer, given the same dashboard, would have made the same call": the substitution test, which
  // clears the person.
  if (
    modal === 'would' &&
    /^\s*(?:\w+\s+)?(?:made|done|taken|reached) the same\b|^\s*(?:acted|decided|chosen) the same\b/i.test(
      view.text.slice(tokens[mp.have].end),
    )
  )
    return;
  // "Any seasoned engineer would have tested the restore", "A competent DBA would have…": what a better person
  // would have done.
  if (
    modal === 'would' &&
    mp.voice === 'active' &&
    subjectNp &&
    (/^(?:any|every)$/.test(tokens[subjectNp.start].lower) ||
      (/^(?:a|an)$/.test(tokens[subjectNp.start].lower) &&
        BETTER_PERSON.test(tokens[subjectNp.start + 1]?.lower ?? '')))
  ) {
    if (blamable(subject) || ROLE_ACRONYM.test(tokens[subjectNp.head].text))
      push(i, mp.have + 1, 'hindsight', subjectNp);
    return;
  }
  // "Checking the TTL would have taken thirty seconds": an untaken action, and how little it would have cost.
  if (
    modal === 'would' &&
    verbForms.includes('take') &&
    (humanActionSubject(tokens, subjectNp) || gerundOpening(tokens, i)) &&
    /^\s*(?:(?:only|just|less than|about|maybe) )?(?:a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|sixty|\d+|a few|a couple of)[- ](?:\w+ )?(?:seconds?|minutes?|mins?|clicks?|commands?|lines?)\b/i.test(
      view.text.slice(tokens[mp.verb ?? i].end),
    )
  ) {
    push(i, (mp.verb ?? i) + 1, 'minimizer', subjectNp);
    return;
  }
  // "It would have taken five minutes to set a reminder".
  if (
    modal === 'would' &&
    verbForms.includes('take') &&
    /^\s*(?:(?:only|just|all of|less than|about|maybe) )?(?:a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|\d+|a few|a couple of)[- ](?:\w+ )?(?:seconds?|minutes?|mins?|hours?|clicks?|commands?|lines?)\b[^.]*\bto\b/i.test(
      view.text.slice(tokens[mp.verb ?? i].end),
    )
  ) {
    push(i, (mp.verb ?? i) + 1, 'minimizer', subjectNp);
    return;
  }
  if (modal === 'would') {
    // "Anyone would have seen…", "it would have taken the on-call ten seconds".
    if (mp.voice === 'active' && blamable(subject) && verbForms.some((f) => HINDSIGHT_VERBS.has(f)))
      push(i, mp.have + 1, 'hindsight', subjectNp);
    else if (mp.voice === 'active' && verbForms.includes('take')) {
      const object = nounPhraseAt(tokens, (mp.verb ?? i) + 1);
      if (object && blamable(entityOf(view, object))) push(i, (mp.verb ?? i) + 1, 'minimizer', object);
    } else if (mp.voice === 'copula' && verb && /^(?:easy|trivial|simple|obvious)$/.test(verb.lower))
      push(i, (mp.verb ?? i) + 1, 'minimizer', subjectNp);
    return;
  }
  if (mp.voice === 'active') {
    // "the rollback should have happened before anyone…": a human process that came late.
    if (modal !== 'could' && !blamable(subject) && isHumanProcess(tokens, subjectNp)) {
      push(i, mp.have + 1, 'should-have', subjectNp);
      return;
    }
    if (!blamable(subject)) return;
    if (modal === 'could' && hasImpactWording(tokens, (mp.verb ?? i) + 1)) return;
    push(i, mp.have + 1, modal === 'could' ? 'could-have' : 'should-have', subjectNp);
    return;
  }
  if (mp.voice === 'passive' && verb) {
    const agent = byAgent(tokens, mp.verb ?? i);
    if (agent === 'gerund') {
      push(i, (mp.verb ?? i) + 1, 'avoidable', subjectNp);
      return;
    }
    if (agent) {
      if (blamable(entityOf(view, agent))) push(i, (mp.verb ?? i) + 1, 'passive', agent);
      return;
    }
    const human = verbForms.some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f));
    const avoided = verbForms.some((f) => AVOIDED.has(f));
    // "could have been avoided with a staged rollout", "…prevented through per-record TTLs": a change to the
    // system or the process as the means is systems analysis, as "by a lock on the table" is (issue 16). A human
    // action as the means ("by deploying the changes individually") stays hindsight.
    if (avoided && !human && instrumentIsThing(view, mp.verb ?? i)) return;
    // "Staff should have been warned": people as the ones something should have been done to, by people.
    const toPeople =
      (modal === 'should' || modal === 'ought') && blamable(subject) && verbForms.some((f) => TOLD_VERBS.has(f));
    if (human || avoided || toPeople || (isHumanProcess(tokens, subjectNp) && modal !== 'could'))
      push(i, (mp.verb ?? i) + 1, 'passive', subjectNp);
    return;
  }
  if (mp.voice === 'copula' && verb) {
    // "should have been enough for the engineer to stop", "should have been obvious to the reviewer".
    const rest = tokens.slice((mp.verb ?? i) + 1, (mp.verb ?? i) + 6);
    const forWhom = rest.findIndex((t) => t.lower === 'for' || t.lower === 'to');
    if (/^(?:enough|sufficient|obvious|clear|apparent|evident)$/.test(verb.lower) && forWhom >= 0) {
      const who = nounPhraseAt(tokens, (mp.verb ?? i) + 2 + forWhom);
      if (blamable(entityOf(view, who))) push(i, (mp.verb ?? i) + 1, 'hindsight', who);
    }
    // "It should have been obvious that the new index would lock the table": what someone should have seen, with
    // the seer left out (the modal's subject is the "it" of the clause that follows).
    if (
      /^(?:obvious|clear|apparent|evident)$/.test(verb.lower) &&
      modal === 'should' &&
      subjectNp &&
      tokens[subjectNp.head].lower === 'it' &&
      tokens[(mp.verb ?? i) + 1]?.lower === 'that'
    )
      push(i, (mp.verb ?? i) + 1, 'hindsight', subjectNp);
    return;
  }
  if (mp.voice === 'elliptical') {
    // "not handled as well as it could have been": the participle comes earlier.
    const p = lastParticipleBefore(tokens, i);
    if (p !== undefined && forms(tokens[p]).some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f)))
      push(i, mp.have + 1, 'passive', subjectNp);
  }
  return;
}
