/**
 * Whether an action names a concrete change. A small grammar over the action's head: after a subject and a
 * modal ("We should", "Need to", "TODO"), the first verb phrase decides.
 * - Exhortations about people are never concrete: "be more careful", "pay attention", "double-check", "remember".
 * - Training is not a change to the system: "train people", "teach the teams", "raise awareness".
 * - Open-ended verbs promise nothing: "investigate", "look into", "consider", "explore", "discuss", "figure out".
 * - "Improve"/"better"/"more" over a generic noun (monitoring, alerting, testing, communication, process) is
 *   vague unless something specific remains: a component, a number, a code span ("Improve alerting on disk
 *   usage above 90%" is concrete; "Improve monitoring and alerting" is not).
 */

export interface Vagueness {
  /** The words that make it vague. */
  phrase: string;
  family: 'behaviour' | 'training' | 'open-ended' | 'generic-improvement';
  /** A suggestion of what a concrete action says. */
  hint: string;
}

const SUBJECT =
  /^(?:(?:we|i|they|the\s+team|team|everyone|engineers|people|devs?|developers|sres?|ops)\s+)?(?:(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to|will|shall|want\s+to|plan\s+to|are\s+going\s+to|'ll|ought\s+to|could|might|can|to)\s+)*(?:(?:also|further|continue\s+to|try\s+to|always|really|probably|likely)\s+)*/i;

const BEHAVIOUR =
  /^(?:be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|cautious|vigilant|diligent|attentive|thorough|mindful)|take\s+(?:more\s+)?care|pay\s+(?:more\s+|closer\s+)?attention|double[-\s]?check|triple[-\s]?check|remember\s+to|don't\s+forget|not\s+forget|avoid\s+(?:mistakes|errors)|communicate\s+better|work\s+harder|focus\s+more)\b/i;
const TRAINING =
  /^(?:train(?:ing)?|teach|educate|raise\s+awareness|make\s+(?:people|everyone|engineers|teams?)\s+aware|remind|coach|onboard\s+people|(?:hold|run|do|organi[sz]e)\s+(?:a\s+)?(?:training|workshop|session))\b/i;
const OPEN_ENDED =
  /^(?:investigate|look\s+(?:into|at)|consider|explore|evaluate|discuss|think\s+about|figure\s+out|research|revisit|review(?!\s+and\s+(?:merge|approve))|assess|check\s+(?:if|whether)|see\s+(?:if|whether|how)|find\s+(?:out|a\s+way|ways)|continue|keep\s+(?:an\s+eye|monitoring|working)|(?:have|hold|schedule)\s+(?:a\s+)?(?:talk|discussion|meeting|conversation|chat))\b/i;
const IMPROVE =
  /^(?:improve|enhance|increase|strengthen|boost|expand|better|more|add\s+more|get\s+better|do\s+better|make\s+(?:\w+\s+)?better|have\s+(?:more|better))\b/i;
const GENERIC_NOUN =
  /\b(?:our|the|a|an|more|better|overall|general|existing|current|some|and|or|of|in|on|for|around|across|to|with|system|systems|monitoring|alerting|alerts?|observability|visibility|testing|tests?|test\s+coverage|coverage|communication|process(?:es)?|documentation|docs|reliability|resilience|quality|security|stability|performance|tooling|procedures?|practices?|awareness|knowledge|response|incident\s+response|handling|understanding|things|stuff|it|this|that|them|e2e|ci|infrastructure|code|deployment|deployments|release|releases|checks?)\b/gi;

const HINTS: Record<Vagueness['family'], string> = {
  behaviour:
    'asking people to be more careful changes nothing the next person will meet; name a guard, a check or an automation instead',
  training:
    'training fades and new people arrive; name the runbook, the check or the tool change that makes the right action the easy one',
  'open-ended':
    'say what will change, or the decision it leads to and by when (e.g. "Decide whether to shard the queue; write up by 2024-06-01")',
  'generic-improvement':
    'say what exactly: which alert, on which signal, at which threshold (e.g. "Page on-call when disk usage exceeds 90% on db hosts")',
};

/** Finds what makes an action vague, or undefined when it names a concrete change. */
export function findVagueness(plain: string): Vagueness | undefined {
  const text = plain
    .replace(/^\s*(?:todo|to\s+do|action|ai|\d+[.)]|[-*•])\s*[:.)-]?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const head = text.replace(SUBJECT, '');
  for (const [re, family] of [
    [BEHAVIOUR, 'behaviour'],
    [TRAINING, 'training'],
    [OPEN_ENDED, 'open-ended'],
  ] as const) {
    const m = re.exec(head);
    if (m) return { phrase: m[0], family, hint: HINTS[family] };
  }
  const improve = IMPROVE.exec(head);
  if (improve) {
    // What is left once the generic words are gone: a component, a number, a code span means it is concrete.
    const rest = head
      .slice(improve[0].length)
      .split(/[.;:]/)[0]
      .replace(GENERIC_NOUN, ' ')
      .replace(/[^\p{L}\p{N}%`$]+/gu, ' ')
      .trim();
    if (rest === '') {
      return {
        phrase: head.split(/[.;:]/)[0].trim(),
        family: 'generic-improvement',
        hint: HINTS['generic-improvement'],
      };
    }
  }
  return undefined;
}
