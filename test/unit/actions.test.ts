// Follow-up actions: lists, task lists, tables and heading actions; owners, tracking, type, done/open, vagueness.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getActionItems } from '../../server/src/core';
import { analyzeText } from '../helpers/analyze';

function actions(body: string) {
  const text = `# Postmortem: test\n\n## Action items\n\n${body}\n`;
  const model = analyzeText(text).model;
  assert.ok(model);
  return { text, items: getActionItems(model) };
}

describe('getActionItems', () => {
  it('reads owners in their usual places', () => {
    const { items } = actions(
      [
        '- Add disk alert (owner: SRE team)',
        '- Rotate token @alice',
        '- Nóva to send the list of domains',
        '- Move the archive (Platform team) OPS-4',
        '- Write the runbook — Jane Doe',
        '- Continue to attempt a resolution',
        '- We need to add alerts',
      ].join('\n'),
    );
    assert.deepEqual(
      items.map((a) => a.owner?.text ?? null),
      ['SRE team', '@alice', 'Nóva', 'Platform team', 'Jane Doe', null, null],
    );
  });
  it('reads tracking references and ignores keys of standards', () => {
    const { items } = actions(
      '- Fix OPS-12\n- Fix #34\n- Fix [the bug](https://tracker.example.com/T-5)\n- Fix the UTF-8 and SHA-256 handling',
    );
    assert.deepEqual(
      items.map((a) => a.tracking.map((t) => t.text)),
      [['OPS-12'], ['#34'], ['https://tracker.example.com/T-5'], []],
    );
  });
  it('reads task lists and status columns as done or open', () => {
    const { items } = actions(
      '- [x] Delete the archive\n- [ ] Add the alert\n\n| Action | Owner | Status | Type |\n| --- | --- | --- | --- |\n| Bind Redis | Infra | Done | prevent |\n| Add auth | Infra | To Do | detect |',
    );
    assert.deepEqual(
      items.map((a) => [a.status, a.shape]),
      [
        ['done', 'task'],
        ['open', 'task'],
        ['done', 'table'],
        ['open', 'table'],
      ],
    );
    assert.equal(items[2].owner?.source, 'column');
    assert.equal(items[3].type, 'detect');
    assert.equal(items[3].typeSource, 'column');
  });
  it('reads numbered subsection headings as actions, with tags as their type', () => {
    const { items } = actions(
      '### 1) Better alerting on CPU load `@dma` [detect]\n\nWe should alert on load above 8 on every host.',
    );
    assert.equal(items.length, 1);
    assert.equal(items[0].shape, 'heading');
    assert.equal(items[0].owner?.text, '@dma');
    assert.equal(items[0].type, 'detect');
    assert.equal(items[0].typeSource, 'tag');
  });
  it('gives nested items their parent and inherits owner and tracking', () => {
    const { items } = actions('- Improve probes (owner: SRE) OPS-9\n    - Create a dashboard for probe coverage');
    assert.equal(items[1].parent, 0);
    assert.equal(items[0].children, 1);
    assert.equal(items[1].owner?.source, 'inherited');
    assert.equal(items[1].trackingInherited, true);
  });
  it('points at the owner in the source', () => {
    const { text, items } = actions('- Add disk alert (owner: SRE team)');
    const owner = items[0].owner;
    assert.ok(owner);
    assert.equal(text.slice(owner.range.start, owner.range.end), 'SRE team');
  });
  it('tells vague actions from concrete ones', () => {
    const { items } = actions(
      [
        '- Improve monitoring',
        '- Be more careful when deploying',
        '- Investigate the flaky test',
        '- Train people on the deploy tool',
        '- Page on-call when disk usage exceeds 90%',
        '- Improve alerting on CPU load for every host',
        '- We should add a `terraform plan` step to CI',
      ].join('\n'),
    );
    assert.deepEqual(
      items.map((a) => a.vague?.family ?? null),
      ['generic-improvement', 'behaviour', 'open-ended', 'training', null, null, null],
    );
  });
});
