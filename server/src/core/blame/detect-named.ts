import { type Cue, phraseText, type SentenceView } from './cues';
import { nameAt } from './entities';
import { clauseStart, forms, nounPhraseAt, QUOTE_MARKS, subjectOf } from './grammar';
import {
  actsOnSystem,
  changeAction,
  consequenceAfter,
  coordinatedChange,
  ENDED,
  failureOutcome,
  harmIn,
  isRemedy,
  NOT_RECOVERED,
  takesRole,
} from './named-actions';
import {
  CAUSING_VERBS,
  CHANGING_REMEDIES,
  causeReason,
  complementClause,
  explainsHarmBefore,
  frontedParticiple,
  isPossessive,
  LOOKING_VERBS,
  madeOrCausedBy,
  REPORTING_VERBS,
  SECOND_VERB,
} from './named-cause';
import {
  AGENT_LABEL,
  CAUSAL,
  CAUSE_LABEL,
  EXPLANATION,
  GOOD_STATE,
  isArtefact,
  SUBORDINATORS,
  subordinatorBefore,
  THANKS_TO,
  verbAfter,
  withoutRole,
} from './named-phrases';
import { isRemedialObject, remedialArtefact } from './named-remedies';
import {
  BAD_EVENT,
  contextVerdict,
  failureObject,
  mistakenAction,
  possessiveArtefactEnd,
  RECEIVING,
  RECOVERY_AFTER,
  RELIEF_AFTER,
  SLIP,
  sentenceVerdict,
  UNTIL_SAFE,
} from './named-verdicts';

/** A span of tokens [start, end): a name, or a pronoun standing for one. */
interface Span {
  start: number;
  end: number;
}

/** A label that assigns follow-up work: "Owner:", "Action owner -", "Assignee |", "DRI:". */
const OWNER_LABEL =
  /^\s*(?:[-*|]\s*)?(?:(?:action|follow-?up|task) )?(?:owner|owners|assignee|assigned to|dri)\s*[:\-–—|]/i;

/** A named person or @handle as the agent or cause of the failure. */
export function detectNamed(view: SentenceView, other: readonly Cue[]): Cue[] {
  const { tokens, ctx } = view;
  const cues: Cue[] = [];
  const seen = new Set<number>();
  const names: Span[] = [];
  const label = CAUSE_LABEL.exec(view.text);
  const ownerColumn = (k: number) => {
    if (!view.columns || !view.cells) return false;
    const cell = view.cells.findIndex((c) => tokens[k].start >= c.textStart && tokens[k].start < c.textEnd);
    return cell >= 0 && /owner|assignee|who|author|contact|responsible|dri|lead/.test(view.columns[cell] ?? '');
  };
  // "Action owner: @femi.a — add a dry-run mode…": the one a follow-up is assigned to.
  const owner = OWNER_LABEL.exec(view.text);
  const ownerLabel = (k: number) =>
    !!owner && tokens[k].start >= owner[0].length - 1 && tokens[k].start <= owner[0].length + 3;
  const report = (name: Span, reason: string) => {
    seen.add(name.start);
    const start = tokens[name.start].start;
    const end = tokens[name.end - 1].end;
    const phrase = view.text.slice(start, end);
    cues.push({ kind: 'named-individual', start, end, phrase, subject: phrase, reason });
  };

  for (let i = 0; i < tokens.length; i++) {
    const name = nameAt(tokens, i, ctx);
    if (!name) continue;
    i = name.end - 1;
    if (seen.has(name.start) || ownerColumn(name.start) || ownerLabel(name.start)) continue;
    names.push(name);
    const reason = nameReason(view, name, other, label);
    if (reason) report(name, reason);
  }
  // "Wojtek admits he ran rm -rf on the wrong mount", "…, the service has been down since his deploy": a pronoun
  // after the one person the sentence names stands for them.
  const people = new Set(names.map((n) => phraseText(view, n.start, n.end)));
  // "Lorenzo's team was the most affected: … on his floor": the person is on the receiving end; "his" is theirs too.
  if (cues.length === 0 && people.size === 1 && !RECEIVING.test(view.text)) {
    // "Ana, you broke prod": a name said to the person makes "you" stand for them.
    const vocative =
      tokens[names[0].end]?.text === ',' &&
      (names[0].start === 0 ||
        tokens[names[0].start - 1]?.text === ',' ||
        /^(?:cheers|thanks|thx|hey|hi|congrats|bravo)$/.test(tokens[names[0].start - 1]?.lower ?? ''));
    for (let k = names[0].end; k < tokens.length; k++) {
      const pronoun = /^(?:he|she|his|her)$/.test(tokens[k].lower) || (vocative && tokens[k].lower === 'you');
      if (!pronoun || tokens[k].pos !== 'PRON') continue;
      // "her" as an object ("paged her") stands for no agent.
      if (tokens[k].lower === 'her' && tokens[k - 1]?.pos === 'VERB') continue;
      const reason = subjectReason(view, { start: k, end: k + 1 }, false, undefined);
      if (reason) {
        report(names[0], `pronoun-${reason}`);
        break;
      }
    }
  }
  return cues;
}

/** Why the name is the agent or cause of the failure, if it is: a verdict, another cue about them, or what they did. */
function nameReason(
  view: SentenceView,
  name: Span,
  other: readonly Cue[],
  label: RegExpExecArray | null,
): string | undefined {
  const { tokens } = view;
  const text = phraseText(view, name.start, name.end);
  const before = view.text.slice(0, tokens[name.start].start);
  const after = view.text.slice(tokens[name.end - 1].end);
  const said = sentenceVerdict(view, name, before, after);
  if (said !== undefined) return said ?? undefined;
  // A cue of another kind whose subject is this person ("Paolo should have known"), or that sits in the phrase of
  // their work ("Mehmet's fat-fingered prefix").
  const possessiveEnd = possessiveArtefactEnd(view, name);
  const own = other.find(
    (c) =>
      c.kind !== 'named-individual' &&
      // The cue's subject may be the name or the part of it the grammar kept: "Mensah" of "Dr. Mensah", "K." of "J.K.".
      (c.subject?.includes(text) ||
        (!!c.subject && c.subject.length > 1 && text.includes(c.subject)) ||
        (possessiveEnd !== undefined && c.start >= tokens[name.end].start && c.end <= tokens[possessiveEnd - 1].end)),
  );
  if (own) return `subject-of-${own.kind}`;
  // "Honestly Grace was careless with the credentials": a cue after the name in the clause it is the subject of.
  const predicate = other.find((c) => {
    if (c.kind === 'named-individual' || c.start < tokens[name.end - 1].end) return false;
    const at = tokens.findIndex((t) => t.start >= c.start);
    const subject = at >= 0 ? subjectOf(tokens, at) : undefined;
    if (subject === undefined || subject.head >= name.end) return false;
    // The grammar's subject may hold only a part of a name it splits at stops ("J" of "J.K.").
    if (subject.start <= name.start && subject.end >= name.end) return true;
    return /\./.test(text) && subject.start >= name.start && subject.end <= name.end && subject.end > subject.start;
  });
  if (predicate) return `subject-of-${predicate.kind}`;
  // Counterfactuals about the person, and answers to the sentence before.
  const context = contextVerdict(view, name, before, after);
  if (context !== undefined) return context ?? undefined;
  return subjectReason(view, name, isPossessive(tokens, name), label);
}

/**
 * What the subject at `subject` (a name or a pronoun for one) did, if it ties them to the failure: a cause ("caused
 * by Wei's migration"), a label ("Root cause: Omar."), harm, or a change tied to its effect.
 */
function subjectReason(
  view: SentenceView,
  subject: Span,
  possessive: boolean,
  label: RegExpExecArray | null | undefined,
): string | undefined {
  const { tokens } = view;
  // Find what the person (or their artefact) did.
  let phraseEnd = subject.end;
  let artefact = false;
  const whose = tokens[subject.end]?.text === ',' && tokens[subject.end + 1]?.lower === 'whose';
  if (possessive || whose) {
    const end = possessiveArtefactEnd(view, subject);
    if (end === undefined) return undefined; // "Anjali's analysis showed…"
    artefact = true;
    phraseEnd = end;
  } else if (/^(?:his|her|your)$/.test(tokens[subject.start].lower)) {
    // A pronoun's possessive: "his deploy".
    const np = nounPhraseAt(tokens, subject.start + 1);
    if (!np || !isArtefact(tokens[np.head])) return undefined;
    artefact = true;
    phraseEnd = np.end;
  }
  const prefix = withoutRole(view.text.slice(0, tokens[subject.start].start));
  const made = madeOrCausedBy(view, subject, possessive);
  if (made) return made;
  // "caused by Wei's migration", "thanks to Sven's change", "the mistake by Nia", "done by Yusuf".
  if (CAUSAL.test(prefix)) {
    const cause = causeReason(view, subject, phraseEnd, artefact, prefix);
    if (cause) return cause;
    // "Thanks to Ilse's quick failover, the outage lasted six minutes instead of an hour": gratitude that found no
    // irony says what the person did well; nothing else in the sentence is theirs.
    if (THANKS_TO.test(prefix)) return undefined;
  }
  // Under a cause label ("Root cause: Omar.", "Trigger: @aisha.k ran…").
  if (
    label &&
    tokens[subject.start].start >= label[0].length - 1 &&
    tokens[subject.start].start <= label[0].length + 3
  ) {
    const v = verbAfter(tokens, phraseEnd);
    if (v === undefined || !isRemedy(tokens[v])) return 'cause-label';
  }
  // Further in a cause label's value, as the one who changed what it names: "Contributing factor #1: the weights
  // that Chidi edited by hand".
  if (label && tokens[subject.start].start > label[0].length + 3 && !artefact) {
    const v = verbAfter(tokens, phraseEnd, subject.start);
    const verb = v !== undefined ? tokens[v] : undefined;
    if (
      v !== undefined &&
      verb &&
      (verb.pos === 'VERB' || (verb.pos === 'ADJ' && verb.lower.endsWith('ed'))) &&
      !verb.lower.endsWith('ing') &&
      actsOnSystem(verb) &&
      !isRemedy(verb, tokens[v + 1], view)
    )
      return 'cause-label';
  }
  // "| Agent: Nikolai P. | Action: ran VACUUM FULL | Effect: 2 h write outage |": the agent of a row that tells harm.
  const agentLabel = AGENT_LABEL.exec(view.text);
  if (
    agentLabel &&
    tokens[subject.start].start >= agentLabel[0].length - 1 &&
    tokens[subject.start].start <= agentLabel[0].length + 3 &&
    harmIn(view, subject.end) &&
    !ENDED.test(view.text) &&
    // A remedy told in the past ("Action: restored the backup"): the row is the response.
    !tokens
      .slice(subject.end)
      .some((t, k) => t.pos === 'VERB' && t.lower !== t.lemma && isRemedy(t, tokens[subject.end + k + 1], view))
  )
    return 'cause-label';
  // "Hope's reindex job is the reason search was empty": the person's work named as the cause.
  if (
    artefact &&
    /^\s*(?:is|was) (?:(?:the|what|our) (?:\w+ )?(?:reason|cause|trigger|culprit)\b|how\b|why\b|what (?:left|let|caused|broke|made|took|sent|kept)\b)/i.test(
      view.text.slice(tokens[phraseEnd - 1].end),
    )
  )
    return 'artefact';
  const v = verbAfter(tokens, phraseEnd, subject.start);
  if (v === undefined) return undefined;
  const verb = tokens[v];
  if (!artefact && explainsHarmBefore(view, subject.start, v)) return 'cause';
  // "Sofia was paged": the person received the failure. "Jonas will own the follow-up": a plan. But "Chen Wei's load
  // test was pointed at production and it saturated…": what happened to the person's work may be the harm.
  let passiveArtefact = false;
  if (verb.pos === 'AUX') {
    const nextVerb = tokens[v + 1];
    if (['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall'].includes(verb.lower)) return;
    if (['was', 'were', 'is', 'are', 'been', 'got', 'be'].includes(verb.lower) && nextVerb?.pos === 'VERB') {
      if (!artefact) return undefined;
      passiveArtefact = true;
    } else if (verb.lower !== 'had' && verb.lower !== 'has' && verb.lower !== 'did') return undefined;
  }
  // "Dave did not notice any errors": the verb after the negation.
  const negated =
    verb.pos === 'AUX' && /^(?:not|n't|never)$/.test(tokens[v + 1]?.lower ?? '') && tokens[v + 2]?.pos === 'VERB';
  let main = negated ? v + 2 : verb.pos === 'AUX' && tokens[v + 1]?.pos === 'VERB' ? v + 1 : v;
  // "spent the night rebuilding the index": the action is the gerund after the time spent.
  if (forms(tokens[main]).includes('spend')) {
    const gerund = tokens.findIndex((t, x) => x > main && x <= main + 4 && t.pos === 'VERB' && t.lower.endsWith('ing'));
    if (gerund > 0) main = gerund;
  }
  // "begins looking", "started to investigate": the action is the second verb.
  if (forms(tokens[main]).some((f) => SECOND_VERB.has(f))) {
    let k = main + 1;
    if (tokens[k]?.lower === 'to') k++;
    // "decided to "optimise" the ETL": scare quotes around the verb.
    if (QUOTE_MARKS.has(tokens[k]?.text ?? '')) k++;
    if (tokens[k]?.pos === 'VERB') main = k;
  }
  // "rolled out the patch" is remedial work; "caused the outage by applying an untested patch" is not: a verb of
  // causing makes the person the cause whatever tool it names.
  const causing = forms(tokens[main]).some((f) => CAUSING_VERBS.has(f));
  // "…bypassed the two-person rule to hotfix the engine, and the hotfix halted order matching": remedial work that
  // the sentence says did harm is not the response.
  // (Unless the sentence says it was a slip: "accidentally killed the healthy primary instead of the hung replica".)
  if (
    (isRemedialObject(tokens, main) && !causing && !consequenceAfter(view, main) && !SLIP.test(view.text)) ||
    takesRole(tokens, main)
  )
    return undefined;
  // "Dave's fix stopped the errors": a verb of stopping whose object is the failure tells a remedy.
  if (
    forms(tokens[main]).some((f) =>
      /^(?:stop|halt|end|eliminate|clear|cure|squash|silence|quell|limit|contain|shorten|minimi[sz]e|cap)$/.test(f),
    ) &&
    failureObject(tokens, main + 1) &&
    !harmIn(view, 0, main)
  )
    return undefined;
  // "As Dave pointed out, …": pointing out is saying.
  if (forms(tokens[main]).includes('point') && tokens[main + 1]?.lower === 'out') return undefined;
  // "Kofi said the deploy had caused the errors": the harm in what a person says or thinks is the complement's, not
  // theirs ("Wojtek admits he ran…" is read from the pronoun).
  if (forms(tokens[main]).some((f) => REPORTING_VERBS.has(f)) && complementClause(tokens, main + 1)) return undefined;
  // "Kim accidentally rebooted the primary": a remedy verb done by mistake is the harm itself.
  const mistaken = mistakenAction(view, subject.start, main);
  if (passiveArtefact) return mistaken || harmIn(view, main) ? 'artefact' : undefined;
  // "Afua's fix for the timezone bug shipped at 10:30", "Imani's quick rollback … kept data loss to three rows": the
  // person's remedy is theirs only if the sentence says it did harm.
  if (artefact && remedialArtefact(tokens, subject.end, phraseEnd) && !mistaken)
    return consequenceAfter(view, main) ||
      ((harmIn(view, main) || failureOutcome(tokens, main)) &&
        !forms(tokens[main]).some((f) =>
          /^(?:limit|contain|keep|hold|cap|minimi[sz]e|shorten|reduce|stop|prevent|avoid|save|spare|end|clear|halt)$/.test(
            f,
          ),
        ))
      ? 'artefact'
      : undefined;
  if (!mistaken) {
    const rest = view.text.slice(tokens[main].end);
    // "…and throttling stopped within a minute", "…, which stopped the cross-account responses", "…and the
    // force-update screen disappeared": the action ended the failure; it is the response.
    if (RELIEF_AFTER.test(rest) && !NOT_RECOVERED.test(rest)) return undefined;
    // "agreed to stop all writes until the replica was verified": a pause held until things were safe.
    if (UNTIL_SAFE.test(rest)) return undefined;
    // "Chen has been on call for three incidents this month": being on call is a role.
    if (
      /^\s*(?:been\s+)?(?:on[- ]call|the on-?call)\b/i.test(rest) &&
      /^(?:is|was|were|has|had|have|been)$/.test(tokens[main].lower)
    )
      return undefined;
    // "Helga rebuilt the index concurrently after the incident": work after the failure is follow-up.
    if (
      /^[^.;]{0,60}\b(?:after the (?:incident|outage|event)|post-incident|as (?:a |the )?follow-up)\b/i.test(rest) ||
      /^\W*(?:after|following|since) the (?:incident|outage|event)\b/i.test(view.text)
    )
      return undefined;
  }
  // "…should have drained node 4 before Lukas started the maintenance": what the person did after is a time.
  if (!mistaken && tokens[subject.start - 1]?.lower === 'before') return undefined;
  // 'Jonno "fixed" the NTP config': a remedy in scare quotes is the change that broke things.
  const scare = QUOTE_MARKS.has(tokens[main - 1]?.text ?? '') && QUOTE_MARKS.has(tokens[main + 1]?.text ?? '');
  if (scare && isRemedy(tokens[main], undefined, view) && !RECOVERY_AFTER.test(view.text.slice(tokens[main].end)))
    return artefact ? 'artefact' : 'agent';
  // A subordinate clause of cause ("because Kwame ran…", "after @rafa.m truncated…", "when Kenji ran…").
  // "…started double-charging once Mireille switched…": the tagger may call the subordinator an adverb.
  // "The 502s began the moment Ayşe toggled…": a noun of time as the subordinator.
  const sub = subordinatorBefore(tokens, subject.start);
  const c = sub !== undefined ? subject.start : clauseStart(tokens, subject.start);
  const subordinate = sub !== undefined || (c > 0 && SUBORDINATORS.has(tokens[c - 1].lower));
  // The main clause, before the subordinator.
  const mainEnd = sub ?? c - 1;
  // "Everything was fine until Mariana decided to…": what the person did ended a good state. ("The outage lasted
  // until Ana restarted the primary" is the remedy.)
  if (sub !== undefined && /^(?:until|till)$/.test(tokens[sub].lower)) {
    const before = view.text.slice(0, tokens[sub].start);
    // A change, or a restart-like remedy, ended it ("…until Ana noticed the queue growing" tells a discovery).
    const acted = actsOnSystem(tokens[main]) || forms(tokens[main]).some((f) => CHANGING_REMEDIES.has(f));
    if (GOOD_STATE.test(before) && !harmIn(view, 0, sub) && acted) return artefact ? 'artefact' : 'cause';
    if (!mistaken) return undefined;
  }
  if (tokens[main].lemma === 'fail' && isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) return undefined;
  if (isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) {
    if (coordinatedChange(view, main)) return 'change';
    if (consequenceAfter(view, main)) return 'consequence';
    // "Dave restarted the primary. Within seconds, every write failed.": the next sentence tells its effect.
    if (view.effectAfter && subject.start === 0 && !RECOVERY_AFTER.test(view.text)) return 'consequence';
    // "The downtime started when Siobhan rebooted the interface engine" (not "the outage ended when…").
    if (subordinate && harmIn(view, 0, mainEnd) && !ENDED.test(view.text.slice(0, tokens[mainEnd].start)))
      return 'cause';
    return undefined;
  }
  // "Taking down the whole CI fleet, @devon.m pushed…": a participle clause before the subject tells its effect.
  const fronted = tokens[subject.start - 1]?.text === ',' && frontedParticiple(tokens);
  // "Ana analysed the broken config": the harm is what the person looked into, not what they did.
  const looking = forms(tokens[main]).some((f) => LOOKING_VERBS.has(f));
  if (
    mistaken ||
    (!looking && harmIn(view, main)) ||
    // "The errors stopped the moment Ayşe toggled the flag off" tells a remedy.
    (subordinate && harmIn(view, 0, mainEnd) && !ENDED.test(view.text.slice(0, tokens[mainEnd].start))) ||
    // "The missing two hours of clickstream are because @feng.l restarted Flume…"
    (sub !== undefined && tokens[sub].lower === 'because' && BAD_EVENT.test(view.text.slice(0, tokens[sub].start))) ||
    (artefact && harmIn(view, 0, subject.start)) ||
    (fronted && harmIn(view, 0, subject.start))
  )
    return artefact ? 'artefact' : 'agent';
  if (
    changeAction(view, main, artefact) ||
    ((EXPLANATION.test(prefix) || view.effectAfter) && changeAction(view, main, true))
  )
    return artefact ? 'artefact' : 'change';
  return undefined;
}
