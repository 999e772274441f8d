import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeBytes, encodeText } from '../../server/src/core';
import { cli } from '../helpers/cli';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const COMPLETE = MINIMAL_POSTMORTEM;
const MISSING_TIMELINE = COMPLETE.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');

describe('postmortem lint', () => {
  it('exits 0 on a clean postmortem and says so', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': COMPLETE });
    const r = await cli(dir, ['lint', 'postmortems']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 postmortem checked, no problems/);
  });

  it('prints each file once, then one stylish line per finding, and exits 1 on an error', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
    const r = await cli(dir, ['lint']);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^postmortems\/a\.md\n {2}1:1 {2}error {3} Missing required section "Timeline".* {2}structure\/required-section$/m,
    );
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings\)/);
  });

  it('writes ESLint-compatible JSON with 1-based positions and the section id', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': MISSING_TIMELINE.replace('I.', 'TBD'),
    });
    const r = await cli(dir, ['lint', '--format', 'json']);
    const results = JSON.parse(r.stdout);
    assert.equal(results.length, 1);
    const [file] = results;
    assert.equal(file.filePath, join(dir, 'postmortems/a.md'));
    assert.equal(file.errorCount, 1);
    assert.equal(file.warningCount, 1);
    const [missing, empty] = file.messages;
    assert.deepEqual(
      {
        ruleId: missing.ruleId,
        severity: missing.severity,
        line: missing.line,
        column: missing.column,
        data: missing.data,
      },
      // data: the finding's facts (core/finding-data.ts): the part, and that it is a missing part.
      {
        ruleId: 'structure/required-section',
        severity: 2,
        line: 1,
        column: 1,
        data: { section: 'timeline', missingPart: true },
      },
    );
    assert.equal(missing.endLine, 1);
    assert.equal(missing.endColumn, '# Postmortem: X'.length + 1);
    assert.equal(empty.ruleId, 'structure/empty-section');
    assert.equal(empty.severity, 1);
    assert.equal(empty.line, 7);
    assert.deepEqual(empty.data.section, 'impact');
  });

  it('walks folders for .md, .markdown and .mdx, skipping node_modules, dot-folders and non-postmortems', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'incidents/a.md': MISSING_TIMELINE,
      'incidents/b.markdown': MISSING_TIMELINE,
      'incidents/c.mdx': MISSING_TIMELINE,
      'incidents/d.txt': MISSING_TIMELINE,
      'node_modules/x/postmortems/e.md': MISSING_TIMELINE,
      '.github/postmortems/f.md': MISSING_TIMELINE,
      'docs/readme.md': '# Team notes\n',
      'docs/2024-q3-postmortem-db.md': MISSING_TIMELINE,
    });
    const r = await cli(dir, ['lint', '--format', 'json', '.']);
    const files = JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath.slice(dir.length + 1));
    assert.deepEqual(files.sort(), [
      'docs/2024-q3-postmortem-db.md',
      'incidents/a.md',
      'incidents/b.markdown',
      'incidents/c.mdx',
    ]);
    const all = JSON.parse((await cli(dir, ['lint', '--format', 'json', '--all', 'docs'])).stdout);
    assert.equal(all.length, 2);
  });

  it('always lints a file named on the command line, and expands globs', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'notes/x.md': '# Notes\n',
      'notes/y.md': '# More notes\n',
    });
    const named = JSON.parse((await cli(dir, ['lint', '--format', 'json', 'notes/x.md'])).stdout);
    assert.equal(named.length, 1);
    assert.ok(named[0].messages.length > 0);
    const globbed = await cli(dir, ['lint', '--format', 'json', 'notes/*.md']);
    assert.equal(JSON.parse(globbed.stdout).length, 0, 'globbed files are filtered like folders');
    assert.match((await cli(dir, ['lint', 'notes/*.md'])).stderr, /2 Markdown files skipped/);
  });

  it('--fix inserts the missing sections in place, keeping CRLF, the BOM and UTF-16', async () => {
    const crlf = MISSING_TIMELINE.replace(/\n/g, '\r\n');
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/crlf.md': encodeText(crlf, 'utf-8-bom'),
      'postmortems/utf16.md': encodeText(MISSING_TIMELINE, 'utf-16le'),
    });
    const r = await cli(dir, ['lint', '--fix', 'postmortems']);
    // The inserted sections are not written yet: still an error each.
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /2 problems \(2 errors, 0 warnings\)/);
    assert.match(r.stderr, /Fixed 2 files/);
    const fixed = decodeBytes(readFileSync(join(dir, 'postmortems/crlf.md')));
    assert.ok(fixed.ok && fixed.encoding === 'utf-8-bom');
    assert.ok(fixed.ok && fixed.text.includes('\r\n## Timeline\r\n\r\n<!-- '));
    assert.ok(fixed.ok && !/[^\r]\n/.test(fixed.text), 'no bare LF added');
    assert.ok(
      fixed.ok && fixed.text.replace(/## Timeline\r\n\r\n<!--.*-->\r\n\r\n/, '') === crlf,
      'only the section was added',
    );
    const utf16 = decodeBytes(readFileSync(join(dir, 'postmortems/utf16.md')));
    assert.ok(utf16.ok && utf16.encoding === 'utf-16le' && utf16.text.includes('## Timeline'));
  });

  it('exits 2 with a message for bad usage, missing files and bad config', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': COMPLETE,
      'bad/.postmortemrc.json': '{"rules": {"nope/nope": "error"}}',
      'bad/postmortems/b.md': COMPLETE,
    });
    const cases: [string[], RegExp][] = [
      [['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['lint', '--format', 'xml'], /unknown format "xml"/],
      [['lint', 'no/such/file.md'], /No such file or folder: no\/such\/file\.md/],
      [['lint', 'nothing/*.md'], /No Markdown files match nothing\/\*\.md/],
      [['lint', 'bad'], /bad\/\.postmortemrc\.json.*rules\.nope\/nope: unknown key/],
      [['publish'], /unknown command "publish"/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  it('reports unreadable encodings and binary files as findings', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/latin1.md': new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'postmortems/image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    });
    const [image, latin1] = JSON.parse((await cli(dir, ['lint', '--format', 'json', 'postmortems'])).stdout);
    assert.equal(image.messages[0].ruleId, 'input/not-analysed');
    assert.match(image.messages[0].message, /binary/);
    assert.match(latin1.messages[0].message, /not valid UTF-8/);
  });

  it('prints help and the version', async () => {
    const help = await cli('.', ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: postmortem lint/);
    const version = await cli('.', ['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^(\d+\.\d+\.\d+|dev)\n$/);
  });
});

describe('postmortem lint --format markdown', () => {
  it('shows the incident metrics the timeline gives', async () => {
    const timeline = [
      '## Timeline',
      '',
      'All times UTC.',
      '',
      '- 09:04 A config change is deployed.',
      '- 09:12 Checkout errors begin for EU customers.',
      '- 09:20 The error-rate alert fires and the on-call is paged.',
      '- 09:41 The change is rolled back; error rates return to normal.',
      '- 10:30 The incident is resolved.',
      '',
    ].join('\n');
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': COMPLETE.replace('## Timeline\n\n- 10:00 UTC a\n', timeline),
    });
    const r = await cli(dir, ['lint', '--format', 'markdown']);
    assert.match(r.stdout, /\| Time to detect \| 8 min \|/);
    assert.match(r.stdout, /\| Time to mitigate \| 29 min \|/);
    assert.match(r.stdout, /\| Time to resolve \| 78 min \|/);
  });
});
