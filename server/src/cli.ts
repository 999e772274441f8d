// Entry point of dist/cli.js (the `postmortem` command). In the CLI's analysis worker, the same bundle serves
// analyses instead.
import { main } from './cli/main';
import { isAnalysisWorkerThread, serveAnalyses } from './node/analysis-worker-main';

if (isAnalysisWorkerThread()) serveAnalyses();
else
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: !!process.stdout.isTTY,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`postmortem: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
