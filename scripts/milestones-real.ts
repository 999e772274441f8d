// The milestones of every real postmortem's timeline (test/corpus/real): for each timeline, which milestones are
// found and from which entry (start of impact, detection, mitigation, resolution, and the end of impact the
// duration runs to, cross-checked with the duration the document states), then how many timelines get each.
// A development tool for measuring before and after a change of the wording, not a test:
//   node --import tsx scripts/milestones-real.ts            every timeline, one line per milestone, then the counts
//   node --import tsx scripts/milestones-real.ts --counts   the counts only
//   node --import tsx scripts/milestones-real.ts --json     one JSON object per timeline (to diff two runs)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildModel,
  computeMetrics,
  createHeadingMatcher,
  getMilestones,
  getTimeline,
  MILESTONE_KINDS,
  type Milestone,
  type PostmortemModel,
} from '../server/src/core';
import { statedImpactMinutes } from '../server/src/core/timeline/impact-end';

const dir = join(__dirname, '..', 'test', 'corpus', 'real');
const matcher = createHeadingMatcher({});
const countsOnly = process.argv.includes('--counts');
const json = process.argv.includes('--json');

const KINDS = [...MILESTONE_KINDS, 'impact-end'] as const;
type Kind = (typeof KINDS)[number];
const counts = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
let timelines = 0;
const pairs = { ttd: 0, ttr: 0, both: 0 };
const stated = { documents: 0, withDuration: 0, agree: 0 };

function entryText(model: PostmortemModel, m: Milestone): string {
  return model.text.slice(m.range.start, m.range.end).replace(/\s+/g, ' ').slice(0, 140);
}

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  const model = buildModel(readFileSync(join(dir, file), 'utf8'), matcher);
  if (getTimeline(model).entries.length === 0) continue;
  timelines++;
  const milestones = getMilestones(model);
  const metrics = computeMetrics(milestones);
  const byKind = new Map(milestones.map((m) => [m.kind, m]));
  // The end of impact is the mitigation, else the resolution (what the duration of impact runs to).
  const end = byKind.get('mitigated') ?? byKind.get('resolved');
  const figure = statedImpactMinutes(model);
  const agrees =
    figure && metrics.durationMinutes !== null
      ? Math.abs(metrics.durationMinutes - figure.minutes) <= Math.max(5, figure.minutes * 0.2)
      : undefined;
  for (const m of milestones) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  if (end && byKind.has('started')) counts.set('impact-end', (counts.get('impact-end') ?? 0) + 1);
  const ttd = metrics.timeToDetectMinutes !== null;
  const ttr = metrics.timeToResolveMinutes !== null;
  pairs.ttd += +ttd;
  pairs.ttr += +ttr;
  pairs.both += +(ttd && ttr);
  if (figure) {
    stated.documents++;
    if (metrics.durationMinutes !== null) stated.withDuration++;
    if (agrees) stated.agree++;
  }
  if (json) {
    const row: Record<string, unknown> = { file };
    for (const m of milestones)
      row[m.kind] = { entry: m.entryIndex, at: m.instant?.iso ?? m.instant?.date ?? m.instant?.clock };
    row.durationMinutes = metrics.durationMinutes;
    row.statedMinutes = figure?.minutes ?? null;
    console.log(JSON.stringify(row));
    continue;
  }
  if (countsOnly) continue;
  console.log(`\n${file}`);
  for (const kind of MILESTONE_KINDS) {
    const m = byKind.get(kind);
    if (!m) {
      console.log(`  ${kind.padEnd(10)} —`);
      continue;
    }
    const line = model.lines.position(m.range.start).line + 1;
    console.log(`  ${kind.padEnd(10)} ${m.source} entry ${m.entryIndex ?? '-'} (line ${line}): ${entryText(model, m)}`);
    console.log(`  ${''.padEnd(10)} why: ${m.why.slice(0, 200)}`);
  }
  const endText = end && byKind.has('started') ? `${end.kind} entry ${end.entryIndex}` : '—';
  const duration = metrics.durationMinutes === null ? 'no duration' : `${metrics.durationMinutes} min`;
  const check = figure ? `; stated "${figure.text}" (${figure.minutes} min): ${agrees ? 'agrees' : 'disagrees'}` : '';
  console.log(`  ${'impact end'.padEnd(10)} ${endText}, ${duration}${check}`);
}
if (!json) {
  console.log(`\npostmortems with a timeline: ${timelines}`);
  for (const k of KINDS)
    console.log(`  ${(k === 'impact-end' ? 'impact-end (with a start)' : k).padEnd(26)} ${counts.get(k)}`);
  console.log(
    `  time to detect: ${pairs.ttd}; time to resolve: ${pairs.ttr}; both: ${pairs.both}` +
      `\n  a stated impact duration: ${stated.documents}; with a computed duration: ${stated.withDuration}; agreeing (±20%, ±5 min): ${stated.agree}`,
  );
}
