// Which findings --changed-since keeps for a changed file, given the lines git says changed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isOnChangedLines, keepChangedLineFindings } from '../../server/src/cli/changed-lines';
import { type FileResult, Linter } from '../../server/src/cli/lint';
import type { FileLineChanges } from '../../server/src/node/git';
import { STRUCTURE_ONLY } from '../helpers/config';
import { tempTree } from '../helpers/tmp';

// Line numbers matter below: 1 title, 3 Summary, 7 Timeline, 11 Impact, 13 TBD, 15 Root cause, 17-19 content.
const TEXT = `# Postmortem: cache stampede

## Summary

The cache expired at once.

## Timeline

- 10:00 UTC keys expired

## Impact

TBD

## Root cause

All keys had one TTL.
Nothing spread them.
The origin could not take the load.

## Mitigation

Rate limited the origin.
`;

function lint(text: string): FileResult {
  const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': text });
  return new Linter({ cwd: dir, fix: false, all: false }).lintFile({
    path: join(dir, 'postmortems/a.md'),
    explicit: true,
  });
}

function changes(lines: number[], deletedAfter: number[] = [], wholeFile = false): FileLineChanges {
  return { lines: new Set(lines), deletedAfter: new Set(deletedAfter), wholeFile };
}

const kept = (result: FileResult, c: FileLineChanges) =>
  keepChangedLineFindings(result, c).findings.map((f) => `${result.lines.position(f.start).line + 1} ${f.ruleId}`);

describe('findings on changed lines', () => {
  const result = lint(TEXT);

  it('the fixture has a missing section (document) and an empty section (range)', () => {
    assert.deepEqual(
      result.findings.map((f) => `${result.lines.position(f.start).line + 1} ${f.ruleId} ${f.scope}`),
      ['1 structure/required-section document', '11 structure/empty-section range'],
    );
  });

  it('keeps whole-document findings even when no line changed (a pure rename)', () => {
    assert.deepEqual(kept(result, changes([])), ['1 structure/required-section']);
  });

  it('keeps everything in an added file', () => {
    assert.equal(kept(result, changes([], [], true)).length, 2);
  });

  it('keeps a finding whose own line changed', () => {
    assert.deepEqual(kept(result, changes([11])), ['1 structure/required-section', '11 structure/empty-section']);
  });

  it('keeps a section-heading finding when a line inside the section changed (the section was emptied)', () => {
    assert.ok(kept(result, changes([13])).includes('11 structure/empty-section'));
  });

  it('keeps a section-heading finding when lines were deleted inside the section or right after it', () => {
    assert.ok(kept(result, changes([], [12])).includes('11 structure/empty-section'));
    assert.ok(kept(result, changes([], [14])).includes('11 structure/empty-section'));
  });

  it('drops a finding on lines the change did not touch, and counts it', () => {
    const filtered = keepChangedLineFindings(result, changes([5, 17], [8]));
    assert.deepEqual(
      filtered.findings.map((f) => f.ruleId),
      ['structure/required-section'],
    );
    assert.equal(filtered.unchangedLineFindings, 1);
    assert.equal(filtered.allFindings?.length, 2, 'all findings stay known, for fingerprints');
  });

  it('keeps a multi-line range finding when any of its lines changed, or lines were deleted inside it', () => {
    const finding = { ...result.findings[1], start: result.lines.lineStart(16), end: result.lines.lineEnd(18) };
    assert.ok(isOnChangedLines(finding, result, changes([18])));
    assert.ok(isOnChangedLines(finding, result, changes([], [17])));
    assert.ok(!isOnChangedLines(finding, result, changes([16])), 'line 16 is the blank line before the range');
    assert.ok(!isOnChangedLines(finding, result, changes([], [19])), 'a deletion after the range is outside it');
  });

  it('does not count the next line for a range that ends at a line break', () => {
    const finding = { ...result.findings[1], start: result.lines.lineStart(16), end: result.lines.lineStart(17) };
    assert.ok(!isOnChangedLines(finding, result, changes([18])));
    assert.ok(isOnChangedLines(finding, result, changes([17])));
  });
});
