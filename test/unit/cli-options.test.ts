// The review options, in process: --max-warnings, --quiet, --output-file with every format, and their exit codes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../server/src/cli/formatters';
import { cli } from '../helpers/cli';
import { STRUCTURE_ONLY } from '../helpers/config';
import { commitAll, initRepo } from '../helpers/git';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree, writeIn } from '../helpers/tmp';

const COMPLETE = MINIMAL_POSTMORTEM;
/** Two warnings (empty sections), no error. */
const TWO_WARNINGS = COMPLETE.replace('I.', 'TBD').replace('R.', 'TODO');
const ONE_ERROR = COMPLETE.replace('## Mitigation\n\nM.\n\n', '');

const messages = (stdout: string) =>
  (JSON.parse(stdout) as { messages: { severityName: string }[] }[]).flatMap((f) =>
    f.messages.map((m) => m.severityName),
  );

describe('--max-warnings', () => {
  const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': TWO_WARNINGS });

  it('exits 0 with warnings when there is no limit, or they are within it', async () => {
    assert.equal((await cli(dir, ['lint'])).code, 0);
    assert.equal((await cli(dir, ['lint', '--max-warnings', '2'])).code, 0);
    assert.equal((await cli(dir, ['lint', '--max-warnings=-1'])).code, 0, '-1 means no limit, as in ESLint');
  });

  it('exits 1 past the limit and says why on standard error', async () => {
    const r = await cli(dir, ['lint', '--max-warnings', '1', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 warnings found, more than --max-warnings 1 allows/);
    assert.doesNotThrow(() => JSON.parse(r.stdout), 'standard output stays valid JSON');
  });

  it('rejects a limit that is not a whole number with exit code 2', async () => {
    for (const bad of ['x', '1.5', '-2', '']) {
      const r = await cli(dir, ['lint', `--max-warnings=${bad}`]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--max-warnings needs a whole number/);
    }
  });
});

describe('--quiet', () => {
  const dir = tempTree({
    '.postmortemrc.json': STRUCTURE_ONLY,
    'postmortems/warn.md': TWO_WARNINGS,
    'postmortems/err.md': ONE_ERROR,
  });

  it('reports errors only', async () => {
    const loud = await cli(dir, ['lint', '--format', 'json']);
    assert.deepEqual(messages(loud.stdout).sort(), ['error', 'warning', 'warning']);
    const quiet = await cli(dir, ['lint', '--format', 'json', '--quiet']);
    assert.deepEqual(messages(quiet.stdout), ['error']);
    assert.equal(quiet.code, 1);
    assert.equal((await cli(dir, ['lint', '-q', 'postmortems/warn.md'])).code, 0);
  });

  it('still counts hidden warnings towards --max-warnings, and says they were hidden', async () => {
    const r = await cli(dir, ['lint', '--quiet', '--max-warnings', '0', 'postmortems/warn.md']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 warnings found, more than --max-warnings 0 allows \(not shown: --quiet\)/);
    assert.match(r.stdout, /no problems/);
  });
});

describe('--output-file', () => {
  it('writes every format to a file relative to the working folder, creating folders, and nothing to stdout', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': TWO_WARNINGS });
    for (const format of Object.keys(FORMATTERS)) {
      const toStdout = await cli(dir, ['lint', '--format', format]);
      const r = await cli(dir, ['lint', '--format', format, '-o', `reports/${format}/out.txt`], { isTty: true });
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.equal(r.stdout, '', `${format}: stdout stays empty`);
      const written = readFileSync(join(dir, 'reports', format, 'out.txt'), 'utf8');
      assert.equal(written, toStdout.stdout, `${format}: the file holds the report`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
      assert.ok(!/\u001b\[/.test(written), `${format}: no colour codes in a file, even from a terminal`);
    }
  });

  it('exits 2 when the file cannot be written', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': COMPLETE });
    mkdirSync(join(dir, 'taken'));
    const r = await cli(dir, ['lint', '-o', 'taken']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write taken: EISDIR/);
  });

  it('keeps the exit code of the findings', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': ONE_ERROR });
    const r = await cli(dir, ['lint', '--format', 'sarif', '--output-file', 'out.sarif']);
    assert.equal(r.code, 1);
    assert.ok(existsSync(join(dir, 'out.sarif')));
  });
});

describe('--changed-since in process, from a folder spelled through a symlink', () => {
  it('matches git’s real paths to the paths the CLI was given', async () => {
    const dir = tempTree({});
    const repo = join(dir, 'repo');
    initRepo(repo);
    writeIn(repo, 'postmortems/a.md', COMPLETE);
    writeIn(repo, '.postmortemrc.json', STRUCTURE_ONLY);
    commitAll(repo, 'base');
    writeIn(repo, 'postmortems/a.md', ONE_ERROR);
    const link = join(dir, 'link');
    symlinkSync(repo, link, 'dir');
    // main() takes the folder as given (as macOS's /var/folders temp paths are, behind /private/var).
    const r = await cli(join(link, 'postmortems'), ['lint', '--changed-since', 'main', '--format', 'github']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::error file=postmortems\/a\.md,line=1,/m);
    const json = await cli(link, ['lint', '--changed-since', 'main', '--format', 'json']);
    assert.deepEqual(
      JSON.parse(json.stdout).map((f: { filePath: string }) => f.filePath),
      [join(link, 'postmortems', 'a.md')],
    );
  });
});

describe('help', () => {
  it('lists the new formats and options', async () => {
    const { stdout } = await cli('.', ['lint', '--help']);
    for (const word of ['sarif', 'github', 'gitlab', 'markdown', '--changed-since', '--max-warnings', '--quiet']) {
      assert.ok(stdout.includes(word), word);
    }
  });
});
