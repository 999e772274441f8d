import { levelsOf, severityLevel, severityText } from '../../core/metadata/severity';
import { frontmatterKeys } from '../../core/metadata/validate';
import type { Rule } from '../../core/rule';
import { getErrorBudget, percentText } from '../../core/slo';
import { titleRange } from '../structure/required-section';

/** A policy step: an incident that burns at least `minBudgetPercent` of a window's error budget is `severity`. */
interface PolicyStep {
  severity: string | number;
  minBudgetPercent: number;
}

export const DEFAULT_BUDGET_POLICY: readonly PolicyStep[] = [
  { severity: 'SEV1', minBudgetPercent: 20 },
  { severity: 'SEV2', minBudgetPercent: 5 },
  { severity: 'SEV3', minBudgetPercent: 1 },
];

/**
 * The declared severity and the error budget burned tell the same story: by the team's policy (by default SEV1
 * from 20% of a window's budget, SEV2 from 5%, SEV3 from 1%), an incident is neither graded below nor above
 * what it cost the SLO. Needs an SLO (frontmatter `slo` or config `slos`) and the impact's duration.
 */
export const severityBudgetMismatch: Rule = {
  id: 'metadata/severity-budget-mismatch',
  description:
    'The declared severity matches the error budget the incident burned, by the policy in the config (by default SEV1 from 20% of the SLO window’s budget, SEV2 from 5%, SEV3 from 1%).',
  defaultSeverity: 'info',
  scope: 'range',
  fixable: false,
  options: {
    policy: {
      type: 'array',
      description:
        'Severity by error budget burned: each step is the least share of the SLO window’s budget (in percent) that makes an incident that severe, e.g. `[{ severity: SEV1, minBudgetPercent: 20 }, { severity: SEV2, minBudgetPercent: 5 }]`.',
      items: {
        type: 'object',
        required: ['severity', 'minBudgetPercent'],
        additionalProperties: false,
        properties: {
          severity: { type: ['string', 'integer'], description: 'SEV0–SEV5, P0–P4 or a level number.' },
          minBudgetPercent: { type: 'number', minimum: 0, description: 'Percent of the window’s budget.' },
        },
      },
      minItems: 1,
    },
    overstated: {
      type: 'boolean',
      description:
        'Also report a severity above what the budget burned calls for (severity can rest on more than availability: turn this off if it often does).',
      default: true,
    },
  },
  check({ model, config, options, report }) {
    const level = severityLevel(model);
    if (level === undefined) return;
    const budget = getErrorBudget(model, config);
    if (budget.status !== 'ok' || !budget.worst) return;
    const steps = ((options.policy as PolicyStep[] | undefined) ?? DEFAULT_BUDGET_POLICY)
      .flatMap((s) => {
        const [l] = levelsOf([s.severity]);
        return l === undefined ? [] : [{ level: l, min: s.minBudgetPercent, written: String(s.severity) }];
      })
      .sort((a, b) => a.level - b.level);
    if (steps.length === 0) return;
    const burned = budget.worst.budgetShare * 100;
    // The most severe step the burn reaches; none reached: anything less severe than the last step.
    const reached = steps.find((s) => burned >= s.min);
    const written = severityText(model) ?? `SEV${level}`;
    const { slo } = budget.worst;
    const what = `${budget.estimate ? 'about ' : ''}${percentText(budget.worst.budgetShare)} of the ${slo.window} error budget (${slo.targetPercent}% SLO)`;
    const basis = budget.notes.join(' ');
    let message: string | undefined;
    let expected: string;
    let direction: 'understated' | 'overstated';
    if (reached && level > reached.level) {
      direction = 'understated';
      expected = reached.written;
      message = `Severity ${written} looks low for ${what}: the policy makes that ${reached.written} (from ${reached.min}%). ${basis}`;
    } else {
      if (options.overstated === false) return;
      // The step that grants this severity: the most severe step at or below it (SEV0 is granted by SEV1's).
      const own = steps.find((s) => s.level >= level);
      if (!own || burned >= own.min) return;
      direction = 'overstated';
      expected = reached ? reached.written : `less than ${steps[steps.length - 1].written}`;
      message = `Severity ${written} looks high for ${what}: the policy asks ${own.min}% for ${own.written}. If the severity rests on something else (data loss, security), say so. ${basis}`;
    }
    const key = frontmatterKeys(model).find((k) => k.key === 'severity');
    const range = key?.valueRange ?? key?.keyRange ?? titleRange(model);
    report({
      message,
      start: range.start,
      end: range.end,
      data: {
        severity: level,
        expected,
        direction,
        budgetPercent: Math.round(burned * 100) / 100,
        consumedMinutes: budget.worst.consumedMinutes,
        budgetMinutes: budget.worst.budgetMinutes,
        estimate: budget.estimate,
      },
    });
  },
};
