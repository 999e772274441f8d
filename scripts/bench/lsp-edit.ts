import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogTraceNotification,
} from 'vscode-languageserver-protocol/node';
import { analyze, defaultConfig } from '../../server/src/core';
import { parseMarkdown } from '../../server/src/core/parse';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { RULES } from '../../server/src/rules';
import { generatePostmortem } from './_generate-postmortem';
import { diagnosticsWaiter, SERVER, startServer, warnIfStale } from './_lsp-server';
import { exposeGc, medianOf, ms, percentile, printTable } from './_stats';

const ROOT = join(__dirname, '..', '..');
const LINES = 10_000;
/** A typical postmortem: a real one of 153 lines. */
const TYPICAL = join(ROOT, 'test', 'corpus', 'real', 'k8s-test-infra--2019-01-23-prow.md');
const WARMUP_EDITS = 3;
const TIMED_EDITS = 20;
/** Edits per request kind, each followed at once by that request. */
const REQUEST_EDITS = 10;
const REQUESTS = ['documentSymbol', 'hover', 'codeAction'] as const;
type RequestKind = (typeof REQUESTS)[number];
const IN_PROCESS_RUNS = 5;
/** Idle time after each reply before the next edit: each edit then meets a settled server (GC done), as when a
 * person types one character and looks. Back to back, the previous analysis's garbage is collected in the next
 * one's time. */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 300);

interface Session {
  file: string;
  label: string;
  openMs: number;
  editsMs: number[];
  diagnostics: number;
  requestsMs: Record<RequestKind, number[]>;
  /** Versions sent, and analyses the server traced (each version at most once). */
  versions: number;
  analyses: number;
  analysedTwice: number;
}

export async function run(): Promise<void> {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs\` (or \`npm run bench\`) first`);
  warnIfStale();
  const { text, composition } = generatePostmortem(LINES);
  const typical = readFileSync(TYPICAL, 'utf8');
  const workspace = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
  const file = join(workspace, 'postmortems', 'big.md');
  const typicalFile = join(workspace, 'postmortems', 'typical.md');
  mkdirSync(join(workspace, 'postmortems'));
  writeFileSync(file, text);
  writeFileSync(typicalFile, typical);
  try {
    console.log(
      `document: ${countLines(text).toLocaleString('en-US')} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, written to <tmp>/postmortems/big.md`,
    );
    console.log(`  generated: ${composition}`);
    console.log(`typical: ${countLines(typical)} lines (test/corpus/real/k8s-test-infra--2019-01-23-prow.md)`);
    console.log(`server: ${SERVER === join(ROOT, 'dist', 'server.js') ? 'dist/server.js' : SERVER}`);
    if (!process.env.BENCH_SKIP_IN_PROCESS) {
      const inProcess = measureInProcess(text);
      console.log();
      printTable(
        ['in process, 10k-line file', 'median', 'min'],
        [
          ['parseMarkdown', ms(inProcess.parse.median), ms(inProcess.parse.min)],
          ['analyze', ms(inProcess.analyze.median), ms(inProcess.analyze.min)],
        ],
      );
      console.log(
        `  (${IN_PROCESS_RUNS} runs each after 2 warm-up runs, GC forced before each; ${inProcess.findings} findings)`,
      );
      console.log(
        `  heap kept alive by one analysis result (the server keeps one per open document): ${(inProcess.retained / 2 ** 20).toFixed(0)} MiB`,
      );
    }

    // Debounce 0 first: it is the analysis latency, the figure that matters; the default adds a wait.
    const sessions: Session[] = [];
    for (const [name, path, content] of [
      ['10k lines', file, text],
      ['typical', typicalFile, typical],
    ] as const) {
      sessions.push(await measureEdits(workspace, path, content, name, 'debounceMs 0', { debounceMs: 0 }));
      sessions.push(
        await measureEdits(
          workspace,
          path,
          content,
          name,
          `debounceMs ${DEFAULT_SETTINGS.debounceMs} (default)`,
          undefined,
        ),
      );
    }
    console.log();
    console.log(
      `edit → publishDiagnostics, ${TIMED_EDITS} one-character edits after ${WARMUP_EDITS} warm-up edits, each awaited`,
    );
    printTable(
      ['file', 'server setting', 'didOpen', 'p50', 'p95', 'min', 'max', 'diagnostics'],
      sessions.map((s) => {
        const sorted = [...s.editsMs].sort((a, b) => a - b);
        return [
          s.file,
          s.label,
          ms(s.openMs),
          ms(medianOf(sorted)),
          ms(percentile(sorted, 0.95)),
          ms(sorted[0]),
          ms(sorted[sorted.length - 1]),
          String(s.diagnostics),
        ];
      }),
    );
    console.log('  didOpen: from sending didOpen to the first publishDiagnostics on a fresh server (cold JIT)');
    console.log(
      `  edits type at the end of the middle line; ${PAUSE_MS} ms idle after each reply, so each meets a settled server`,
    );
    console.log();
    console.log(
      `request sent right after a one-character edit (${REQUEST_EDITS} edits per request, each then awaited to its publishDiagnostics)`,
    );
    printTable(
      ['file', 'server setting', ...REQUESTS.flatMap((r) => [`${r} p50`, 'p95'])],
      sessions.map((s) => [
        s.file,
        s.label,
        ...REQUESTS.flatMap((r) => {
          const sorted = [...s.requestsMs[r]].sort((a, b) => a - b);
          return [ms(medianOf(sorted)), ms(percentile(sorted, 0.95))];
        }),
      ]),
    );
    console.log('  hover: on the first section heading; codeAction: at the cursor, on the line being typed');
    const traced = sessions.filter((s) => s.analyses > 0);
    if (traced.length > 0) {
      console.log(
        `  analyses (server trace): ${traced.map((s) => `${s.file}, ${s.label}: ${s.analyses} for ${s.versions} versions, ${s.analysedTwice} analysed twice`).join('; ')}`,
      );
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** analyze() on the same text in this process, GC forced before each run as the server gets idle time to collect
 * between edits; and the heap one result keeps alive, which the server holds per open document (tree included). */
function measureInProcess(text: string) {
  const config = defaultConfig(RULES);
  const gc = exposeGc();
  const time = (fn: () => unknown) => {
    for (let i = 0; i < 2; i++) fn();
    const runs: number[] = [];
    for (let i = 0; i < IN_PROCESS_RUNS; i++) {
      gc();
      const start = performance.now();
      fn();
      runs.push(performance.now() - start);
    }
    return { median: medianOf(runs), min: Math.min(...runs) };
  };
  const parse = time(() => parseMarkdown(text));
  const analysis = time(() => analyze(text, config, RULES));
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = analyze(text, config, RULES);
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  return { parse, analyze: analysis, findings: result.findings.length, retained };
}

/**
 * One fresh server: open the document, then type one character at a time at the end of its middle line: first
 * each edit awaited to its publishDiagnostics, then each followed at once by a request (timed), then awaited.
 */
async function measureEdits(
  workspace: string,
  file: string,
  text: string,
  fileLabel: string,
  label: string,
  settings: { debounceMs: number } | undefined,
): Promise<Session> {
  const server = startServer();
  try {
    const { connection } = server;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
      // The trace says what the server analysed (an older server says nothing: its count is left out).
      trace: 'verbose',
      // No workspace/configuration capability: the server takes its settings from initializationOptions.
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
      initializationOptions: settings ? { settings } : undefined,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const analysedVersions: number[] = [];
    connection.onNotification(LogTraceNotification.type, ({ message }) => {
      const analysed = /^analysed \S+ v(\d+) /.exec(message);
      if (analysed) analysedVersions.push(Number(analysed[1]));
    });

    const uri = pathToFileURL(file).href;
    const waiter = diagnosticsWaiter(connection, uri);
    let version = 1;
    // Each wait is registered before its notification is sent, so even an instant reply is not missed.
    const opened = waiter.forVersion(version, server);
    const start = performance.now();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    let reply = await opened;
    const openMs = reply.at - start;

    // Type at the end of the middle line (a timeline entry in the large file), one character per edit.
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    const heading = lines.findIndex((l) => l.startsWith('## '));
    const typed = ' then waited';
    let typedCount = 0;
    const edit = async () => {
      version++;
      const at = { line, character: lines[line].length + typedCount };
      const published = waiter.forVersion(version, server);
      const sent = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text: typed[typedCount % typed.length] }],
      });
      typedCount++;
      return { sent, published, cursor: { line, character: at.character + 1 } };
    };
    const editsMs: number[] = [];
    for (let i = 0; i < WARMUP_EDITS + TIMED_EDITS; i++) {
      const { sent, published } = await edit();
      reply = await published;
      if (i >= WARMUP_EDITS) editsMs.push(reply.at - sent);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const requestsMs = { documentSymbol: [], hover: [], codeAction: [] } as Record<RequestKind, number[]>;
    for (const kind of REQUESTS) {
      for (let i = 0; i < REQUEST_EDITS; i++) {
        const { published, cursor } = await edit();
        const asked = performance.now();
        if (kind === 'documentSymbol')
          await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        else if (kind === 'hover') {
          await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: { line: heading, character: 4 },
          });
        } else {
          await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: { start: cursor, end: cursor },
            context: { diagnostics: [] },
          });
        }
        requestsMs[kind].push(performance.now() - asked);
        reply = await published;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
    const analysedTwice = analysedVersions.length - new Set(analysedVersions).size;
    return {
      file: fileLabel,
      label,
      openMs,
      editsMs,
      diagnostics: reply.count,
      requestsMs,
      versions: version,
      analyses: analysedVersions.length,
      analysedTwice,
    };
  } finally {
    await server.stop();
  }
}

function countLines(text: string): number {
  return text.split('\n').length;
}
