import { runActions } from './actions';
import { runInit } from './init';
import { runMetrics } from './metrics';
import { runReport } from './report';
import type { CommandIo } from './shared';

/** The subcommands besides `lint`, by name. Each returns its exit code. */
export const COMMANDS: Record<string, (args: readonly string[], io: CommandIo) => Promise<number>> = {
  metrics: runMetrics,
  actions: runActions,
  report: runReport,
  init: runInit,
};

/** Appended to the top-level help. */
export const COMMANDS_HELP = `
Other commands (run "postmortem <command> --help" for their options):
  postmortem metrics [paths…] [--format json|table]   Time to detect, mitigate and resolve, and impact duration
  postmortem actions [paths…] [--format json|table]   Every follow-up action, open or done, with owner and tracking
  postmortem report [paths…] --out report.html        One self-contained HTML page over all postmortems
  postmortem init [--force]                           Write a commented .postmortemrc.yaml here
  postmortem lsp --stdio                              The language server (for LSP editors)`;
