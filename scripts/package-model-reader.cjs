// The npm package's reader of wink's English model as scripts/package-model.mjs packs it, bundled into
// dist/nlp-model.cjs. Plain CommonJS with no dependency, so that test/unit/package-model.test.ts checks it against the
// model read as wink reads it.
'use strict';

/** Where the packed model lists its binary parts: key → [byte offset, byte length, kind]. */
const BINARY_KEY = '__postmortemBinary';
/** Separates the words of the lexeme list in its binary part (no word of the model holds it). */
const WORD_SEPARATOR = '\0';

/**
 * The core model from its packed bytes: a length-prefixed JSON, then the lexicon and expansions as 32-bit words
 * (kind 'u32') and the 87,000 words of the lexeme list (kind 'words', UTF-8, separated by NUL), which wink's JSON
 * gave as base64 strings and a JSON array (read as one string: see packedList).
 */
function readPackedModel(data) {
  const length = data.readUInt32LE(0);
  const model = JSON.parse(data.toString('utf8', 4, 4 + length));
  for (const [key, [at, bytes, kind]] of Object.entries(model[BINARY_KEY])) {
    if (kind === 'words') {
      model.features.lexeme.list = packedList(data.toString('utf8', at, at + bytes));
    } else {
      const words = new Uint32Array(bytes / 4);
      new Uint8Array(words.buffer).set(data.subarray(at, at + bytes));
      model[key] = words;
    }
  }
  delete model[BINARY_KEY];
  return model;
}

/** The packed lists: list → its words in one string, where word k is text[starts[k], starts[k + 1] - 1). */
const PACKED = new WeakMap();

/**
 * The lexeme list as wink uses it (`list[index]`, `list.length`, `list.push(word)` for a word it adds) over the words
 * kept in one string: splitting it into 87,000 strings took longer than the rest of the model's reading, most of it
 * in the garbage collector copying them out of the young generation. Any other use fails loudly.
 */
function packedList(text) {
  let count = 1;
  for (let i = text.indexOf(WORD_SEPARATOR); i !== -1; i = text.indexOf(WORD_SEPARATOR, i + 1)) count++;
  const starts = new Int32Array(count + 1);
  starts[0] = 0;
  for (let k = 1, i = text.indexOf(WORD_SEPARATOR); i !== -1; i = text.indexOf(WORD_SEPARATOR, i + 1)) {
    starts[k++] = i + 1;
  }
  starts[count] = text.length + 1;
  const added = [];
  const push = (...words) => added.push(...words) + count;
  const list = new Proxy([], {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      const c = key.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        const i = Number(key);
        return i < count ? text.slice(starts[i], starts[i + 1] - 1) : added[i - count];
      }
      if (key === 'length') return count + added.length;
      if (key === 'push') return push;
      throw new Error(`the packed lexeme list has no ${key}`);
    },
    set() {
      throw new Error('the packed lexeme list is only pushed to');
    },
  });
  PACKED.set(list, { text, starts, count });
  return list;
}

/** FNV-1a of text[from, to), masked. */
function hashOf(text, from, to, mask) {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & mask;
}

/**
 * What wink keeps in `model.features.lexeme.hash` (word → its index in the lexeme list, the list's words unique), as
 * an open-addressing table of indices keyed by an FNV-1a hash of the word, behind a proxy that reads and writes as
 * wink does (`hash[word]`, `hash[word] = index` for a word it adds). Wink builds a null-prototype object of 87,000
 * properties, which took 100-140 ms of a run; this table takes a sixth of that, for the same answers. For a packed
 * list, the words are hashed and compared in place (packModel refused a list that repeats a word).
 */
function lexemeIndex(list) {
  const packed = PACKED.get(list);
  const count = packed ? packed.count : list.length;
  let size = 1;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const slotAt = packed
    ? (k) => hashOf(packed.text, packed.starts[k], packed.starts[k + 1] - 1, mask)
    : (k) => hashOf(list[k], 0, list[k].length, mask);
  const isAt = packed
    ? (k, word) => {
        const from = packed.starts[k];
        return packed.starts[k + 1] - 1 - from === word.length && packed.text.startsWith(word, from);
      }
    : (k, word) => list[k] === word;
  for (let k = 0; k < count; k++) {
    let i = slotAt(k);
    while (table[i] !== -1) {
      if (!packed && list[table[i]] === list[k]) throw new Error(`lexemeIndex: "${list[k]}" is twice in the list`);
      i = (i + 1) & mask;
    }
    table[i] = k;
  }
  /** Words wink adds as it reads text (a name, a typo): few, in a Map. */
  const added = new Map();
  const find = (word) => {
    if (added.size > 0 && added.has(word)) return added.get(word);
    for (let i = hashOf(word, 0, word.length, mask); table[i] !== -1; i = (i + 1) & mask) {
      if (isAt(table[i], word)) return table[i];
    }
    return undefined;
  };
  return new Proxy(Object.create(null), {
    get: (_, key) => (typeof key === 'string' ? find(key) : undefined),
    set: (_, key, value) => {
      if (typeof key !== 'string') return false;
      added.set(key, value);
      return true;
    },
    has: (_, key) => typeof key === 'string' && find(key) !== undefined,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

module.exports = { BINARY_KEY, WORD_SEPARATOR, readPackedModel, packedList, lexemeIndex };
