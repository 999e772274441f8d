// A minimal LSP client over stdio for protocol tests: spawns `node dist/server.js --stdio` and waits on events.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: {
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  readonly messages: string[] = [];
  /** The `$/logTrace` messages, in order (with `trace` on). */
  readonly traces: string[] = [];
  /** Every workspace/applyEdit the server asked for (answered with `applyEditResult`, applied by default). */
  readonly appliedEdits: unknown[] = [];
  applyEditResult = true;
  /** The initialize result (capabilities, serverInfo). */
  initializeResult: { capabilities: Record<string, unknown> } | undefined;
  /** The items of every workspace/configuration request the server sent. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[][] = [];
  stderr = '';

  constructor(
    private readonly options: {
      settings?: Record<string, unknown>;
      /** Per-scope settings (a workspace folder's URI, or undefined for the window), as a multi-root editor has. */
      settingsFor?: (scopeUri: string | undefined) => Record<string, unknown> | undefined;
      rootPath?: string;
      /** More workspace folders besides rootPath (a multi-root workspace). */
      extraFolders?: string[];
      pullConfiguration?: boolean;
      /** Whether the client takes versioned `documentChanges` in workspace edits (VS Code does). */
      documentChanges?: boolean;
      /** More `textDocument` client capabilities (inlayHint, codeAction…), as an editor would announce them. */
      textDocument?: Record<string, unknown>;
      /** Sent as `initializationOptions` (the VS Code client sends `{ settings, trusted }`). */
      initializationOptions?: Record<string, unknown>;
      /** The trace level (`initialize`'s `trace`): the server's `$/logTrace` lines go to `traces`. */
      trace?: 'off' | 'messages' | 'verbose';
    } = {},
  ) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.stderr?.on('data', (d) => {
      this.stderr += d;
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(this.child.stdin as NodeJS.WritableStream),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('$/logTrace', (p: { message: string }) => {
      this.traces.push(p.message);
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => {
      this.configurationRequests.push(params.items);
      return params.items.map((item) => this.options.settingsFor?.(item.scopeUri) ?? this.options.settings ?? {});
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => {
      this.appliedEdits.push(p.edit);
      return { applied: this.applyEditResult };
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const rootUri = this.options.rootPath ? `file://${this.options.rootPath}` : null;
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      trace: this.options.trace,
      initializationOptions: this.options.initializationOptions,
      workspaceFolders: rootUri
        ? [
            { uri: rootUri, name: 'root' },
            ...(this.options.extraFolders ?? []).map((f, i) => ({ uri: `file://${f}`, name: `folder-${i}` })),
          ]
        : null,
      capabilities: {
        workspace: {
          configuration: this.options.pullConfiguration ?? false,
          workspaceEdit: { documentChanges: this.options.documentChanges ?? false },
        },
        textDocument: { publishDiagnostics: { versionSupport: true }, ...this.options.textDocument },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the next publishDiagnostics for `uri` that passes `test` (already received ones count). */
  diagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && test(p);
    const seen = this.published.findLast(match);
    if (seen) {
      this.published.splice(0, this.published.indexOf(seen) + 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ test: match, resolve }));
  }

  /** Sends a request; a shorthand for tests of the server's features. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  closeDocument(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async close(): Promise<void> {
    // Ask politely (shutdown + exit); kill if the server has not gone within two seconds.
    const killer = setTimeout(() => this.child.kill(), 2000);
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {}
    await this.exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}
