// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc / --socket=N, as the client chooses).
// In the server's analysis worker, the same bundle serves analyses instead.
import './node/regexp-tier';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { isAnalysisWorkerThread, serveAnalyses } from './node/analysis-worker-main';
import { nodeServerPlatform } from './node/platform';

if (isAnalysisWorkerThread()) {
  serveAnalyses();
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A failed request to the client must never take the server down: log it and carry on.
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  startServer(connection, nodeServerPlatform());
}
