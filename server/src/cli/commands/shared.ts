import { lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../core';
import { UsageError } from '../files';

// Shared with the editor (code lens, Postmortem view), so the CLI and the editor write figures alike.
export { humanMinutes, instantText } from '../../core/metrics-text';

export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The options every command takes: lint (main.ts) and the read-only ones below. */
export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  all: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options every read-only command takes. */
export function parseCommandArgs(
  args: readonly string[],
  extra: Record<string, { type: 'string' | 'boolean'; short?: string }> = {},
) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { ...COMMON_OPTIONS, ...extra },
  });
}

/** Runs a command body, turning usage and config errors into exit code 2 with a message. */
export async function guarded(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ConfigError ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`postmortem: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Writes to --output-file (creating folders) or to standard output. Returns false when the file cannot be written. */
export function emit(io: CommandIo, output: string, file: string | undefined): boolean {
  if (!file) {
    io.stdout(output);
    return true;
  }
  try {
    const target = resolve(io.cwd, file);
    if (leadsOutOfWorkspace(target, io.cwd)) {
      io.stderr(`postmortem: not writing ${file}: it is a symbolic link to a file outside ${io.cwd}\n`);
      return false;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    return true;
  } catch (e) {
    io.stderr(`postmortem: cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return false;
  }
}

/** True for a path inside the workspace that is a symbolic link to somewhere outside it. */
function leadsOutOfWorkspace(target: string, workspace: string): boolean {
  const inside = (path: string, folder: string) => {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (!inside(target, workspace)) return false;
  try {
    return !inside(realpathSync(target), realpathSync(workspace));
  } catch {
    // It does not exist yet (it will be created where it is named), or it is a link to nowhere: refused.
    try {
      return lstatSync(target).isSymbolicLink();
    } catch {
      return false;
    }
  }
}

/** A plain text table: the first column left-aligned, the others as given. */
export function textTable(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
