// `postmortem report`: one self-contained HTML page, checked in headless Chromium with a screenshot
// (test-results/report.png) and with no request leaving the page.
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
    files[`postmortems/${date}-incident-${i + 1}.md`] = `---
title: Incident ${i + 1}
date: ${date}
severity: ${severity}
---

# Postmortem: incident ${i + 1}
${i % 2 === 0 ? `\n## Impact\n\nAbout ${i + 1}% of API requests failed.\n` : ''}
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
    assert.equal(await runReport(['--out', 'out/report.html'], io), 0);
    assert.match(out.stderr, /Wrote out\/report.html: 12 postmortems/);
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    // Self-contained: no script, no stylesheet or image to fetch.
    assert.doesNotMatch(html, /<script|<link\b|<img\b|@import|url\(/i);
    assert.match(html, /Incidents per month, by severity/);
    assert.match(html, /Incidents \(count\)/);
    assert.match(html, /Time from start of impact \(log scale\)/);
    assert.match(html, /Open actions \(count\)/);
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
    assert.equal(plots.length, 4);
    for (const p of plots) assert.ok(p.width > 600, `${p.title} is ${p.width}px wide`);
    const bars = await page.$$eval('svg[aria-labelledby="pm-title pm-desc"] rect', (r) => r.length);
    assert.ok(bars >= 10, `${bars} bars`);
    const budgetBars = await page.$$eval('svg[aria-labelledby="eb-title eb-desc"] rect', (r) => r.length);
    assert.equal(budgetBars, 12);
    const legend = await page.$$eval('.legend li', (li) => li.map((l) => l.textContent?.trim()));
    assert.ok(legend.includes('SEV1') && legend.includes('Time to detect') && legend.includes('No owner'));
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('file://')),
      [],
    );
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'report.png'), fullPage: true });
    await page.close();
  });
});
