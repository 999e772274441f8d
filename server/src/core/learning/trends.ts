import { mean as d3mean, quantileSorted } from 'd3-array';
import { getActionItems } from '../actions';
import type { PostmortemModel } from '../model';
import { getIncidentMetrics } from '../timeline';
import { DEFAULT_TAXONOMY, type Taxonomy } from './categories';
import { incidentRecord } from './record';

/**
 * Trends a team can act on, across the postmortems of a repository: the distributions of time to detect,
 * mitigate and resolve (medians and percentiles, not means: a few long incidents make a mean say little, as the
 * VOID report shows), incidents per cause category over time, repeat causes (the same service and category in
 * several incidents), and the follow-up actions (open and done, how old the open ones are, by owner). Plain data
 * in, plain data out: `postmortem metrics --trends` prints it and `postmortem report` draws it.
 */

/** What the trends need of one postmortem. */
export interface TrendIncident {
  id: string;
  title: string;
  /** `YYYY-MM-DD`, when known. */
  date?: string;
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  /** The services it is about: those the frontmatter declares, else those the text names. */
  services: string[];
  /** Its cause categories, names of the taxonomy, strongest first. */
  categories: string[];
  /** Follow-up actions: their text, owner, tickets or links, and whether they are done. */
  actions: { text: string; owner: string | null; tracking?: string[]; done: boolean }[];
}

/** The trend input of one analysed postmortem. */
export function trendIncident(
  model: PostmortemModel,
  id: string,
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
): TrendIncident {
  const record = incidentRecord(model, id, taxonomy);
  const metrics = getIncidentMetrics(model);
  return {
    id,
    title: record.title,
    ...(record.date ? { date: record.date } : {}),
    timeToDetectMinutes: metrics.timeToDetectMinutes,
    timeToMitigateMinutes: metrics.timeToMitigateMinutes,
    timeToResolveMinutes: metrics.timeToResolveMinutes,
    services: record.declaredServices.length > 0 ? record.declaredServices : record.services,
    categories: record.categories,
    actions: getActionItems(model).map((a) => ({
      text: a.text,
      owner: a.owner?.text.trim() || null,
      tracking: a.tracking.map((t) => t.text),
      done: a.status === 'done',
    })),
  };
}

export const MEASURES = ['detect', 'mitigate', 'resolve'] as const;
export type Measure = (typeof MEASURES)[number];

const MEASURE_KEY = {
  detect: 'timeToDetectMinutes',
  mitigate: 'timeToMitigateMinutes',
  resolve: 'timeToResolveMinutes',
} as const satisfies Record<Measure, keyof TrendIncident>;

/** One measure across incidents. Quantiles interpolate between ranks (R-7, as spreadsheets do). */
export interface Distribution {
  measure: Measure;
  /** Incidents with the measure known, and without. */
  n: number;
  missing: number;
  median: number | null;
  /** The quartiles (a box plot's box) and the 90th percentile. */
  p25: number | null;
  p75: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  /** Given only beside the median: one long incident moves it far. */
  mean: number | null;
  /** One per incident with the measure known, shortest first. */
  incidents: { id: string; title: string; date: string | null; minutes: number }[];
}

const round1 = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 10) / 10);

export function distribution(measure: Measure, incidents: readonly TrendIncident[]): Distribution {
  const key = MEASURE_KEY[measure];
  const known = incidents
    .filter((i) => typeof i[key] === 'number' && Number.isFinite(i[key]))
    .map((i) => ({ id: i.id, title: i.title, date: i.date ?? null, minutes: i[key] as number }))
    .sort((a, b) => a.minutes - b.minutes || a.id.localeCompare(b.id));
  const values = known.map((k) => k.minutes);
  return {
    measure,
    n: values.length,
    missing: incidents.length - values.length,
    median: round1(quantileSorted(values, 0.5)),
    p25: round1(quantileSorted(values, 0.25)),
    p75: round1(quantileSorted(values, 0.75)),
    p90: round1(quantileSorted(values, 0.9)),
    min: values.length ? values[0] : null,
    max: values.length ? values[values.length - 1] : null,
    mean: round1(d3mean(values)),
    incidents: known,
  };
}

export type Period = 'month' | 'quarter' | 'year';

/** A date's period key: `2024-05`, `2024-Q2`, `2024`. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The period for counting over a span: months up to two years (at most 24 bars), quarters up to fifteen years
 * (60), years beyond.
 */
export function periodFor(first: string, last: string): Period {
  const months =
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1;
  return months <= 24 ? 'month' : months <= 180 ? 'quarter' : 'year';
}

/** Every period from the first date's to the last's, empty ones included. */
function periodRange(first: string, last: string, period: Period): string[] {
  const out: string[] = [];
  const step = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  let y = Number(first.slice(0, 4));
  let m = period === 'year' ? 1 : Number(first.slice(5, 7));
  if (period === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
  const end = periodOf(last, period);
  for (let guard = 0; guard < 10_000; guard++) {
    const key = periodOf(`${y}-${String(m).padStart(2, '0')}-01`, period);
    out.push(key);
    if (key === end) break;
    m += step;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

export interface CategoryTrend {
  period: Period;
  /** The taxonomy's categories, in its order, with their titles. */
  categories: { name: string; title: string }[];
  /** Incidents per period; an incident with several categories counts once in each. */
  periods: { period: string; incidents: number; byCategory: Record<string, number>; uncategorised: number }[];
  totals: { incidents: number; byCategory: Record<string, number>; uncategorised: number; undated: number };
}

export function categoryTrend(
  incidents: readonly TrendIncident[],
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
): CategoryTrend {
  const names = taxonomy.categories.map((c) => c.name);
  const zero = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
  const totals = { incidents: incidents.length, byCategory: zero(), uncategorised: 0, undated: 0 };
  for (const i of incidents) {
    const mine = i.categories.filter((c) => names.includes(c));
    for (const c of mine) totals.byCategory[c]++;
    if (mine.length === 0) totals.uncategorised++;
    if (!i.date) totals.undated++;
  }
  const dates = incidents.flatMap((i) => (i.date ? [i.date] : [])).sort();
  const categories = taxonomy.categories.map((c) => ({ name: c.name, title: c.title }));
  if (dates.length === 0) return { period: 'month', categories, periods: [], totals };
  const period = periodFor(dates[0], dates[dates.length - 1]);
  const periods = periodRange(dates[0], dates[dates.length - 1], period).map((p) => ({
    period: p,
    incidents: 0,
    byCategory: zero(),
    uncategorised: 0,
  }));
  const byKey = new Map(periods.map((p) => [p.period, p]));
  for (const i of incidents) {
    if (!i.date) continue;
    const p = byKey.get(periodOf(i.date, period));
    if (!p) continue;
    p.incidents++;
    const mine = i.categories.filter((c) => names.includes(c));
    for (const c of mine) p.byCategory[c]++;
    if (mine.length === 0) p.uncategorised++;
  }
  return { period, categories, periods, totals };
}

/** Incidents that share a service and a cause category: the same failure, more than once. */
export interface RepeatCause {
  services: string[];
  categories: string[];
  /** Oldest first. */
  incidents: { id: string; title: string; date: string | null; openActions: number }[];
  /** Open follow-up actions across them. */
  openActions: number;
}

/**
 * Repeat causes: for each service and category, the incidents that share both; groups of two or more, those with
 * the same incidents merged (two services of the same incidents are one repeat), most incidents first.
 */
export function repeatCauses(incidents: readonly TrendIncident[]): RepeatCause[] {
  const pairs = new Map<string, { service: string; category: string; ids: Set<string> }>();
  for (const i of incidents) {
    for (const service of new Set(i.services)) {
      for (const category of new Set(i.categories)) {
        const key = `${service}\u0000${category}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { service, category, ids: new Set() };
          pairs.set(key, pair);
        }
        pair.ids.add(i.id);
      }
    }
  }
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const groups = new Map<string, { services: Set<string>; categories: Set<string>; ids: string[] }>();
  for (const pair of pairs.values()) {
    if (pair.ids.size < 2) continue;
    const ids = [...pair.ids].sort();
    const key = ids.join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { services: new Set(), categories: new Set(), ids };
      groups.set(key, group);
    }
    group.services.add(pair.service);
    group.categories.add(pair.category);
  }
  const out: RepeatCause[] = [...groups.values()].map((g) => {
    const list = g.ids
      .map((id) => byId.get(id) as TrendIncident)
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id))
      .map((i) => ({
        id: i.id,
        title: i.title,
        date: i.date ?? null,
        openActions: i.actions.filter((a) => !a.done).length,
      }));
    return {
      services: [...g.services].sort(),
      categories: [...g.categories].sort(),
      incidents: list,
      openActions: list.reduce((n, i) => n + i.openActions, 0),
    };
  });
  const latest = (r: RepeatCause) => r.incidents.reduce((d, i) => (i.date && i.date > d ? i.date : d), '');
  return out.sort(
    (a, b) =>
      b.incidents.length - a.incidents.length ||
      latest(b).localeCompare(latest(a)) ||
      a.services.join().localeCompare(b.services.join()),
  );
}

export interface ActionTrend {
  /** The day ages are counted to: `YYYY-MM-DD`. */
  asOf: string;
  total: number;
  open: number;
  done: number;
  /** Days from each open action's postmortem date to `asOf` (actions of undated postmortems are left out). */
  openAge: {
    n: number;
    undated: number;
    median: number | null;
    p90: number | null;
    max: number | null;
    over30: number;
    over90: number;
  };
  /** By owner (as written, compared without case or a leading @); `owner: null` gathers the unassigned. */
  byOwner: { owner: string | null; open: number; done: number; oldestOpenDays: number | null }[];
  /** Open actions without an owner. */
  unassignedOpen: number;
  /** Every open action, oldest first (undated last). */
  openActions: {
    id: string;
    title: string;
    date: string | null;
    text: string;
    owner: string | null;
    tracking: string[];
    ageDays: number | null;
  }[];
}

const DAY_MS = 86_400_000;

export function actionTrend(incidents: readonly TrendIncident[], asOf: string): ActionTrend {
  const today = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`);
  const owners = new Map<string, { owner: string | null; open: number; done: number; oldestOpenDays: number | null }>();
  const openActions: ActionTrend['openActions'] = [];
  let total = 0;
  for (const i of incidents) {
    const start = i.date ? Date.parse(`${i.date}T00:00:00Z`) : Number.NaN;
    const age = Number.isNaN(start) || Number.isNaN(today) ? null : Math.max(0, Math.round((today - start) / DAY_MS));
    for (const a of i.actions) {
      total++;
      const key = a.owner ? a.owner.replace(/^@/, '').toLowerCase() : '';
      let row = owners.get(key);
      if (!row) {
        row = { owner: a.owner ? a.owner.replace(/^@/, '') : null, open: 0, done: 0, oldestOpenDays: null };
        owners.set(key, row);
      }
      if (a.done) {
        row.done++;
        continue;
      }
      row.open++;
      if (age !== null) row.oldestOpenDays = Math.max(row.oldestOpenDays ?? 0, age);
      openActions.push({
        id: i.id,
        title: i.title,
        date: i.date ?? null,
        text: a.text,
        owner: a.owner,
        tracking: a.tracking ?? [],
        ageDays: age,
      });
    }
  }
  openActions.sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || a.id.localeCompare(b.id));
  const ages = openActions.flatMap((a) => (a.ageDays === null ? [] : [a.ageDays])).sort((a, b) => a - b);
  const byOwner = [...owners.values()].sort(
    (a, b) => b.open - a.open || b.done - a.done || (a.owner ?? '').localeCompare(b.owner ?? ''),
  );
  return {
    asOf: asOf.slice(0, 10),
    total,
    open: openActions.length,
    done: total - openActions.length,
    openAge: {
      n: ages.length,
      undated: openActions.length - ages.length,
      median: round1(quantileSorted(ages, 0.5)),
      p90: round1(quantileSorted(ages, 0.9)),
      max: ages.length ? ages[ages.length - 1] : null,
      over30: ages.filter((d) => d > 30).length,
      over90: ages.filter((d) => d > 90).length,
    },
    byOwner,
    unassignedOpen: owners.get('')?.open ?? 0,
    openActions,
  };
}

/** All the trends: what `postmortem metrics --trends --format json` prints. */
export interface Trends {
  incidents: number;
  timeTo: Record<Measure, Distribution>;
  categories: CategoryTrend;
  repeatCauses: RepeatCause[];
  actions: ActionTrend;
}

export function trends(incidents: readonly TrendIncident[], options: { asOf: string; taxonomy?: Taxonomy }): Trends {
  return {
    incidents: incidents.length,
    timeTo: {
      detect: distribution('detect', incidents),
      mitigate: distribution('mitigate', incidents),
      resolve: distribution('resolve', incidents),
    },
    categories: categoryTrend(incidents, options.taxonomy),
    repeatCauses: repeatCauses(incidents),
    actions: actionTrend(incidents, options.asOf),
  };
}
