// The browser analysis worker's side: the analysis in a worker the server worker starts (see analysis-worker.ts),
// so that the server can stop it at the time budget. It runs the server's own bundle (dist/web/server.js), whose
// entry point serves analyses here instead of starting the language server.
import { type AnalysisInput, analyze, type Finding, IncrementalAnalyzer, type ResolvedConfig } from '../core';
import type { WorkspaceInput } from '../core/learning';
import type { AnyRule } from '../core/rule';

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

export type AnalysisReply = { ready: true } | { findings: Finding[] } | { error: string };

/** Documents whose previous version the worker keeps, to re-parse only what an edit changed (as in Node). */
const MAX_INCREMENTAL_DOCUMENTS = 16;

/** Serves analyses on the worker's own port until the server terminates it. */
export function serveAnalyses(scope: DedicatedWorkerGlobalScope, rules: readonly AnyRule[]): void {
  /** The configs seen, by id: the same object each time, so the analysis' per-config caches work. */
  const configs = new Map<number, ResolvedConfig>();
  let workspace: { id: number; input: WorkspaceInput } | undefined;
  const analyzers = new Map<string, { analyzer: IncrementalAnalyzer; config: ResolvedConfig; input: AnalysisInput }>();

  /** A document's findings through its IncrementalAnalyzer when the job names it, else a full analysis. */
  function analyseDocument(text: string, config: ResolvedConfig, input: AnalysisInput): Finding[] {
    const id = input.documentId;
    if (id === undefined) return analyze(text, config, rules, input).findings;
    let entry = analyzers.get(id);
    analyzers.delete(id);
    if (!entry) entry = { analyzer: new IncrementalAnalyzer(config, rules, input), config, input };
    if (entry.config !== config) entry.analyzer.setConfig(config);
    if (entry.input.workspace !== input.workspace) entry.analyzer.setInput(input);
    analyzers.set(id, { ...entry, config, input });
    while (analyzers.size > MAX_INCREMENTAL_DOCUMENTS) analyzers.delete(analyzers.keys().next().value as string);
    return entry.analyzer.update(text).findings;
  }

  scope.onmessage = ({ data }: MessageEvent<AnalysisJob>) => {
    let reply: AnalysisReply;
    try {
      if (data.config) configs.set(data.configId, data.config);
      const config = configs.get(data.configId);
      if (!config) throw new Error(`unknown config ${data.configId}`);
      if (data.workspace && data.workspaceId !== undefined) workspace = { id: data.workspaceId, input: data.workspace };
      const input =
        data.workspaceId !== undefined && workspace?.id === data.workspaceId
          ? { workspace: workspace.input, documentId: data.documentId }
          : { documentId: data.documentId };
      reply = { findings: analyseDocument(data.text, config, input) };
    } catch (e) {
      reply = { error: (e as Error)?.message ?? String(e) };
    }
    scope.postMessage(reply);
  };
  scope.postMessage({ ready: true } satisfies AnalysisReply);
}
