/**
 * The error budget an incident consumed: minutes of impact times the share affected, against the budget of the
 * SLO's window ((100 − target)% of the window). Pure arithmetic, no Node, no LSP.
 */

export interface BudgetInput {
  /** The SLO target in percent (99.9). */
  targetPercent: number;
  /** The SLO window in minutes (30 days: 43 200). */
  windowMinutes: number;
  /** Minutes of impact. */
  impactMinutes: number;
  /** The share of requests or users affected, from 0 to 1. */
  share: number;
}

export interface BudgetFigures {
  /** The window's whole error budget, in minutes (99.9% over 30 days: 43.2). */
  budgetMinutes: number;
  /** Minutes of full outage the incident is worth: impact minutes × share affected. */
  consumedMinutes: number;
  /** consumed / budget: 0.5 is half the window's budget, above 1 the SLO is broken by this incident alone. */
  budgetShare: number;
}

/** Rounds to two decimals, so that figures compare exactly in tests and read well. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function computeBudget(input: BudgetInput): BudgetFigures {
  const budgetMinutes = input.windowMinutes * (1 - input.targetPercent / 100);
  const consumedMinutes = Math.max(0, input.impactMinutes) * Math.min(1, Math.max(0, input.share));
  return {
    budgetMinutes: round2(budgetMinutes),
    consumedMinutes: round2(consumedMinutes),
    budgetShare: budgetMinutes > 0 ? Math.round((consumedMinutes / budgetMinutes) * 10_000) / 10_000 : 0,
  };
}

/** "43.2 min", "2 h 10 min": minutes with at most one decimal under an hour. */
export function budgetMinutesText(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes * 10) / 10} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** 0.2315 → "23%", 0.0463 → "4.6%", 0.0004 → "0.04%", 3.1 → "310%". */
export function percentText(share: number): string {
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.1) return `${Math.round(p * 100) / 100}%`;
  if (p < 10) return `${Math.round(p * 10) / 10}%`;
  return `${Math.round(p)}%`;
}
