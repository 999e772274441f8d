import type { Token } from './tokens';

/** Quotation marks, around a scare-quoted word or a quotation. */
export const QUOTE_MARKS = new Set(["'", '"', '“', '”', '‘', '’']);

/**
 * Shallow grammar over tagged tokens: clauses, noun phrases, and the subject of a verb. Enough to tell who did
 * what ("the engineer failed to…" vs "the pipeline failed to…") without a full parser.
 */

export interface NounPhrase {
  /** Token indices [start, end). */
  start: number;
  end: number;
  /** Index of the head token. */
  head: number;
  /** Index of the possessor's head ("Zainab" in "Zainab's script"), if any. */
  possessor?: number;
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '|', '"', '“', '”', '?', '!', '[', ']']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'X', 'SYM']);
const FILLERS = new Set([
  'then',
  'also',
  'just',
  'still',
  'only',
  'simply',
  'even',
  'really',
  'clearly',
  'obviously',
  'apparently',
  'ultimately',
  'honestly',
  'unfortunately',
  'later',
  'eventually',
  'finally',
  'initially',
  'first',
  'again',
  'never',
  'not',
  "n't",
  'always',
  'already',
  'accidentally',
  'mistakenly',
  'inadvertently',
  'repeatedly',
]);

/** The forms of a word to look up in a lexicon: lemma, lower case, and -ed/-ing stems for words the model left alone. */
export function forms(t: Token): string[] {
  if (t.forms) return t.forms;
  const w = t.lower;
  const { lemma } = t;
  // The endings exclude each other but for -ied, which also ends in -ed. One array of the right size each time.
  let out: string[];
  const last = w.charCodeAt(w.length - 1);
  if (last === 100 /* d */ && w.endsWith('ed')) {
    out = w.endsWith('ied')
      ? [lemma, w, `${w.slice(0, -3)}y`, w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)]
      : [lemma, w, w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)];
  } else if (last === 103 /* g */ && w.endsWith('ing')) {
    out = [lemma, w, w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4)];
  } else if (last === 115 /* s */) {
    out = [lemma, w, w.slice(0, -1)];
  } else {
    out = [lemma, w];
  }
  t.forms = out;
  return out;
}

/**
 * `forms` without the lemma, for a word whose lemma cannot be among LEMMA_TARGETS (see `mayHaveTargetLemma`):
 * looking those words up gives the same answers, without tagging the sentence to learn the lemma.
 */
export function surfaceForms(t: Token): string[] {
  if (t.forms) return t.forms;
  if (t.surface) return t.surface;
  const w = t.lower;
  let out: string[];
  const last = w.charCodeAt(w.length - 1);
  if (last === 100 /* d */ && w.endsWith('ed')) {
    out = w.endsWith('ied')
      ? [w, `${w.slice(0, -3)}y`, w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)]
      : [w, w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)];
  } else if (last === 103 /* g */ && w.endsWith('ing')) {
    out = [w, w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4)];
  } else if (last === 115 /* s */) {
    out = [w, w.slice(0, -1)];
  } else {
    out = [w];
  }
  t.surface = out;
  return out;
}

/**
 * A word list that tokens are looked up in by their forms, indexed by how its words start, to tell quickly that
 * none of a token's own forms can be in it: every one of them is a start of the word, or a start of it less three
 * letters plus "y" or "e" (see `surfaceForms`).
 */
export class FormList {
  /** The first three letters of the words (as a number, see `startKey`). */
  private readonly starts3 = new Set<number>();
  /** The first two letters of the three-letter words ending in "y" or "e". */
  private readonly starts2 = new Set<number>();

  constructor(readonly words: ReadonlySet<string>) {
    for (const word of words) {
      if (word.length < 3) throw new Error(`"${word}": FormList words have three letters or more`);
      this.starts3.add(startKey(word, 3));
      if (word.length === 3 && /[ye]$/.test(word)) this.starts2.add(startKey(word, 2));
    }
  }

  /** Whether one of the word's own forms (all but the lemma) may be in the list. */
  mayHoldForm(lower: string): boolean {
    return this.starts3.has(startKey(lower, 3)) || this.starts2.has(startKey(lower, 2));
  }

  /**
   * The first of the token's forms in the list, as `forms(t).find((w) => list.words.has(w))` (by `surfaceForms`,
   * without the lemma, when `lemmaFree`).
   */
  firstIn(t: Token, lemmaFree: boolean | undefined): string | undefined {
    if (!this.mayHoldForm(t.lower)) {
      if (lemmaFree) return undefined;
      const { lemma } = t;
      return this.words.has(lemma) ? lemma : undefined;
    }
    for (const w of lemmaFree ? surfaceForms(t) : forms(t)) if (this.words.has(w)) return w;
    return undefined;
  }
}

/** The first `n` characters of a word as one number (0 for those it lacks). */
function startKey(word: string, n: number): number {
  let key = 0;
  for (let i = 0; i < n; i++) key = key * 0x10000 + (i < word.length ? word.charCodeAt(i) : 0);
  return key;
}

export function isClausePunct(t: Token): boolean {
  return t.kind === 'punct' && CLAUSE_PUNCT.has(t.text);
}

const BOUNDARY_WORDS = new Set([
  'so',
  'why',
  'how',
  'what',
  'where',
  'whether',
  'when',
  'while',
  'but',
  'yet',
  'because',
  'although',
  'though',
  'unless',
  'until',
  'whereas',
]);

function isClauseBoundary(t: Token): boolean {
  return (
    isClausePunct(t) ||
    t.pos === 'SCONJ' ||
    t.pos === 'CCONJ' ||
    BOUNDARY_WORDS.has(t.lower) ||
    (RELATIVE.has(t.lower) && t.pos !== 'DET')
  );
}

function isNpToken(t: Token): boolean {
  if (t.kind === 'handle') return true;
  if (t.lower === "'s" && t.pos === 'PART') return true;
  if (t.kind === 'punct') return t.text === '-' || t.text === '/' || t.text === '#';
  if (RELATIVE.has(t.lower) && (t.lower !== 'that' || t.pos === 'PRON')) return false;
  return NP_POS.has(t.pos);
}

/** Whether token `e` is the apostrophe of a plural possessive ("schools' coordinators"), a phrase following. */
function pluralPossessive(tokens: Token[], e: number): boolean {
  const t = tokens[e];
  const next = tokens[e + 1];
  return (
    (t.text === "'" || t.text === '’') &&
    tokens[e - 1].end === t.start &&
    /s$/i.test(tokens[e - 1].text) &&
    !!next &&
    next.start > t.end &&
    isNpToken(next)
  );
}

/** The noun phrase starting at `i` (after leading fillers), or undefined. */
export function nounPhraseAt(tokens: Token[], i: number, limit = tokens.length): NounPhrase | undefined {
  let s = i;
  while (s < limit && (tokens[s].pos === 'ADV' || FILLERS.has(tokens[s].lower) || tokens[s].pos === 'INTJ')) s++;
  if (s >= limit || !isNpToken(tokens[s]) || tokens[s].lower === "'s") return undefined;
  // "that" starting a phrase is a determiner only before a noun.
  let e = s;
  let possessor: number | undefined;
  let head = -1;
  while (e < limit && (isNpToken(tokens[e]) || (head >= 0 && e > s && pluralPossessive(tokens, e)))) {
    const t = tokens[e];
    // "the pilot schools' IT coordinators": an apostrophe glued to a plural is a possessive, like "'s".
    if (head >= 0 && e > s && pluralPossessive(tokens, e)) {
      possessor = head;
      head = -1;
      e++;
      continue;
    }
    // "every warning the console threw", "the on-call the moment rates doubled": an article after the head starts
    // another phrase (a relative clause without its pronoun, or an adverbial).
    if (head >= 0 && t.pos === 'DET' && tokens[head].pos !== 'NUM' && /^(?:the|a|an|every|each)$/.test(t.lower)) break;
    if (t.lower === "'s") {
      if (head >= 0) possessor = head;
      head = -1;
    } else if (
      t.pos === 'NOUN' ||
      t.pos === 'PROPN' ||
      t.pos === 'PRON' ||
      t.pos === 'NUM' ||
      t.kind === 'handle' ||
      t.pos === 'X'
    ) {
      // "PR #4412": the number is an identifier, not the head.
      if (!(t.pos === 'NUM' && tokens[e - 1]?.text === '#' && head >= 0)) head = e;
    }
    e++;
    // "the on-call ten seconds": a number after a head noun starts a new phrase.
    if (tokens[e]?.pos === 'NUM' && head >= 0 && tokens[head].pos !== 'NUM' && tokens[e - 1].text !== '#') break;
    // A pronoun is a phrase of its own ("they ran", not "they ran the…"); so is a determiner-less name list end.
    if (
      t.pos === 'PRON' &&
      t.lower !== 'its' &&
      t.lower !== 'their' &&
      t.lower !== 'his' &&
      t.lower !== 'her' &&
      t.lower !== 'my' &&
      t.lower !== 'our' &&
      t.lower !== 'your'
    )
      break;
  }
  if (head < 0) {
    if (possessor !== undefined) head = possessor;
    else return undefined;
  }
  return { start: s, end: e, head, possessor: possessor !== undefined && possessor !== head ? possessor : undefined };
}

/** Index of the first token of the clause that contains token `v`. */
export function clauseStart(tokens: Token[], v: number): number {
  for (let i = v - 1; i >= 0; i--) {
    const t = tokens[i];
    if (isClauseBoundary(t)) {
      // "and"/"or" inside a noun phrase ("Ingrid and Tomasz") is not a clause boundary.
      if (
        (t.lower === 'and' || t.lower === 'or') &&
        i > 0 &&
        isNpToken(tokens[i - 1]) &&
        tokens[i + 1] &&
        isNpToken(tokens[i + 1])
      )
        continue;
      if (t.lower === '-') continue;
      return i + 1;
    }
  }
  return 0;
}

/**
 * The subject of the verb (or modal) at `v`: the first noun phrase of its clause. A clause without one
 * ("…and still failed to migrate", ", deployed at 16:20,") takes the subject of the clause before it; a
 * relative clause ("the PR that removed…") takes the phrase the pronoun refers to.
 */
export function subjectOf(tokens: Token[], v: number): NounPhrase | undefined {
  let end = v;
  for (let guard = 0; guard < 8; guard++) {
    const c = clauseStart(tokens, end);
    const region = findSubjectIn(tokens, c, end);
    if (region) return region;
    if (c === 0) return undefined;
    const boundary = tokens[c - 1];
    if (RELATIVE.has(boundary.lower)) {
      // The antecedent: the phrase that ends right before the relative pronoun.
      const before = c - 1;
      const antecedentStart = clauseStart(tokens, before);
      const np = lastNounPhrase(tokens, antecedentStart, before);
      if (np) return np;
    }
    if (boundary.pos === 'SCONJ' && boundary.lower !== 'and') return undefined;
    end = c - 1;
  }
  return undefined;
}

function findSubjectIn(tokens: Token[], from: number, to: number): NounPhrase | undefined {
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t.pos === 'ADP' || (t.pos === 'SCONJ' && t.lower !== 'that')) {
      // A leading prepositional phrase ("In 2019 the team…"): skip the preposition and its object.
      const np = nounPhraseAt(tokens, i + 1, to);
      if (!np) return undefined;
      i = np.end;
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') return undefined;
    const np = nounPhraseAt(tokens, i, to);
    if (np) return np;
    i++;
  }
  return undefined;
}

function lastNounPhrase(tokens: Token[], from: number, to: number): NounPhrase | undefined {
  let found: NounPhrase | undefined;
  let i = from;
  while (i < to) {
    const np = nounPhraseAt(tokens, i, to);
    if (np && np.end <= to) {
      found = np;
      i = np.end;
    } else i++;
  }
  return found;
}

/** The noun phrase right after token `i` (skipping a determiner-less gap of adverbs), e.g. a verb's object. */
export function objectAfter(tokens: Token[], i: number): NounPhrase | undefined {
  return nounPhraseAt(tokens, i + 1);
}

/** Whether token `i` is negated: "not", "n't", "never", "no" within the two tokens before it. */
export function isNegated(tokens: Token[], i: number, window = 3): boolean {
  for (let k = i - 1; k >= Math.max(0, i - window); k--) {
    const w = tokens[k].lower;
    if (w === 'not' || w === "n't" || w === 'never' || w === 'no' || w === 'nobody' || w === 'none' || w === 'without')
      return true;
    if (isClausePunct(tokens[k])) return false;
  }
  return false;
}
