// The workspace index of issue 14: building it for 1,000 postmortems (the real corpus replicated, each copy its own
// id), from text (parse, model, record, index: what the CLI and the server do on first use) and from records
// alone (the MiniSearch index), and the related-incidents query the Postmortem view sends once the index is built.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildModel, createHeadingMatcher } from '../../server/src/core';
import { type IncidentRecord, incidentRecord, WorkspaceIndex } from '../../server/src/core/learning';
import { medianOf, ms, printTable } from './_stats';

const CORPUS = join(__dirname, '..', '..', 'test', 'corpus', 'real');
const DOCUMENTS = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;

export async function run(): Promise<void> {
  const texts = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
  const matcher = createHeadingMatcher({});
  const fromText: number[] = [];
  const fromRecords: number[] = [];
  const queries: number[] = [];
  let records: IncidentRecord[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const index = new WorkspaceIndex();
    records = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const record = incidentRecord(buildModel(texts[i % texts.length], matcher), `postmortems/${i}.md`);
      records.push(record);
      index.set(record);
    }
    fromText.push(performance.now() - t);
    t = performance.now();
    const again = new WorkspaceIndex();
    for (const r of records) again.set(r);
    fromRecords.push(performance.now() - t);
    for (let q = 0; q < 20; q++) {
      t = performance.now();
      again.related(records[(q * 37) % records.length], { limit: 5 });
      queries.push(performance.now() - t);
    }
  }
  console.log(`workspace index: ${DOCUMENTS} postmortems (the ${texts.length} of test/corpus/real, replicated)`);
  printTable(
    ['figure', 'median'],
    [
      [`index build from text (parse, model, record, index), ${DOCUMENTS} documents`, ms(medianOf(fromText))],
      [`index build from records (MiniSearch only), ${DOCUMENTS} documents`, ms(medianOf(fromRecords))],
      ['related incidents query (top 5) on the built index', ms(medianOf(queries))],
    ],
  );
}
