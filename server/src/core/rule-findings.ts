import type { ResolvedConfig } from './config';
import { type AnyRule, type Report, ruleDocsUrl } from './rule';
import type { Finding } from './types';

const RANK = { error: 2, warning: 1, info: 0 } as const;

/**
 * A finding of `rule` made outside an analysis (the host could not decode the file, or stopped the analysis at its
 * time budget), with the rule's configured severity, as the analysis would report it; undefined when the rule is
 * off. Hosts pass the rule object, never its id.
 */
export function findingOf(rule: AnyRule, config: ResolvedConfig, report: Report): Finding | undefined {
  const setting = config.rules.get(rule.id)?.severity ?? rule.defaultSeverity;
  if (setting === 'off') return undefined;
  const { severity: lower, ...rest } = report;
  const severity = lower && RANK[lower] < RANK[setting] ? lower : setting;
  return { ruleId: rule.id, severity, scope: rule.scope, url: ruleDocsUrl(rule.id), ...rest };
}

/**
 * Whether a rule that reads the workspace's other postmortems (`Rule.workspace`) is on in `config`: the hosts read
 * and index the workspace only then.
 */
export function needsWorkspace(rules: readonly AnyRule[], config: ResolvedConfig): boolean {
  return rules.some((r) => r.workspace && config.rules.get(r.id)?.severity !== 'off');
}
