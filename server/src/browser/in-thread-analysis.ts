// The browser server's analysis in its own thread, for where it cannot start the analysis worker that the budget
// stops (analysis-worker.ts): VS Code's web worker extension host in a browser without nested workers gives the
// server's worker a `Worker` that throws ("Nested workers from within nested worker are NOT supported"), and a
// content policy may refuse the worker's blob.
import { type AnalysisInput, analyze, type ResolvedConfig } from '../core';
import type { AnyRule, Rule } from '../core/rule';
import { overBudget } from '../core/rule-findings';
import type { BudgetedResult } from '../core/service';

/**
 * The analysis with its time budget kept between steps: nothing can stop a step in the thread that runs it, so the
 * clock is read before each rule that looks at the model, and once the budget has passed, the rules left are
 * skipped and the document gets the input/not-analysed finding of a stopped worker. A step that has begun runs to
 * its end (the parse, one rule): the budget holds to within the longest step, which complexity.ts and the rules'
 * own bounds keep short.
 */
export class InThreadAnalysis {
  private deadline = Number.POSITIVE_INFINITY;
  private stopped = false;
  /** The rules, each model rule behind the clock (made once: the same objects for every analysis). */
  private readonly guarded: readonly AnyRule[];

  constructor(
    private readonly rules: readonly AnyRule[],
    /** The clock, in milliseconds (a test gives its own). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.guarded = rules.map((rule) => (rule.phase === 'input' ? rule : this.guard(rule)));
  }

  analyze(text: string, config: ResolvedConfig, budgetMs: number, input: AnalysisInput = {}): BudgetedResult {
    this.deadline = this.now() + budgetMs;
    this.stopped = false;
    try {
      const { findings } = analyze(text, config, this.guarded, input);
      if (this.stopped) return { findings: overBudget(this.rules, config, budgetMs), timedOut: true };
      return { findings };
    } finally {
      this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  /** The rule, skipped once the budget has passed. */
  private guard(rule: Rule): Rule {
    const check = (context: Parameters<Rule['check']>[0]) => {
      if (this.stopped || this.now() >= this.deadline) {
        this.stopped = true;
        return;
      }
      rule.check(context);
    };
    return Object.assign(Object.create(rule) as Rule, { check });
  }
}
