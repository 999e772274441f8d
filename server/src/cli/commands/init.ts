import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAMES, CONFIG_SCHEMA_URL, DEFAULT_REQUIRED } from '../../core';
import { trimEndWhere } from '../../core/text';
import { type CommandIo, guarded } from './shared';

export const INIT_HELP = `Usage: postmortem init [--force]

Writes a commented .postmortemrc.yaml in the current folder: the schema reference (completion and checks in
editors), the required sections, the globs of your postmortems, ignores and rule settings to start from.
On a terminal it asks where your postmortems are; elsewhere (CI, scripts) it asks nothing and writes the
defaults. An existing config file is kept unless you confirm on a terminal, or pass --force.

Options:
      --force               Overwrite an existing .postmortemrc.* file
  -h, --help                Show this help`;

export interface InitIo extends CommandIo {
  isTty?: boolean;
  /** Asks one question on the terminal and resolves to the answer (tests pass their own). */
  ask?: (question: string) => Promise<string>;
}

/** `postmortem init`: exit 0 when the file was written, 1 when the user declined, 2 for bad usage or an existing file. */
export function runInit(args: readonly string[], io: InitIo): Promise<number> {
  return guarded(io, async () => {
    const { values } = parseArgs({
      args: [...args],
      strict: true,
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(`${INIT_HELP}\n`);
      return 0;
    }
    const interactive = !!io.isTty;
    const ask = io.ask ?? askOnTerminal;
    const existing = CONFIG_FILE_NAMES.map((name) => join(io.cwd, name)).find((path) => existsSync(path));
    if (existing && !values.force) {
      const shown = relative(io.cwd, existing);
      if (!interactive) {
        io.stderr(`postmortem: ${shown} already exists; pass --force to overwrite it.\n`);
        return 2;
      }
      const answer = await ask(`${shown} already exists. Overwrite it? (y/N) `);
      if (!/^y(es)?$/i.test(answer.trim())) {
        io.stderr('Nothing written.\n');
        return 1;
      }
    }
    let folder = '';
    if (interactive) {
      folder = (
        await ask('Folder of your postmortems, if not postmortems/, post-mortems/ or incidents/ (Enter to skip): ')
      ).trim();
    }
    const path = join(io.cwd, '.postmortemrc.yaml');
    writeFileSync(path, initialConfig(folder));
    io.stdout(`Wrote ${relative(io.cwd, path)}. Run "postmortem lint" to check your postmortems.\n`);
    return 0;
  });
}

/** The commented starting config; `folder` (optional) is added to `files`. */
export function initialConfig(folder = ''): string {
  const glob = folder ? `${trimEndWhere(folder.replace(/\\/g, '/'), (c) => c === '/')}/**/*.md` : '';
  return `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}
# Postmortem configuration: https://github.com/postmortem-dev/postmortem#configuration
# Config files are found from each postmortem's folder upwards and merged (the nearest wins), up to one with
# "root: true".
$schema: ${CONFIG_SCHEMA_URL}
root: true

# Build on a shared team config: a path relative to this file or an installed package.
# extends: ["@acme/postmortem-config"]

sections:
  # The parts every postmortem must have (any of their usual headings counts).
  required: [${DEFAULT_REQUIRED.join(', ')}]
  # Extra heading names for a part:
  # synonyms:
  #   root-cause: ["What went wrong"]

# Markdown files that are postmortems besides the defaults (postmortems/, post-mortems/, incidents/,
# *postmortem*.md, a "type: postmortem" frontmatter or a postmortem title).
files: [${glob ? JSON.stringify(glob) : ''}]

# Files never linted (globs relative to this file). Files that .gitignore ignores are skipped too.
ignores: ["**/templates/**"]

# Service level objectives by service ("*" for any other), for the error budget an incident consumed (the
# metrics, the Postmortem view, the report, metadata/severity-budget-mismatch). A postmortem's own "slo:" wins.
# slos:
#   checkout: { target: 99.9, window: 30d, sli: availability }
#   "*": { target: 99.5, window: 30d }

# The contributing-factor categories causes are sorted into (report, metrics --trends, learning/repeat-incident):
# change, config, dependency, capacity, hardware, security and process by default. Add one with its cue words,
# replace a default one's, or drop one with false.
# categories:
#   network: [bgp, packet loss, dns]
#   process: false

# Rule severities (off, info, warning, error) and options, by rule id: "postmortem --print-config FILE" shows
# them all.
rules: {}
  # blame/judgment: warning
  # structure/empty-section: error
`;
}

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
