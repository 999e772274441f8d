// The body's plain text read piece by piece and cached (impact/plain-body.ts, issue 11) equals the plain text of the
// whole body at once, on every real postmortem, on the 10,000-line benchmark document, after edits (the caches then
// serve the unchanged pieces), and on generated text dense in what can run over a line break: brackets, link
// targets, autolinks, comments, emphasis marks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePostmortem } from '../../scripts/bench/_generate-postmortem';
import { defaultConfig } from '../../server/src/core';
import { plainPieces } from '../../server/src/core/impact/plain-body';
import { applyChange, withoutCaches } from '../../server/src/core/incremental';
import { plainTextOf } from '../../server/src/core/timeline/plain';
import { RULES } from '../../server/src/rules';
import { randomEdit } from '../fuzz/edits';
import { random } from '../fuzz/generate';
import { findingsOf } from '../helpers/analyze';

const CORPUS = join(__dirname, '..', 'corpus', 'real');
const SEED = Number(process.env.PLAIN_BODY_SEED) || 20261207;

const pieced = (text: string) => plainPieces(text).join(' ');

const TOKENS = [
  'word',
  'data',
  'loss',
  ' ',
  ' ',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '[',
  ']',
  '](',
  '(',
  ')',
  '<',
  '>',
  '<https://example.com',
  '<!--',
  '-->',
  '[milestone: detected]',
  '[milestone:',
  '![',
  '[^1]',
  '[^',
  '][',
  '*',
  '_',
  '**',
  '`',
  '~~',
  '&amp;',
  '.',
  ':',
];

function generated(rng: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += TOKENS[Math.floor(rng() * TOKENS.length)];
  return text;
}

describe('plain text of a body, piece by piece', () => {
  it('equals the whole body read at once on every real postmortem, and after edits of them', () => {
    const rng = random(SEED);
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
      let text = readFileSync(join(CORPUS, file), 'utf8');
      assert.equal(pieced(text), plainTextOf(text), file);
      for (let i = 0; i < 3; i++) {
        text = applyChange(text, randomEdit(text, rng));
        assert.equal(pieced(text), plainTextOf(text), `${file}, edit ${i}`);
      }
    }
  });

  it('equals it on generated text dense in brackets, comments and marks that run over line breaks', () => {
    const rng = random(SEED + 1);
    for (let i = 0; i < (Number(process.env.PLAIN_BODY_CASES) || 3000); i++) {
      const text = generated(rng, 5 + Math.floor(rng() * (i % 10 === 0 ? 600 : 60)));
      assert.equal(pieced(text), plainTextOf(text), JSON.stringify(text));
    }
  });

  it('equals it when an opening lies far before a line break, and when openings keep following each other', () => {
    const long = 'x'.repeat(2_600);
    for (const text of [
      `[${long}\n](u) [a\n${long}](u)`,
      `see [the log\n](https://example.com/${long}\n) then`,
      `[a](${'y'.repeat(1_990)}\n)`,
      `<!-- a\n${'b\n'.repeat(3_000)}--> c`,
      `<!-- a -->\n<!-- b\nc`,
      `${'<!-- x --> <!--\n'.repeat(6_000)}-->`,
      `${'(see [\n'.repeat(9_000)}]`,
    ]) {
      assert.equal(pieced(text), plainTextOf(text), text.slice(0, 60));
    }
  });

  it('equals it on the 10,000-line document, and reads the whole at once without the caches', () => {
    const { text } = generatePostmortem(10_000);
    assert.equal(pieced(text), plainTextOf(text));
    assert.ok(plainPieces(text).length > 1000);
    assert.deepEqual(
      withoutCaches(() => plainPieces(text)),
      [plainTextOf(text)],
    );
  });

  it('finds a data loss statement that runs over a line break', () => {
    const config = defaultConfig(RULES);
    const doc = (statement: string) =>
      `# Postmortem: the primary database failed\n\n## Summary\n\nThe primary database failed.\n\n## Impact\n\nWrites failed for 10 minutes. ${statement}\n`;
    assert.equal(findingsOf(doc('No\ndata was\nlost.'), 'impact/data-loss').length, 0);
    assert.equal(findingsOf(doc('Some [data](x)\n[loss](y).'), 'impact/data-loss').length, 0);
    assert.equal(findingsOf(doc('Some data.'), 'impact/data-loss').length, 1);
    assert.ok(config);
  });
});
