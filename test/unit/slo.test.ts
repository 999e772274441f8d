// SLO and error budget (issue 14): the computation on known inputs, the declarations, the stated share, and
// `postmortem metrics` parsed back.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runMetrics } from '../../server/src/cli/commands/metrics';
import {
  computeBudget,
  configSlos,
  errorBudget,
  frontmatterShare,
  frontmatterSlos,
  getErrorBudget,
  percentText,
  sharesIn,
  targetPercent,
  windowMinutes,
} from '../../server/src/core/slo';
import { codeLenses } from '../../server/src/lsp/code-lens';
import { postmortemSummary } from '../../server/src/lsp/postmortem-view';
import { analyzeText, configWith } from '../helpers/analyze';
import { capturingIo } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const DOC = `---
title: Checkout errors
date: 2024-05-14
severity: SEV2
services: [checkout]
slo: { target: 99.9, window: 30d, sli: availability }
---

# Checkout errors

## Summary

A configuration push broke part of checkout.

## Impact

About 25% of checkout requests failed with a 500.

## Timeline

All times UTC.

- 2024-05-14 09:12 Config change deployed; checkout error rate rises. <!-- milestone: started -->
- 09:15 Alert fires.
- 09:42 Change rolled back; errors stop. <!-- milestone: mitigated -->
`;

describe('computeBudget', () => {
  it('gives exact minutes and shares for known inputs', () => {
    // 99.9% over 30 days: 43 200 min × 0.1% = 43.2 min of budget.
    assert.deepEqual(computeBudget({ targetPercent: 99.9, windowMinutes: 43_200, impactMinutes: 30, share: 0.25 }), {
      budgetMinutes: 43.2,
      consumedMinutes: 7.5,
      budgetShare: 0.1736,
    });
    // 99.99% over 28 days: 4.032 min; a full 10-minute outage burns 248% of it.
    assert.deepEqual(computeBudget({ targetPercent: 99.99, windowMinutes: 40_320, impactMinutes: 10, share: 1 }), {
      budgetMinutes: 4.03,
      consumedMinutes: 10,
      budgetShare: 2.4802,
    });
    // 99.5% over 7 days: 50.4 min; 5% of requests for 2 h = 6 min, 11.9%.
    assert.deepEqual(computeBudget({ targetPercent: 99.5, windowMinutes: 10_080, impactMinutes: 120, share: 0.05 }), {
      budgetMinutes: 50.4,
      consumedMinutes: 6,
      budgetShare: 0.119,
    });
  });
  it('writes percents for people', () => {
    assert.equal(percentText(0.1736), '17%');
    assert.equal(percentText(0.0463), '4.6%');
    assert.equal(percentText(0.0004), '0.04%');
    assert.equal(percentText(2.4802), '248%');
  });
});

describe('SLO declarations', () => {
  it('reads targets and windows as teams write them', () => {
    assert.equal(targetPercent(99.9), 99.9);
    assert.equal(targetPercent('99.95%'), 99.95);
    assert.equal(targetPercent(0.999), 99.9);
    assert.equal(targetPercent(100), undefined);
    assert.equal(targetPercent('high'), undefined);
    assert.equal(windowMinutes('30d'), 43_200);
    assert.equal(windowMinutes('4w'), 40_320);
    assert.equal(windowMinutes('28 days'), 40_320);
    assert.equal(windowMinutes('month'), 43_200);
    assert.equal(windowMinutes(7), 10_080);
    assert.equal(windowMinutes(undefined), 43_200);
    assert.equal(windowMinutes('soon'), undefined);
  });
  it('takes one SLO or a list from the frontmatter, and the config by service or "*"', () => {
    const list = frontmatterSlos({ slo: [{ target: 99.9 }, { target: '99%', window: '7d', sli: 'latency' }] });
    assert.deepEqual(
      list.map((s) => [s.targetPercent, s.window, s.windowMinutes, s.sli]),
      [
        [99.9, '30d', 43_200, undefined],
        [99, '7d', 10_080, 'latency'],
      ],
    );
    const slos = { Checkout: { target: 99.95 }, '*': { target: 99 } };
    assert.deepEqual(
      configSlos(slos, ['checkout']).map((s) => [s.service, s.targetPercent]),
      [['Checkout', 99.95]],
    );
    assert.deepEqual(
      configSlos(slos, ['search']).map((s) => [s.service, s.targetPercent]),
      [['*', 99]],
    );
  });
  it('accepts slo in the frontmatter schema (no invalid-value or unknown-key)', () => {
    const { findings } = analyzeText(DOC);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'metadata/invalid-value' || f.ruleId === 'metadata/unknown-key'),
      [],
    );
    const bad = analyzeText(DOC.replace('target: 99.9', 'target: 140'));
    assert.ok(bad.findings.some((f) => f.ruleId === 'metadata/invalid-value' && f.message.includes('slo')));
  });
});

describe('stated share', () => {
  it('reads percents, fractions and totals', () => {
    const share = (text: string) => sharesIn(text)[0]?.share;
    assert.equal(share('About 5% of requests failed.'), 0.05);
    assert.equal(share('**12.5%** of all incoming API requests'), 0.125);
    assert.equal(share('a third of users could not log in'), 1 / 3);
    assert.equal(share('one in 20 checkouts failed'), 0.05);
    assert.equal(share('all customers in the EU region saw errors'), 1);
    assert.equal(share('removed the action from all repositories'), undefined);
    assert.equal(share('deleted all account data for three users'), undefined);
    assert.equal(share('a complete outage of the API'), 1);
    assert.equal(share('the error rate peaked at 8%'), 0.08);
    assert.equal(share('CPU at 95% on the database'), undefined);
  });
});

describe('getErrorBudget', () => {
  it('computes the budget from the timeline and the stated share, with its sources', () => {
    const { model } = analyzeText(DOC);
    assert.ok(model);
    const budget = getErrorBudget(model);
    assert.equal(budget.status, 'ok');
    assert.equal(budget.duration?.minutes, 30);
    assert.equal(budget.duration?.inferred, false);
    assert.equal(budget.share.value, 0.25);
    assert.equal(budget.estimate, false);
    assert.equal(budget.worst?.consumedMinutes, 7.5);
    assert.equal(budget.worst?.budgetShare, 0.1736);
    const sentence = budget.share.stated?.sentence;
    assert.ok(sentence);
    assert.equal(model.text.slice(sentence.start, sentence.end), 'About 25% of checkout requests failed with a 500.');
    assert.equal(budget.sentence, 'Error budget: 17% of 30d (7.5 min of 43.2 min, 99.9% availability)');
  });
  it("takes the frontmatter's impact_share over the text's, and points at it", () => {
    const doc = DOC.replace('slo: {', 'impact_share: 10%\nslo: {');
    const { model, findings } = analyzeText(doc);
    assert.ok(model);
    const budget = getErrorBudget(model);
    assert.equal(budget.share.value, 0.1);
    assert.equal(budget.share.stated?.where, 'frontmatter');
    const range = budget.share.stated?.range;
    assert.ok(range);
    assert.equal(model.text.slice(range.start, range.end), '10%');
    assert.equal(budget.worst?.consumedMinutes, 3);
    assert.match(budget.notes.join(' '), /10% affected, from "impact_share: 10%" \(frontmatter\)/);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'metadata/invalid-value' || f.ruleId === 'metadata/unknown-key'),
      [],
    );
    assert.equal(frontmatterShare(0.05), 0.05);
    assert.equal(frontmatterShare(5), 0.05);
    assert.equal(frontmatterShare(' 12.5 % '), 0.125);
    assert.equal(frontmatterShare('most'), undefined);
    assert.equal(frontmatterShare(0), undefined);
    // Unreadable: the text's share is used, and the schema check says why.
    const bad = analyzeText(DOC.replace('slo: {', 'impact_share: most users\nslo: {'));
    assert.ok(bad.model);
    assert.equal(getErrorBudget(bad.model).share.value, 0.25);
    assert.ok(bad.findings.some((f) => f.ruleId === 'metadata/invalid-value' && f.message.includes('impact_share')));
  });
  it('assumes 100% and says so when no share is stated; no SLO, no budget', () => {
    const slos = [{ targetPercent: 99.9, windowMinutes: 43_200, window: '30d', source: 'config' as const }];
    const duration = {
      minutes: 20,
      source: 'stated' as const,
      inferred: true,
      ranges: [],
      text: 'stated: "for 20 minutes"',
    };
    const b = errorBudget(slos, duration, undefined);
    assert.equal(b.share.assumed, true);
    assert.equal(b.estimate, true);
    assert.equal(b.worst?.consumedMinutes, 20);
    assert.match(b.notes.join(' '), /100% assumed/);
    assert.equal(
      b.sentence,
      'Error budget: ~46% of 30d (20 min of 43.2 min, 99.9%) · estimate: impact from a stated duration, 100% affected assumed',
    );
    assert.equal(errorBudget([], duration, undefined).status, 'no-slo');
    assert.equal(errorBudget(slos, undefined, undefined).status, 'no-duration');
  });
  it('takes the config SLO for the declared service when the frontmatter has none', () => {
    const text = DOC.replace(/^slo:.*\n/m, '');
    const config = configWith({ slos: { checkout: { target: 99.5, window: '7d' } } });
    const { model } = analyzeText(text);
    assert.ok(model);
    const b = getErrorBudget(model, config);
    assert.equal(b.worst?.slo.source, 'config');
    assert.equal(b.worst?.budgetMinutes, 50.4);
    assert.equal(getErrorBudget(model).status, 'no-slo');
  });
});

describe('postmortem metrics: error budget', () => {
  it('prints it in JSON with its sources, and in the table', async () => {
    const root = tempTree({ 'postmortems/checkout.md': DOC });
    const { out, io } = capturingIo(root);
    assert.equal(await runMetrics(['--format', 'json'], io), 0);
    const [row] = JSON.parse(out.stdout);
    assert.deepEqual(row.errorBudget, {
      status: 'ok',
      slo: { target: 99.9, window: '30d', sli: 'availability', source: 'frontmatter', service: null },
      impactMinutes: 30,
      impactSource: 'timeline',
      share: 0.25,
      shareAssumed: false,
      consumedMinutes: 7.5,
      budgetMinutes: 43.2,
      budgetPercent: 17.36,
      estimate: false,
      sentence: 'Error budget: 17% of 30d (7.5 min of 43.2 min, 99.9% availability)',
      notes: row.errorBudget.notes,
      sources: [
        { what: 'slo', line: 6, text: 'slo: { target: 99.9, window: 30d, sli: availability }' },
        {
          what: 'impact-start',
          line: 23,
          text: '2024-05-14 09:12 Config change deployed; checkout error rate rises. <!-- milestone: started -->',
        },
        { what: 'impact-end', line: 25, text: '09:42 Change rolled back; errors stop. <!-- milestone: mitigated -->' },
        { what: 'share', line: 17, text: 'About 25% of checkout requests failed with a 500.' },
      ],
    });
    const table = capturingIo(root);
    assert.equal(await runMetrics([], table.io), 0);
    assert.match(table.out.stdout, /error budget/);
    assert.match(table.out.stdout, /17% \(7\.5 min\)/);
  });
  it('applies a --config SLO to every postmortem with "*"', async () => {
    const root = tempTree({ 'postmortems/checkout.md': DOC.replace(/^slo:.*\n/m, '') });
    const configPath = join(root, 'slo.json');
    writeFileSync(configPath, JSON.stringify({ slos: { '*': { target: 99.9, window: '30d' } } }));
    const { out, io } = capturingIo(root);
    assert.equal(await runMetrics(['--format', 'json', '--config', configPath], io), 0);
    const [row] = JSON.parse(out.stdout);
    assert.equal(row.errorBudget.status, 'ok');
    assert.equal(row.errorBudget.slo.service, '*');
    assert.equal(row.errorBudget.budgetPercent, 17.36);
  });
});

describe('the editor: code lens and Postmortem view', () => {
  it('puts the budget on the timeline heading, with its sources in the tooltip', () => {
    const lenses = codeLenses(analyzeText(DOC), { milestoneLenses: false });
    const budget = lenses.find((l) => l.command?.title.startsWith('Error budget'));
    assert.ok(budget);
    assert.equal(budget.command?.title, 'Error budget: 17% of 30d (7.5 min of 43.2 min, 99.9% availability)');
    assert.match(budget.command?.tooltip ?? '', /Line 17 \(share\): About 25% of checkout requests/);
    assert.deepEqual(budget.command?.arguments, ['budget'], 'the view opens at the budget');
    const none = codeLenses(analyzeText(DOC.replace(/^slo:.*\n/m, '')), { milestoneLenses: false });
    assert.ok(!none.some((l) => l.command?.title.startsWith('Error budget')));
    const config = configWith({ slos: { '*': { target: 99.9 } } });
    const fromConfig = codeLenses(analyzeText(DOC.replace(/^slo:.*\n/m, '')), { milestoneLenses: false, config });
    assert.ok(fromConfig.some((l) => l.command?.title.startsWith('Error budget: 17% of 30d')));
  });
  it('sends the budget in postmortem/summary with the ranges of its sentences', () => {
    const summary = postmortemSummary('file:///pm.md', 1, analyzeText(DOC), ['summary']);
    const b = summary.metrics?.errorBudget;
    assert.equal(b?.status, 'ok');
    assert.equal(b?.budgetPercent, 17.36);
    assert.deepEqual(b?.ranges.find((r) => r.what === 'share')?.range, {
      start: { line: 16, character: 0 },
      end: { line: 16, character: 49 },
    });
  });
});
