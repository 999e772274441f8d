// The CLI's analysis in its own thread, still bounded by the config's time budget: the analysis runs inside a
// `vm` script with a timeout, which stops it as Worker.terminate stops a worker (V8 terminates the execution) and
// throws here. A lone file, or a run in one thread, so needs no worker thread: no second copy of the analysis to
// load, and the model the analysis built is the one the report uses (the worker's is not sent back, so the host
// parsed the text again).
//
// A stopped analysis may leave the analysis' lazily built state (caches, word lists) half made: after a stop, this
// thread analyses nothing more, and the files that follow go to the analysis worker (node/analysis-worker.ts).
import { Script } from 'node:vm';
import { type AnalysisInput, analyze, type ResolvedConfig } from '../core';
import type { Analyser, BudgetedResult } from '../core/service';
import { overBudget, sharedAnalysisWorker } from '../node/analysis-worker';
import { RULES } from '../rules';

/**
 * A small postmortem whose prose reaches every lazily loaded part of the analysis a config turns on (the NLP model
 * and the name lists of the blame rules), as lsp/server.ts's warm-up does: analysed once per config before the
 * first timed analysis, so that loading them (slow on a loaded machine) is not counted in a file's budget.
 */
export const WARM_UP_TEXT =
  '# Warm-up\n\n## Summary\n\nAna deployed the change because the check was skipped; a careless human error that someone should have caught.\n';

const CALL = Symbol.for('postmortem.budgetedAnalysis');
/** The script the timeout applies to: it calls the job set on the global object, and nothing else. */
const RUN = new Script(`globalThis[Symbol.for('postmortem.budgetedAnalysis')]()`, {
  filename: 'postmortem-budgeted-analysis',
});

/** Whether an error is the vm timeout's (the analysis was stopped at the budget). */
function isTimeout(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Runs `job` in this thread, stopped after `budgetMs`: its value, or `undefined` when it was stopped. */
export function withinBudget<T>(job: () => T, budgetMs: number): { value: T } | undefined {
  const global = globalThis as unknown as Record<symbol, unknown>;
  let value: T | undefined;
  global[CALL] = () => {
    value = job();
  };
  try {
    RUN.runInThisContext({ timeout: Math.max(1, Math.ceil(budgetMs)) });
  } catch (e) {
    if (isTimeout(e)) return undefined;
    throw e;
  } finally {
    delete global[CALL];
  }
  return { value: value as T };
}

export class BudgetedAnalyser implements Analyser {
  /** Set once an analysis was stopped: this thread's analysis state is no longer trusted. */
  private stopped = false;
  private readonly warm = new WeakSet<ResolvedConfig>();

  analyzeSync(
    text: string,
    config: ResolvedConfig,
    budgetMs = config.timeBudgetMs,
    input: AnalysisInput = {},
  ): BudgetedResult {
    if (this.stopped) return sharedAnalysisWorker().analyzeSync(text, config, budgetMs, input);
    this.warmUp(config);
    const done = withinBudget(() => analyze(text, config, RULES, input), budgetMs);
    if (done) return done.value;
    this.stopped = true;
    return { findings: overBudget(config, budgetMs), timedOut: true };
  }

  analyze(text: string, config: ResolvedConfig, budgetMs: number | undefined, input: AnalysisInput): BudgetedResult {
    return this.analyzeSync(text, config, budgetMs, input);
  }

  /** Loads what the config's rules load on first use (see WARM_UP_TEXT), once per config, outside any budget. */
  warmUp(config: ResolvedConfig): void {
    if (this.warm.has(config)) return;
    this.warm.add(config);
    analyze(WARM_UP_TEXT, config, RULES);
  }
}
