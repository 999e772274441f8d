// Entry point of dist/web/server.js: the language server in a web worker, for the web extension (github.dev,
// vscode.dev) and any browser LSP client. The same lsp/ and core as the Node server, over the client's files
// (client-host.ts: the web client reads the workspace for it; without such a client, the open documents only), the
// analysis in a worker of its own that the time budget can stop (analysis-worker.ts). Started with
// POSTMORTEM_ANALYSIS_WORKER set, the same bundle is that analysis worker.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createPostmortemService } from '../core/service';
import { startServer } from '../lsp/server';
import { workerBootstrap } from '../protocol';
import { RULES } from '../rules';
import { BrowserAnalysisWorker } from './analysis-worker';
import { serveAnalyses } from './analysis-worker-main';
import { ClientHost } from './client-host';
import { browserUris } from './files';

declare const self: DedicatedWorkerGlobalScope;

/** What the client (or the server, for its analysis worker) set before loading this bundle (protocol/files.ts). */
const given = globalThis as {
  POSTMORTEM_SERVER_URL?: string;
  POSTMORTEM_ANALYSIS_URL?: string;
  POSTMORTEM_ANALYSIS_WORKER?: boolean;
};
/** The start-up allowance of the warm-up document: the model loads once, outside any document's budget. */
const WARM_UP_LIMIT_MS = 60_000;

if (given.POSTMORTEM_ANALYSIS_WORKER) serveAnalyses(self, RULES);
else startLanguageServer();

function startLanguageServer(): void {
  const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
  const uris = browserUris();
  const host = new ClientHost(uris);
  // The analysis worker loads this bundle and the analysis from where this worker loaded them.
  const server = given.POSTMORTEM_SERVER_URL ?? self.location.href;
  const analysis = given.POSTMORTEM_ANALYSIS_URL ?? new URL('../analysis.js', server).href;
  const worker = new BrowserAnalysisWorker(() => workerBootstrap({ server, analysis, analysisWorker: true }), RULES);
  const service = createPostmortemService({ host, rules: RULES, analyser: worker });
  startServer(connection, {
    ...uris,
    host,
    service,
    // After `initialize` is answered: the analysis worker loads the model and name lists while the client sends its
    // first documents.
    warmUp: (text) =>
      setTimeout(() => {
        worker.warmUp();
        void worker.analyze(text, service.defaultConfig(), WARM_UP_LIMIT_MS).catch(() => undefined);
      }, 0),
    connect: (link) => host.connect(link),
    filesChanged: (changed) => host.filesChanged(changed),
  });
}
