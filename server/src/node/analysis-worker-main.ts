// The analysis worker's side: the analysis, in a worker thread that its host can stop at the time budget (see
// analysis-worker.ts for the protocol). The worker runs the host's own bundle (dist/server.js or dist/cli.js),
// whose entry point serves analyses instead of starting when it finds itself in an analysis worker.
import { isMainThread, type MessagePort, workerData } from 'node:worker_threads';
import { type AnalysisInput, analyze, type Finding, IncrementalAnalyzer, type ResolvedConfig } from '../core';
import type { ParseMode } from '../core/incremental/parse';
import type { WorkspaceInput } from '../core/learning';
import { RULES } from '../rules';

export interface AnalysisJob {
  text: string;
  configId: number;
  /** Sent with the first job that uses this config. */
  config?: ResolvedConfig;
  /** The workspace input's id (the worker keeps the last one), and the input itself when it is new. */
  workspaceId?: number;
  workspace?: WorkspaceInput;
  documentId?: string;
}

/** `parse`: how the document's tree was made, when the job named the document (see IncrementalAnalyzer). */
export type AnalysisReply = { findings: Finding[]; parse?: ParseMode } | { error: string };

/** True in a worker thread started by AnalysisWorker. */
export function isAnalysisWorkerThread(): boolean {
  return !isMainThread && (workerData as { analysisWorker?: boolean } | null)?.analysisWorker === true;
}

/** Serves analyses on the port the host gave, until the host stops the thread. */
/** Documents whose previous version the worker keeps, to re-parse only what an edit changed. */
const MAX_INCREMENTAL_DOCUMENTS = 16;
const analyzers = new Map<string, { analyzer: IncrementalAnalyzer; config: ResolvedConfig; input: AnalysisInput }>();

/**
 * A document's findings: through its IncrementalAnalyzer (the previous version's tree, re-parsing the edited blocks;
 * test/static/incremental.test.ts proves the findings equal a full analysis) when the job names the document, else a
 * full analysis. The least recently analysed documents are forgotten first.
 */
function analyseDocument(
  text: string,
  config: ResolvedConfig,
  input: AnalysisInput,
): { findings: Finding[]; parse?: ParseMode } {
  const id = input.documentId;
  if (id === undefined) return { findings: analyze(text, config, RULES, input).findings };
  let entry = analyzers.get(id);
  analyzers.delete(id);
  if (!entry) entry = { analyzer: new IncrementalAnalyzer(config, RULES, input), config, input };
  if (entry.config !== config) entry.analyzer.setConfig(config);
  if (entry.input.workspace !== input.workspace) entry.analyzer.setInput(input);
  analyzers.set(id, { ...entry, config, input });
  while (analyzers.size > MAX_INCREMENTAL_DOCUMENTS) analyzers.delete(analyzers.keys().next().value as string);
  const result = entry.analyzer.update(text);
  return { findings: result.findings, parse: result.parse?.mode };
}

export function serveAnalyses(): void {
  // A worker of the CLI's lint pool is started on the same bundle (the only entry the npm package's workers have).
  if ((workerData as { lintPool?: unknown }).lintPool) {
    void import('../cli/lint-pool-worker').then((m) => m.serveLintPool());
    return;
  }
  const { flags, port } = workerData as { flags: Int32Array; port: MessagePort };
  /** The configs seen, by id: the same object each time, so the analysis' per-config caches work. */
  const configs = new Map<number, ResolvedConfig>();
  let workspace: { id: number; input: WorkspaceInput } | undefined;

  port.on('message', (job: AnalysisJob) => {
    let reply: AnalysisReply;
    try {
      if (job.config) configs.set(job.configId, job.config);
      const config = configs.get(job.configId);
      if (!config) throw new Error(`unknown config ${job.configId}`);
      if (job.workspace && job.workspaceId !== undefined) workspace = { id: job.workspaceId, input: job.workspace };
      const input =
        job.workspaceId !== undefined && workspace?.id === job.workspaceId
          ? { workspace: workspace.input, documentId: job.documentId }
          : { documentId: job.documentId };
      reply = analyseDocument(job.text, config, input);
    } catch (e) {
      reply = { error: (e as Error)?.message ?? String(e) };
    }
    port.postMessage(reply);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
  });

  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
}
