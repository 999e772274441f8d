// The timeline kept from version to version (issue 11, incremental/timeline.ts) equals a fresh one: after every
// seeded edit of the entries of list timelines (times, dates with and without a year, zones, compact times,
// midnight crossings, markers, items split and joined, nested lists), the entries, sections and milestones equal
// those of a fresh analysis, and so do the findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, defaultConfig } from '../../server/src/core';
import { applyChange, IncrementalAnalyzer, type TextChange, withoutCaches } from '../../server/src/core/incremental';
import { getMilestones, getTimeline } from '../../server/src/core/timeline';
import { RULES } from '../../server/src/rules';
import { random } from '../fuzz/generate';

const config = defaultConfig(RULES);
const SEED = Number(process.env.INCREMENTAL_SEED) || 20261208;
const EDITS = Number(process.env.INCREMENTAL_TIMELINE_EDITS) || 40;

const clocks = (n: number, from = 21) =>
  Array.from({ length: n }, (_, i) => {
    const minutes = from * 60 + i * 37;
    return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });

const DOCUMENTS: Record<string, string> = {
  'clock times across midnight, under date subsections': `# Postmortem: the queue stalled\n\n## Summary\n\nThe queue stalled for 40 minutes.\n\n## Timeline\n\nAll times are PST.\n\n### 2024-03-09\n\n${clocks(
    14,
  )
    .map((t, i) => `- ${t} step ${i}: the workers ${i % 3 ? 'restarted' : 'errors began'}\n`)
    .join(
      '',
    )}\n### March 11\n\n- 10:00 UTC the alert fired\n- 10:05 detected by on-call\n- 10:40 rolled back, impact ended\n\n## Impact\n\nSome orders were delayed.\n`,
  'dated entries, a zone carried, markers': `---\ntitle: Login outage\ndate: 2023-06-02\n---\n\n# Login outage\n\n## Timeline\n\n${clocks(
    12,
    8,
  )
    .map(
      (t, i) =>
        `- **2023-06-0${2 + (i >> 2)} ${t}${i % 5 === 0 ? ' CET' : ''}** login ${i === 3 ? 'errors began <!-- milestone: started -->' : i === 9 ? 'fix deployed to production' : 'checks ran'}\n`,
    )
    .join('')}\n## Action items\n\n- Add an alert (owner: @sam)\n`,
  'yearless dates and nested lists': `# Postmortem\n\n## Timeline\n\n- Mar 3 09:00 the deploy started\n  - 09:05 errors began\n  - 09:10 paged\n- Mar 3 09:30 rolled back\n- Mar 4 10:00 resolved\n- notes without a time\n- 11:00 postmortem scheduled\n`,
  'compact times': `# Postmortem\n\n## Timeline\n\n- 1506 UTC alert fired\n- 1512 on-call paged\n- 1530 mitigated\n- 1600 resolved\n\n## Root cause\n\nA bad config.\n`,
  'a long timeline as the benchmark writes it': `# Incident: checkout errors\n\n## Summary\n\nCheckout failed for about 50 minutes.\n\n## Timeline\n\nAll times are UTC.\n\n${Array.from(
    { length: 150 },
    (_, i) =>
      `- **2024-03-13 ${clocks(150, 15)[i]}** checkout-api: ${['scaled the deployment', 'errors began', 'paged the on-call', 'rolled back the release', 'fix deployed to production'][i % 5]}.\n`,
  ).join('')}\n## Root cause\n\nA bad release.\n`,
};

const INSERTS = [
  'e',
  ' ',
  '7',
  ':',
  '23:59 ',
  '00:01 ',
  '2024-03-14 ',
  'Mar 5 ',
  ' PST',
  ' UTC',
  '1506 ',
  '[milestone: detected] ',
  'resolved ',
  'errors began ',
  '\n- 10:00 a new entry',
  '\n  - 10:02 a nested entry',
  '\n\n',
  '\n',
];

/** An edit inside a list item of the timeline (after its marker). */
function entryEdit(text: string, rng: () => number): TextChange {
  const start = text.search(/^#+ .*timeline/im);
  const lines: number[] = [];
  for (let at = text.indexOf('\n- ', start); at !== -1; at = text.indexOf('\n- ', at + 1)) lines.push(at + 3);
  for (let at = text.indexOf('\n  - ', start); at !== -1; at = text.indexOf('\n  - ', at + 1)) lines.push(at + 5);
  const from = lines[Math.floor(rng() * lines.length)] ?? text.length;
  const lineEnd = text.indexOf('\n', from) === -1 ? text.length : text.indexOf('\n', from);
  const offset = from + Math.floor(rng() * (lineEnd - from + 1));
  const r = rng();
  if (r < 0.55) return { offset, deleted: 0, inserted: INSERTS[Math.floor(rng() * INSERTS.length)] };
  if (r < 0.85) return { offset, deleted: Math.min(1 + Math.floor(rng() * 6), lineEnd - offset), inserted: '' };
  // Two items joined (the line break and the next marker removed), or a stamp replaced.
  if (r < 0.93 && lineEnd < text.length) return { offset: lineEnd, deleted: 3, inserted: ' ' };
  return { offset: from, deleted: Math.min(5, lineEnd - from), inserted: INSERTS[4 + Math.floor(rng() * 8)] };
}

describe('kept timeline', () => {
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    it(`equals a fresh timeline and its milestones while its entries are edited: ${name}`, () => {
      const rng = random(SEED + name.length);
      let text = document;
      const analyzer = new IncrementalAnalyzer(config, RULES);
      let previous = getTimeline(analyzer.update(text).model ?? assert.fail('no model'));
      let kept = 0;
      for (let i = 0; i < EDITS; i++) {
        const change = entryEdit(text, rng);
        text = applyChange(text, change);
        const result = analyzer.update(text, change);
        assert.ok(result.model);
        const timeline = getTimeline(result.model);
        // The entries before the edit are the previous version's when the timeline was kept.
        if (timeline.entries.length > 0 && timeline.entries[0] === previous.entries[0]) kept++;
        const where = `${name}, edit ${i}: ${JSON.stringify(change)} (${result.parse?.mode})`;
        const reference = withoutCaches(() => {
          const { model, findings } = analyze(text, config, RULES);
          return { findings, timeline: model && getTimeline(model), milestones: model && getMilestones(model) };
        });
        assert.deepStrictEqual(timeline, reference.timeline, `${where}: the timeline`);
        assert.deepStrictEqual(getMilestones(result.model), reference.milestones, `${where}: the milestones`);
        assert.deepStrictEqual(result.findings, reference.findings, `${where}: the findings`);
        previous = timeline;
      }
      assert.ok(kept > 0, 'no edit kept the timeline');
    });
  }
});
