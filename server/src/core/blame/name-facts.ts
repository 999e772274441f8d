// What the word lists say about a capitalised word, whatever the document: the shapes and facts every name look
// starts from (entities.ts and name-context.ts).
import { brandWords, PRODUCTS } from './lexicon';
import { givenNames, namesAlsoWords } from './names';

export function normalise(word: string): string {
  // Most words are plain ASCII: skip the (slow) Unicode decomposition for them.
  if (isPrintableAscii(word)) {
    const lower = word.toLowerCase();
    return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
  }
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
}

function isPrintableAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const TITLE_CASE = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?$/u;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** TITLE_CASE.test(word), without the regular expression for ASCII words: "Dave", "Jin-woo". */
export function isTitleCase(word: string): boolean {
  const n = word.length;
  for (let k = 0; k < n; k++) if (word.charCodeAt(k) >= 128) return TITLE_CASE.test(word);
  // "O'Connell", "D'Souza".
  if (word.charCodeAt(1) === 39) return TITLE_CASE.test(word);
  if (n < 2 || !isUpper(word.charCodeAt(0)) || !isLower(word.charCodeAt(1))) return false;
  let i = 2;
  while (i < n && isLower(word.charCodeAt(i))) i++;
  if (i === n) return true;
  // "-" and a letter, then lower-case letters to the end.
  if (word.charCodeAt(i) !== 45 || i + 1 >= n) return false;
  const c = word.charCodeAt(i + 1);
  if (!isUpper(c) && !isLower(c)) return false;
  i += 2;
  while (i < n && isLower(word.charCodeAt(i))) i++;
  return i === n;
}

/** What the word lists say about a capitalised word, whatever the document. */
export interface NameFacts {
  /** The word, normalised. */
  word: string;
  product: boolean;
  /** A given name (or its first part is: "Jin-woo"). */
  firstName: boolean;
  /** A given name that is also an English word ("Grace", "Hope"): a name only in context. */
  wordName: boolean;
}

/**
 * NameFacts by word (null: not a capitalised word), kept across documents since the same words come back (the
 * first words of sentences, above all). Bounded; and only short words, which V8 copies out of the text they come
 * from rather than keeping the text alive.
 */
const NAME_FACTS = new Map<string, NameFacts | null>();
const NAME_FACTS_LIMIT = 20_000;
const NAME_FACTS_MAX_LENGTH = 12;

export function nameFacts(text: string): NameFacts | null {
  let facts = NAME_FACTS.get(text);
  if (facts !== undefined) return facts;
  if (!isTitleCase(text)) facts = null;
  else {
    const word = normalise(text);
    const dash = word.indexOf('-');
    facts = {
      word,
      product: PRODUCTS.has(word) || (brandWords().has(word) && !namesAlsoWords().has(word) && !givenNames().has(word)),
      firstName: givenNames().has(word) || (dash !== -1 && givenNames().has(word.slice(0, dash))),
      wordName: namesAlsoWords().has(word) || (dash !== -1 && namesAlsoWords().has(word.slice(0, dash))),
    };
  }
  if (text.length <= NAME_FACTS_MAX_LENGTH) {
    if (NAME_FACTS.size >= NAME_FACTS_LIMIT) NAME_FACTS.clear();
    NAME_FACTS.set(text, facts);
  }
  return facts;
}
