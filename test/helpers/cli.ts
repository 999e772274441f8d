// The CLI in process: main() or one command, with what it writes kept for the test.
import type { CommandIo } from '../../server/src/cli/commands/shared';
import { main } from '../../server/src/cli/main';

/** An io for a command in `cwd` that keeps what it writes in `out`. */
export function capturingIo(cwd: string): { io: CommandIo; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const io = {
    cwd,
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
  };
  return { io, out };
}

/** Runs `postmortem <args>` in `cwd` with an empty environment, not on a terminal unless `isTty`; `stdin` for --stdin. */
export async function cli(
  cwd: string,
  args: readonly string[],
  { isTty = false, stdin }: { isTty?: boolean; stdin?: string } = {},
) {
  const { io, out } = capturingIo(cwd);
  const readStdin = stdin === undefined ? undefined : async () => stdin;
  const code = await main(args, { ...io, isTty, env: {}, readStdin });
  return { code, ...out };
}
