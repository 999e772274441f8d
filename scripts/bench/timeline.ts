// Timelines, milestones and follow-up actions on the real corpus: what the parser finds, and what the timeline,
// impact, action-item and metadata rules cost next to the parse alone (issue 5).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  defaultConfig,
  getActionItems,
  getMilestones,
  getTimeline,
  MILESTONE_KINDS,
} from '../../server/src/core';
import { createHeadingMatcher } from '../../server/src/core/headings';
import { buildModel } from '../../server/src/core/model';
import { parseMarkdown } from '../../server/src/core/parse';
import { RULES } from '../../server/src/rules';

const CORPUS = join(__dirname, '..', '..', 'test', 'corpus', 'real');
const FAMILIES = ['timeline/', 'impact/', 'action-items/', 'metadata/invalid-value', 'metadata/unknown-key'];
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;

export async function run(): Promise<void> {
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const texts = files.map((f) => readFileSync(join(CORPUS, f), 'utf8'));
  const config = defaultConfig(RULES);

  let timelines = 0;
  let sections = 0;
  const status = { parsed: 0, unparseable: 0, untimed: 0 };
  const shapes = new Map<string, number>();
  const found = new Map<string, number>(MILESTONE_KINDS.map((k) => [k, 0]));
  const sources = new Map<string, number>();
  let allFour = 0;
  let actions = 0;
  let withMetrics = 0;
  for (const text of texts) {
    const { model } = analyze(text, config, RULES);
    if (!model) continue;
    const timeline = getTimeline(model);
    if (timeline.entries.length > 0) timelines++;
    sections += timeline.sections.length;
    for (const e of timeline.entries) {
      status[e.status]++;
      shapes.set(e.shape, (shapes.get(e.shape) ?? 0) + 1);
    }
    const milestones = getMilestones(model);
    for (const m of milestones) {
      found.set(m.kind, (found.get(m.kind) ?? 0) + 1);
      sources.set(m.source, (sources.get(m.source) ?? 0) + 1);
    }
    if (milestones.length === 4) allFour++;
    const kinds = new Set(milestones.map((m) => m.kind));
    if (kinds.has('started') && (kinds.has('detected') || kinds.has('resolved'))) withMetrics++;
    actions += getActionItems(model).length;
  }
  const entries = status.parsed + status.unparseable + status.untimed;
  console.log(`corpus: ${files.length} postmortems from test/corpus/real`);
  console.log(`timelines found: ${timelines} postmortems (${sections} timeline sections), ${entries} entries`);
  console.log(`  parsed ${status.parsed}, unparseable ${status.unparseable}, untimed notes ${status.untimed}`);
  console.log(`  shapes: ${[...shapes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`milestones found (postmortems, of ${timelines} with a timeline):`);
  for (const [kind, n] of found) console.log(`  ${kind.padEnd(10)} ${n}`);
  console.log(`  all four: ${allFour}; start of impact plus detection or resolution (metrics): ${withMetrics}`);
  console.log(`  by source: ${[...sources].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`follow-up actions found: ${actions}`);

  // Time: parse alone, model alone, the new rules alone (on a fresh model each time, so nothing is cached).
  const matcher = createHeadingMatcher({});
  const ours = RULES.filter((r) => r.phase !== 'input' && FAMILIES.some((f) => r.id.startsWith(f)));
  const time = (fn: (text: string) => void) => {
    for (let w = 0; w < 3; w++) for (const t of texts) fn(t);
    const passes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      for (const t of texts) fn(t);
      passes.push(performance.now() - start);
    }
    return passes.sort((a, b) => a - b)[passes.length >> 1];
  };
  const parse = time((t) => parseMarkdown(t));
  const model = time((t) => buildModel(t, matcher));
  const withOurs = time((t) => analyze(t, config, [...RULES.filter((r) => r.phase === 'input'), ...ours]));
  const all = time((t) => analyze(t, config, RULES));
  const rulesOnly = withOurs - model;
  console.log(`time over ${files.length} files (median of ${ROUNDS} passes):`);
  console.log(`  parse only                      ${parse.toFixed(1)} ms`);
  console.log(`  parse + model                   ${model.toFixed(1)} ms`);
  console.log(
    `  + the ${ours.length} timeline/impact/action/metadata rules ${withOurs.toFixed(1)} ms (rules ≈ ${rulesOnly.toFixed(1)} ms)`,
  );
  console.log(`  full analysis, all ${RULES.length} rules       ${all.toFixed(1)} ms`);
  console.log(
    `  ratio: these rules / parse only = ${(rulesOnly / parse).toFixed(2)}×; (parse+model+these rules) / parse = ${(withOurs / parse).toFixed(2)}×`,
  );
}
