// `postmortem lint --cache`: an unchanged file is not analysed again (seen in --debug's counts and in the cache
// file), and a changed file, config or tool version, or --fix on a file with something to fix, lints again.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';
import { onlyFamiliesRc, STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM, postmortem } from '../helpers/postmortem';
import { tempTree, writeIn } from '../helpers/tmp';

/** --debug's counts: results from the cache and files linted, records from the cache and built. */
function counts(stderr: string) {
  const m = /(\d+) files: (\d+) from the cache, (\d+) linted; index: (\d+) records from the cache, (\d+) built/.exec(
    stderr,
  );
  assert.ok(m, stderr);
  return {
    files: Number(m[1]),
    cached: Number(m[2]),
    linted: Number(m[3]),
    records: Number(m[4]),
    built: Number(m[5]),
  };
}

const MISSING_IMPACT = MINIMAL_POSTMORTEM.replace('## Impact\n\nI.\n\n', '');

function tree(extra: Record<string, string> = {}) {
  return tempTree({
    '.postmortemrc.json': STRUCTURE_ONLY,
    'postmortems/a.md': MINIMAL_POSTMORTEM,
    'postmortems/b.md': MISSING_IMPACT,
    'postmortems/c.md': MINIMAL_POSTMORTEM.replace('I.', 'TBD'),
    ...extra,
  });
}

const lint = (dir: string, ...args: string[]) => cli(dir, ['lint', '--cache', '--debug', ...args]);

describe('lint --cache', () => {
  it('takes unchanged files from the cache the second time, with the same output', async () => {
    const dir = tree();
    const first = await lint(dir);
    assert.deepEqual(counts(first.stderr), { files: 3, cached: 0, linted: 3, records: 0, built: 0 });
    const cache = JSON.parse(readFileSync(join(dir, '.postmortemcache'), 'utf8'));
    assert.deepEqual(Object.keys(cache.files).sort(), ['postmortems/a.md', 'postmortems/b.md', 'postmortems/c.md']);
    assert.ok(cache.files['postmortems/b.md'].lint.result.findings.length > 0);
    const second = await lint(dir);
    assert.deepEqual(counts(second.stderr), { files: 3, cached: 3, linted: 0, records: 0, built: 0 });
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.code, first.code);
    const json = async () => (await lint(dir, '--format', 'json')).stdout;
    assert.equal(await json(), (await cli(dir, ['lint', '--format', 'json'])).stdout, 'JSON as without the cache');
  });

  it('lints a file again when its content changes, and only that file', async () => {
    const dir = tree();
    await lint(dir);
    writeIn(dir, 'postmortems/b.md', MINIMAL_POSTMORTEM);
    const r = await lint(dir);
    assert.deepEqual(counts(r.stderr), { files: 3, cached: 2, linted: 1, records: 0, built: 0 });
    assert.equal(r.code, 0, 'the fixed file no longer has its error');
  });

  it('lints every file again when the config changes', async () => {
    const dir = tree();
    await lint(dir);
    writeIn(dir, '.postmortemrc.json', onlyFamiliesRc(['structure', 'input', 'timeline']));
    assert.equal(counts((await lint(dir)).stderr).linted, 3);
    assert.equal(counts((await lint(dir)).stderr).cached, 3);
    // A config given on the command line is the effective config too.
    writeIn(dir, 'other.json', STRUCTURE_ONLY);
    assert.equal(counts((await lint(dir, '--config', 'other.json')).stderr).linted, 3);
  });

  it('lints every file again when the version of the tool changes', async () => {
    const dir = tree();
    await lint(dir);
    const file = join(dir, '.postmortemcache');
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...cache, tool: `${cache.tool}-older` }));
    assert.equal(counts((await lint(dir)).stderr).linted, 3);
  });

  it('with --fix, lints and fixes a cached file that has something to fix, and takes the others from the cache', async () => {
    const dir = tree();
    await lint(dir);
    const r = await lint(dir, '--fix');
    assert.deepEqual(counts(r.stderr), { files: 3, cached: 2, linted: 1, records: 0, built: 0 });
    assert.match(r.stderr, /Fixed 1 file/);
    assert.match(readFileSync(join(dir, 'postmortems/b.md'), 'utf8'), /## Impact/);
    // The fixed file is linted once more (its content changed), then cached.
    assert.equal(counts((await lint(dir)).stderr).linted, 1);
    assert.equal(counts((await lint(dir)).stderr).linted, 0);
  });

  it('keeps the workspace index in the cache too, and lints every file again when a record changes', async () => {
    // The learning family reads the other postmortems (learning/repeat-incident): the index is built first.
    const dir = tempTree({
      '.postmortemrc.json': onlyFamiliesRc(['structure', 'input', 'learning']),
      'postmortems/2024-01-01-a.md': postmortem('Database failover'),
      'postmortems/2024-02-01-b.md': postmortem('Queue backlog'),
    });
    const first = await lint(dir);
    assert.deepEqual(counts(first.stderr), { files: 2, cached: 0, linted: 2, records: 0, built: 2 });
    const second = await lint(dir);
    assert.deepEqual(counts(second.stderr), { files: 2, cached: 2, linted: 0, records: 2, built: 0 });
    assert.equal(second.stdout, first.stdout);
    writeIn(dir, 'postmortems/2024-02-01-b.md', postmortem('Queue backlog and retries'));
    // b's record changed, so a's analysis (which reads the records) is not the same either.
    assert.deepEqual(counts((await lint(dir)).stderr), { files: 2, cached: 0, linted: 2, records: 1, built: 1 });
  });

  it('keeps the cache where --cache-location says: a file, or a folder', async () => {
    const dir = tree({ 'cache/.keep': '' });
    await lint(dir, '--cache-location', 'my-cache.json');
    assert.ok(existsSync(join(dir, 'my-cache.json')));
    assert.ok(!existsSync(join(dir, '.postmortemcache')));
    await lint(dir, '--cache-location', 'cache');
    assert.deepEqual(
      readdirSync(join(dir, 'cache')).filter((f) => f !== '.keep').length,
      1,
      'one cache file in the folder, named after the current folder',
    );
    assert.equal(counts((await lint(dir, '--cache-location', 'cache/')).stderr).cached, 3);
    const r = await cli(dir, ['lint', '--cache-location', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cache-location needs --cache/);
  });

  it('works with the lint pool: results from the workers are cached, and hits need no worker', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`postmortems/p${i}.md`, MISSING_IMPACT.replace('X', `X${i}`)]),
    );
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, ...files });
    const first = await lint(dir, '--concurrency', '2');
    assert.match(first.stderr, /8 linted;.*2 worker threads/);
    const second = await lint(dir, '--concurrency', '2');
    assert.match(second.stderr, /8 from the cache, 0 linted;.*0 worker threads/);
    assert.equal(second.stdout, first.stdout);
  });
});
