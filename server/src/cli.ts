// Entry point of the `postmortem` command (dist/cli.js). `--version` answers before anything else is loaded, so that
// it costs only Node's start-up, and `--help` after loading only the help texts; the CLI proper (and with it the
// analysis) is imported after. In the CLI's analysis
// worker, the same bundle serves analyses instead.
import './node/regexp-tier';
import * as nodeModule from 'node:module';
import { isMainThread, workerData } from 'node:worker_threads';
import { VERSION } from './core/version';
import { prefetchData } from './node/data-prefetch';

// On Node 22.1 and later, V8 keeps the bundles' compiled code in a cache (in the temporary folder, as TypeScript's tsc
// does), so that a run after the first does not compile the analysis again. Node 20 has no such cache: a no-op there.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);

async function run(): Promise<number> {
  if (!isMainThread && (workerData as { analysisWorker?: boolean } | null)?.analysisWorker === true) {
    (await import('./node/analysis-worker-main')).serveAnalyses();
    return new Promise(() => {});
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // The help texts are a module of their own: printing them loads nothing of the analysis either.
  const help = (await import('./cli/help')).helpFor(argv);
  if (help) {
    process.stdout.write(help.text);
    return help.code;
  }
  if (argv[0] === 'lsp') {
    // `postmortem lsp --stdio`: the language server, from the same install (the transport flag is read from argv).
    // Its bundle sits next to this one in both builds; a path in a variable keeps the bundler from inlining it.
    const server = './server.js';
    await import(server);
    return new Promise(() => {});
  }
  // The package's compressed data (the NLP model, the word lists) is decompressed on the thread pool while the CLI
  // loads (node/data-prefetch.ts); a command that analyses waits for what is not ready yet, which it would have
  // read anyway. `init` analyses nothing.
  const prefetched = argv[0] === 'init' ? undefined : prefetchData(__dirname);
  const { main } = await import('./cli/main');
  await prefetched;
  return main(argv, {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: !!process.stdout.isTTY,
    hasColors: () => !!process.stdout.isTTY && process.stdout.hasColors(),
    env: process.env,
  });
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`postmortem: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
