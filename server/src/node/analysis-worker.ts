import { join } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type AnalysisInput, analyze, type Finding, type ResolvedConfig } from '../core';
import type { WorkspaceInput } from '../core/learning';
import { overBudget as overBudgetWith } from '../core/rule-findings';
import type { Analyser, BudgetedResult } from '../core/service';
import { RULES } from '../rules';
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
/**
 * How long a document's analysis stopped at the budget may go on past it, while no other document waits. A large
 * document's first analysis is a full parse: on a 10,000-line postmortem it takes 4-9 s on these machines, and once it
 * is done every edit re-parses only the blocks it touched. The same document's next version waits for it (at most
 * this long), so that it is analysed from that tree.
 */
const LATE_LIMIT_MS = 10_000;

const DONE = 0;
const READY = 1;

export type { BudgetedResult };

/** An analysis past its budget, going on while nothing else waits (see BudgetedResult.late). */
interface Late {
  running: Running;
  documentId: string;
  finished: Promise<BudgetedResult | undefined>;
  /** Stops waiting for it (the caller stops the worker). */
  stop(): void;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array;
  /** Configs the worker holds, by the id given here, so that each is sent once. */
  configs: WeakMap<ResolvedConfig, number>;
  /** The workspace input the worker holds (one at a time: a new one replaces it), sent once per change. */
  workspace?: WorkspaceInput;
}

export class AnalysisWorker implements Analyser {
  private running?: Running;
  private starting?: Omit<Running, 'configs'>;
  private nextConfigId = 1;
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextWorkspaceId = 1;
  private readonly workspaceIds = new WeakMap<WorkspaceInput, number>();
  /** Async jobs run one after the other: the budget counts from when the worker starts a job. */
  private queue: Promise<unknown> = Promise.resolve();
  private late?: Late;

  /** `lateLimitMs`: how long an analysis stopped at its budget may go on past it (see LATE_LIMIT_MS); 0: never. */
  constructor(private readonly lateLimitMs = LATE_LIMIT_MS) {}

  /** Analyses in the worker and waits (blocking this thread) at most the budget. For the CLI. */
  analyzeSync(
    text: string,
    config: ResolvedConfig,
    budgetMs = config.timeBudgetMs,
    input: AnalysisInput = {},
  ): BudgetedResult {
    if (this.late) this.dispose();
    const running = this.start();
    const flags = running.flags;
    Atomics.store(flags, DONE, 0);
    running.port.postMessage(this.job(running, text, config, input));
    const waited = Atomics.wait(flags, DONE, 0, budgetMs);
    const timedOut = waited === 'timed-out' && Atomics.load(flags, DONE) === 0;
    return this.collect(running, timedOut, text, config, budgetMs, input);
  }

  /**
   * Analyses in the worker without blocking; documents queue, each with its own budget. For the server. A document
   * (named by `input.documentId`) stopped at its budget gets its not-analysed finding at once, and its analysis goes
   * on (`late`) until the next job: one for another document stops it, so that no document waits behind another;
   * the same document's next version waits for it, and is then analysed from its tree.
   */
  analyze(
    text: string,
    config: ResolvedConfig,
    budgetMs = config.timeBudgetMs,
    input: AnalysisInput = {},
    superseded?: () => boolean,
  ): Promise<BudgetedResult> {
    const run = this.queue.then(async (): Promise<BudgetedResult> => {
      // A newer version of the document waits behind this one: never analyse a version nobody will see.
      if (superseded?.()) return { findings: [], superseded: true };
      await this.settleLate(input.documentId);
      if (superseded?.()) return { findings: [], superseded: true };
      const running = await this.startAsync();
      const flags = running.flags;
      Atomics.store(flags, DONE, 0);
      running.port.postMessage(this.job(running, text, config, input));
      const wait = waitAsync(flags, DONE, 0, budgetMs);
      // A pending waitAsync does not keep Node running; a timer does, until the answer or the budget.
      const keepAlive = setTimeout(() => undefined, budgetMs + 1000);
      const waited = wait.async ? await wait.value : wait.value;
      clearTimeout(keepAlive);
      const timedOut = waited === 'timed-out' && Atomics.load(flags, DONE) === 0;
      if (timedOut && input.documentId !== undefined && this.lateLimitMs > 0) {
        const late = this.goLate(running, input.documentId, this.lateLimitMs);
        return { findings: overBudget(config, budgetMs), timedOut: true, late };
      }
      return this.collect(running, timedOut, text, config, budgetMs, input);
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

  /**
   * Lets the running analysis go on past its budget, at most `limitMs` more: its result once it finished, undefined
   * when it was stopped.
   */
  private goLate(running: Running, documentId: string, limitMs: number): Promise<BudgetedResult | undefined> {
    let stop = () => {};
    const stopped = new Promise<'stopped'>((resolve) => {
      stop = () => resolve('stopped');
    });
    const wait = waitAsync(running.flags, DONE, 0, limitMs);
    // As for a job within its budget: the pending wait does not keep Node running, a timer does (the server's
    // connection keeps it running anyway; only its async analyses name a document and go late).
    const keepAlive = setTimeout(() => undefined, limitMs + 1000);
    const late: Late = {
      running,
      documentId,
      stop,
      finished: Promise.race([wait.async ? wait.value : Promise.resolve(wait.value), stopped]).then((outcome) => {
        clearTimeout(keepAlive);
        if (this.late === late) this.late = undefined;
        const done = outcome !== 'stopped' && Atomics.load(running.flags, DONE) === 1;
        if (!done) {
          if (this.running === running) this.dispose();
          return undefined;
        }
        const reply = receiveMessageOnPort(running.port)?.message as AnalysisReply | undefined;
        return reply && 'findings' in reply ? { findings: reply.findings, parse: reply.parse } : undefined;
      }),
    };
    this.late = late;
    return late.finished;
  }

  /** Before a job: waits for the same document's late analysis, or stops another document's. */
  private async settleLate(documentId: string | undefined): Promise<void> {
    const late = this.late;
    if (!late) return;
    if (late.documentId === documentId) {
      await late.finished;
      return;
    }
    this.dispose();
    await late.finished;
  }

  /** Stops the worker (a new one starts on the next call). */
  dispose(): void {
    this.late?.stop();
    this.late = undefined;
    for (const stopping of [this.running, this.starting]) {
      if (!stopping) continue;
      stopping.port.close();
      void stopping.worker.terminate();
    }
    this.running = undefined;
    this.starting = undefined;
  }

  private job(running: Running, text: string, config: ResolvedConfig, input: AnalysisInput): AnalysisJob {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    const known = running.configs.has(config);
    running.configs.set(config, id);
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

  private collect(
    running: Running,
    timedOut: boolean,
    text: string,
    config: ResolvedConfig,
    budgetMs: number,
    input: AnalysisInput,
  ): BudgetedResult {
    if (timedOut) {
      this.dispose();
      return { findings: overBudget(config, budgetMs), timedOut: true };
    }
    const reply = receiveMessageOnPort(running.port)?.message as AnalysisReply | undefined;
    if (!reply || 'error' in reply) {
      // The worker failed outside the analysis' own guards: start afresh, and analyse here rather than lose it.
      this.dispose();
      return analyze(text, config, RULES, input);
    }
    return { findings: reply.findings, parse: reply.parse };
  }

  /**
   * The same, without blocking this thread while a new worker loads the analysis (after one was stopped at the
   * budget, that takes seconds on a loaded machine): the language server keeps answering requests meanwhile.
   */
  private async startAsync(): Promise<Running> {
    if (this.running) return this.running;
    this.starting ??= this.spawn();
    const wait = waitAsync(this.starting.flags, READY, 0, STARTUP_LIMIT_MS);
    const starting = this.starting;
    if (wait.async) {
      const keepAlive = setTimeout(() => undefined, STARTUP_LIMIT_MS);
      await wait.value;
      clearTimeout(keepAlive);
    }
    if (Atomics.load(starting.flags, READY) === 0) {
      if (this.starting === starting) this.starting = undefined;
      void starting.worker.terminate();
      throw new Error('the analysis worker did not start');
    }
    // Ready: start() no longer waits.
    return this.start();
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
    const worker = new Worker(...workerScript({ analysisWorker: true, flags, port: port2 }, [port2]));
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

/** The finding of a document stopped at the budget, with the rules of this build. */
export function overBudget(config: ResolvedConfig, budgetMs: number): Finding[] {
  return overBudgetWith(RULES, config, budgetMs);
}

type WorkerArgs = ConstructorParameters<typeof Worker>;

/** The worker's own entry file, set by the npm package's bundler (scripts/build-package.mjs). */
declare const POSTMORTEM_WORKER_ENTRY: string | undefined;

/**
 * The worker's script: the host's own bundle (dist/server.js or dist/cli.js, whose entry point serves analyses
 * in a worker), so the analysis is shipped once; in the npm package, its analysis-worker.js entry; or, when running from the sources (tests, tsx), the TypeScript
 * module through tsx, whose loader does not reach a worker started on a .ts file.
 */
export function workerScript(workerData: unknown, transferList: MessagePort[]): WorkerArgs {
  // Not the host's --input-type (a host started with -e/--eval, such as a script using the API): the worker is a file.
  const options = { workerData, transferList, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) };
  // The npm package splits its bundles into shared chunks: there the worker has an entry of its own.
  if (typeof POSTMORTEM_WORKER_ENTRY === 'string') return [join(__dirname, POSTMORTEM_WORKER_ENTRY), options];
  if (!__filename.endsWith('.ts')) return [__filename, options];
  const entry = join(__dirname, 'analysis-worker-main.ts');
  return [`require('tsx/cjs'); require(${JSON.stringify(entry)}).serveAnalyses();`, { ...options, eval: true }];
}

let shared: AnalysisWorker | undefined;

/** The process's one analysis worker. */
export function sharedAnalysisWorker(): AnalysisWorker {
  shared ??= new AnalysisWorker();
  return shared;
}
