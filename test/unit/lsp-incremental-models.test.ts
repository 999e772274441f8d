// IncrementalModels: each analysis result of an open document brings its model, built from the previous version's
// tree, equal to the model of a full parse of the same text; results without a document, stopped at the budget or
// superseded pass through as they are.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analyser, BudgetedResult } from '../../server/src/core/service';
import { IncrementalModels } from '../../server/src/lsp/incremental-models';
import { RULES } from '../../server/src/rules';
import { analyzeText, configWith } from '../helpers/analyze';

const INPUT_RULES = RULES.filter((r) => r.phase === 'input');

/** The rules' side, as the worker gives it: findings, no model. */
function innerGiving(outcome: Partial<BudgetedResult> = {}): Analyser {
  return { analyze: () => ({ findings: [], ...outcome }) };
}

const TEXT =
  '# Postmortem: x\n\n## Summary\n\nThe disk filled.\n\n## Timeline\n\n- 09:00 Alert fires.\n\n## Action items\n\n- Add a disk alert\n';

/** What a model says about its sections, to compare two models. */
function shape(text: string, model = analyzeText(text).model) {
  assert.ok(model);
  return model.allSections.map((s) => [s.heading, s.start, s.headingEnd, s.contentEnd, s.end, s.kinds]);
}

describe('lsp: models built from the previous version (IncrementalModels)', () => {
  it('gives each version of a document the model a full parse gives', async () => {
    const models = new IncrementalModels(innerGiving(), INPUT_RULES);
    const config = configWith();
    let text = TEXT;
    for (const edit of ['- 09:30 Disk cleaned.\n', '## Impact\n\nWrites failed.\n\n', 'x']) {
      const result = await models.analyze(text, config, undefined, { documentId: 'file:///a.md' });
      assert.deepEqual(shape(text, result.model), shape(text));
      const at = text.indexOf('## Action items');
      text = text.slice(0, at) + edit + text.slice(at);
    }
  });

  it('leaves a result without a document, stopped at the budget or superseded as it is', async () => {
    const config = configWith();
    const plain = await new IncrementalModels(innerGiving(), INPUT_RULES).analyze(TEXT, config, undefined, {});
    assert.equal(plain.model, undefined);
    for (const outcome of [{ timedOut: true }, { superseded: true }]) {
      const models = new IncrementalModels(innerGiving(outcome), INPUT_RULES);
      const result = await models.analyze(TEXT, config, undefined, { documentId: 'file:///a.md' });
      assert.equal(result.model, undefined);
    }
  });
});
