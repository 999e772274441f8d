// Entry point of dist/analysis-worker.js: the analysis, in a worker thread that its host can stop at the time
// budget (see analysis-worker.ts for the protocol).
import { type MessagePort, workerData } from 'node:worker_threads';
import { analyze, type Finding, type ResolvedConfig } from '../core';

export interface AnalysisJob {
  text: string;
  configId: number;
  /** Sent with the first job that uses this config. */
  config?: ResolvedConfig;
}

export type AnalysisReply = { findings: Finding[] } | { error: string };

const { flags, port } = workerData as { flags: Int32Array; port: MessagePort };
/** The configs seen, by id: the same object each time, so the analysis' per-config caches work. */
const configs = new Map<number, ResolvedConfig>();

port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    if (job.config) configs.set(job.configId, job.config);
    const config = configs.get(job.configId);
    if (!config) throw new Error(`unknown config ${job.configId}`);
    reply = { findings: analyze(job.text, config).findings };
  } catch (e) {
    reply = { error: (e as Error)?.message ?? String(e) };
  }
  port.postMessage(reply);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
});

Atomics.store(flags, 1, 1);
Atomics.notify(flags, 1);
