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
 * gave as base64 strings and a JSON array (splitting one string is several times faster than parsing that array).
 */
function readPackedModel(data) {
  const length = data.readUInt32LE(0);
  const model = JSON.parse(data.toString('utf8', 4, 4 + length));
  for (const [key, [at, bytes, kind]] of Object.entries(model[BINARY_KEY])) {
    if (kind === 'words') {
      model.features.lexeme.list = data.toString('utf8', at, at + bytes).split(WORD_SEPARATOR);
    } else {
      const words = new Uint32Array(bytes / 4);
      new Uint8Array(words.buffer).set(data.subarray(at, at + bytes));
      model[key] = words;
    }
  }
  delete model[BINARY_KEY];
  return model;
}

/**
 * What wink keeps in `model.features.lexeme.hash` (word → its index in the lexeme list, the list's words unique), as
 * an open-addressing table of indices keyed by an FNV-1a hash of the word, behind a proxy that reads and writes as
 * wink does (`hash[word]`, `hash[word] = index` for a word it adds). Wink builds a null-prototype object of 87,000
 * properties, which took 100-140 ms of a run; this table takes a sixth of that, for the same answers.
 */
function lexemeIndex(list) {
  let size = 1;
  while (size < list.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const slot = (word) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    return h & mask;
  };
  const count = list.length;
  for (let k = 0; k < count; k++) {
    let i = slot(list[k]);
    while (table[i] !== -1) {
      if (list[table[i]] === list[k]) throw new Error(`lexemeIndex: "${list[k]}" is twice in the list`);
      i = (i + 1) & mask;
    }
    table[i] = k;
  }
  /** Words wink adds as it reads text (a name, a typo): few, in a Map. */
  const added = new Map();
  const find = (word) => {
    if (added.size > 0 && added.has(word)) return added.get(word);
    for (let i = slot(word); table[i] !== -1; i = (i + 1) & mask) if (list[table[i]] === word) return table[i];
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

module.exports = { BINARY_KEY, WORD_SEPARATOR, readPackedModel, lexemeIndex };
