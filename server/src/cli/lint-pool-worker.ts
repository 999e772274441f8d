// A worker of the lint pool (lint-pool.ts): lints the files the main thread sends, one at a time, through the same
// Linter (and so the same service) as a run in one thread, and sends each result back without its syntax tree and
// model, which it then drops. The analysis runs in this thread: the main thread holds the time budget, stopping
// this worker when an analysis outlasts it (the worker tells it when each analysis starts).
import { type MessagePort, workerData } from 'node:worker_threads';
import type { ConfigFile, ResolvedConfig } from '../core';
import { ConfigError } from '../core';
import { incidentRecord, taxonomyOf, type WorkspaceInput } from '../core/learning';
import { WARM_UP_TEXT } from './budgeted-analysis';
import type { Target } from './files';
import { type FileResult, Linter, UnreadableError } from './lint';
import type { TemplateTextMode } from './template-parts';

/** What every worker of a pool is started with: the lint options that are data. */
export interface PoolSetup {
  cwd: string;
  fix: boolean;
  all: boolean;
  configPath?: string;
  config?: ConfigFile;
  noConfig?: boolean;
  templateText?: TemplateTextMode;
  /** Give each linted file's incident record (after --fix), for the related postmortems the main thread finds. */
  related?: boolean;
}

export type PoolRequest =
  | { type: 'workspace'; input: WorkspaceInput | undefined }
  | { type: 'index'; id: number; target: Target }
  | { type: 'lint'; id: number; target: Target };

/** A FileResult as it crosses threads: no model, and the line index is rebuilt from the text on arrival. */
export type SentResult = Omit<FileResult, 'model' | 'lines' | 'allFindings'>;

export type PoolError =
  | { kind: 'unreadable' | 'internal'; message: string; stack?: string }
  | { kind: 'config'; message: string; file: string; key: string; reason: string; line?: number };

export type PoolReply =
  | { type: 'analysing'; id: number; budgetMs: number }
  | { type: 'record'; id: number; record: FileResult['record'] }
  | { type: 'result'; id: number; result: SentResult }
  | { type: 'error'; id: number; error: PoolError };

/** Serves the main thread's requests on the port it gave, until it stops the thread. */
export function serveLintPool(): void {
  const { lintPool: setup, port } = workerData as { lintPool: PoolSetup; port: MessagePort };
  let current = -1;
  const warm = new WeakSet<ResolvedConfig>();
  const linter = new Linter({
    ...setup,
    inProcess: true,
    onAnalysis: (config) => {
      // The first analysis with prose loads the NLP model and the name lists (when the config's rules use them),
      // which on a loaded machine can outlast a file's budget: a warm-up document goes first, once per config,
      // before the main thread is told (it times only what it is told of), as the language server does.
      if (!warm.has(config)) {
        warm.add(config);
        linter.service.analyseNow(WARM_UP_TEXT, config);
      }
      port.postMessage({ type: 'analysing', id: current, budgetMs: config.timeBudgetMs } satisfies PoolReply);
    },
  });
  port.on('message', (request: PoolRequest) => {
    if (request.type === 'workspace') {
      linter.workspaceInput = request.input;
      return;
    }
    current = request.id;
    let reply: PoolReply;
    try {
      if (request.type === 'index') {
        reply = { type: 'record', id: request.id, record: linter.recordOf(request.target) };
      } else {
        reply = { type: 'result', id: request.id, result: sendable(linter, linter.lintFile(request.target), setup) };
      }
    } catch (e) {
      reply = { type: 'error', id: request.id, error: poolError(e) };
    }
    port.postMessage(reply);
  });
}

/** The result without what stays here: the model (and its syntax tree), the line index, the duplicate findings. */
function sendable(linter: Linter, result: FileResult, setup: PoolSetup): SentResult {
  const { model, lines: _lines, allFindings: _all, ...rest } = result;
  if (setup.related && model) {
    rest.record = incidentRecord(model, result.path, taxonomyOf(linter.configFor(result.path)));
  }
  return rest;
}

function poolError(e: unknown): PoolError {
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof UnreadableError) return { kind: 'unreadable', message };
  if (e instanceof ConfigError)
    return { kind: 'config', message, file: e.file, key: e.key, reason: e.reason, line: e.line };
  return { kind: 'internal', message, stack: (e as Error)?.stack };
}
