// Entry point of dist/web/server.js: the language server in a web worker, for the web extension (github.dev,
// vscode.dev) and any browser LSP client. The same lsp/ and core as the Node server, over an in-memory host: the
// editor's open documents are what it sees (no disk, no git, no config files), analysed in this worker.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createPostmortemService, memoryHost } from '../core/service';
import { startServer } from '../lsp/server';
import { RULES } from '../rules';
import { browserFiles } from './files';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const host = memoryHost(new Map(), { listable: false });
const service = createPostmortemService({ host, rules: RULES });
startServer(connection, {
  ...browserFiles(host),
  service,
  // After `initialize` is answered: the model and name lists load while the client sends its first documents.
  warmUp: (text) => setTimeout(() => service.analyseNow(text, service.defaultConfig()), 0),
});
