// Which Markdown files the service takes for postmortems without --all (the one decision of CLI and server): the
// real corpus, the templates, and the repo's own Markdown, each path relative to its folder as the CLI sees it
// when run in that folder. A development tool, not a test: node --import tsx scripts/detect-real.ts [--verbose]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createPostmortemService } from '../server/src/core/service';
import { nodeHost } from '../server/src/node/host';
import { RULES } from '../server/src/rules';

const root = join(__dirname, '..');
const service = createPostmortemService({ host: nodeHost, rules: RULES });
const verbose = process.argv.includes('--verbose');

function markdownBelow(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (skip(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownBelow(full, skip));
    else if (/\.(?:md|markdown)$/i.test(name)) out.push(full);
  }
  return out;
}

/** `neutral`: the text under a name and folder that say nothing (notes/N.md), so that only the content decides. */
function measure(name: string, cwd: string, files: string[], neutral = false): void {
  const taken: string[] = [];
  const left: string[] = [];
  files.forEach((file, i) => {
    const text = readFileSync(file, 'utf8');
    const config = service.configFor(file);
    const path = neutral ? join(cwd, 'notes', `${i}.md`) : file;
    (service.isPostmortem(path, text, config, { roots: [cwd] }) ? taken : left).push(relative(cwd, file));
  });
  console.log(`${name}: ${taken.length} of ${files.length} taken for postmortems`);
  if (verbose) {
    for (const f of taken) console.log(`  + ${f}`);
    for (const f of left) console.log(`  - ${f}`);
  }
}

const corpus = join(root, 'test', 'corpus');
measure('real corpus', join(corpus, 'real'), markdownBelow(join(corpus, 'real')));
measure('real corpus, by content alone', join(corpus, 'real'), markdownBelow(join(corpus, 'real')), true);
measure('templates', join(corpus, 'templates'), markdownBelow(join(corpus, 'templates')));
measure('templates, by content alone', join(corpus, 'templates'), markdownBelow(join(corpus, 'templates')), true);
const own = [
  ...['README.md', 'CHANGELOG.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'DEVELOPERS.md'].map((f) => join(root, f)),
  ...markdownBelow(join(root, 'docs')),
];
measure("the repo's own Markdown (README, CHANGELOG, ARCHITECTURE, CONTRIBUTING, DEVELOPERS, docs/**)", root, own);
// Ordinary Markdown nobody wrote for this project: the READMEs and CHANGELOGs of the installed packages.
const modules = join(root, 'node_modules');
const packages = readdirSync(modules)
  .flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => join(n, m)) : [n]))
  .sort();
const docs = packages.flatMap((p) =>
  ['README.md', 'readme.md', 'CHANGELOG.md', 'HISTORY.md']
    .map((f) => join(modules, p, f))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    }),
);
measure('READMEs and CHANGELOGs of node_modules, by content alone', modules, docs, true);
