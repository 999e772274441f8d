// --fix settles, tells the truth and writes only where it should: no progress means no more passes, a second run
// changes nothing, an inserted section keeps its error until it is written, and a file that cannot or must not
// be written is a per-file error while the other files are still fixed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const MISSING_TIMELINE = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');
const WITHOUT_ACTIONS = MINIMAL_POSTMORTEM.slice(0, MINIMAL_POSTMORTEM.indexOf('## Action items'));

describe('lint --fix', () => {
  it('exits 1 while an inserted required section is unwritten, and 0 once it has content', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
    const first = await cli(dir, ['lint', '--fix', 'postmortems']);
    assert.equal(first.code, 1, first.stdout);
    assert.match(first.stderr, /Fixed 1 file/);
    assert.match(first.stdout, /Required section "Timeline" is not written yet/);
    const fixed = readFileSync(join(dir, 'postmortems/a.md'), 'utf8');
    assert.match(fixed, /## Timeline\n\n<!-- .* -->\n/);

    const again = await cli(dir, ['lint', '--fix', 'postmortems']);
    assert.equal(again.code, 1);
    assert.doesNotMatch(again.stderr, /Fixed/);
    assert.equal(readFileSync(join(dir, 'postmortems/a.md'), 'utf8'), fixed, 'a second run changes nothing');

    const written = fixed.replace(/(## Timeline\n\n<!-- .* -->\n)/, '$1\n- 10:00 UTC the alert fired\n');
    const done = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': written });
    assert.equal((await cli(done, ['lint', '--fix', 'postmortems'])).code, 0);
  });

  for (const [name, tail] of [
    ['an unclosed code fence', '```sh\nkubectl rollout undo deploy/api\n'],
    ['an unclosed <script> block', '<script>\nconsole.log(1)\n'],
    ['an unclosed HTML comment', '<!-- notes from the review\n\n- to be sorted\n'],
  ]) {
    it(`does not insert into ${name} at the end, says why, and stops`, async () => {
      const text = `${WITHOUT_ACTIONS}${tail}`;
      const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': text });
      const r = await cli(dir, ['lint', '--fix', 'postmortems']);
      assert.equal(r.code, 1);
      assert.equal(readFileSync(join(dir, 'postmortems/a.md'), 'utf8'), text, 'nothing inserted');
      assert.match(r.stdout, /Missing required section "Action items".*cannot be inserted automatically/);
      assert.doesNotMatch(r.stderr, /Fixed/);
    });
  }

  it('inserts before a closed code fence at the end as usual', async () => {
    const text = `${WITHOUT_ACTIONS}\`\`\`sh\nkubectl rollout undo deploy/api\n\`\`\`\n`;
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': text });
    await cli(dir, ['lint', '--fix', 'postmortems']);
    assert.match(readFileSync(join(dir, 'postmortems/a.md'), 'utf8'), /```\n\n## Action items\n/);
  });

  it('reports a file it cannot write and goes on with the others', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': MISSING_TIMELINE,
      'postmortems/b.md': MISSING_TIMELINE,
    });
    const locked = join(dir, 'postmortems/a.md');
    const unlock = makeUnwritable(locked);
    assert.ok(unlock, 'the test could not make a file unwritable');
    let r: Awaited<ReturnType<typeof cli>>;
    try {
      r = await cli(dir, ['lint', '--fix', 'postmortems']);
    } finally {
      unlock();
    }
    assert.equal(r.code, 2);
    assert.match(r.stderr, /postmortems\/a\.md: cannot write the fixes: E(ACCES|PERM)/);
    assert.match(r.stderr, /Fixed 1 file/);
    assert.equal(readFileSync(locked, 'utf8'), MISSING_TIMELINE);
    assert.match(readFileSync(join(dir, 'postmortems/b.md'), 'utf8'), /## Timeline/);
    // The report is about the files as they are: a.md is still missing its timeline.
    assert.match(r.stdout, /postmortems\/a\.md\n +1:1 +error +Missing required section "Timeline"/);
  });

  it('does not write through a link to a file outside the workspace', async () => {
    const outside = tempTree({ 'elsewhere.md': MISSING_TIMELINE });
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY });
    symlinkSync(join(outside, 'elsewhere.md'), join(dir, 'postmortem-link.md'));
    const r = await cli(dir, ['lint', '--fix', 'postmortem-link.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /postmortem-link\.md: not written: it is a symbolic link to .*elsewhere\.md, outside/);
    assert.equal(readFileSync(join(outside, 'elsewhere.md'), 'utf8'), MISSING_TIMELINE);
  });

  it('writes through a link that stays inside the workspace', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/real.md': MISSING_TIMELINE });
    symlinkSync(join(dir, 'postmortems/real.md'), join(dir, 'postmortems/link.md'));
    const r = await cli(dir, ['lint', '--fix', 'postmortems/link.md']);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(lstatSync(join(dir, 'postmortems/link.md')).isSymbolicLink(), 'the link is kept');
    assert.match(readFileSync(join(dir, 'postmortems/real.md'), 'utf8'), /## Timeline/);
  });

  it('never writes the report over a file it lints', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
    const r = await cli(dir, ['lint', 'postmortems', '-o', 'postmortems/a.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--output-file postmortems\/a\.md is the input postmortems\/a\.md/);
    assert.equal(readFileSync(join(dir, 'postmortems/a.md'), 'utf8'), MISSING_TIMELINE);
  });

  it('does not write the report through a link that leads out of the workspace', async () => {
    const outside = tempTree({ 'report.txt': 'keep me' });
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MINIMAL_POSTMORTEM });
    symlinkSync(join(outside, 'report.txt'), join(dir, 'report.txt'));
    const r = await cli(dir, ['lint', 'postmortems', '-o', 'report.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not writing report\.txt: it is a symbolic link/);
    assert.equal(readFileSync(join(outside, 'report.txt'), 'utf8'), 'keep me');
  });

  it('globs do not follow a linked folder out of the workspace', async () => {
    const outside = tempTree({ 'postmortems/far.md': MISSING_TIMELINE });
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MINIMAL_POSTMORTEM });
    symlinkSync(join(outside, 'postmortems'), join(dir, 'postmortems/linked'));
    const r = await cli(dir, ['lint', '--format', 'json', 'postmortems/**/*.md']);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
    assert.deepEqual(files, [join(dir, 'postmortems/a.md')]);
  });
});

/**
 * Makes a file unwritable, even for root (which ignores permission bits): chmod, and chattr +i where it works.
 * Returns the function that undoes it, or undefined when it cannot be done here.
 */
function makeUnwritable(path: string): (() => void) | undefined {
  chmodSync(path, 0o444);
  if (process.getuid?.() !== 0) return () => chmodSync(path, 0o644);
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
}
