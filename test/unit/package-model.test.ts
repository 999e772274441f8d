// The npm package's NLP model (scripts/package-model.mjs): built here as the package builds it, it must tag, lemmatise
// and number words exactly as wink-eng-lite-web-model read by wink itself, though it is packed differently (the
// lexeme list as NUL-separated words, its index a hash table behind a proxy) and ships without the entity and
// sentiment machines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

const ROOT = join(__dirname, '../..');
const load = createRequire(__filename);
const { lexemeIndex, packedList } = load('../../scripts/package-model-reader.cjs') as {
  lexemeIndex: (list: string[]) => Record<string, number | undefined>;
  packedList: (text: string) => string[];
};

const TEXT = [
  'Ana deployed the change because the check was skipped; a careless human error that someone should have caught.',
  "The on-call engineer didn't notice the alert, and Sigrun's team rolled back at 10:42 UTC (about 38 minutes).",
  'Qxzvqj and Cormac wrote CONTRIBUTING.md; the ÜBER-service’s caches were flushed, then re-warmed by the crons.',
].join('\n\n');

/** Tokens as the blame rules read them, with wink's ids (which tell its English words from others). */
function tagged(m: unknown, text: string) {
  const nlp = winkNLP(m as typeof model, ['pos']);
  const its = nlp.its;
  const out = (t: string) => {
    const tokens = nlp.readDoc(t).tokens();
    return {
      value: tokens.out(its.value),
      pos: tokens.out(its.pos),
      lemma: tokens.out(its.lemma as Parameters<typeof tokens.out>[0]),
      id: tokens.out(its.uniqueId),
    };
  };
  // The first id of an unknown word, then the text, then the words again (now known to wink's cache).
  return [out('qxzvqj'), out(text), out(text.toLowerCase())];
}

describe("the npm package's NLP model", () => {
  let dir = '';
  let packaged: unknown;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postmortem-model-'));
    const builder: string = join(ROOT, 'scripts/package-model.mjs');
    const { buildNlpModel } = (await import(builder)) as {
      buildNlpModel: (root: string, dist: string) => Promise<void>;
    };
    await buildNlpModel(ROOT, dir);
    packaged = load(join(dir, 'nlp-model.cjs'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("tags, lemmatises and numbers words as wink's own model does", () => {
    const posOnly = new Proxy(packaged as object, {
      get: (target, key) =>
        key === 'ner'
          ? () => ({ machines: [], transformers: [] })
          : key === 'sa'
            ? () => ({ machines: ['[]'] })
            : Reflect.get(target, key),
    });
    assert.deepEqual(tagged(posOnly, TEXT), tagged(model, TEXT));
  });

  it('reads the same core model (words, lexicon) as wink reads', () => {
    const mine = (packaged as typeof model & { core: () => Record<string, unknown> }).core();
    const theirs = (model as unknown as { core: () => Record<string, unknown> }).core();
    const lexeme = (m: Record<string, unknown>) => (m.features as { lexeme: { list: string[] } }).lexeme;
    const [list, original] = [lexeme(mine).list, lexeme(theirs).list];
    assert.equal(list.length, original.length);
    assert.ok(original.every((word, i) => list[i] === word));
    assert.deepEqual(mine.lexicon, theirs.lexicon);
    assert.deepEqual(mine.xpansions, theirs.xpansions);
    assert.equal(Object.keys(mine).sort().join(), Object.keys(theirs).sort().join());
  });

  it('fails loudly if something asks for the entity or sentiment machines it does not ship', () => {
    assert.throws(() => (packaged as { ner: () => unknown }).ner(), /not in the package/);
    assert.throws(() => (packaged as { sa: () => unknown }).sa(), /not in the package/);
  });
});

describe('packedList', () => {
  it('reads, counts and pushes words as the array it stands for, and refuses any other use', () => {
    const list = packedList(['a', '', 'Ünïcode', '\n\n', 'b'].join('\0'));
    assert.equal(list.length, 5);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((i) => list[i]),
      ['a', '', 'Ünïcode', '\n\n', 'b', undefined],
    );
    assert.equal(list.push('Cormac'), 6);
    assert.equal(list[5], 'Cormac');
    assert.equal(list.length, 6);
    assert.throws(() => list.slice(0), /no slice/);
    assert.throws(() => {
      list[0] = 'x';
    }, /only pushed to/);
  });

  it('is indexed in place by lexemeIndex, as the same words in an array are', () => {
    const words = ['the', 'The', 'constructor', '__proto__', 'naïve', '', 'w'];
    const fromPacked = lexemeIndex(packedList(words.join('\0')));
    const fromArray = lexemeIndex(words);
    for (const w of [...words, 'th', 'thee', 'toString', 'W', 'naive']) assert.equal(fromPacked[w], fromArray[w], w);
  });
});

describe('lexemeIndex', () => {
  it('answers as the null-prototype object it stands for: indices, undefined, then the words wink adds', () => {
    const words = ['$%^oov^%$', '\n', 'the', 'The', 'constructor', '__proto__', 'naïve', ''];
    const index = lexemeIndex(words);
    for (const [i, w] of words.entries()) assert.equal(index[w], i, JSON.stringify(w));
    for (const absent of ['toString', 'hasOwnProperty', 'THE', 'the ', 'valueOf'])
      assert.equal(index[absent], undefined);
    assert.equal('the' in index, true);
    assert.equal('toString' in index, false);
    index.Cormac = 8;
    assert.equal(index.Cormac, 8);
    assert.equal(index.the, 2);
  });

  it('finds every word of a list of many, with colliding slots', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const index = lexemeIndex(words);
    assert.ok(words.every((w, i) => index[w] === i));
    assert.equal(index.w, undefined);
  });

  it('refuses a list that repeats a word (the object would keep the last index)', () => {
    assert.throws(() => lexemeIndex(['a', 'b', 'a']), /twice/);
  });
});
