import { DateTime } from '../luxon';
import type { PostmortemModel } from '../model';
import { getMilestones, getTimeline } from '../timeline';
import { frontmatterValueRange } from '../timeline/milestones';
import type { Range } from '../timeline/types';

/**
 * The dates the publication-delay rule compares: when the postmortem was published (or written) and when the
 * incident ended. Each is a calendar day (`2024-05-14`), with where it was read, or undefined when the document
 * does not say.
 */
export interface DocumentDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** A frontmatter key (`published`, `date`, `resolved`, …) or `timeline`. */
  source: string;
  /** Where the date is written, when it is a frontmatter value or a timeline entry. */
  range?: Range;
}

/** Frontmatter keys that give the postmortem's own date, most specific first. */
export const PUBLICATION_KEYS = [
  'published',
  'published_at',
  'publication_date',
  'publish_date',
  'postmortem_date',
  'report_date',
] as const;

/** Frontmatter keys that give the end of the incident, then those that give its day or start. */
export const INCIDENT_END_KEYS = ['resolved', 'resolvedWhen', 'mitigated'] as const;
export const INCIDENT_START_KEYS = ['incident_date', 'detected', 'started'] as const;

/** A frontmatter value as a calendar day: a string that starts with `YYYY-MM-DD`, a YAML/TOML date object. */
export function dayOf(value: unknown): string | undefined {
  let written: string | undefined;
  if (typeof value === 'string') written = value.trim();
  else if (value instanceof Date && !Number.isNaN(value.getTime())) written = value.toISOString();
  else if (value && typeof value === 'object' && typeof (value as { toISOString?: unknown }).toISOString === 'function')
    written = String((value as { toISOString(): string }).toISOString());
  const m = written ? /^(\d{4}-\d{2}-\d{2})(?![\d])/.exec(written) : null;
  if (!m) return undefined;
  return DateTime.fromISO(m[1], { zone: 'utc' }).isValid ? m[1] : undefined;
}

function fromKeys(model: PostmortemModel, keys: readonly string[]): DocumentDate | undefined {
  const data = model.frontmatter?.data ?? {};
  for (const key of keys) {
    const date = dayOf(data[key]);
    if (date) return { date, source: key, range: frontmatterValueRange(model, key) };
  }
  return undefined;
}

/**
 * The day the incident ended, as far as the document says: the frontmatter `resolved` or `mitigated`, else the
 * latest day of the timeline (its resolution or mitigation, or its last dated entry: an inferred milestone can be
 * an early step), else the frontmatter `incident_date` / `detected` / `started`, else the timeline's start of
 * impact or detection. The end, not the start: guidance counts the days to the postmortem from the incident's
 * resolution, and a long incident should not count against it.
 */
export function incidentEndDay(model: PostmortemModel): DocumentDate | undefined {
  const stated = fromKeys(model, INCIDENT_END_KEYS);
  if (stated) return stated;
  const milestones = getMilestones(model);
  let last: DocumentDate | undefined;
  for (const m of milestones) {
    if ((m.kind === 'resolved' || m.kind === 'mitigated') && m.instant?.dateKnown && m.instant.date) {
      if (!last || m.instant.date > last.date)
        last = { date: m.instant.date, source: `timeline (${m.kind})`, range: m.range };
    }
  }
  for (const entry of getTimeline(model).entries) {
    const date = entry.instant?.dateKnown ? entry.instant.date : undefined;
    if (date && (!last || date > last.date)) last = { date, source: 'timeline', range: entry.range };
  }
  if (last) return last;
  const start = fromKeys(model, INCIDENT_START_KEYS);
  if (start) return start;
  for (const kind of ['started', 'detected'] as const) {
    const m = milestones.find((x) => x.kind === kind && x.instant?.dateKnown && x.instant.date);
    if (m?.instant?.date) return { date: m.instant.date, source: `timeline (${kind})`, range: m.range };
  }
  return undefined;
}

/**
 * The postmortem's own date: a publication key (`published`, `publication_date`, …), else the frontmatter `date`
 * when the incident's end was read from somewhere else. The schema documents `date` as the incident's date, but
 * blogs and site generators write the post's date there; when it is the incident's date, it is on or before the
 * incident's end and no delay follows from it.
 */
export function publicationDay(model: PostmortemModel, incident: DocumentDate | undefined): DocumentDate | undefined {
  const stated = fromKeys(model, PUBLICATION_KEYS);
  if (stated) return stated;
  if (!incident) return undefined;
  return fromKeys(model, ['date']);
}

/**
 * Both days, or undefined when either is unknown. With a publication key and no other trace of the incident's
 * day, the frontmatter `date` is the incident's (as the schema documents it).
 */
export function publicationDelayDays(
  model: PostmortemModel,
): { incident: DocumentDate; publication: DocumentDate } | undefined {
  let incident = incidentEndDay(model);
  const publication = publicationDay(model, incident);
  if (!publication) return undefined;
  if (!incident && publication.source !== 'date') incident = fromKeys(model, ['date']);
  return incident ? { incident, publication } : undefined;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`): every day, or Monday to Friday only (`to` counted, `from` not). */
export function daysBetween(from: string, to: string, unit: 'calendar' | 'business'): number {
  const a = DateTime.fromISO(from, { zone: 'utc' });
  const b = DateTime.fromISO(to, { zone: 'utc' });
  const calendar = Math.round(b.diff(a, 'days').days);
  if (unit === 'calendar' || calendar <= 0) return calendar;
  // Whole weeks hold five business days each; walk the remainder (at most six days).
  const weeks = Math.floor(calendar / 7);
  let business = weeks * 5;
  for (let d = a.plus({ days: weeks * 7 + 1 }); d <= b; d = d.plus({ days: 1 })) if (d.weekday <= 5) business++;
  return business;
}
