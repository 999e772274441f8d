import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf } from '../helpers/analyze';

const EMPTY = 'structure/empty-section';
const doc = (body: string) => `# Postmortem: X\n\n${body}`;

describe('disable comments', () => {
  it('disable-next-line silences the next line only', () => {
    const text = doc(
      '<!-- postmortem-disable-next-line structure/empty-section -->\n## Impact\n\nTBD\n\n## Root cause\n\nTBD\n',
    );
    assert.deepEqual(
      findingsOf(text, EMPTY).map((f) => f.line),
      [8],
    );
  });

  it('disable … enable silences the lines between', () => {
    const text = doc(
      '<!-- postmortem-disable structure/empty-section -->\n\n## Impact\n\nTBD\n\n<!-- postmortem-enable structure/empty-section -->\n\n## Root cause\n\nTBD\n',
    );
    assert.deepEqual(
      findingsOf(text, EMPTY).map((f) => f.line),
      [11],
    );
  });

  it('without rule ids, applies to every rule', () => {
    const text = doc('<!-- postmortem-disable -->\n\n## Impact\n\nTBD\n');
    assert.deepEqual(findingsOf(text, EMPTY), []);
    assert.deepEqual(findingsOf(text, 'structure/required-section'), []);
  });

  it('leaves other rules alone, and takes several ids', () => {
    const text = doc(
      '<!-- postmortem-disable structure/required-section, metadata/frontmatter-syntax -->\n\n## Impact\n\nTBD\n',
    );
    assert.equal(findingsOf(text, EMPTY).length, 1);
    assert.equal(findingsOf(text, 'structure/required-section').length, 0);
  });

  it('a document-level finding needs a disable that is never re-enabled', () => {
    const text = doc(
      '<!-- postmortem-disable structure/required-section -->\n\n## Impact\n\nx\n\n<!-- postmortem-enable structure/required-section -->\n',
    );
    assert.ok(findingsOf(text, 'structure/required-section').length > 0);
  });

  it('ignores directives inside code', () => {
    const text = doc('```\n<!-- postmortem-disable -->\n```\n\n## Impact\n\nTBD\n');
    assert.equal(findingsOf(text, EMPTY).length, 1);
  });
});
