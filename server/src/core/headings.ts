import pluralize from 'pluralize';
import { SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from './kinds';
import { stem } from './stem';
import { ZONE_PATTERN } from './timeline/zones';

/**
 * Recognises which canonical parts of a postmortem a heading names.
 *
 * Headings are compared as normalised words, never as exact strings: numbering ("2.", "4)", "IV."), emoji,
 * punctuation, case, "&" for "and", contractions and plurals are all folded away first, and words are compared by
 * their stems, so every form of a word counts ("How we resolved it" names the resolution, "Planned actions" the
 * plan). Notes say nothing about the kind and are set aside before the words are judged: parenthesised or
 * bracketed asides, dates, times, time zones, quarters and "all times approximate" ("Timeline (all times PST)",
 * "Long-term improvements (Q4 2025 – Q1 2026)"). A heading may name several parts ("Root causes and trigger",
 * "Response, cause, prevention"). A heading whose words are mostly something else ("An ounce of prevention is
 * worth a pound of cure") names none.
 */

/** Words that carry no meaning of their own in a heading. */
const FILLER = new Set([
  'a',
  'an',
  'and',
  'or',
  'the',
  'of',
  'our',
  'we',
  'us',
  'this',
  'that',
  'it',
  'its',
  'to',
  'for',
  'on',
  'in',
  'at',
  'with',
  'from',
  'by',
  'about',
  'what',
  'how',
  'why',
  'who',
  'did',
  'do',
  'does',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'incident',
  'outage',
  'issue',
  'itself',
  'during',
  'postmortem',
  'post',
  'mortem',
  'report',
  'key',
  'main',
  'initial',
  'final',
  'full',
  'brief',
  'short',
  'detailed',
  // The light verbs of phrasal headings: "What we are doing to prevent this", "Steps taken to mitigate".
  'doing',
  'done',
  'step',
  'taken',
  'took',
  'going',
  'will',
  'have',
  'has',
  'had',
  'being',
  'can',
  'could',
  'should',
  'they',
  'team',
  'happen',
  'again',
]);

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** Notes that say nothing about which part a heading names, in the order they are set aside. */
const NOTES: RegExp[] = [
  /\([^()]*\)/g, // "(all times PST)", "(follow along here)"
  /\[[^\][]*\]/g, // "[WIP]"
  /\b(?:all\s+)?(?:times?|timestamps?)\s+(?:are\s+|is\s+|shown\s+|given\s+)?(?:in\s+)?(?:approximat\w*|approx\.?|local\w*|estimated)\b/gi,
  /\ball\s+(?:times?|timestamps?)\b(?:\s+(?:are|in))*/gi,
  /\b(?:approximat\w*|approx\.?|estimated)\b/gi,
  /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b(?:,?\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'gi'),
  new RegExp(`\\b${WEEKDAY}\\b,?`, 'gi'),
  /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b/gi,
  /\b(?:FY\s?)?[QH][1-4](?:\s?(?:FY\s?)?\d{2,4})?\b|\bFY\s?\d{2,4}\b/gi,
  /\b(?:19|20)\d{2}\b/g,
];
const ZONES = new RegExp(ZONE_PATTERN, 'gi');

/**
 * The heading without its notes (see above). When the notes are all there is ("(Impact)"), the heading is kept
 * as written.
 */
export function setAsideNotes(heading: string): string {
  let t = heading;
  // Nested parentheses: strip the innermost first.
  for (let i = 0; i < 3 && /\([^()]*\)/.test(t); i++) t = t.replace(NOTES[0], ' ');
  for (const note of NOTES.slice(1)) t = t.replace(note, ' ');
  // Zone abbreviations are capitals ("PST"); "est" or "Art" in a heading is a word.
  t = t.replace(ZONES, (zone) => (/^[A-Za-z]{2,4}$/.test(zone) && !/^[A-Z]+$/.test(zone) ? zone : ' '));
  return /[\p{L}]/u.test(t) ? t : heading;
}

/** Leading enumeration: "2.", "4)", "IV.", "b)", "3.1", "Step 2:". */
const NUMBERING = /^\s*(?:step\s+)?(?:\d+(?:\.\d+)*[.):]?|[ivxlcdm]+[.)]|[a-z][.)])\s+/i;
const EMOJI = /\p{Extended_Pictographic}|\p{So}|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu;
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];

/** Words pluralize gets wrong for our purposes. */
const KEEP_AS_IS = new Set([
  'analysis',
  'status',
  'data',
  'news',
  'process',
  'alias',
  'always',
  'less',
  'this',
  'its',
  'dns',
  'sms',
  'aws',
  'ios',
  'os',
]);

function singular(word: string): string {
  if (word.length <= 2 || KEEP_AS_IS.has(word) || /\d/.test(word)) return word;
  return pluralize.singular(word);
}

/** Normalised words of a heading or a synonym. */
export function headingWords(text: string): string[] {
  let t = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .toLowerCase();
  t = t.replace(EMOJI, ' ');
  // Numbering may follow emoji ("🔥 1. Summary"), so strip it after them.
  t = t.replace(NUMBERING, '');
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/&|\+/g, ' and ').replace(/\(s\)/g, 's');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return t
    .split(' ')
    .filter((w) => w.length > 0)
    .map(singular);
}

/** Comparison keys of a heading's words: their stems ("resolved", "resolution" -> "resolv"). */
function keys(words: string[]): string[] {
  return words.map(stem);
}

export interface MatchOptions {
  /** Stricter for bold labels: at most one word beyond the synonym ("**HTTP response times**" is no response). */
  strict?: boolean;
  /** Stricter still for fields (`Impact: …`): no word beyond the synonym ("Time to recovery: 54 h" is a figure). */
  exact?: boolean;
}

export interface HeadingMatcher {
  match(text: string, options?: MatchOptions): SectionKind[];
}

/**
 * Builds a matcher from the default synonyms plus any extra ones from the config.
 * Matching takes, at each word, the longest synonym phrase that starts there.
 */
export function createHeadingMatcher(extra: Partial<Record<SectionKind, string[]>> = {}): HeadingMatcher {
  const phrases = new Map<string, { words: string[]; kinds: Set<SectionKind> }>();
  const add = (kind: SectionKind, synonym: string) => {
    const words = keys(headingWords(synonym));
    if (words.length === 0) return;
    const key = words.join(' ');
    const entry = phrases.get(key) ?? { words, kinds: new Set<SectionKind>() };
    entry.kinds.add(kind);
    phrases.set(key, entry);
  };
  for (const kind of SECTION_KINDS) {
    for (const synonym of SECTION_KIND_INFO[kind].synonyms) add(kind, synonym);
    for (const synonym of extra[kind] ?? []) add(kind, synonym);
  }
  const byFirstWord = new Map<string, { words: string[]; kinds: Set<SectionKind> }[]>();
  for (const entry of phrases.values()) {
    const list = byFirstWord.get(entry.words[0]) ?? [];
    list.push(entry);
    byFirstWord.set(entry.words[0], list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  return {
    match(text: string, options: MatchOptions = {}): SectionKind[] {
      const surface = headingWords(setAsideNotes(text));
      const words = keys(surface);
      const kinds: SectionKind[] = [];
      let matchedWords = 0;
      let leftover = 0;
      for (let i = 0; i < words.length; ) {
        const candidates = byFirstWord.get(words[i]) ?? [];
        const found = candidates.find((c) => c.words.every((w, k) => words[i + k] === w));
        if (found) {
          for (const kind of found.kinds) if (!kinds.includes(kind)) kinds.push(kind);
          matchedWords += found.words.length;
          i += found.words.length;
        } else {
          if (!FILLER.has(surface[i]) && !FILLER.has(words[i])) leftover++;
          i++;
        }
      }
      // A heading that is mostly about something else does not name a part ("Anti-impersonation email prevention").
      if (kinds.length === 0 || (leftover > 2 && leftover > matchedWords)) return [];
      if (options.strict && leftover > 1) return [];
      if (options.exact && leftover > 0) return [];
      return kinds;
    },
  };
}
