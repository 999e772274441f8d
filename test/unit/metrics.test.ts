// Incident metrics: computeMetrics on milestones, and `postmortem metrics` / `postmortem actions` in-process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runActions } from '../../server/src/cli/commands/actions';
import { runMetrics } from '../../server/src/cli/commands/metrics';
import { getIncidentMetrics } from '../../server/src/core';
import { analyzeText } from '../helpers/analyze';
import { capturingIo } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const CHECKOUT = `---
title: Checkout latency
date: 2024-05-14
severity: SEV2
---

# Postmortem: checkout latency

## Timeline

All times UTC.

- 2024-05-14 09:04 The pool size change is deployed.
- 09:12 Error rate on checkout begins to rise.
- 09:15 p99 latency alert fires; on-call paged.
- 09:42 The change is rolled back; error rate back to normal.
- 11:05 Fix deployed; incident resolved.

## Action items

- [x] Roll back the pool change (owner: SRE) OPS-1
- [ ] Add a load test for the pool size (owner: Payments team) OPS-2
- [ ] Improve monitoring
`;

const NO_DATES = `# Postmortem: queue backlog

## Timeline

All times are in CET.

- 23:40 Errors begin on the ingest API.
- 23:55 Alert fires.
- 00:20 Queue drained; back to normal.
`;

describe('getIncidentMetrics', () => {
  it('measures from the start of impact, in minutes', () => {
    const model = analyzeText(CHECKOUT).model;
    assert.ok(model);
    const m = getIncidentMetrics(model);
    assert.equal(m.timeToDetectMinutes, 3);
    assert.equal(m.timeToMitigateMinutes, 30);
    assert.equal(m.timeToResolveMinutes, 113);
    assert.equal(m.durationMinutes, 30);
    assert.equal(m.started?.iso, '2024-05-14T09:12:00Z');
  });
  it('measures across midnight without dates', () => {
    const model = analyzeText(NO_DATES).model;
    assert.ok(model);
    const m = getIncidentMetrics(model);
    assert.equal(m.timeToDetectMinutes, 15);
    assert.equal(m.timeToMitigateMinutes, 40);
    assert.equal(m.timeToResolveMinutes, null);
    assert.equal(m.durationMinutes, 40);
    assert.equal(m.started?.iso, undefined);
    assert.equal(m.started?.clock, '23:40');
  });
});

describe('postmortem metrics', () => {
  it('prints the JSON the issue specifies', async () => {
    const root = tempTree({
      'postmortems/checkout.md': CHECKOUT,
      'postmortems/queue.md': NO_DATES,
      'README.md': '# Not one',
    });
    const { out, io } = capturingIo(root);
    assert.equal(await runMetrics(['--format', 'json'], io), 0);
    const rows = JSON.parse(out.stdout);
    // Neither declares an SLO: the error budget has its own tests (slo.test.ts).
    assert.deepEqual(
      rows.map((r: { errorBudget: { status: string } }) => r.errorBudget.status),
      ['no-slo', 'no-slo'],
    );
    assert.deepEqual(
      rows.map(({ errorBudget: _, ...r }: Record<string, unknown>) => r),
      [
        {
          filePath: 'postmortems/checkout.md',
          started: '2024-05-14T09:12:00Z',
          detected: '2024-05-14T09:15:00Z',
          mitigated: '2024-05-14T09:42:00Z',
          resolved: '2024-05-14T11:05:00Z',
          timeToDetectMinutes: 3,
          timeToMitigateMinutes: 30,
          timeToResolveMinutes: 113,
          durationMinutes: 30,
        },
        {
          filePath: 'postmortems/queue.md',
          started: '23:40',
          detected: '23:55',
          mitigated: '00:20',
          resolved: null,
          timeToDetectMinutes: 15,
          timeToMitigateMinutes: 40,
          timeToResolveMinutes: null,
          durationMinutes: 40,
        },
      ],
    );
  });
  it('prints a table with medians, and refuses unknown formats', async () => {
    const root = tempTree({ 'postmortems/checkout.md': CHECKOUT });
    const { out, io } = capturingIo(root);
    assert.equal(await runMetrics([], io), 0);
    assert.match(out.stdout, /to detect/);
    assert.match(out.stdout, /1 h 53 min/);
    assert.match(out.stdout, /Median time to detect 3 min/);
    assert.equal(await runMetrics(['--format', 'xml'], io), 2);
  });
});

describe('postmortem actions', () => {
  it('lists every action, open or done, with owner, tracking and type', async () => {
    const root = tempTree({ 'postmortems/checkout.md': CHECKOUT });
    const { out, io } = capturingIo(root);
    assert.equal(await runActions(['--format', 'json'], io), 0);
    const rows = JSON.parse(out.stdout);
    assert.deepEqual(
      rows.map((r: { status: string; owner: string | null; tracking: string[]; line: number; vague: boolean }) => [
        r.status,
        r.owner,
        r.tracking,
        r.line,
        r.vague,
      ]),
      [
        ['done', 'SRE', ['OPS-1'], 21, false],
        ['open', 'Payments team', ['OPS-2'], 22, false],
        ['open', null, [], 23, true],
      ],
    );
    const table = capturingIo(root);
    assert.equal(await runActions(['--open'], table.io), 0);
    assert.match(table.out.stdout, /2 actions: 2 open \(1 without an owner, 1 without tracking\), 0 done/);
  });
});
