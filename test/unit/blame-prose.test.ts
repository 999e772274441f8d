// Prose extraction for the blame rules: only prose, with every character mapped back to its source offset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskLongRuns } from '../../server/src/core/blame/nlp';
import { type ProseBlock, proseBlocks, sourceOffset, splitSentences } from '../../server/src/core/blame/prose';
import { parseMarkdown } from '../../server/src/core/parse';
import { analyzeText } from '../helpers/analyze';

function blocksOf(text: string): ProseBlock[] {
  return proseBlocks(parseMarkdown(text), text);
}

/** The source text behind block characters [from, to). */
function sourceOf(text: string, block: ProseBlock, from: number, to: number): string {
  return text.slice(sourceOffset(block, from), sourceOffset(block, to - 1) + 1);
}

describe('proseBlocks', () => {
  it('keeps paragraphs, headings, list items, quotes and table rows, and skips code, HTML and frontmatter', () => {
    const text = [
      '---',
      'title: careless frontmatter',
      '---',
      '# Heading words',
      '',
      'A paragraph.',
      '',
      '- a list item',
      '',
      '> a quote',
      '',
      '```',
      'code block',
      '```',
      '',
      '<!-- a comment -->',
      '',
      '| a | b |',
      '|---|---|',
      '| c | d |',
      '',
    ].join('\n');
    const blocks = blocksOf(text);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.text, b.nested]),
      [
        ['heading', 'Heading words', false],
        ['paragraph', 'A paragraph.', false],
        ['paragraph', 'a list item', true],
        ['paragraph', 'a quote', true],
        ['tableRow', 'a | b', true],
        ['tableRow', 'c | d', true],
      ],
    );
    assert.deepEqual(blocks[5].columns, ['a', 'b']);
  });

  it('replaces inline code by "code" and bare URLs by "link", keeps link text, drops inline HTML', () => {
    const text = 'Run `rm -rf /` per https://example.com/x and [the *runbook*](http://r) <!-- hidden --> now.\n';
    const [block] = blocksOf(text);
    assert.equal(block.text, 'Run code per link and the runbook  now.');
    const code = block.text.indexOf('code');
    assert.equal(sourceOf(text, block, code, code + 4), '`rm -rf /`');
    const runbook = block.text.indexOf('runbook');
    assert.equal(sourceOf(text, block, runbook, runbook + 7), 'runbook');
  });

  it('keeps a label in a code span (`cause:human-error`) as words', () => {
    const [block] = blocksOf('The ticket is tagged `cause:human-error`.\n');
    assert.equal(block.text, 'The ticket is tagged human error.');
  });

  it('maps a sentence wrapped over CRLF lines in a list item, through emphasis and escapes', () => {
    const text = '# T\r\n\r\n- The engineer was **care\\*less**\r\n  when editing &amp; deploying.\r\n';
    const block = blocksOf(text)[1];
    assert.equal(block.text, 'The engineer was care*less\r\nwhen editing & deploying.');
    const at = block.text.indexOf('when');
    assert.equal(sourceOffset(block, at), text.indexOf('when'));
    assert.equal(sourceOf(text, block, block.text.indexOf('care'), block.text.indexOf('care') + 9), 'care\\*less');
    const amp = block.text.indexOf('&');
    assert.equal(text.slice(sourceOffset(block, amp), sourceOffset(block, amp) + 5), '&amp;');
  });
});

describe('splitSentences', () => {
  const split = (text: string) => splitSentences(blocksOf(text)[0]).map((s) => s.text);

  it('splits after sentence punctuation followed by a capital, a digit or a quote', () => {
    assert.deepEqual(split('The page fired. Nobody answered! Why? "Because" it was routed away.\n'), [
      'The page fired.',
      'Nobody answered!',
      'Why?',
      '"Because" it was routed away.',
    ]);
  });

  it('does not split after abbreviations, initials or version numbers', () => {
    assert.deepEqual(split('We upgraded to v3.2 and e.g. Postgres, i.e. the DB. J. Smith ran it at approx. 10:00.\n'), [
      'We upgraded to v3.2 and e.g. Postgres, i.e. the DB.',
      'J. Smith ran it at approx. 10:00.',
    ]);
  });

  it('gives each sentence its offset in the block', () => {
    const [block] = blocksOf('One. Two words.\n');
    const sentences = splitSentences(block);
    assert.equal(sentences[1].blockStart, 5);
    assert.equal(sentences[1].text, 'Two words.');
  });
});

describe('blame analysis on text no prose has', () => {
  it('a 65 KB sentence and a run of 16,000 "!" finish, and a blameful sentence after them is still found', () => {
    const long = `The deploy ${'a'.repeat(65_000)} failed.`;
    const bangs = `Wow${'!'.repeat(16_000)}`;
    const text = `# Postmortem: test\n\n## Details\n\n${long}\n\n${bangs}\n\nThe engineer should have checked the replica lag.\n`;
    const found = analyzeText(text).findings.filter((f) => f.ruleId.startsWith('blame/'));
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      [['blame/counterfactual', 'should have']],
    );
  });
  it('masks runs of more than 64 non-space characters for the tagger, keeping offsets', () => {
    const text = `ok ${'x'.repeat(70)} then`;
    const masked = maskLongRuns(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked.slice(0, 4), 'ok x');
    assert.ok(masked.endsWith(' then'));
  });
});
