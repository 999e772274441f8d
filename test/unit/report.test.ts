// `postmortem report`: one self-contained HTML page, checked in headless Chromium with a screenshot
// (test-results/report.png, and report-<section>.png for each section) and with no request leaving the page.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { runReport } from '../../server/src/cli/commands/report';
import { normaliseSeverity } from '../../server/src/cli/commands/report-data';
import { CHROMIUM, launchChromium } from '../helpers/chromium';
import { capturingIo } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const ROOT = join(__dirname, '..', '..');

/**
 * A year of postmortems with severities, timelines and follow-up actions; a 99.9%/30d SLO for every service in the
 * config, and every other postmortem states the share of requests affected (the others get 100%, assumed).
 */
/** Services and causes, in turn: config changes to checkout, a provider of payments, a full disk under search. */
const CAUSES: [string, string][] = [
  ['checkout', 'A configuration change set the connection pool size too low.'],
  ['payments', 'The upstream card vendor had an outage.'],
  ['search', 'The disk of the index host filled up.'],
  ['checkout', 'A deploy of a new version regressed the cart.'],
];

function workspace(): Record<string, string> {
  const files: Record<string, string> = {
    '.postmortemrc.json': JSON.stringify({ slos: { '*': { target: 99.9, window: '30d', sli: 'availability' } } }),
  };
  const incidents: [string, string, number, number, string][] = [
    ['2024-01-09', 'SEV2', 4, 55, 'Platform team'],
    ['2024-01-23', 'SEV3', 12, 140, 'SRE'],
    ['2024-02-14', 'SEV1', 2, 38, 'Payments team'],
    ['2024-03-05', 'SEV3', 35, 300, ''],
    ['2024-04-17', 'SEV2', 8, 95, 'Platform team'],
    ['2024-04-29', 'SEV4', 90, 1500, ''],
    ['2024-06-03', 'SEV2', 6, 70, 'SRE'],
    ['2024-07-21', 'SEV1', 1, 25, 'Payments team'],
    ['2024-07-30', 'SEV3', 20, 180, 'Data team'],
    ['2024-09-12', 'SEV2', 5, 65, 'SRE'],
    ['2024-11-02', 'SEV4', 240, 2900, ''],
    ['2024-12-18', 'SEV3', 15, 160, 'Platform team'],
  ];
  incidents.forEach(([date, severity, ttd, ttr, owner], i) => {
    const at = (minutes: number) => {
      const t = new Date(`${date}T09:00:00Z`);
      t.setUTCMinutes(t.getUTCMinutes() + minutes);
      return t.toISOString().slice(0, 16).replace('T', ' ');
    };
    const [service, cause] = CAUSES[i % CAUSES.length];
    files[`postmortems/${date}-incident-${i + 1}.md`] = `---
title: Incident ${i + 1}
date: ${date}
severity: ${severity}
services: [${service}]
---

# Postmortem: incident ${i + 1}
${i % 2 === 0 ? `\n## Impact\n\nAbout ${i + 1}% of API requests failed.\n` : ''}
## Root cause

${cause}

## Timeline

All times UTC.

- ${at(-10)} Config change deployed.
- ${at(0)} Error rate begins to rise on the API.
- ${at(ttd)} Latency alert fires; on-call paged.
- ${at(Math.round(ttr / 2))} Rollback complete; error rate back to normal.
- ${at(ttr)} Fix deployed; incident resolved.

## Action items

- [ ] Add a canary stage for config changes${owner ? ` (owner: ${owner})` : ''} OPS-${100 + i}
- [x] Roll back the change (owner: SRE) OPS-${200 + i}
- [ ] Page on-call when the API error rate exceeds 2% for 5 minutes${i % 3 === 0 ? '' : ' (owner: SRE)'}
`;
  });
  return files;
}

describe('postmortem report', () => {
  let browser: Browser | undefined;
  before(async () => {
    if (existsSync(CHROMIUM)) browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('normalises severities', () => {
    assert.deepEqual(['SEV2', 'sev-1', 'P0', 3, 'critical', 'minor', 'whatever', undefined].map(normaliseSeverity), [
      'SEV2',
      'SEV1',
      'SEV0',
      'SEV3',
      'SEV1',
      'SEV4',
      'unspecified',
      'unspecified',
    ]);
  });

  it('writes one self-contained page and it renders clearly in Chromium', async (t) => {
    const root = tempTree(workspace());
    const { io, out } = capturingIo(root);
    assert.equal(await runReport(['--out', 'out/report.html', '--now', '2025-01-01'], io), 0);
    assert.match(out.stderr, /Wrote out\/report.html: 12 postmortems/);
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    // Self-contained: no script, no stylesheet or image to fetch.
    assert.doesNotMatch(html, /<script|<link\b|<img\b|@import|url\(/i);
    assert.match(html, /Incidents per month, by severity/);
    assert.match(html, /Incidents \(count\)/);
    assert.match(html, /Time from start of impact \(log scale\)/);
    assert.match(html, /Actions \(count\)/);
    assert.match(html, /Time to detect, mitigate and resolve: distributions/);
    assert.match(html, /Incidents per cause category, by month/);
    assert.match(html, /Repeat causes/);
    assert.match(html, /counts from its postmortem's date to 2025-01-01/);
    assert.match(html, /Error budget consumed, by incident/);
    assert.match(html, /Share of the SLO window's error budget \(%\)/);
    assert.match(html, /\(no owner\)/);

    if (!browser) {
      t.skip(`${CHROMIUM} is not installed`);
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(root, 'out', 'report.html')}`);
    const plots = await page.$$eval('svg[role="img"]', (svgs) =>
      svgs.map((s) => ({ title: s.querySelector('title')?.textContent, width: s.getBoundingClientRect().width })),
    );
    assert.deepEqual(
      plots.map((p) => p.title),
      [
        'Incidents per month, by severity',
        'Time to detect, mitigate and resolve: distributions',
        'Time to detect and time to resolve, by incident date',
        'Incidents per cause category, by month',
        'Error budget consumed by incident',
        'Follow-up actions by owner, open and done',
        'Open follow-up actions by age',
      ],
    );
    for (const p of plots) assert.ok(p.width > 600, `${p.title} is ${p.width}px wide`);
    const bars = await page.$$eval('svg[aria-labelledby="pm-title pm-desc"] rect', (r) => r.length);
    assert.ok(bars >= 10, `${bars} bars`);
    const budgetBars = await page.$$eval('svg[aria-labelledby="eb-title eb-desc"] rect', (r) => r.length);
    assert.equal(budgetBars, 12);
    // Distributions: one dot per incident and measure, each with its postmortem as its tooltip and link.
    const dots = await page.$$eval('svg[aria-labelledby="di-title di-desc"] circle.dot', (c) =>
      c.map((d) => ({ tip: d.querySelector('title')?.textContent ?? '', href: d.parentElement?.getAttribute('href') })),
    );
    assert.equal(dots.length, 36);
    assert.ok(dots.some((d) => /^Postmortem: incident 4 \(2024-03-05\): time to detect 35 min$/.test(d.tip)));
    const medians = await page.$$eval('table.stats tbody tr', (rows) => rows.map((r) => r.textContent));
    assert.match(medians[0] ?? '', /^Time to detect1210 min \(mean 37 min\)/);
    // Categories: the months from January to December, stacked.
    const categoryBars = await page.$$eval('svg[aria-labelledby="ca-title ca-desc"] rect', (r) => r.length);
    assert.ok(categoryBars >= 10, `${categoryBars} category bars`);
    // Repeat causes, each postmortem linked to its file (relative to the report's folder).
    const repeats = await page.$$eval('table.repeats tbody tr', (rows) =>
      rows.map((r) => ({
        cells: [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent),
        hrefs: [...r.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
      })),
    );
    assert.ok(
      repeats.some((r) => r.cells.join('|') === 'checkout|config|3'),
      JSON.stringify(repeats),
    );
    for (const href of repeats.flatMap((r) => r.hrefs)) {
      assert.ok(existsSync(join(root, 'out', decodeURIComponent(href))), href);
    }
    // Actions: owned, unassigned and done per owner; the open ones by age.
    const ownerBars = await page.$$eval('svg[aria-labelledby="ow-title ow-desc"] rect', (r) =>
      r.map((x) => x.getAttribute('fill')),
    );
    assert.ok(ownerBars.includes('#D55E00') && ownerBars.includes('#009E73'));
    const ageDesc = await page.$eval('#ag-desc', (d) => d.textContent);
    assert.match(ageDesc ?? '', /6–12 months: \d+ \(\d+ without an owner\)/);
    const legend = await page.$$eval('.legend li', (li) => li.map((l) => l.textContent?.trim()));
    assert.ok(legend.includes('SEV1') && legend.includes('Time to detect') && legend.includes('Open, no owner'));
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('file://')),
      [],
    );
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'report.png'), fullPage: true });
    // And each section on its own (report-<id>.png), to look at one plot at a time.
    for (const section of await page.$$('main > section:has(h2[id])')) {
      const id = await section.$eval('h2', (h) => h.id);
      await section.screenshot({ path: join(ROOT, 'test-results', `report-${id}.png`) });
    }
    await page.close();
  });
});
