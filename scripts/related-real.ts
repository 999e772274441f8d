// Lists, for every real postmortem of test/corpus/real, the three most related others with their scores and the
// services, categories and words they share: what the precision-at-3 table in the issue-14 note was judged on (a
// development tool, not a test): node --import tsx scripts/related-real.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, createHeadingMatcher } from '../server/src/core';
import { incidentRecord, WorkspaceIndex } from '../server/src/core/learning';

const dir = join(__dirname, '..', 'test', 'corpus', 'real');
const matcher = createHeadingMatcher({});
const index = new WorkspaceIndex();
const files = readdirSync(dir)
  .filter((x) => x.endsWith('.md'))
  .sort();
for (const file of files) index.set(incidentRecord(buildModel(readFileSync(join(dir, file), 'utf8'), matcher), file));
const verbose = process.argv.includes('--verbose');
for (const file of files) {
  const record = index.get(file);
  if (!record) continue;
  console.log(
    `\n${file}  [${record.date ?? '?'}] services=${record.services.join(',')} categories=${record.categories.join(',')}`,
  );
  for (const r of index.related(record, { limit: 3 })) {
    console.log(
      `  ${r.score.toFixed(2)} ${r.id}  text=${r.textScore.toFixed(2)} services=${r.sharedServices.join(',')} cat=${r.sharedCategories.join(',')}${verbose ? ` terms=${r.sharedTerms.join(',')}` : ''}`,
    );
  }
}
