// The editor's settings: postmortem.rules turns a rule off or changes its severity from the settings UI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, defaultConfig } from '../../server/src/core';
import {
  debounceFor,
  FAST_ANALYSIS_MS,
  MAX_DEBOUNCE_MS,
  normaliseSettings,
  RecentAnalysisTimes,
  withSettingsSeverities,
} from '../../server/src/lsp/settings';
import { RULES } from '../../server/src/rules';

const TEXT = '# Postmortem: x\n\n## Summary\n\nDave pushed a bad config.\n';

describe('lsp: per-rule severities from the settings', () => {
  it('keeps only known severities ("default" and junk are left out)', () => {
    const s = normaliseSettings({
      rules: { 'structure/required-section': 'off', 'blame/judgment': 'default', x: 3, 'impact/unquantified': 'info' },
    });
    assert.deepEqual(s.rules, { 'structure/required-section': 'off', 'impact/unquantified': 'info' });
  });

  it("turns a rule off and changes another one's severity in the analysis", () => {
    const base = defaultConfig(RULES);
    const before = analyze(TEXT, base, RULES).findings;
    assert.ok(before.some((f) => f.ruleId === 'structure/required-section' && f.severity === 'error'));
    const config = withSettingsSeverities(base, { 'structure/required-section': 'off' });
    assert.ok(!analyze(TEXT, config, RULES).findings.some((f) => f.ruleId === 'structure/required-section'));
    assert.equal(base.rules.get('structure/required-section')?.severity, 'error', 'the config is not changed');
  });

  it('ranks by default: naming a person as the cause above a missing ticket, a missing section above both', () => {
    const rank = { info: 0, warning: 1, error: 2 } as const;
    const severity = (id: string) => rank[RULES.find((r) => r.id === id)?.defaultSeverity ?? 'info'];
    assert.ok(severity('blame/named-individual') > severity('action-items/missing-tracking'));
    assert.ok(severity('structure/required-section') > severity('blame/named-individual'));
  });

  it('lists every rule in the settings UI (package.json, generated)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const rules = pkg.contributes.configuration.properties['postmortem.rules'];
    assert.deepEqual(
      Object.keys(rules.properties),
      RULES.map((r) => r.id),
    );
    // The descriptions are package.nls.json's (l10n-ready).
    const nls = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.nls.json'), 'utf8'));
    assert.match(nls[rules.markdownDescription.slice(1, -1)], /\.postmortemrc/);
  });
});

describe('lsp: the debounce adapts to the last analysis time', () => {
  it('is none for a fast document, the setting for a typical one, the last analysis time for a slow one', () => {
    assert.equal(debounceFor(250, undefined), 250, 'before a first analysis, the setting');
    assert.equal(debounceFor(250, 12), 0);
    assert.equal(debounceFor(250, FAST_ANALYSIS_MS), 0);
    assert.equal(debounceFor(250, 80), 250);
    assert.equal(debounceFor(250, 612.4), 612);
    assert.equal(debounceFor(250, 9000), MAX_DEBOUNCE_MS);
    assert.equal(debounceFor(0, 9000), 0, 'a setting of 0 is "at once" for every document');
    assert.equal(debounceFor(1000, 80), 1000);
  });

  it('reads the median of the recent analyses: one slow analysis does not slow a fast document down', () => {
    const times = new RecentAnalysisTimes();
    assert.equal(times.typical(), undefined);
    for (const ms of [12, 9, 140, 11]) times.add(ms);
    assert.equal(debounceFor(250, times.typical()), 0, 'one slow analysis among fast ones');
    times.add(150);
    times.add(160);
    assert.equal(times.typical(), 140, 'most of the last five were slow');
    assert.equal(debounceFor(250, times.typical()), 250);
    for (const ms of [10, 10, 10]) times.add(ms);
    assert.equal(debounceFor(250, times.typical()), 0, 'fast again: only the last five count');
  });
});
