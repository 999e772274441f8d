// `postmortem lint` indexes the postmortems near the files it lints for learning/repeat-incident, except when the
// index would hold nothing but the one file linted (it cannot repeat itself): a single postmortem is parsed once.
// Either way the findings are the same; these tests keep the repeat where there is something to repeat.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'learning', 'repeat-incident');
const CURRENT = readFileSync(join(FIXTURES, 'repeat.md'), 'utf8');
const EARLIER = readFileSync(join(FIXTURES, 'repeat.workspace', '2023-11-02-dns-records.md'), 'utf8');

/** A budget that a loaded machine cannot hit: the findings here must not turn into input/not-analysed. */
const CONFIG = { '.postmortemrc.json': JSON.stringify({ timeBudgetMs: 60_000 }) };

const repeats = (stdout: string) =>
  (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'learning/repeat-incident'),
  ).length;

describe('cli: the workspace index for learning/repeat-incident', () => {
  it('finds the repeat when one file is linted next to an earlier postmortem', async () => {
    const root = tempTree({ ...CONFIG, 'postmortems/current.md': CURRENT, 'postmortems/earlier.md': EARLIER });
    const r = await cli(root, ['lint', '--format', 'json', 'postmortems/current.md']);
    assert.equal(repeats(r.stdout), 1);
  });

  it('finds it for standard input named into that folder', async () => {
    const root = tempTree({ ...CONFIG, 'postmortems/earlier.md': EARLIER });
    const args = ['lint', '--format', 'json', '--stdin', '--stdin-filename', 'postmortems/current.md'];
    const r = await cli(root, args, { stdin: CURRENT });
    assert.equal(repeats(r.stdout), 1);
  });

  it('finds it for standard input named as the file on disk, when another postmortem is there', async () => {
    const root = tempTree({ ...CONFIG, 'postmortems/current.md': CURRENT, 'postmortems/earlier.md': EARLIER });
    const args = ['lint', '--format', 'json', '--stdin', '--stdin-filename', 'postmortems/current.md'];
    assert.equal(repeats((await cli(root, args, { stdin: CURRENT })).stdout), 1);
  });

  it('reports no repeat for a postmortem alone in its folder, linted by name, by folder or from standard input', async () => {
    const root = tempTree({ ...CONFIG, 'postmortems/current.md': CURRENT });
    for (const args of [
      ['lint', '--format', 'json', 'postmortems/current.md'],
      ['lint', '--format', 'json', 'postmortems'],
      ['lint', '--format', 'json', '--stdin', '--stdin-filename', 'postmortems/current.md'],
    ]) {
      const r = await cli(root, args, { stdin: CURRENT });
      assert.equal(repeats(r.stdout), 0, args.join(' '));
      assert.ok(JSON.parse(r.stdout).length === 1, args.join(' '));
    }
  });

  it('still lists related incidents (none) for the markdown report of a lone postmortem', async () => {
    const root = tempTree({ ...CONFIG, 'postmortems/current.md': CURRENT });
    const r = await cli(root, ['lint', '--format', 'markdown', 'postmortems/current.md']);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  });
});
