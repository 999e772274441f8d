import { memoizeText } from '../incremental/memo';
import type { MilestoneKind } from './types';

/**
 * The words that mark each milestone in a timeline entry, as a small grammar rather than a list of sentences:
 * a subject class (the outage, errors, users, an alert) with a verb class (began, fired, ended), or a verb
 * phrase that says it on its own ("rolled back", "got paged"). Each cue has a strength: explicit statements
 * ("outage ends") beat outcomes ("latency recovered"), which beat actions that usually help ("pod killed").
 *
 * A cue does not count when the words before it deny it or make it an intention: "not resolved", "unable to
 * roll back", "a PR to roll back", "trying to fix", "should have alerted".
 */

export interface Cue {
  kind: MilestoneKind;
  /** 3: says it outright; 2: an outcome that implies it; 1: an action that usually brings it about. */
  strength: 1 | 2 | 3;
  pattern: RegExp;
  /** What the cue means, for the editor's "why". */
  label: string;
}

const FAILURE_NOUN =
  '(?:outage|incident|impact|degradation|disruption|errors?|error rates?|failures?|latency|timeouts?|5xx|50[0-4]s?|crash(?:es)?|problems?|issues?|slowness|downtime)';
const SYSTEM_STATE =
  '(?:down|offline|unavailable|unreachable|unresponsive|inaccessible|degraded|broken|read-only|unschedulable|unhealthy|overloaded|saturated|stuck)';
const BECOME = '(?:goes|went|gone|go|is|was|are|were|became|becomes|become|becoming|being|been|turned|got|gets)';
const BEGIN = '(?:begins?|began|begun|starts?|started|starting|beginning)';
const FAIL_VERB =
  '(?:fail(?:ing|s|ed)?|error(?:ing)?|time\\s+out|timing\\s+out|return(?:ing)?\\s+(?:errors?|5\\d\\d)|drop(?:ping)?|reject(?:ing)?|crash(?:ing)?|degrad(?:e|ing)|slow(?:ing)?(?:\\s+down)?|tak(?:e|ing)\\s+\\d+|be\\s+' +
  SYSTEM_STATE +
  '|reporting|throw(?:ing)?|los(?:e|ing)|leak(?:ing)?|serv(?:e|ing)\\s+(?:errors?|stale|wrong))';

/** What flows through a service: its drop is the impact. */
const SERVICE_FLOW =
  '(?:traffic|requests?|throughput|success\\s+rates?|availability|conversions?|orders?|sign-?ups?|logins?|uploads?|downloads?|payments?|checkouts?|deliveries|messages)';
/** Units of work users or systems ask for: when they fail, the impact has begun. */
const SERVICE_WORK =
  '(?:requests?|uploads?|downloads?|builds?|deploys|tests?|test\\s+suites?|jobs?|logins?|sign-?ins?|payments?|checkouts?|api\\s+calls?|calls?|queries|connections?|webhooks?|e-?mails?|page\\s+loads?|pages?|lookups?|resolutions?)';

/** What must not leak: once it is sent or published where it should not be, the impact has begun. */
const SECRET =
  '(?:PII|personal(?:ly\\s+identifiable)?\\s+(?:data|information|details)|(?:customer|user)\\s+data|credentials?|secrets?|passwords?|private\\s+keys?|(?:api|access|auth(?:entication)?|session)\\s+(?:keys?|tokens?)|tokens?)';
/** The secret heads its noun phrase: "containing a token for the admin", not "containing the token rotation fix". */
const SECRET_HEAD = `${SECRET}(?=\\s*(?:$|[.,;:)\\]]|\\s(?:for|of|from|to|in|into|on|at|with|by|is|was|are|were|and|that|which|belonging)\\b))`;
/** Verbs that put something where others can read it. */
const DISCLOSE =
  '(?:sent|pushed|published|posted|uploaded|committed|e-?mailed|shared|exposed|leaked|disclosed|made\\s+public)';

const cue = (kind: MilestoneKind, strength: Cue['strength'], label: string, source: string): Cue => ({
  kind,
  strength,
  label,
  pattern: new RegExp(source, 'i'),
});

export const CUES: readonly Cue[] = [
  // Start of impact: the failure itself, not the change that set it off.
  cue(
    'started',
    3,
    'impact begins',
    `\\b${FAILURE_NOUN}(?:\\s+(?:on|in|for|of|at|from)\\s+(?:the\\s+)?[\\w./-]+){0,2}\\s+(?:${BEGIN}|spiked?|spikes|rises|rose|increased|appear(?:s|ed)?|occur(?:s|red)?|climb(?:s|ed)?|jump(?:s|ed)?|surge[sd]?|soar(?:s|ed)?)\\b`,
  ),
  cue('started', 3, 'impact begins', `\\b${BEGIN}\\s+(?:to\\s+)?${FAIL_VERB}\\b`),
  // What happens to the service and its users: traffic drops, requests fail, nothing is left running.
  cue(
    'started',
    3,
    'traffic drops',
    `\\b${SERVICE_FLOW}\\s+(?:[\\w-]+\\s+)?(?:drops?|dropped|dropping|fell|falls|falling|plummet(?:s|ed)|dips?|dipped|collapses?|collapsed|(?:goes|went)\\s+to\\s+zero)\\b`,
  ),
  cue(
    'started',
    2,
    'requests fail',
    `\\b${SERVICE_WORK}\\s+(?:(?:are|were|is|was|began|begin|begins|start(?:s|ed)?)\\s+(?:to\\s+)?)?(?:(?:almost|mostly|all|now|still|intermittently)\\s+)?(?:fail(?:ing|s|ed)?|time\\s+out|timing\\s+out|timed\\s+out|erroring|hang(?:ing|s)?|(?:being\\s+)?rejected)\\b`,
  ),
  cue(
    'started',
    2,
    'a system fails',
    '^(?:[\\w./-]+\\s+){0,3}(?:degradation|outage|downtime|disruption|unavailability)\\b(?!\\s+(?:review|report|postmortem|ends?|ended|is\\s+over|was\\s+over))|\\b(?:we\\s+have|there\\s+(?:are|were|is|was))\\s+no\\s+(?:healthy\\s+|available\\s+|running\\s+|working\\s+)?(?:nodes?|servers?|instances?|capacity|pods?|workers?|replicas?)\\b',
  ),
  cue('started', 2, 'a system fails', `\\b${BECOME}\\s+(?:(?:completely|partially|fully|now)\\s+)?${SYSTEM_STATE}\\b`),
  cue(
    'started',
    2,
    'a system fails',
    '\\b(?:stuck\\s+in\\s+(?:a\\s+)?crash\\s*loop|crash\\s*loop(?:ing|s)?|out\\s+of\\s+(?:memory|disk(?:\\s+space)?)|disk\\s+(?:is\\s+|was\\s+)?full|no\\s+space\\s+left)\\b',
  ),
  cue(
    'started',
    2,
    'a backlog builds',
    '\\b(?:backing\\s+up|backed\\s+up|piling\\s+up|lagging|queue(?:s|d)?\\s+(?:is\\s+|are\\s+)?growing)\\b',
  ),
  cue(
    'started',
    2,
    'a system is slow',
    '\\b(?:respond(?:ing|s)?|running|loading|load(?:s|ed)?)\\s+(?:very\\s+|extremely\\s+|really\\s+|too\\s+)?slow(?:ly)?\\b|\\bslow\\s+(?:response|responses|requests|page\\s+loads?)\\b',
  ),
  cue(
    'started',
    2,
    'users affected',
    '\\b(?:users?|customers?|clients?|requests?|jobs?|builds?)\\s+(?:began|begin|start(?:ed)?|were|are|was|is)\\s+(?:to\\s+)?(?:seeing|see|experiencing|experience|unable|getting|receiving|failing|blocked|affected|impacted)\\b',
  ),
  cue(
    'started',
    2,
    'impact begins',
    '\\bfirst\\s+(?:observed\\s+|recorded\\s+|user-facing\\s+)?(?:errors?|failures?|5xx|50\\d|timeouts?|impact)\\b',
  ),
  // A leak begins when the data leaves: "an email containing PII is sent", "an image containing a token pushed".
  // Said outright even where the verb is a trigger's (pushed, published), so strength 3.
  cue(
    'started',
    3,
    'data exposed',
    `\\b${DISCLOSE}\\b(?:[^.;]|\\.(?=\\S)){0,60}?\\bcontaining\\s+(?:[\\w-]+\\s+){0,4}?${SECRET_HEAD}|\\bcontaining\\s+(?:[\\w-]+\\s+){0,4}?${SECRET_HEAD}(?:[^.;]|\\.(?=\\S)){0,40}?\\b(?:is|was|are|were|gets?|got)\\s+(?:\\w+\\s+)?${DISCLOSE}\\b|\\b${SECRET}\\s+(?:[\\w-]+\\s+){0,3}?(?:is|was|are|were|got|gets|been)\\s+(?:publicly\\s+)?(?:exposed|leaked|disclosed|made\\s+public)\\b`,
  ),
  // A system falls into a failure mode or runs out of what it needs.
  cue(
    'started',
    2,
    'a system fails',
    '\\b(?:go(?:es)?|went|gone|going|enter(?:s|ed|ing)?|switch(?:es|ed)?|fell|falls|falling)\\s+(?:in)?to\\s+(?:a\\s+|the\\s+)?(?:read-?only|degraded|failed|failure|error|safe|emergency|fallback)\\s+(?:mode|state)\\b',
  ),
  cue(
    'started',
    2,
    'a resource runs out',
    '\\b(?:not\\s+enough|ran\\s+out\\s+of|runs?\\s+out\\s+of|running\\s+out\\s+of|exhausted(?:\\s+(?:the|all|its|their))?)\\s+(?:free\\s+|available\\s+|spare\\s+)?(?:ip\\s+addresses|ips|addresses|capacity|memory|disk(?:\\s+space)?|space|file\\s+(?:handles|descriptors|watches)|inodes|connections|quota|threads)\\b',
  ),

  // Detection: an alert, a page, a report, someone noticing.
  cue(
    'detected',
    3,
    'an alert fired',
    '\\b(?:alerts?|alarms?|monitors?|pagers?|pagerduty|opsgenie)\\b[^.;]{0,40}?\\b(?:fired|fires|firing|triggered|triggers|went\\s+off|goes\\s+off|raised|tripped|paged|pages|paging|notifies|notified)\\b',
  ),
  cue(
    'detected',
    3,
    'an alert fired',
    '\\b(?:received|receives|got|gets|triggered|fired)\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+){0,2}(?:alerts?|alarms?|pages?|warnings?)\\b',
  ),
  cue(
    'detected',
    3,
    'someone was paged',
    '\\b(?:paged|pages\\s+(?:the\\s+)?(?:[\\w.-]+\\s+){0,2}on-?call|was\\s+paged|got\\s+paged|gets\\s+paged)\\b',
  ),
  cue(
    'detected',
    3,
    'someone was paged',
    '\\bon-?call(?:er)?\\s+(?:person\\s+)?(?:was\\s+|is\\s+|gets?\\s+|got\\s+)?(?:\\w+\\s+)?(?:pinged|paged|notified|alerted|contacted|called)\\b|\\b(?:pinged|paged|notified|alerted|called)\\s+(?:the\\s+)?on-?call(?:er)?\\b',
  ),
  cue(
    'detected',
    3,
    'an automated warning',
    '\\b(?:automated|automatic)\\s+(?:warning|alert|alarm|notification|page)s?\\b',
  ),
  cue('detected', 3, 'a report came in', '\\b(?:first|initial)\\s+(?:\\w+\\s+)?reports?\\b'),
  cue('detected', 3, 'a report came in', '\\b(?:is|was|were|are|been|gets?|got)\\s+reported\\b'),
  cue(
    'detected',
    2,
    'a report came in',
    '\\b(?:receives?|received|receiving|gets|got)\\s+(?:an?\\s+|the\\s+|their\\s+)?(?:\\w+\\s+)?(?:e-?mails?|messages?|reports?|tickets?|support\\s+requests?|DMs?|calls?)\\s+from\\b',
  ),
  cue(
    'detected',
    3,
    'a report came in',
    '(?<!\\bthe\\s)\\breport(?:s|ed)\\s+(?:on|in|to|that|an?|the|this|their|its|his|her|our|issues?|problems?|errors?|failures?|it|slow|broken)\\b',
  ),
  cue(
    'detected',
    3,
    'someone was alerted',
    '\\b(?:alerted|notified|informed|told|contacted)\\s+(?:us|(?:the\\s+)?(?:[\\w.-]+\\s+)?team|(?:the\\s+)?on-?call(?:er)?|(?:the\\s+)?maintainers|support)\\b',
  ),
  cue(
    'detected',
    2,
    'someone was told',
    '\\b(?:(?:was|were|is|are|gets?|got)\\s+)?(?:informed|notified|told|made\\s+aware)\\s+(?:of|about|that)\\b|\\b(?:e-?mails?|e-?mailed|messages?|messaged|contacts?|contacted|pings?|pinged|calls?|called|writes?|wrote)\\s+(?:\\w+\\s+){0,4}?about\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+){0,2}(?:issue|problem|outage|errors?|failures?|suspicious|incident|bug|vulnerability|attack|leak)',
  ),
  cue(
    'detected',
    2,
    'someone noticed',
    '\\b(?:notic(?:e|es|ed|ing)|spott(?:ed|s)|spots|detect(?:s|ed)|discover(?:s|ed)|became\\s+aware|becomes\\s+aware|(?:was|were)\\s+made\\s+aware|identif(?:y|ies|ied)|realis(?:e|es|ed)|realiz(?:e|es|ed))\\b',
  ),
  cue(
    'detected',
    2,
    'an incident was declared',
    '\\b(?:declar(?:es|ed|ing)|open(?:s|ed)|rais(?:es|ed))\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?incident\\b|\\bincident\\s+(?:is\\s+|was\\s+)?declared\\b',
  ),
  cue(
    'detected',
    2,
    'someone saw symptoms',
    '\\b(?:observ(?:e|es|ed)|sees|saw)\\s+(?:that\\s+)?(?:some\\s+|many\\s+|the\\s+)?(?:\\w+\\s+){0,3}(?:errors?|failures?|failing|timeouts?|5xx|50\\d|NotReady|down|slow)\\b',
  ),

  // An entry that names its milestone outright, as many templates do: "… pages the on-call. **Detection.**"
  cue('detected', 3, 'labelled detection', '(?<=^|[.;:—–-]\\s*)\\**(?:detection|detected)\\**\\s*(?:[.!:]|$)'),

  // Mitigation: the impact ends, or a workaround stops it.
  cue(
    'mitigated',
    3,
    'impact ended',
    `\\b${FAILURE_NOUN}\\s+(?:ends?|ended|is\\s+over|was\\s+over|stops?|stopped|subsides?|subsided|clears?|cleared|went\\s+away|goes\\s+away|mitigated)\\b`,
  ),
  cue(
    'mitigated',
    3,
    'mitigated',
    '\\b(?:mitigat(?:ed|es|ion\\s+(?:is\\s+|was\\s+)?(?:applied|deployed|in\\s+place|complete[d]?)))\\b',
  ),
  cue(
    'mitigated',
    3,
    'a workaround is in place',
    '\\bworkaround\\s+(?:is\\s+|was\\s+)?(?:in\\s+place|applied|deployed|rolled\\s+out|active|works|worked)\\b|\\b(?:applied|deployed)\\s+(?:a\\s+|the\\s+)?workaround\\b',
  ),
  cue(
    'mitigated',
    2,
    'service recovered',
    '\\b(?:recover(?:s|ed)|restored|restores|back\\s+to\\s+normal|returns?\\s+to\\s+normal|returned\\s+to\\s+normal|back\\s+online|back\\s+up|brought\\s+back|up\\s+again|(?:operational|functional|healthy|working)\\s+again|(?:up\\s+and\\s+)?running\\s+again|stabili[sz](?:ed|es|ing)|no\\s+longer\\s+(?:\\w+\\s+){0,2}(?:bottlenecked|failing|down|affected|degraded|impacted|erroring)|(?:usual|normal)\\s+(?:rate|levels?|operations?|latency))\\b',
  ),
  cue(
    'mitigated',
    2,
    'service recovered',
    `\\b(?:succeed(?:s|ed|ing)?|work(?:s|ing|ed)?|flow(?:s|ing)?|resum(?:es|ed|ing)|process(?:es|ed|ing)|merg(?:es|ing)|serv(?:es|ing)|load(?:s|ing))\\s+(?:\\w+\\s+)?(?:again|normally|as\\s+(?:expected|normal|usual))\\b|\\b(?:behaviou?r|service|traffic|operations?|processing|deliver(?:y|ies))\\s+(?:\\w+\\s+)?resumed\\b|\\b${SERVICE_FLOW}\\s+(?:\\w+\\s+)?(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:back\\b|returns?\\s+to|returned\\s+to|recover(?:s|ed)|normali[sz]e[sd]?)|\\b(?:error\\s+rates?|errors|latency|5xx)\\s+(?:\\w+\\s+)?(?:drops?\\s+back|dropped\\s+back|subsides?|subsided|returns?\\s+to\\s+normal|returned\\s+to\\s+normal|back\\s+to\\s+(?:normal|baseline|zero))`,
  ),
  // The harm stops: "stopping further emails from being sent", "no further errors were seen".
  cue(
    'mitigated',
    2,
    'the harm stopped',
    '\\b(?:stop(?:s|ped|ping)?|prevent(?:s|ed|ing)?|halt(?:s|ed|ing)?|block(?:s|ed|ing)?)\\s+(?:any\\s+)?(?:further|more|additional)\\s+(?!action|work|investigation|discussion)[\\w-]+|\\bno\\s+(?:further|more|new)\\s+(?!action|work|investigation)(?:[\\w-]+\\s+){1,2}(?:were\\s+|was\\s+|have\\s+been\\s+|has\\s+been\\s+)?(?:seen|observed|sent|reported|recorded|logged|occurred|received)\\b',
  ),
  cue(
    'mitigated',
    2,
    'confirmed working',
    '\\b(?:confirm(?:s|ed)?|verif(?:y|ies|ied))\\s+(?:that\\s+)?(?:[\\w-]+\\s+){0,4}?(?:is|are|was|were|to\\s+be)\\s+(?:now\\s+|back\\s+|fully\\s+)?(?:functional|working|healthy|up|available|operational|serving|draining)\\b|\\b(?:confirm(?:s|ed)?|verif(?:y|ies|ied))\\s+(?:that\\s+)?(?:all\\s+)?(?:systems?|services?)\\s+(?:are\\s+)?operational\\b',
  ),
  cue(
    'mitigated',
    1,
    'rolled back',
    '\\b(?:roll(?:s|ed|ing)?\\s+(?:\\w+\\s+)?back|rolled\\s+back|rollback\\s+(?:is\\s+|was\\s+)?(?:complete[d]?|deployed|done|finished)|revert(?:s|ed)?\\s+(?:the\\s+)?(?:change|deploy(?:ment)?|commit|config(?:uration)?|release))\\b(?!\\s+(?:PR|pull\\s+request))',
  ),
  cue('mitigated', 1, 'failed over', '\\b(?:failed\\s+over|fail-?over\\s+(?:is\\s+|was\\s+)?(?:complete[d]?|done))\\b'),
  cue(
    'mitigated',
    1,
    'a mitigating action',
    '\\b(?:block(?:s|ed)|disabl(?:es|ed)|revok(?:es|ed)|destroy(?:s|ed)|rotat(?:es|ed)|invalidat(?:es|ed)|kill(?:s|ed)|stopp?(?:s|ed)|restart(?:s|ed)|scal(?:es|ed)\\s+(?:up|out|down)|drain(?:s|ed)|remov(?:es|ed)|delet(?:es|ed)|terminat(?:es|ed)|re-?enabl(?:es|ed)|takes?\\s+down|took\\s+down|taken\\s+down|increas(?:es|ed)\\s+(?:the\\s+)?(?:disk|capacity|memory|quota|limit))\\b',
  ),

  cue('mitigated', 3, 'labelled mitigation', '(?<=^|[.;:—–-]\\s*)\\**(?:mitigation|mitigated)\\**\\s*(?:[.!:]|$)'),

  // Resolution: fixed for good.
  cue(
    'resolved',
    3,
    'resolved',
    '\\b(?:resolv(?:es|ed|ing)\\s+(?:the\\s+)?(?:outage|incident|issue|problem)|(?:incident|outage|issue|problem|it)\\s+(?:is\\s+|was\\s+|has\\s+been\\s+)?(?:(?!not\\b|never\\b|yet\\b|n.t\\b)\\w+\\s+)?(?:resolved|closed|fixed))\\b',
  ),
  cue('resolved', 3, 'resolved', '(?<!\\w\\s)\\bresolved\\b(?!\\s+(?:to|by\\s+DNS|hostnames?))'),
  cue(
    'resolved',
    3,
    'a fix was deployed',
    '\\b(?:deploy(?:s|ed)?|releas(?:es|ed)|ship(?:s|ped)|roll(?:s|ed)\\s+out|merg(?:es|ed)|appl(?:ies|ied))\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+){0,2}(?:fix(?:ed)?|patch(?:ed)?|hot-?fix)\\b|\\b(?:fix|patch|hot-?fix)\\s+(?:is\\s+|was\\s+|has\\s+been\\s+)?(?:deployed|released|shipped|rolled\\s+out|merged|applied|live)\\b|\\bcontaining\\s+the\\s+fix\\b',
  ),
  cue(
    'resolved',
    3,
    'a fix was deployed',
    '\\b(?:new|renewed|replacement|corrected|fixed|patched)\\s+(?:[\\w-]+\\s+){0,2}(?:is\\s+|was\\s+|are\\s+|were\\s+|has\\s+been\\s+)?(?:(?:issued|generated|created|built)\\s+and\\s+)?(?:deployed|installed|rolled\\s+out|released|applied|published|in\\s+place|live)\\b',
  ),
  cue('resolved', 3, 'resolved', '\\bmarked\\s+(?:as\\s+)?(?:resolved|closed|fixed)\\b'),
  cue('resolved', 2, 'incident closed', '\\bclos(?:es|ed|e)\\s+(?:the\\s+)?(?:incident|ticket)\\b'),
  cue(
    'resolved',
    3,
    'resolution confirmed',
    '\\b(?:resolution|fix)\\s+(?:is\\s+|was\\s+|has\\s+been\\s+)?(?:confirmed|verified)(?:\\s+complete[d]?)?\\b|\\b(?:resolution|fix)\\s+(?:is\\s+|was\\s+)?complete[d]?\\b',
  ),
  cue(
    'resolved',
    3,
    'all systems operational',
    '\\ball\\s+(?:systems?|services?)\\s+(?:(?:are|were|verified|confirmed)\\s+)*(?:operational|healthy|green|normal)\\b',
  ),
  cue(
    'resolved',
    2,
    'fixed',
    '\\b(?:fixed|patched|corrected|fixes\\s+the|corrects\\s+(?:it|the)|found\\s+and\\s+fixed)\\b',
  ),
  cue(
    'resolved',
    2,
    'nothing left to do',
    '\\bno\\s+(?:further|more|other)\\s+(?:action|work|changes?)\\s+(?:is\\s+|was\\s+|were\\s+)?(?:required|needed|necessary)\\b',
  ),
  cue('resolved', 1, 'work completed', '\\b(?:complet(?:es|ed)|finish(?:es|ed))\\b'),
];

/** Words just before a cue that deny it or make it an intention, not a fact ("has not yet been identified"). */
const GUARD =
  /\b(?:not|no|never|n't|nobody|without|unable|failed|fails|to|trying|tries|tried|attempt(?:s|ed|ing)?|would|could|should|might|will|before|until|if|whether|planned|plan|wait(?:ing|ed)?\s+for)\s+(?:(?:yet|been|be|being|have|has|had|ever|even|actually|fully|completely|always)\s+){0,3}(?:\w+\s+){0,1}$/i;

/** "causing Fritz to go read-only", "leading the queue to back up": a result, not an intention. */
const CONSEQUENCE =
  /\b(?:caus(?:es|ed|ing)|lead(?:s|ing)?|led|forc(?:es|ed|ing)|driv(?:es|ing)|drove)\s+(?:[\w.-]+\s+){0,3}to\s+$/i;

/** Words that introduce what a change did: the failure after them happened then. */
const EFFECT = /\b(?:caus(?:es|ed|ing)|result(?:s|ed|ing)\s+in|lead(?:s|ing)?\s+to|led\s+to)\b/i;

/**
 * The change that set the incident off: a deploy, a merge, a bug introduced. An entry that says so describes the
 * trigger, so only an explicit statement ("outage begins") makes it the start of impact.
 */
export const TRIGGER =
  /\b(?:introduc(?:ed|es)|merged?|merges|deploy(?:ed|s|ment)?|releas(?:ed|es)|push(?:ed|es)|commit(?:ted|s)?|bump(?:ed|s)?|upgrad(?:ed|es|e)|rolled\s+out|initiated|scheduled|configured|changed|published|created|opened|registers|registered|added|set\s+(?:as|to))\b/i;

export interface CueMatch {
  cue: Cue;
  phrase: string;
  index: number;
}

/** Every cue that holds in an entry's text, strongest first. Cached per text: the matches are read-only. */
export const findCues: (text: string) => readonly CueMatch[] = memoizeText(findCuesIn);

function findCuesIn(text: string): CueMatch[] {
  const found: CueMatch[] = [];
  for (const c of CUES) {
    const m = c.pattern.exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    if (GUARD.test(before) && !CONSEQUENCE.test(before)) continue;
    // A trigger's entry may still state its effect: "a route is added, causing the gateway to go degraded".
    const effect = EFFECT.test(text.slice(Math.max(0, (m.index ?? 0) - 80), m.index));
    if (c.kind === 'started' && c.strength < 3 && TRIGGER.test(text) && !effect) continue;
    if (found.some((f) => f.cue.kind === c.kind && f.cue.strength >= c.strength)) continue;
    found.push({ cue: c, phrase: m[0].trim(), index: m.index ?? 0 });
  }
  return found.sort((a, b) => b.cue.strength - a.cue.strength);
}

/** A change reaching production: "the staging deployment was promoted to production", "v2 deployed to prod". */
const TO_PRODUCTION =
  /\b(?:promot(?:ed|es)|deploy(?:ed|s)|releas(?:ed|es)|roll(?:ed|s)\s+out|ship(?:ped|s)|push(?:ed|es))\s+(?:[\w.-]+\s+){0,3}?to\s+(?:the\s+)?prod(?:uction)?\b/i;
/** A fix as a piece of work (a PR, a commit): "PR 12 (Fix the URL) was merged", "the hotfix is built". */
const FIX_WORK = /(?<!\b(?:to|trying|tries|tried|attempt|attempts|attempted)\s)\b(?:hot-?)?fix(?:es)?\b/i;

/** The phrase that says an entry's change reached production, unless denied or intended. */
export const reachesProduction: (text: string) => string | undefined = memoizeText(reachesProductionIn);

function reachesProductionIn(text: string): string | undefined {
  const m = TO_PRODUCTION.exec(text);
  if (!m) return undefined;
  if (GUARD.test(text.slice(Math.max(0, m.index - 40), m.index))) return undefined;
  return m[0];
}

/** Whether an entry speaks of a fix as work done (not "trying to fix"). */
export const mentionsFix: (text: string) => boolean = memoizeText((text: string) => FIX_WORK.test(text));
