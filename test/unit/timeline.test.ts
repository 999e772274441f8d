// The timeline core: stamps, zones, midnight crossings, dates from subsections and statements, milestones
// (inferred, marked, frontmatter), and the real corpus read without a crash.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getIncidentMetrics, getMilestones, getTimeline, type PostmortemModel } from '../../server/src/core';
import { readStamp } from '../../server/src/core/timeline/stamp';
import { parseZone } from '../../server/src/core/timeline/zones';
import { analyzeText } from '../helpers/analyze';

function model(text: string): PostmortemModel {
  const m = analyzeText(text).model;
  assert.ok(m);
  return m;
}

const doc = (body: string, frontmatter = '') =>
  `${frontmatter ? `---\n${frontmatter}\n---\n\n` : ''}# Postmortem: test\n\n## Timeline\n\n${body}\n`;

describe('readStamp', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['09:12 alert', { clock: { hour: 9, minute: 12 } }],
    ['[08:47] Prow bump', { clock: { hour: 8, minute: 47 } }],
    ['**2019-10-20 00:55: crate builds', { date: { year: 2019, month: 10, day: 20 }, clock: { hour: 0, minute: 55 } }],
    ['2:54 PM PST: merged', { clock: { hour: 14, minute: 54 }, zone: 'UTC-8' }],
    ['13:14 EDT (17:14 UTC): A user', { clock: { hour: 13, minute: 14 }, zone: 'UTC-4' }],
    ['Feb 28th **01:52** `@q`', { date: { month: 2, day: 28 }, clock: { hour: 1, minute: 52 } }],
    ['18:30, Nov 27, 2025', { date: { year: 2025, month: 11, day: 27 }, clock: { hour: 18, minute: 30 } }],
    ['2024-05-14T09:12:00+02:00 deploy', { date: { year: 2024, month: 5, day: 14 }, zone: 'UTC+2' }],
    ['2021-08-27: At 12:50:07 UTC, exploited', { clock: { hour: 12, minute: 50, second: 7 }, zone: 'UTC' }],
    ['12:05 AM reset', { clock: { hour: 0, minute: 5 } }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const stamp = readStamp(text);
      assert.ok(stamp && !stamp.problem, `no stamp in ${text}: ${stamp?.problem}`);
      if (expected.clock) assert.deepEqual(stamp.clock, expected.clock);
      if (expected.date) assert.deepEqual(JSON.parse(JSON.stringify(stamp.date)), expected.date);
      if (expected.zone) assert.equal(stamp.zone?.name, expected.zone);
    });
  }
  for (const text of [
    '22:XX more reports',
    '[???] IOPS',
    '25:10 restart',
    '2020-02-30 10:00 fix',
    '20202-01-16 12:00',
    '2023-MM-DD: token',
  ]) {
    it(`reports ${JSON.stringify(text)} as unreadable`, () => assert.ok(readStamp(text)?.problem));
  }
  it('finds no stamp in prose or counts', () => {
    assert.equal(readStamp('1500 users were affected'), undefined);
    assert.equal(readStamp('Released v1.10.8 on Tuesday'), undefined);
  });
});

describe('parseZone', () => {
  it('knows abbreviations, names, IANA zones and offsets', () => {
    assert.equal(parseZone('CET')?.name, 'UTC+1');
    assert.equal(parseZone('AEST')?.name, 'UTC+10');
    assert.equal(parseZone('+02:00')?.name, 'UTC+2');
    assert.equal(parseZone('UTC-5')?.name, 'UTC-5');
    assert.equal(parseZone('Europe/Berlin')?.name, 'Europe/Berlin');
    assert.equal(parseZone('Pacific time')?.name, 'America/Los_Angeles');
    assert.equal(parseZone('local time'), undefined);
  });
});

describe('getTimeline', () => {
  it('reads a list with the zone stated in a sentence, crossing midnight', () => {
    const t = getTimeline(model(doc('All times are in CET.\n\n- 23:50 Batch alert fires.\n- 00:20 Batch paused.')));
    assert.equal(t.entries.length, 2);
    assert.equal(t.sections[0].zone?.name, 'UTC+1');
    const [a, b] = t.entries;
    assert.equal(b.crossedMidnight, true);
    assert.equal(((b.instant?.ms ?? 0) - (a.instant?.ms ?? 0)) / 60_000, 30);
  });
  it('recognises a timeline heading with a note and keeps the zone the note gives', () => {
    const text = '# Outage\n\n## Timeline (all times PST)\n\n- 09:00 Deploy starts.\n- 09:20 Errors rise.\n';
    const t = getTimeline(model(text));
    assert.equal(t.entries.length, 2);
    assert.equal(t.sections[0].zone?.name, 'UTC-8');
    assert.equal(t.entries[0].zoneSource, 'heading');
  });
  it('takes the zone from a table header and dates from the cells', () => {
    const t = getTimeline(
      model(doc('| Date and time in CET | Event |\n| --- | --- |\n| 2019-12-04 00:30 | Nodes deleted |')),
    );
    assert.equal(t.entries[0].instant?.iso, '2019-12-04T00:30:00+01:00');
    assert.equal(t.entries[0].zoneSource, 'column');
  });
  it('takes dates from ### subsections and a statement with "unless otherwise noted"', () => {
    const t = getTimeline(
      model(
        `${doc('Unless otherwise noted all events happened on 2019-10-21, all times in UTC.\n\n- **2019-10-20 00:55: builds start failing**\n- 01:38: alerts fired')}\n### 2019-10-22\n\n- 09:00 Review\n`,
      ),
    );
    assert.deepEqual(
      t.entries.map((e) => e.instant?.iso),
      ['2019-10-20T00:55:00Z', '2019-10-21T01:38:00Z', '2019-10-22T09:00:00Z'],
    );
  });
  it('reads the timezone of the heading, the frontmatter, and carries an entry zone forward', () => {
    assert.equal(getTimeline(model('# P\n\n## Timeline (UTC)\n\n- 09:00 x\n')).entries[0].instant?.zone, 'UTC');
    assert.equal(
      getTimeline(model(doc('- 09:00 x', 'timezone: Europe/Berlin'))).entries[0].instant?.zone,
      'Europe/Berlin',
    );
    const carried = getTimeline(model(doc('- 11:54 PM PST: merged\n- 1:49 AM: unresponsive')));
    assert.equal(carried.entries[1].zoneSource, 'previous-entry');
    assert.equal(carried.entries[1].crossedMidnight, true);
  });
  it('notes "local time" as no timezone', () => {
    const t = getTimeline(model(doc('All times are local time.\n\n- 09:00 x')));
    assert.equal(t.sections[0].zone, undefined);
    assert.equal(t.sections[0].localTime?.text, 'local time');
  });
  it('reads bold-time paragraphs, plain code blocks and MDX timeline components', () => {
    assert.equal(getTimeline(model(doc('**09:00** Deploy.\n\n**09:10** Errors begin.'))).entries.length, 2);
    assert.equal(getTimeline(model(doc('```\n10:00 workers moved\n10:05 backlog drained\n```'))).entries.length, 2);
    const mdx = getTimeline(
      model(
        doc(
          '<TimelineTable\n  entries={[\n    { time: "18:30, Nov 27, 2025", event: "Config change deployed." },\n  ]}\n/>',
        ),
      ),
    );
    assert.equal(mdx.entries[0].instant?.date, '2025-11-27');
  });
  it('gives every entry its source range', () => {
    const text = doc('- 09:00 Deploy.');
    const entry = getTimeline(model(text)).entries[0];
    assert.equal(text.slice(entry.range.start, entry.range.end), '09:00 Deploy.');
    assert.equal(text.slice(entry.stamp?.start, entry.stamp?.end), '09:00');
  });
});

describe('getMilestones', () => {
  const text = doc(
    'All times UTC.\n\n- 09:04 The pool size change is deployed.\n- 09:12 Error rate on checkout begins to rise.\n- 09:15 p99 latency alert fires; on-call paged.\n- 09:20 A PR to roll back is opened.\n- 09:42 The change is rolled back; error rate back to normal.\n- 11:05 Fix deployed; incident resolved.',
  );
  it('infers the start of impact after the trigger, and each milestone with why', () => {
    const ms = getMilestones(model(text));
    const at = Object.fromEntries(ms.map((m) => [m.kind, m.instant?.clock]));
    assert.deepEqual(at, { started: '09:12', detected: '09:15', mitigated: '09:42', resolved: '11:05' });
    assert.ok(ms.every((m) => m.source === 'inferred' && m.why.length > 0));
  });
  it('lets markers and then frontmatter override the wording', () => {
    const marked = text.replace('deployed.\n', 'deployed. <!-- milestone: started -->\n');
    assert.equal(getMilestones(model(marked)).find((m) => m.kind === 'started')?.instant?.clock, '09:04');
    const fm = doc(text.split('## Timeline\n\n')[1], 'started: "09:10"\ndetected: 2024-05-14T09:16:00Z');
    const ms = getMilestones(model(fm));
    assert.equal(ms.find((m) => m.kind === 'started')?.source, 'frontmatter');
    assert.equal(ms.find((m) => m.kind === 'started')?.instant?.clock, '09:10');
    assert.equal(ms.find((m) => m.kind === 'detected')?.instant?.iso, '2024-05-14T09:16:00Z');
  });
  it('reads milestones from what happens to the service: traffic drops, a replacement is deployed', () => {
    const ms = getMilestones(
      model(
        doc(
          'All times UTC, 2024-05-01.\n\n- 00:00 certificate expires; partner traffic drops to zero\n- 01:47 first partner reports failures through the support portal\n- 02:05 the new certificate is issued and deployed',
        ),
      ),
    );
    const at = Object.fromEntries(ms.map((m) => [m.kind, m.instant?.clock]));
    assert.deepEqual(at, { started: '00:00', detected: '01:47', mitigated: '02:05', resolved: '02:05' });
    assert.match(ms[0].why, /traffic drops/);
  });
  it('takes an action for the mitigation only once a start or detection is known (PyPI, 2023-12-04)', () => {
    const at = (body: string) =>
      Object.fromEntries(getMilestones(model(doc(body))).map((m) => [m.kind, m.instant?.clock]));
    // Before anyone knew, "removes" and "deleted" are the attacker's steps; an email from the user is the report.
    const takeover =
      'All times UTC, 2023-11-22.\n\n- 08:47 `dvolk` removes `meisnate12` as a collaborator on `arrapi`\n- 08:50 `meisnate12` account is deleted\n- 14:33 admin@pypi.org receives an email from the address associated with the account\n- 14:46 A PyPI Admin disables the `dvolk` account\n- 15:53 PyPI Admins close the incident';
    assert.deepEqual(at(takeover), { detected: '14:33', mitigated: '14:46', resolved: '15:53' });
    // With nothing known before it, an action is no mitigation; a plain outcome still is.
    assert.equal(
      at('- 2024-06-21 images removed from Docker Hub for reasons unrelated to this report').mitigated,
      undefined,
    );
    assert.equal(at('- 2024-05-01 10:00 uploads succeed again').mitigated, '10:00');
  });
  it('ends the impact when the wording says the service works again, not at the first action', () => {
    const text =
      '# Upload outage\n\n## Impact\n\nUploads failed for 70 minutes.\n\n## Timeline\n\nAll times UTC, 2024-05-01.\n\n- 22:05 Upload errors begin.\n- 22:12 The upload alert fires.\n- 22:40 We roll the storage client back.\n- 23:15 Uploads succeed again.\n- 23:50 The incident is resolved.\n';
    const metrics = getIncidentMetrics(model(text));
    assert.equal(metrics.mitigated?.clock, '23:15');
    assert.equal(metrics.durationMinutes, 70);
  });
  it('cross-checks the end of impact with the duration the document states', () => {
    const body =
      'All times UTC, 2024-05-01.\n\n- 22:05 Upload errors begin.\n- 22:12 The upload alert fires.\n- 22:40 Error rate is back to normal for most users.\n- 23:15 Storage client restarted on the last hosts.\n- 23:50 The incident is resolved.\n';
    const stated = `# Upload outage\n\n## Impact\n\nUploads failed for 70 minutes.\n\n## Timeline\n\n${body}`;
    const end = getMilestones(model(stated)).find((m) => m.kind === 'mitigated');
    assert.equal(end?.instant?.clock, '23:15');
    assert.match(end?.why ?? '', /matches the impact duration the document states \("for 70 minutes"\)/);
    // Without a stated figure, or with one the wording agrees with, the wording decides.
    const unstated = `# Upload outage\n\n## Impact\n\nUploads failed.\n\n## Timeline\n\n${body}`;
    assert.equal(getMilestones(model(unstated)).find((m) => m.kind === 'mitigated')?.instant?.clock, '22:40');
    const agrees = stated.replace('for 70 minutes', 'for about 35 minutes');
    assert.equal(getMilestones(model(agrees)).find((m) => m.kind === 'mitigated')?.instant?.clock, '22:40');
  });
  it('ignores denied and intended actions', () => {
    const ms = getMilestones(
      model(
        doc(
          '- 10:00 Errors begin.\n- 10:05 Alert fires.\n- 10:30 The issue is not resolved yet.\n- 10:40 Trying to fix the config.',
        ),
      ),
    );
    assert.equal(
      ms.find((m) => m.kind === 'resolved'),
      undefined,
    );
  });
});

describe('the real corpus', () => {
  const dir = join(__dirname, '..', 'corpus', 'real');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(`reads ${file} without a crash`, () => {
      const m = model(readFileSync(join(dir, file), 'utf8'));
      const t = getTimeline(m);
      for (const e of t.entries) {
        assert.ok(e.range.start <= e.range.end);
        if (e.status === 'parsed') assert.ok(Number.isFinite(e.instant?.ms));
      }
      getMilestones(m);
    });
  }
  it('finds most timelines and reads most of their entries', () => {
    let timelines = 0;
    let parsed = 0;
    let total = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const t = getTimeline(model(readFileSync(join(dir, file), 'utf8')));
      if (t.entries.length > 0) timelines++;
      total += t.entries.length;
      parsed += t.entries.filter((e) => e.status === 'parsed').length;
    }
    assert.ok(timelines >= 30, `${timelines} timelines`);
    assert.ok(parsed / total > 0.9, `${parsed} of ${total} parsed`);
  });
});
