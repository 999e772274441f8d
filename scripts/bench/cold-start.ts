// Cold start of the published CLI (the npm package's minified bundles, built here by scripts/build-package.mjs),
// side by side with markdownlint-cli2 on the same small file, each a fresh `node` process as a user or a
// pre-commit hook starts it. Targets (issue 15): `postmortem --version` ≤ 150 ms, one small file ≤ markdownlint-
// cli2's time. Medians over alternating runs, so that load on the machine falls on both alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianOf, ms, printTable } from './_stats';

const ROOT = join(__dirname, '../..');
const RUNS = 15;

function time(args: string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
  // 0, or 1 for findings; markdownlint-cli2 --help exits 2.
  if (r.status === null || r.status > 2) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}`);
  return performance.now() - started;
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-package.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cold-'));
  try {
    // One small, real postmortem (about 3 kB of prose: the blame rules load the NLP model for it).
    copyFileSync(join(ROOT, 'examples/postmortems/2024-06-02-dns-outage.md'), join(dir, 'incident-postmortem.md'));
    const cli = join(ROOT, 'packages/cli/dist/cli.js');
    const devCli = join(ROOT, 'dist/cli.js');
    const mdl = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
    const cases: [string, string[]][] = [
      ['node -e 0 (Node start-up alone)', ['-e', '0']],
      ['postmortem --version (package)', [cli, '--version']],
      ['postmortem --version (dev bundle dist/cli.js)', [devCli, '--version']],
      ['markdownlint-cli2 --help', [mdl, '--help']],
      ['postmortem lint one file (package)', [cli, 'lint', 'incident-postmortem.md']],
      [
        'postmortem lint one file, blame rules off',
        [cli, 'lint', '--config', 'no-blame.json', 'incident-postmortem.md'],
      ],
      ['markdownlint-cli2 one file', [mdl, 'incident-postmortem.md']],
    ];
    const blameOff = Object.fromEntries(
      ['counterfactual', 'human-error', 'judgment', 'named-individual'].map((name) => [`blame/${name}`, 'off']),
    );
    writeFileSync(join(dir, 'no-blame.json'), JSON.stringify({ rules: blameOff }));
    const samples = cases.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++) {
      cases.forEach(([, args], c) => {
        samples[c].push(time(args, dir));
      });
    }
    printTable(
      ['command (fresh node process)', 'median', 'min'],
      cases.map(([name], c) => [name, ms(medianOf(samples[c])), ms(Math.min(...samples[c]))]),
    );
    const version = medianOf(samples[1]);
    const ours = medianOf(samples[4]);
    const theirs = medianOf(samples[6]);
    console.log(
      `  --version: ${ms(version)} (target ≤ 150 ms: ${version <= 150 ? 'met' : 'not met'}); one file: ${ms(ours)} vs markdownlint-cli2 ${ms(theirs)} (${ours <= theirs ? 'met' : 'not met'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
