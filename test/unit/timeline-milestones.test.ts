// Milestones read from what happens to the service and its users (issue 13), and the end and start of impact
// cross-checked with the duration the document states. The examples are written for these tests; the issue's own
// wording is in timeline.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getIncidentMetrics, getMilestones, type PostmortemModel } from '../../server/src/core';
import { statedImpactMinutes } from '../../server/src/core/timeline/impact-end';
import { findCues } from '../../server/src/core/timeline/lexicon';
import { analyzeText } from '../helpers/analyze';

function model(text: string): PostmortemModel {
  const m = analyzeText(text).model;
  assert.ok(m);
  return m;
}

const doc = (timeline: string, impact = '') =>
  `# Postmortem: test\n\n${impact ? `## Impact\n\n${impact}\n\n` : ''}## Timeline\n\nAll times UTC, 2024-03-02.\n\n${timeline}\n`;

/** The clock time of each milestone found. */
function at(text: string): Record<string, string | undefined> {
  return Object.fromEntries(getMilestones(model(text)).map((m) => [m.kind, m.instant?.clock]));
}

const kinds = (text: string) => findCues(text).map((c) => c.cue.kind);

describe('milestones from the service and its users', () => {
  it('starts a leak when data containing a secret leaves, and ends it when the harm stops', () => {
    const text = doc(
      '- 14:02 A nightly export containing customer passwords is uploaded to a public bucket.\n- 14:31 A researcher reports the open bucket to security.\n- 14:40 The bucket is made private, stopping further downloads.\n- 16:10 Every exported password is rotated; no further action is required.',
    );
    assert.deepEqual(at(text), { started: '14:02', detected: '14:31', mitigated: '14:40', resolved: '16:10' });
  });
  it('reads the secret only as the head of what was sent, not as a word in a change', () => {
    assert.ok(!kinds('We pushed a commit containing the token rotation fix.').includes('started'));
    assert.ok(
      kinds('A debug image containing a token for the deploy bot is pushed to the registry.').includes('started'),
    );
  });
  it('reads a system falling into a failure mode or running out of what it needs', () => {
    assert.ok(kinds('The primary database goes into read-only mode; writes fail.').includes('started'));
    assert.ok(kinds('The job queue runs out of memory and workers restart.').includes('started'));
    assert.ok(kinds('Autoscaling stops: not enough free IP addresses in the subnet.').includes('started'));
  });
  it('takes a consequence for a fact and an intention for none', () => {
    assert.ok(kinds('A bad route is added, causing the gateway to go into degraded mode.').includes('started'));
    assert.ok(!kinds('Ops may need to go into read-only mode if the disk fills.').includes('started'));
    assert.ok(!kinds('We will try to stop further retries.').includes('mitigated'));
  });
  it('ends the impact when the service is up and running again, resolves when it is corrected or patched', () => {
    const text = doc(
      '- 08:00 Search requests start failing.\n- 08:06 The search alert fires.\n- 08:20 Search nodes are up and running again.\n- 09:15 The broken mapping is corrected and the cluster patched.',
    );
    assert.deepEqual(at(text), { started: '08:00', detected: '08:06', mitigated: '08:20', resolved: '09:15' });
  });
  it('mitigates with a destroyed or rotated credential once the report is in', () => {
    const text = doc(
      '- 10:00 A contributor reports their discovery of a leaked signing key.\n- 10:12 The signing key is destroyed and a new one issued.',
    );
    assert.deepEqual(at(text), { detected: '10:00', mitigated: '10:12' });
  });
  it('reads a denial across auxiliaries: "has not yet been identified" is no detection', () => {
    assert.deepEqual(kinds('The cause has not yet been identified; a workaround is drafted.'), []);
    assert.deepEqual(kinds('The cause has been identified.'), ['detected']);
  });
  it('reads "no more errors were seen" as the harm stopping and "no further action" as the resolution', () => {
    assert.deepEqual(kinds('Audit done; no further action was required.'), ['resolved']);
    assert.deepEqual(kinds('No more errors were seen after the restart.'), ['mitigated']);
  });
});

describe('a fix that ships in two steps', () => {
  const base =
    '- 11:00 Image resizing starts failing for every upload.\n- 11:04 The resize alert fires.\n- 11:20 The resizer is rolled back to 3.1.\n- 12:05 PR 881 (Fix EXIF orientation parsing) is merged and deployed to staging.';
  it('resolves at the deployment to production that follows the fix', () => {
    const text = doc(`${base}\n- 12:40 The staging build is promoted to production.`);
    const resolved = getMilestones(model(text)).find((m) => m.kind === 'resolved');
    assert.equal(resolved?.instant?.clock, '12:40');
    assert.match(resolved?.why ?? '', /the fix reached production/);
  });
  it('takes no deployment without a fix before it, nor one that is only planned', () => {
    assert.equal(at(doc(base.replace('(Fix EXIF orientation parsing)', '(Tidy logging)'))).resolved, undefined);
    assert.equal(
      at(
        doc(
          base.replace('(Fix EXIF orientation parsing)', '(Tidy logging)') +
            '\n- 12:40 The build is promoted to production.',
        ),
      ).resolved,
      undefined,
    );
    assert.equal(at(doc(`${base}\n- 12:40 The build will be promoted to production tomorrow.`)).resolved, undefined);
  });
});

describe('the impact duration the document states', () => {
  const stated = (impact: string) => statedImpactMinutes(model(doc('- 10:00 x', impact)))?.minutes;
  it('reads a period, a compound adjective and a time to recovery', () => {
    assert.equal(stated('Payments could not be taken for a period of 25 minutes.'), 25);
    assert.equal(stated('It was a 40-minute outage for most users.'), 40);
    assert.equal(stated('We had a 2 hour partial outage.'), 120);
    assert.equal(
      statedImpactMinutes(model(`${doc('- 10:00 x')}\n## Stats\n\n- Time to recovery: 1 hour 5 minutes\n`))?.minutes,
      65,
    );
  });
  it('takes no count for a duration', () => {
    assert.equal(stated('About 3.7M requests failed.'), undefined);
  });
});

describe('the start of impact from the stated duration', () => {
  const timeline =
    '- 09:40 Version 4.2 is promoted to production.\n- 09:58 The checkout alert pages the on-call.\n- 10:05 Version 4.2 is rolled back.';
  it('takes the entry that long before the end of impact when the wording gives no start', () => {
    const text = doc(timeline, 'Checkout failed for 25 minutes.');
    const started = getMilestones(model(text)).find((m) => m.kind === 'started');
    assert.equal(started?.instant?.clock, '09:40');
    assert.match(started?.why ?? '', /states how long the impact lasted \("for 25 minutes"\)/);
    assert.equal(getIncidentMetrics(model(text)).durationMinutes, 25);
  });
  it('takes none without a figure, without an entry at that time, or after the detection', () => {
    assert.equal(at(doc(timeline)).started, undefined);
    assert.equal(at(doc(timeline, 'Checkout failed for 50 minutes.')).started, undefined);
    // 10:05 − 1 minute is 10:04, after the page at 09:58: the impact had begun before anyone was paged.
    assert.equal(
      at(doc(`${timeline}\n- 10:04 Traffic is shifted.`, 'Checkout failed for 1 minute.')).started,
      undefined,
    );
  });
  it('leaves a start the wording gives alone', () => {
    const text = doc(
      '- 09:40 Version 4.2 is promoted to production.\n- 09:50 Checkout errors begin.\n- 09:58 The checkout alert pages the on-call.\n- 10:05 Version 4.2 is rolled back.',
      'Checkout failed for 25 minutes.',
    );
    assert.equal(at(text).started, '09:50');
  });
});
