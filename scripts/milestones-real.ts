// The milestones of every real postmortem's timeline (test/corpus/real): how many timelines get each, and with
// --verbose the entry each inferred milestone stands on, for judging by hand (a development tool, not a test):
// node --import tsx scripts/milestones-real.ts [--verbose]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, createHeadingMatcher, getMilestones, getTimeline, MILESTONE_KINDS } from '../server/src/core';

const dir = join(__dirname, '..', 'test', 'corpus', 'real');
const matcher = createHeadingMatcher({});
const verbose = process.argv.includes('--verbose');
const counts = new Map<string, number>(MILESTONE_KINDS.map((k) => [k, 0]));
const inferred = new Map<string, number>(MILESTONE_KINDS.map((k) => [k, 0]));
let timelines = 0;
let metrics = { ttd: 0, ttr: 0, both: 0 };
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  const model = buildModel(readFileSync(join(dir, file), 'utf8'), matcher);
  const timeline = getTimeline(model);
  if (timeline.entries.length === 0) continue;
  timelines++;
  const milestones = getMilestones(model);
  const kinds = new Set(milestones.map((m) => m.kind));
  for (const m of milestones) {
    counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
    if (m.source === 'inferred') inferred.set(m.kind, (inferred.get(m.kind) ?? 0) + 1);
  }
  const ttd = kinds.has('started') && kinds.has('detected');
  const ttr = kinds.has('started') && kinds.has('resolved');
  metrics = { ttd: metrics.ttd + +ttd, ttr: metrics.ttr + +ttr, both: metrics.both + +(ttd && ttr) };
  if (!verbose) continue;
  console.log(`\n${file}`);
  for (const m of milestones) {
    const line = model.lines.position(m.range.start).line + 1;
    const entry = model.text.slice(m.range.start, m.range.end).replace(/\s+/g, ' ').slice(0, 150);
    console.log(`  ${m.kind.padEnd(9)} ${m.source.padEnd(8)} line ${line}: ${entry}`);
    console.log(`  ${''.padEnd(18)} why: ${m.why.slice(0, 160)}`);
  }
}
console.log(`\npostmortems with a timeline: ${timelines}`);
for (const k of MILESTONE_KINDS)
  console.log(`  ${k.padEnd(10)} ${counts.get(k)} (inferred from wording: ${inferred.get(k)})`);
console.log(
  `  start and detection (time to detect): ${metrics.ttd}; start and resolution (time to resolve): ${metrics.ttr}; both: ${metrics.both}`,
);
