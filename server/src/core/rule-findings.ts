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

/** The finding of a document whose analysis was stopped at its time budget (input/not-analysed), in every host. */
export function overBudget(rules: readonly AnyRule[], config: ResolvedConfig, budgetMs: number): Finding[] {
  const seconds = budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
  // The input rule reports what could not be analysed.
  const rule = rules.find((r) => r.phase === 'input');
  const finding =
    rule &&
    findingOf(rule, config, {
      message: `Not analysed: the analysis took longer than its ${seconds} budget and was stopped. Split the file or simplify its longest paragraphs and tables, or raise "timeBudgetMs" in .postmortemrc.`,
      start: 0,
      end: 0,
      data: { reason: 'time-budget', budgetMs },
    });
  return finding ? [finding] : [];
}
