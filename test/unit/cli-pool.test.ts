// `postmortem lint --concurrency`: the lint pool (worker threads) gives the same output as one thread, in the same
// order, on the real corpus (every report format that reads more than the findings: the markdown report's
// checklists, metrics and related postmortems), and --fix works through it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { autoConcurrency, parseConcurrency } from '../../server/src/cli/lint-pool';
import { cli } from '../helpers/cli';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const CORPUS = join(__dirname, '..', 'corpus', 'real');

/** The debug line's counts: files linted and worker threads started. */
function debugCounts(stderr: string): { linted: number; fromCache: number; workers: number } {
  const m = /(\d+) from the cache, (\d+) linted;.*; (\d+) worker threads?/.exec(stderr);
  assert.ok(m, stderr);
  return { fromCache: Number(m[1]), linted: Number(m[2]), workers: Number(m[3]) };
}

describe('lint --concurrency', () => {
  it('gives the same output at concurrency 1 and 2 on the real corpus, in every format', async () => {
    // A budget no analysis reaches on a loaded machine: a stopped analysis would differ by timing, not by the pool.
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    const dir = tempTree({
      '.postmortemrc.json': JSON.stringify({ timeBudgetMs: 60_000 }),
      ...Object.fromEntries(files.map((f) => [`postmortems/${f}`, readFileSync(join(CORPUS, f))])),
    });
    const out = tempTree({});
    const run = async (concurrency: string) => {
      const r = await cli(dir, [
        'lint',
        '--concurrency',
        concurrency,
        '--debug',
        '--format',
        'json',
        '--report-file',
        `markdown=${join(out, `${concurrency}.md`)}`,
        '--report-file',
        `stylish=${join(out, `${concurrency}.txt`)}`,
        'postmortems',
      ]);
      return {
        ...r,
        markdown: readFileSync(join(out, `${concurrency}.md`), 'utf8'),
        stylish: readFileSync(join(out, `${concurrency}.txt`), 'utf8'),
      };
    };
    const one = await run('1');
    const two = await run('2');
    assert.equal(debugCounts(one.stderr).workers, 0, 'concurrency 1 lints in the main thread');
    assert.equal(debugCounts(two.stderr).workers, 2);
    assert.equal(debugCounts(two.stderr).linted, files.length);
    assert.equal(two.code, one.code);
    assert.ok(JSON.parse(one.stdout).length === files.length);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stylish, one.stylish);
    assert.equal(two.markdown, one.markdown);
    assert.match(one.markdown, /Related/i, 'the markdown report lists related postmortems (records from the pool)');
    assert.equal(stripDebug(two.stderr), stripDebug(one.stderr));
  });

  it('fixes files in the workers as in one thread', async () => {
    const broken = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`postmortems/p${i}.md`, broken.replace('X', `X${i}`)]),
    );
    const serial = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, ...files });
    const pooled = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, ...files });
    const a = await cli(serial, ['lint', '--fix', '--concurrency', '1']);
    const b = await cli(pooled, ['lint', '--fix', '--concurrency', '2', '--debug']);
    assert.equal(debugCounts(b.stderr).workers, 2);
    assert.equal(b.stdout, a.stdout);
    assert.match(b.stderr, /Fixed 8 files/);
    for (const name of Object.keys(files)) {
      const fixed = readFileSync(join(pooled, name), 'utf8');
      assert.equal(fixed, readFileSync(join(serial, name), 'utf8'), name);
      assert.match(fixed, /## Timeline/, name);
    }
  });

  it('lints a few files in the main thread, whatever the concurrency', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MINIMAL_POSTMORTEM });
    const r = await cli(dir, ['lint', '--concurrency', '8', '--debug']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(debugCounts(r.stderr).workers, 0);
  });

  it('rejects a concurrency that is not a number of workers or auto', async () => {
    const dir = tempTree({ 'postmortems/a.md': MINIMAL_POSTMORTEM });
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const r = await cli(dir, ['lint', `--concurrency=${bad}`]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--concurrency needs a number of workers/);
    }
    assert.notEqual((await cli(dir, ['lint', '--concurrency', 'auto'])).code, 2);
  });

  it('starts one worker per two cores with auto (the default), none on one or two cores', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 8].map((cores) => autoConcurrency(cores)),
      [1, 1, 1, 2, 4],
    );
    assert.equal(parseConcurrency('auto'), autoConcurrency());
    assert.equal(parseConcurrency(undefined), autoConcurrency());
    assert.equal(parseConcurrency('3'), 3);
  });
});

const stripDebug = (stderr: string) => stderr.replace(/^postmortem: debug:.*\n/m, '');

describe('lint --help', () => {
  it('lists --concurrency, --cache, --cache-location and --debug', async () => {
    const { stdout } = await cli('.', ['lint', '--help']);
    for (const option of [
      '--concurrency <n|auto>',
      '--cache ',
      '--cache-location <path>',
      '.postmortemcache',
      '--debug',
    ]) {
      assert.ok(stdout.includes(option), option);
    }
  });
});
