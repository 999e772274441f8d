// The lint pool: `postmortem lint --concurrency n` lints files in n worker threads (lint-pool-worker.ts), each
// reading, analysing and fixing whole files through the same Linter as a run in one thread, and sending each result
// back as soon as it is done, without its syntax tree. Results come back in the order of the files, whatever the
// order they finish in, so the output does not depend on the concurrency.
//
// The time budget: a worker says when each analysis starts (with its config's budget); past the budget the main
// thread stops the worker, reports the file as the analysis worker would (input/not-analysed), and starts another.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { ConfigError, LineIndex } from '../core';
import type { IncidentRecord, WorkspaceInput } from '../core/learning';
import { workerScript } from '../node/analysis-worker';
import type { Target } from './files';
import { type FileResult, UnreadableError } from './lint';
import type { PoolError, PoolReply, PoolRequest, PoolSetup, SentResult } from './lint-pool-worker';

export type { PoolSetup };

/** `--concurrency`: a number of workers, or `auto` (see autoConcurrency). */
export function parseConcurrency(value: string | undefined): number | Error {
  if (value === undefined || value === 'auto') return autoConcurrency();
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    return new Error(`--concurrency needs a number of workers (1 or more) or "auto", not "${value}".`);
  }
  return Number(value);
}

/**
 * `--concurrency auto`: up to one worker per two cores the process may use, as ESLint's `auto`, and so none (the
 * main thread) on one or two cores. Measured on 840 real postmortems on two shared cores (scripts/bench/cli-lint.ts):
 * two workers took about as long as the main thread alone (a worker loads its own copy of the analysis, its NLP model
 * and its name lists, and each thread's heap grows on its own), for a sixth more CPU time and 1.7 times the memory.
 */
export function autoConcurrency(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

/**
 * Files per worker started: a worker first loads the analysis (a few hundred milliseconds, as much as linting a few
 * files), so a run of a few files starts fewer workers than it may, and a run of one to four files none.
 */
export const FILES_PER_WORKER = 4;

/** How many workers `files` files are worth, at most `concurrency`. */
export function workersFor(files: number, concurrency: number): number {
  return Math.min(concurrency, Math.ceil(files / FILES_PER_WORKER));
}

interface Job {
  id: number;
  request: Extract<PoolRequest, { type: 'index' | 'lint' }>;
  resolve: (reply: PoolReply) => void;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  job?: Job;
  timer?: ReturnType<typeof setTimeout>;
  /** The budget of the analysis running now, for the report when it is stopped. */
  budgetMs?: number;
}

export interface PoolCallbacks {
  /** The result of a file whose analysis was stopped at the budget (Linter.timedOutResult). */
  timedOut(target: Target, budgetMs: number): FileResult;
  /** The result of a file whose worker died (not at the budget): linted again in the main thread. */
  lintHere(target: Target): FileResult;
  /** The same for a record of the workspace index. */
  recordHere(target: Target): IncidentRecord | undefined;
}

export class LintPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private workspace?: WorkspaceInput;
  /** Workers started over the run (replacements of stopped ones included), for --debug. */
  started = 0;

  constructor(
    private readonly size: number,
    private readonly setup: PoolSetup,
    private readonly callbacks: PoolCallbacks,
  ) {}

  /** Each file's incident record for the workspace index (Linter.recordOf), in the order of `targets`. */
  async records(targets: readonly Target[]): Promise<(IncidentRecord | undefined)[]> {
    const replies = await this.runAll(targets.map((target) => ({ type: 'index', target }) as const));
    return replies.map((reply, i) => {
      if (reply.type === 'record') return reply.record;
      if (reply.type === 'error' && reply.error.kind !== 'internal') return undefined;
      return this.callbacks.recordHere(targets[i]);
    });
  }

  /** Each file's lint result, in the order of `targets`; the first file (in that order) that failed throws. */
  async lint(targets: readonly Target[]): Promise<FileResult[]> {
    const replies = await this.runAll(targets.map((target) => ({ type: 'lint', target }) as const));
    return replies.map((reply, i) => {
      if (reply.type === 'result') return received(reply.result);
      if (reply.type === 'error') {
        if (reply.error.kind === 'internal') return this.callbacks.lintHere(targets[i]);
        throw rebuilt(reply.error);
      }
      throw new Error(`unexpected reply ${reply.type}`);
    });
  }

  /** The analysis' workspace input for the files linted from now on (sent to each worker once). */
  setWorkspace(input: WorkspaceInput | undefined): void {
    this.workspace = input;
    for (const slot of this.slots) slot.port.postMessage({ type: 'workspace', input } satisfies PoolRequest);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => this.stop(slot)));
  }

  private runAll(requests: readonly { type: 'index' | 'lint'; target: Target }[]): Promise<PoolReply[]> {
    const replies = requests.map(
      (request) =>
        new Promise<PoolReply>((resolve) => {
          const id = this.nextId++;
          this.queue.push({ id, request: { type: request.type, target: request.target, id }, resolve });
        }),
    );
    while (this.slots.length < workersFor(this.queue.length, this.size)) this.slots.push(this.spawn());
    for (const slot of this.slots) if (!slot.job) this.next(slot);
    return Promise.all(replies);
  }

  private next(slot: Slot): void {
    const job = this.queue.shift();
    slot.job = job;
    if (job) slot.port.postMessage(job.request);
  }

  private spawn(): Slot {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(
      ...poolWorkerScript({ analysisWorker: true, lintPool: this.setup, port: port2 }, [port2]),
    );
    this.started++;
    const slot: Slot = { worker, port: port1 };
    if (this.workspace) port1.postMessage({ type: 'workspace', input: this.workspace } satisfies PoolRequest);
    port1.on('message', (reply: PoolReply) => this.received(slot, reply));
    // A worker that dies outside the budget: its file is linted in the main thread, and the pool goes on.
    worker.on('error', () => undefined);
    worker.on('exit', () => this.died(slot));
    return slot;
  }

  private received(slot: Slot, reply: PoolReply): void {
    const { job } = slot;
    if (!job || reply.id !== job.id) return;
    clearTimeout(slot.timer);
    if (reply.type === 'analysing') {
      slot.budgetMs = reply.budgetMs;
      slot.timer = setTimeout(() => this.overBudget(slot), reply.budgetMs);
      return;
    }
    slot.job = undefined;
    slot.budgetMs = undefined;
    job.resolve(reply);
    this.next(slot);
  }

  /** The analysis outlasted its budget: stop the worker, report the file, go on with a new worker. */
  private overBudget(slot: Slot): void {
    const { job, budgetMs = 0 } = slot;
    if (!job) return;
    slot.job = undefined;
    this.replace(slot);
    if (job.request.type === 'lint') {
      try {
        job.resolve({ type: 'result', id: job.id, result: this.callbacks.timedOut(job.request.target, budgetMs) });
      } catch (e) {
        job.resolve({ type: 'error', id: job.id, error: { kind: 'unreadable', message: (e as Error).message } });
      }
    } else {
      // A workspace record is built without the rules (and without a budget in one thread): none for this file.
      job.resolve({ type: 'record', id: job.id, record: undefined });
    }
  }

  private died(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const { job } = slot;
    clearTimeout(slot.timer);
    slot.job = undefined;
    this.replace(slot);
    job?.resolve({ type: 'error', id: job.id, error: { kind: 'internal', message: 'the lint worker stopped' } });
  }

  /** Puts a new worker in the slot's place, when there is still work for it. */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    void this.stop(slot);
    if (this.queue.length === 0) return;
    const fresh = this.spawn();
    this.slots.push(fresh);
    this.next(fresh);
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    slot.worker.removeAllListeners('exit');
    slot.port.close();
    await slot.worker.terminate();
  }
}

/**
 * The worker's script: the analysis worker's (the host's own bundle, or the npm package's worker entry), whose
 * serveAnalyses serves the pool when `lintPool` is set; from the sources (tests, tsx), this module's worker side
 * through tsx, as the analysis worker does.
 */
function poolWorkerScript(workerData: object, transferList: MessagePort[]): ConstructorParameters<typeof Worker> {
  const [script, options] = workerScript(workerData, transferList);
  if (!__filename.endsWith('.ts')) return [script, options];
  const entry = join(__dirname, 'lint-pool-worker.ts');
  return [`require('tsx/cjs'); require(${JSON.stringify(entry)}).serveLintPool();`, { ...options, eval: true }];
}

/** A result from a worker, as lintFile gives it: the line index rebuilt, the findings before any filter. */
function received(sent: SentResult): FileResult {
  return { ...sent, allFindings: sent.findings, lines: new LineIndex(sent.text) };
}

function rebuilt(error: PoolError): Error {
  if (error.kind === 'config') return new ConfigError(error.file, error.key, error.reason, error.line);
  if (error.kind === 'unreadable') return new UnreadableError(error.message);
  return new Error(error.message);
}
