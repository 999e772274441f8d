// Prints the postmortem model of a file (title, sections, kinds): `npx tsx scripts/dump-model.ts FILE`.
import { readFileSync } from 'node:fs';
import { buildModel, createHeadingMatcher } from '../server/src/core';

const m = buildModel(readFileSync(process.argv[2], 'utf8'), createHeadingMatcher());
console.log(m.title, m.headingLevel, m.summaryFromLead);
for (const s of m.allSections)
  console.log(' '.repeat(s.level), s.level, JSON.stringify(s.heading), s.kinds.join(','), s.parent?.heading ?? '');
