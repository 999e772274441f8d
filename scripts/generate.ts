// `npm run generate`: writes the files generated from the rules' metadata (see scripts/generated.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles, ROOT } from './generated';

let changed = 0;
for (const file of generatedFiles()) {
  const path = join(ROOT, file.path);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === file.content) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`updated ${file.path}`);
  changed++;
}
console.log(changed === 0 ? 'generated files are up to date' : `${changed} file(s) updated`);
