// Trends across postmortems (core/learning/trends.ts): distributions of time to detect/mitigate/resolve,
// incidents per cause category and period, repeat causes, follow-up actions by age and owner; on small fixtures
// whose figures are worked out by hand, and on the real corpus.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runMetrics } from '../../server/src/cli/commands/metrics';
import { buildModel, createHeadingMatcher } from '../../server/src/core';
import {
  actionTrend,
  categoryTrend,
  distribution,
  periodFor,
  repeatCauses,
  type TrendIncident,
  taxonomyOf,
  trendIncident,
  trends,
} from '../../server/src/core/learning';
import { capturingIo } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const matcher = createHeadingMatcher({});
const CORPUS = join(__dirname, '..', 'corpus', 'real');

function incident(id: string, fields: Partial<TrendIncident>): TrendIncident {
  return {
    id,
    title: id.toUpperCase(),
    timeToDetectMinutes: null,
    timeToMitigateMinutes: null,
    timeToResolveMinutes: null,
    services: [],
    categories: [],
    actions: [],
    ...fields,
  };
}

describe('trends: time to detect, mitigate, resolve', () => {
  it('gives n, median, p75, p90 (R-7), min, max and the mean, with one entry per incident', () => {
    const list = [4, 12, 2, 35, 8].map((m, i) => incident(`i${i}`, { timeToDetectMinutes: m }));
    list.push(incident('unknown', {}));
    const d = distribution('detect', list);
    assert.deepEqual(
      {
        n: d.n,
        missing: d.missing,
        median: d.median,
        p25: d.p25,
        p75: d.p75,
        p90: d.p90,
        min: d.min,
        max: d.max,
        mean: d.mean,
      },
      { n: 5, missing: 1, median: 8, p25: 4, p75: 12, p90: 25.8, min: 2, max: 35, mean: 12.2 },
    );
    assert.deepEqual(
      d.incidents.map((i) => [i.id, i.minutes]),
      [
        ['i2', 2],
        ['i0', 4],
        ['i4', 8],
        ['i1', 12],
        ['i3', 35],
      ],
    );
    const none = distribution('resolve', list);
    assert.deepEqual([none.n, none.median, none.p90, none.min, none.mean], [0, null, null, null, null]);
  });
});

describe('trends: incidents per category over time', () => {
  it('chooses months for up to two years, quarters up to fifteen, years beyond', () => {
    assert.equal(periodFor('2020-01-01', '2021-12-31'), 'month');
    assert.equal(periodFor('2020-01-01', '2022-01-01'), 'quarter');
    assert.equal(periodFor('2010-01-05', '2024-12-31'), 'quarter');
    assert.equal(periodFor('2010-01-05', '2025-01-01'), 'year');
  });
  it('counts an incident in each of its categories, every period in the span included', () => {
    const t = categoryTrend([
      incident('a', { date: '2024-01-09', categories: ['change'] }),
      incident('b', { date: '2024-01-23', categories: ['change', 'config'] }),
      incident('c', { date: '2024-03-05', categories: [] }),
      incident('d', { categories: ['capacity'] }),
    ]);
    assert.equal(t.period, 'month');
    assert.deepEqual(
      t.periods.map((p) => [p.period, p.incidents, p.byCategory.change, p.byCategory.config, p.uncategorised]),
      [
        ['2024-01', 2, 2, 1, 0],
        ['2024-02', 0, 0, 0, 0],
        ['2024-03', 1, 0, 0, 1],
      ],
    );
    assert.deepEqual(t.totals, {
      incidents: 4,
      byCategory: { change: 2, config: 1, dependency: 0, capacity: 1, hardware: 0, security: 0, process: 0 },
      uncategorised: 1,
      undated: 1,
    });
  });
  it('groups by quarter over a longer span, in the config taxonomy', () => {
    const taxonomy = taxonomyOf({ categories: { network: ['bgp'], security: false } });
    const t = categoryTrend(
      [
        incident('a', { date: '2022-11-30', categories: ['network'] }),
        incident('b', { date: '2023-02-01', categories: ['network'] }),
        incident('c', { date: '2025-01-01', categories: ['change'] }),
      ],
      taxonomy,
    );
    assert.equal(t.period, 'quarter');
    assert.deepEqual(
      t.periods.map((p) => p.period),
      ['2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'],
    );
    assert.deepEqual(t.periods[0].byCategory.network, 1);
    assert.ok(t.categories.some((c) => c.name === 'network') && !t.categories.some((c) => c.name === 'security'));
  });
});

describe('trends: repeat causes', () => {
  it('finds incidents that share a service and a category, merging groups of the same incidents', () => {
    const open = { text: 'x', owner: null, done: false };
    const r = repeatCauses([
      incident('a', { date: '2024-01-01', services: ['api', 'db'], categories: ['change'], actions: [open] }),
      incident('b', { date: '2024-02-01', services: ['api', 'db'], categories: ['change', 'config'] }),
      incident('c', { date: '2024-03-01', services: ['api'], categories: ['config'], actions: [open, open] }),
      incident('d', { date: '2024-04-01', services: ['web'], categories: ['change'] }),
    ]);
    assert.deepEqual(
      r.map((g) => ({
        services: g.services,
        categories: g.categories,
        ids: g.incidents.map((i) => i.id),
        open: g.openActions,
      })),
      [
        { services: ['api'], categories: ['config'], ids: ['b', 'c'], open: 2 },
        { services: ['api', 'db'], categories: ['change'], ids: ['a', 'b'], open: 1 },
      ],
    );
  });
});

describe('trends: follow-up actions', () => {
  it('counts open and done, ages the open ones from their postmortem to the given day, by owner', () => {
    const t = actionTrend(
      [
        incident('a', {
          date: '2024-01-09',
          actions: [
            { text: 'Canary config changes', owner: 'SRE', done: false },
            { text: 'Alert on errors', owner: null, done: false },
            { text: 'Roll back', owner: '@sre', done: true },
          ],
        }),
        incident('b', { date: '2024-12-01', actions: [{ text: 'Load test', owner: 'Payments', done: false }] }),
        incident('c', { actions: [{ text: 'Runbook', owner: 'sre', done: false }] }),
      ],
      '2024-12-31T10:00:00Z',
    );
    assert.equal(t.asOf, '2024-12-31');
    assert.deepEqual([t.total, t.open, t.done, t.unassignedOpen], [5, 4, 1, 1]);
    assert.deepEqual(t.openAge, { n: 3, undated: 1, median: 357, p90: 357, max: 357, over30: 2, over90: 2 });
    assert.deepEqual(t.byOwner, [
      { owner: 'SRE', open: 2, done: 1, oldestOpenDays: 357 },
      { owner: null, open: 1, done: 0, oldestOpenDays: 357 },
      { owner: 'Payments', open: 1, done: 0, oldestOpenDays: 30 },
    ]);
    assert.deepEqual(
      t.openActions.map((a) => [a.id, a.ageDays]),
      [
        ['a', 357],
        ['a', 357],
        ['b', 30],
        ['c', null],
      ],
    );
  });
});

describe('trends: from postmortems', () => {
  it('reads a postmortem: its times, services, categories and actions with owners', () => {
    const text = `---
date: 2024-05-14
services: [checkout]
---

# Postmortem: checkout latency

## Root cause

A configuration change set the connection pool size too low.

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
    const t = trendIncident(buildModel(text, matcher), 'checkout.md');
    assert.equal(t.date, '2024-05-14');
    assert.deepEqual([t.timeToDetectMinutes, t.timeToMitigateMinutes, t.timeToResolveMinutes], [3, 30, 113]);
    assert.deepEqual(t.services, ['checkout']);
    assert.ok(t.categories.includes('config'), t.categories.join());
    assert.deepEqual(
      t.actions.map((a) => [a.owner, a.done]),
      [
        ['SRE', true],
        ['Payments team', false],
        [null, false],
      ],
    );
  });

  it('on the real corpus: figures that add up', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    const list = files.map((f) => trendIncident(buildModel(readFileSync(join(CORPUS, f), 'utf8'), matcher), f));
    const t = trends(list, { asOf: '2026-01-01' });
    assert.equal(t.incidents, files.length);
    for (const d of Object.values(t.timeTo)) {
      assert.equal(d.n + d.missing, files.length);
      if (d.n === 0) continue;
      const [min, median, p75, p90, max] = [d.min, d.median, d.p75, d.p90, d.max].map(Number);
      assert.ok(min <= median && median <= p75 && p75 <= p90 && p90 <= max, JSON.stringify(d));
    }
    // Real postmortems state their detection: most of the corpus has a time to detect, and some take hours.
    assert.ok(t.timeTo.detect.n >= 10, `${t.timeTo.detect.n} with a time to detect`);
    // The corpus spans years: counted by quarter, and every dated incident is in one period.
    assert.notEqual(t.categories.period, 'month');
    const dated = list.filter((i) => i.date).length;
    assert.equal(
      t.categories.periods.reduce((n, p) => n + p.incidents, 0),
      dated,
    );
    assert.equal(t.categories.totals.undated, files.length - dated);
    // Organisations with several incidents of one service and kind of cause show up as repeats.
    assert.ok(t.repeatCauses.length > 0);
    for (const r of t.repeatCauses) assert.ok(r.incidents.length >= 2);
    // Judged by hand: PyPI's three security incidents (account takeover, organisation privileges, phishing) and
    // Prow's three change-caused outages are the same service and kind of cause.
    const ids = (service: string, category: string) =>
      t.repeatCauses
        .find((r) => r.services.includes(service) && r.categories.includes(category))
        ?.incidents.map((i) => i.id);
    assert.deepEqual(ids('pypi', 'security'), [
      'pypi--2023-12-04-account-takeover.md',
      'pypi--2025-04-14-org-team-privileges.md',
      'pypi--2025-07-31-phishing-attack.md',
    ]);
    assert.deepEqual(ids('prow', 'change'), [
      'k8s-test-infra--2019-01-23-prow.md',
      'k8s-test-infra--2019-02-05-prow.md',
      'k8s-test-infra--2019-02-08-prow.md',
    ]);
    assert.equal(t.actions.open + t.actions.done, t.actions.total);
    assert.equal(
      t.actions.byOwner.reduce((n, o) => n + o.open, 0),
      t.actions.open,
    );
  });
});

/** A postmortem with a timeline: impact starts at 09:00, detected, mitigated and resolved after the given minutes. */
function postmortem(o: {
  date: string;
  service: string;
  cause: string;
  ttd: number;
  ttm: number;
  ttr: number;
  actions: string[];
}): string {
  const at = (minutes: number) => {
    const t = new Date(`${o.date}T09:00:00Z`);
    t.setUTCMinutes(t.getUTCMinutes() + minutes);
    return t.toISOString().slice(0, 16).replace('T', ' ');
  };
  return `---
date: ${o.date}
services: [${o.service}]
---

# Postmortem: ${o.service} outage on ${o.date}

## Root cause

${o.cause}

## Timeline

All times UTC.

- ${at(0)} Error rate begins to rise.
- ${at(o.ttd)} Alert fires; on-call paged.
- ${at(o.ttm)} Rolled back; error rate back to normal.
- ${at(o.ttr)} Fix deployed; incident resolved.

## Action items

${o.actions.map((a) => `- ${a}`).join('\n')}
`;
}

function trendWorkspace(): string {
  return tempTree({
    '.postmortemrc.json': JSON.stringify({ categories: { network: ['bgp'] } }),
    'postmortems/2024-03-01-checkout.md': postmortem({
      date: '2024-03-01',
      service: 'checkout',
      cause: 'A configuration change set the connection pool size too low.',
      ttd: 3,
      ttm: 30,
      ttr: 113,
      actions: [
        '[x] Roll back the pool change (owner: SRE) OPS-1',
        '[ ] Add a load test for the pool size (owner: Payments team) OPS-2',
        '[ ] Alert on the pool saturation OPS-3',
      ],
    }),
    'postmortems/2024-06-10-checkout.md': postmortem({
      date: '2024-06-10',
      service: 'checkout',
      cause: 'A feature flag configuration was wrong.',
      ttd: 10,
      ttm: 20,
      ttr: 60,
      actions: ['[ ] Review flag configuration changes (owner: SRE) OPS-4'],
    }),
    'postmortems/2024-09-20-edge.md': postmortem({
      date: '2024-09-20',
      service: 'edge',
      cause: 'A BGP session flapped.',
      ttd: 1,
      ttm: 15,
      ttr: 200,
      actions: ['[x] Dampen flapping sessions (owner: Network team) NET-1'],
    }),
  });
}

describe('postmortem metrics --trends', () => {
  it('prints the trends as JSON, with the figures worked out by hand', async () => {
    const { io, out } = capturingIo(trendWorkspace());
    assert.equal(await runMetrics(['--trends', '--format', 'json', '--now', '2024-12-31'], io), 0);
    const t = JSON.parse(out.stdout);
    assert.equal(t.incidents, 3);
    const { incidents: points, ...detect } = t.timeTo.detect;
    assert.deepEqual(detect, {
      measure: 'detect',
      n: 3,
      missing: 0,
      median: 3,
      p25: 2,
      p75: 6.5,
      p90: 8.6,
      min: 1,
      max: 10,
      mean: 4.7,
    });
    assert.deepEqual(
      points.map((p: { id: string; minutes: number }) => [p.id, p.minutes]),
      [
        ['postmortems/2024-09-20-edge.md', 1],
        ['postmortems/2024-03-01-checkout.md', 3],
        ['postmortems/2024-06-10-checkout.md', 10],
      ],
    );
    assert.deepEqual([t.timeTo.mitigate.median, t.timeTo.resolve.median], [20, 113]);
    assert.equal(t.categories.period, 'month');
    assert.equal(t.categories.periods.length, 7);
    assert.equal(t.categories.totals.byCategory.config, 2);
    assert.equal(t.categories.totals.byCategory.network, 1);
    assert.ok(t.categories.categories.some((c: { name: string }) => c.name === 'network'));
    assert.deepEqual(t.repeatCauses, [
      {
        services: ['checkout'],
        categories: ['config'],
        incidents: [
          {
            id: 'postmortems/2024-03-01-checkout.md',
            title: 'Postmortem: checkout outage on 2024-03-01',
            date: '2024-03-01',
            openActions: 2,
          },
          {
            id: 'postmortems/2024-06-10-checkout.md',
            title: 'Postmortem: checkout outage on 2024-06-10',
            date: '2024-06-10',
            openActions: 1,
          },
        ],
        openActions: 3,
      },
    ]);
    const { openActions, ...actions } = t.actions;
    assert.deepEqual(actions, {
      asOf: '2024-12-31',
      total: 5,
      open: 3,
      done: 2,
      openAge: { n: 3, undated: 0, median: 305, p90: 305, max: 305, over30: 3, over90: 3 },
      byOwner: [
        { owner: 'SRE', open: 1, done: 1, oldestOpenDays: 204 },
        { owner: null, open: 1, done: 0, oldestOpenDays: 305 },
        { owner: 'Payments team', open: 1, done: 0, oldestOpenDays: 305 },
        { owner: 'Network team', open: 0, done: 1, oldestOpenDays: null },
      ],
      unassignedOpen: 1,
    });
    assert.deepEqual(
      openActions.map((a: { owner: string | null; tracking: string[]; ageDays: number }) => [
        a.owner,
        a.tracking.join(),
        a.ageDays,
      ]),
      [
        ['Payments team', 'OPS-2', 305],
        [null, 'OPS-3', 305],
        ['SRE', 'OPS-4', 204],
      ],
    );
  });

  it('prints them as tables, and refuses a --now that is not a date', async () => {
    const root = trendWorkspace();
    const { io, out } = capturingIo(root);
    assert.equal(await runMetrics(['--trends', '--now', '2024-12-31'], io), 0);
    assert.match(out.stdout, /time to detect\s+3\s+3 min\s+7 min\s+9 min\s+1 min\s+10 min\s+5 min/);
    assert.match(out.stdout, /Incidents per month and cause category/);
    assert.match(out.stdout, /checkout\s+config\s+2\s+3/);
    assert.match(out.stdout, /3 open, 2 done of 5; 1 open without an owner/);
    assert.match(out.stdout, /\(no owner\)\s+1\s+0\s+10 months/);
    const bad = capturingIo(root);
    assert.equal(await runMetrics(['--trends', '--now', 'last week'], bad.io), 2);
    assert.match(bad.out.stderr, /--now takes a date/);
  });
});
