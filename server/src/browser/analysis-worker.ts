import type { AnalysisInput, ResolvedConfig } from '../core';
import type { WorkspaceInput } from '../core/learning';
import type { AnyRule } from '../core/rule';
import { overBudget } from '../core/rule-findings';
import type { Analyser, BudgetedResult } from '../core/service';
import type { AnalysisJob, AnalysisReply } from './analysis-worker-main';
import { InThreadAnalysis } from './in-thread-analysis';

/** How long a new worker may take to load the analysis (a cold start), not counted in the budget. */
const STARTUP_LIMIT_MS = 60_000;
/** How long an analysis stopped at its budget may go on past it, while no other document waits (as on Node). */
const LATE_LIMIT_MS = 10_000;

interface Running {
  worker: Worker;
  /** Resolves true once the worker has loaded the analysis, false when it failed to. */
  ready: Promise<boolean>;
  /** The one job's answer (jobs run one at a time). */
  answer?: (reply: AnalysisReply | undefined) => void;
  configs: WeakSet<ResolvedConfig>;
  workspace?: WorkspaceInput;
}

/**
 * The browser server's analysis with a hard time budget, as the Node server's (node/analysis-worker.ts): the rules
 * run in a worker started by the server's worker (`script` makes its source: the server's own bundle, told to serve
 * analyses); past the budget (the config's `timeBudgetMs`, 2 s by default) it is terminated, a new one started for
 * the next document, and the document gets input/not-analysed. Jobs run one after the other; the budget counts
 * from when the worker has loaded the analysis. A document stopped at its budget gets its note at once, and its
 * analysis goes on (`late`) until the next job: one for another document stops it, the same document's next version
 * waits for it, as in node/analysis-worker.ts. Where a worker cannot start one (VS Code's web worker extension
 * host in a browser without nested workers, a content policy refusing it), the analysis runs in the server's worker
 * with the budget kept between rules (in-thread-analysis.ts).
 */
export class BrowserAnalysisWorker implements Analyser {
  private running?: Running;
  /** False once a worker could not be started: the analysis then runs in process. */
  private available = typeof Worker === 'function';
  private readonly inThread: InThreadAnalysis;
  private nextConfigId = 1;
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextWorkspaceId = 1;
  private readonly workspaceIds = new WeakMap<WorkspaceInput, number>();
  private queue: Promise<unknown> = Promise.resolve();
  /** An analysis past its budget, going on while nothing else waits. */
  private late?: { documentId: string; finished: Promise<BudgetedResult | undefined> };

  constructor(
    private readonly script: () => string,
    private readonly rules: readonly AnyRule[],
  ) {
    this.inThread = new InThreadAnalysis(rules);
  }

  /** Whether analyses run in a worker that the budget can stop (false: in process, the budget kept between rules). */
  get bounded(): boolean {
    return this.available;
  }

  analyze(
    text: string,
    config: ResolvedConfig,
    budgetMs = config.timeBudgetMs,
    input: AnalysisInput = {},
  ): Promise<BudgetedResult> {
    const run = this.queue.then(async () => {
      await this.settleLate(input.documentId);
      return this.run(text, config, budgetMs, input);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the worker now, so that it loads the analysis while the server starts. */
  warmUp(): void {
    this.start();
  }

  /** Stops the worker (a new one starts on the next call). */
  dispose(): void {
    this.late = undefined;
    this.running?.worker.terminate();
    this.running?.answer?.(undefined);
    this.running = undefined;
  }

  private async run(
    text: string,
    config: ResolvedConfig,
    budgetMs: number,
    input: AnalysisInput,
  ): Promise<BudgetedResult> {
    const running = this.start();
    if (!running || !(await running.ready)) {
      // No worker could load the analysis here: from now on it runs in process.
      this.available = false;
      this.dispose();
      return this.inThread.analyze(text, config, budgetMs, input);
    }
    const reply = new Promise<AnalysisReply | undefined | 'timed-out'>((resolve) => {
      const timer = setTimeout(() => resolve('timed-out'), budgetMs);
      running.answer = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
    });
    running.worker.postMessage(this.job(running, text, config, input));
    const outcome = await reply;
    running.answer = undefined;
    if (outcome === 'timed-out' && input.documentId !== undefined) {
      return { findings: overBudget(this.rules, config, budgetMs), timedOut: true, late: this.goLate(running, input) };
    }
    if (outcome === 'timed-out') {
      this.dispose();
      return { findings: overBudget(this.rules, config, budgetMs), timedOut: true };
    }
    if (!outcome || !('findings' in outcome)) {
      // The worker failed outside the analysis' own guards: start afresh, and analyse here rather than lose it.
      this.dispose();
      return this.inThread.analyze(text, config, budgetMs, input);
    }
    return { findings: outcome.findings };
  }

  /** Lets the running analysis go on past its budget: its result once it answers, undefined when it was stopped. */
  private goLate(running: Running, input: AnalysisInput): Promise<BudgetedResult | undefined> {
    const finished = new Promise<BudgetedResult | undefined>((resolve) => {
      const timer = setTimeout(() => running.answer?.(undefined), LATE_LIMIT_MS);
      running.answer = (reply) => {
        clearTimeout(timer);
        running.answer = undefined;
        if (this.late?.finished === finished) this.late = undefined;
        if (reply && 'findings' in reply) resolve({ findings: reply.findings });
        else {
          // Stopped (dispose answers undefined), its limit passed, or the worker failed.
          if (this.running === running) this.dispose();
          resolve(undefined);
        }
      };
    });
    this.late = { documentId: input.documentId as string, finished };
    return finished;
  }

  /** Before a job: waits for the same document's late analysis, or stops another document's. */
  private async settleLate(documentId: string | undefined): Promise<void> {
    const late = this.late;
    if (!late) return;
    if (late.documentId !== documentId) this.dispose();
    await late.finished;
  }

  private job(running: Running, text: string, config: ResolvedConfig, input: AnalysisInput): AnalysisJob {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    const known = running.configs.has(config);
    running.configs.add(config);
    const job: AnalysisJob = { text, configId: id, config: known ? undefined : config, documentId: input.documentId };
    const { workspace } = input;
    if (workspace) {
      let workspaceId = this.workspaceIds.get(workspace);
      if (workspaceId === undefined) {
        workspaceId = this.nextWorkspaceId++;
        this.workspaceIds.set(workspace, workspaceId);
      }
      job.workspaceId = workspaceId;
      if (running.workspace !== workspace) job.workspace = workspace;
      running.workspace = workspace;
    }
    return job;
  }

  private start(): Running | undefined {
    if (this.running) return this.running;
    if (!this.available) return undefined;
    let worker: Worker;
    try {
      const url = URL.createObjectURL(new Blob([this.script()], { type: 'text/javascript' }));
      worker = new Worker(url, { name: 'postmortem-analysis' });
    } catch {
      this.available = false;
      return undefined;
    }
    let loaded: (ok: boolean) => void = () => undefined;
    const ready = new Promise<boolean>((resolve) => {
      loaded = resolve;
      setTimeout(() => resolve(false), STARTUP_LIMIT_MS);
    });
    const running: Running = { worker, ready, configs: new WeakSet() };
    worker.onmessage = ({ data }: MessageEvent<AnalysisReply>) => {
      if ('ready' in data) loaded(true);
      else running.answer?.(data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A worker that cannot load its script at all (a content policy): analyse in process from now on.
      loaded(false);
      running.answer?.(undefined);
    };
    this.running = running;
    return running;
  }
}
