/**
 * The share of requests or users an incident affected, as the document states it: "5% of requests", "a third
 * of users", "all customers", "a complete outage". Read from the impact section, then the summary, then the
 * introduction; the sentence it came from is kept with its offsets. Pure: no Node, no LSP.
 */
import type { RootContent } from 'mdast';
import { frontmatterKeys } from '../metadata/validate';
import { type PostmortemModel, sectionsOfKind } from '../model';
import type { Range } from '../timeline/types';

export interface ImpactShare {
  /** The share affected, from 0 to 1. */
  share: number;
  /** The words that state it ("5% of checkout requests"). */
  text: string;
  /** The words' range in the document. */
  range: Range;
  /** The whole sentence they sit in. */
  sentence: Range;
  /** Where: the frontmatter's `impact_share`, the impact section, the summary or the introduction. */
  where: 'frontmatter' | 'impact' | 'summary' | 'lead';
}

// What a share is a share of: what users send and who they are (not "5% of CPU", not "all hosts": an SLO counts
// requests or users).
const UNIT =
  '(?:requests?|users?|customers?|traffic|calls?|queries|transactions?|sessions?|accounts?|tenants?|clients?|merchants?|visitors?|members?|subscribers?|page\\s?views|checkouts?|orders?|payments?|logins?|sign-?ins?|uploads?|downloads?|builds?|jobs?|deploy(?:ment)?s?|messages?)';
// After "all", the plural ("all users", not "all account data").
const UNITS =
  '(?:requests|users|customers|traffic|calls|queries|transactions|sessions|accounts|tenants|clients|merchants|visitors|members|subscribers|page\\s?views|checkouts|orders|payments|logins|sign-?ins|uploads|downloads|builds|jobs|deploy(?:ment)?s|messages)';
// "All users" is a share of the impact only in a sentence that says something failed.
const FAILED =
  /\b(?:fail(?:ed|ing|ures?|s)?|errors?|erroring|unavailable|unreachable|inaccessible|down|outage|degraded|broken|timed?\s+out|time-?outs?|could(?:\s+not|n't)|unable|affected|impacted|lost|dropped|rejected|5xx|50[0-4]s?)\b/i;
// Up to three words between the share and what it is of ("5% of all incoming API requests").
const BETWEEN = '(?:[\\w-]{1,24}\\s+){0,3}';
const EMPHASIS = '[*_]{0,2}';

const PERCENT_OF = new RegExp(
  `(?:~|≈|about\\s|around\\s|approximately\\s|roughly\\s|nearly\\s|almost\\s|over\\s|up\\sto\\s)?\\b(\\d{1,3}(?:\\.\\d{1,4})?)\\s?(?:%|\\s?percent\\b|\\s?per\\scent\\b)${EMPHASIS}\\s+(?:of\\s+)?${BETWEEN}${UNIT}\\b`,
  'i',
);
const ERROR_RATE =
  /\berror\s+rates?\s+(?:of|at|reached|peaked\s+at|rose\s+to|hit|was|around|about)\s+~?(\d{1,3}(?:\.\d{1,4})?)\s?%/i;
const RATE_ERRORS =
  /\b(\d{1,3}(?:\.\d{1,4})?)\s?%\s+(?:error\s+rate|of\s+(?:all\s+)?(?:requests|calls)\s+(?:failed|errored))/i;

const FRACTIONS: Record<string, number> = {
  half: 1 / 2,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'one-third': 1 / 3,
  'two thirds': 2 / 3,
  'two-thirds': 2 / 3,
  'a quarter': 1 / 4,
  'one quarter': 1 / 4,
  'one-quarter': 1 / 4,
  'three quarters': 3 / 4,
  'three-quarters': 3 / 4,
  'a fifth': 1 / 5,
  'one fifth': 1 / 5,
  'a tenth': 1 / 10,
  'one tenth': 1 / 10,
};
const FRACTION = new RegExp(
  `\\b(half|(?:a|one)[\\s-]third|two[\\s-]thirds|(?:a|one)[\\s-]quarter|three[\\s-]quarters|(?:a|one)\\s+fifth|(?:a|one)\\s+tenth|one\\s+in\\s+(\\d{1,5})|(\\d{1,5})\\s+(?:in|out\\s+of)\\s+(\\d{1,6}))\\s+(?:of\\s+)?${BETWEEN}${UNIT}\\b`,
  'i',
);
const ALL = new RegExp(
  `\\b(?:all|100\\s?%\\s+of)\\s+(?:of\\s+)?(?:our\\s+|the\\s+)?(?:[\\w-]{1,24}\\s+)?${UNITS}\\b|\\bevery\\s+(?:[\\w-]{1,24}\\s+)?${UNIT}\\b|\\b(?:complete|total|full)\\s+(?:\\w{1,24}\\s+)?(?:outage|unavailability|downtime)\\b|\\b(?:completely|entirely|fully|totally)\\s+(?:down|unavailable|unreachable|offline|inaccessible)\\b`,
  'i',
);

interface Hit {
  share: number;
  index: number;
  length: number;
}

/** Every stated share in a text, earliest first. */
export function sharesIn(text: string): Hit[] {
  const hits: Hit[] = [];
  const push = (m: RegExpExecArray | null, share: number | undefined) => {
    if (m && share !== undefined && share >= 0 && share <= 1) hits.push({ share, index: m.index, length: m[0].length });
  };
  for (const re of [PERCENT_OF, ERROR_RATE, RATE_ERRORS]) {
    const m = re.exec(text);
    push(m, m ? Number(m[1]) / 100 : undefined);
  }
  const f = FRACTION.exec(text);
  if (f) {
    const words = f[1].toLowerCase().replace(/\s+/g, ' ');
    let share = FRACTIONS[words] ?? FRACTIONS[words.replace('-', ' ')];
    if (f[2]) share = 1 / Number(f[2]);
    else if (f[3] && f[4] && Number(f[4]) > 0) share = Number(f[3]) / Number(f[4]);
    push(f, share);
  }
  const all = ALL.exec(text);
  if (all && FAILED.test(sentenceText(text, all.index, all.index + all[0].length))) push(all, 1);
  return hits.sort((a, b) => a.index - b.index);
}

/** The sentence of a text around [start, end), as text. */
function sentenceText(text: string, start: number, end: number): string {
  const r = sentenceAround(text, start, end, 0, text.length);
  return text.slice(r.start, r.end);
}

/**
 * The frontmatter's `impact_share` as a share from 0 to 1: "5%" and 5 are five percent, a number up to 1 is a
 * fraction (0.05). Undefined when it is absent or cannot be read (the schema check reports that).
 */
export function frontmatterShare(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (value > 0 && value <= 1) return value;
    return value > 1 && value <= 100 ? value / 100 : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,3}(?:\.\d{1,4})?)\s?%\s*$/.exec(value);
  const percent = m ? Number(m[1]) : Number.NaN;
  return percent > 0 && percent <= 100 ? percent / 100 : undefined;
}

function declaredShare(model: PostmortemModel): ImpactShare | undefined {
  const share = frontmatterShare(model.frontmatter?.data?.impact_share);
  if (share === undefined) return undefined;
  const key = frontmatterKeys(model).find((k) => k.key === 'impact_share');
  const range = key?.valueRange ?? key?.keyRange ?? { start: 0, end: 0 };
  return {
    share,
    text: `impact_share: ${model.text.slice(range.start, range.end)}`,
    range,
    sentence: { start: key?.keyRange.start ?? range.start, end: range.end },
    where: 'frontmatter',
  };
}

/**
 * The impact share the document states: the frontmatter's `impact_share`, else the first share its impact section
 * states, else its summary's, else its introduction's.
 */
export function findImpactShare(model: PostmortemModel): ImpactShare | undefined {
  const declared = declaredShare(model);
  if (declared) return declared;
  const regions: { where: ImpactShare['where']; nodes: RootContent[] }[] = [
    ...sectionsOfKind(model, 'impact').map((s) => ({ where: 'impact' as const, nodes: s.nodes })),
    ...sectionsOfKind(model, 'summary').map((s) => ({ where: 'summary' as const, nodes: s.nodes })),
    { where: 'lead', nodes: model.lead },
  ];
  for (const { where, nodes } of regions) {
    for (const node of nodes) {
      if (node.type === 'code' || node.type === 'html' || node.type === 'heading') continue;
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) continue;
      const text = model.text.slice(from, to);
      const hit = sharesIn(text)[0];
      if (!hit) continue;
      const start = from + hit.index;
      const end = start + hit.length;
      return {
        share: hit.share,
        text: model.text.slice(start, end),
        range: { start, end },
        sentence: sentenceAround(model.text, start, end, from, to),
        where,
      };
    }
  }
  return undefined;
}

/** The sentence around [start, end): from the previous sentence end or line break to the next, within a block. */
export function sentenceAround(text: string, start: number, end: number, from: number, to: number): Range {
  let s = start;
  while (s > from) {
    const c = text[s - 1];
    if (c === '\n' || ((c === ' ' || c === '\t') && /[.!?]/.test(text[s - 2] ?? ''))) break;
    s--;
  }
  while (s < start && /[\s*_>-]/.test(text[s])) s++;
  let e = end;
  while (e < to) {
    const c = text[e];
    if (c === '\n') break;
    e++;
    if (/[.!?]/.test(c) && (e === to || /\s/.test(text[e]))) break;
  }
  return { start: s, end: e };
}
