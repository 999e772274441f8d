/**
 * Tokens with part-of-speech tags. Our own tokenizer decides the tokens (it keeps @handles, hyphenated words and
 * "n't" whole, and knows exact offsets); an NLP tagger, wink-nlp by default, gives each its Universal Dependencies
 * part of speech and lemma.
 */

export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export interface Token {
  text: string;
  lower: string;
  /** Base form (lower case): "ran" → "run". */
  lemma: string;
  pos: Pos;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  kind: 'word' | 'handle' | 'punct' | 'number';
  /** Cached lexicon look-up forms (see grammar.forms). */
  forms?: string[] | undefined;
  /** Cached look-up forms without the lemma (see grammar.surfaceForms). */
  surface?: string[] | undefined;
  /** A piece of a code span that is not a plain word ("auto.offset.reset=latest", "/var/lib/docker"): a noun. */
  code?: boolean;
}

/** What the analysis needs from an NLP library: tags for the tokens it finds in a text, with their offsets. */
export interface Tagger {
  name: string;
  tag(text: string): { start: number; end: number; pos: string; lemma: string }[];
}

const TOKEN =
  /(?<![^\s("'“‘])\.[\p{L}_][\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)*|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:\[bot\])?|\p{N}+(?:[.,:]\p{N}+)+(?![\p{L}\p{N}_])|\p{Lu}['’]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{L}+(?=n['’]t\b)|n['’]t\b|[\p{L}\p{N}_]+(?:[-/][\p{L}\p{N}_]+)*(?:\.[\p{L}\p{N}_]+(?:[-/][\p{L}\p{N}_]+)*)*(?![\p{L}\p{N}_])|['’](?:s|ve|re|ll|d|m)\b|\S/giu;

export function tokenize(text: string): Omit<Token, 'pos' | 'lemma'>[] {
  return tokenizeWith(text, undefined);
}

/**
 * A sentence's tagging, done when a token's part of speech or lemma is first read: many sentences are looked at
 * without ever needing one, and tagging is the costly part of the analysis.
 */
class Tagging {
  done = false;

  constructor(
    private readonly text: string,
    private readonly tagger: Tagger,
    private readonly tokens: Token[],
    /** What to do once the tags are in (grammar.repairTags). */
    private readonly then: ((tokens: Token[]) => void) | undefined,
  ) {}

  run(): void {
    if (this.done) return;
    this.done = true;
    assignTags(this.text, this.tagger.tag(this.text), this.tokens);
    this.then?.(this.tokens);
  }
}

/** A token whose part of speech and lemma come from its sentence's tagging, run when first read. */
class LazyToken implements Token {
  forms: string[] | undefined = undefined;
  surface: string[] | undefined = undefined;
  code: boolean | undefined = undefined;
  private tagPos: Pos = 'X';
  private tagLemma = '';

  constructor(
    readonly text: string,
    readonly lower: string,
    readonly start: number,
    readonly end: number,
    readonly kind: Token['kind'],
    private readonly tagging: Tagging | undefined,
  ) {}

  get pos(): Pos {
    if (this.tagging !== undefined && !this.tagging.done) this.tagging.run();
    return this.tagPos;
  }

  set pos(pos: Pos) {
    this.tagPos = pos;
  }

  get lemma(): string {
    if (this.tagging !== undefined && !this.tagging.done) this.tagging.run();
    return this.tagLemma;
  }

  set lemma(lemma: string) {
    this.tagLemma = lemma;
  }
}

/** Our tokens of a text, tagged by `tagging` when first asked for a tag (never, without it). */
function tokenizeWith(text: string, tagging: ((tokens: Token[]) => Tagging) | undefined): Token[] {
  const out: Token[] = [];
  const lazy = tagging?.(out);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const n = out.length;
    // "user=pnovak", "actor=jdoe": the value of an account key in an audit line is a handle, as "@pnovak" is.
    const account =
      n >= 2 &&
      out[n - 1].text === '=' &&
      out[n - 1].start === out[n - 2].end &&
      out[n - 1].end === m.index &&
      ACCOUNT_KEYS.has(out[n - 2].lower);
    // "user=e.okonkwo": the whole value, dots and all, is one handle.
    const value = account ? ACCOUNT_ID.exec(text.slice(m.index))?.[0] : undefined;
    if (value && value.length > m[0].length) {
      out.push(make(value, m.index, lazy, true));
      TOKEN.lastIndex = m.index + value.length;
      continue;
    }
    // A code span: "`auto.offset.reset=latest`" is one token, not a sentence of its own full of stops and signs. Its
    // plain words stay words ("`DROP TABLE users`"); other pieces between spaces are one noun each.
    const close = m[0] === '`' ? codeSpanEnd(text, m.index) : -1;
    if (close > 0) {
      out.push(make('`', m.index, lazy));
      for (const piece of text.slice(m.index + 1, close).matchAll(/\S+/g)) {
        const at = m.index + 1 + (piece.index ?? 0);
        if (PLAIN_WORD.test(piece[0])) {
          out.push(make(piece[0], at, lazy));
          continue;
        }
        out.push(make(piece[0], at, lazy, false, true));
      }
      out.push(make('`', close, lazy));
      TOKEN.lastIndex = close + 1;
      continue;
    }
    // "session.timeout.ms", "haproxy.cfg", "v2.4.1", ".env": a dotted name is one noun, not words cut by stops.
    // Stops between single letters are abbreviations and initials ("e.g.", "T.O."): those stay apart.
    if (
      !account &&
      m[0].length > 2 &&
      m[0].includes('.') &&
      !m[0].includes('@') &&
      (startsWord(m[0]) || m[0].charCodeAt(0) === 46) /* . */ &&
      !isNumber(m[0])
    ) {
      const pieces = m[0].split('.');
      if (pieces.every((p) => p.length === 1)) {
        out.push(make(pieces[0], m.index, lazy));
        TOKEN.lastIndex = m.index + pieces[0].length;
        continue;
      }
      out.push(make(m[0], m.index, lazy, false, true));
      continue;
    }
    out.push(make(m[0], m.index, lazy, account));
  }
  return out;
}

/** A plain word, number or hyphenated word: what a code span may hold and still be read as words. */
const PLAIN_WORD = /^(?:[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*|\p{N}+(?:[.,:]\p{N}+)*)$/u;

/** The offset of the backtick that closes the code span opened at `open`, on the same line, or -1. */
function codeSpanEnd(text: string, open: number): number {
  const close = text.indexOf('`', open + 1);
  if (close < 0 || close === open + 1 || close - open > 200) return -1;
  const newline = text.indexOf('\n', open + 1);
  return newline >= 0 && newline < close ? -1 : close;
}

/** Keys whose value names an account in key=value audit and log lines. */
const ACCOUNT_KEYS = new Set(['user', 'username', 'actor', 'principal', 'login', 'author', 'initiator', 'operator']);

/** An account id after its key: letters first, then letters, digits, dots, underscores and hyphens (not a final dot). */
const ACCOUNT_ID = /^\p{L}(?:[\p{L}\p{N}_-]|\.(?=[\p{L}\p{N}]))*/u;

/** An account key and its value in a text ("user=pnovak"): a cheap look before tokenizing. */
export const ACCOUNT_VALUE = new RegExp(String.raw`\b(?:${[...ACCOUNT_KEYS].join('|')})=\p{L}`, 'iu');

const NUMBER = /^\p{N}[\p{N}.,:]*$/u;
const WORD_START = /^[\p{L}\p{N}_'’]/u;

/** Whether a token (not a handle) is a number: /^\p{N}[\p{N}.,:]*$/u, with a fast path for ASCII. */
function isNumber(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c >= 128) return NUMBER.test(value);
    // An ASCII character other than a digit: the token is a number only if it is a separator after the first.
    if (i === 0 || (c !== 46 && c !== 44 && c !== 58)) return false;
  }
  return value.length > 0;
}

/** Whether a token starts like a word: /^[\p{L}\p{N}_'’]/u, with a fast path for ASCII. */
function startsWord(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39;
  return c === 0x2019 || WORD_START.test(value);
}

function make(value: string, start: number, tagging: Tagging | undefined, account = false, code = false): Token {
  const kind =
    (value.charCodeAt(0) === 64 /* @ */ && value.length > 1) ||
    (account && /^\p{L}[\p{L}\p{N}._-]*$/u.test(value)) ||
    // "jdoe@example.com": an e-mail address names its owner, as a handle does.
    (value.length > 5 && value.includes('@') && /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+$/u.test(value))
      ? 'handle'
      : isNumber(value)
        ? 'number'
        : code || startsWord(value)
          ? 'word'
          : 'punct';
  let lower = value.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  const token = new LazyToken(value, lower, start, start + value.length, kind, tagging);
  if (code && kind === 'word') token.code = true;
  return token;
}

/** Tags our tokens with the tagger's parts of speech, aligning the two tokenizations by offsets. */
export function tagTokens(text: string, tagger: Tagger): Token[] {
  let tagging: Tagging | undefined;
  const tokens = tokenizeWith(text, (out) => {
    tagging = new Tagging(text, tagger, out, undefined);
    return tagging;
  });
  tagging?.run();
  return tokens;
}

/**
 * Our tokens, tagged (then `then` run on them) the first time one's part of speech or lemma is read. The tags are
 * those `tagTokens` gives, whenever that happens.
 */
export function lazilyTaggedTokens(text: string, tagger: Tagger, then?: (tokens: Token[]) => void): Token[] {
  return tokenizeWith(text, (out) => new Tagging(text, tagger, out, then));
}

/** Gives our tokens the tagger's parts of speech and lemmas, aligning the two tokenizations by offsets. */
function assignTags(text: string, tagged: ReturnType<Tagger['tag']>, tokens: Token[]): void {
  let j = 0;
  for (const t of tokens) {
    while (j < tagged.length && tagged[j].end <= t.start) j++;
    // The tagger's tokens that overlap ours: tagged[j .. k).
    let k = j;
    while (k < tagged.length && tagged[k].start < t.end) k++;
    let pos: Pos = 'X';
    let lemma = t.lower;
    if (t.kind === 'handle') pos = 'PROPN';
    else if (t.code) pos = 'NOUN';
    else if (t.kind === 'punct') pos = t.text === '$' || t.text === '%' ? 'SYM' : 'PUNCT';
    else if (t.kind === 'number') pos = 'NUM';
    else if (k - j === 1) {
      pos = tagged[j].pos as Pos;
      lemma = tagged[j].lemma.toLowerCase();
    } else if (k - j > 1) {
      let first: (typeof tagged)[number] | undefined;
      let last: (typeof tagged)[number] | undefined;
      for (let x = j; x < k; x++) {
        if (tagged[x].pos === 'PUNCT') continue;
        first ??= tagged[x];
        last = tagged[x];
      }
      last ??= tagged[k - 1];
      // A capitalised compound whose first part is a proper noun is a name ("Jin-woo"); otherwise the head is last.
      pos = (first && first.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) ? 'PROPN' : last.pos) as Pos;
      lemma = t.lower.slice(0, t.lower.length - text.slice(last.start, last.end).length) + last.lemma.toLowerCase();
    }
    t.pos = pos;
    t.lemma = lemma;
  }
}
