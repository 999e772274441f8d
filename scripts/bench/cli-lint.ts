// `postmortem lint` on the real corpus repeated to 840 files under a postmortems/ folder (so every file is linted),
// as whole processes of the built CLI (dist/cli.js): in one thread (--concurrency 1) and in the lint pool
// (--concurrency auto: one worker per two cores, none on two; and --concurrency 2), then with --cache, cold (no cache file) and warm (nothing changed),
// beside markdownlint-cli2 on the same files (issue 11), and the floor: a process that only reads and parses the
// files with the analysis' remark pipeline (_parse-only.ts, bundled here). Runs alternate, so load on the machine falls
// on all alike; medians of wall time, CPU time (user + system, all threads) and peak memory (from GNU time, when
// installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { medianOf, ms, printTable } from './_stats';

const ROOT = join(__dirname, '../..');
const CORPUS = join(ROOT, 'test', 'corpus', 'real');
const FILES = 840;
const RUNS = Number(process.env.BENCH_CLI_RUNS) || 3;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Another built checkout (BENCH_BEFORE=/path/to/it, after `npm run build` there): its CLI's rows run in the same rounds. */
const BEFORE = process.env.BENCH_BEFORE;

interface Sample {
  wall: number;
  cpu: number;
  /** Peak resident memory of the process (all its threads), in bytes. */
  rss: number;
}

/** One run of `node <args>` in `cwd`: exit code 0 or 1 (findings) is a run; anything else fails the bench. */
function time(args: string[], cwd: string): Sample {
  const started = performance.now();
  const [cmd, argv] = GNU_TIME
    ? [GNU_TIME, ['-f', 'STATS %U %S %M', process.execPath, ...args]]
    : [process.execPath, args];
  const r = spawnSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 256 * 2 ** 20,
  });
  const wall = performance.now() - started;
  if (r.status === null || r.status > 1) {
    throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
  }
  const stats = /STATS ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  return {
    wall,
    cpu: stats ? (Number(stats[1]) + Number(stats[2])) * 1000 : Number.NaN,
    rss: stats ? Number(stats[3]) * 1024 : Number.NaN,
  };
}

/** The corpus, repeated to FILES files, each copy with its own trailing comment (no two files alike). */
function writeCorpus(dir: string): number {
  const originals = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  mkdirSync(join(dir, 'postmortems'));
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const name = originals[i % originals.length];
    const text = `${readFileSync(join(CORPUS, name), 'utf8')}\n<!-- bench copy ${Math.floor(i / originals.length)} -->\n`;
    writeFileSync(join(dir, 'postmortems', `${i}-${name}`), text);
    bytes += Buffer.byteLength(text);
  }
  console.log(
    `corpus: ${originals.length} files of test/corpus/real repeated to ${FILES} files under postmortems/, ` +
      `${(bytes / 2 ** 20).toFixed(2)} MiB; ${RUNS} alternating runs of each (BENCH_CLI_RUNS), ` +
      `${availableParallelism()} cores available`,
  );
  return bytes;
}

export async function run(): Promise<void> {
  const cli = join(ROOT, 'dist', 'cli.js');
  const mdl = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-bench-'));
  try {
    writeCorpus(dir);
    // The default rules, with a budget no analysis reaches on a loaded machine: a file stopped at the budget (and its
    // lint worker started again) would make runs differ by the machine's load, not by the code.
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ timeBudgetMs: 60_000 }));
    const parseOnly = join(dir, 'parse-only.cjs');
    await build({
      entryPoints: [join(__dirname, '_parse-only.ts')],
      outfile: parseOnly,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
    const cache = join(dir, 'bench.postmortemcache');
    const lint = (...args: string[]) => [cli, 'lint', ...args, 'postmortems'];
    const beforeCli = BEFORE && join(BEFORE, 'dist', 'cli.js');
    const beforeCache = join(dir, 'before.postmortemcache');
    const before = (...args: string[]) => [beforeCli as string, 'lint', ...args, 'postmortems'];
    const cases: { name: string; args: string[]; before?: () => void }[] = [
      { name: 'postmortem lint --concurrency 1', args: lint('--concurrency', '1') },
      { name: 'postmortem lint (--concurrency auto)', args: lint('--concurrency', 'auto') },
      {
        name: 'postmortem lint --cache, cold (no cache file)',
        args: lint('--cache', '--cache-location', cache),
        before: () => rmSync(cache, { force: true }),
      },
      // Follows the cold run, whose cache it reads: nothing changed in between.
      { name: 'postmortem lint --cache, warm (unchanged tree)', args: lint('--cache', '--cache-location', cache) },
      { name: 'markdownlint-cli2 (default rules)', args: [mdl, 'postmortems/**/*.md'] },
      { name: 'parse only (read + remark, one thread)', args: [parseOnly, 'postmortems'] },
      { name: 'postmortem lint --concurrency 2 (two workers)', args: lint('--concurrency', '2') },
    ];
    if (beforeCli) {
      cases.push(
        { name: 'before: lint --concurrency 1', args: before('--concurrency', '1') },
        { name: 'before: lint (--concurrency auto)', args: before('--concurrency', 'auto') },
        {
          name: 'before: lint --cache, cold',
          args: before('--cache', '--cache-location', beforeCache),
          before: () => rmSync(beforeCache, { force: true }),
        },
        { name: 'before: lint --cache, warm', args: before('--cache', '--cache-location', beforeCache) },
      );
    }
    const samples = cases.map(() => [] as Sample[]);
    for (let i = 0; i < RUNS; i++) {
      cases.forEach((c, k) => {
        c.before?.();
        samples[k].push(time(c.args, dir));
      });
    }
    const med = (k: number, key: keyof Sample) => medianOf(samples[k].map((s) => s[key]));
    const mib = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
    printTable(
      ['command (fresh node process, 840 files)', 'wall median', 'wall min', 'CPU median', 'peak RSS'],
      cases.map((c, k) => [
        c.name,
        ms(med(k, 'wall')),
        ms(Math.min(...samples[k].map((s) => s.wall))),
        ms(med(k, 'cpu')),
        mib(med(k, 'rss')),
      ]),
    );
    console.log();
    const ratio = (a: number, b: number, key: keyof Sample) => `${(med(a, key) / med(b, key)).toFixed(2)}×`;
    printTable(
      ['ratio (of medians)', 'wall', 'CPU'],
      [
        ['auto / concurrency 1', ratio(1, 0, 'wall'), ratio(1, 0, 'cpu')],
        ['concurrency 2 / concurrency 1', ratio(6, 0, 'wall'), ratio(6, 0, 'cpu')],
        ['concurrency 1 / markdownlint-cli2', ratio(0, 4, 'wall'), ratio(0, 4, 'cpu')],
        ['auto / markdownlint-cli2 (goal ≤ 0.75× cold)', ratio(1, 4, 'wall'), ratio(1, 4, 'cpu')],
        ['--cache cold / auto without cache', ratio(2, 1, 'wall'), ratio(2, 1, 'cpu')],
        ['--cache warm / markdownlint-cli2 (goal ≤ 0.1×)', ratio(3, 4, 'wall'), ratio(3, 4, 'cpu')],
        ['concurrency 1 / parse only', ratio(0, 5, 'wall'), ratio(0, 5, 'cpu')],
        ['auto / parse only (goal ≤ 1.3× CPU)', ratio(1, 5, 'wall'), ratio(1, 5, 'cpu')],
      ],
    );
    if (!GNU_TIME) console.log('  (CPU time and memory need GNU time at /usr/bin/time)');
    console.log(
      '  All runs use the default rules (time budget 60 s); wall time on a shared machine moves with its load, CPU time less so.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
