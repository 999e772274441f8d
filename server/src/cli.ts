// Entry point of dist/cli.js (the `postmortem` command).
import { main } from './cli/main';

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
