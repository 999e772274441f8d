// Lists every blame finding on the real postmortems of test/corpus/real (rule, file, flagged words, line), to
// compare two versions of the detector on text nobody wrote for it (a development tool, not a test):
//   node --import tsx scripts/blame-real.ts > after.txt; git stash; …; diff before.txt after.txt
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../test/helpers/analyze';

const dir = join(__dirname, '..', 'test', 'corpus', 'real');
for (const file of readdirSync(dir)
  .filter((x) => x.endsWith('.md'))
  .sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  for (const f of analyzeText(text).findings.filter((x) => x.ruleId.startsWith('blame/'))) {
    const from = text.lastIndexOf('\n', f.start) + 1;
    const to = text.indexOf('\n', f.end);
    console.log(
      `${f.ruleId}\t${file}\t${text.slice(f.start, f.end)}\t${text.slice(from, to === -1 ? undefined : to).slice(0, 160)}`,
    );
  }
}
