/**
 * The error budget a postmortem's incident consumed, for each SLO that applies to it (the frontmatter's `slo`,
 * else the config's `slos` for its services). From the impact's duration (the timeline's start of impact to its
 * mitigation or resolution, else the duration the document states) and the share affected (stated, else 100%,
 * marked as an assumption). Every figure says where it came from, with its range in the document.
 */
import type { ResolvedConfig } from '../config';
import { declaredServices, normaliseService } from '../learning/services';
import { frontmatterKeys } from '../metadata/validate';
import type { PostmortemModel } from '../model';
import { computeMetrics, getMilestones } from '../timeline';
import { statedImpactMinutes } from '../timeline/impact-end';
import type { Range } from '../timeline/types';
import { type BudgetFigures, budgetMinutesText, computeBudget, percentText } from './budget';
import { configSlos, frontmatterSlos, type Slo } from './declare';
import { findImpactShare, type ImpactShare } from './share';

export { type BudgetFigures, type BudgetInput, budgetMinutesText, computeBudget, percentText } from './budget';
export { configSlos, frontmatterSlos, readSlo, type Slo, type SloSpec, targetPercent, windowMinutes } from './declare';
export { findImpactShare, frontmatterShare, type ImpactShare, sharesIn } from './share';

/** Where the minutes of impact came from. */
export interface ImpactDuration {
  minutes: number;
  /** timeline: start of impact to mitigation (or resolution); stated: a duration the text gives ("for 38 minutes"). */
  source: 'timeline' | 'stated';
  /** Whether a person set both ends (frontmatter keys or milestone markers) rather than the wording suggesting them. */
  inferred: boolean;
  /** The entries (or frontmatter values) of the start and end, or the stated duration's words. */
  ranges: Range[];
  /** "timeline 09:12 → 09:41" or `stated: "for 38 minutes"`. */
  text: string;
}

export interface SloBudget extends BudgetFigures {
  slo: Slo;
}

export interface ErrorBudget {
  /** The SLOs that apply, each with its figures (empty when none is declared). */
  budgets: SloBudget[];
  /** The largest share of a window's budget among them (what the severity policy compares). */
  worst?: SloBudget;
  duration?: ImpactDuration;
  share: {
    value: number;
    /** True when no share was stated and 100% was assumed. */
    assumed: boolean;
    stated?: ImpactShare;
  };
  /** Whether any figure rests on an inference or an assumption (the usual case). */
  estimate: boolean;
  /** What the figures rest on, one plain sentence each, for tooltips and reports. */
  notes: string[];
  /** ok: computed; no-slo: no SLO declared; no-duration: the impact's duration is unknown. */
  status: 'ok' | 'no-slo' | 'no-duration';
  /** One line for the code lens and the view. */
  sentence: string;
}

const cache = new WeakMap<PostmortemModel, WeakMap<ResolvedConfig, ErrorBudget>>();

/** The services a postmortem declares, normalised (for the config's `slos`). */
function servicesOf(model: PostmortemModel): string[] {
  const declared = declaredServices(model.frontmatter?.data);
  return [...new Set([...declared, ...declared.map(normaliseService)])];
}

function sloRange(model: PostmortemModel): Range | undefined {
  const key = frontmatterKeys(model).find((k) => k.key === 'slo');
  return key ? { start: key.keyRange.start, end: key.valueRange?.end ?? key.keyRange.end } : undefined;
}

/** The SLOs that apply: the frontmatter's, else the config's for the declared services (or `"*"`). */
export function applicableSlos(model: PostmortemModel, config?: ResolvedConfig): Slo[] {
  const data = model.frontmatter?.data;
  if (data && data.slo !== undefined) {
    const own = frontmatterSlos(data, sloRange(model));
    if (own.length > 0) return own;
  }
  return configSlos(config?.slos, servicesOf(model));
}

/** The minutes of impact: the timeline's, else the stated duration. */
export function impactDuration(model: PostmortemModel): ImpactDuration | undefined {
  const milestones = getMilestones(model);
  const metrics = computeMetrics(milestones);
  if (metrics.durationMinutes !== null && metrics.durationMinutes > 0) {
    const start = milestones.find((m) => m.kind === 'started');
    const end = milestones.find((m) => m.kind === 'mitigated') ?? milestones.find((m) => m.kind === 'resolved');
    const ends = [start, end].filter((m) => m !== undefined);
    const at = (m: typeof start) => m?.instant?.clock ?? m?.instant?.date ?? '?';
    return {
      minutes: metrics.durationMinutes,
      source: 'timeline',
      inferred: ends.some((m) => m.source === 'inferred'),
      ranges: ends.map((m) => m.range),
      text: `timeline ${at(start)} → ${at(end)}${end?.kind === 'resolved' ? ' (resolution)' : ''}`,
    };
  }
  const stated = statedImpactMinutes(model);
  if (!stated) return undefined;
  return {
    minutes: stated.minutes,
    source: 'stated',
    inferred: true,
    ranges: [{ start: stated.start, end: stated.end }],
    text: `stated: "${stated.text}"`,
  };
}

/** The error budget the incident consumed under each SLO that applies; computed once per model and config. */
export function getErrorBudget(model: PostmortemModel, config?: ResolvedConfig): ErrorBudget {
  const key = config ?? NO_CONFIG;
  let byConfig = cache.get(model);
  if (!byConfig) {
    byConfig = new WeakMap();
    cache.set(model, byConfig);
  }
  let budget = byConfig.get(key);
  if (!budget) {
    budget = errorBudget(applicableSlos(model, config), impactDuration(model), findImpactShare(model));
    byConfig.set(key, budget);
  }
  return budget;
}

const NO_CONFIG = { slos: undefined } as unknown as ResolvedConfig;

/** The budget from its parts (exported for tests: known inputs give exact figures). */
export function errorBudget(
  slos: readonly Slo[],
  duration: ImpactDuration | undefined,
  stated: ImpactShare | undefined,
): ErrorBudget {
  const share = { value: stated?.share ?? 1, assumed: !stated, ...(stated ? { stated } : {}) };
  const notes: string[] = [];
  if (duration) {
    notes.push(
      duration.source === 'timeline'
        ? `Impact of ${budgetMinutesText(duration.minutes)} from the ${duration.text}${duration.inferred ? ', inferred from the wording' : ''}.`
        : `Impact of ${budgetMinutesText(duration.minutes)} as the text states it (${duration.text.slice(8)}); the timeline gives no start and end.`,
    );
  }
  notes.push(
    stated
      ? `${percentText(stated.share)} affected, from "${stated.text}" (${stated.where === 'lead' ? 'introduction' : stated.where}).`
      : 'No share of requests or users affected is stated: 100% assumed.',
  );
  const estimate = share.assumed || !duration || duration.inferred;
  const base = { share, estimate, notes, ...(duration ? { duration } : {}) };
  if (slos.length === 0) {
    return { ...base, budgets: [], status: 'no-slo', sentence: 'Error budget: no SLO declared' };
  }
  if (!duration) {
    return {
      ...base,
      budgets: [],
      status: 'no-duration',
      sentence: 'Error budget unknown: the impact has no start and end',
    };
  }
  const budgets = slos.map((slo) => ({
    slo,
    ...computeBudget({
      targetPercent: slo.targetPercent,
      windowMinutes: slo.windowMinutes,
      impactMinutes: duration.minutes,
      share: share.value,
    }),
  }));
  const worst = budgets.reduce((a, b) => (b.budgetShare > a.budgetShare ? b : a));
  const why = [
    ...(duration.source === 'stated'
      ? ['impact from a stated duration']
      : duration.inferred
        ? ['milestones inferred from the wording']
        : []),
    ...(share.assumed ? ['100% affected assumed'] : []),
  ];
  const sentence =
    `Error budget: ${estimate ? '~' : ''}${percentText(worst.budgetShare)} of ${worst.slo.window} ` +
    `(${budgetMinutesText(worst.consumedMinutes)} of ${budgetMinutesText(worst.budgetMinutes)}, ${worst.slo.targetPercent}%` +
    `${worst.slo.sli ? ` ${worst.slo.sli}` : ''})${why.length ? ` · estimate: ${why.join(', ')}` : ''}`;
  return { ...base, budgets, worst, status: 'ok', sentence };
}

/** A source of a budget figure as the CLI and the report give it: 1-based line, and the words. */
export interface BudgetSource {
  what: 'slo' | 'impact-start' | 'impact-end' | 'stated-duration' | 'share';
  line: number;
  text: string;
}

/** The error budget as `postmortem metrics --format json` and the report give it. */
export interface ErrorBudgetJson {
  status: ErrorBudget['status'];
  /** The SLO the figures are for (the one whose budget suffered most). */
  slo: { target: number; window: string; sli: string | null; source: Slo['source']; service: string | null } | null;
  impactMinutes: number | null;
  impactSource: ImpactDuration['source'] | null;
  /** The share affected, 0–1. */
  share: number;
  shareAssumed: boolean;
  consumedMinutes: number | null;
  budgetMinutes: number | null;
  /** Percent of the window's budget consumed (46.3). */
  budgetPercent: number | null;
  estimate: boolean;
  sentence: string;
  notes: string[];
  sources: BudgetSource[];
}

/** The budget with its sources as lines and words (for the CLI, the report and any JSON consumer). */
export function errorBudgetJson(model: PostmortemModel, budget: ErrorBudget): ErrorBudgetJson {
  const sources: BudgetSource[] = [];
  const add = (what: BudgetSource['what'], range: Range | undefined) => {
    if (!range) return;
    const text = model.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().slice(0, 200);
    sources.push({ what, line: model.lines.position(range.start).line + 1, text });
  };
  const worst = budget.worst;
  if (worst?.slo.range) add('slo', worst.slo.range);
  const d = budget.duration;
  if (d?.source === 'timeline') {
    add('impact-start', d.ranges[0]);
    add('impact-end', d.ranges[1]);
  } else if (d) add('stated-duration', d.ranges[0]);
  if (budget.share.stated) add('share', budget.share.stated.sentence);
  return {
    status: budget.status,
    slo: worst
      ? {
          target: worst.slo.targetPercent,
          window: worst.slo.window,
          sli: worst.slo.sli ?? null,
          source: worst.slo.source,
          service: worst.slo.service ?? null,
        }
      : null,
    impactMinutes: d?.minutes ?? null,
    impactSource: d?.source ?? null,
    share: budget.share.value,
    shareAssumed: budget.share.assumed,
    consumedMinutes: worst?.consumedMinutes ?? null,
    budgetMinutes: worst?.budgetMinutes ?? null,
    budgetPercent: worst ? Math.round(worst.budgetShare * 10_000) / 100 : null,
    estimate: budget.estimate,
    sentence: budget.sentence,
    notes: budget.notes,
    sources,
  };
}
