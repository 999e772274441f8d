import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../core';
import { VERSION } from '../node/version';
import { expandTargets, UsageError } from './files';
import { FORMATTERS } from './formatters';
import { type FileResult, Linter, UnreadableError } from './lint';

const HELP = `Usage: postmortem lint [options] [paths, folders or globs…]

Checks incident postmortems written in Markdown: required sections, empty sections, frontmatter.

A folder means every .md, .markdown and .mdx file below it (skipping node_modules and dot-folders) that
looks like a postmortem: under a postmortems/, post-mortems/ or incidents/ folder, named *postmortem*.md,
with frontmatter "type: postmortem", or titled as a postmortem, incident review or incident report.
A file named on the command line is always linted. With no paths, the current folder is linted.

Options:
  -f, --format <name>   Output format: ${Object.keys(FORMATTERS).join(', ')} (default: stylish)
      --fix             Apply the safe fixes (insert missing sections) in place
  -c, --config <file>   Use this config file instead of the .postmortemrc.* files found near each file
      --all             Lint every Markdown file found, not only those that look like postmortems
      -o, --output-file <file>  Write the report to a file instead of standard output
      --no-color        Plain output
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no error-level problem, 1 at least one error, 2 bad usage, unreadable input or a bad config.
Docs: https://github.com/postmortem-dev/postmortem#readme`;

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
}

/** Runs the CLI and returns its exit code; all output goes through `io`. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command !== 'lint') {
    io.stderr(`postmortem: unknown command "${command}". Run "postmortem --help".\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseLintArgs>;
  try {
    parsed = parseLintArgs(rest);
  } catch (e) {
    io.stderr(`postmortem: ${(e as Error).message}. Run "postmortem --help".\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const format = values.format ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) {
    io.stderr(`postmortem: unknown format "${format}"; choose one of ${Object.keys(FORMATTERS).join(', ')}.\n`);
    return 2;
  }
  const results: FileResult[] = [];
  try {
    const linter = new Linter({ cwd: io.cwd, fix: !!values.fix, all: !!values.all, configPath: values.config });
    const targets = await expandTargets(positionals, io.cwd);
    for (const target of targets) results.push(linter.lintFile(target));
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnreadableError || e instanceof ConfigError) {
      io.stderr(`postmortem: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const color = !values['no-color'] && io.isTty && !io.env.NO_COLOR;
  const output = formatter(results, { cwd: io.cwd, color });
  if (values['output-file']) writeFileSync(values['output-file'], output);
  else io.stdout(output);

  const skipped = results.filter((r) => r.skipped).length;
  if (skipped > 0 && format === 'stylish') {
    io.stderr(
      `${skipped} Markdown file${skipped === 1 ? '' : 's'} skipped: not postmortems (name a file to lint it anyway, or use --all).\n`,
    );
  }
  const fixed = results.filter((r) => r.fixesApplied > 0).length;
  if (fixed > 0) io.stderr(`Fixed ${fixed} file${fixed === 1 ? '' : 's'}.\n`);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function parseLintArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      all: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'output-file': { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
