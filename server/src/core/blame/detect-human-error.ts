import { type Cue, isQuoted, isRejected, type SentenceView } from './cues';
import { isNegated } from './grammar';
import { isRoleNoun, PERSONAL_SLIP, SLIP } from './lexicon';

/**
 * Words that make a slip a person's (besides every role noun): what kind of human work it was ("keying",
 * "clerical", "procedural", "data-entry") or whose ("human", "personnel", "staff").
 */
const HUMAN_KINDS = new Set(
  `human humans operator operators user staff personnel manual people pilot admin administrative administrator
  employee operational procedural clerical keying typing keyboard data-entry technician annotator labeller
  labeler cabling configuration-entry human-induced operator-induced`.split(/\s+/),
);

/** A word, where the pattern wants a person or a kind of human work; `humanWord` checks it after the match. */
const WORD = String.raw`[a-z][\w-]*`;
/** Up to three words ending a noun phrase ("the night-shift operator"), checked after the match. */
const WHO = String.raw`(?<who>(?:[\w-]+ ){0,2}[a-z][\w-]*)`;

/** A role noun (hand list or WordNet's person nouns), singular or plural, or a word of human work. */
function humanWord(word: string): boolean {
  const w = word.toLowerCase();
  if (HUMAN_KINDS.has(w) || isRoleNoun(w)) return true;
  if (w.endsWith('ies')) return isRoleNoun(`${w.slice(0, -3)}y`);
  return w.endsWith('s') && isRoleNoun(w.slice(0, -1));
}

/**
 * Where a match ends once the words it captured are checked: -1 when they hold no person where the pattern wants
 * one (its head, `last`, or any of them, `any`); for `any`, the match is cut after the last such word ("a slip by
 * the contractor" of "a slip by the contractor exposed the bucket").
 */
function checkedEnd(m: RegExpExecArray, check?: 'last' | 'any'): number {
  const end = m.index + m[0].length;
  const groups = m.groups;
  if (!check || !groups) return end;
  const kind = groups.kind;
  if (kind !== undefined)
    return humanWord(kind) || (kind.toLowerCase() === 'data' && /^entry$/i.test(groups.mid ?? '')) ? end : -1;
  // "someone made a mistake": a pronoun, no phrase to check.
  if (groups.who === undefined) return end;
  const words = groups.who.split(' ');
  if (check === 'last') return humanWord(words[words.length - 1]) ? end : -1;
  let k = words.length - 1;
  while (k >= 0 && !humanWord(words[k])) k--;
  if (k < 0) return -1;
  return end - (groups.who.length - words.slice(0, k + 1).join(' ').length);
}

/**
 * "Human error" and its kin, as a cause or a classification. `needs` is a simpler pattern that every match of the
 * phrase holds, searched for first: the phrases that list every role are slow to search, and most sentences lack it.
 */
const PHRASES: { re: RegExp; reason: string; needs?: RegExp; check?: 'last' | 'any' }[] = [
  {
    re: /\b(?:human|operator|user|staff|engineer|personnel|manual|people|pilot|admin|administrator|employee|operational)[- ](?:error|mistake|slip|blunder|oversight)s?\b/gi,
    reason: 'phrase',
  },
  {
    // "annotator error", "a manual keying mistake", "an administrative mistake at our telco partner", "operator misjudgement"
    re: new RegExp(`\\b(?<kind>${WORD})(?:[- ](?:(?<mid>[\\w-]+)[- ])?)${SLIP}\\b`, 'gi'),
    reason: 'kind',
    check: 'last',
    needs: new RegExp(SLIP, 'i'),
  },
  {
    // "Error of the operator", "a slip by the night-shift engineer", "mistake on the part of support staff"
    re: new RegExp(
      `\\b${SLIP} (?:made |committed )?(?:by|of|from|on the part of) (?:an?|the|our|their|one of (?:the|our)|some)? ?${WHO}\\b`,
      'gi',
    ),
    reason: 'by-role',
    check: 'any',
    needs: /(?:by|of|from|part of) /i,
  },
  {
    // "a silly mistake on our side", "an oversight on their part": a slip owned by the people who write.
    re: new RegExp(
      `\\b${PERSONAL_SLIP} (?:made |committed )?(?:on|from) (?:our|their|his|her|my|your) (?:own )?(?:side|end|part)\\b`,
      'gi',
    ),
    reason: 'our-side',
    needs: / (?:on|from) (?:our|their|his|her|my|your) /i,
  },
  {
    // "An engineer mistakenly ran the script against production", "the operator accidentally deleted…": a slip
    // told by its adverb, with a person as the subject.
    re: new RegExp(
      `\\b(?:an?|the|our|one) ${WHO} (?:mistakenly|accidentally|inadvertently|erroneously|unintentionally) (?!discover|found|find|notic|spott|stumbl|learn|uncover|saw|see)[a-z]+`,
      'gi',
    ),
    reason: 'slipped',
    check: 'any',
    needs: /\b(?:mistakenly|accidentally|inadvertently|erroneously|unintentionally)\b/i,
  },
  {
    // "mis-keyed IP address by the network engineer", "mistyped by an operator"
    re: new RegExp(
      `\\bmis-?(?:keyed|typed|entered|configured|labell?ed|set|read|dialled|dialed)\\b[^.;]{0,40}\\bby (?:an?|the|our|one) ${WHO}`,
      'gi',
    ),
    reason: 'by-role',
    check: 'any',
    needs: /\bmis-?(?:keyed|typed|entered|configured|labell?ed|set|read|dialled|dialed)\b/i,
  },
  {
    // "an error on the operator's part", "a mistake on the engineers' side": the slip put on a role.
    re: new RegExp(
      `\\b${SLIP} (?:made |committed )?on (?:the|an?|our|one) (?!(?:[\\w-]+ )?(?:vendor|provider|supplier|partner|customer|client|company|carrier|isp|host|cloud|team)s?(?:'s|’s|'|’))${WHO}(?:'s|’s|'|’) (?:side|end|part)\\b`,
      'gi',
    ),
    reason: 'by-role',
    check: 'any',
    needs: /\bon (?:the|an?|our|one) [^.;]{1,40}(?:'s|’s|'|’) (?:side|end|part)\b/i,
  },
  {
    // "A simple slip on the console", "a mistake at the keyboard": a slip where a person types is theirs.
    re: new RegExp(
      `\\b${PERSONAL_SLIP} (?:on|at) (?:the|a|our|his|her|their) (?:console|keyboard|terminal|command line|prompt|shell)\\b`,
      'gi',
    ),
    reason: 'at-the-keyboard',
    needs: / (?:on|at) (?:the|a|our|his|her|their) (?:console|keyboard|terminal|command line|prompt|shell)\b/i,
  },
  {
    // "a mistaken manual purge of the queue by support staff", "an erroneous manual change"
    re: /\b(?:mistaken|erroneous|accidental|inadvertent) (?:manual|human|hand-typed|hand-edited)\b/gi,
    reason: 'mistaken-manual',
  },
  {
    // "the engineer slipped up", "the on-call goofed"
    re: new RegExp(
      `\\b(?:someone|somebody|i|we|(?:an?|the|our) ${WHO}) (?:slipped up|slipped|goofed|erred|screwed up|messed up)\\b`,
      'gi',
    ),
    reason: 'slipped',
    check: 'last',
  },
  {
    // Classification labels: "Error type: HUMAN", "Category: human", "Cause code 7 – 'Human: incorrect input'",
    // "classified as 'incorrect manual intervention (human)'", "the human element"
    re: /(?:\b(?:error|failure|fault|incident|root[- ]cause|cause|category|classification|type|factor)(?: type| code| category| class| group)?(?: \d+)?\s*[:=–—-]\s*['‘"“]?(?:human|personnel|people|operator)\b|['‘"“(]human\s*[:)]|\bthe human (?:element|factor)\b(?! (?:engineering|research|design))|\b(?:meatware|wetware|liveware|carbon[- ]based) (?:problem|failure|issue|error|bug|fault))/gi,
    reason: 'classification',
  },
  {
    // "Human-induced failure:", "a human-caused outage": the failure classed as the people's.
    re: /\bhuman[- ](?:induced|caused|originated|initiated|made|triggered|generated) (?:failure|outage|incident|error|fault|event|problem|issue|downtime|disruption)s?\b/gi,
    reason: 'classification',
  },
  {
    re: /\b(?:pebkac|pebcak|pi(?:c|ck|k)nic|id-?10-?t|layer[- ]?(?:8|eight)(?: (?:issue|problem|error|fault))?|fat[- ]finger(?:ed|ing|s)?|finger[- ]trouble|between (?:the )?keyboard and (?:the )?chair)\b/gi,
    reason: 'slang',
  },
  {
    re: new RegExp(
      `\\b(?:mistake|error|slip|blunder|oversight)s? (?:made |committed )?(?:by|on the part of|from) (?:an?|the|our|one of (?:the|our)|some) ${WHO}\\b`,
      'gi',
    ),
    reason: 'by-role',
    check: 'any',
    needs:
      /(?:mistake|error|slip|blunder|oversight)s? (?:made |committed )?(?:by|on the part of|from) (?:an?|the|our|one of|some) /i,
  },
  {
    re: new RegExp(`\\b(?:(?:an?|the|our) )?${WHO}(?:'s|’s) (?:own )?${SLIP}\\b`, 'gi'),
    reason: 'role-possessive',
    check: 'last',
    needs: new RegExp(`(?:'s|’s) (?:own )?${SLIP}`, 'i'),
  },
  {
    re: new RegExp(
      `\\b(?:someone|somebody|(?:an?|the|our) ${WHO}) (?:made|makes|making|had made|committed|commits|committing) (?:an?|the|one) (?:[\\w-]+ )?${SLIP}\\b`,
      'gi',
    ),
    reason: 'made-mistake',
    check: 'last',
    needs: /(?:made|makes|making|committed|commits|committing) (?:an?|the|one) /i,
  },
];

/** Technical senses: "user error" as an API error class, "operator error" from a Kubernetes operator. */
function isTechnical(view: SentenceView, start: number, end: number): boolean {
  const phrase = view.lower.slice(start, end);
  const before = view.lower.slice(Math.max(0, start - 40), start);
  const after = view.lower.slice(end, end + 30);
  if (/^(?:user|operator)/.test(phrase)) {
    if (/^\s*(?:in|from) (?:the |our )?(?:[\w-]+ )?(?:logs?|metrics|dashboards?|responses?|traces)\b/.test(after))
      return true;
    // "user error count", "operator error rate in the dashboard": a metric or class named right after the phrase
    // (not a word further on: "(human factors: operator slip) was assigned to this event").
    if (
      /^[\s-]*(?:[\w-]+ )?(?:count|counts|counter|rate|rates|metric|metrics|total|code|codes|class|type|response|responses|status|message|messages|page|category|bucket|log|logs|events?|returned|exception)\b/.test(
        after,
      )
    ) {
      if (!/^\s*(?:by|on the part of|during|in|when)\b/.test(after)) return true;
    }
    if (
      /\b(?:return|returns|returned|emit|emits|emitted|raise|raises|raised|throw|throws|thrown|respond|responds|responded|map|maps|mapped|as an?|http|4\d\d|status)\b[^,.;]*$/.test(
        before,
      )
    )
      return true;
  }
  if (
    /^operator/.test(phrase) &&
    /\b(?:kubernetes|k8s|crd|reconcil\w*|helm|postgres|etcd|prometheus)\b/.test(view.lower)
  )
    return true;
  return false;
}

/** A verdict recorded in quotes: "recorded as '…'", "classified as '…'", "stopped at '…'", "put down to '…'". */
const RECORDED =
  /\b(?:(?:recorded|classified|coded|filed|marked|logged|listed|labell?ed|tagged|entered|closed|put down|chalked up|attributed|stopped|ended|settled|concluded)(?:(?: [\w-]+){0,3}? (?:as|at|to|under|with(?: resolution)?|on))?|(?:record|classif(?:y|ie)|categori[sz]e|code|file|mark|log|label|tag)s? (?:[\w-]+ ){1,5}(?:as|under))\s*[^\s\w]?\s*['‘"“][^'’"”]*$/i;

/** Words one of PHRASES needs: a sentence without any of them cannot match, and the phrases are not searched. */
const NEEDED = new RegExp(
  `${SLIP}|keying|mis-?(?:keyed|typed|entered|configured|labell?ed|set|read|dialled|dialed)|unintentional|mistaken|erroneous|accidental|inadvertent|erred|messed|screwed|human|meatware|wetware|liveware|carbon|keyboard and|pebkac|pebcak|pi(?:c|ck|k)nic|id-?10-?t|layer[- ]?(?:8|eight)|finger|[:=]\\s*['‘"“]?(?:people|personnel|operator)\\b`,
  'i',
);

export function detectHumanError(view: SentenceView): Cue[] {
  const cues: Cue[] = [];
  if (!NEEDED.test(view.text)) return cues;
  for (const { re, reason, needs, check } of PHRASES) {
    if (needs && !needs.test(view.text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
      const start = m.index;
      const end = checkedEnd(m, check);
      // The generic words of the pattern name no person: look again from the next word.
      if (end < 0) {
        re.lastIndex = start + 1;
        continue;
      }
      if (cues.some((c) => c.start < end && start < c.end)) continue;
      // "users seeing errors", "operators hitting errors": the middle word is the verb of a clause whose subject is
      // the people, who meet the errors (a "manual keying mistake" has a noun there).
      if (reason === 'kind' && m.groups?.mid) {
        const midStart = start + m[0].indexOf(m.groups.mid, m.groups.kind.length);
        const mid = view.tokens.find((t) => t.start === midStart);
        const kind = view.tokens.find((t) => t.start === start);
        if (mid?.pos === 'VERB' && kind?.pos === 'NOUN' && !/^(?:mak|commit)/.test(mid.lower)) {
          re.lastIndex = start + 1;
          continue;
        }
      }
      // "a configuration mistake on our side" is the system's: a slip on our side is a person's only unqualified.
      if (reason === 'our-side') {
        const before = view.tokens.findLast((t) => t.end <= start);
        if (before && (before.pos === 'NOUN' || before.pos === 'PROPN')) continue;
      }
      // "(human)" is a classification only as one: "classified as '… (human)'", not "a reviewer (human) approves".
      if (
        view.text[start] === '(' &&
        !/\b(?:classif|categor|cause|type|code|taxonom|bucket|recorded|filed|logged)/i.test(view.text.slice(0, start))
      )
        continue;
      if (isRejected(view, start, end) || isTechnical(view, start, end)) continue;
      // "a human-error taxonomy", "the operator-error field": the phrase named as a category, not given as a cause.
      if (
        /^[\s-]*(?:taxonomy|taxonomies|field|fields|category|categories|label|labels|dropdown|option|framing|narrative|language|term|terms|wording|bucket|checkbox|tag|code)\b/i.test(
          view.text.slice(end),
        )
      )
        continue;
      // A quoted phrase is mentioned, not used ("we avoid 'human error'"), unless it is the recorded verdict:
      // "recorded as 'personnel error'", "our five whys stopped at 'the engineer made a mistake'".
      if (isQuoted(view, start, end) && !RECORDED.test(view.text.slice(Math.max(0, start - 60), start))) continue;
      // A mistake with no incident in sight is a general remark ("the moderator who made the mistake").
      // A recorded verdict needs none: "our five whys stopped at 'the engineer made a mistake'".
      if (
        reason === 'made-mistake' &&
        !RECORDED.test(view.text.slice(Math.max(0, start - 60), start)) &&
        // "…made a mistake in the WHERE clause and 14,000 rows were updated": an effect told after it also counts.
        !/\b(?:caus\w*|led to|lead to|result\w*|outage|incident|down|broke|because|when|while|during|which|and|so|then|wrong)\b|[;—–]/i.test(
          view.text.slice(end),
        ) &&
        !/\b(?:caus\w*|led to|lead to|result\w*|outage|incident|down|broke|because|when|while|during|which)\b/i.test(
          view.text,
        )
      )
        continue;
      const firstToken = view.tokens.findIndex((t) => t.start >= start);
      if (firstToken >= 0 && isNegated(view.tokens, firstToken, 3)) continue;
      cues.push({ kind: 'human-error', start, end, phrase: view.text.slice(start, end), reason });
    }
  }
  return cues;
}
