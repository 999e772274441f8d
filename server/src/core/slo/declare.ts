/**
 * SLO declarations: the frontmatter's `slo` (one object or a list) and the config's `slos` (by service, with
 * `"*"` for any service), read into targets and windows. Pure: no Node, no LSP.
 */
import type { Range } from '../timeline/types';

/** One SLO as the config or the frontmatter writes it. */
export interface SloSpec {
  /** The objective in percent (99.9), or as a fraction (0.999), or a string ("99.9%"). */
  target: number | string;
  /** The rolling window: "30d", "4w", "28 days", "month", "quarter", or a number of days. */
  window?: string | number;
  /** What is measured: availability, latency, … (free text). */
  sli?: string;
}

/** An SLO read and checked: the target as a percent below 100, the window in minutes. */
export interface Slo {
  targetPercent: number;
  windowMinutes: number;
  /** The window as written ("30d"), or "30d" when the default was used. */
  window: string;
  sli?: string;
  /** Where it was declared: the frontmatter, or the config (for which service). */
  source: 'frontmatter' | 'config';
  /** The config's service key ("checkout", "*"), for config SLOs. */
  service?: string;
  /** The frontmatter value's range, for frontmatter SLOs. */
  range?: Range;
}

export const DEFAULT_WINDOW = '30d';
const MINUTES_PER_DAY = 1440;

/** "30d", "4w", "28 days", "month", "quarter", 30 → minutes; undefined when it cannot be read. */
export function windowMinutes(window: string | number | undefined): number | undefined {
  if (window === undefined) return 30 * MINUTES_PER_DAY;
  if (typeof window === 'number') return window > 0 && window <= 3660 ? window * MINUTES_PER_DAY : undefined;
  const w = window.trim().toLowerCase();
  const named: Record<string, number> = {
    day: 1,
    daily: 1,
    week: 7,
    weekly: 7,
    month: 30,
    monthly: 30,
    quarter: 90,
    quarterly: 90,
    year: 365,
    yearly: 365,
  };
  if (w in named) return named[w] * MINUTES_PER_DAY;
  const m = /^(\d{1,4})\s?(h|hours?|d|days?|w|weeks?|mo|months?|q|quarters?|y|years?)$/.exec(w);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n <= 0) return undefined;
  const unit = m[2];
  if (unit.startsWith('h')) return n * 60;
  if (unit.startsWith('d')) return n * MINUTES_PER_DAY;
  if (unit.startsWith('w')) return n * 7 * MINUTES_PER_DAY;
  if (unit.startsWith('mo')) return n * 30 * MINUTES_PER_DAY;
  if (unit.startsWith('q')) return n * 90 * MINUTES_PER_DAY;
  return n * 365 * MINUTES_PER_DAY;
}

/** 99.9, "99.9%", "99.9", 0.999 → 99.9; undefined outside (0, 100). */
export function targetPercent(target: unknown): number | undefined {
  let value: number;
  if (typeof target === 'number') value = target;
  else if (typeof target === 'string') {
    const m = /^\s*(\d{1,3}(?:\.\d{1,6})?)\s?%?\s*$/.exec(target);
    if (!m) return undefined;
    value = Number(m[1]);
  } else return undefined;
  if (!Number.isFinite(value)) return undefined;
  if (value > 0 && value < 1) value *= 100;
  return value > 0 && value < 100 ? value : undefined;
}

/** Reads one SLO object; undefined when its target or window cannot be read. */
export function readSlo(value: unknown, source: Slo['source'], extra: Partial<Slo> = {}): Slo | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const spec = value as Record<string, unknown>;
  const target = targetPercent(spec.target);
  const window = typeof spec.window === 'string' || typeof spec.window === 'number' ? spec.window : undefined;
  const minutes = windowMinutes(window);
  if (target === undefined || minutes === undefined) return undefined;
  const slo: Slo = {
    targetPercent: target,
    windowMinutes: minutes,
    window: window === undefined ? DEFAULT_WINDOW : typeof window === 'number' ? `${window}d` : window.trim(),
    source,
    ...extra,
  };
  if (typeof spec.sli === 'string' && spec.sli.trim()) slo.sli = spec.sli.trim();
  return slo;
}

/** The frontmatter's `slo` (an object or a list of them), in order; unreadable entries are left out. */
export function frontmatterSlos(data: Record<string, unknown> | undefined, range?: Range): Slo[] {
  const value = data?.slo;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => readSlo(v, 'frontmatter', range ? { range } : {}) ?? []);
}

/**
 * The config's SLOs that apply to a postmortem of these services (normalised, lower case): each service's own,
 * else the `"*"` entry. Keys are compared without case.
 */
export function configSlos(slos: Record<string, SloSpec> | undefined, services: readonly string[]): Slo[] {
  if (!slos) return [];
  const wanted = new Set(services.map((s) => s.trim().toLowerCase()));
  const out: Slo[] = [];
  for (const [service, spec] of Object.entries(slos)) {
    if (service === '*' || !wanted.has(service.trim().toLowerCase())) continue;
    const slo = readSlo(spec, 'config', { service });
    if (slo) out.push(slo);
  }
  if (out.length === 0 && slos['*']) {
    const slo = readSlo(slos['*'], 'config', { service: '*' });
    if (slo) out.push(slo);
  }
  return out;
}
