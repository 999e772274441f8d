// `npm run bench`: prints the machine, then runs every module in scripts/bench/ in file-name order.
// A module exports `run(): Promise<void>` and prints its own figures. Files whose name starts with `_` are
// skipped, so helpers can live next to the modules. Figures are printed, never asserted (see issue 2).
//
// Each module runs in its own Node process (this script again, with --module FILE): one module's heap, loaded
// libraries and JIT state would otherwise shift the next one's time and memory figures, and a crash or an
// out-of-memory in one module still lets the others run. A failing module is reported and the process then
// exits non-zero.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..');
const MODULES_DIR = join(__dirname, 'bench');

function printHeader(): void {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows: [string, string][] = [
    ['node', `${process.version} (V8 ${process.versions.v8})`],
    ['platform', `${platform()} ${arch()}`],
    ['cpu', `${cpu}, ${availableParallelism()} cores available`],
    ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    // Other processes competing for the CPU make every figure below slower and noisier.
    ['load', `${loadavg()[0].toFixed(2)} (1-minute average, at start)`],
    ['commit', gitCommit()],
    ['date', new Date().toISOString()],
  ];
  console.log('Postmortem benchmarks (each module in its own process)');
  for (const [key, value] of rows) console.log(`  ${key.padEnd(9)}${value}`);
}

function gitCommit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function benchModules(): string[] {
  return readdirSync(MODULES_DIR)
    .filter((name) => /\.(?:[cm]?ts|[cm]?js)$/.test(name) && !/\.d\.[cm]?ts$/.test(name) && !name.startsWith('_'))
    .sort();
}

/** Parent side: runs one module in a child process with the same Node flags (so `--import tsx` carries over). */
function runIsolated(file: string): Promise<boolean> {
  const name = basename(file).replace(/\.[^.]+$/, '');
  console.log(`\n== ${name} (scripts/bench/${basename(file)}) ==`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--module', file], { stdio: 'inherit' });
    const finish = (ok: boolean, why: string) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(ok ? `-- ${name}: done in ${seconds} s` : `-- ${name}: FAILED (${why}) after ${seconds} s`);
      resolve(ok);
    };
    child.once('error', (e) => finish(false, e.message));
    child.once('exit', (code, signal) => finish(code === 0, signal ?? `exit code ${code}`));
  });
}

/** Child side: imports one module and awaits its run(); an error is printed (on stdout, in place) and exits 1. */
async function runModule(file: string): Promise<void> {
  try {
    // Loaded as CommonJS by tsx, a module's exports may sit under `default`.
    const mod = (await import(pathToFileURL(file).href)) as { run?: unknown; default?: { run?: unknown } };
    const run = mod.run ?? mod.default?.run;
    if (typeof run !== 'function') throw new Error(`${basename(file)} exports no run() function`);
    await (run as () => Promise<void>)();
  } catch (e) {
    console.log(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const moduleFlag = process.argv.indexOf('--module');
  if (moduleFlag !== -1) {
    await runModule(process.argv[moduleFlag + 1]);
    // A module that leaves a timer or a socket open must not hang the run.
    process.exit();
  }

  printHeader();
  const failed: string[] = [];
  const modules = benchModules();
  for (const name of modules) {
    if (!(await runIsolated(join(MODULES_DIR, name)))) failed.push(name);
  }
  const summary = failed.length ? `${failed.length} failed: ${failed.join(', ')}` : 'none failed';
  console.log(`\n${modules.length} bench module(s), ${summary}`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
