// Name shapes the tagger does not give whole: initials ("R.M."), logins after "user" or "account", and whether a
// word sits inside quotation marks (a quoted chat line is not the document's own wording).
import type { Token } from './tokens';

const QUOTES = new Set(["'", '"', '“', '”', '‘', '’']);

/** Whether token `i` sits between quotation marks that open after a space ("The chat line 'Sergei broke DNS'"). */
export function insideQuotes(tokens: Token[], i: number): boolean {
  let open = 0;
  for (let k = 0; k < i; k++) {
    const t = tokens[k];
    if (!QUOTES.has(t.text)) continue;
    // An apostrophe glued to a word on its left is not a quotation mark ("Kenji's", "the users'").
    if ((t.text === "'" || t.text === '’') && k > 0 && tokens[k - 1].end === t.start) continue;
    open++;
  }
  return open % 2 === 1;
}

/** Initials as a name: "R.M.", "T.O." (the tagger splits them into letters and stops). */
export function initialsAt(tokens: Token[], i: number): { start: number; end: number } | undefined {
  let k = i;
  while (
    /^\p{Lu}$/u.test(tokens[k]?.text ?? '') &&
    tokens[k + 1]?.text === '.' &&
    tokens[k + 1].start === tokens[k].end
  )
    k += 2;
  if (k - i < 4) return undefined;
  const prev = tokens[i - 1];
  if (
    prev &&
    (prev.kind === 'number' || /^(?:the|a|an|version|v|step|section|table|figure|appendix)$/.test(prev.lower))
  )
    return undefined;
  return { start: i, end: k };
}

/** A login after "user", "account" or "username": "user f.alharbi", "account j_smith". */
export function loginAt(tokens: Token[], i: number): { start: number; end: number } | undefined {
  if (!/^(?:user|username|login|account|operator)$/.test(tokens[i]?.lower ?? '')) return undefined;
  let k = i + 1;
  const first = tokens[k];
  if (!first || first.start !== tokens[i].end + 1 || !/^[a-z]/.test(first.text)) return undefined;
  let joined = false;
  while (tokens[k + 1] && tokens[k + 1].start === tokens[k].end && /^[._\w-]+$/.test(tokens[k + 1].text)) {
    k++;
    joined = true;
  }
  const text = tokens
    .slice(i + 1, k + 1)
    .map((t) => t.text)
    .join('');
  if (!joined && !/[._]/.test(text)) return undefined;
  if (!/^[a-z][\w-]*[._][a-z][\w.-]*$/.test(text)) return undefined;
  return { start: i + 1, end: k + 1 };
}

/** Honorifics written before a name: "Mr. Vikram", "Ms Kowalczyk", "Dr. Okafor". */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Shri|Smt|Sri)$/;

/**
 * A name after an honorific ("Mr. Faisal Qureshi", "Ms Kowalczyk"): up to three capitalised words, none of them
 * a product or a system (`isThing`). The honorific makes them a person's name whatever the lists say.
 */
export function honorificNameAt(
  tokens: Token[],
  i: number,
  isThing: (t: Token) => boolean,
): { start: number; end: number } | undefined {
  if (!HONORIFIC.test(tokens[i]?.text ?? '')) return undefined;
  let k = i + 1;
  if (tokens[k]?.text === '.' && tokens[k].start === tokens[i].end) k++;
  const first = k;
  while (
    k < first + 3 &&
    tokens[k] &&
    /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?$/u.test(tokens[k].text) &&
    !isThing(tokens[k])
  )
    k++;
  return k === first ? undefined : { start: i, end: k };
}

/**
 * One initial and a surname: "J. Moreau", "employee S. Okafor" (`isSurname` decides whether the capitalised word
 * after the initial can be a surname: not an English word, a product or a system).
 */
export function initialNameAt(
  tokens: Token[],
  i: number,
  isSurname: (t: Token) => boolean,
): { start: number; end: number } | undefined {
  const t = tokens[i];
  const dot = tokens[i + 1];
  const surname = tokens[i + 2];
  if (!/^\p{Lu}$/u.test(t?.text ?? '') || dot?.text !== '.' || dot.start !== t.end || !surname) return undefined;
  if (surname.start !== dot.end + 1 || !isSurname(surname)) return undefined;
  const prev = tokens[i - 1];
  if (
    prev &&
    (prev.kind === 'number' ||
      /^(?:the|a|an|version|v|step|section|table|figure|appendix|plan|option|phase|part|grade|class|type|tier|level)$/.test(
        prev.lower,
      ))
  )
    return undefined;
  return { start: i, end: i + 3 };
}
