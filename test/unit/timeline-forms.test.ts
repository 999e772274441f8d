// Timelines as teams write them beyond lists and tables: compact 24-hour times ("1506 UTC", "0915Z", "1506 hrs"),
// a heading per entry ("### 5:00 PM", "### 21:24 - Restarted the ingress"), and prose paragraphs whose sentences
// carry their times in the middle ("At 14:05 the alert fired.").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getMilestones, getTimeline, type PostmortemModel } from '../../server/src/core';
import { readStamp } from '../../server/src/core/timeline/stamp';
import { analyzeText, findingsOf } from '../helpers/analyze';

function model(text: string): PostmortemModel {
  const m = analyzeText(text).model;
  assert.ok(m);
  return m;
}

const doc = (body: string) => `# Postmortem: checkout outage\n\n## Timeline\n\n${body}\n`;
const clocks = (text: string) => getTimeline(model(text)).entries.map((e) => e.instant?.clock);
const kinds = (text: string) => getMilestones(model(text)).map((m) => m.kind);

describe('compact 24-hour times', () => {
  const cases: [string, { hour: number; minute: number }, Record<string, unknown>?][] = [
    ['Feb 7 1506 UTC failover starts', { hour: 15, minute: 6 }, { month: 2, day: 7 }],
    ['Feb 7, 1506 UTC: failover', { hour: 15, minute: 6 }, { month: 2, day: 7 }],
    ['7 Feb 2210Z paged', { hour: 22, minute: 10 }, { month: 2, day: 7 }],
    ['2023-03-02 0915Z alert', { hour: 9, minute: 15 }, { year: 2023, month: 3, day: 2 }],
    ['1506 UTC: failover starts', { hour: 15, minute: 6 }],
    ['1506 hrs failover starts', { hour: 15, minute: 6 }],
    ['1506h: failover starts', { hour: 15, minute: 6 }],
    ['**0040 UTC** - paged', { hour: 0, minute: 40 }],
  ];
  for (const [text, clock, date] of cases) {
    it(`reads ${JSON.stringify(text)} as a time of day`, () => {
      const stamp = readStamp(text);
      assert.ok(stamp && !stamp.problem, `no stamp in ${text}: ${stamp?.problem}`);
      assert.deepEqual(stamp.clock, clock);
      if (date) assert.deepEqual(JSON.parse(JSON.stringify(stamp.date)), date);
      else assert.equal(stamp.date, undefined);
    });
  }
  it('reads day-first dates with dots, slashes or dashes before a time', () => {
    for (const text of ['22.06.2021 09:10 paged', '22/06/2021 09:10 paged', '22-06-2021 09:10 paged']) {
      const stamp = readStamp(text);
      assert.deepEqual(JSON.parse(JSON.stringify(stamp?.date)), { year: 2021, month: 6, day: 22 }, text);
      assert.deepEqual(stamp?.clock, { hour: 9, minute: 10 }, text);
    }
    // A first number over 12 can only be the day; otherwise the day comes first, as in most of the world.
    assert.deepEqual(JSON.parse(JSON.stringify(readStamp('06-22-2021 09:10 paged')?.date)), {
      year: 2021,
      month: 6,
      day: 22,
    });
    assert.equal(readStamp('10-12-2021 09:10 paged')?.date?.month, 12);
    // Mixed separators are no date.
    assert.equal(readStamp('22-06/2021 09:10 paged')?.date, undefined);
  });
  it('reads "Feb 7 1506" as 15:06 on Feb 7: 1506 is no year of an incident', () => {
    const stamp = readStamp('Feb 7 1506: failover');
    assert.deepEqual(stamp?.clock, { hour: 15, minute: 6 });
    assert.equal(stamp?.date?.year, undefined);
  });
  it('keeps real years', () => {
    const a = readStamp('Feb 7 2024 15:06 UTC failover');
    assert.deepEqual(JSON.parse(JSON.stringify(a?.date)), { year: 2024, month: 2, day: 7 });
    assert.deepEqual(a?.clock, { hour: 15, minute: 6 });
    assert.equal(readStamp('Feb 7, 2024: the deploy')?.date?.year, 2024);
    assert.equal(readStamp('Feb 7 2024 1506 UTC: x')?.date?.year, 2024);
    assert.deepEqual(readStamp('Feb 7 2024 1506 UTC: x')?.clock, { hour: 15, minute: 6 });
    assert.equal(readStamp('in 2019 we migrated'), undefined);
    assert.equal(readStamp('2019: we migrated'), undefined);
    assert.equal(readStamp('1500 users were affected'), undefined);
    assert.equal(readStamp('1500 hours of compute were lost'), undefined);
  });
  it('reads a list of compact times in order, with no false out-of-order', () => {
    const text = doc(
      [
        '- Feb 7 1506 UTC: error rate rises, impact began',
        '- Feb 7 1512 UTC: the alert fired',
        '- Feb 7 1540 UTC: rolled back; errors stopped',
        '- Feb 8 0010 UTC: resolved',
      ].join('\n'),
    );
    assert.deepEqual(clocks(text), ['15:06', '15:12', '15:40', '00:10']);
    const dates = getTimeline(model(text)).entries.map((e) => e.instant?.date);
    assert.deepEqual(dates, [undefined, undefined, undefined, undefined]);
    assert.deepEqual(findingsOf(text, 'timeline/out-of-order'), []);
    assert.deepEqual(kinds(text), ['started', 'detected', 'mitigated', 'resolved']);
  });
  it('reads a bare HHMM in a list or column of compact times', () => {
    const list = doc(
      ['- 1506 UTC: failover starts', '- 1512: traffic shifted', '- 2024 - all regions drained'].join('\n'),
    );
    assert.deepEqual(clocks(list), ['15:06', '15:12', '20:24']);
    const table = doc(
      ['| Time (UTC) | Event |', '|---|---|', '| 1506 | failover starts |', '| 1512 | traffic shifted |'].join('\n'),
    );
    assert.deepEqual(clocks(table), ['15:06', '15:12']);
    assert.deepEqual(findingsOf(table, 'timeline/unparseable-time'), []);
  });
  it('keeps dated entries with a year as dates when the list has no compact time', () => {
    const text = doc(['- Feb 7, 2024: the deploy', '- Feb 9, 2024: the incident'].join('\n'));
    assert.deepEqual(
      getTimeline(model(text)).entries.map((e) => e.instant?.date),
      ['2024-02-07', '2024-02-09'],
    );
  });
});

describe('a heading per entry', () => {
  const text = doc(
    [
      'All times are UTC.',
      '',
      '### 5:00 PM',
      '',
      'A config push begins and the error rate rises.',
      '',
      '### 5:12 PM',
      '',
      'The alert fired and the on-call engineer was paged.',
      '',
      '- checked the dashboards',
      '- opened an incident channel',
      '',
      '### 21:10',
      '',
      'We rolled back the config push.',
      '',
      '### 21:24 - Restarted the ingress and errors stop',
      '',
      '### 22:00',
      '',
      'Resolved: the config is fixed for good.',
    ].join('\n'),
  );
  it('makes each heading with a time an entry with the content up to the next one', () => {
    const entries = getTimeline(model(text)).entries;
    assert.deepEqual(
      entries.map((e) => [e.instant?.clock, e.instant?.zone]),
      [
        ['17:00', 'UTC'],
        ['17:12', 'UTC'],
        ['21:10', 'UTC'],
        ['21:24', 'UTC'],
        ['22:00', 'UTC'],
      ],
    );
    assert.match(entries[1].text, /alert fired.*opened an incident channel/);
    assert.equal(entries[3].text, 'Restarted the ingress and errors stop');
    assert.equal(entries[0].section, 'Timeline');
  });
  it('finds the milestones in them', () => {
    assert.deepEqual(kinds(text), ['started', 'detected', 'mitigated', 'resolved']);
  });
  it('carries the date of a date-time heading to the headings after it', () => {
    const dated = doc(
      ['#### 2024-05-01 09:12 UTC', '', 'Alert fired.', '', '#### 09:40 UTC', '', 'Rolled back.'].join('\n'),
    );
    assert.deepEqual(
      getTimeline(model(dated)).entries.map((e) => e.instant?.iso),
      ['2024-05-01T09:12:00Z', '2024-05-01T09:40:00Z'],
    );
  });
  it('keeps a date heading as the date of the entries below it', () => {
    const dated = doc(['### 2024-05-01', '', '- 09:12 UTC alert fired', '- 09:40 UTC rolled back'].join('\n'));
    assert.deepEqual(
      getTimeline(model(dated)).entries.map((e) => e.instant?.iso),
      ['2024-05-01T09:12:00Z', '2024-05-01T09:40:00Z'],
    );
  });
  it('does not take a time heading that names a part for that part', () => {
    const named = doc(
      ['### 14:00 Impact begins', '', 'Checkout requests fail.', '', '### 14:30 Mitigation', '', 'Rolled back.'].join(
        '\n',
      ),
    );
    const m = model(named);
    assert.deepEqual(
      m.allSections.map((s) => [s.heading, s.kinds]),
      [
        ['Timeline', ['timeline']],
        ['14:00 Impact begins', []],
        ['14:30 Mitigation', []],
      ],
    );
    assert.deepEqual(
      getTimeline(m).entries.map((e) => e.text),
      ['Impact begins Checkout requests fail.', 'Mitigation Rolled back.'],
    );
    assert.ok(findingsOf(named, 'structure/required-section').some((f) => /"Impact"/.test(f.message)));
  });
  it('does not treat the headings as other parts of the postmortem', () => {
    const result = analyzeText(text);
    const structure = result.findings.filter(
      (f) => f.ruleId.startsWith('structure/') && f.ruleId !== 'structure/required-section',
    );
    assert.deepEqual(
      structure.map((f) => `${f.ruleId}: ${f.message}`),
      [
        'structure/stated-elsewhere: The mitigation is stated in the timeline but has no heading of its own (the timeline marks the mitigation); a "Mitigation" heading lets readers and tools find it.',
      ],
    );
  });
});

describe('times in the middle of sentences', () => {
  const text = doc(
    [
      'All times are UTC.',
      '',
      'A deploy went out at 13:50. At 14:05 the alert fired and the on-call engineer was paged. The team looked at the',
      'dashboards for 14 minutes. By 14:20 the on-call engineer had rolled back version 2.14.1 and errors stopped.',
      '',
      'The fix was deployed at 16:30 and the incident was resolved.',
    ].join('\n'),
  );
  it('reads each sentence with a clock time as an entry, and sentences without one as part of it', () => {
    const entries = getTimeline(model(text)).entries;
    assert.deepEqual(
      entries.map((e) => [e.instant?.clock, e.instant?.zone]),
      [
        ['13:50', 'UTC'],
        ['14:05', 'UTC'],
        ['14:20', 'UTC'],
        ['16:30', 'UTC'],
      ],
    );
    assert.match(entries[1].text, /alert fired.*for 14 minutes\.$/);
    assert.equal(model(text).text.slice(entries[2].stamp?.start, entries[2].stamp?.end), '14:20');
  });
  it('finds the milestones in them', () => {
    assert.deepEqual(kinds(text), ['detected', 'mitigated', 'resolved']);
  });
  it('makes no entry of durations or versions', () => {
    const none = doc('The outage lasted for 14 minutes and affected version 14.05 of the app, then 2:30 hours more.');
    assert.deepEqual(getTimeline(model(none)).entries, []);
  });
  it('leaves prose alone in a timeline that has entries', () => {
    const list = doc(['We were paged at 14:05.', '', '- 14:10 UTC alert fired', '- 14:30 UTC rolled back'].join('\n'));
    assert.deepEqual(clocks(list), ['14:10', '14:30']);
  });
  it('reads no sentence outside a timeline section', () => {
    const other = `# Postmortem: x\n\n## Summary\n\nAt 14:05 the alert fired. By 14:20 we had rolled back.\n`;
    assert.deepEqual(getTimeline(model(other)).entries, []);
  });
});
