// No waiting (issue 11) and calm while typing (issue 16), over stdio against dist/server.js: a request sent right
// after didChange answers from the last finished analysis with positions valid for the new text, no version is
// analysed twice (the server's trace, `$/logTrace`, names each analysis), code actions wait for the analysis the
// debounce scheduled instead of starting their own, and `postmortem/cursor` releases the findings held on the
// line the author left. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type {
  CodeAction,
  DocumentSymbol,
  FoldingRange,
  Hover,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CURSOR_METHOD, type CursorParams } from '../../server/src/protocol';
import { LspClient } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

/** A long timeline: the first analysis takes well over FAST_ANALYSIS_MS (30 ms), so the next waits for the debounce. */
const ENTRIES = Array.from(
  { length: 400 },
  (_, i) =>
    `- ${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i} of the rollback ran.`,
).join('\n');

const LONG = `# Postmortem: slow rollback

## Summary

The rollback of the payments release took three hours.

## Impact

Checkout failed for 12% of requests for 3 hours.

## Timeline

${ENTRIES}

## Root cause

The rollback script replayed every migration one by one.

## Action items

- Batch the migrations in the rollback script (owner: @payments, PAY-12)
`;

/** A postmortem without its impact section. */
const SHORT = `# Postmortem: slow rollback

## Summary

The rollback of the payments release took three hours.

## Timeline

- 09:00 The rollback starts.
- 12:00 The rollback ends.

## Root cause

The rollback script replayed every migration one by one.

## Action items

- Batch the migrations in the rollback script (owner: @payments, PAY-12)
`;

/** The versions each "analysed <uri> vN" trace line names, in order. */
function analysedVersions(client: LspClient, uri: string): number[] {
  return client.traces.flatMap((t) => {
    const m = /^analysed (\S+) v(\d+) /.exec(t);
    return m && m[1] === uri ? [Number(m[2])] : [];
  });
}

function symbolsOf(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...symbolsOf(s.children ?? [])]);
}

describe('language server: no waiting, calm while typing', () => {
  it('answers a request sent right after didChange from the last analysis, moved onto the new text', async () => {
    // A budget no loaded machine reaches: the test is about what the analysis gives, not its time.
    const root = tempTree({ 'postmortems/.keep': '', '.postmortemrc.json': '{ "timeBudgetMs": 60000 }' });
    const uri = `file://${join(root, 'postmortems/2024-09-01-rollback.md')}`;
    // A long debounce: the edit's own analysis starts 2 s (MAX_DEBOUNCE_MS) after it, well after the requests.
    const client = new LspClient({
      rootPath: root,
      trace: 'verbose',
      initializationOptions: { settings: { debounceMs: 10_000 } },
    });
    try {
      await client.initialize();
      await client.open(uri, LONG);
      await client.diagnostics(uri, (p) => p.version === 1);
      // Three lines inserted above every heading but the title.
      const inserted = 'Written by the payments team.\n\nReviewed on 2024-09-03.\n\n';
      const at = LONG.indexOf('## Summary');
      const now = TextDocument.create(uri, 'markdown', 2, LONG.slice(0, at) + inserted + LONG.slice(at));
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [
          { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: inserted },
        ],
      });
      const rootCause = now.getText().split('\n').indexOf('## Root cause');
      const [symbols, hover, folds] = await Promise.all([
        client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
        client.request<Hover | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line: rootCause, character: 5 },
        }),
        client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } }),
      ]);
      // They came from the analysis of version 1: version 2 was not analysed yet (nor for them).
      assert.deepEqual(analysedVersions(client, uri), [1]);
      for (const what of ['documentSymbol', 'hover', 'foldingRange']) {
        assert.ok(
          client.traces.includes(`${what} on ${uri} v2: from the analysis of v1, moved onto the text now`),
          client.traces.join('\n'),
        );
      }
      // Every heading's symbol points at its heading in the new text.
      const headings = symbolsOf(symbols).filter((s) =>
        /^(Summary|Impact|Timeline|Root cause|Action items)$/.test(s.name),
      );
      assert.equal(headings.length, 5, JSON.stringify(symbols.map((s) => s.name)));
      for (const s of headings) assert.equal(now.getText(s.selectionRange).replace(/^#+\s*/, ''), s.name);
      // The hover on the root cause heading, where it is now.
      assert.ok(hover?.range, JSON.stringify(hover));
      assert.equal(hover.range.start.line, rootCause);
      assert.match(JSON.stringify(hover.contents), /root cause/i);
      // The timeline's fold starts at its heading now.
      const timeline = now.getText().split('\n').indexOf('## Timeline');
      assert.ok(
        folds.some((f) => f.startLine === timeline),
        JSON.stringify(folds.slice(0, 5)),
      );

      // Version 2's own analysis comes after the debounce, once; a request then reuses it.
      const published = await client.diagnostics(uri, (p) => p.version === 2);
      assert.ok(published.diagnostics.every((d) => d.range.end.line < now.lineCount));
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(analysedVersions(client, uri), [1, 2]);
    } finally {
      await client.close();
    }
  });

  it('has a code action sent right after didChange wait for the scheduled analysis of the new text, not start one', async () => {
    const root = tempTree({ 'postmortems/.keep': '' });
    const uri = `file://${join(root, 'postmortems/2024-09-02-missing.md')}`;
    const text = SHORT;
    const client = new LspClient({ rootPath: root, trace: 'verbose', documentChanges: true });
    try {
      await client.initialize();
      await client.open(uri, text);
      const first = await client.diagnostics(uri, (p) => p.version === 1);
      const missing = first.diagnostics.find((d) => d.code === 'structure/required-section');
      assert.ok(missing, JSON.stringify(first.diagnostics));
      // A line typed at the top: everything below moves down one line.
      const line = 'Draft, do not share.\n';
      const now = TextDocument.create(uri, 'markdown', 2, `${line}${text}`);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: line }],
      });
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        context: { diagnostics: [] },
      });
      const insert = actions.find((a) => a.title === 'Insert missing section "Impact"');
      assert.ok(insert, actions.map((a) => a.title).join(', '));
      const change = insert.edit?.documentChanges?.[0] as TextDocumentEdit;
      // Versioned for the text now, and inserting where the section goes in it (after the timeline).
      assert.equal(change.textDocument.version, 2);
      const fixed = TextDocument.applyEdits(now, change.edits as TextEdit[]);
      assert.match(
        fixed,
        /^Draft, do not share\.\n# Postmortem: slow rollback\n[\s\S]*\n- 12:00 The rollback ends\.\n\n## Impact\n/,
      );
      assert.equal(fixed.replace(/## Impact\n\n(?:<!--.*-->\n\n)?/, ''), now.getText());
      // Version 2 analysed once: the request waited for the debounce's analysis.
      await client.diagnostics(uri, (p: PublishDiagnosticsParams) => p.version === 2);
      assert.deepEqual(analysedVersions(client, uri), [1, 2]);
    } finally {
      await client.close();
    }
  });

  it('publishes the findings held on the typed line as soon as postmortem/cursor says the author left it', async () => {
    const root = tempTree({ 'postmortems/.keep': '' });
    const uri = `file://${join(root, 'postmortems/2024-09-03-typing.md')}`;
    const base = '# Postmortem: disk full\n\n## Summary\n\nThe disk filled up.\n\n## Action items\n\n';
    const client = new LspClient({ rootPath: root, trace: 'verbose' });
    try {
      await client.initialize();
      await client.open(uri, `${base}- `);
      await client.diagnostics(uri, (p) => p.version === 1);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `${base}- Improve` }],
      });
      const line = base.split('\n').length - 1;
      const onLine = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.range.start.line === line);
      const held = await client.diagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(onLine(held), [], 'the line being typed waits');
      const cursor: CursorParams = { textDocument: { uri, version: 2 }, line: 2 };
      await client.connection.sendNotification(CURSOR_METHOD, cursor);
      const released = await client.diagnostics(uri, (p) => p.version === 2 && onLine(p).length > 0);
      assert.ok(
        onLine(released).some((d) => d.code === 'action-items/vague'),
        JSON.stringify(onLine(released)),
      );
      // Released by the cursor, not by the pause.
      assert.ok(
        client.traces.some((t) => t.startsWith(`published ${uri} v2: `) && t.endsWith(`the author left line ${line}`)),
        client.traces.join('\n'),
      );
    } finally {
      await client.close();
    }
  });
});
