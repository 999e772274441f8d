// Template text: the sentences, example rows and field placeholders the templates ship with are recognised, so a
// fresh template is "still to write"; real writing is never mistaken for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getActionItems, getMilestones } from '../../server/src/core';
import { isTemplateText } from '../../server/src/core/template-text';
import { summaryMetrics } from '../../server/src/lsp/metrics';
import { analyzeText } from '../helpers/analyze';

const snippets = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets'), 'utf8'),
) as Record<string, { body: string[] }>;

describe('template text', () => {
  it('knows every placeholder of the snippet file (times aside)', () => {
    const defaults = Object.values(snippets).flatMap((s) =>
      s.body.flatMap((line) => [...line.matchAll(/\$\{\d+:([^}$]*)\}/g)].map((m) => m[1])),
    );
    const unknown = defaults.filter((d) => !/^\d{1,2}:\d{2}$/.test(d) && !isTemplateText(d));
    assert.deepEqual(unknown, []);
  });

  it('reads example timeline rows and tasks through their stamps and fields', () => {
    assert.ok(isTemplateText('2026-12-06 09:00 UTC: Error rates begin to rise: the first sign of impact.'));
    assert.ok(isTemplateText('**Your name**'));
    assert.ok(!isTemplateText('2026-12-06 09:00 UTC: Error rates rose to 12% on the EU cluster.'));
    assert.ok(!isTemplateText('The incident is resolved after the cache was rebuilt.'));
    assert.ok(!isTemplateText('Outage'));
  });

  it('keeps the example action row out of the actions, and real rows in', () => {
    const text = [
      '# Postmortem: x',
      '',
      '## Action items',
      '',
      '| Action | Type | Owner | Ticket | Due |',
      '| --- | --- | --- | --- | --- |',
      '| Describe the follow-up action | prevent | @owner | PROJ-123 | 2026-12-06 |',
      '| Add a disk alert at 80% | detect | @sre | OPS-7 | 2026-12-20 |',
      '',
      '- [ ] Describe the follow-up action (type: prevent, owner: @owner, ticket: PROJ-123)',
      '',
    ].join('\n');
    const result = analyzeText(text);
    assert.ok(result.model);
    assert.deepEqual(
      getActionItems(result.model).map((a) => a.text),
      ['Add a disk alert at 80%'],
    );
  });

  it('a section with real text beside the template text is written', () => {
    const result = analyzeText(
      '# Postmortem: x\n\n## Summary\n\nWhat happened, how long it lasted, who was affected, and how it ended, in two or three sentences.\n\nCheckout failed for 20 minutes.\n',
    );
    assert.ok(!result.findings.some((f) => f.ruleId === 'structure/empty-section'));
  });

  it('gives a fresh template no milestones or figures from its example rows, and a real row keeps them', () => {
    // Each New Postmortem template as VS Code expands it: placeholders take their defaults, variables today's date.
    const expand = (body: string[]) =>
      body
        .join('\n')
        .replace(/\$CURRENT_YEAR/g, '2026')
        .replace(/\$CURRENT_MONTH/g, '12')
        .replace(/\$CURRENT_DATE/g, '06')
        .replace(/\$\{\d+:([^}$]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
        .replace(/\$\{?\d+\}?/g, '')
        .replace(/\$[A-Z_]+/g, '');
    const templates = Object.entries(snippets).filter(([, s]) => s.body.length > 30);
    assert.ok(templates.length >= 4, templates.map(([k]) => k).join());
    for (const [name, { body }] of templates) {
      const { model } = analyzeText(expand(body));
      assert.ok(model, name);
      assert.deepEqual(
        getMilestones(model)
          .filter((m) => m.source === 'inferred')
          .map((m) => m.kind),
        [],
        name,
      );
      assert.equal(summaryMetrics(model).timedEntries, 0, name);
    }
    const real = analyzeText(
      '# Postmortem: x\n\n## Timeline\n\n- 2026-12-06 09:00 UTC: Impact begins.\n- 2026-12-06 09:05 UTC: Checkout errors rise to 30%; the on-call engineer is paged.\n',
    );
    assert.ok(real.model);
    assert.equal(summaryMetrics(real.model).timedEntries, 2, 'a written row beside it: every row counts');
  });
});
