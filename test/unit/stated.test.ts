// Parts stated inside another section (structure/stated-elsewhere): what counts as clearly present, and the
// quick fix that adds a heading above the sentence without moving any text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, findFigures } from '../../server/src/core';
import { analyzeText, findingsOf } from '../helpers/analyze';

const RULE = 'structure/stated-elsewhere';

function fixOnce(text: string, section: string): string {
  const finding = findingsOf(text, RULE).find((f) => f.data?.section === section);
  assert.ok(finding, `a ${section} finding`);
  const fix = finding.fixes?.[0];
  assert.ok(fix && !fix.safe, 'an editor-only fix');
  return applyEdits(text, fix.edits);
}

describe('structure/stated-elsewhere', () => {
  it('adds a heading above a sentence in the middle of a paragraph, moving no text', () => {
    const text =
      '# Outage\n\n## Summary\n\nA bad deploy broke uploads. About a third of page loads failed for 38 minutes.\n\n## Timeline\n\n- 10:00 UTC Deploy.\n';
    const fixed = fixOnce(text, 'impact');
    assert.equal(
      fixed,
      '# Outage\n\n## Summary\n\nA bad deploy broke uploads.\n\n### Impact\n\nAbout a third of page loads failed for 38 minutes.\n\n## Timeline\n\n- 10:00 UTC Deploy.\n',
    );
    // The part now has a heading: no finding from either rule, and every word of the original is still there.
    const after = analyzeText(fixed).findings.filter(
      (f) => (f.ruleId === RULE || f.ruleId === 'structure/required-section') && f.data?.section === 'impact',
    );
    assert.deepEqual(after, []);
    assert.equal(fixed.replace(/\s+|#+ Impact/g, ''), text.replace(/\s+/g, ''));
  });

  it('adds the heading above a later paragraph, in the document line endings', () => {
    const text =
      '# Outage\r\n\r\nA bad deploy broke uploads.\r\n\r\nAbout 4% of requests failed for 20 minutes.\r\n\r\n## Timeline\r\n';
    assert.equal(
      fixOnce(text, 'impact'),
      '# Outage\r\n\r\nA bad deploy broke uploads.\r\n\r\n## Impact\r\n\r\nAbout 4% of requests failed for 20 minutes.\r\n\r\n## Timeline\r\n',
    );
  });

  it('inserts a section instead when a heading above the sentence would empty its section', () => {
    const text =
      '# Outage\n\n## Summary\n\nAbout 4% of requests failed for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC x\n';
    const fixed = fixOnce(text, 'impact');
    assert.ok(fixed.startsWith('# Outage\n\n## Summary\n\nAbout 4% of requests failed for 20 minutes.\n'));
    assert.match(fixed, /\n## Impact\n\n<!-- .* -->\n/);
  });

  it('keeps structure/required-section silent for a stated part, and reports a part nobody states', () => {
    const text = '# Outage\n\n## Summary\n\nAbout 4% of requests failed for 20 minutes. We rolled the deploy back.\n';
    const missing = findingsOf(text, 'structure/required-section').map((f) => f.data?.section);
    assert.ok(!missing.includes('impact') && !missing.includes('mitigation'));
    assert.ok(missing.includes('root-cause') && missing.includes('timeline'));
    assert.deepEqual(
      findingsOf(text, RULE).map((f) => [f.data?.section, f.severity]),
      [
        ['impact', 'info'],
        ['mitigation', 'info'],
      ],
    );
  });

  it('does not take a version, an "impacted" adjective or a bare "resolved" for a stated part', () => {
    const text = [
      '# Outage',
      '',
      '## Summary',
      '',
      'The v0.0.19 release could not be deployed. We emailed the five users of the impacted organisation.',
      'The issue has been resolved.',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(text, RULE), []);
    const missing = findingsOf(text, 'structure/required-section').map((f) => f.data?.section);
    assert.ok(missing.includes('impact') && missing.includes('mitigation'));
  });
});

describe('the figures that say what failed', () => {
  const figures = (text: string) => findFigures(text).map((f) => `${f.kind}:${f.text}`);
  it('reads a set defined by its failure as no scope ("all the crates that failed", docs.rs 2019-10)', () => {
    assert.deepEqual(figures('all the crates that failed due to the outage were queued for a rebuild'), []);
    assert.deepEqual(figures('all users were affected'), ['scope:all users']);
    assert.deepEqual(figures('All requests which hit eu-west failed'), ['scope:All requests']);
  });
  it("reads a resource's level as no share of the service", () => {
    assert.deepEqual(
      figures('The increased disk usage was gradual over weeks, slowly reaching 100% and causing the outage.'),
      [],
    );
    assert.deepEqual(figures('CPU at 95% and 30% of requests failed'), ['percent:30%']);
  });
  it('counts anything said to be harmed ("a single cask was compromised", Homebrew 2021-04-21)', () => {
    assert.deepEqual(figures('A single cask was compromised with a harmless change'), [
      'count:A single cask was compromised',
    ]);
    assert.deepEqual(figures('Three S3 buckets were exposed'), ['count:Three S3 buckets were exposed']);
    assert.deepEqual(figures('In 2023 we were affected'), []);
  });
});

describe('parts stated in prose (sixth session)', () => {
  const doc = (body: string) =>
    `# Postmortem: API outage\n\n## Summary\n\n${body}\n\n## Timeline\n\n- 10:00 UTC Alert fired.\n`;
  const stated = (body: string) => findingsOf(doc(body), RULE).map((f) => f.data?.section);
  it('finds follow-up actions promised in prose, impact that says who the failure reached, and a cause', () => {
    assert.ok(
      stated('To prevent this from happening again, we will add an alert on certificate expiry.').includes(
        'action-items',
      ),
    );
    assert.ok(stated('During the outage, users could not log in to the dashboard.').includes('impact'));
    assert.ok(stated('The outage happened because the certificate had expired.').includes('root-cause'));
  });
  it('does not take plans without work, or a failure that reached nobody, for those parts', () => {
    const parts = stated('We will publish this report next week. The deploy failed its canary check, as designed.');
    assert.ok(!parts.includes('action-items'), String(parts));
    assert.ok(!parts.includes('impact'), String(parts));
  });
});
