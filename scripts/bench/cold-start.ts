// Cold start of the published CLI (the npm package's minified bundles, built here by scripts/build-package.mjs),
// side by side with markdownlint-cli2 on the same small file, each a fresh `node` process as a user or a
// pre-commit hook starts it. Targets (issue 15): `postmortem --version` ≤ 150 ms, one small file ≤ markdownlint-
// cli2's time. Medians over alternating runs, so that load on the machine falls on both alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianOf, ms, printTable } from './_stats';

const ROOT = join(__dirname, '../..');
const RUNS = Number(process.env.BENCH_COLD_RUNS) || 15;

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Another checkout with its package built (BENCH_BEFORE=/path/to/it): its rows run in the same rounds. */
const BEFORE = process.env.BENCH_BEFORE;

/**
 * Wall time of one run, and its CPU time (user + system, from GNU time when installed): on a shared, loaded
 * machine the CPU time is the steadier figure of the two.
 */
function time(args: string[], cwd: string): { wall: number; cpu: number } {
  const started = performance.now();
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const wall = performance.now() - started;
  // 0, or 1 for findings; markdownlint-cli2 --help exits 2.
  if (r.status === null || r.status > 2) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN };
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
      ['postmortem --help (package)', [cli, '--help']],
      ['markdownlint-cli2 --help', [mdl, '--help']],
      ['postmortem lint one file (package)', [cli, 'lint', 'incident-postmortem.md']],
      [
        'postmortem lint one file, blame rules off',
        [cli, 'lint', '--config', 'no-blame.json', 'incident-postmortem.md'],
      ],
      ['markdownlint-cli2 one file', [mdl, 'incident-postmortem.md']],
    ];
    if (BEFORE) {
      const before = join(BEFORE, 'packages/cli/dist/cli.js');
      cases.push(
        ['before: postmortem --version (package)', [before, '--version']],
        ['before: postmortem lint one file (package)', [before, 'lint', 'incident-postmortem.md']],
        [
          'before: lint one file, blame rules off',
          [before, 'lint', '--config', 'no-blame.json', 'incident-postmortem.md'],
        ],
      );
    }
    const blameOff = Object.fromEntries(
      ['counterfactual', 'human-error', 'judgment', 'named-individual'].map((name) => [`blame/${name}`, 'off']),
    );
    writeFileSync(join(dir, 'no-blame.json'), JSON.stringify({ rules: blameOff }));
    const samples = cases.map(() => [] as number[]);
    const cpu = cases.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++) {
      cases.forEach(([, args], c) => {
        const t = time(args, dir);
        samples[c].push(t.wall);
        cpu[c].push(t.cpu);
      });
    }
    printTable(
      ['command (fresh node process)', 'wall median', 'wall min', 'CPU median'],
      cases.map(([name], c) => [name, ms(medianOf(samples[c])), ms(Math.min(...samples[c])), ms(medianOf(cpu[c]))]),
    );
    const row = (name: string) => cases.findIndex(([n]) => n.startsWith(name));
    const median = (name: string) => medianOf(samples[row(name)]);
    const cpuMedian = (name: string) => medianOf(cpu[row(name)]);
    const version = median('postmortem --version (package)');
    const ours = median('postmortem lint one file (package)');
    const theirs = median('markdownlint-cli2 one file');
    console.log(
      `  --version: ${ms(version)} (target ≤ 150 ms: ${version <= 150 ? 'met' : 'not met'}); one file: ${ms(ours)} vs markdownlint-cli2 ${ms(theirs)} (${(ours / theirs).toFixed(2)}×, ${ours <= theirs ? 'met' : 'not met'}); CPU ${ms(cpuMedian('postmortem lint one file (package)'))} vs ${ms(cpuMedian('markdownlint-cli2 one file'))}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
