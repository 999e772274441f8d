import { type ActionItem, getActionItems } from '../../core';
import { type LoadedPostmortem, loadPostmortems } from './load';
import { type CommandIo, emit, guarded, parseCommandArgs, textTable } from './shared';

export const ACTIONS_HELP = `Usage: postmortem actions [options] [paths, folders or globs…]

Lists every follow-up action of every postmortem, open or done, with its owner, tracking references and type
(prevent, detect, mitigate, process, investigate, other). Actions are read from lists, task lists ([ ] / [x]),
tables (Owner, Ticket, Status, Type columns) and numbered subsections of the action-items section.

Options:
  -f, --format <name>       json or table (default: table)
      --open                Only open actions
  -c, --config <file>       Use this config file instead of the .postmortemrc.* files found near each file
      --all                 Read every Markdown file found, not only those that look like postmortems
  -o, --output-file <file>  Write to a file instead of standard output
  -h, --help                Show this help`;

export interface ActionRow {
  filePath: string;
  /** 1-based line of the action. */
  line: number;
  text: string;
  status: 'open' | 'done';
  owner: string | null;
  tracking: string[];
  type: ActionItem['type'];
  section: string;
  vague: boolean;
}

export function actionRows(postmortems: readonly LoadedPostmortem[], openOnly = false): ActionRow[] {
  return postmortems.flatMap((p) =>
    getActionItems(p.model)
      .filter((a) => !openOnly || a.status === 'open')
      .map((a) => ({
        filePath: p.relativePath,
        line: p.model.lines.position(a.headRange.start).line + 1,
        text: a.text,
        status: a.status,
        owner: a.owner?.text ?? null,
        tracking: a.tracking.map((t) => t.text),
        type: a.type,
        section: a.section,
        vague: !!a.vague,
      })),
  );
}

export function actionsTable(rows: readonly ActionRow[]): string {
  if (rows.length === 0) return 'No follow-up actions found.\n';
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const table = textTable(
    ['', 'owner', 'tracking', 'type', 'action', 'where'],
    rows.map((r) => [
      r.status === 'done' ? '[x]' : '[ ]',
      r.owner ?? '(none)',
      r.tracking.length > 0 ? clip(r.tracking.join(' '), 28) : '(none)',
      r.type,
      clip(r.text, 70),
      `${r.filePath}:${r.line}`,
    ]),
  );
  const open = rows.filter((r) => r.status === 'open');
  const summary = `${rows.length} action${rows.length === 1 ? '' : 's'}: ${open.length} open (${open.filter((r) => !r.owner).length} without an owner, ${open.filter((r) => r.tracking.length === 0).length} without tracking), ${rows.length - open.length} done.`;
  return `${table}\n\n${summary}\n`;
}

/** `postmortem actions`: exit 0, or 2 for bad usage. */
export function runActions(args: readonly string[], io: CommandIo): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(args, { open: { type: 'boolean' } });
    if (values.help) {
      io.stdout(`${ACTIONS_HELP}\n`);
      return 0;
    }
    const format = values.format ?? 'table';
    if (format !== 'json' && format !== 'table') {
      io.stderr(`postmortem: unknown format "${format}" for actions; choose json or table.\n`);
      return 2;
    }
    const postmortems = await loadPostmortems(positionals, {
      cwd: io.cwd,
      configPath: values.config,
      all: !!values.all,
    });
    const rows = actionRows(postmortems, !!(values as { open?: boolean }).open);
    const output = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : actionsTable(rows);
    return emit(io, output, values['output-file']) ? 0 : 2;
  });
}
