import { memoizeText } from '../incremental/memo';
/**
 * Figures that quantify an incident's impact: a count of something affected (users, requests, sessions,
 * orders, jobs), a share (4%, "half of"), a duration ("for 38 minutes", "between 12:17 and 12:30"), money
 * ($12k, €300), latency (p99 2s), or error budget. A bare number (a version, a year, an address) is not one, nor is
 * "all the X that failed": a set the clause defines ("all the crates that failed were rebuilt"), not how many were hit.
 * A count of anything said to be harmed is one ("a single cask was compromised").
 */

export interface Figure {
  text: string;
  index: number;
  kind: 'count' | 'percent' | 'duration' | 'money' | 'latency' | 'error-budget' | 'scope';
}

const NUMBER =
  '(?:\\d{1,3}(?:[,\u202f\u00a0 ]\\d{3})+|\\d+(?:\\.\\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\\s+hundred|hundreds|a\\s+thousand|thousands|millions|dozens?|several|a\\s+few|a\\s+single|a\\s+handful\\s+of|half\\s+of|single)(?:\\s*\\(\\d+\\))?)';
const SCALE = '(?:\\s*(?:k|m|bn|thousand|million|billion|hundred))?';
const APPROX =
  '(?:~|≈|about\\s+|around\\s+|approximately\\s+|roughly\\s+|over\\s+|more\\s+than\\s+|less\\s+than\\s+|under\\s+|up\\s+to\\s+|at\\s+least\\s+|>\\s*|<\\s*|\\+)?';
const AFFECTED =
  '(?:users?|customers?|accounts?|tenants?|clients?|members?|visitors?|people|subscribers?|merchants?|sellers?|buyers?|developers?|maintainers?|requests?|req/s|rps|qps|calls?|queries|query|transactions?|sessions?|logins?|sign-?ins?|orders?|checkouts?|payments?|purchases?|bookings?|messages?|e-?mails?|notifications?|jobs?|builds?|tests?|deploy(?:ment)?s?|pipelines?|prs?|pull\\s+requests?|uploads?|downloads?|packages?|crates?|releases?|versions?|files?|records?|rows?|events?|pages?|page\\s*views?|hits?|errors?|failures?|timeouts?|5xx|50[0-4]s?|responses?|hosts?|servers?|nodes?|pods?|instances?|clusters?|regions?|zones?|services?|endpoints?|sites?|domains?|repositories|repos?|projects?|organi[sz]ations?|teams?|cases?|tickets?|incidents?|devices?|api\\s+keys?|tokens?|credentials?|secrets?|passwords?|images?|containers?|vms?|gb|tb|mb|documents?|posts?|items?|units?|cars?|flights?|streams?)';
/** "that failed", "which were affected": the clause that defines the set, so "all the X" says nothing of how many. */
const DEFINED_BY_FAILURE =
  '(?:that|which|who)\\s+(?:had\\s+|have\\s+|has\\s+|were\\s+|was\\s+)?(?:been\\s+)?(?:failed|errored|broke|crashed|timed\\s+out|affected|impacted)\\b';
/** Said to be harmed: a count of anything ("a single cask", "three buckets") followed by this is a count affected. */
const HARMED =
  '(?:was|were|got|had\\s+been|have\\s+been|has\\s+been)\\s+(?:compromised|affected|impacted|lost|corrupted|deleted|exposed|leaked|breached|tampered\\s+with|modified|unavailable|down|broken)\\b';
const TIME_UNIT = '(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?)';

const FIGURES: { kind: Figure['kind']; re: RegExp }[] = [
  // Global: `shareOf` walks past a resource's level to the next percentage.
  { kind: 'percent', re: new RegExp(`${APPROX}\\d+(?:\\.\\d+)?\\s*(?:%|percent\\b|per\\s+cent\\b)`, 'gi') },
  {
    kind: 'money',
    re: new RegExp(
      `(?:[$€£¥]\\s?\\d[\\d,.]*${SCALE}|\\b\\d[\\d,.]*${SCALE}\\s*(?:usd|eur|gbp|dollars|euros|pounds)\\b)`,
      'i',
    ),
  },
  { kind: 'error-budget', re: /\berror[-\s]budget\b|\bSLO\b[^.]{0,40}\d/i },
  {
    kind: 'latency',
    re: new RegExp(
      `\\b(?:p\\d{2,3}|latency|response\\s+times?)\\b[^.]{0,40}?\\d+(?:\\.\\d+)?\\s*${TIME_UNIT}\\b|[<>~]\\s*\\d+(?:\\.\\d+)?\\s*(?:ms|s)\\b`,
      'i',
    ),
  },
  {
    kind: 'duration',
    re: new RegExp(
      `\\b(?:for|lasted|lasting|during|over|took|within|after|about|around|nearly|almost|roughly|approximately|~)\\s+(?:the\\s+)?(?:first\\s+|next\\s+|last\\s+)?${APPROX}${NUMBER}\\s*(?:-\\s*\\d+\\s*)?${TIME_UNIT}\\b|\\b${NUMBER}\\s*(?:-\\s*\\d+\\s*)?${TIME_UNIT}\\s+(?:of\\s+)?(?:outage|downtime|delay|disruption|degradation|impact|unavailability)\\b|\\bbetween\\s+\\S*\\d{1,2}:\\d{2}\\S*\\s+(?:\\w+\\s+){0,3}(?:and|to|-|–)\\s+\\S*\\d{1,2}:\\d{2}|\\b\\d{1,2}:\\d{2}\\s*(?:-|–|to)\\s*\\d{1,2}:\\d{2}\\b|\\b(?:${NUMBER})\\s+(?:${TIME_UNIT})\\b`,
      'i',
    ),
  },
  {
    kind: 'count',
    re: new RegExp(`${APPROX}\\b${NUMBER}${SCALE}\\+?\\s+(?:(?:\\w+|[\\w-]+)\\s+){0,2}${AFFECTED}\\b`, 'i'),
  },
  {
    kind: 'count',
    re: new RegExp(
      `\\b${AFFECTED}\\b(?:\\s*(?:affected|impacted|failed|lost|dropped|delayed))?[^.\\d\\n]{0,20}?(?:[:=|]|\\bwas\\b|\\bwere\\b)\\s*${APPROX}\\d`,
      'i',
    ),
  },
  {
    kind: 'count',
    // Not a year ("in 2023 we were affected") and not a pronoun: the words between name what was harmed.
    re: new RegExp(
      `\\b(?!(?:19|20)\\d\\d\\b)${NUMBER}\\s+(?:(?!(?:we|they|it|you|he|she|i)\\b)[\\w-]+\\s+){1,2}${HARMED}`,
      'i',
    ),
  },
  {
    kind: 'scope',
    re: new RegExp(
      `\\b(?:all|every|no|none\\s+of\\s+the|zero|nobody|no\\s+one)\\s+(?:(?:of\\s+)?(?:our|the)\\s+)?(?:\\w+\\s+)?${AFFECTED}\\b(?!\\s+${DEFINED_BY_FAILURE})`,
      'i',
    ),
  },
  {
    kind: 'count',
    re: /\b(?:nobody|no\s+one|no\s+customer|no\s+user)s?\s+(?:was|were)\s+(?:affected|impacted)\b|\bno\s+(?:customer|user|external)[-\s]?(?:facing\s+)?impact\b/i,
  },
];

/** Every figure in the text, in order of appearance. Cached per text: the figures are read-only. */
export const findFigures: (text: string) => readonly Figure[] = memoizeText(findFiguresIn);

/**
 * A machine's resource level just before a share: "disk usage … reaching 100%", "CPU at 95%" say how full a
 * resource was, not how much of the service failed.
 */
const RESOURCE_LEVEL =
  /\b(?:disks?|cpus?|memory|ram|heap|storage|inodes?|usage|utili[sz]ation|quota)\b(?:[^.;%\d]{0,60})$/i;

function findFiguresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const { kind, re } of FIGURES) {
    const m = kind === 'percent' ? shareOf(text, re) : re.exec(text);
    if (m) out.push({ text: m[0].trim(), index: m.index ?? 0, kind });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first percentage that is not a resource's level. */
function shareOf(text: string, re: RegExp): RegExpExecArray | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!RESOURCE_LEVEL.test(text.slice(Math.max(0, m.index - 80), m.index))) return m;
  }
  return undefined;
}
