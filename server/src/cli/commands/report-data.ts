import { basename } from 'node:path';
import {
  type ErrorBudgetJson,
  errorBudgetJson,
  getActionItems,
  getErrorBudget,
  getIncidentMetrics,
  getTimeline,
  type PostmortemModel,
} from '../../core';
import type { LoadedPostmortem } from './load';

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

export interface ReportAction {
  filePath: string;
  title: string;
  text: string;
  owner: string | null;
  tracking: string[];
  type: string;
}

export interface ReportData {
  incidents: ReportIncident[];
  openActions: ReportAction[];
  doneActions: number;
  generatedAt: string;
}

export function reportData(postmortems: readonly LoadedPostmortem[], now = new Date()): ReportData {
  const incidents: ReportIncident[] = [];
  const openActions: ReportAction[] = [];
  let doneActions = 0;
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
    for (const a of getActionItems(p.model)) {
      if (a.status === 'done') {
        doneActions++;
        continue;
      }
      openActions.push({
        filePath: p.relativePath,
        title,
        text: a.text,
        owner: a.owner?.text ?? null,
        tracking: a.tracking.map((t) => t.text),
        type: a.type,
      });
    }
  }
  return { incidents, openActions, doneActions, generatedAt: now.toISOString() };
}

const ISO_DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;

/** The incident's date, from the most to the least reliable source. */
export function incidentDate(model: PostmortemModel, path: string): string | null {
  const data = model.frontmatter?.data ?? {};
  for (const key of ['date', 'started', 'detected']) {
    const value = data[key];
    const m = typeof value === 'string' ? ISO_DATE.exec(value) : undefined;
    if (m) return m[0];
  }
  const dated = getTimeline(model).entries.find((e) => e.instant?.dateKnown && e.instant.date);
  if (dated?.instant?.date) return dated.instant.date;
  const fromTitle = ISO_DATE.exec(model.title?.text ?? '');
  if (fromTitle) return fromTitle[0];
  const fromPath = ISO_DATE.exec(basename(path));
  if (fromPath) return fromPath[0];
  const yearMonth = /\b((?:19|20)\d{2})-(\d{2})\b/.exec(basename(path));
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
