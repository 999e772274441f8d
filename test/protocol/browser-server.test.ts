// The web extension's language server (dist/web/server.js, built by `npm run build`) in a real browser: headless
// Chromium loads it in a Web Worker from a local HTTP server (with dist/analysis.js, which it imports), and the test speaks LSP to it over postMessage as
// vscode-languageclient/browser does: initialize, open a postmortem from a github.dev-like workspace
// (vscode-vfs://), wait for its diagnostics, ask for the quick fix, apply it, and wait for the diagnostics of the
// fixed version. Screenshot: test-results/browser-server.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { applyEdits, LineIndex, type TextEdit } from '../../server/src/core';
import { CHROMIUM, launchChromium } from '../helpers/chromium';

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

/** The page side: a Web Worker running the server, and a JSON-RPC peer over postMessage (what the client does). */
const PAGE = `<!doctype html><meta charset="utf-8"><title>Postmortem web server</title>
<body style="font: 14px system-ui; margin: 16px"><h1>Postmortem language server in a Web Worker</h1><ol id="log"></ol>
<script>
const worker = new Worker('/web/server.js');
const pending = new Map();
const notes = [];
const waiters = [];
let next = 1;
const log = (text) => { const li = document.createElement('li'); li.textContent = text; document.getElementById('log').append(li); };
worker.onerror = (e) => {
  log('worker error: ' + e.message);
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
    // A request from the server (configuration, capability registration, apply edit): answer as a client would.
    const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
    worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    return;
  }
  notes.push(m);
  if (m.method === 'textDocument/publishDiagnostics')
    log('diagnostics v' + m.params.version + ': ' + m.params.diagnostics.map((d) => d.code + ' — ' + d.message).join(' | '));
  for (const w of [...waiters]) if (w.test(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
};
window.lsp = {
  request(method, params) {
    const id = next++;
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  },
  notify(method, params) { worker.postMessage({ jsonrpc: '2.0', method, params }); },
  diagnostics(uri, version) {
    const test = (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version;
    const seen = notes.find(test);
    return seen ? Promise.resolve(seen.params) : new Promise((resolve) => waiters.push({ test, resolve: (m) => resolve(m.params) })).then((p) => p);
  },
  log,
};
</script>`;

interface Diagnostic {
  code?: string;
  message: string;
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

    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'browser-server.png'), fullPage: true });
    assert.deepEqual(
      [...new Set(requests)].sort(),
      ['/', '/analysis.js', '/web/server.js'],
      'the worker loaded nothing but its bundles',
    );
  });
});
