import {
  type ErrorBudgetJson,
  errorBudgetJson,
  getErrorBudget,
  getIncidentMetrics,
  type IncidentMetrics,
  type PostmortemModel,
  type ResolvedConfig,
} from '../../core';
import { type LoadedPostmortem, loadPostmortems } from './load';
import { type CommandIo, emit, guarded, humanMinutes, instantText, parseCommandArgs, textTable } from './shared';
import { parseNow, trendsOf, trendsTable } from './trends';

export const METRICS_HELP = `Usage: postmortem metrics [options] [paths, folders or globs…]

Prints the incident metrics of each postmortem, from its timeline's milestones (start of impact, detection,
mitigation, resolution: inferred from the wording, marked with <!-- milestone: detected -->, or set in the
frontmatter as started/detected/mitigated/resolved).

  time to detect    start of impact → detection
  time to mitigate  start of impact → mitigation
  time to resolve   start of impact → resolution
  duration          start of impact → mitigation (or resolution)

All in whole minutes; null when a milestone is unknown or known only to the day.

Error budget: for a postmortem with an SLO (frontmatter slo: { target: 99.9, window: 30d }, or the config's
slos by service, "*" for any), the minutes of impact × the share of requests or users affected (as the impact
section, summary or introduction states it: "5% of requests"; else 100%, assumed), against the window's budget
((100 − target)% of the window). Marked "~" when it is an estimate (inferred milestones, assumed share).

Trends (--trends): across all the postmortems found, instead of one row each:
  time to detect / mitigate / resolve as distributions: n, median, p75, p90, min, max (the mean only beside the
    median: a few long incidents pull it far from what a typical incident looks like);
  incidents per cause category (the config's categories; default change, config, dependency, capacity,
    hardware, security, process) and per month, quarter or year (by the span of the dates);
  repeat causes: the same service and cause category in two or more postmortems;
  follow-up actions: open and done, the age of the open ones (from their postmortem's date to --now), by owner.

Options:
  -f, --format <name>       json or table (default: table)
      --trends              Print the trends across the postmortems instead of one row each
      --now <date>          The day actions' ages are counted to (2024-12-31; default: today)
  -c, --config <file>       Use this config file instead of the .postmortemrc.* files found near each file
      --all                 Read every Markdown file found, not only those that look like postmortems
  -o, --output-file <file>  Write to a file instead of standard output
  -h, --help                Show this help

JSON: [{ filePath, started, detected, mitigated, resolved, timeToDetectMinutes, timeToMitigateMinutes,
timeToResolveMinutes, durationMinutes, errorBudget }], times as ISO 8601 where the date is known, else HH:MM,
else null. errorBudget: { status (ok, no-slo, no-duration), slo, impactMinutes, impactSource, share,
shareAssumed, consumedMinutes, budgetMinutes, budgetPercent, estimate, sentence, notes, sources: [{ what, line,
text }] }.

JSON with --trends: { incidents, timeTo: { detect, mitigate, resolve: { measure, n, missing, median, p25, p75,
p90, min, max, mean, incidents: [{ id, title, date, minutes }] } } (minutes), categories: { period (month, quarter or
year), categories: [{ name, title }], periods: [{ period (2024-05, 2024-Q2, 2024), incidents, byCategory: { name:
count }, uncategorised }], totals: { incidents, byCategory, uncategorised, undated } }, repeatCauses: [{ services,
categories, incidents: [{ id, title, date, openActions }], openActions }], actions: { asOf, total, open, done,
openAge: { n, undated, median, p90, max, over30, over90 } (days), byOwner: [{ owner (null: no owner), open, done,
oldestOpenDays }], unassignedOpen, openActions: [{ id, title, date, text, owner, tracking, ageDays }] } }. id is the
postmortem's path.`;

export interface MetricsRow {
  filePath: string;
  started: string | null;
  detected: string | null;
  mitigated: string | null;
  resolved: string | null;
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  durationMinutes: number | null;
  errorBudget: ErrorBudgetJson;
}

/** One row of `postmortem metrics --format json`. */
export function metricsRow(
  filePath: string,
  metrics: IncidentMetrics,
  model: PostmortemModel,
  config?: ResolvedConfig,
): MetricsRow {
  return {
    filePath,
    started: instantText(metrics.started),
    detected: instantText(metrics.detected),
    mitigated: instantText(metrics.mitigated),
    resolved: instantText(metrics.resolved),
    timeToDetectMinutes: metrics.timeToDetectMinutes,
    timeToMitigateMinutes: metrics.timeToMitigateMinutes,
    timeToResolveMinutes: metrics.timeToResolveMinutes,
    durationMinutes: metrics.durationMinutes,
    errorBudget: errorBudgetJson(model, getErrorBudget(model, config)),
  };
}

export function metricsRows(postmortems: readonly LoadedPostmortem[]): MetricsRow[] {
  return postmortems.map((p) => metricsRow(p.relativePath, getIncidentMetrics(p.model), p.model, p.config));
}

/** The budget column: "~46% (20 min)", "no SLO", "–" without a duration. */
export function budgetCell(b: ErrorBudgetJson): string {
  if (b.status === 'no-slo') return 'no SLO';
  if (b.status !== 'ok' || b.budgetPercent === null) return '–';
  const consumed = b.consumedMinutes ?? 0;
  const minutes = consumed < 60 ? `${Math.round(consumed * 10) / 10} min` : humanMinutes(Math.round(consumed));
  return `${b.estimate ? '~' : ''}${b.budgetPercent < 10 ? b.budgetPercent.toFixed(1) : Math.round(b.budgetPercent)}% (${minutes})`;
}

export function metricsTable(rows: readonly MetricsRow[]): string {
  if (rows.length === 0) return 'No postmortems found.\n';
  const body = rows.map((r) => [
    r.filePath,
    r.started ?? '–',
    r.detected ?? '–',
    r.mitigated ?? '–',
    r.resolved ?? '–',
    humanMinutes(r.timeToDetectMinutes),
    humanMinutes(r.timeToMitigateMinutes),
    humanMinutes(r.timeToResolveMinutes),
    humanMinutes(r.durationMinutes),
    budgetCell(r.errorBudget),
  ]);
  const median = (key: keyof MetricsRow) => {
    const values = rows
      .map((r) => r[key])
      .filter((v): v is number => typeof v === 'number')
      .sort((a, b) => a - b);
    if (values.length === 0) return null;
    const mid = values.length >> 1;
    return values.length % 2 ? values[mid] : Math.round((values[mid - 1] + values[mid]) / 2);
  };
  const known = rows.filter((r) => r.timeToDetectMinutes !== null || r.timeToResolveMinutes !== null).length;
  const table = textTable(
    [
      'file',
      'started',
      'detected',
      'mitigated',
      'resolved',
      'to detect',
      'to mitigate',
      'to resolve',
      'duration',
      'error budget',
    ],
    body,
    new Set([5, 6, 7, 8, 9]),
  );
  const summary =
    `${rows.length} postmortem${rows.length === 1 ? '' : 's'}, ${known} with metrics. Median time to detect ` +
    `${humanMinutes(median('timeToDetectMinutes'))}, to mitigate ${humanMinutes(median('timeToMitigateMinutes'))}, ` +
    `to resolve ${humanMinutes(median('timeToResolveMinutes'))}.`;
  const budgets = rows.filter((r) => r.errorBudget.status === 'ok');
  const withSlo = rows.filter((r) => r.errorBudget.status !== 'no-slo').length;
  const budgetLine =
    withSlo === 0
      ? ''
      : `\nError budget: ${budgets.length} of ${withSlo} with an SLO computed (share of the SLO window's budget; ~ an estimate: milestones inferred from the wording${budgets.some((r) => r.errorBudget.shareAssumed) ? ', or 100% of requests assumed' : ''}; see --format json for the sentences used).`;
  return `${table}\n\n${summary}${budgetLine}\n`;
}

/** `postmortem metrics`: exit 0, or 2 for bad usage. */
export function runMetrics(args: readonly string[], io: CommandIo): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      trends: { type: 'boolean' },
      now: { type: 'string' },
    });
    const extra = values as { trends?: boolean; now?: string };
    if (values.help) {
      io.stdout(`${METRICS_HELP}\n`);
      return 0;
    }
    const format = values.format ?? 'table';
    if (format !== 'json' && format !== 'table') {
      io.stderr(`postmortem: unknown format "${format}" for metrics; choose json or table.\n`);
      return 2;
    }
    const now = parseNow(extra.now);
    const postmortems = await loadPostmortems(positionals, {
      cwd: io.cwd,
      configPath: values.config,
      all: !!values.all,
    });
    let output: string;
    if (extra.trends) {
      const t = trendsOf(postmortems, now);
      output = format === 'json' ? `${JSON.stringify(t, null, 2)}\n` : trendsTable(t);
    } else {
      const rows = metricsRows(postmortems);
      output = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : metricsTable(rows);
    }
    return emit(io, output, values['output-file']) ? 0 : 2;
  });
}
