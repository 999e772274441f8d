import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { categoryTitle, type IncidentRecord, type RelatedIncident } from '../../core/learning';
import { GitignoreFilter } from '../../node/ignores';
import { expandTargets, UsageError } from '../files';
import { Linter } from '../lint';
import { type CommandIo, emit, guarded, parseCommandArgs, textTable } from './shared';

export const RELATED_HELP = `Usage: postmortem related [options] FILE

Lists the postmortems of this folder (and below) most related to FILE: similar cause, trigger and impact wording
(BM25 with field weights), the same services or components, the same contributing-factor categories (change,
config, dependency, capacity, hardware, security, process). Earlier incidents with open follow-up actions are
marked: a lesson not yet learned.

Options:
  -f, --format <name>       json or table (default: table)
  -n, --limit <n>           How many to list (default: 5)
  -c, --config <file>       Use this config file instead of the .postmortemrc.* files found near each file
      --all                 Index every Markdown file found, not only those that look like postmortems
      --no-gitignore        Also index files that .gitignore files ignore
  -o, --output-file <file>  Write to a file instead of standard output
  -h, --help                Show this help`;

export interface RelatedRow {
  /** Relative to the current folder, with forward slashes. */
  filePath: string;
  title: string;
  date: string | null;
  severity: string | null;
  score: number;
  textScore: number;
  sharedServices: string[];
  sharedCategories: string[];
  sharedTerms: string[];
  /** Happened before FILE's incident (both dates known). */
  earlier: boolean;
  openActions: number;
}

export interface RelatedOutput {
  filePath: string;
  title: string;
  date: string | null;
  services: string[];
  categories: string[];
  /** How many postmortems were indexed (FILE included). */
  indexed: number;
  related: RelatedRow[];
}

const rel = (cwd: string, path: string) => (relative(cwd, path) || path).split('\\').join('/');

export function relatedOutput(
  cwd: string,
  query: IncidentRecord,
  related: readonly RelatedIncident[],
  indexed: number,
): RelatedOutput {
  return {
    filePath: rel(cwd, query.id),
    title: query.title,
    date: query.date ?? null,
    services: query.services,
    categories: query.categories,
    indexed,
    related: related.map((r) => ({
      filePath: rel(cwd, r.id),
      title: r.title,
      date: r.date ?? null,
      severity: r.severity ?? null,
      score: r.score,
      textScore: r.textScore,
      sharedServices: r.sharedServices,
      sharedCategories: r.sharedCategories,
      sharedTerms: r.sharedTerms,
      earlier: r.earlier,
      openActions: r.openActions,
    })),
  };
}

/** Why a row is related, in a few words: the shared services, the shared cause, else the shared words. */
export function relatedWhy(r: Pick<RelatedRow, 'sharedServices' | 'sharedCategories' | 'sharedTerms'>): string {
  const parts = [...r.sharedServices.map((s) => `service ${s}`), ...r.sharedCategories.map((c) => `cause: ${c}`)];
  return parts.length > 0 ? parts.join(', ') : `words: ${r.sharedTerms.slice(0, 3).join(', ')}`;
}

export function relatedTable(out: RelatedOutput): string {
  const head = `${out.filePath}: ${out.title}${out.date ? ` (${out.date})` : ''}\n  services: ${out.services.join(', ') || '(none found)'}; cause: ${out.categories.map((c) => categoryTitle(c)).join('; ') || '(no category found)'}\n\n`;
  if (out.related.length === 0) return `${head}No related postmortem among the ${out.indexed - 1} others indexed.\n`;
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const table = textTable(
    ['#', 'score', 'date', 'postmortem', 'shared', 'open actions', 'file'],
    out.related.map((r, i) => [
      String(i + 1),
      r.score.toFixed(2),
      r.date ?? '?',
      clip(r.title, 50),
      clip(relatedWhy(r), 60),
      r.openActions > 0 ? `${r.openActions}${r.earlier ? ' (earlier)' : ''}` : '0',
      r.filePath,
    ]),
    new Set([1, 5]),
  );
  return `${head}${table}\n`;
}

/** `postmortem related FILE`: exit 0, or 2 for bad usage or an unreadable file. */
export function runRelated(args: readonly string[], io: CommandIo): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      limit: { type: 'string', short: 'n' },
      'no-gitignore': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout(`${RELATED_HELP}\n`);
      return 0;
    }
    const format = values.format === 'stylish' ? 'table' : (values.format ?? 'table');
    if (format !== 'json' && format !== 'table') {
      io.stderr(`postmortem: unknown format "${format}" for related; choose json or table.\n`);
      return 2;
    }
    const limitText = (values as { limit?: string }).limit ?? '5';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1)
      throw new UsageError(`--limit needs a whole number from 1, not "${limitText}".`);
    if (positionals.length !== 1)
      throw new UsageError('related needs exactly one FILE. Run "postmortem related --help".');
    const path = resolve(io.cwd, positionals[0]);
    if (!existsSync(path)) throw new UsageError(`Cannot read ${positionals[0]}: ENOENT`);

    const linter = new Linter({
      cwd: io.cwd,
      fix: false,
      all: !!values.all,
      configPath: values.config,
      inProcess: true,
    });
    const gitignore = (values as { 'no-gitignore'?: boolean })['no-gitignore'] ? undefined : new GitignoreFilter();
    const below = (await expandTargets([], io.cwd)).filter(
      (t) =>
        t.path === path ||
        !(linter.service.isIgnored(linter.configFor(t.path), t.path) || gitignore?.isIgnored(t.path)),
    );
    const targets = below.some((t) => t.path === path) ? below : [...below, { path, explicit: true }];
    const index = linter.indexWorkspace(targets.map((t) => (t.path === path ? { ...t, explicit: true } : t)));
    const query = index.get(path);
    if (!query) throw new UsageError(`${positionals[0]} could not be analysed as a postmortem.`);
    const out = relatedOutput(io.cwd, query, index.related(query, { limit }), index.size);
    const output = format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : relatedTable(out);
    return emit(io, output, values['output-file']) ? 0 : 2;
  });
}
