// The bundled language server over stdio for the edit-latency bench (lsp-edit.ts): started, stopped, and
// waited on for publishDiagnostics of a version, with timeouts so that a server that never answers fails the bench.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExitNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = join(__dirname, '..', '..');
export const SERVER = process.env.BENCH_SERVER ?? join(ROOT, 'dist', 'server.js');
/** Long enough for a slow machine, short enough that a server that never answers fails the module, not the run. */
const REPLY_TIMEOUT_MS = 60_000;

export interface Server {
  connection: ProtocolConnection;
  stderr: () => string;
  /** Rejects if the server exits before it is stopped, so a crash fails the module at once. */
  crashed: Promise<never>;
  stop: () => Promise<void>;
}

export function startServer(): Server {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const crashed = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`the server exited (${signal ?? `code ${code}`})`));
    }),
  );
  crashed.catch(() => {}); // Observed by forVersion; not an unhandled rejection when nobody waits.
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
  );
  connection.listen();
  const stop = async () => {
    stopping = true;
    try {
      if (child.exitCode === null) {
        await withTimeout(connection.sendRequest(ShutdownRequest.type), 5000, 'shutdown');
        await connection.sendNotification(ExitNotification.type);
        await withTimeout(exited, 5000, 'exit');
      }
    } catch {
      child.kill();
    } finally {
      connection.dispose();
    }
  };
  return { connection, stderr: () => stderr, crashed, stop };
}

/** Collects publishDiagnostics for one document; forVersion resolves on the first one that carries that version. */
export function diagnosticsWaiter(connection: ProtocolConnection, uri: string) {
  const pending = new Map<number, (reply: { at: number; count: number }) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    if (params.uri !== uri || params.version === undefined) return;
    pending.get(params.version)?.({ at, count: params.diagnostics.length });
    pending.delete(params.version);
  });
  return {
    forVersion(version: number, server: Server): Promise<{ at: number; count: number }> {
      const reply = new Promise<{ at: number; count: number }>((resolve) => pending.set(version, resolve));
      const replyOrCrash = Promise.race([reply, server.crashed]);
      return withTimeout(replyOrCrash, REPLY_TIMEOUT_MS, `publishDiagnostics for version ${version}`).catch(
        (e: Error) => {
          const stderr = server.stderr();
          throw new Error(`${e.message}${stderr ? `\nserver stderr:\n${stderr}` : ''}`);
        },
      );
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Warns when dist/server.js is older than a server source file: the latency would be that of old code. */
export function warnIfStale(): void {
  if (process.env.BENCH_SERVER) return; // another build, measured as it is
  const built = statSync(SERVER).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  if (newest(join(ROOT, 'server', 'src')) > built) {
    console.log(
      'warning: dist/server.js is older than server/src, so the server runs older code than the in-process figures; ' +
        'run `node scripts/build.mjs` first',
    );
  }
}
