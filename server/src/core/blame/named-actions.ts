import type { SentenceView } from './cues';
import { forms, isClausePunct, nounPhraseAt } from './grammar';
import { FAILURE_OUTCOMES, HARM_VERBS, HARM_WORDS, REMEDY_VERBS } from './lexicon';
import type { Token } from './tokens';
import { WRONG_ACTION } from './wrong-actions';

/** What a named person did: harm, a remedy, talk, a change to the system, and whether the sentence ties it to the failure. */

/** People a place fills with: "filled with responders". */
const PEOPLE_AFTER = /^(?:responders|people|engineers|folks|volunteers|colleagues|teammates|participants|attendees)$/;

export function harmIn(view: SentenceView, from: number, to = view.tokens.length): boolean {
  const { tokens } = view;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // "…into the staging cluster to reproduce the bug": what a purpose of study or repair names is not the harm done.
    if (
      t.lower === 'to' &&
      k > from &&
      tokens[k + 1]?.pos === 'VERB' &&
      tokens[k + 1].text !== tokens[k + 1].text.toUpperCase() &&
      PURPOSE_OF_STUDY.test(tokens[k + 1].lower)
    )
      return false;
    const f = forms(t);
    // "under twice the traffic": a measure, not a thing done twice.
    if (t.lower === 'twice' && /^(?:the|as|a|an|per|that|this|our|its|their)$/.test(tokens[k + 1]?.lower ?? ''))
      continue;
    // "in the incident doc", "during this incident": the incident as a name for the work or a time is no harm.
    if (f.some((w) => HARM_WORDS.has(w)) && !incidentAsLabel(tokens, k)) return true;
    // "the channel filled with responders": full of people is no harm.
    if (f.includes('fill') && tokens[k + 1]?.lower === 'with' && PEOPLE_AFTER.test(tokens[k + 2]?.lower ?? ''))
      continue;
    if ((t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN') && f.some((w) => HARM_VERBS.has(w))) return true;
    // "made checkout time out", "requests timed out"
    if (f.includes('time') && tokens[k + 1]?.lower === 'out' && tokens[k - 1]?.pos !== 'DET') return true;
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

/** Nouns the incident names the work of: "the incident doc", "the outage bridge", "the incident commander". */
const INCIDENT_WORK =
  /^(?:doc|document|channel|bridge|call|review|report|retro|retrospective|commander|response|process|ticket|timeline|template|runbook|room|page|notes?|postmortem|post-mortem|write-?up|summary|manager|management|lead|team|rota|drill|tooling|number|id)$/;

/** Whether the harm word at `k` only labels the work or the time of the incident ("during this incident"). */
function incidentAsLabel(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!/^(?:incident|incidents|outage|outages|event)$/.test(t.lower)) return false;
  if (INCIDENT_WORK.test(tokens[k + 1]?.lower ?? '')) return true;
  let b = k - 1;
  if (/^(?:the|this|that|an|a|our|today's|last)$/.test(tokens[b]?.lower ?? '')) b--;
  return /^(?:during|throughout|after|before|since|in)$/.test(tokens[b]?.lower ?? '');
}

/** Verbs of a purpose that studies or repairs: "to reproduce the bug", "to debug the outage". */
const PURPOSE_OF_STUDY =
  /^(?:reproduce|repro|debug|diagnose|investigate|understand|analy[sz]e|test|trace|profile|fix|mitigate|isolate|confirm|verify|inspect)$/;

export function isRemedy(t: Token, next?: Token, view?: SentenceView): boolean {
  // "failed over the primary", "failed traffic over to the secondary", "failed back to the old region"
  if (t.lemma === 'fail' && (next?.lower === 'over' || next?.lower === 'back')) return true;
  // "failed the database over without losing any writes"
  if (t.lemma === 'fail' && view && /^\s*(?:[\w-]+ ){0,3}(?:over|back)\b(?! \d)/i.test(view.text.slice(t.end)))
    return true;
  return forms(t).some((f) => REMEDY_VERBS.has(f));
}

/** A consequence attached to the person's own action: ", which dropped…", ", wiping out…", "and the primary went down". */
/** "…how the incident was opened", "…why the page was escalated": the failure found and answered, not done. */
const FOUND_OUT =
  /^\W*(?:that|which|this)(?:['’]s| is| was) (?:how|why) (?:the |this |an? |we |it )?(?:(?:incident|outage|issue|problem|alert|page|ticket) )?(?:was |were |got |is )?(?:opened|declared|noticed|detected|spotted|found|caught|discovered|raised|escalated|paged|reported)\b/i;

export function consequenceAfter(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  for (let k = verb + 1; k < tokens.length; k++) {
    const t = tokens[k];
    // ", which dropped all writes" (an effect), not ", which is itself blocked" (a state of the object).
    if (t.text === ',' && tokens[k + 1]?.lower === 'which' && tokens[k + 2]?.pos !== 'AUX')
      return harmIn(view, k + 1) && !recovers(view.text.slice(t.end));
    if (t.text === ',' && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1].lower.endsWith('ing'))
      return harmIn(view, k + 1);
    // "…, so every payment confirmation after 11:05 was rejected": the result, after "so".
    if (t.text === ',' && tokens[k + 1]?.lower === 'so' && tokens[k + 2]) return harmIn(view, k + 2);
    // "…; that's how the interception happened", "…, which is why the queue backed up": the action explains it.
    if (
      (t.text === ';' || t.text === ',' || t.text === '—' || t.text === '–') &&
      /^\s*(?:that|which|this)(?:['’]s| is| was) (?:how|why)\b/i.test(view.text.slice(t.end)) &&
      !recovers(view.text.slice(t.end))
    )
      // "…, which is how the incident was opened": what the action explains is how the failure was found.
      return !FOUND_OUT.test(view.text.slice(t.end));
    // "…at once; consumers lose their committed offsets": the next clause, after a semicolon or a dash.
    // "…and the cluster partitioned", "…, and that change is what took the API offline": after "and".
    if (
      ((t.text === ';' || t.text === '—' || t.text === '–') && tokens[k + 1]) ||
      (t.lower === 'and' && tokens[k + 1])
    ) {
      const np = nounPhraseAt(tokens, k + 1);
      let at = np?.end ?? k;
      // "…and 20 minutes of writes were lost": the phrase goes on after "of".
      if (np && tokens[at]?.lower === 'of') at = nounPhraseAt(tokens, at + 1)?.end ?? at;
      // "…and replication never recovered": adverbs before the verb.
      while (np && tokens[at]?.pos === 'ADV' && at < np.end + 2) at++;
      const v = np ? tokens[at] : undefined;
      if (np && v && (v.pos === 'VERB' || (v.pos === 'AUX' && t.lower === 'and')))
        return (
          (harmIn(view, k + 1) ||
            failureOutcome(tokens, at) ||
            NOT_RECOVERED.test(view.text.slice(tokens[k + 1].start))) &&
          !harmEnded(tokens, np.head, at)
        );
    }
  }
  return false;
}

/**
 * "the errors stopped", "the 5xx cleared", "queue depth started dropping": a failure, or a measure of one, as the
 * subject of a verb of ending or falling is its recovery.
 */
function harmEnded(tokens: Token[], head: number, verb: number): boolean {
  let v = verb;
  // "started dropping", "began to fall"
  if (forms(tokens[v]).some((f) => f === 'start' || f === 'begin')) v += tokens[v + 1]?.lower === 'to' ? 2 : 1;
  if (!tokens[v]) return false;
  const subject = forms(tokens[head]);
  if (subject.some((f) => HARM_WORDS.has(f)))
    return forms(tokens[v]).some((f) => /^(?:stop|end|cease|subside|disappear|clear|fall|drop|vanish|go)$/.test(f));
  return (
    subject.some((f) => BAD_MEASURES.has(f)) &&
    forms(tokens[v]).some((f) =>
      /^(?:fall|drop|decrease|decline|shrink|subside|drain|recover|ease|normali[sz]e)$/.test(f),
    )
  );
}

/** Measures whose fall is a recovery: "queue depth started dropping", "latency fell". */
const BAD_MEASURES = new Set(
  'depth latency backlog lag load queue pressure usage utilisation utilization rate p99 p95 errors error-rate'.split(
    ' ',
  ),
);

/** Whether the verb at `v` (or the verb after "started") tells a system failing: "partitioned", "hung", "fell over". */
export function failureOutcome(tokens: Token[], v: number): boolean {
  let k = v;
  while (tokens[k] && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV')) k++;
  if (forms(tokens[k] ?? tokens[v]).some((f) => f === 'start' || f === 'begin'))
    k += tokens[k + 1]?.lower === 'to' ? 2 : 1;
  const t = tokens[k];
  if (!t) return false;
  if (forms(t).some((f) => FAILURE_OUTCOMES.has(f))) return true;
  return (
    forms(t).some((f) => f === 'fall' || f === 'keel' || f === 'seize') &&
    /^(?:over|up)$/.test(tokens[k + 1]?.lower ?? '')
  );
}

/**
 * Verbs of response, talk, thought and presence: a person doing these is not changing the system ("Kofi joined the
 * bridge", "Ana said the replica lagged", "Lars waited for the vendor").
 */
const NEUTRAL_VERBS = new Set(
  `say tell ask answer reply walk show present demo guide write post message ping email call phone text share send-word join attend arrive
  list outline cite capture highlight shadow
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
  'review retro retrospective meeting call bridge channel huddle war-room room session sessions drill debrief postmortem post-mortem standup stand-up sync workshop interview demo tabletop exercise game-day gameday'.split(
    ' ',
  ),
);
/** A main clause that tells the failure ended ("the outage ended when…"), not that it began. */
export const ENDED =
  /\b(?:end(?:ed|s)?|over|(?:stopp(?:ed)?|stops|ceased?)(?! \w+ing\b)|subsided|went away|disappeared|cleared|resolv\w*|recover\w*|restor\w*|mitigat\w*|fixed)\b/i;

/** Words that say the person's action made things better ("…; writes resumed at 04:21"). */
const RECOVERY =
  /\b(?:resum\w*|recover\w*|restor\w*|succeed\w*|success\w*|normal|healthy|stable|stabilis\w*|stabiliz\w*|back (?:up|online|to|under|below|down|within)|catch(?:es|ing)? up|drain(?:ed|ing)? (?:down|away)|fell(?! over| apart)|dropped back|cleared|caught up|mitigat\w*|resolv\w*|fixed|fix|better|clearer|faster|safer|easier|simpler|improv\w*)\b/i;

/** Recovery denied: "…and replication never recovered", "the pods did not come back", "no longer healthy". */
export const NOT_RECOVERED =
  /\b(?:never|not|n't|failed to|unable to|no longer|could not|couldn't)\s+(?:\w+\s+){0,2}?(?:recover\w*|resum\w*|restor\w*|come back|came back|catch up|caught up|stabili[sz]\w*|succeed\w*|healthy|normal)\b/i;

/** Whether a text tells that things got better, and does not deny it. */
function recovers(text: string): boolean {
  return RECOVERY.test(text) && !NOT_RECOVERED.test(text);
}

/**
 * A change made by the person: a verb in the past (or the narrative present) that is neither a remedy nor talk,
 * thought or presence, with an object ("Ioana changed the HSM partition password", "Bence ran pg_resetwal on one of
 * them"). In a postmortem such a sentence tells who made the change that failed, unless it says things recovered.
 */
export function changeAction(view: SentenceView, main: number, artefact = false): boolean {
  const { tokens } = view;
  const verb = tokens[main];
  const redo = /^re-(?:ran|did|set|wrote|\w+ed)$/.test(verb.lower);
  if ((verb.pos !== 'VERB' && !redo) || verb.lower.endsWith('ing')) return false;
  if (redo) return !recovers(view.text.slice(verb.end));
  if (!pastForm(verb)) return false;
  if (forms(verb).some((f) => NEUTRAL_VERBS.has(f) || REMEDY_VERBS.has(f)) && !resultativeLeave(tokens, main))
    return false;
  const next = tokens[main + 1];
  if (!next || isClausePunct(next)) return false;
  // "ran the learning review", "held the retro": running a meeting is not a change to the system.
  // "set up the incident channel": past a particle.
  const particle = /^(?:up|out|off)$/.test(next.lower) && next.pos === 'ADP' ? 1 : 0;
  const object = nounPhraseAt(tokens, main + 1 + particle);
  if (object && MEETINGS.has(tokens[object.head].lemma)) return false;
  if (recovers(view.text.slice(verb.end))) return false;
  // "ran `git blame` on the config to see when the timeout changed": work done to look into the failure.
  if (STUDY_PURPOSE.test(view.text.slice(verb.end).split(/[;.]|, and\b/)[0])) return false;
  return artefact || causalContext(view, main);
}

/** A purpose of looking into the failure after an action: "…to see when the timeout changed", "…to reproduce it". */
const STUDY_PURPOSE =
  /\bto (?:see|check|find out|find|confirm|verify|reproduce|repro|debug|diagnose|investigate|understand|test|trace|inspect|work out|figure out|rule out)\b/i;

/** "left the maintenance-mode toggle on", "left it in read-only mode": leaving a thing in a state is a change. */
function resultativeLeave(tokens: Token[], verb: number): boolean {
  if (!forms(tokens[verb]).includes('leave')) return false;
  const object = nounPhraseAt(tokens, verb + 1);
  if (!object) return false;
  const after = tokens[object.end];
  return (
    !!after &&
    (/^(?:on|off|open|enabled|disabled|running|unlocked|unpatched|exposed|paused|switched|turned)$/.test(after.lower) ||
      (after.lower === 'in' &&
        /^(?:read-only|maintenance|debug|drain|a|an|the)$/.test(tokens[object.end + 1]?.lower ?? '')))
  );
}

/** A verb that is neither talk, thought, presence nor remedy: "edited", "set", "toggled". */
export function actsOnSystem(verb: Token): boolean {
  return !forms(verb).some((f) => NEUTRAL_VERBS.has(f) || REMEDY_VERBS.has(f));
}

/** Whether a verb (not a participle in -ing) is in the past: its form is not its lemma, or one of the verbs whose
 * past is their base ("set", "put", "reset"). */
export function pastForm(verb: Token): boolean {
  return (
    !verb.lower.endsWith('ing') &&
    (verb.lower !== verb.lemma ||
      /^(?:put|set|cut|hit|shut|let|spread|broadcast|upset|reset|re-ran|cast|burst|split|quit|hurt|shed|bet|bid)$/.test(
        verb.lower,
      ))
  );
}

/** A verb of change to a system (not talk, thought, presence or remedy): "flushed", "deleted", "rotated". */
export function changeVerb(verb: Token): boolean {
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
    if (/^(?:because|after|when|since|once|as|until|so)$/.test(tokens[k].lower) && tokens[k].pos !== 'ADV')
      return tokens[k].lower === 'because' || !ENDED.test(view.text.slice(0, tokens[k].start));
  }
  // ", promoting a replica that was four hours behind": a participle of change after the action tells its effect.
  for (let k = main + 1; k < tokens.length - 1; k++) {
    if (tokens[k].text === ';' || tokens[k].text === '.') break;
    const p = tokens[k + 1];
    if (
      tokens[k].text === ',' &&
      p.pos === 'VERB' &&
      p.lower.endsWith('ing') &&
      changeVerb(p) &&
      !forms(p).some((f) => f === 'follow' || f === 'use' || f === 'wait' || f === 'hope')
    )
      return nounPhraseAt(tokens, k + 2) !== undefined && !recovers(view.text.slice(p.end));
  }
  const rest = view.text.slice(tokens[main].end);
  if (
    /(?:,\s*(?:which|causing|leaving|locking|taking|breaking|sending|wiping|dropping|so)\b|\bresulting in\b|\bwhich (?:then )?\w+ed\b|[;,—–]\s*(?:that|which|this)(?:['’]s| is| was) (?:how|why)\b)/i.test(
      rest,
    )
  )
    return true;
  // "…and every payment failed", "…, and the partner's ingestion quietly received empty files for eleven days", "…;
  // the next 12,000 inserts collided": what followed the change, told as its effect, unless it tells recovery or the
  // next step of the work ("…and the deploy starts").
  const effect = effectClause(tokens, main);
  if (effect === undefined) return false;
  if (harmIn(view, effect) || failureOutcomeAfter(tokens, effect)) return true;
  if (NOT_RECOVERED.test(view.text.slice(tokens[effect].start))) return true;
  const told = view.text.slice(tokens[effect].start);
  if (recovers(told)) return false;
  const verb = tokens.findIndex((t, x) => x >= effect && (t.pos === 'VERB' || t.pos === 'AUX'));
  return BAD_STATE.test(told) || !forms(tokens[verb]).some((f) => NEXT_STEP.has(f));
}

/** Words that make a next step an effect: "…and the nightly settlement ran twelve hours late", "ran twice". */
export const BAD_STATE =
  /\b(?:late|twice|empty|wrong|missing|stale|slow(?:ly)?|stuck|unprocessed|without|instead|nothing|nobody|no one|never|dark|offline|unreachable|unavailable|loop)\b/i;

/** Verbs that tell the next step of the work, not an effect: "…and the deploy started", "and the job completed". */
const NEXT_STEP = new Set(
  'start begin proceed continue kick complete finish pass succeed ship deploy release go merge build run work wait queue schedule'.split(
    ' ',
  ),
);

/** Pronouns of the people responding: "…and we rolled back" tells the response, not the effect. */
const RESPONDERS = /^(?:we|i|he|she|they|you|someone|somebody|everyone)$/;

/**
 * The first token of a clause after the verb at `main` that tells what followed it ("and the cluster partitioned",
 * "; consumers lose their offsets", "— every tenant was capped"), if one does.
 */
function effectClause(tokens: Token[], main: number): number | undefined {
  for (let k = main + 1; k < tokens.length - 1; k++) {
    const t = tokens[k];
    if (t.text === '.') return undefined;
    const joins = t.text === ';' || t.text === '—' || t.text === '–' || /^(?:and|so|then)$/.test(t.lower);
    if (!joins) continue;
    let x = k + 1;
    while (/^(?:then|so|suddenly)$/.test(tokens[x]?.lower ?? '')) x++;
    const np = nounPhraseAt(tokens, x);
    if (!np || RESPONDERS.test(tokens[np.head].lower)) continue;
    let after = np.end;
    while (tokens[after]?.pos === 'ADV') after++;
    const v = tokens[after];
    if (v && (v.pos === 'VERB' || v.pos === 'AUX')) return x;
  }
  return undefined;
}

/** A failure told after the conjunction at `k`: "and the cluster partitioned", "then writes stalled". */
function failureOutcomeAfter(tokens: Token[], k: number): boolean {
  for (let x = k + 1; x < tokens.length && !isClausePunct(tokens[x]); x++)
    if (tokens[x].pos === 'VERB' && failureOutcome(tokens, x)) return true;
  return false;
}

/** "Sione approved his own pull request and shipped a trust bundle…": a change in a second verb of the same subject. */
export function coordinatedChange(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  for (let k = verb + 1; k < tokens.length - 1; k++) {
    if (tokens[k].text === ';' || tokens[k].text === '.' || tokens[k].lower === 'but') return false;
    // "T.M. approved and deployed the pricing change that charged Canadian customers in US dollars": the second
    // verb's change, tied to the failure or followed by its harm.
    if (tokens[k].lower === 'and' && tokens[k + 1].pos === 'VERB')
      return changeAction(view, k + 1) || (changeVerb(tokens[k + 1]) && harmIn(view, k + 1));
  }
  return false;
}

const ROLE_VERBS = new Set(['take', 'assume', 'become', 'act', 'serve', 'join', 'step', 'volunteer', 'accept']);
export const ROLE_NOUNS =
  /^(?:commander|ic|command|lead|leader|scribe|coordinator|liaison|role|owner|responder|on-?call|facilitator|point|dri)$/;

/** Taking a role in the response is neutral: "Priya takes the incident commander role", "Aiko became the IC". */
export function takesRole(tokens: Token[], verb: number): boolean {
  if (!forms(tokens[verb]).some((f) => ROLE_VERBS.has(f))) return false;
  for (let k = verb + 1; k < tokens.length && k < verb + 7; k++) {
    if (isClausePunct(tokens[k])) return false;
    if (ROLE_NOUNS.test(tokens[k].lower)) return true;
  }
  return false;
}
