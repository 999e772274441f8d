import type { PostmortemModel } from '../model';

/**
 * The incident's severity as a level from 0 (the worst) to 5, read from the frontmatter `severity` (SEV0–SEV5,
 * P0–P4, a number, critical / major / high / medium / moderate / minor / low, or a status page's words) or, failing that, from a
 * "Severity: SEV1" line before the first section. Undefined when the document does not say.
 */
export function severityLevel(model: PostmortemModel): number | undefined {
  const value = model.frontmatter?.data.severity;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5) return value;
  if (typeof value === 'string') return levelOf(value);
  const firstSection = model.allSections[0]?.start ?? model.text.length;
  const stated = /^[^\w\n]{0,4}(?:severity|sev|priority|level)[^\w\n]{0,4}[ \t]*[:=-][ \t]*[^\w\n]{0,2}([\w-]+)/im.exec(
    model.text.slice(0, Math.min(firstSection, 4000)),
  );
  return stated ? levelOf(stated[1]) : undefined;
}

/** The severity as written, for messages. */
export function severityText(model: PostmortemModel): string | undefined {
  const value = model.frontmatter?.data.severity;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Severity words as levels, with a status page's (cState: down, disrupted, notice; Statuspage's component states:
 * major outage, partial outage, degraded performance).
 */
const SEVERITY_WORDS: Record<string, number> = {
  critical: 1,
  major: 1,
  down: 1,
  outage: 1,
  'major outage': 1,
  high: 2,
  disrupted: 2,
  'partial outage': 2,
  medium: 3,
  moderate: 3,
  degraded: 3,
  'degraded performance': 3,
  minor: 4,
  low: 4,
  notice: 4,
};

function levelOf(written: string): number | undefined {
  const w = written.trim().toLowerCase();
  const numbered = /^(?:sev(?:erity)?[- ]?|p|s)?([0-5])$/.exec(w);
  if (numbered) return Number(numbered[1]);
  return SEVERITY_WORDS[w];
}

/** Parses a rule option's severity list ("SEV1", "P1", "critical", 1) into levels. */
export function levelsOf(values: readonly (string | number)[]): Set<number> {
  const out = new Set<number>();
  for (const v of values) {
    const level = typeof v === 'number' ? v : levelOf(v);
    if (level !== undefined) out.add(level);
  }
  return out;
}

/** Whether the incident is at least as severe as `level` (SEV1 is at least SEV2). */
export function atLeast(model: PostmortemModel, level: number): boolean {
  const own = severityLevel(model);
  return own !== undefined && own <= level;
}
