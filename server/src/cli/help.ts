// The CLI's help texts, in a module of their own: `postmortem --help` and `postmortem lint --help` print them from the
// entry point (server/src/cli.ts) before the CLI proper, and with it the analysis, is loaded.
import { COMMANDS_HELP } from './commands';

/** The names of the output formats (formatters/index.ts's FORMATTERS, in order; a test keeps them the same). */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'markdown'] as const;

export const HELP = `Usage: postmortem lint [options] [paths, folders or globs…]

Checks incident postmortems written in Markdown: required sections, blameless wording, timelines,
follow-up actions and frontmatter.

A folder means every .md, .markdown and .mdx file below it (skipping node_modules and dot-folders) that
looks like a postmortem: under a postmortems/, post-mortems/ or incidents/ folder, named *postmortem*.md,
with frontmatter "type: postmortem", titled as a postmortem, incident review or incident report, or holding
several parts of one (a timeline or a cause among them).
A file named on the command line is always linted. With no paths, the current folder is linted. Files
matched by a config's "ignores" globs or by .gitignore files are skipped.

Options:
  -f, --format <name>         Output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
                              sarif: SARIF 2.1.0 (GitHub code scanning); github: workflow commands (annotations);
                              gitlab: Code Quality JSON; markdown: a pull-request comment
      --changed-since <ref>   Lint only the postmortems changed since the merge base of <ref> and HEAD (as a pull
                              request would show them, plus uncommitted and untracked files), and report only
                              findings on added or modified lines, and missing sections
      --max-warnings <n>      Exit 1 when there are more than <n> warnings (default: no limit)
      --template-text <mode>  A required part that still holds a template's text (a fresh New Postmortem file):
                              error (default) counts it as missing, so the run fails; info reports it as a
                              "still to write" note, as the editor does (the default with --stdin)
  -q, --quiet                 Report errors only (warnings still count towards --max-warnings)
      --fix                   Apply the safe fixes (insert missing sections) in place; with --stdin, print the
                              fixed text instead of a report
      --stdin                 Lint the text on standard input (for editors: none-ls, conform.nvim, ALE, efm)
      --stdin-filename <file> The name of that text: its config is looked up and postmortem detection uses it
  -c, --config <file>         Use this config file instead of the .postmortemrc.* files found near each file
      --no-config             Use the defaults only: no .postmortemrc.* file is read
      --print-config <file>   Print the config that applies to <file> (JSON) and exit
      --no-gitignore          Also lint files that .gitignore files ignore (the config's "ignores" still apply)
      --all                   Lint every Markdown file found, not only those that look like postmortems
      --concurrency <n|auto>  Lint in up to <n> worker threads (default: auto, one per 2 cores; one per 4 files at
                              most); 1 lints in this thread. The output is the same whatever the number
      --cache                 Keep each file's result in a cache and reuse it while the file, its config and the
                              version of postmortem are unchanged (as ESLint's --cache); --fix lints a file again
                              when it has something to fix
      --cache-location <path> The cache file, or a folder to keep it in (default: .postmortemcache)
      --debug                 Say on standard error how many files came from the cache, were linted, and in how
                              many worker threads
  -o, --output-file <file>    Write the report to a file instead of standard output
      --report-file <fmt>=<file>  Also write the report in another format to a file, from the same run
                              (repeatable): --report-file sarif=out.sarif --report-file markdown=comment.md
      --color, --no-color     Force or turn off colours (default: on a colour terminal; FORCE_COLOR and
                              NO_COLOR are honoured)
  -h, --help                  Show this help
  -v, --version               Show the version

Exit codes: 0 no error-level problem, 1 at least one error (or more warnings than --max-warnings),
2 bad usage, unreadable input, a bad config, a git problem with --changed-since, or a fixed file that could
not be written.
Docs: https://github.com/postmortem-dev/postmortem#readme`;

/**
 * The help that argv asks for without anything else to run: `postmortem` (then exit 2), `postmortem --help`, `-h` or
 * `help` (whatever follows), and `postmortem lint --help` alone; undefined otherwise.
 */
export function helpFor(argv: readonly string[]): { text: string; code: number } | undefined {
  const [command] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { text: `${HELP}\n${COMMANDS_HELP}\n`, code: command === undefined ? 2 : 0 };
  }
  if (argv.length === 2 && command === 'lint' && (argv[1] === '--help' || argv[1] === '-h')) {
    return { text: `${HELP}\n`, code: 0 };
  }
  return undefined;
}
