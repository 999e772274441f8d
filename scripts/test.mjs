// Runs every test suite and ends with one plain line, "N passed, N failed", over all of them.
//   node scripts/test.mjs                 all suites (unit, protocol, lint, real editors)
//   node scripts/test.mjs --only unit     one suite (unit | static | protocol | package | lint | editors)
// Unit and protocol tests use node's test runner (TypeScript through tsx); the real-editor suite reports its
// counts on an "EDITOR-RESULTS {json}" line.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const full = join(root, dir, name);
    if (statSync(full).isDirectory()) out.push(...testFiles(join(dir, name)));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const baseNodeOptions = process.env.NODE_OPTIONS;

async function nodeSuite(name, dir, { concurrency = 2, timeout = 180_000 } = {}) {
  // The test files are TypeScript: their processes load tsx. Only theirs: editors and servers started
  // by other suites must run with the environment a user has.
  process.env.NODE_OPTIONS = `${baseNodeOptions ?? ''} --import tsx`.trim();
  console.log(`\n# ${name} tests`);
  // Per test file. The protocol files run the CLI and the server dozens of times, each starting its analysis
  // worker (a second load of the analysis): on a shared, loaded machine a file can pass two minutes.
  const stream = run({ files: testFiles(dir), concurrency, timeout });
  stream.on('test:pass', (e) => {
    if (e.details?.type === 'suite') return;
    if (e.skip || e.todo) totals.skipped++;
    else totals.passed++;
  });
  stream.on('test:fail', (e) => {
    if (e.details?.type === 'suite') return;
    totals.failed++;
    failures.push(`${name}: ${e.name}`);
  });
  await new Promise((resolve, reject) => {
    const out = stream.compose(new spec());
    out.on('data', (chunk) => process.stdout.write(chunk));
    out.on('end', resolve);
    out.on('error', reject);
  });
  if (baseNodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = baseNodeOptions;
}

function command(name, cmd, args, { parse } = {}) {
  console.log(`\n# ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      if (parse) {
        const counts = parse(output);
        if (counts) {
          totals.passed += counts.passed;
          totals.failed += counts.failed;
          totals.skipped += counts.skipped ?? 0;
          if (counts.failed > 0 || code !== 0) failures.push(`${name} (exit ${code})`);
          if (counts.failed === 0 && code !== 0) totals.failed++;
          return resolve();
        }
      }
      if (code === 0) totals.passed++;
      else {
        totals.failed++;
        failures.push(`${name} (exit ${code})`);
      }
      resolve();
    });
  });
}

const suites = {
  unit: () => nodeSuite('unit', 'test/unit'),
  // Static checks of the source whose checker judges by time (the ReDoS check), and the long seeded campaigns
  // (the fuzz suite, the incremental property test): alone, one file at a time with ten minutes each, so no other
  // test file competes for the cores and a loaded machine does not turn their length into a failure.
  static: () => nodeSuite('static', 'test/static', { concurrency: 1, timeout: 600_000 }),
  protocol: () => nodeSuite('protocol', 'test/protocol', { timeout: 360_000 }),
  // The npm package, packed and installed into a temporary prefix, run as a user would (test/package/).
  package: () => nodeSuite('package', 'test/package'),
  lint: () => command('lint (biome check)', 'npx', ['biome', 'check', '.']),
  editors: () =>
    command('real editors (code-server, Neovim)', 'node', ['test/editors/run-all.mjs'], {
      parse: (out) => {
        const line = out.split('\n').find((l) => l.startsWith('EDITOR-RESULTS '));
        return line ? JSON.parse(line.slice('EDITOR-RESULTS '.length)) : undefined;
      },
    }),
};

for (const [name, suite] of Object.entries(suites)) {
  if (!only || only === name) await suite();
}
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
