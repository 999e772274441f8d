import {
  DEFAULT_TAXONOMY,
  MEASURES,
  type Taxonomy,
  type Trends,
  taxonomyOf,
  trendIncident,
  trends,
} from '../../core/learning';
import { UsageError } from '../files';
import type { LoadedPostmortem } from './load';
import { humanMinutes, textTable } from './shared';

/**
 * The trends of `postmortem metrics --trends` and `postmortem report`, over the postmortems loaded: each
 * postmortem's causes sorted by the taxonomy of its own config, the categories counted in the union of those
 * taxonomies (the default seven without a `categories` key).
 */
export function trendsOf(postmortems: readonly LoadedPostmortem[], asOf: Date): Trends {
  const taxonomies = postmortems.map((p) => taxonomyOf(p.config));
  const incidents = postmortems.map((p, i) => trendIncident(p.model, p.relativePath, taxonomies[i]));
  return trends(incidents, { asOf: asOf.toISOString(), taxonomy: unionOf(taxonomies) });
}

function unionOf(taxonomies: readonly Taxonomy[]): Taxonomy {
  const distinct = [...new Set(taxonomies)];
  if (distinct.length === 0) return DEFAULT_TAXONOMY;
  if (distinct.length === 1) return distinct[0];
  const seen = new Set<string>();
  const categories = distinct.flatMap((t) =>
    t.categories.filter((c) => {
      if (seen.has(c.name)) return false;
      seen.add(c.name);
      return true;
    }),
  );
  return { categories, custom: true };
}

/** `--now`: the day follow-up actions' ages are counted to (`YYYY-MM-DD` or an ISO 8601 time), else today. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const ok = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!ok || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now takes a date (2024-12-31) or an ISO 8601 time, not "${value}".`);
  }
  return date;
}

const MEASURE_TITLES = { detect: 'to detect', mitigate: 'to mitigate', resolve: 'to resolve' } as const;

/** "3 years", "5 months", "12 days": an action's age. */
export function humanDays(days: number | null): string {
  if (days === null) return '–';
  if (days >= 730) return `${Math.round(days / 365)} years`;
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  return `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'}`;
}

/** The trends as text tables (`postmortem metrics --trends`). */
export function trendsTable(t: Trends): string {
  if (t.incidents === 0) return 'No postmortems found.\n';
  const out: string[] = [];
  const rows = MEASURES.map((m) => {
    const d = t.timeTo[m];
    const h = (v: number | null) => humanMinutes(v === null ? null : Math.round(v));
    return [`time ${MEASURE_TITLES[m]}`, `${d.n}`, h(d.median), h(d.p75), h(d.p90), h(d.min), h(d.max), h(d.mean)];
  });
  out.push(
    `Time from the start of impact, over ${t.incidents} postmortems (n: those where it is known)\n\n${textTable(
      ['', 'n', 'median', 'p75', 'p90', 'min', 'max', 'mean'],
      rows,
      new Set([1, 2, 3, 4, 5, 6, 7]),
    )}\n\nThe median and percentiles say what a typical and a bad incident look like; the mean is given beside the median only: a few long incidents pull it far from either.`,
  );
  const c = t.categories;
  const present = c.categories.filter((k) => c.totals.byCategory[k.name] > 0);
  if (c.periods.length > 0) {
    const periodRows = c.periods
      .filter((p) => p.incidents > 0)
      .map((p) => [
        p.period,
        `${p.incidents}`,
        ...present.map((k) => `${p.byCategory[k.name] || ''}`),
        `${p.uncategorised || ''}`,
      ]);
    out.push(
      `Incidents per ${c.period} and cause category (an incident counts in each of its categories; periods without incidents left out${c.totals.undated ? `; ${c.totals.undated} undated not shown` : ''})\n\n${textTable(
        [c.period, 'incidents', ...present.map((k) => k.name), 'uncategorised'],
        [
          ...periodRows,
          [
            'total',
            `${c.totals.incidents - c.totals.undated}`,
            ...present.map((k) => `${c.totals.byCategory[k.name]}`),
            `${c.totals.uncategorised}`,
          ],
        ],
        new Set(present.map((_, i) => i + 2).concat([1, present.length + 2])),
      )}`,
    );
  }
  if (t.repeatCauses.length > 0) {
    out.push(
      `Repeat causes: the same service and kind of cause in several incidents\n\n${textTable(
        ['service', 'cause', 'incidents', 'open actions', 'postmortems'],
        t.repeatCauses.map((r) => [
          r.services.join(', '),
          r.categories.join(', '),
          `${r.incidents.length}`,
          `${r.openActions}`,
          r.incidents.map((i) => `${i.date ?? '?'} ${i.id}`).join('; '),
        ]),
        new Set([2, 3]),
      )}`,
    );
  } else {
    out.push('Repeat causes: none (no service and cause category shared by two postmortems).');
  }
  const a = t.actions;
  const owners = a.byOwner
    .slice(0, 20)
    .map((o) => [o.owner ?? '(no owner)', `${o.open}`, `${o.done}`, humanDays(o.oldestOpenDays)]);
  out.push(
    `Follow-up actions as of ${a.asOf}: ${a.open} open, ${a.done} done of ${a.total}; ${a.unassignedOpen} open without an owner. Open ones, counted from their postmortem's date: median ${humanDays(a.openAge.median)}, p90 ${humanDays(a.openAge.p90)}, oldest ${humanDays(a.openAge.max)}; ${a.openAge.over30} older than 30 days, ${a.openAge.over90} older than 90${a.openAge.undated ? ` (${a.openAge.undated} of undated postmortems not aged)` : ''}.\n\n${textTable(
      ['owner', 'open', 'done', 'oldest open'],
      owners,
      new Set([1, 2, 3]),
    )}${a.byOwner.length > 20 ? `\n… and ${a.byOwner.length - 20} more owners (--format json lists them all)` : ''}`,
  );
  return `${out.join('\n\n')}\n`;
}
