// The parse-only floor of scripts/bench/cli-lint.ts: a process that reads every Markdown file below a folder and
// parses it with the analysis' remark pipeline (core/parse.ts), nothing more. The bench bundles it with esbuild, so
// that it starts as the CLI's bundle does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../server/src/core/parse';

let nodes = 0;
for (const entry of readdirSync(process.argv[2], { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  nodes += parseMarkdown(readFileSync(join(entry.parentPath, entry.name), 'utf8')).children.length;
}
process.stdout.write(`${nodes}\n`);
