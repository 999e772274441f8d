import { join } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type AnalysisResult, analyze, type Finding, type ResolvedConfig, ruleDocsUrl } from '../core';
import type { AnalysisJob, AnalysisReply } from './analysis-worker-main';

/**
 * The analysis with a hard time budget. The rules run in a worker thread; past the budget the worker is stopped
 * (and a new one started for the next document), and the document gets an input/not-analysed finding instead of
 * holding the server or the CLI. Shared by the language server (async), the CLI (sync) and, later, the
 * incremental engine: one worker, one document at a time, the same protocol.
 *
 * Protocol: a job goes to the worker over a MessagePort; the worker answers on that port, then sets a flag in
 * shared memory and wakes the waiter. The waiter (Atomics.wait, or Atomics.waitAsync) wakes on the flag or at the
 * budget, so the sync and async calls measure the same thing and neither needs the event loop of the other.
 */
/** How long a new worker may take to load the analysis (a cold start on a loaded machine), not counted in the budget. */
const STARTUP_LIMIT_MS = 60_000;

const DONE = 0;
const READY = 1;

export interface BudgetedResult extends AnalysisResult {
  /** Set when the analysis was stopped at the budget (the findings are then the one not-analysed finding). */
  timedOut?: boolean;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array;
  /** Configs the worker holds, by the id given here, so that each is sent once. */
  configs: WeakMap<ResolvedConfig, number>;
}

export class AnalysisWorker {
  private running?: Running;
  private starting?: Omit<Running, 'configs'>;
  private nextConfigId = 1;
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  /** Async jobs run one after the other: the budget counts from when the worker starts a job. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Analyses in the worker and waits (blocking this thread) at most the budget. For the CLI. */
  analyzeSync(text: string, config: ResolvedConfig, budgetMs = config.timeBudgetMs): BudgetedResult {
    const running = this.start();
    const flags = running.flags;
    Atomics.store(flags, DONE, 0);
    running.port.postMessage(this.job(running, text, config));
    const waited = Atomics.wait(flags, DONE, 0, budgetMs);
    return this.collect(running, waited === 'timed-out' && Atomics.load(flags, DONE) === 0, text, config, budgetMs);
  }

  /** Analyses in the worker without blocking; documents queue, each with its own budget. For the server. */
  analyze(text: string, config: ResolvedConfig, budgetMs = config.timeBudgetMs): Promise<BudgetedResult> {
    const run = this.queue.then(async () => {
      const running = this.start();
      const flags = running.flags;
      Atomics.store(flags, DONE, 0);
      running.port.postMessage(this.job(running, text, config));
      const wait = waitAsync(flags, DONE, 0, budgetMs);
      // A pending waitAsync does not keep Node running; a timer does, until the answer or the budget.
      const keepAlive = setTimeout(() => undefined, budgetMs + 1000);
      const waited = wait.async ? await wait.value : wait.value;
      clearTimeout(keepAlive);
      return this.collect(running, waited === 'timed-out' && Atomics.load(flags, DONE) === 0, text, config, budgetMs);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Starts the worker now, without waiting for it: loading the analysis takes a moment, which the host can
   * spend on its own start (reading arguments, finding files) instead of at the first document.
   */
  warmUp(): void {
    if (!this.running && !this.starting) this.starting = this.spawn();
  }

  /** Stops the worker (a new one starts on the next call). */
  dispose(): void {
    for (const stopping of [this.running, this.starting]) {
      if (!stopping) continue;
      stopping.port.close();
      void stopping.worker.terminate();
    }
    this.running = undefined;
    this.starting = undefined;
  }

  private job(running: Running, text: string, config: ResolvedConfig): AnalysisJob {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    const known = running.configs.has(config);
    running.configs.set(config, id);
    return { text, configId: id, config: known ? undefined : config };
  }

  private collect(
    running: Running,
    timedOut: boolean,
    text: string,
    config: ResolvedConfig,
    budgetMs: number,
  ): BudgetedResult {
    if (timedOut) {
      this.dispose();
      return { findings: overBudget(config, budgetMs), timedOut: true };
    }
    const reply = receiveMessageOnPort(running.port)?.message as AnalysisReply | undefined;
    if (!reply || 'error' in reply) {
      // The worker failed outside the analysis' own guards: start afresh, and analyse here rather than lose it.
      this.dispose();
      return analyze(text, config);
    }
    return { findings: reply.findings };
  }

  private start(): Running {
    if (this.running) return this.running;
    const { worker, port, flags } = this.starting ?? this.spawn();
    this.starting = undefined;
    if (Atomics.wait(flags, READY, 0, STARTUP_LIMIT_MS) === 'timed-out') {
      void worker.terminate();
      throw new Error('the analysis worker did not start');
    }
    this.running = { worker, port, flags, configs: new WeakMap() };
    return this.running;
  }

  private spawn(): Omit<Running, 'configs'> {
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(...workerScript({ flags, port: port2 }, [port2]));
    worker.unref();
    port1.unref();
    // A worker that dies is replaced on the next call; its error must not bring the host down.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.running?.worker === worker) this.running = undefined;
      if (this.starting?.worker === worker) this.starting = undefined;
    });
    return { worker, port: port1, flags };
  }
}

/** Atomics.waitAsync (Node 16+; its type is in the ES2024 library this project does not target yet). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeout: number,
    ): { async: boolean; value: 'ok' | 'not-equal' | 'timed-out' | Promise<'ok' | 'not-equal' | 'timed-out'> };
  }
).waitAsync;

/** The finding of a document stopped at the budget. */
function overBudget(config: ResolvedConfig, budgetMs: number): Finding[] {
  const setting = config.rules.get('input/not-analysed');
  if (setting?.severity === 'off') return [];
  const seconds = budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
  return [
    {
      ruleId: 'input/not-analysed',
      severity: setting?.severity ?? 'warning',
      scope: 'document',
      url: ruleDocsUrl('input/not-analysed'),
      message: `Not analysed: the analysis took longer than its ${seconds} budget and was stopped. Split the file or simplify its longest paragraphs and tables, or raise "timeBudgetMs" in .postmortemrc.`,
      start: 0,
      end: 0,
      data: { reason: 'time-budget', budgetMs },
    },
  ];
}

type WorkerArgs = ConstructorParameters<typeof Worker>;

/**
 * The worker's script: the bundle next to this one (dist/analysis-worker.js), or, when running from the sources
 * (tests, tsx), the TypeScript entry through tsx, whose loader does not reach a worker started on a .ts file.
 */
function workerScript(workerData: unknown, transferList: MessagePort[]): WorkerArgs {
  const options = { workerData, transferList };
  if (!__filename.endsWith('.ts')) return [join(__dirname, 'analysis-worker.js'), options];
  const entry = join(__dirname, 'analysis-worker-main.ts');
  return [`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { ...options, eval: true }];
}

let shared: AnalysisWorker | undefined;

/** The process's one analysis worker. */
export function sharedAnalysisWorker(): AnalysisWorker {
  shared ??= new AnalysisWorker();
  return shared;
}
