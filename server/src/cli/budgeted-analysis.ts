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
 * and the name lists of the blame rules), as lsp/server.ts's warm-up does: the pool's workers analyse it once per
 * config before their first timed analysis, so that loading them (slow on a loaded machine) is not counted in a
 * file's budget. This thread does without (see BudgetedAnalyser).
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
  /** Configs analysed once here: their first analysis may have loaded the rules' data within its budget. */
  private readonly warm = new WeakSet<ResolvedConfig>();

  analyzeSync(
    text: string,
    config: ResolvedConfig,
    budgetMs = config.timeBudgetMs,
    input: AnalysisInput = {},
  ): BudgetedResult {
    if (this.stopped) return sharedAnalysisWorker().analyzeSync(text, config, budgetMs, input);
    // No warm-up first (it cost a lone file about an eighth of its run): the first analysis loads the NLP model
    // and the word lists inside its budget. One stopped here gets a second chance in the analysis worker, which
    // loads them outside its budget, so loading on a slow machine never makes a file "not analysed".
    const cold = !this.warm.has(config);
    this.warm.add(config);
    const done = withinBudget(() => analyze(text, config, RULES, input), budgetMs);
    if (done) return done.value;
    this.stopped = true;
    if (cold) return sharedAnalysisWorker().analyzeSync(text, config, budgetMs, input);
    return { findings: overBudget(config, budgetMs), timedOut: true };
  }

  analyze(text: string, config: ResolvedConfig, budgetMs: number | undefined, input: AnalysisInput): BudgetedResult {
    return this.analyzeSync(text, config, budgetMs, input);
  }
}
