import type { Cue, SentenceView } from './cues';
import { nameAt } from './entities';
import { clauseStart, forms, isClausePunct, nounPhraseAt } from './grammar';
import { HARM_VERBS, HARM_WORDS, REMEDY_VERBS, WRONG_ACTION } from './lexicon';
import type { Token } from './tokens';

/** Things people make whose failure the sentence may pin on their maker ("Emeka's change", "Ewa's load test"). */
const ARTEFACTS = new Set(
  'change changes pr prs commit commits deploy deployment script scripts hotfix patch push merge migration config configuration typo mistake error errors fix test query command update upgrade rollout release edit cleanup flush job code regex rule flag decision work branch diff'.split(
    ' ',
  ),
);
/** What a person's possessive names that is not their work: "Anjali's analysis", "Tomasz's team", "Kim's help". */
const NOT_ARTEFACTS = new Set(
  `analysis analyses team squad group manager lead report reports summary account investigation findings finding
  help question questions idea ideas suggestion suggestions timeline writeup write-up diagnosis insight instinct
  patience call message messages email note-taking notes comment comments review reviews feedback point
  observation observations quick thinking memory recollection view opinion concern concerns proposal
  role shift turn laptop phone desk family name title birthday holiday leave first second`.split(/\s+/),
);

/** Whether a noun after a person's possessive is something they made or did ("Caio's dbt macro", "Cormac's tidy-up"). */
function isArtefact(head: Token): boolean {
  if (ARTEFACTS.has(head.lemma)) return true;
  return (
    (head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'VERB') &&
    !NOT_ARTEFACTS.has(head.lemma) &&
    !NOT_ARTEFACTS.has(head.lower)
  );
}

/** Prepositions that make a phrase a cause ("caused by", "thanks to", "traces back to"). */
const CAUSAL = /\b(?:by|due to|because of|thanks to|owing to|back to|traced to|result of|fault of|from|after)\s*$/i;
const CAUSE_LABEL =
  /^\s*(?:[-*|]\s*)?(?:\d{1,2}:\d{2}\s*)?(?:\(?(?:primary |root |proximate |direct |immediate |initial |main |underlying |contributing )?(?:cause|causes|trigger|triggered by|caused by|introduced by|broken by|regressed by|culprit|responsible(?: party)?|at fault|blame|who broke it|why it happened|what (?:went wrong|happened)|origin)(?: of (?:the |this )?[\w-]+(?: [\w-]+)?)?\)?)\s*[:\-–—|]/i;
const VERDICT = [
  /\bblame\b.{0,60}\b(?:lies|lay|rests|rested|falls|fell|sits|goes|went|belongs) (?:squarely |solely |entirely )?(?:with|on|to)\s*$/i,
  /\b(?:culprit|cause|root cause|trigger) (?:was|is|:)\s*$/i,
  /\bfault of\s*$/i,
];
const VERDICT_AFTER = [
  /^(?:'s|’s) fault\b/i,
  /^\s*(?:is|was|'s) (?:to blame|at fault|responsible for (?:the|this) (?:outage|incident|failure))/i,
  /^\s*(?:is|was) the (?:culprit|cause|root cause)\b/i,
];

function harmIn(view: SentenceView, from: number, to = view.tokens.length): boolean {
  const { tokens } = view;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const f = forms(t);
    if (f.some((w) => HARM_WORDS.has(w))) return true;
    if ((t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN') && f.some((w) => HARM_VERBS.has(w))) return true;
    // "took down", "brought down", "knocked over", "went down"
    if (
      (f.includes('take') || f.includes('bring') || f.includes('knock') || f.includes('go')) &&
      ['down', 'over', 'out', 'offline'].includes(tokens[k + 1]?.lower ?? '')
    )
      return true;
  }
  const text = view.text.slice(tokens[from]?.start ?? view.text.length, tokens[to - 1]?.end ?? view.text.length);
  return WRONG_ACTION.some((re) => re.test(text));
}

/** The verb the phrase ending at `end` is the subject of, if it comes right after (skipping adverbs and a parenthetical). */
function verbAfter(tokens: Token[], end: number, start = end): number | undefined {
  let k = end;
  // "It was Rahul's deploy that introduced…"
  if (tokens[k] && /^(?:that|which|who)$/.test(tokens[k].lower)) k++;
  // "The contractor, Hamish Reid, uploaded…": the comma that closes an apposition before the name.
  if (tokens[k]?.text === ',' && tokens[k + 1]?.pos === 'VERB' && apposed(tokens, start)) k++;
  // "Mandla, the weekend on-call, restarted…": an apposition after the name.
  if (tokens[k]?.text === ',' && /^(?:the|our|a|an|then|now)$/.test(tokens[k + 1]?.lower ?? '')) {
    const close = tokens.findIndex((t, x) => x > k + 1 && t.text === ',');
    if (close > 0 && close - k < 9 && (tokens[close + 1]?.pos === 'VERB' || tokens[close + 1]?.pos === 'AUX'))
      k = close + 1;
  }
  // ", deployed at 16:20," / ", pointed at production by accident,"
  if (tokens[k]?.text === ',') {
    const close = tokens.findIndex((t, x) => x > k && t.text === ',');
    if (close > 0 && close - k < 10 && tokens[k + 1]?.pos === 'VERB') k = close + 1;
  }
  if (tokens[k]?.text === '(') {
    const close = tokens.findIndex((t, x) => x > k && t.text === ')');
    if (close > 0) k = close + 1;
  }
  // "Lucía's typo in the nginx config caused…": skip prepositional phrases attached to the subject.
  for (let guard = 0; guard < 3 && tokens[k]?.pos === 'ADP' && tokens[k].lower !== 'by'; guard++) {
    const np = nounPhraseAt(tokens, k + 1);
    if (!np) break;
    k = np.end;
  }
  while (tokens[k] && (tokens[k].pos === 'ADV' || tokens[k].lower === 'then' || tokens[k].lower === 'also')) k++;
  const t = tokens[k];
  if (!t) return undefined;
  if (
    t.pos === 'VERB' ||
    /^re-(?:ran|did|set|wrote|\w+ed)$/.test(t.lower) ||
    (t.pos === 'AUX' && tokens[k + 1]?.pos === 'VERB') ||
    (t.pos === 'ADJ' && /ed$/.test(t.lower))
  )
    return k;
  if (t.pos === 'AUX') return k;
  return undefined;
}

/** Whether the name at `start` closes an apposition: "The contractor, Hamish Reid, …". */
function apposed(tokens: Token[], start: number): boolean {
  return tokens[start - 1]?.text === ',' && (tokens[start - 2]?.pos === 'NOUN' || tokens[start - 2]?.pos === 'PROPN');
}

function isRemedy(t: Token, next?: Token, view?: SentenceView): boolean {
  // "failed over the primary", "failed traffic over to the secondary", "failed back to the old region"
  if (t.lemma === 'fail' && (next?.lower === 'over' || next?.lower === 'back')) return true;
  if (t.lemma === 'fail' && view && /^\s*(?:[\w-]+ ){0,3}(?:over|back) to\b/i.test(view.text.slice(t.end))) return true;
  return forms(t).some((f) => REMEDY_VERBS.has(f));
}

const REMEDY_OBJECTS = new Set([
  'fix',
  'fixed',
  'fixes',
  'patch',
  'patched',
  'rollback',
  'revert',
  'workaround',
  'mitigation',
  'hotfix',
  'corrected',
  'restored',
]);
const PROBLEM_OBJECTS = new Set([
  'stray',
  'affected',
  'orphaned',
  'stale',
  'leftover',
  'malicious',
  'broken',
  'faulty',
  'bad',
  'duplicate',
  'duplicated',
  'zombie',
  'stuck',
  'failing',
  'crashing',
  'corrupted',
  'corrupt',
  'unused',
  'spam',
  'hung',
  'dangling',
  'offending',
  'compromised',
  'leaked',
]);
const REMOVALS = new Set([
  'delete',
  'remove',
  'drop',
  'kill',
  'purge',
  'wipe',
  'evict',
  'revoke',
  'disable',
  'terminate',
  'clean',
  'quarantine',
  'yank',
]);

/**
 * Remedial work whatever the verb: "sent out a fix", "deploys a fixed Boskos", "rolled Prow back", "merges the
 * rollback PR", "a PR to fix…", or removing what is itself the problem ("deletes the affected versions").
 */
function isRemedialObject(tokens: Token[], verb: number): boolean {
  const removal = forms(tokens[verb]).some((f) => REMOVALS.has(f));
  for (let k = verb + 1; k < tokens.length && k < verb + 12; k++) {
    const t = tokens[k];
    if (isClausePunct(t) || t.lower === 'which' || t.lower === 'and') break;
    if (REMEDY_OBJECTS.has(t.lower) || (t.lower === 'back' && forms(tokens[verb]).includes('roll'))) return true;
    if (removal && PROBLEM_OBJECTS.has(t.lower)) return true;
  }
  return false;
}

/** A consequence attached to the person's own action: ", which dropped…", ", wiping out…", "and the primary went down". */
function consequenceAfter(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  for (let k = verb + 1; k < tokens.length; k++) {
    const t = tokens[k];
    // ", which dropped all writes" (an effect), not ", which is itself blocked" (a state of the object).
    if (t.text === ',' && tokens[k + 1]?.lower === 'which' && tokens[k + 2]?.pos !== 'AUX') return harmIn(view, k + 1);
    if (t.text === ',' && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1].lower.endsWith('ing'))
      return harmIn(view, k + 1);
    if (t.lower === 'and' && tokens[k + 1] && nounPhraseAt(tokens, k + 1)) {
      const np = nounPhraseAt(tokens, k + 1);
      if (np && tokens[np.end]?.pos === 'VERB') return harmIn(view, k + 1);
    }
  }
  return false;
}

/**
 * Verbs of response, talk, thought and presence: a person doing these is not changing the system ("Kofi joined the
 * bridge", "Ana said the replica lagged", "Lars waited for the vendor").
 */
const NEUTRAL_VERBS = new Set(
  `say tell ask answer reply walk show present demo guide write post message ping email call phone text share send-word join attend arrive
  leave return come go wait stay sleep wake work continue keep try attempt start begin resume get receive hand
  handover take-over own lead chair run-the-call facilitate coordinate organise organize schedule plan agree
  disagree decide think believe assume expect know learn realise realize remember recall notice see watch look
  hear read find discover spot identify investigate analyse analyze research study measure reproduce profile
  inspect examine suspect confirm verify check test review explain describe document note record summarise
  summarize thank help support assist pair mentor train teach design build own maintain volunteer propose
  suggest recommend request warn alert flag raise report escalate page acknowledge ack declare announce
  communicate update mention tag assign become act serve step accept take give bring be have do feel`.split(/\s+/),
);
const MEETINGS = new Set(
  'review retro retrospective meeting call bridge session sessions drill debrief postmortem post-mortem standup stand-up sync workshop interview demo tabletop exercise game-day gameday'.split(
    ' ',
  ),
);
/** Words that say the person's action made things better ("…; writes resumed at 04:21"). */
const RECOVERY =
  /\b(?:resum\w*|recover\w*|restor\w*|succeed\w*|success\w*|normal|healthy|stable|stabilis\w*|stabiliz\w*|back (?:up|online|to)|drain(?:ed|ing)? (?:down|away)|fell|dropped back|cleared|caught up|mitigat\w*|resolv\w*|fixed|fix)\b/i;

/**
 * A change made by the person: a verb in the past (or the narrative present) that is neither a remedy nor talk,
 * thought or presence, with an object ("Ioana changed the HSM partition password", "Bence ran pg_resetwal on one of
 * them"). In a postmortem such a sentence tells who made the change that failed, unless it says things recovered.
 */
function changeAction(view: SentenceView, main: number, artefact = false): boolean {
  const { tokens } = view;
  const verb = tokens[main];
  const redo = /^re-(?:ran|did|set|wrote|\w+ed)$/.test(verb.lower);
  if ((verb.pos !== 'VERB' && !redo) || verb.lower.endsWith('ing')) return false;
  if (redo) return !RECOVERY.test(view.text.slice(verb.end));
  if (
    verb.lower === verb.lemma &&
    !/^(?:put|set|cut|hit|shut|let|spread|broadcast|upset|reset|re-ran)$/.test(verb.lower)
  )
    return false;
  if (forms(verb).some((f) => NEUTRAL_VERBS.has(f) || REMEDY_VERBS.has(f))) return false;
  const next = tokens[main + 1];
  if (!next || isClausePunct(next)) return false;
  // "ran the learning review", "held the retro": running a meeting is not a change to the system.
  const object = nounPhraseAt(tokens, main + 1);
  if (object && MEETINGS.has(tokens[object.head].lemma)) return false;
  if (RECOVERY.test(view.text.slice(verb.end))) return false;
  return artefact || causalContext(view, main);
}

/** A verb of change to a system (not talk, thought, presence or remedy): "flushed", "deleted", "rotated". */
function changeVerb(verb: Token): boolean {
  return !forms(verb).some(
    (f) =>
      NEUTRAL_VERBS.has(f) ||
      REMEDY_VERBS.has(f) ||
      /^(?:write|author|own|lead|run|facilitate|prepare|edit|compile|review|approve|page|call|notify|tell|ask|report|found|discover|catch|spot|notice|see)$/.test(
        f,
      ),
  );
}

/**
 * Whether the sentence ties the person's change to what followed: the change sits in a clause of cause or time
 * ("because Kavya set…", "after Giulia replayed…") or is followed by its effect ("…, which…", "and the cluster
 * partitioned", "…, leaving…"). A change told alone is a timeline entry, most often the response.
 */
function causalContext(view: SentenceView, main: number): boolean {
  const { tokens } = view;
  for (let k = main - 1; k >= 0; k--) {
    if (tokens[k].text === ';' || tokens[k].text === '.') break;
    if (/^(?:because|after|when|since|once|as|until|so)$/.test(tokens[k].lower) && tokens[k].pos !== 'ADV') return true;
  }
  const rest = view.text.slice(tokens[main].end);
  return /(?:,\s*(?:which|causing|leaving|locking|taking|breaking|sending|wiping|dropping|so)\b|\b(?:and|so|then) (?:the|all|every|our|its|each|both|no|nothing|payments|users|customers|writes|reads|requests|traffic)\b|\bresulting in\b|\bwhich (?:then )?\w+ed\b)/i.test(
    rest,
  );
}

/** "Sione approved his own pull request and shipped a trust bundle…": a change in a second verb of the same subject. */
function coordinatedChange(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  for (let k = verb + 1; k < tokens.length - 1; k++) {
    if (tokens[k].text === ';' || tokens[k].text === '.' || tokens[k].lower === 'but') return false;
    if (tokens[k].lower === 'and' && tokens[k + 1].pos === 'VERB') return changeAction(view, k + 1);
  }
  return false;
}

const ROLE_VERBS = new Set(['take', 'assume', 'become', 'act', 'serve', 'join', 'step', 'volunteer', 'accept']);
const ROLE_NOUNS =
  /^(?:commander|ic|command|lead|leader|scribe|coordinator|liaison|role|owner|responder|on-?call|facilitator|point|dri)$/;

/** Taking a role in the response is neutral: "Priya takes the incident commander role", "Aiko became the IC". */
function takesRole(tokens: Token[], verb: number): boolean {
  if (!forms(tokens[verb]).some((f) => ROLE_VERBS.has(f))) return false;
  for (let k = verb + 1; k < tokens.length && k < verb + 7; k++) {
    if (isClausePunct(tokens[k])) return false;
    if (ROLE_NOUNS.test(tokens[k].lower)) return true;
  }
  return false;
}

/** A named person or @handle as the agent or cause of the failure. */
export function detectNamed(view: SentenceView, other: readonly Cue[]): Cue[] {
  const { tokens, ctx } = view;
  const cues: Cue[] = [];
  const seen = new Set<number>();
  const label = CAUSE_LABEL.exec(view.text);
  const ownerColumn = (k: number) => {
    if (!view.columns || !view.cells) return false;
    const cell = view.cells.findIndex((c) => tokens[k].start >= c.textStart && tokens[k].start < c.textEnd);
    return cell >= 0 && /owner|assignee|who|author|contact|responsible|dri|lead/.test(view.columns[cell] ?? '');
  };

  for (let i = 0; i < tokens.length; i++) {
    const name = nameAt(tokens, i, ctx);
    if (!name) continue;
    i = name.end - 1;
    if (seen.has(name.start) || ownerColumn(name.start)) continue;
    const report = (reason: string) => {
      seen.add(name.start);
      const start = tokens[name.start].start;
      const end = tokens[name.end - 1].end;
      cues.push({
        kind: 'named-individual',
        start,
        end,
        phrase: view.text.slice(start, end),
        subject: view.text.slice(start, end),
        reason,
      });
    };
    const before = view.text.slice(0, tokens[name.start].start);
    const after = view.text.slice(tokens[name.end - 1].end);
    const possessive =
      tokens[name.end]?.lower === "'s" ||
      (/s$/i.test(tokens[name.end - 1].text) &&
        /^['’]$/.test(tokens[name.end]?.text ?? '') &&
        tokens[name.end].start === tokens[name.end - 1].end);

    // Verdicts: "Tariq's fault", "Leila is to blame", "blame lies with Thabo", "the culprit was Jin-woo".
    if (VERDICT.some((re) => re.test(before)) || VERDICT_AFTER.some((re) => re.test(after))) {
      report('verdict');
      continue;
    }
    // A cue of another kind whose subject is this person: "Paolo should have known".
    const own = other.find(
      (c) =>
        c.subject?.includes(view.text.slice(tokens[name.start].start, tokens[name.end - 1].end)) &&
        c.kind !== 'named-individual',
    );
    if (own) {
      report(`subject-of-${own.kind}`);
      continue;
    }
    // The answer to "Who broke prod?"
    if (name.start === 0 && view.previous && /^who\b/i.test(view.previous.trim()) && /\?\s*$/.test(view.previous)) {
      report('answer');
      continue;
    }

    // Find what the person (or their artefact) did.
    let phraseEnd = name.end;
    let artefact = false;
    const whose = tokens[name.end]?.text === ',' && tokens[name.end + 1]?.lower === 'whose';
    if (possessive || whose) {
      const np = nounPhraseAt(tokens, name.end + (whose ? 2 : 1));
      if (np && isArtefact(tokens[np.head])) {
        artefact = true;
        phraseEnd = np.end;
      } else continue; // "Anjali's analysis showed…"
    }
    const prefix = view.text.slice(0, tokens[name.start].start);
    // "caused by Wei's migration", "thanks to Sven's change", "the mistake by Nia", "done by Yusuf".
    if (CAUSAL.test(prefix)) {
      if (harmIn(view, 0, name.start) || harmIn(view, phraseEnd) || (artefact && /\bby\s*$/i.test(prefix))) {
        const by = /\bby\s*$/i.test(prefix);
        // "PR #2231, merged by Nomvula, removed the retry…": the artefact in apposition is the subject of the harm.
        const apposedHarm = by && tokens[phraseEnd]?.text === ',' && harmIn(view, phraseEnd);
        if (!by || artefact || apposedHarm || harmIn(view, 0, name.start)) {
          const byAt = name.start - 1;
          let passiveVerb: Token | undefined;
          for (let k = byAt - 1; k >= 0 && !isClausePunct(tokens[k]); k--) {
            if (tokens[k].pos === 'VERB') {
              passiveVerb = tokens[k];
              break;
            }
          }
          // "written by Ana" credits an author, unless what was written is itself the harm ("the bad query was
          // written by Yerlan").
          const remedial =
            by &&
            passiveVerb !== undefined &&
            (isRemedy(passiveVerb) ||
              (/^(?:written|authored|owned|led|run|facilitated|prepared|edited|compiled)$/.test(passiveVerb.lower) &&
                !harmIn(view, 0, byAt)));
          if (!remedial) {
            report('cause');
            continue;
          }
        }
      }
      // "The cache was flushed by Bartosz during peak traffic": a change done to the system, with the person as
      // its agent.
      if (/\bby\s*$/i.test(prefix) && !artefact) {
        let passive = -1;
        for (let k = name.start - 2; k >= 0 && !isClausePunct(tokens[k]); k--) {
          if (tokens[k].pos === 'VERB' || (tokens[k].pos === 'ADJ' && /ed$/.test(tokens[k].lower))) {
            passive = k;
            break;
          }
        }
        const aux = passive > 0 && /^(?:was|were|been|got|is|are)$/.test(tokens[passive - 1]?.lower ?? '');
        if (aux && !isRemedy(tokens[passive], tokens[passive + 1], view) && changeVerb(tokens[passive])) {
          report('cause');
          continue;
        }
      }
    }
    // Under a cause label ("Root cause: Omar.", "Trigger: @aisha.k ran…").
    if (label && tokens[name.start].start >= label[0].length - 1 && tokens[name.start].start <= label[0].length + 3) {
      const v = verbAfter(tokens, phraseEnd);
      if (v === undefined || !isRemedy(tokens[v])) {
        report('cause-label');
        continue;
      }
    }
    const v = verbAfter(tokens, phraseEnd, name.start);
    if (v === undefined) continue;
    const verb = tokens[v];
    // "Sofia was paged": the person received the failure. "Jonas will own the follow-up": a plan.
    if (verb.pos === 'AUX') {
      const nextVerb = tokens[v + 1];
      if (['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall'].includes(verb.lower)) continue;
      if (['was', 'were', 'is', 'are', 'been', 'got', 'be'].includes(verb.lower) && nextVerb?.pos === 'VERB') continue;
      if (verb.lower !== 'had' && verb.lower !== 'has' && verb.lower !== 'did') continue;
    }
    let main = verb.pos === 'AUX' && tokens[v + 1]?.pos === 'VERB' ? v + 1 : v;
    // "begins looking", "started to investigate": the action is the second verb.
    if (
      forms(tokens[main]).some((f) =>
        [
          'begin',
          'start',
          'continue',
          'try',
          'attempt',
          'decide',
          'go',
          'manage',
          'help',
          'proceed',
          'rush',
          'hurry',
        ].includes(f),
      )
    ) {
      let k = main + 1;
      if (tokens[k]?.lower === 'to') k++;
      if (tokens[k]?.pos === 'VERB') main = k;
    }
    if (isRemedialObject(tokens, main) || takesRole(tokens, main)) continue;
    // "Kim accidentally rebooted the primary": a remedy verb done by mistake is the harm itself.
    const clauseText = view.text.slice(tokens[name.start].start, tokens[Math.min(tokens.length - 1, main + 8)].end);
    const mistaken = /\b(?:accidentally|mistakenly|inadvertently|by (?:mistake|accident)|instead of|the wrong)\b/i.test(
      clauseText,
    );
    if (tokens[main].lemma === 'fail' && isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) continue;
    if (isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) {
      if (coordinatedChange(view, main)) {
        report('change');
        continue;
      }
      if (consequenceAfter(view, main)) report('consequence');
      continue;
    }
    // A subordinate clause of cause ("because Kwame ran…", "after @rafa.m truncated…", "when Kenji ran…").
    const c = clauseStart(tokens, name.start);
    const subordinate = c > 0 && ['because', 'after', 'when', 'since', 'once', 'as'].includes(tokens[c - 1].lower);
    if (
      mistaken ||
      harmIn(view, main) ||
      (subordinate && harmIn(view, 0, c - 1)) ||
      (artefact && harmIn(view, 0, name.start))
    ) {
      report(artefact ? 'artefact' : 'agent');
    } else if (changeAction(view, main, artefact)) {
      report(artefact ? 'artefact' : 'change');
    }
  }
  return cues;
}
