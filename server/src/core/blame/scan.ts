/**
 * Fast "does any of these patterns match anywhere in the text?" for the looks that run over every block of every
 * document. One pass over the characters finds the few places where a pattern could start (by the three or four
 * characters any match of it starts with), and only there does a pattern run. The answer is exactly that of
 * `new RegExp(patterns.join('|'), 'i').test(text)`, as long as each pattern's prefixes are right: a prefix too
 * many only costs a look, a prefix missing loses matches.
 */

/** A pattern that can match anywhere, with the prefixes every match of it starts with. */
export interface Prefixed {
  pattern: string;
  /**
   * Three or four characters each: letters (either case, for the `i` flag only), space, ', ’, -, `0` (a digit or _)
   * or `#` (a character that is not a word character, or the end of the text).
   */
  prefixes: string[];
}

// Character classes: 0-25 the ASCII letters (either case), then the few others that prefixes name.
const SPACE = 26;
const APOSTROPHE = 27;
const RIGHT_QUOTE = 28;
const HYPHEN = 29;
const DIGIT = 30; // a digit or _: word characters that are not letters
const OTHER = 31; // anything else, non-ASCII included: never a pattern's letter under the i flag (no u flag)
const ASCII_CLASS = new Uint8Array(128).fill(OTHER);
for (let c = 0; c < 26; c++) {
  ASCII_CLASS[97 + c] = c;
  ASCII_CLASS[65 + c] = c;
}
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
ASCII_CLASS[95] = DIGIT;
ASCII_CLASS[32] = SPACE;
ASCII_CLASS[39] = APOSTROPHE;
ASCII_CLASS[45] = HYPHEN;
const NON_WORD = [SPACE, APOSTROPHE, RIGHT_QUOTE, HYPHEN, OTHER];

function classOf(code: number): number {
  return code < 128 ? ASCII_CLASS[code] : code === 0x2019 ? RIGHT_QUOTE : OTHER;
}

const hash4 = (key: number) => Math.imul(key, 0x9e3779b1) >>> 18;

/** Patterns tested together: whether any matches the text (with the i flag). */
export interface PatternSet {
  /** Patterns that can match anywhere. */
  patterns: readonly Prefixed[];
  /** Patterns anchored at the start of the text (with ^). */
  start?: readonly string[];
  /**
   * Lower-case letters every match of a start pattern begins with, after the non-word characters it may skip
   * (`^\W*`): the patterns are only tried on a text whose first word begins with one of them.
   */
  startWords?: readonly string[];
}

/**
 * Whether each of a few pattern sets matches a text: for set k, bit k of the answer is
 * `new RegExp([...start, ...patterns].join('|'), 'i').test(text)`. All sets share one pass over the text. (Without
 * the u flag, a letter in a pattern only matches an ASCII letter, which the character classes rely on.)
 */
export class PrefixScan {
  private readonly atStart: (RegExp | undefined)[];
  private readonly startWords: (readonly string[] | undefined)[];
  /** Each set's patterns, tried at one position (sticky). */
  private readonly at: RegExp[];
  /**
   * Three characters (their classes, five bits each) to the sets with a prefix of these three characters (bit k)
   * and to the sets with a four-character prefix that starts with them (bit 4 + k).
   */
  private readonly starts3 = new Uint8Array(1 << 15);
  /**
   * One bit per three characters: whether starts3 has anything for them. Most of the time this small table (4 KB)
   * is all the pass reads, which matters as the pass starts cold, after the parser has filled the caches.
   */
  private readonly marked3 = new Int32Array(1 << 10);
  /**
   * Four characters, hashed, to the sets with a prefix of these four characters (bit k). Small enough to stay in
   * the processor's cache: a collision only costs a look that finds nothing.
   */
  private readonly starts4 = new Uint8Array(1 << 14);
  /** The bits of all the sets. */
  readonly all: number;

  constructor(sets: readonly PatternSet[]) {
    if (sets.length > 4) throw new Error('at most four pattern sets');
    this.all = (1 << sets.length) - 1;
    this.atStart = sets.map((set) => (set.start?.length ? new RegExp(set.start.join('|'), 'i') : undefined));
    this.startWords = sets.map((set) => set.startWords);
    this.at = sets.map((set) => new RegExp(set.patterns.map((p) => p.pattern).join('|'), 'iy'));
    sets.forEach((set, k) => {
      for (const { prefixes } of set.patterns) {
        for (const prefix of prefixes) {
          let keys = [0];
          for (const ch of prefix) {
            const classes = ch === '#' ? NON_WORD : ch === '0' ? [DIGIT] : [classOf(ch.charCodeAt(0))];
            keys = keys.flatMap((key) => classes.map((c) => (key << 5) | c));
          }
          if (prefix.length === 3) for (const key of keys) this.mark3(key, 1 << k);
          else if (prefix.length === 4) {
            for (const key of keys) {
              this.mark3(key >> 5, 1 << (4 + k));
              this.starts4[hash4(key)] |= 1 << k;
            }
          } else throw new Error(`prefix "${prefix}" must have three or four characters`);
        }
      }
    });
  }

  private mark3(key: number, bits: number): void {
    this.starts3[key] |= bits;
    this.marked3[key >> 5] |= 1 << (key & 31);
  }

  /** The bits of the sets (among `wanted`) that match the text. */
  matches(text: string, wanted = this.all): number {
    const { at, atStart, starts3, marked3, starts4 } = this;
    let found = 0;
    for (let k = 0; k < at.length; k++) {
      const re = atStart[k];
      if ((wanted >> k) & 1 && re && startsWithOne(text, this.startWords[k]) && re.test(text)) found |= 1 << k;
    }
    let open = wanted & ~found;
    const n = text.length;
    // The classes of the last three characters. Past the end, the text is taken to go on with one non-word
    // character (for the prefixes ending in #).
    let key = 0;
    for (let i = 0; i < 2 && i < n; i++) key = (key << 5) | classOf(text.charCodeAt(i));
    for (let i = 2; i <= n && open !== 0; i++) {
      key = ((key << 5) | (i < n ? classOf(text.charCodeAt(i)) : OTHER)) & 0x7fff;
      if ((marked3[key >> 5] & (1 << (key & 31))) === 0) continue;
      // A prefix may start at i - 2: three characters long, or four with the next one.
      const here = starts3[key];
      let starting = here & open;
      const starting4 = (here >> 4) & open;
      if (starting4 !== 0 && i < n) {
        const next = i + 1 < n ? classOf(text.charCodeAt(i + 1)) : OTHER;
        starting |= starts4[hash4((key << 5) | next)] & starting4;
      }
      for (let k = 0; starting !== 0; k++, starting >>= 1) {
        if ((starting & 1) !== 0 && matchesAt(at[k], text, i - 2)) {
          found |= 1 << k;
          open &= ~(1 << k);
        }
      }
    }
    return found;
  }
}

/** Whether the text's first word (after non-word characters) starts with one of the words, if given. */
function startsWithOne(text: string, words: readonly string[] | undefined): boolean {
  if (!words) return true;
  let i = 0;
  while (i < text.length && classOf(text.charCodeAt(i)) >= SPACE && classOf(text.charCodeAt(i)) !== DIGIT) i++;
  // ASCII letters compare ignoring case, as under the i flag (without u, nothing else folds to them).
  next: for (const word of words) {
    for (let k = 0; k < word.length; k++) if ((text.charCodeAt(i + k) | 0x20) !== word.charCodeAt(k)) continue next;
    return true;
  }
  return false;
}

function matchesAt(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}
