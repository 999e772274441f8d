// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc / --socket=N, as the client chooses).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
