import { type Cue, isQuoted, isRejected, type SentenceView } from './cues';
import { isNegated } from './grammar';
import { ROLE_NOUNS } from './lexicon';

const ROLE = [...ROLE_NOUNS].filter((r) => /^[a-z-]+$/.test(r)).join('|');

/** "Human error" and its kin, as a cause or a classification. */
const PHRASES: { re: RegExp; reason: string }[] = [
  {
    re: /\b(?:human|operator|user|staff|engineer|personnel|manual|people|pilot|admin|administrator|employee|operational)[- ](?:error|mistake|slip|blunder|oversight)s?\b/gi,
    reason: 'phrase',
  },
  {
    re: /\b(?:pebkac|pebcak|pick?nic|id-?10-?t|layer[- ]?8(?: (?:issue|problem|error))?|fat[- ]finger(?:ed|ing|s)?|finger[- ]trouble)\b/gi,
    reason: 'slang',
  },
  {
    re: new RegExp(
      `\\b(?:mistake|error|slip|blunder|oversight)s? (?:made |committed )?(?:by|on the part of|from) (?:an?|the|our|one of (?:the|our)|some) (?:[\\w-]+ ){0,2}(?:${ROLE})s?\\b`,
      'gi',
    ),
    reason: 'by-role',
  },
  {
    re: new RegExp(
      `\\b(?:an?|the|our) (?:[\\w-]+ ){0,2}(?:${ROLE})(?:'s|’s) (?:own )?(?:error|mistake|slip|blunder)s?\\b`,
      'gi',
    ),
    reason: 'role-possessive',
  },
  {
    re: new RegExp(
      `\\b(?:someone|somebody|(?:an?|the|our) (?:[\\w-]+ ){0,2}(?:${ROLE})) (?:made|makes|had made) (?:an?|the|one) (?:[\\w-]+ )?(?:mistake|error|slip|blunder)\\b`,
      'gi',
    ),
    reason: 'made-mistake',
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
    if (
      /\b(?:count|counts|counter|rate|rates|metric|metrics|total|code|codes|class|type|response|responses|status|message|messages|page|category|bucket|log|logs|events?|returned|exception)\b/.test(
        after.split(/[,.;]/)[0] ?? '',
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
    /\b(?:kubernetes|k8s|crd|reconcil\w*|controller|helm|postgres|etcd|prometheus)\b/.test(view.lower)
  )
    return true;
  return false;
}

export function detectHumanError(view: SentenceView): Cue[] {
  const cues: Cue[] = [];
  for (const { re, reason } of PHRASES) {
    for (const m of view.text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (cues.some((c) => c.start < end && start < c.end)) continue;
      if (isQuoted(view, start, end) || isRejected(view, start, end) || isTechnical(view, start, end)) continue;
      // A mistake with no incident in sight is a general remark ("the moderator who made the mistake").
      if (
        reason === 'made-mistake' &&
        !/\b(?:caus\w*|led to|lead to|result\w*|outage|incident|down|broke|because|when|while|during|which)\b/i.test(
          view.text,
        )
      )
        continue;
      const firstToken = view.tokens.findIndex((t) => t.start >= start);
      if (firstToken >= 0 && isNegated(view.tokens, firstToken, 3)) continue;
      cues.push({ kind: 'human-error', start, end, phrase: m[0], reason });
    }
  }
  return cues;
}
