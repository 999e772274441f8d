import { basename, relative } from 'node:path';
import {
  type ErrorBudgetJson,
  errorBudgetJson,
  getErrorBudget,
  getIncidentMetrics,
  type PostmortemModel,
} from '../../core';
import { incidentDate as recordDate, type Trends } from '../../core/learning';
import type { LoadedPostmortem } from './load';
import { trendsOf } from './trends';

/** What the report shows of one postmortem. */
export interface ReportIncident {
  filePath: string;
  title: string;
  /** `YYYY-MM-DD` when known: frontmatter `date`/`started`, the first dated timeline entry, the title, the file name. */
  date: string | null;
  /** Normalised severity: SEV0…SEV5, or "unspecified". */
  severity: string;
  timeToDetectMinutes: number | null;
  timeToResolveMinutes: number | null;
  durationMinutes: number | null;
  /** The error budget consumed, when an SLO applies (frontmatter `slo` or the config's `slos`). */
  errorBudget: ErrorBudgetJson;
}

export interface ReportData {
  incidents: ReportIncident[];
  generatedAt: string;
  /** The trends across the postmortems (as `postmortem metrics --trends` gives them), ages counted to `generatedAt`. */
  trends: Trends;
  /** Each postmortem's link from the report (by `filePath`): relative to the report's folder. */
  links: Record<string, string>;
}

/**
 * What the report shows. `now` is the day actions' ages are counted to; `reportFolder`, where the report is
 * written, so that its links to the postmortems are relative to it (and keep working when the folder moves).
 */
export function reportData(
  postmortems: readonly LoadedPostmortem[],
  now = new Date(),
  reportFolder?: string,
): ReportData {
  const incidents: ReportIncident[] = [];
  for (const p of postmortems) {
    const metrics = getIncidentMetrics(p.model);
    const title = p.model.title?.text ?? basename(p.relativePath);
    incidents.push({
      filePath: p.relativePath,
      title,
      date: incidentDate(p.model, p.relativePath),
      severity: normaliseSeverity(p.model.frontmatter?.data.severity),
      timeToDetectMinutes: metrics.timeToDetectMinutes,
      timeToResolveMinutes: metrics.timeToResolveMinutes,
      durationMinutes: metrics.durationMinutes,
      errorBudget: errorBudgetJson(p.model, getErrorBudget(p.model, p.config)),
    });
  }
  const links: Record<string, string> = {};
  for (const p of postmortems) {
    const path = reportFolder ? relative(reportFolder, p.path).split('\\').join('/') : p.relativePath;
    links[p.relativePath] = path.split('/').map(encodeURIComponent).join('/');
  }
  return {
    incidents,
    generatedAt: now.toISOString(),
    trends: trendsOf(postmortems, now),
    links,
  };
}

/**
 * The incident's date, as the workspace index reads it (frontmatter, title, file name, then the timeline's first
 * dated entry), else a year and month in the file name (`2024-05-db.md`: the 1st).
 */
export function incidentDate(model: PostmortemModel, path: string): string | null {
  const date = recordDate(model, path);
  if (date) return date;
  const yearMonth = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b/.exec(basename(path));
  return yearMonth ? `${yearMonth[1]}-${yearMonth[2]}-01` : null;
}

/** SEV0–SEV5 from "SEV2", "sev-1", "P1", 2, "critical", "major", "minor"; "unspecified" otherwise. */
export function normaliseSeverity(value: unknown): string {
  if (typeof value === 'number' && value >= 0 && value <= 5) return `SEV${value}`;
  if (typeof value !== 'string') return 'unspecified';
  const v = value.trim().toLowerCase();
  const sev = /^(?:sev)[- ]?([0-5])$/.exec(v) ?? /^p([0-4])$/.exec(v);
  if (sev) return `SEV${sev[1]}`;
  const words: Record<string, string> = {
    critical: 'SEV1',
    major: 'SEV2',
    high: 'SEV2',
    medium: 'SEV3',
    moderate: 'SEV3',
    minor: 'SEV4',
    low: 'SEV4',
  };
  return words[v] ?? 'unspecified';
}
