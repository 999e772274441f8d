// What the words around a name say about the person, before what they did is read (detect-named.ts): a verdict
// ("the blame lies with Thabo", "The late payroll was Adaeze's change"), sarcasm or ironic thanks, an audit record,
// or that the person is cleared: a cause asked about or denied, their part went well, or they were on the receiving
// end. Also the phrases of outcome (relief, a stop held until safe, a failure as an object) the action reading uses.
import type { SentenceView } from './cues';
import { forms, isClausePunct, nounPhraseAt, QUOTE_MARKS, subjectOf } from './grammar';

import { HARM_VERBS, HARM_WORDS } from './lexicon';
import { harmIn } from './named-actions';
import { isPossessive } from './named-cause';
import { ironicHarm, isArtefact, isWork, PRAISE, subjectIsPerson, VERDICT, VERDICT_AFTER } from './named-phrases';
import type { Token } from './tokens';

/** A span of tokens [start, end): a name. */
export interface NameSpan {
  start: number;
  end: number;
}

/** An apposition that makes the person one of those the failure reached: ", a patient at the clinic,". */
const AFFECTED_APPOSITION =
  /^\s*,\s*(?:a|an|one of (?:our|the)|our)\s+(?:[\w-]+\s+)?(?:patients?|customers?|users?|clients?|members?|subscribers?|passengers?|students?|guests?|tenants?|residents?|callers?|buyers?|shoppers?|riders?|merchants?|sellers?|account holders?|cardholders?|policyholders?)\b/i;

/**
 * What the sentence says of the name at `name` by its words alone: a reason it blames the person, `null` when it
 * clears them (no other reading may blame them), or `undefined` when it says neither and what they did decides.
 */
export function sentenceVerdict(
  view: SentenceView,
  name: NameSpan,
  before: string,
  after: string,
): string | null | undefined {
  const { tokens } = view;
  // Verdicts: "Tariq's fault", "Leila is to blame", "blame lies with Thabo", "the culprit was Jin-woo".
  if (VERDICT.some((re) => re.test(before)) || VERDICT_AFTER.some((re) => re.test(after))) return 'verdict';
  // "the payment outage is on Zara": a failure put on the person. "It's on Mateus — he rebooted…", "That one is on
  // Priya.": the pronoun stands for the failure, said alone (not "it's on Priya to follow up", "it's on her list").
  if (/\b(?:is|was|'s|’s) (?:all |squarely |entirely |solely )?on\s*$/i.test(before)) {
    const subject = name.start - 3 - (/^(?:all|squarely|entirely|solely)$/.test(tokens[name.start - 2]?.lower) ? 1 : 0);
    if (subject >= 0 && harmIn(view, subject, subject + 1)) return 'verdict';
    const pronoun = /^(?:it|this|that|that one|this one)$/i.test(
      view.text
        .slice(0, tokens[name.start].start)
        .replace(/\s*(?:['’]s|\bis|\bwas)\s+(?:all |squarely |entirely |solely )?on\s*$/i, '')
        .replace(/^.*[,:;—–-]\s*/, '')
        .trim(),
    );
    const alone =
      !tokens[name.end] ||
      /^[.;:!—–-]$/.test(tokens[name.end].text) ||
      (tokens[name.end].text === ',' && !/\bto \w+/.test(after));
    if (pronoun && alone && !isPossessive(tokens, name)) return 'verdict';
  }
  // "The deploy that took down search was Chen's": the harm's owner told in a possessive predicate.
  if (
    /\b(?:was|is|were|are)\s*$/i.test(before) &&
    isPossessive(tokens, name) &&
    (!tokens[name.end + 1] || isClausePunct(tokens[name.end + 1]) || tokens[name.end + 1].text === '.') &&
    harmIn(view, 0, name.start) &&
    possessedHarm(view, name.start - 1)
  )
    return 'verdict';
  // "The stale search index was Xiao's doing": harm said to be the person's doing ("the fast recovery was" is not).
  if (/^(?:'s|’s) doing\b/i.test(after) && harmIn(view, 0, name.start)) return 'verdict';
  // "Ms. Abara, a patient at the clinic, received her reminder twice": a person the failure reached.
  if (AFFECTED_APPOSITION.test(after)) return null;
  // "Several people asked whether Drew's merge caused this; it did not": a cause asked about, or denied.
  if (
    /\b(?:asked|wondered|questioned|checked|investigated|considered|whether)\b[^.;]*$/i.test(before) &&
    /\bwhether\b|\bif\b/i.test(before)
  )
    return null;
  if (
    /^[^.]*?;?\s*(?:it|this|that|they|he|she) (?:did not|didn't|was not|wasn't|were not|weren't)\b|\b(?:was|were|turned out to be|proved to be|was found to be) (?:ruled out|not (?:the|a) cause|unrelated|a coincidence|a red herring|harmless|benign|irrelevant)\b|\bcoincidence\b|\b(?:had|has|have|made|played) (?:no|little) (?:effect|impact|bearing|part|role)\b|\bnothing to do with\b/i.test(
      after,
    )
  )
    return null;
  // "The deploy by Marta went out at 09:00 and was healthy; the failure began at 11:20": the person's part went well.
  if (
    /^[^;]*\b(?:(?:was|were) (?:healthy|fine|successful|clean|uneventful|unrelated|correct|right|sound|valid)|went (?:fine|well|smoothly|cleanly|without)|succeeded|completed (?:cleanly|successfully))\b/i.test(
      after,
    )
  )
    return null;
  // "Isabella's experiment ran without issues", "Lorenzo's team was the most affected", "Akosua's service sits
  // downstream of the auth API": the person's work was fine, or on the receiving end.
  if (
    /\bwithout (?:any )?(?:issues?|incident|problems?|errors?|impact)\b|\b(?:excluded|ruled out) from\b/i.test(after) ||
    /^(?:['’]s)?\s*(?:[\w-]+\s+){0,3}(?:was|were|is|are|got) (?:the |also |badly |hardest |worst |first |most |severely )*(?:affected|impacted|hit|locked out)\b/i.test(
      after,
    ) ||
    /^(?:['’]s)?\s*(?:[\w-]+\s+){0,3}(?:sits|sat|is|was|runs|ran) downstream\b/i.test(after)
  )
    return null;
  // An audit record: "user=ehernandez action=DISABLE_MFA scope=ALL_TENANTS": the account did a destructive action.
  if (tokens[name.start - 1]?.text === '=' && auditHarm(view.text)) return 'audit';
  // "The mass unsubscribe on Monday was Dawn:", "The late payroll was Adaeze's date-parsing change": the failure,
  // identified with the person or their work.
  if (
    /^[^;]*\b(?:was|were|is|are)\s*$/i.test(before) &&
    !/,\s*(?:\S+\s+){0,2}(?:was|were|is|are)\s*$/i.test(before) &&
    (harmIn(view, 0, name.start) || BAD_EVENT.test(before)) &&
    !subjectIsPerson(tokens, name.start) &&
    (!tokens[name.end] ||
      /^[.;:!—–-]$/.test(tokens[name.end].text) ||
      // "…was Hyejin attaching AdministratorAccess to the CI role"
      (tokens[name.end].pos === 'VERB' && tokens[name.end].lower.endsWith('ing')) ||
      (isPossessive(tokens, name) &&
        (possessiveArtefactEnd(view, name) !== undefined ||
          // "Those 40 minutes of wrong stock levels were Nandini's." (not "The laptop that crashed was Chen's.")
          ((!tokens[name.end + 1] || /^[.;:!—–-]$/.test(tokens[name.end + 1].text)) && BAD_EVENT.test(before)))))
  )
    return 'verdict';
  // "Ha, Vikram strikes again: `kubectl delete ns monitoring` in prod": the person's habit of breaking things.
  if (/^\s*(?:strikes|struck) again\b/i.test(after)) return 'verdict';
  // "@dbadmin_li thought running VACUUM FULL at noon was a great idea": sarcasm about the person's choice.
  if (
    /^\s*(?:thought|decided|figured|reckoned|assumed)\b[^.]*\b(?:was|would be) (?:a |an )?(?:great|good|brilliant|fine|smart|genius|clever|wonderful) (?:idea|plan|move|time)\b/i.test(
      after,
    )
  )
    return 'ironic-praise';
  // "Kenji is why the 'quick' index rebuild ran for seven hours": the person as the explanation of the failure.
  if (/^\s*(?:is|was) (?:why|how|the reason)\b/i.test(after) && harmIn(view, name.end) && !RELIEF_AFTER.test(after))
    return 'verdict';
  // "We have @yt-wong to thank for the 'tiny' Envoy upgrade that dropped HTTP/1.0": thanks for the harm.
  if (/\bwe (?:have|had)\s*$/i.test(before) && /^\s*to thank for\b/i.test(after) && ironicHarm(view, name.end + 3))
    return 'ironic-praise';
  // Ironic praise: "Cheers, Joy, the hot-patch worked beautifully — right up until it took down the site", "Nice
  // one, @tkoh — the 'small tweak' took down every queue".
  if (PRAISE.test(before) && ironicHarm(view, name.end)) return 'ironic-praise';
  return undefined;
}

/** An audit line's action value whose words are a destructive verb: action=DISABLE_MFA, event=table.drop. */
function auditHarm(text: string): boolean {
  const action = /\b(?:action|event|operation|op|command|cmd|verb)=([\w.:-]+)/i.exec(text);
  if (!action) return false;
  return action[1]
    .toLowerCase()
    .split(/[_.:-]+/)
    .some((w) => HARM_VERBS.has(w) || HARM_VERBS.has(w.replace(/e?d$/, '')) || HARM_VERBS.has(w.replace(/d$/, '')));
}

/** The end of the artefact phrase after a possessive name ("Tommo's 'quick fix'"), if there is one. */
export function possessiveArtefactEnd(view: SentenceView, name: NameSpan): number | undefined {
  const { tokens } = view;
  const whose = tokens[name.end]?.text === ',' && tokens[name.end + 1]?.lower === 'whose';
  if (!whose && !isPossessive(tokens, name)) return undefined;
  let at = name.end + (whose ? 2 : 1);
  let quoted = QUOTE_MARKS.has(tokens[at]?.text ?? '');
  if (quoted) at++;
  // "Hamza's "quick" hotfix", "Jade's 'temporary' ingress rule": a modifier in scare quotes, then the noun.
  if (quoted) {
    let close = at;
    while (close < at + 4 && tokens[close] && !QUOTE_MARKS.has(tokens[close].text)) close++;
    if (QUOTE_MARKS.has(tokens[close]?.text ?? '') && close > at && nounPhraseAt(tokens, close + 1)) {
      at = close + 1;
      quoted = false;
    }
  }
  // "Cormac's tidy-up of the firewall rules": a hyphenated word after a possessive is a noun, whatever its tag.
  if (tokens[at]?.kind === 'word' && tokens[at].text.includes('-') && tokens[at].pos === 'ADP') tokens[at].pos = 'NOUN';
  let np = nounPhraseAt(tokens, at);
  // "Caio's dbt macro cast the decimal prices": a bare noun followed by a determiner inside the phrase is the verb
  // the tagger took for a noun. (The phrase's end is exclusive: the word after it may be that determiner, and a
  // phrase that ends the text has none.)
  for (let x = at + 2; np && x <= np.end && x < tokens.length; x++) {
    const verb = tokens[x - 1];
    if (
      ((tokens[x].pos === 'DET' && /^(?:the|a|an|all|every|its|their)$/.test(tokens[x].lower)) ||
        // "Yusuf's shortcut cost us six hours": an object pronoun after the noun the tagger took.
        (tokens[x].pos === 'PRON' && /^(?:us|them|him|me|everyone|everybody)$/.test(tokens[x].lower))) &&
      verb.pos === 'NOUN' &&
      verb.lower === verb.lemma &&
      tokens[x - 2].pos === 'NOUN'
    ) {
      verb.pos = 'VERB';
      np = nounPhraseAt(tokens, at, x - 1);
      break;
    }
  }
  if (!np || !isArtefact(tokens[np.head])) return undefined;
  let end = np.end;
  if (quoted && QUOTE_MARKS.has(tokens[end]?.text ?? '')) end++;
  return end;
}

/** Nouns and adjectives of a bad event, for a subject identified with a person: "the late payroll was…". */
export const BAD_EVENT =
  /\b(?:late|missing|lost|runaway|duplicate|duplicated|mass|wrong|stuck|broken|slow|failed|failing|bad|spurious|unexpected|unauthori[sz]ed|surprise|outage|incident|downtime|breach|leak|spike|gap|jump|alert|finding|bill|charges?|minutes of|hours of|days of)\b/i;

/** Words that put the people a sentence names on the receiving end of the failure. */
export const RECEIVING =
  /\b(?:(?:was|were|is|are|got) (?:the |also |badly |hardest |worst |first |most |severely )*(?:affected|impacted|hit)|locked out of)\b/i;

/** A clause after an action that tells the failure ending: the action was the response. */
export const RELIEF_AFTER =
  /^[^.;]{0,80}?(?:\band\b|,|;|\bwhich\b|\bso\b)[^.;]{0,60}?\b(?:(?:errors?|warnings?|throttling|throttles|timeouts?|5\d\d(?:s|'s)?|4\d\d(?:s|'s)?|alerts?|pages|failures?|retries|crash(?:es|-?loops?)?|banner|screen|message|spike|lag|backlog|symptoms?|loss|latency|drops|congestion|contention|alarms?|the (?:errors?|outage|incident|spike|storm|backlog|queue))(?:\s+[\w-]+){0,3}\s+(?:stopped|ceased|subsided|cleared|dropped|fell|disappeared|went away|ended)|(?:subsided|returned to normal|recovered|cleared up)\b|stopped the (?:[\w-]+ ){0,3}(?:responses|errors?|leak|storm|spike|bleeding|5\d\ds|timeouts?|failures?|retries))/i;
/** A pause or a stop held until things were safe again: "until the replica was verified". */
export const UNTIL_SAFE =
  /\buntil (?:the |a |an |our )?(?:[\w-]+ ){0,3}(?:was|were|had been|could be) (?:verified|confirmed|restored|repaired|fixed|healthy|back|caught up|rebuilt|checked|validated|safe|stable)\b/i;

/** Whether the noun phrase at `k` names a failure: "the errors", "the retry storm", "the 502s". */
export function failureObject(tokens: Token[], k: number): boolean {
  const np = nounPhraseAt(tokens, k);
  if (!np) return false;
  if (/^(?:blast|damage|impact|exposure|fallout|harm)$/.test(tokens[np.start]?.lower ?? '')) return true;
  return forms(tokens[np.head]).some(
    (f) =>
      HARM_WORDS.has(f) || /^(?:storms?|cascades?|5\d\ds|timeouts?|radius|damage|impact|exposure|fallout)$/.test(f),
  );
}

/** A thing set to zero whose zero stops the service ("the replica count", "the TTL"), not a count of trouble. */
export const ZEROED =
  /\b(?:set|scaled?|throttled?|reduced|capped|lowered|cut)\b(?![^.;]{0,40}\b(?:errors?|failures?|backlog|lag|latency|debt|alerts?|retries|incidents?)\b[^.;]{0,10}\bto (?:zero|0)\b)[^.;]{0,40}\bto (?:zero|0)\b/i;

/** Words that say things got better after an action: a remedy in quotes that worked was only modest. */
export const RECOVERY_AFTER = /\b(?:resolv\w*|recover\w*|restor\w*|fixed it|worked)\b/i;

/**
 * What the words around a name say when they frame it as a counterfactual ("Had it not been for Dario's restart…",
 * "If Dave had not restarted the primary, we would have been fine") or as the answer to the sentence before ("Who
 * broke prod?" "Dave did it."): a reason, null when they clear the person, undefined when they say nothing.
 */
export function contextVerdict(
  view: SentenceView,
  name: NameSpan,
  before: string,
  after: string,
): string | null | undefined {
  // "Had it not been for Dario's restart of all brokers, the consumers would never have lost their offsets": the
  // one without whom the harm would not have happened ("…, we would have lost data" thanks them instead).
  if (
    /\b(?:had it not been for|if (?:it )?(?:had(?:n't| not)|were(?:n't| not)) (?:been )?for|were it not for|if not for|but for)\s*$/i.test(
      before,
    )
  )
    return /\b(?:would|could|might)(?:n't| not| never)\b/i.test(after) && harmIn(view, name.end) ? 'cause' : null;
  // "The production database was deleted. Dave did it.": the harm the sentence before told, done by the person.
  if (
    /^\s*did (?:it|this|that)\s*[.;!]?\s*$/i.test(after) &&
    view.previous &&
    /\b(?:deleted|dropped|broke|broken|wiped|took down|taken down|crashed|outage|failed|corrupted|truncated|lost|leaked|exposed|disabled|overwritten|removed)\b/i.test(
      view.previous,
    ) &&
    !/\b(?:restored|fixed|resolved|recovered|rolled back|mitigated|repaired|brought back)\b/i.test(view.previous)
  )
    return 'verdict';
  // "If Dave had not restarted the primary, we would have been fine": without the person's action, no failure. But
  // "If Dave had not restarted it, we would have lost data" tells the harm the action prevented.
  const ifNot = /\bif\s*$/i.test(before) && /^\s*(?:had(?:n['’]t| not| never)|did(?:n['’]t| not))\b/i.test(after);
  if (
    ifNot &&
    /\b(?:would|could|might)(?:n['’]t| not)? have (?:been (?:fine|ok|okay|avoided|prevented|unaffected|spared)|avoided|prevented|stayed up)\b|\b(?:would|could)(?:n['’]t| not| never) have (?:happened|occurred|gone down|failed|broken|lost|started)\b|\bnone of this would have\b/i.test(
      after,
    )
  )
    return 'cause';
  if (ifNot) return null;
  // The answer to "Who broke prod?", "Why was prod down? Because of Sanjay.", "No, it's not the pipeline. It's
  // Gustavo." ("Who restored the service?" asks for the responder.)
  const alone = !view.tokens[name.end] || /^[.!;]$/.test(view.tokens[name.end].text);
  if (
    (name.start === 0 || (alone && /^\W*(?:because of|it['’]s|it is|it was|blame)\s*$/i.test(before))) &&
    view.previous &&
    asksForCause(view.previous) &&
    !/\b(?:restor|fix|resolv|recover|rolled back|roll back|mitigat|notic|found|find|caught|catch|spott|led|lead|coordinat|help|saved?|declar|page[ds]?|escalat)\w*/i.test(
      view.previous,
    )
  )
    return 'answer';
  return undefined;
}

/**
 * Whether the subject of the verb at `verb` is work ("The deploy that took down search was Chen's") or a thing the
 * subject itself calls harm ("The leaked AWS key was Anton's"): what the possessive predicate makes the person's.
 */
function possessedHarm(view: SentenceView, verb: number): boolean {
  const subject = subjectOf(view.tokens, verb);
  if (!subject) return false;
  const head = view.tokens[subject.head];
  if (isWork(head)) return true;
  // "The new alert was Lorenzo's": an alert, a page or a ticket tells of a failure; owning one is no harm.
  if (/^(?:alerts?|alarms?|pages?|tickets?|incidents?)$/.test(head.lower))
    return harmIn(view, subject.start, subject.head);
  return harmIn(view, subject.start, subject.end);
}

/**
 * Whether a sentence asks who or what caused a failure ("Who broke prod?", "Why was prod down?"), or rules out a
 * thing as the cause ("No, it's not the pipeline."): the next sentence's name is then the answer.
 */
export function asksForCause(sentence: string): boolean {
  const s = sentence.trim();
  if (/^who\b.*\?$/i.test(s)) return true;
  if (/^(?:why|what|how)\b.*\?$/i.test(s))
    return /\b(?:down|fail\w*|broke|broken|break|outage|caus\w*|happen\w*|wrong|crash\w*|lost|empty|gone|dead)\b/i.test(
      s,
    );
  return /\b(?:it['’]s|it is|it was|that['’]s|that is) not (?:the|a|an|our)\b/i.test(s);
}

/**
 * Whether the words of the clause from the person at `start` to a few words past their verb at `main` say the action
 * went wrong by mistake: "accidentally", "instead of", "without testing", a remedy done to everything at once, or
 * self-approval.
 */
export function mistakenAction(view: SentenceView, start: number, main: number): boolean {
  const { tokens } = view;
  const clauseText = view.text.slice(tokens[start].start, tokens[Math.min(tokens.length - 1, main + 8)].end);
  return (
    SLIP.test(clauseText) ||
    SKIPPED_STEP.test(clauseText) ||
    // A remedy done to everything at once, or to nothing: "restarted all pods at once", "scaled the cluster to zero".
    (ZEROED.test(clauseText) &&
      !/\b(?:as planned|as intended|as scheduled|per the (?:runbook|plan))\b/i.test(view.text)) ||
    // Self-approval: "approved his own pull request", "merged her own change".
    /\b(?:approv|merg|review|sign)(?:ed|es|s|ing)?(?: off)?(?: on)? (?:his|her|their|my) own\b/i.test(clauseText) ||
    // "Without telling anyone, Fatima rotated the webhook secret": a change made without the usual checks.
    (start > 0 &&
      /^\W*without (?:first )?(?:telling|asking|notifying|warning|checking|testing|reviewing|a review|review|approval)\b/i.test(
        view.text,
      ))
  );
}

/** Words that say an action went wrong by mistake. */
export const SLIP =
  /\b(?:accidentally|mistakenly|inadvertently|by (?:mistake|accident)|instead of|rather than|the wrong)\b/i;

/** A step left out: "without testing", "without failing over first", "without a backup". */
const SKIPPED_STEP =
  /\bwithout (?:first )?(?:updating|testing|checking|telling|notifying|warning|draining|backing up|a backup|failing over|waiting|confirming|verifying|reviewing|snapshotting|pausing|asking|reading|looking|announcing|coordinating)\b/i;
