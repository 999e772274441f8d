import { daysBetween, publicationDelayDays } from '../../core/metadata/dates';
import { levelsOf, severityLevel } from '../../core/metadata/severity';
import type { Rule } from '../../core/rule';
import { titleRange } from '../structure/required-section';

interface Limit {
  days: number;
  unit: 'calendar' | 'business';
}

/** PagerDuty's postmortem guide: 3 calendar days for a Sev-1 (and anything worse), 5 business days for a Sev-2. */
export const DEFAULT_LIMITS: Record<string, Limit> = {
  SEV1: { days: 3, unit: 'calendar' },
  SEV2: { days: 5, unit: 'business' },
};

/**
 * The limit for an incident of `level`: the limit of its own level, else of the nearest less severe level listed
 * (a SEV0 gets at most the SEV1 limit), else `default` (also used when the severity is not stated).
 */
export function limitFor(limits: Record<string, Limit>, level: number | undefined): Limit | undefined {
  let best: { level: number; limit: Limit } | undefined;
  if (level !== undefined) {
    for (const [key, limit] of Object.entries(limits)) {
      if (key === 'default') continue;
      for (const l of levelsOf([key])) {
        if (l >= level && (!best || l < best.level)) best = { level: l, limit };
      }
    }
  }
  return best?.limit ?? limits.default;
}

/** Postmortems written while memories are fresh are better and their actions land sooner (PagerDuty, Atlassian). */
export const publicationDelay: Rule = {
  id: 'metadata/publication-delay',
  description:
    "The postmortem's date is within the team's limit after the incident ended, by severity (PagerDuty: 3 calendar days for a Sev-1, 5 business days for a Sev-2).",
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  options: {
    limits: {
      type: 'object',
      description:
        'Days allowed from the end of the incident to the postmortem, by severity (`SEV1`, `P2`, `critical`, or `default` for other and unstated severities); a more severe level without its own entry gets the limit of the nearest less severe one.',
      additionalProperties: {
        type: 'object',
        required: ['days'],
        additionalProperties: false,
        properties: {
          days: { type: 'integer', minimum: 0, description: 'How many days.' },
          unit: {
            enum: ['calendar', 'business'],
            default: 'calendar',
            description: 'Calendar days, or business days (Monday to Friday).',
          },
        },
      },
      default: DEFAULT_LIMITS,
    },
  },
  check({ model, options, report }) {
    const limits = (options.limits as Record<string, Limit> | undefined) ?? DEFAULT_LIMITS;
    const level = severityLevel(model);
    const limit = limitFor(limits, level);
    if (!limit) return;
    const dates = publicationDelayDays(model);
    if (!dates) return;
    const unit = limit.unit ?? 'calendar';
    const delay = daysBetween(dates.incident.date, dates.publication.date, unit);
    if (delay <= limit.days) return;
    const severity = level === undefined ? 'this incident' : `a severity ${level} incident`;
    report({
      message: `The postmortem is dated ${delay} ${unit} days after the incident (${dates.incident.date}, from ${dates.incident.source}, to ${dates.publication.date}, from \`${dates.publication.source}\`); the limit for ${severity} is ${limit.days} ${unit} days. Postmortems written while memories are fresh are more accurate and their actions start sooner.`,
      ...(dates.publication.range ?? titleRange(model)),
      data: {
        delayDays: delay,
        unit,
        limitDays: limit.days,
        incidentDate: dates.incident.date,
        publicationDate: dates.publication.date,
        ...(level === undefined ? {} : { severity: level }),
      },
    });
  },
};
