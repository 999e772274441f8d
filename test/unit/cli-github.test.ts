// --format github: one workflow command per finding, parsed back here the way the runner reads it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandTargets } from '../../server/src/cli/files';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { type FileResult, Linter } from '../../server/src/cli/lint';
import { tempTree } from '../helpers/tmp';

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeCommand = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Parses `::level k=v,k=v::message` lines as GitHub's runner does; anything else fails the test. */
function parse(output: string): Annotation[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, `not a workflow command: ${line}`);
      const properties = Object.fromEntries(
        m[2].split(',').map((kv) => {
          const eq = kv.indexOf('=');
          return [kv.slice(0, eq), unescapeCommand(kv.slice(eq + 1))];
        }),
      );
      return { level: m[1], properties, message: unescapeCommand(m[3]) };
    });
}

async function lintTree(files: Record<string, string>): Promise<{ dir: string; results: FileResult[] }> {
  const dir = tempTree(files);
  const linter = new Linter({ cwd: dir, fix: false, all: false });
  return { dir, results: (await expandTargets(['.'], dir)).map((t) => linter.lintFile(t)) };
}

const PARTIAL = `# Postmortem: queue backlog

## Summary

Consumers fell behind.

## Impact

TBD
`;

describe('--format github', async () => {
  const { dir, results } = await lintTree({ 'incidents/q1: db, cache.md': PARTIAL });
  const annotations = parse(formatGithub(results, { cwd: dir, color: false, root: dir }));

  it('writes one command per finding, with its level, place, rule and message', () => {
    const findings = results[0].findings;
    assert.equal(annotations.length, findings.length);
    const missing = annotations.filter((a) => a.properties.title === 'structure/required-section');
    assert.equal(missing.length, 4, 'timeline, root cause, mitigation, action items');
    for (const a of missing) {
      assert.equal(a.level, 'error');
      assert.deepEqual(
        { line: a.properties.line, endLine: a.properties.endLine, col: a.properties.col },
        { line: '1', endLine: '1', col: '1' },
      );
      assert.equal(a.properties.endColumn, String('# Postmortem: queue backlog'.length + 1));
      assert.match(a.message, /^Missing required section ".+": .+\nhttps:\/\/.+required-section\.md$/);
    }
    const empty = annotations.find((a) => a.properties.title === 'structure/empty-section');
    assert.equal(empty?.level, 'warning');
    assert.equal(empty?.properties.line, '7');
  });

  it('escapes ":" and "," in the file property, so the path survives', () => {
    for (const a of annotations) assert.equal(a.properties.file, 'incidents/q1: db, cache.md');
  });

  it('escapes %, CR and LF in messages; uses notice for info; drops columns of multi-line ranges', () => {
    const base = results[0];
    const finding = { ...base.findings[0], severity: 'info' as const, message: '100% sure\r\nof it', start: 0 };
    const multiLine = { ...finding, severity: 'warning' as const, end: base.lines.lineStart(4) + 2 };
    const out = formatGithub([{ ...base, findings: [finding, multiLine] }], { cwd: dir, color: false, root: dir });
    assert.ok(!out.slice(0, -1).includes('\n\n') && out.split('\n').length === 3, 'one line per finding');
    const [info, multi] = parse(out);
    assert.equal(info.level, 'notice');
    assert.ok(info.message.startsWith('100% sure\r\nof it\n'));
    assert.equal(multi.properties.line, '1');
    assert.equal(multi.properties.endLine, '5');
    assert.equal(multi.properties.col, undefined);
    assert.equal(multi.properties.endColumn, undefined);
  });

  it('prints nothing when there is nothing to report', async () => {
    const clean = await lintTree({ 'notes/readme.md': '# Notes\n' });
    assert.equal(formatGithub(clean.results, { cwd: clean.dir, color: false, root: clean.dir }), '');
  });

  it('uses paths relative to the repository root, not the current folder', () => {
    const out = parse(formatGithub(results, { cwd: join(dir, 'incidents'), color: false, root: dir }));
    assert.equal(out[0].properties.file, 'incidents/q1: db, cache.md');
  });

  it('escapes as @actions/core does', () => {
    assert.equal(escapeData('a%b\r\nc:d,e'), 'a%25b%0D%0Ac:d,e');
    assert.equal(escapeProperty('a%b\r\nc:d,e'), 'a%25b%0D%0Ac%3Ad%2Ce');
  });
});
