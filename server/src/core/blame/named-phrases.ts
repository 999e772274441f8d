import type { SentenceView } from './cues';
import { clauseStart, nounPhraseAt } from './grammar';
import { isRoleNoun } from './lexicon';
import { harmIn, isRemedy } from './named-actions';
import { isRemedialObject, REMEDY_NOUNS } from './named-remedies';
import type { Token } from './tokens';
import { WRONG_ACTION } from './wrong-actions';

/** The phrases around a name that make it a cause: a possessive artefact, a causal preposition, a label, a verdict. */

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
  role shift turn laptop phone desk family name title birthday holiday leave first second dashboard dashboards
  graph graphs chart charts runbook runbooks playbook playbooks alert alerts monitor monitors monitoring trace traces
  profile profiles debugging detective eye eyes`.split(/\s+/),
);

/** Whether a noun names a person's work whatever the context: "the deploy", "the change", "the script". */
export function isWork(head: Token | undefined): boolean {
  return !!head && ARTEFACTS.has(head.lemma);
}

/** Whether a noun after a person's possessive is something they made or did ("Caio's dbt macro", "Cormac's tidy-up"). */
export function isArtefact(head: Token): boolean {
  if (ARTEFACTS.has(head.lemma)) return true;
  // "Zainab's new robots.txt", "Ji-woo's haproxy.cfg": a file is work.
  if (
    /^[\w-]+\.(?:txt|cfg|conf|ya?ml|json|toml|ini|xml|tf|sql|sh|py|js|ts|rb|go|env|properties|lock)$/i.test(head.text)
  )
    return true;
  return (
    (head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'VERB') &&
    !NOT_ARTEFACTS.has(head.lemma) &&
    !NOT_ARTEFACTS.has(head.lower)
  );
}

/**
 * Whether the sentence's subject, before token `upto`, is a person or a role ("The incident commander was Dana",
 * "The person who spotted the leak was Dave"): naming who held it is no verdict.
 */
export function subjectIsPerson(tokens: Token[], upto: number): boolean {
  let k = 0;
  while (k < upto && !/^[\p{L}\p{N}@]/u.test(tokens[k].text)) k++;
  const np = nounPhraseAt(tokens, k);
  if (!np || np.head >= upto) return false;
  const head = tokens[np.head].lower;
  return (
    isRoleNoun(head) ||
    isRoleNoun(head.replace(/s$/, '')) ||
    /^(?:person|people|one|ones|man|woman|guy|folks?|commander|ic|on-?call|lead|scribe|owner|responder|author|reviewer|approver|contact|dri|hero|winner)$/.test(
      head,
    )
  );
}

/** Prepositions that make a phrase a cause ("caused by", "thanks to", "traces back to"). */
export const CAUSAL =
  /\b(?:by|due to|because of|thanks to|owing to|back to|down to|since|traced to|traces? to|stems? from|stemmed from|following|in the wake of|result of|fault of|from|after|attributed to|attributable to|blamed on|on account of|courtesy of)\s*:?\s*$/i;
/** Words that frame what follows as the explanation: "What actually happened is that…", "It turned out…". */
export const EXPLANATION =
  /\b(?:what (?:\w+ )?happened (?:is|was)(?: that)?|^\W*it (?:was|is)|it (?:turned|turns) out(?: that)?|it came out that|(?:the )?(?:root )?cause (?:is|was) that|it was found that)\s*$/i;

export const CAUSE_LABEL =
  /^\s*(?:[-*|]\s*)?(?:\d{1,2}:\d{2}\s*)?(?:\(?(?:primary |root ?|root-|proximate |direct |immediate |initial |main |underlying |contributing )?(?:cause|causes|trigger|triggered by|caused by|introduced by|broken by|regressed by|culprit|responsible(?: party)?|at fault|blame|who broke it|why it happened|what (?:went wrong|happened)|origin|contributing factors?|causal factors?|rca|root cause analysis|(?:outage |incident |failure |downtime )?reason(?: for (?:the |this )?(?:outage|incident|failure|downtime))?|behind (?:the|this|our) (?:[\w-]+ ){0,2}(?:outage|incident|failure|downtime|breach|gap|loss))(?: #?\d+)?(?: of (?:the |this )?[\w-]+(?: [\w-]+)?)?\)?)(?:\s*\([^)]{1,40}\))?\s*[:\-–—|]/i;
/** A label that names who acted ("Agent: Nikolai P.", "Performed by: @ola"): a cause when the row tells harm. */
export const AGENT_LABEL =
  /^\s*(?:[-*|]\s*)?(?:agent|actor|performed by|executed by|done by|run by|changed by|made by|operator|who)\s*[:\-–—|]/i;
export const VERDICT = [
  /\bblame\b.{0,60}\b(?:lies|lay|rests|rested|falls|fell|sits|goes|went|belongs) (?:squarely |solely |entirely )?(?:with|on|to)\s*$/i,
  // "Responsibility for the ransomware foothold lies with Dariusz", "the onus was on Mira".
  /\b(?:responsibility|accountability|the onus|liability)\b.{0,60}\b(?:lies|lay|rests|rested|falls|fell|sits|sat|is|was) (?:squarely |solely |entirely |fully )?(?:with|on)\s*$/i,
  // "The root cause of this incident is Sebastián": the cause may be told of what.
  /\b(?:culprit|cause|root[- ]?cause|trigger)(?: here| \w+ly|, [^,]{1,20},| (?:of|for|behind|in) (?:the |this |that |our |today['’]s )?[\w-]+(?: [\w-]+)?)?(?: (?:was|is)|\s*:)\s*$/i,
  /\bfault of\s*$/i,
];
export const VERDICT_AFTER = [
  /^(?:'s|’s) fault\b/i,
  /^\s*(?:is|was|'s) (?:to blame|at fault|responsible for (?:the|this) (?:outage|incident|failure))/i,
  /^\s*(?:is|was) the (?:culprit|cause|root cause)\b/i,
];

/** The verb the phrase ending at `end` is the subject of, if it comes right after (skipping adverbs and a parenthetical). */
export function verbAfter(tokens: Token[], end: number, start = end): number | undefined {
  let k = end;
  // "<@Sipho Ndlovu> dropped…": the bracket that closes a Slack mention.
  if (tokens[k]?.text === '>' && tokens[k].start === tokens[k - 1]?.end) k++;
  // "It was Rahul's deploy that introduced…"
  if (tokens[k] && /^(?:that|which|who)$/.test(tokens[k].lower)) k++;
  // 'Lars "tidied up" the cron table': scare quotes around what the person did.
  // '@mika-k "just cleaned up…"': an adverb may come first inside the quotes.
  if (/^["“‘']$/.test(tokens[k]?.text ?? '')) {
    let x = k + 1;
    while (tokens[x]?.pos === 'ADV' && x < k + 3) x++;
    if (tokens[x]?.pos === 'VERB') k++;
  }
  // What may stand between the subject and its verb, in any order: "Ayşe's change in haproxy.cfg (`maxconn 2000` to
  // `maxconn 200`) capped…", "Ngozi's cleanup job, which matches on the prefix, also matched…", "Mr. Al-Rashid's
  // change, implemented by himself at 22:00, disabled…".
  for (let guard = 0; guard < 6; guard++) {
    const next = skipAttached(tokens, k, start);
    if (next === undefined) break;
    k = next;
  }
  // "it was Dolores from billing who imported…": the relative pronoun of a cleft after the phrase.
  if (
    k > end &&
    tokens[k] &&
    /^(?:who|that)$/.test(tokens[k].lower) &&
    /^(?:was|is)$/.test(tokens[start - 1]?.lower ?? '')
  )
    k++;
  while (tokens[k] && (tokens[k].pos === 'ADV' || tokens[k].lower === 'then' || tokens[k].lower === 'also')) k++;
  // "Tommo's 'quick fix' … is what actually broke TLS": the verb of the pseudo-cleft. "Okoye was the one who
  // truncated the ledger": of the cleft on "the one".
  if (/^(?:is|was)$/.test(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower === 'what') {
    k += 2;
    while (tokens[k]?.pos === 'ADV') k++;
  } else if (
    /^(?:is|was)$/.test(tokens[k]?.lower ?? '') &&
    tokens[k + 1]?.lower === 'the' &&
    /^(?:one|person)$/.test(tokens[k + 2]?.lower ?? '') &&
    /^(?:who|that)$/.test(tokens[k + 3]?.lower ?? '')
  ) {
    k += 4;
    while (tokens[k]?.pos === 'ADV') k++;
  }
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

/** Whether a verb (after adverbs) starts at `k`: what a phrase between commas must be followed by to be skipped. */
function verbAt(tokens: Token[], k: number): boolean {
  let x = k;
  while (tokens[x]?.pos === 'ADV' && x < k + 2) x++;
  return tokens[x]?.pos === 'VERB' || tokens[x]?.pos === 'AUX';
}

/**
 * The end of one phrase attached to the subject that ends at `k` (an apposition, a relative or participle clause
 * between commas, brackets, a code span, a prepositional phrase, a dash), or undefined when none starts there.
 */
function skipAttached(tokens: Token[], k: number, start: number): number | undefined {
  const t = tokens[k];
  if (!t) return undefined;
  // "The contractor, Hamish Reid, uploaded…": the comma that closes an apposition before the name.
  if (t.text === ',' && tokens[k + 1]?.pos === 'VERB' && apposed(tokens, start)) return k + 1;
  if (t.text === ',') {
    // "Mandla, the weekend on-call, restarted…", "Piotr, who was the on-call that night, deleted…", ", deployed at
    // 16:20,", ", which matches on the tag prefix `tmp`, also matched…": a phrase between commas before the verb.
    const opener = tokens[k + 1];
    const phrase =
      !!opener &&
      (/^(?:the|our|a|an|then|now|who|which|whose|one|his|her|their|my|its)$/.test(opener.lower) ||
        opener.pos === 'VERB' ||
        (opener.pos === 'ADV' && tokens[k + 2]?.pos === 'VERB'));
    if (!phrase) return undefined;
    const limit = opener.lower === 'who' || opener.lower === 'which' || opener.lower === 'whose' ? 16 : 12;
    const close = tokens.findIndex((c, x) => x > k + 1 && (c.text === ',' || c.text === ';' || c.text === '.'));
    if (close > 0 && tokens[close].text === ',' && close - k <= limit && verbAt(tokens, close + 1)) return close + 1;
    return undefined;
  }
  if (t.text === '(') {
    const close = tokens.findIndex((c, x) => x > k && c.text === ')');
    return close > 0 ? close + 1 : undefined;
  }
  // "svc-admin (Rahul) disabled the WAF rule": a name in brackets after a login or a role.
  if (t.text === ')' && tokens[start - 1]?.text === '(') return k + 1;
  // A code span: "`allow_origins=['*']` with credentials enabled".
  if (t.text === '`') {
    const close = tokens.findIndex((c, x) => x > k && c.text === '`');
    return close > 0 && close - k < 20 ? close + 1 : undefined;
  }
  // "| 14:02 | Tomasz | deletes the `orders_archive` bucket |": the name's cell, then the cell of what they did.
  // (The tagger may call the verb in the narrative present a plural noun: "drops the table".)
  if (t.text === '|' && tokens[start - 1]?.text === '|') {
    const v = tokens[k + 1];
    if (
      v?.pos === 'NOUN' &&
      /[a-z]s$/.test(v.text) &&
      /^(?:the|a|an|all|every|its|their)$/.test(tokens[k + 2]?.lower ?? '')
    )
      v.pos = 'VERB';
    if (v?.pos === 'VERB') return k + 1;
  }
  // "Sanjay (again) — restarted the pods…": a dash before the verb.
  if (/^[—–-]$/.test(t.text) && tokens[k + 1]?.pos === 'VERB') return k + 1;
  // "Lucía's typo in the nginx config caused…": a prepositional phrase attached to the subject. After a name itself,
  // "after", "before", "until"… open a clause of time: "declared by Nicolás after the checks failed".
  const timeClause =
    /^(?:after|before|since|until|till|once|because|as|while|when)$/.test(t.lower) &&
    (tokens[k - 1]?.pos === 'PROPN' || tokens[k - 1]?.kind === 'handle');
  if (t.pos === 'ADP' && t.lower !== 'by' && !timeClause) {
    const np = nounPhraseAt(tokens, k + 1);
    if (np) return np.end;
    // "in haproxy.cfg (…)", "on `build-04`": a file name or a code span as the object.
    if (tokens[k + 1]?.text === '`') return skipAttached(tokens, k + 1, start);
  }
  return undefined;
}

/** Whether the name at `start` closes an apposition: "The contractor, Hamish Reid, …". */
function apposed(tokens: Token[], start: number): boolean {
  return tokens[start - 1]?.text === ',' && (tokens[start - 2]?.pos === 'NOUN' || tokens[start - 2]?.pos === 'PROPN');
}

/** Gratitude for what followed: "thanks to Henrik, …". */
export const THANKS_TO = /\b(?:thanks|thank you|kudos|props|shout-?out|hats off)\s+to\s*$/i;

/** Words that say the harm was kept small: "minutes rather than hours", "only", "contained", ", not days". */
export const HARM_KEPT_SMALL =
  /\b(?:rather than|instead of|only|contained|short-lived|limited|quickly|so fast)\b|,? not (?:hours|days|weeks)\b/i;

/** Praise or thanks said to a person at the start of the sentence: "Cheers, ", "Nice one, ", "Huge thanks to ". */
export const PRAISE =
  /^\W*(?:(?:huge|big|many|massive|special|great)\s+)?(?:thanks|thank you|cheers|kudos|props|way to go|nice one|nice work|nice job|great job|great work|good job|good work|well done|bravo|congrats|congratulations|hats off|shout-?out)(?:\s+(?:a lot|so much|very much|a bunch|again|mate))?(?:\s+(?:to|for))?\s*,?\s*$/i;

/**
 * Whether what follows praise tells harm that the praised one did: a verb of harm ("took down", "wiped"), not in a
 * clause of time that sets the scene ("for staying up while the cluster crashed"), with no remedy anywhere.
 */
export function ironicHarm(view: SentenceView, from: number): boolean {
  const { tokens } = view;
  // "Thanks to Ilse's quick failover, the outage lasted six minutes instead of an hour": harm kept small.
  if (HARM_KEPT_SMALL.test(view.text.slice(tokens[from]?.start ?? view.text.length))) return false;
  let harm = false;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' && (isRemedy(t, tokens[k + 1], view) || isRemedialObject(tokens, k))) return false;
    // "…for the hotfix that took down search": a remedy whose own clause tells the harm it did.
    if (REMEDY_NOUNS.has(t.lower)) return /^(?:that|which)$/.test(tokens[k + 1]?.lower ?? '') && harmIn(view, k + 2);
    if (t.pos !== 'VERB' || !harmIn(view, k, k + 1) || harm) continue;
    const c = clauseStart(tokens, k);
    if (c > 0 && /^(?:while|when|as|during|before|after|since)$/.test(tokens[c - 1].lower)) continue;
    harm = true;
  }
  // "Thanks a lot, Nikolai, for the unscheduled chaos experiment…": praise for a wrong or unplanned action.
  return harm || WRONG_ACTION.some((re) => re.test(view.text.slice(tokens[from]?.start ?? view.text.length)));
}

/**
 * The text before a name without the role that introduces it: "introduced by your administrator, " and "performed
 * by employee " end in "by", as "introduced by" does.
 */
export function withoutRole(prefix: string): string {
  const m = /\b(by|from|to|of)\s+(?:(?:the|our|your|their|its|an?)\s+)?(?:[\w-]+\s+){0,2}([\w-]+),?\s*$/i.exec(prefix);
  if (!m) return prefix;
  const role = m[2].toLowerCase();
  if (!isRoleNoun(role) && !(role.endsWith('s') && isRoleNoun(role.slice(0, -1)))) return prefix;
  return `${prefix.slice(0, m.index)}${m[1]} `;
}

/** Words that open a clause of cause or time ("because Kwame ran…", "once Mireille switched…"). */
export const SUBORDINATORS = new Set(['because', 'after', 'when', 'since', 'once', 'as']);
/** Nouns of time that open a clause after "the": "the moment Ayşe toggled…", "the minute the flag flipped". */
const TIME_NOUNS = new Set(['moment', 'minute', 'second', 'instant']);
/** A state that was good before someone acted: "Everything was fine until…". */
export const GOOD_STATE =
  /\b(?:fine|normal|normally|healthy|stable|smooth|smoothly|quiet|calm|ok|okay|green|working|worked|well|nominal)\b/i;

/**
 * The first token of the subordinator right before the subject, if any: "because", "after", "until", "the moment".
 * The tagger may call the word an adverb ("…started double-charging once Mireille switched…").
 */
export function subordinatorBefore(tokens: Token[], subject: number): number | undefined {
  const w = tokens[subject - 1]?.lower ?? '';
  if (SUBORDINATORS.has(w) || w === 'until' || w === 'till') return subject - 1;
  if (TIME_NOUNS.has(w) && tokens[subject - 2]?.lower === 'the') return subject - 2;
  return undefined;
}
