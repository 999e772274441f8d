// --format gitlab: a Code Quality report whose fingerprints stay put across runs and when lines shift.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandTargets } from '../../server/src/cli/files';
import { type CodeQualityIssue, formatGitlab } from '../../server/src/cli/formatters/gitlab';
import { type FileResult, Linter } from '../../server/src/cli/lint';
import { STRUCTURE_ONLY } from '../helpers/config';
import { tempTree } from '../helpers/tmp';

async function report(files: Record<string, string>, cwdFolder = ''): Promise<CodeQualityIssue[]> {
  const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, ...files });
  const linter = new Linter({ cwd: dir, fix: false, all: false });
  const results: FileResult[] = (await expandTargets(['.'], dir)).map((t) => linter.lintFile(t));
  return JSON.parse(formatGitlab(results, { cwd: join(dir, cwdFolder), color: false, root: dir }));
}

// Two empty sections with the same heading text: the same rule on the same text, told apart by occurrence.
const TEXT = `# Postmortem: payment retries

## Summary

Retries doubled the load.

## Impact

TBD

## Details

### Impact

TBD
`;

const byPrint = (issues: CodeQualityIssue[]) => new Map(issues.map((i) => [i.fingerprint, i]));

describe('--format gitlab', () => {
  it('writes the fields GitLab reads, with repository-relative paths', async () => {
    const issues = await report({ 'docs/incidents/pay.md': TEXT }, 'docs');
    assert.ok(issues.length >= 5);
    for (const issue of issues) {
      assert.equal(issue.type, 'issue');
      assert.equal(typeof issue.description, 'string');
      assert.match(issue.check_name, /^[a-z]+\/[a-z-]+$/);
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.equal(issue.location.path, 'docs/incidents/pay.md');
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
      assert.ok(issue.location.lines.end >= issue.location.lines.begin);
    }
    assert.equal(issues.find((i) => i.check_name === 'structure/required-section')?.severity, 'major');
    assert.equal(issues.find((i) => i.check_name === 'structure/empty-section')?.severity, 'minor');
  });

  it('gives every issue its own fingerprint, the same on every run', async () => {
    const first = await report({ 'incidents/pay.md': TEXT });
    const second = await report({ 'incidents/pay.md': TEXT });
    assert.equal(new Set(first.map((i) => i.fingerprint)).size, first.length, 'unique');
    assert.deepEqual(
      first.map((i) => i.fingerprint),
      second.map((i) => i.fingerprint),
    );
  });

  it('keeps fingerprints when lines are added above the findings', async () => {
    const before = byPrint(await report({ 'incidents/pay.md': TEXT }));
    const shifted = TEXT.replace(
      'Retries doubled the load.',
      'Retries doubled the load.\n\nA second paragraph.\n\nA third.',
    );
    const after = byPrint(await report({ 'incidents/pay.md': shifted }));
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    const empty = [...before.values()].filter((i) => i.check_name === 'structure/empty-section');
    assert.equal(empty.length, 2);
    for (const issue of empty) {
      const moved = after.get(issue.fingerprint);
      assert.equal(moved?.location.lines.begin, issue.location.lines.begin + 4, 'same finding, four lines down');
    }
  });

  it('changes the fingerprint when the file is another file', async () => {
    const a = await report({ 'incidents/a.md': TEXT });
    const b = await report({ 'incidents/b.md': TEXT });
    for (const issue of a) assert.ok(!b.some((x) => x.fingerprint === issue.fingerprint));
  });

  it('keeps fingerprints when other findings are filtered out', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'incidents/pay.md': TEXT });
    const [result] = (await expandTargets(['.'], dir)).map((t) =>
      new Linter({ cwd: dir, fix: false, all: false }).lintFile(t),
    );
    const full: CodeQualityIssue[] = JSON.parse(formatGitlab([result], { cwd: dir, color: false, root: dir }));
    const secondEmpty = result.findings.filter((f) => f.ruleId === 'structure/empty-section')[1];
    const filtered: CodeQualityIssue[] = JSON.parse(
      formatGitlab([{ ...result, findings: [secondEmpty] }], { cwd: dir, color: false, root: dir }),
    );
    assert.equal(filtered.length, 1);
    assert.ok(full.some((i) => i.fingerprint === filtered[0].fingerprint));
  });

  it('writes an empty array when there is nothing to report', async () => {
    assert.deepEqual(await report({ 'notes/readme.md': '# Notes\n' }), []);
  });
});
