// The analysis worker: the same findings as the analysis in process, a document stopped at its budget with an
// input/not-analysed finding, and the next document analysed by a fresh worker.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { createPostmortemService, memoryHost } from '../../server/src/core/service';
import { AnalysisWorker } from '../../server/src/node/analysis-worker';
import { RULES } from '../../server/src/rules';
import { configWith } from '../helpers/analyze';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';

const worker = new AnalysisWorker();
after(() => worker.dispose());

/** Analysis time grows with the number of timeline entries: enough of them to outlast a 100 ms budget. */
const LONG = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 20_000 },
  (_, i) => `- 10:${String(i % 60).padStart(2, '0')} UTC the on-call engineer restarted the service again`,
).join('\n')}\n`;

describe('analysis worker', () => {
  it('gives the findings of the analysis in process, sync and async', async () => {
    const config = configWith();
    const text = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');
    const expected = analyze(text, config, RULES).findings;
    assert.deepEqual(worker.analyzeSync(text, config, 60_000).findings, expected);
    assert.deepEqual((await worker.analyze(text, config, 60_000)).findings, expected);
  });

  it('stops an analysis at the budget, reports it, and analyses the next document afresh', async () => {
    const config = configWith();
    const stopped = worker.analyzeSync(LONG, config, 100);
    assert.equal(stopped.timedOut, true);
    assert.deepEqual(
      stopped.findings.map((f) => [f.ruleId, f.data?.reason]),
      [['input/not-analysed', 'time-budget']],
    );
    assert.match(stopped.findings[0].message, /took longer than its 100 ms budget/);
    const async = await worker.analyze(LONG, config, 100);
    assert.equal(async.timedOut, true);
    const next = await worker.analyze(MINIMAL_POSTMORTEM, config, 60_000);
    assert.equal(next.timedOut, undefined);
    assert.deepEqual(next.findings, analyze(MINIMAL_POSTMORTEM, config, RULES).findings);
  });

  it("lets a document stopped at its budget finish while nothing else waits, then analyses it from the worker's tree", async () => {
    // LONG's full analysis takes seconds, far more than its 100 ms budget: up to 100 s more.
    const patient = new AnalysisWorker(100_000);
    try {
      const config = configWith();
      const stopped = await patient.analyze(LONG, config, 100, { documentId: 'long.md' });
      assert.equal(stopped.timedOut, true);
      assert.deepEqual(
        stopped.findings.map((f) => f.ruleId),
        ['input/not-analysed'],
      );
      const late = await stopped.late;
      assert.equal(late?.parse, 'full');
      assert.ok(late.findings.length > 0 && late.findings.every((f) => f.ruleId !== 'input/not-analysed'));
      // The same version again: the worker kept the tree its late analysis made, and parses nothing.
      const again = await patient.analyze(LONG, config, 60_000, { documentId: 'long.md' });
      assert.equal(again.timedOut, undefined);
      assert.equal(again.parse, 'unchanged');
      assert.deepEqual(again.findings, late.findings);

      // Another document's job stops a late analysis: it does not wait behind it.
      const other = await patient.analyze(`${LONG}\nOther.\n`, config, 100, { documentId: 'other.md' });
      assert.equal(other.timedOut, true);
      assert.ok(other.late, 'a document stopped at its budget goes on');
      const small = await patient.analyze(MINIMAL_POSTMORTEM, config, 60_000, { documentId: 'small.md' });
      assert.equal(await other.late, undefined);
      assert.deepEqual(small.findings, analyze(MINIMAL_POSTMORTEM, config, RULES).findings);
      // Without a document id (a closed file of Lint Workspace), or in the CLI, a stopped analysis just stops.
      const once = await patient.analyze(LONG, config, 100);
      assert.equal(once.late, undefined);
    } finally {
      patient.dispose();
    }
  });

  it('takes its budget from the config (timeBudgetMs), 2 s by default', () => {
    assert.equal(configWith().timeBudgetMs, 2000);
    const config = configWith({ timeBudgetMs: 100 });
    assert.equal(worker.analyzeSync(LONG, config).findings[0]?.data?.budgetMs, 100);
  });

  it('drops a version that a newer one superseded while it waited, and analyses the newest', async () => {
    const config = configWith();
    const service = createPostmortemService({ host: memoryHost(), rules: RULES, analyser: worker });
    const text = (n: number) => `${MINIMAL_POSTMORTEM}\nEdit ${n}.\n`;
    // Ten versions asked for at once, as fast typing does: all but the newest are superseded before their turn.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => service.analyse('pm.md', text(i + 1), i + 1, config)),
    );
    const dropped = results.map((r, i) => (r.superseded ? i + 1 : 0)).filter((v) => v > 0);
    assert.deepEqual(dropped, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A version whose turn came before the next was asked for is analysed.
    const first = service.analyse('pm.md', text(11), 11, config);
    assert.equal((await first).superseded, undefined);
    assert.equal((await service.analyse('pm.md', text(12), 12, config)).superseded, undefined);
    assert.deepEqual(results[9].findings, analyze(text(10), config, RULES).findings);
    assert.deepEqual(results[1].findings, []);
    // Another document's versions are its own.
    const [a, b] = await Promise.all([
      service.analyse('a.md', text(1), 1, config),
      service.analyse('b.md', text(1), 1, config),
    ]);
    assert.equal(a.superseded ?? b.superseded, undefined);
  });
});
