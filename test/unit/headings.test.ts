import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeadingMatcher, headingWords } from '../../server/src/core';
import { setAsideNotes } from '../../server/src/core/headings';

const matcher = createHeadingMatcher();
const kinds = (heading: string) => matcher.match(heading);

describe('heading words', () => {
  it('folds numbering, emoji, case, punctuation, "&", contractions and plurals', () => {
    assert.deepEqual(headingWords('2. Root Causes & Trigger?'), ['root', 'cause', 'and', 'trigger']);
    assert.deepEqual(headingWords('IV. Impact'), ['impact']);
    assert.deepEqual(headingWords('4) 🔥 Timeline!'), ['timeline']);
    assert.deepEqual(headingWords('🔥 3.1 Lessons learned'), ['lesson', 'learned']);
    assert.deepEqual(headingWords('What didn’t go well'), ['what', 'did', 'not', 'go', 'well']);
    assert.deepEqual(headingWords('Root Cause(s)'), ['root', 'cause']);
  });
});

describe('heading matcher', () => {
  const cases: [string, string[]][] = [
    ['Summary', ['summary']],
    ['Executive summary', ['summary']],
    ['Issue Summary', ['summary']],
    ['What happened?', ['summary']],
    ['Incident details', ['summary']],
    ['Chronology', ['timeline']],
    ['Timeline of events', ['timeline']],
    ['2) Detailed timeline', ['timeline']],
    ['A Short, Confusing Timeline', ['timeline']],
    ['Customer impact', ['impact']],
    ['Impact Analysis', ['impact']],
    ['What was impacted', ['impact']],
    ['Affected crates', ['impact']],
    ['Root causes', ['root-cause']],
    ['Contributing Factors', ['root-cause']],
    ['Five whys', ['root-cause']],
    ['Why did this happen?', ['root-cause']],
    ['Root cause identification: The Five Whys', ['root-cause']],
    ['Root Cause Analysis', ['root-cause']],
    ['Fault', ['root-cause']],
    ['Cause', ['root-cause']],
    ['Resolution', ['mitigation']],
    ['Recovery', ['mitigation']],
    ['Remediation', ['mitigation']],
    ['Response', ['mitigation']],
    ['Actions taken', ['mitigation']],
    ['Actions taken to mitigate', ['mitigation']],
    ['Fix implemented', ['mitigation']],
    ['Action items', ['action-items']],
    ['Follow-up actions', ['action-items']],
    ['Follow-ups', ['action-items']],
    ['Corrective actions', ['action-items']],
    ['Next steps', ['action-items']],
    ['Prevention', ['action-items']],
    ['Corrective and Preventative Measures', ['action-items']],
    ["What we're doing about it", ['action-items']],
    ['Action Items & Followups', ['action-items']],
    ['Trigger and root cause', ['trigger', 'root-cause']],
    ['Root causes and trigger', ['root-cause', 'trigger']],
    ['Response, cause, prevention', ['mitigation', 'root-cause', 'action-items']],
    ['Root cause and mitigation', ['root-cause', 'mitigation']],
    ['Mitigation & Resolution', ['mitigation']],
    ['Detection', ['detection']],
    ['Lessons Learned', ['lessons-learned']],
    ['Things that went well', ['what-went-well']],
    ['What went wrong', ['what-went-wrong']],
    ['What could have gone better?', ['what-went-wrong']],
    ['What went well & where did we get lucky', ['what-went-well', 'where-we-got-lucky']],
    ['Appendix', ['supporting-information']],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}" names ${expected.join(' + ')}`, () => assert.deepEqual(kinds(heading), expected));
  }

  it('leaves headings that are mostly about something else unrecognised', () => {
    for (const heading of [
      'An ounce of prevention is worth a pound of cure',
      'Anti-impersonation email prevention',
      'Check your browser for working images',
      'Background jobs and their queues in detail',
      'Attendees',
      'Stats',
      'Private key (on CDN host)',
      'Sunday, Jan 5',
      'Q3 2024 (planning)',
    ]) {
      assert.deepEqual(kinds(heading), [], heading);
    }
  });

  it('sets notes aside: asides in parentheses, links, dates, times, zones and quarters', () => {
    const cases: [string, string[]][] = [
      ['Timeline (all times PST)', ['timeline']],
      ['Timeline (all times approximate)', ['timeline']],
      ['Timeline (PST) 01/16/2024 – 02/28/2024. All times approximations', ['timeline']],
      ['Timeline of events, Monday March 3rd 2025, 14:00–16:30 UTC', ['timeline']],
      ['Short-term improvements (follow along here)', ['action-items']],
      ['Long-term improvements (Q4 2025 – Q1 2026)', ['action-items']],
      ['Impact (customer-facing)', ['impact']],
      ['(Impact)', ['impact']],
    ];
    for (const [heading, expected] of cases) assert.deepEqual(kinds(heading), expected, heading);
    assert.equal(setAsideNotes('Timeline (all times PST)').trim(), 'Timeline');
    // Lowercase words that spell a zone abbreviation are words, not notes.
    assert.equal(setAsideNotes('Art of the possible'), 'Art of the possible');
  });

  it('compares every form of a word and reads phrasal headings', () => {
    const cases: [string, string[]][] = [
      ['How we resolved the issue', ['mitigation']],
      ['Resolving the outage', ['mitigation']],
      ['Planned actions (planned or in progress)', ['action-items']],
      ['Long term solution', ['action-items']],
      ['What we are doing to prevent this', ['action-items']],
      ['Preventing recurrence', ['action-items']],
      ['Steps taken to mitigate', ['mitigation']],
      ['How we detected it', ['detection']],
      ['What caused the outage?', ['root-cause']],
      ['Lessons learnt', ['lessons-learned']],
      ['Solving', ['mitigation']],
      ['The solution', ['mitigation']],
      ['Future work', ['action-items']],
      ['Going forward', ['action-items']],
      ['What happens now', ['action-items']],
      ["What's next?", ['action-items']],
    ];
    for (const [heading, expected] of cases) assert.deepEqual(kinds(heading), expected, heading);
    // A stem shared by unrelated words does not join them: responsibilities are not a response.
    assert.deepEqual(kinds('Responsibilities'), []);
    // Forward-looking "what happens now" is no narrative, and the narrative stays one.
    assert.deepEqual(kinds('What happened next'), ['summary']);
  });

  it('matches fields exactly: a figure named after a part is not the part', () => {
    const matcher = createHeadingMatcher();
    assert.deepEqual(matcher.match('Root causes', { exact: true }), ['root-cause']);
    assert.deepEqual(matcher.match('Time to recovery', { strict: true }), ['mitigation']);
    assert.deepEqual(matcher.match('Time to recovery', { exact: true }), []);
  });

  it('learns extra synonyms from the config', () => {
    assert.deepEqual(kinds('Minute by minute'), []);
    assert.deepEqual(createHeadingMatcher({ timeline: ['minute by minute'] }).match('Minute by Minute'), ['timeline']);
  });
});
