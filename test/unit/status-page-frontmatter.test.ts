// Status pages kept as Markdown (cState, a Hugo theme) write their incidents' front matter in their own words:
// `resolved: true` with the time in `resolvedWhen`, and a severity of down / disrupted / notice. They are read, not
// reported as invalid values; Statuspage's component states (major outage, partial outage, degraded performance)
// are severities too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { severityLevel } from '../../server/src/core/metadata/severity';
import { getMilestones } from '../../server/src/core/timeline';
import { analyzeText } from '../helpers/analyze';

const page = (front: string) =>
  `---\ntitle: API errors\ndate: 2024-03-02 10:00:00\n${front}\naffected:\n  - API\nsection: issue\n---\n\nThe API returned errors for some requests until the bad nodes were restarted.\n`;

describe('status page front matter', () => {
  it("takes cState's resolved flag, resolvedWhen and severity words without an invalid-value error", () => {
    const result = analyzeText(page('resolved: true\nresolvedWhen: 2024-03-02 11:30:00\nseverity: disrupted'));
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'metadata/invalid-value' || f.ruleId === 'metadata/unknown-key'),
      [],
    );
    assert.ok(result.model);
    assert.equal(severityLevel(result.model), 2);
    const resolved = getMilestones(result.model).find((m) => m.kind === 'resolved');
    assert.equal(resolved?.source, 'frontmatter');
    assert.match(resolved?.why ?? '', /resolvedWhen/);
  });

  it('reads the severity words of status pages as levels, and still reports a value that is none', () => {
    const level = (s: string) => {
      const { model } = analyzeText(page(`severity: ${s}`));
      assert.ok(model);
      return severityLevel(model);
    };
    assert.deepEqual(
      ['down', 'notice', 'major outage', 'partial outage', 'degraded performance'].map(level),
      [1, 4, 1, 2, 3],
    );
    const bad = analyzeText(page('severity: purple')).findings.filter((f) => f.ruleId === 'metadata/invalid-value');
    assert.equal(bad.length, 1);
    // A resolved time is still checked when written as one.
    const time = analyzeText(page('resolved: yesterday-ish')).findings.filter(
      (f) => f.ruleId === 'metadata/invalid-value',
    );
    assert.equal(time.length, 1);
  });
});
