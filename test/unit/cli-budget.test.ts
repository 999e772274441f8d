// The CLI's analysis in its own thread (cli/budgeted-analysis.ts): stopped at the config's time budget as the
// worker's is, with the input/not-analysed finding; the files after a stopped one are analysed by the analysis
// worker, with the findings of an analysis that was not stopped.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withinBudget } from '../../server/src/cli/budgeted-analysis';
import { runLint } from '../../server/src/cli/run-lint';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

/** Analysis time grows with the number of timeline entries: enough of them to outlast a 100 ms budget. */
const LONG = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 20_000 },
  (_, i) => `- 10:${String(i % 60).padStart(2, '0')} UTC the on-call engineer restarted the service again`,
).join('\n')}\n`;

describe('analysis in the CLI thread within the budget', () => {
  it('gives the value of a job that ends in time, and stops one that does not', () => {
    assert.deepEqual(
      withinBudget(() => 6 * 7, 60_000),
      { value: 42 },
    );
    let spins = 0;
    const stopped = withinBudget(() => {
      for (;;) spins++;
    }, 50);
    assert.equal(stopped, undefined);
    assert.ok(spins > 0);
  });

  it("passes on a job's own error", () => {
    assert.throws(
      () =>
        withinBudget(() => {
          throw new RangeError('boom');
        }, 60_000),
      RangeError,
    );
  });

  it('reports a file past its budget as not analysed, and lints the files after it as usual', async () => {
    // Without the rule that reads the other postmortems: the workspace index would model the long file as well.
    const cwd = tempTree({
      '.postmortemrc.json': JSON.stringify({ timeBudgetMs: 60_000, rules: { 'learning/repeat-incident': 'off' } }),
      'a/.postmortemrc.json': JSON.stringify({ timeBudgetMs: 100 }),
      'a/long-postmortem.md': LONG,
      'b/short-postmortem.md': MINIMAL_POSTMORTEM,
    });
    const { results } = await runLint({ cwd, patterns: ['a', 'b'], concurrency: 1 });
    assert.deepEqual(
      results.map((r) => r.path),
      [join(cwd, 'a/long-postmortem.md'), join(cwd, 'b/short-postmortem.md')],
    );
    const [long, short] = results;
    assert.equal(long.timedOut, true);
    assert.deepEqual(
      long.findings.map((f) => [f.ruleId, f.data?.reason]),
      [['input/not-analysed', 'time-budget']],
    );
    // Alone, the short file is analysed in this thread: the same findings, checklist and sections either way.
    const alone = await runLint({ cwd, patterns: ['b'], concurrency: 1 });
    assert.ok(short.findings.length > 0);
    for (const key of ['findings', 'checklist', 'metrics', 'sections'] as const) {
      assert.deepEqual(short[key], alone.results[0][key], key);
    }
    assert.ok(short.checklist && short.sections);
  });
});
