import type { CommandIo } from './shared';

type Command = (args: readonly string[], io: CommandIo) => Promise<number>;

/**
 * The subcommands besides `lint`, by name. Each returns its exit code. Each is imported when it runs, so that
 * `lint` never loads the report's HTML and plotting, nor `init` the analysis.
 */
export const COMMANDS: Record<string, Command> = {
  metrics: async (args, io) => (await import('./metrics')).runMetrics(args, io),
  actions: async (args, io) => (await import('./actions')).runActions(args, io),
  related: async (args, io) => (await import('./related')).runRelated(args, io),
  report: async (args, io) => (await import('./report')).runReport(args, io),
  init: async (args, io) => (await import('./init')).runInit(args, io),
};

/** Appended to the top-level help. */
export const COMMANDS_HELP = `
Other commands (run "postmortem <command> --help" for their options):
  postmortem metrics [paths…] [--format json|table]   Time to detect, mitigate and resolve, and impact duration
  postmortem metrics [paths…] --trends                Across them: distributions, causes over time, repeats, actions
  postmortem actions [paths…] [--format json|table]   Every follow-up action, open or done, with owner and tracking
  postmortem related FILE [--format json|table]       The postmortems most related to FILE (cause, services)
  postmortem report [paths…] --out report.html        One self-contained HTML page over all postmortems, with trends
  postmortem init [--force]                           Write a commented .postmortemrc.yaml here
  postmortem lsp --stdio                              The language server (for LSP editors)`;
