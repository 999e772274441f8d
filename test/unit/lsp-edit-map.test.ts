// Answers from an older analysis (issue 11): ranges computed on the analysed text move onto the text now through
// the edits received since, and whatever an edit reached is dropped or clipped; a code action moved this way
// applies to the text now exactly as it would have applied before the edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core';
import { applyChanges, EditMap, type Replacement, StaleView } from '../../server/src/lsp/edit-map';
import { mapCodeAction, mapFoldingRanges, mapSymbols } from '../../server/src/lsp/stale-answers';

/** mulberry32: seeded, so a failure names its case. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

const WORDS = ['alpha', 'beta\n', 'gamma ', '\n', '## Heading\n', '- item\n', 'x'];

function randomText(next: (n: number) => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[next(WORDS.length)]).join('');
}

/** Random edits applied one after the other; the texts before and after and the replacements. */
function randomEdits(next: (n: number) => number, text: string, count: number) {
  let now = text;
  const edits: Replacement[] = [];
  for (let i = 0; i < count; i++) {
    const offset = next(now.length + 1);
    const deleted = next(Math.min(6, now.length - offset) + 1);
    const inserted = next(3) === 0 ? '' : randomText(next, 1 + next(2));
    now = now.slice(0, offset) + inserted + now.slice(offset + deleted);
    edits.push({ offset, deleted, inserted: inserted.length });
  }
  return { now, edits };
}

describe('lsp: answers moved onto the text now (edit-map)', () => {
  it('keeps the text under a range it does not drop, in 2,000 random cases', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      const before = randomText(next, 12);
      const { now, edits } = randomEdits(next, before, 1 + next(3));
      const map = new EditMap(edits);
      const start = next(before.length + 1);
      const end = start + next(before.length - start + 1);
      for (const mode of ['untouched', 'apart'] as const) {
        const mapped = map.range(start, end, mode);
        if (!mapped) continue;
        assert.equal(now.slice(...mapped), before.slice(start, end), `seed ${seed}, ${mode}`);
      }
      // Clipped ranges stay in the text and in order; one no edit reached keeps its text too.
      const clipped = map.range(start, end, 'clip');
      assert.ok(clipped && clipped[0] <= clipped[1] && clipped[1] <= now.length, `seed ${seed}, clip`);
      if (map.range(start, end, 'apart')) assert.equal(now.slice(...clipped), before.slice(start, end));
      // Back: an offset outside typed text points at the same character.
      const offset = next(now.length);
      const back = map.back(offset);
      if (back !== undefined) assert.equal(before[back], now[offset], `seed ${seed}, back`);
      const clip = map.backClip(offset);
      assert.ok(clip >= 0 && clip <= before.length);
    }
  });

  it('drops in `untouched` mode only a range an edit went inside, and in `apart` mode one it touches', () => {
    const insertAt5 = new EditMap([{ offset: 5, deleted: 0, inserted: 2 }]);
    assert.deepEqual(insertAt5.range(0, 5, 'untouched'), [0, 5]);
    assert.deepEqual(insertAt5.range(5, 8, 'untouched'), [7, 10]);
    assert.equal(insertAt5.range(4, 6, 'untouched'), undefined);
    assert.equal(insertAt5.range(0, 5, 'apart'), undefined);
    assert.equal(insertAt5.range(5, 8, 'apart'), undefined);
    assert.deepEqual(insertAt5.range(4, 6, 'clip'), [4, 8]);
    const replace = new EditMap([{ offset: 2, deleted: 4, inserted: 1 }]);
    assert.deepEqual(replace.range(3, 10, 'clip'), [2, 7]);
    assert.equal(replace.back(1), 1);
    assert.equal(replace.back(2), undefined, 'typed since');
    assert.equal(replace.back(3), 6);
  });

  it('reads a didChange as replacements: several ranged changes in one, and a whole new text', () => {
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, 'one\ntwo\nthree\n');
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: 'ONE!' },
      { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, text: ' more' },
    ];
    const { doc: updated, edits } = applyChanges(doc, changes, 2, TextDocument.update);
    assert.equal(updated.getText(), 'ONE!\ntwo\nthree more\n');
    assert.deepEqual(edits, [
      { offset: 0, deleted: 3, inserted: 4 },
      { offset: 14, deleted: 0, inserted: 5 },
    ]);
    const full = applyChanges(updated, [{ text: 'ONE!\ntwo!\nthree more\n' }], 3, TextDocument.update);
    assert.deepEqual(full.edits, [{ offset: 8, deleted: 0, inserted: 1 }]);
  });

  it('moves a code action so that it applies to the text now as it would have before, or drops it', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const next = random(seed);
      const before = randomText(next, 10);
      const oldDoc = TextDocument.create('file:///x.md', 'markdown', 1, before);
      // The fix: insert or replace one span of the analysed text.
      const start = next(before.length + 1);
      const end = start + next(Math.min(4, before.length - start) + 1);
      const fix: TextEdit = {
        range: { start: oldDoc.positionAt(start), end: oldDoc.positionAt(end) },
        newText: '<fix>',
      };
      const action: CodeAction = {
        title: 'fix',
        edit: { documentChanges: [{ textDocument: { uri: oldDoc.uri, version: 1 }, edits: [fix] }] },
      };
      // The author's edits since, as the server receives them.
      let doc = TextDocument.create('file:///x.md', 'markdown', 1, before);
      const { edits } = randomEdits(next, before, 1 + next(2));
      let text = before;
      for (const edit of edits) {
        const change = {
          range: { start: doc.positionAt(edit.offset), end: doc.positionAt(edit.offset + edit.deleted) },
          text: 'y'.repeat(edit.inserted),
        };
        text = text.slice(0, edit.offset) + change.text + text.slice(edit.offset + edit.deleted);
        doc = applyChanges(doc, [change], doc.version + 1, TextDocument.update).doc;
      }
      const view = new StaleView(new LineIndex(before), new EditMap(edits), doc);
      const moved = mapCodeAction(action, doc.uri, doc.version, view);
      if (!moved) continue;
      const change = moved.edit?.documentChanges?.[0];
      assert.ok(change && 'edits' in change);
      assert.equal(change.textDocument.version, doc.version, 'the edit names the version it was moved onto');
      // Fix then the author's edits (replayed on the fixed text) = the author's edits then the moved fix.
      let expected = TextDocument.applyEdits(oldDoc, [fix]);
      // Where the fixed span is in the author's text as it goes (no edit reached it, or the action was dropped).
      let [fixStart, fixEnd] = [start, end];
      for (const edit of edits) {
        const from = edit.offset >= fixEnd ? edit.offset + '<fix>'.length - (fixEnd - fixStart) : edit.offset;
        expected = expected.slice(0, from) + 'y'.repeat(edit.inserted) + expected.slice(from + edit.deleted);
        if (edit.offset >= fixEnd) continue;
        fixStart += edit.inserted - edit.deleted;
        fixEnd += edit.inserted - edit.deleted;
      }
      const actual = TextDocument.applyEdits(doc, change.edits as TextEdit[]);
      assert.equal(actual, expected, `seed ${seed}: ${JSON.stringify({ before, text, edits, start, end })}`);
    }
  });

  it('stretches the outline and the folds with an edit inside a section, and drops a heading deleted whole', () => {
    const before = '# T\n\n## A\n\ntext\n\n## B\n\nmore\n';
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, before);
    const inserted = 'new line\n';
    const at = before.indexOf('text');
    const { doc: now, edits } = applyChanges(
      doc,
      [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: inserted }],
      2,
      TextDocument.update,
    );
    const view = new StaleView(new LineIndex(before), new EditMap(edits), now);
    const section = (line: number, end: number, name: string) => ({
      name,
      kind: 15 as const,
      range: { start: { line, character: 0 }, end: { line: end, character: 4 } },
      selectionRange: { start: { line, character: 0 }, end: { line, character: 4 } },
    });
    const moved = mapSymbols([section(2, 4, 'A'), section(6, 8, 'B')], view);
    assert.deepEqual(
      moved.map((s) => [s.name, s.range.start.line, s.range.end.line, now.getText(s.selectionRange)]),
      [
        ['A', 2, 5, '## A'],
        ['B', 7, 9, '## B'],
      ],
    );
    assert.deepEqual(mapFoldingRanges([{ startLine: 2, endLine: 4 }], view), [{ startLine: 2, endLine: 5 }]);
    // "## B" deleted: its symbol goes.
    const headingB = { line: 6, character: 0 };
    const deleted = applyChanges(
      TextDocument.create('file:///x.md', 'markdown', 1, before),
      [{ range: { start: headingB, end: { line: 6, character: 4 } }, text: '' }],
      2,
      TextDocument.update,
    );
    const view2 = new StaleView(new LineIndex(before), new EditMap(deleted.edits), deleted.doc);
    assert.deepEqual(
      mapSymbols([section(2, 4, 'A'), section(6, 8, 'B')], view2).map((s) => s.name),
      ['A'],
    );
  });
});
