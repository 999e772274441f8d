// The web extension's language server (dist/web/server.js, built by `npm run build`) in a real browser: headless
// Chromium loads it in a Web Worker from a local HTTP server (with dist/analysis.js, which it imports), and the test speaks LSP to it over postMessage as
// vscode-languageclient/browser does: initialize, open a postmortem from a github.dev-like workspace
// (vscode-vfs://), wait for its diagnostics, ask for the quick fix, apply it, and wait for the diagnostics of the
// fixed version. The worker starts as VS Code's web extension host starts it (a blob that imports the client's
// bootstrap blob, so the server's own URL is a blob). A second server gets a client that answers the workspace-file
// requests (protocol/files.ts) as the web client does: Lint Workspace and `postmortem/actions` find a file never
// opened, a `.postmortemrc.json` read through the host changes a severity, and another one's `timeBudgetMs` stops
// a slow document in the analysis worker. Screenshot: test-results/browser-server.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { applyEdits, LineIndex, type TextEdit } from '../../server/src/core';
import {
  ACTIONS_METHOD,
  LINT_WORKSPACE_COMMAND,
  type WorkspaceActions,
  type WorkspaceLintResult,
  workerBootstrap,
} from '../../server/src/protocol';
import { CHROMIUM, launchChromium } from '../helpers/chromium';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';

const ROOT = join(__dirname, '..', '..');
/** The files the worker may load, as the VSIX lays them out. */
const SERVED: Record<string, string> = {
  '/web/server.js': join(ROOT, 'dist', 'web', 'server.js'),
  '/analysis.js': join(ROOT, 'dist', 'analysis.js'),
};
const FOLDER = 'vscode-vfs://github/acme/sre';
const DOC = `${FOLDER}/postmortems/2024-03-05-checkout.md`;
const TEXT = `# Postmortem: checkout errors

## Summary

Checkout returned errors for some customers after a configuration change.

## Timeline

All times UTC.

- 2024-03-05 09:12 Deploy of the payments config.
- 2024-03-05 09:20 Alert fired for checkout error rate.
- 2024-03-05 09:41 Config rolled back; errors stopped.

## Root Cause

The new config pointed the payments client at a retired endpoint. A careless review let it through.
`;

/** Enough timeline entries to outlast a 100 ms budget on any machine (as test/protocol/lsp-robustness.test.ts). */
const SLOW = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 20_000 },
  (_, i) => `- 10:${String(i % 60).padStart(2, '0')} UTC the service was restarted again`,
).join('\n')}\n`;

/** Past a 100 ms budget, and well within the 10 s more a stopped analysis may take. */
const LATE = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 4_000 },
  (_, i) => `- 11:${String(i % 60).padStart(2, '0')} UTC the cache was warmed again`,
).join('\n')}\n`;

/**
 * In the server's own thread (no nested worker) a step runs to its end, the parse too: 2,000 entries take seconds
 * to parse and model, far past a 100 ms budget, and the rules after it are skipped.
 */
const SLOW_IN_THREAD = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 2_000 },
  (_, i) => `- 10:${String(i % 60).padStart(2, '0')} UTC the service was restarted again`,
).join('\n')}\n`;

/** The workspace the second server's client serves: never opened by the editor. */
const WORKSPACE: Record<string, string> = {
  [`${FOLDER}/postmortems/.postmortemrc.json`]: JSON.stringify({ rules: { 'structure/required-section': 'warning' } }),
  [`${FOLDER}/postmortems/2024-01-10-dns.md`]: `# Postmortem: DNS resolution failures

## Summary

Internal DNS lookups failed for 20 minutes after a resolver upgrade.

## Action items

- [ ] Add an alert on the DNS resolution error rate (owner: @sre, OPS-12)
`,
  [`${FOLDER}/notes/readme.md`]: '# Team notes\n\nNothing to see.\n',
  [`${FOLDER}/node_modules/pkg/postmortems/vendored.md`]: '# Postmortem: vendored\n\n## Summary\n\nS.\n',
  [`${FOLDER}/budget/.postmortemrc.json`]: JSON.stringify({ timeBudgetMs: 100 }),
};

/**
 * The page side: Web Workers running the server, each with a JSON-RPC peer over postMessage (what the client does);
 * `files` (URI → text), when given, answers the workspace-file requests as client/src/workspace-files.ts does.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>Postmortem web server</title>
<body style="font: 14px system-ui; margin: 16px"><h1>Postmortem language server in a Web Worker</h1><ol id="log"></ol>
<script>
const log = (text) => { const li = document.createElement('li'); li.textContent = text; document.getElementById('log').append(li); };
const blobUrl = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
window.startServer = (name, bootstrap, files) => {
  // As VS Code's web worker extension host starts a worker: a blob of its own that imports the client's.
  const worker = new Worker(blobUrl('importScripts(' + JSON.stringify(blobUrl(bootstrap)) + ');'));
  const pending = new Map();
  const notes = [];
  const waiters = [];
  const asked = [];
  let next = 1;
  const answer = (m) => {
    if (m.method === 'workspace/configuration') return m.params.items.map(() => null);
    if (!m.method.startsWith('postmortem/')) return null;
    asked.push(m.method);
    if (!files) return null;
    const uris = Object.keys(files);
    if (m.method === 'postmortem/listFiles') {
      const config = m.params.include.includes('postmortemrc');
      const found = uris.filter((u) => (config ? /\\/\\.postmortemrc\\.(json|ya?ml)$/ : /\\.(md|markdown|mdx)$/).test(u))
        .filter((u) => m.params.folders.length === 0 || m.params.folders.some((f) => u.startsWith(f + '/')));
      return { uris: found.slice(0, m.params.limit), truncated: found.length > m.params.limit };
    }
    const text = files[m.params.uri];
    if (text === undefined) return null;
    if (m.method === 'postmortem/statFile') return { mtimeMs: 1, size: text.length };
    if (m.method === 'postmortem/readFile') return { base64: btoa(unescape(encodeURIComponent(text))) };
    return null;
  };
  worker.onerror = (e) => {
    log(name + ': worker error: ' + e.message);
    for (const p of pending.values()) p.reject(new Error('worker error: ' + e.message));
    pending.clear();
  };
  worker.onmessage = ({ data: m }) => {
    if (m.id !== undefined && m.method === undefined) {
      const p = pending.get(m.id); pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message)); else p.resolve(m.result);
      return;
    }
    if (m.id !== undefined) {
      // A request from the server (configuration, registration, apply edit, files): answer as a client would.
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result: answer(m) });
      return;
    }
    notes.push(m);
    if (m.method === 'textDocument/publishDiagnostics')
      log(name + ': diagnostics ' + m.params.uri.split('/').pop() + ' v' + m.params.version + ': ' + m.params.diagnostics.map((d) => d.code + ' — ' + d.message.slice(0, 80)).join(' | '));
    for (const w of [...waiters]) if (w.test(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  };
  const lsp = {
    asked,
    request(method, params) {
      const id = next++;
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    notify(method, params) { worker.postMessage({ jsonrpc: '2.0', method, params }); },
    diagnostics(uri, version, analysed) {
      const test = (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version &&
        (!analysed || m.params.diagnostics.every((d) => d.code !== 'input/not-analysed'));
      const seen = notes.find(test);
      return seen ? Promise.resolve(seen.params) : new Promise((resolve) => waiters.push({ test, resolve: (m) => resolve(m.params) })).then((p) => p);
    },
    log,
  };
  window[name] = lsp;
  return true;
};
</script>`;

interface Diagnostic {
  code?: string;
  message: string;
  severity?: number;
  data?: unknown;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface CodeAction {
  title: string;
  kind?: string;
  edit?: {
    changes?: Record<string, { range: Diagnostic['range']; newText: string }[]>;
    documentChanges?: { textDocument: { uri: string }; edits: { range: Diagnostic['range']; newText: string }[] }[];
  };
}

describe('the browser build of the server, in headless Chromium', {
  skip: !existsSync(CHROMIUM) && 'no Chromium',
}, () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const requests: string[] = [];

  before(async () => {
    for (const file of Object.values(SERVED)) assert.ok(existsSync(file), `${file} is missing: run npm run build`);
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const file = SERVED[req.url ?? ''];
      if (file) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
      } else if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    // Nothing may leave the page but the two files served here.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('http://127.0.0.1:') ? route.continue() : route.abort(),
    );
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    origin = `http://127.0.0.1:${port}`;
    await startServer('lsp', undefined);
  });

  let origin = '';
  /**
   * Starts a server in the page as `globalThis[name]`, with the bootstrap the web client uses; `noNestedWorkers`: in
   * a worker whose `Worker` throws, as VS Code's web worker extension host makes it where the browser has no nested
   * workers (the server's worker then runs from the host's stand-in).
   */
  async function startServer(
    name: string,
    files: Record<string, string> | null | undefined,
    noNestedWorkers = false,
  ): Promise<void> {
    const standIn =
      'globalThis.Worker = class { constructor() { throw new TypeError("Nested workers from within nested worker are NOT supported."); } };\n';
    const bootstrap =
      (noNestedWorkers ? standIn : '') +
      workerBootstrap({ server: `${origin}/web/server.js`, analysis: `${origin}/analysis.js` });
    await page.evaluate(
      ({ name, bootstrap, files }) =>
        (
          globalThis as unknown as { startServer(n: string, b: string, f: Record<string, string> | null): boolean }
        ).startServer(name, bootstrap, files ?? null),
      { name, bootstrap, files },
    );
  }

  type PageLsp = {
    asked: string[];
    request(m: string, p: unknown): Promise<unknown>;
    notify(m: string, p: unknown): void;
    diagnostics(uri: string, version?: number, analysed?: boolean): Promise<{ diagnostics: Diagnostic[] }>;
  };
  const on = (name: string) => ({
    request: <T>(method: string, params: unknown) =>
      page.evaluate(
        ({ name, method, params }) => (globalThis as unknown as Record<string, PageLsp>)[name].request(method, params),
        { name, method, params },
      ) as Promise<T>,
    notify: (method: string, params: unknown) =>
      page.evaluate(
        ({ name, method, params }) => (globalThis as unknown as Record<string, PageLsp>)[name].notify(method, params),
        { name, method, params },
      ),
    /** The diagnostics of that version (with `analysed`, the first that is not the not-analysed note). */
    diagnostics: (uri: string, version?: number, analysed = false) =>
      page.evaluate(
        ({ name, uri, version, analysed }) =>
          (globalThis as unknown as Record<string, PageLsp>)[name].diagnostics(uri, version ?? undefined, analysed),
        { name, uri, version: version ?? null, analysed },
      ),
    asked: () => page.evaluate(({ name }) => (globalThis as unknown as Record<string, PageLsp>)[name].asked, { name }),
  });

  /** initialize (with the web client's option when `workspaceFiles`) and initialized, on the page's server `name`. */
  async function initialize(name: string, workspaceFiles: boolean): Promise<void> {
    const lsp = on(name);
    await lsp.request('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'sre' }],
      initializationOptions: workspaceFiles ? { workspaceFiles: true } : undefined,
      capabilities: {
        textDocument: { publishDiagnostics: {} },
        workspace: { workspaceEdit: { documentChanges: true }, configuration: true, workspaceFolders: true },
      },
    });
    await lsp.notify('initialized', {});
  }

  const open = (name: string, uri: string, text: string) =>
    on(name).notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const lintWorkspace = (name: string) =>
    on(name).request<WorkspaceLintResult>('workspace/executeCommand', {
      command: LINT_WORKSPACE_COMMAND,
      arguments: [],
    });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('initializes, publishes structure/required-section, and its quick fix inserts the section', async () => {
    const init = (await page.evaluate(
      ({ folder }) =>
        (globalThis as unknown as { lsp: { request(m: string, p: unknown): Promise<unknown> } }).lsp.request(
          'initialize',
          {
            processId: null,
            rootUri: folder,
            workspaceFolders: [{ uri: folder, name: 'sre' }],
            capabilities: {
              textDocument: {
                publishDiagnostics: {},
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
              },
              workspace: { workspaceEdit: { documentChanges: true }, configuration: true, workspaceFolders: true },
            },
          },
        ),
      { folder: FOLDER },
    )) as { capabilities: { codeActionProvider?: unknown; hoverProvider?: boolean }; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'postmortem');
    assert.ok(init.capabilities.codeActionProvider, 'offers code actions');
    assert.equal(init.capabilities.hoverProvider, true);

    type Lsp = {
      request(m: string, p: unknown): Promise<unknown>;
      notify(m: string, p: unknown): void;
      diagnostics(uri: string, version: number): Promise<{ diagnostics: Diagnostic[] }>;
    };
    const first = (await page.evaluate(
      ({ uri, text }) => {
        const lsp = (globalThis as unknown as { lsp: Lsp }).lsp;
        lsp.notify('initialized', {});
        lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        return lsp.diagnostics(uri, 1);
      },
      { uri: DOC, text: TEXT },
    )) as { diagnostics: Diagnostic[] };
    const missing = first.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.ok(missing.length > 0, `no structure/required-section in ${JSON.stringify(first.diagnostics)}`);
    // The blame rules run in the worker too (the NLP model and the name lists load there).
    assert.ok(
      first.diagnostics.some((d) => d.code === 'blame/judgment'),
      `no blame/judgment in ${JSON.stringify(first.diagnostics.map((d) => d.code))}`,
    );
    const impact = missing.find((d) => /impact/i.test(d.message)) ?? missing[0];

    const actions = (await page.evaluate(
      ({ uri, diagnostic }) =>
        (globalThis as unknown as { lsp: Lsp }).lsp.request('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        }),
      { uri: DOC, diagnostic: impact },
    )) as CodeAction[];
    const insert = actions.find((a) => a.edit && /insert|add/i.test(a.title));
    assert.ok(insert, `no inserting quick fix among ${actions.map((a) => a.title).join(', ')}`);
    const lspEdits = insert.edit?.documentChanges?.[0]?.edits ?? insert.edit?.changes?.[DOC] ?? [];
    assert.ok(lspEdits.length > 0, 'the fix edits the document');
    const lines = new LineIndex(TEXT);
    const edits: TextEdit[] = lspEdits.map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      text: e.newText,
    }));
    const fixed = applyEdits(TEXT, edits);
    assert.ok(fixed.length > TEXT.length && fixed.startsWith(TEXT.slice(0, edits[0].start)), 'only inserts');

    const second = (await page.evaluate(
      ({ uri, text }) => {
        const lsp = (globalThis as unknown as { lsp: Lsp }).lsp;
        lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        return lsp.diagnostics(uri, 2);
      },
      { uri: DOC, text: fixed },
    )) as { diagnostics: Diagnostic[] };
    const still = second.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.ok(
      !still.some((d) => d.message === impact.message),
      `"${impact.message}" is still reported after the fix: ${JSON.stringify(still)}`,
    );

    // The other editor features answer from the same analysis.
    const symbols = (await page.evaluate(
      ({ uri }) =>
        (globalThis as unknown as { lsp: Lsp }).lsp.request('textDocument/documentSymbol', { textDocument: { uri } }),
      { uri: DOC },
    )) as { name: string }[];
    assert.ok(symbols.length > 0, 'document symbols');
    const summary = (await page.evaluate(
      ({ uri }) => (globalThis as unknown as { lsp: Lsp }).lsp.request('postmortem/summary', { textDocument: { uri } }),
      { uri: DOC },
    )) as { isPostmortem: boolean; sections: unknown[] };
    assert.equal(summary.isPostmortem, true);
    assert.ok(summary.sections.length > 0);

    // A client that does not read the workspace for the server (an older one, another editor): Lint Workspace
    // finds nothing, without an error, and the server asks it for no file.
    const lint = await lintWorkspace('lsp');
    assert.equal(lint.files, 0);
    assert.deepEqual(await on('lsp').asked(), []);
  });

  it('reads the workspace through a client that answers: Lint Workspace, postmortem/actions and .postmortemrc files', async () => {
    await startServer('files', WORKSPACE);
    await initialize('files', true);
    const lsp = on('files');
    const closed = `${FOLDER}/postmortems/2024-01-10-dns.md`;

    const lint = await lintWorkspace('files');
    // postmortems/2024-01-10-dns.md and notes/readme.md; not node_modules/.
    assert.deepEqual({ files: lint.files, postmortems: lint.postmortems }, { files: 2, postmortems: 1 });
    assert.ok(lint.problems > 0 && lint.published.includes(closed), JSON.stringify(lint));
    const published = await lsp.diagnostics(closed);
    const required = published.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.ok(required.length > 0, `no structure/required-section in ${JSON.stringify(published.diagnostics)}`);
    // postmortems/.postmortemrc.json, read through the host, makes the rule a warning (2), not an error (1).
    assert.deepEqual([...new Set(required.map((d) => d.severity))], [2]);

    const actions = await lsp.request<WorkspaceActions>(ACTIONS_METHOD, null);
    const dns = actions.postmortems.find((p) => p.uri === closed);
    assert.ok(dns, `the unopened postmortem is missing from ${JSON.stringify(actions)}`);
    assert.equal(dns.relativePath, 'postmortems/2024-01-10-dns.md');
    assert.match(dns.actions[0]?.text ?? '', /DNS resolution error rate/);

    // An open document gets the same config.
    await open('files', DOC, TEXT);
    const opened = await lsp.diagnostics(DOC, 1);
    const openRequired = opened.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.ok(openRequired.length > 0);
    assert.deepEqual([...new Set(openRequired.map((d) => d.severity))], [2]);
    const asked = new Set(await lsp.asked());
    for (const method of ['postmortem/listFiles', 'postmortem/statFile', 'postmortem/readFile']) {
      assert.ok(asked.has(method), `the server never sent ${method}`);
    }
  });

  it('stops a document past its time budget in the analysis worker, says so, and goes on with the next', async () => {
    // budget/.postmortemrc.json (timeBudgetMs: 100), read through the host, sets the budget.
    const lsp = on('files');
    const slow = `${FOLDER}/budget/slow-postmortem.md`;
    const started = Date.now();
    await open('files', slow, SLOW);
    const stopped = await lsp.diagnostics(slow, 1);
    const elapsed = Date.now() - started;
    assert.deepEqual(
      stopped.diagnostics.map((d) => [d.code, (d.data as { reason?: string } | undefined)?.reason]),
      [['input/not-analysed', 'time-budget']],
    );
    assert.match(stopped.diagnostics[0].message, /took longer than its 100 ms budget/);
    console.log(`slow document stopped and reported after ${elapsed} ms`);
    // The next document is analysed by a new analysis worker.
    const next = `${FOLDER}/postmortems/after-budget.md`;
    await open('files', next, TEXT);
    const after = await lsp.diagnostics(next, 1);
    assert.ok(after.diagnostics.some((d) => d.code === 'structure/required-section'));
  });

  it('lets a document stopped at its budget finish in the analysis worker, and publishes its findings', async () => {
    // As on Node: the stopped analysis goes on while no other document waits (a large document's first parse).
    const lsp = on('files');
    const late = `${FOLDER}/budget/late-postmortem.md`;
    await open('files', late, LATE);
    const stopped = await lsp.diagnostics(late, 1);
    assert.deepEqual(
      stopped.diagnostics.map((d) => d.code),
      ['input/not-analysed'],
    );
    const full = await lsp.diagnostics(late, 1, true);
    assert.ok(full.diagnostics.every((d) => d.code !== 'input/not-analysed'));
  });

  it('without nested workers, analyses in its own thread and still stops a slow document at the budget', async () => {
    await startServer('inThread', WORKSPACE, true);
    await initialize('inThread', true);
    const lsp = on('inThread');
    const started = Date.now();
    const slow = `${FOLDER}/budget/slow-postmortem.md`;
    await open('inThread', slow, SLOW_IN_THREAD);
    const stopped = await lsp.diagnostics(slow, 1);
    const elapsed = Date.now() - started;
    assert.deepEqual(
      stopped.diagnostics.map((d) => [d.code, (d.data as { reason?: string } | undefined)?.reason]),
      [['input/not-analysed', 'time-budget']],
    );
    assert.match(stopped.diagnostics[0].message, /took longer than its 100 ms budget/);
    console.log(`in-thread: slow document stopped and reported after ${elapsed} ms`);
    // The same server goes on: the next document gets every rule's findings, with the workspace's config.
    const next = `${FOLDER}/postmortems/after-budget.md`;
    await open('inThread', next, TEXT);
    const after = await lsp.diagnostics(next, 1);
    const required = after.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.ok(required.length > 0 && required.every((d) => d.severity === 2));
    assert.ok(after.diagnostics.some((d) => d.code === 'blame/judgment'));
  });

  it('keeps to the open documents when the client announces the requests but does not answer them', async () => {
    await startServer('silent', null);
    await initialize('silent', true);
    const lint = await lintWorkspace('silent');
    assert.deepEqual({ files: lint.files, postmortems: lint.postmortems }, { files: 0, postmortems: 0 });
    await open('silent', DOC, TEXT);
    const published = await on('silent').diagnostics(DOC, 1);
    const required = published.diagnostics.filter((d) => d.code === 'structure/required-section');
    // The defaults: an error.
    assert.ok(required.length > 0 && required.every((d) => d.severity === 1));
    assert.deepEqual(await on('silent').asked(), ['postmortem/listFiles']);

    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'browser-server.png'), fullPage: true });
    assert.deepEqual(
      [...new Set(requests)].sort(),
      ['/', '/analysis.js', '/web/server.js'],
      'the workers loaded nothing but their bundles',
    );
  });
});
