// The server survives what an audit sent it: a document without text, malformed positions, a config file that
// explodes when read, a document that takes longer than the time budget. After each, it still answers, and the
// next document is analysed. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const MISSING_TIMELINE = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');

/** Nine levels of nine aliases: hundreds of millions of nodes once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nfiles: *a8\n`;
}

/** Enough timeline entries to outlast a 100 ms budget on any machine. */
const SLOW = `${MINIMAL_POSTMORTEM}\n## Detailed timeline\n\n${Array.from(
  { length: 20_000 },
  (_, i) => `- 10:${String(i % 60).padStart(2, '0')} UTC the service was restarted again`,
).join('\n')}\n`;

describe('language server robustness', () => {
  const root = tempTree({
    'postmortems/.keep': '',
    'bomb/.postmortemrc.yaml': aliasBomb(),
    'budget/.postmortemrc.json': JSON.stringify({ timeBudgetMs: 100 }),
  });
  const uri = (path: string) => `file://${join(root, path)}`;
  let client: LspClient;

  before(async () => {
    client = new LspClient({ rootPath: root, documentChanges: true });
    await client.initialize();
  });
  after(() => client.close());

  /** The server still analyses a fresh document: it is up and not stuck. */
  async function stillServes(name: string): Promise<void> {
    await client.open(uri(`postmortems/${name}.md`), MISSING_TIMELINE);
    const published = await client.diagnostics(uri(`postmortems/${name}.md`));
    assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));
  }

  it('survives a document opened with "text": null', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('postmortems/null.md'), languageId: 'markdown', version: 1, text: null },
    });
    await stillServes('after-null');
  });

  it('answers malformed positions and ranges with InvalidParams (-32602)', async () => {
    await client.open(uri('postmortems/params.md'), MISSING_TIMELINE);
    await client.diagnostics(uri('postmortems/params.md'));
    const calls: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: uri('postmortems/params.md') }, position: null }],
      ['textDocument/completion', { textDocument: { uri: uri('postmortems/params.md') }, position: { line: -1 } }],
      ['textDocument/codeAction', { textDocument: { uri: uri('postmortems/params.md') }, range: null, context: {} }],
      ['textDocument/documentSymbol', { textDocument: null }],
    ];
    for (const [method, params] of calls) {
      await assert.rejects(client.request(method, params), (e: { code?: number }) => e.code === -32602, method);
    }
    await stillServes('after-params');
  });

  it('survives a YAML alias bomb in .postmortemrc.yaml: the config is reported, the document checked with defaults', async () => {
    await client.open(uri('bomb/postmortem.md'), MISSING_TIMELINE);
    const published = await client.diagnostics(uri('bomb/postmortem.md'));
    assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));
    const config = await client.diagnostics(uri('bomb/.postmortemrc.yaml'));
    assert.match(String(config.diagnostics[0]?.message), /not usable YAML/);
    assert.ok(client.messages.some((m) => /bad config .*\.postmortemrc\.yaml/.test(m)));
    await stillServes('after-bomb');
  });

  it('stops a document past its time budget, says so, and goes on with the next', async () => {
    await client.open(uri('budget/slow-postmortem.md'), SLOW);
    const published = await client.diagnostics(uri('budget/slow-postmortem.md'));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, (d.data as { reason?: string }).reason]),
      [['input/not-analysed', 'time-budget']],
    );
    assert.match(String(published.diagnostics[0].message), /took longer than its 100 ms budget/);
    await stillServes('after-budget');
  });

  it('publishes the full analysis of a document past its budget once it finishes, while nothing else waits', async () => {
    // The worker goes on with the stopped analysis (a large document's first full parse) and keeps its tree: the
    // same version is then analysed again from it, and published.
    const doc = uri('budget/late-postmortem.md');
    await client.open(doc, `${SLOW}\nLate.\n`);
    const stopped = await client.diagnostics(doc);
    assert.deepEqual(
      stopped.diagnostics.map((d) => d.code),
      ['input/not-analysed'],
    );
    const full = await client.diagnostics(doc, (p) => p.diagnostics.every((d) => d.code !== 'input/not-analysed'));
    assert.equal(full.version, 1);
  });

  it('pins code-action edits to the document version they were computed for', async () => {
    const doc = uri('postmortems/versioned.md');
    await client.open(doc, MISSING_TIMELINE, 7);
    const published = await client.diagnostics(doc);
    const missing = published.diagnostics.find((d) => d.code === 'structure/required-section') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    const fix = actions.find((a) => a.title === 'Insert missing section "Timeline"');
    const [change] = (fix?.edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(change?.textDocument, { uri: doc, version: 7 });
    assert.match((change.edits[0] as TextEdit).newText, /## Timeline/);
  });

  it('takes a burst of edits over many documents without waiting between them, and ends on every last version', async () => {
    const DOCS = 20;
    const EDITS = 20;
    const names = Array.from({ length: DOCS }, (_, d) => `postmortems/burst-${d}.md`);
    for (const name of names) await client.open(uri(name), MISSING_TIMELINE);
    // Every edit sent at once, interleaved across documents, as fast typing in split editors would.
    for (let e = 2; e <= EDITS + 1; e++) {
      for (const [d, name] of names.entries()) {
        const blame = e === EDITS + 1 && d % 2 === 0 ? '\nThe outage was caused by human error.\n' : '';
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: uri(name), version: e },
          contentChanges: [{ text: `${MISSING_TIMELINE}\nEdit ${e} of document ${d}.\n${blame}` }],
        });
      }
    }
    for (const [d, name] of names.entries()) {
      const last = await client.diagnostics(uri(name), (p) => p.version === EDITS + 1);
      assert.ok(
        last.diagnostics.some((x: Diagnostic) => x.code === 'structure/required-section'),
        name,
      );
      assert.equal(
        last.diagnostics.some((x: Diagnostic) => x.code === 'blame/human-error'),
        d % 2 === 0,
        `${name}: the last version's own findings`,
      );
    }
    await stillServes('after-burst');
  });

  it('ignores config patterns in an untrusted workspace (Restricted Mode), and uses them once trusted', async () => {
    const folder = tempTree({
      '.postmortemrc.json': JSON.stringify({
        rules: { 'action-items/missing-tracking': { severity: 'warning', patterns: ['INC\\d+'] } },
      }),
      'postmortems/.keep': '',
    });
    const text = `${MINIMAL_POSTMORTEM.replace('- A (OPS-1)', '- Alert on queue depth (owner: @sam, INC42)')}`;
    const tracked = async (trusted: boolean) => {
      const restricted = new LspClient({ rootPath: folder, initializationOptions: { trusted } });
      try {
        await restricted.initialize();
        const doc = `file://${join(folder, 'postmortems/a.md')}`;
        await restricted.open(doc, text);
        const published = await restricted.diagnostics(doc);
        return !published.diagnostics.some((d) => d.code === 'action-items/missing-tracking');
      } finally {
        await restricted.close();
      }
    };
    assert.equal(await tracked(false), false, 'the INC pattern is ignored in Restricted Mode');
    assert.equal(await tracked(true), true, 'the INC pattern counts in a trusted workspace');
  });
});
