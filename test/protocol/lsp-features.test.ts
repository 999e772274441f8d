// The editor features over stdio, as any LSP client sees them: outline, folding, hover, completion, the
// postmortem/summary request and the server commands. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemSummary } from '../../server/src/protocol';
import { LspClient, SERVER } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

const DOC = `# Postmortem: cache stampede

## Summary

The product API failed for 38 minutes.

## Timeline

- 09:12 UTC A rollout shortens the cache TTL (OPS-311).
- 09:50 UTC The previous configuration is restored.

## Root cause

The root cause was human error.

## Action items

- [ ] Validate TTL units (OPS-312)
`;

const ON_DISK = '# Postmortem: search outage\n\n## Summary\n\nSearch was down.\n';

describe('language server features over stdio', () => {
  const root = tempTree({
    'postmortems/2024-06-02-search.md': ON_DISK,
    'postmortems/2024-06-03-open.md': ON_DISK,
    'notes/readme.md': '# Notes\n\nNot a postmortem.\n',
  });
  const uri = `file://${join(root, 'postmortems/2024-05-20-cache.md')}`;
  const notes = `file://${join(root, 'notes/readme.md')}`;
  let client: LspClient;

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server.js exists (run npm run build)');
    client = new LspClient({ rootPath: root, documentChanges: true });
    await client.initialize();
    await client.open(uri, DOC);
    await client.open(notes, '# Notes\n\nNot a postmortem.\n');
  });
  after(() => client.close());

  it('announces the features and the server commands', () => {
    const caps = client.initializeResult?.capabilities ?? {};
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.hoverProvider, true);
    // No trigger characters: completion opens on request only, so typing never accepts an item (see completion.ts).
    assert.deepEqual(caps.completionProvider, { triggerCharacters: [] });
    assert.deepEqual(caps.executeCommandProvider, {
      commands: ['postmortem.server.insertSections', 'postmortem.server.lintWorkspace'],
    });
  });

  it('answers textDocument/documentSymbol with the sections, events and actions', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, 'Postmortem: cache stampede');
    assert.deepEqual(
      title.children?.map((s) => [s.name, s.detail, s.children?.length]),
      [
        ['Summary', 'Summary', 0],
        ['Timeline', 'Timeline', 2],
        ['Root cause', 'Root cause', 0],
        ['Action items', 'Action items', 1],
      ],
    );
  });

  it('answers textDocument/foldingRange', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(
      ranges.some((r) => r.startLine === 6 && r.endLine === 9),
      JSON.stringify(ranges),
    );
  });

  it('answers textDocument/hover on a heading and on a finding', async () => {
    const heading = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 6, character: 5 },
    });
    assert.match((heading.contents as MarkupContent).value, /\*\*Timeline\*\* \(required section\)/);
    const finding = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 13, character: 22 },
    });
    assert.match((finding.contents as MarkupContent).value, /blame\/human-error/);
    // The summary states the impact ("failed for 38 minutes"): an info finding suggests a heading for it.
    const stated = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 5 },
    });
    assert.ok(stated, 'a hover on the stated impact');
    assert.match((stated.contents as MarkupContent).value, /structure\/stated-elsewhere/);
    const nothing = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 8, character: 20 },
    });
    assert.equal(nothing, null);
  });

  it('answers textDocument/completion after "#" with the missing sections first', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${DOC}\n## ` }],
    });
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 19, character: 3 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    const items = (Array.isArray(result) ? result : result.items).sort((a, b) =>
      String(a.sortText).localeCompare(String(b.sortText)),
    );
    assert.deepEqual(
      items.slice(0, 2).map((i) => i.label),
      ['Impact', 'Mitigation'],
    );
  });

  it('answers postmortem/summary for the view, and says when a file is no postmortem', async () => {
    const summary = await client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri } });
    assert.equal(summary.isPostmortem, true);
    assert.equal(summary.version, 2);
    // Impact is stated in the summary and the mitigation in the timeline: stated there, not missing.
    assert.deepEqual(summary.required, { total: 6, present: 4, empty: 0, missing: 0, stated: 2 });
    assert.equal(summary.blame.byRule.find((r) => r.ruleId === 'blame/human-error')?.count, 1);
    assert.equal(summary.metrics?.milestones.length, 4, 'the metrics: postmortem/summary in lsp-timeline.test.ts');
    assert.deepEqual(
      summary.actionItems?.map((a) => [a.text, a.status]),
      [['Validate TTL units (OPS-312)', 'open']],
    );
    const other = await client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri: notes } });
    assert.equal(other.isPostmortem, false);
    const closed = await client.request<PostmortemSummary>('postmortem/summary', {
      textDocument: { uri: 'file:///nowhere.md' },
    });
    assert.equal(closed.isPostmortem, false);
  });

  it('inserts the missing sections through workspace/applyEdit, pinned to the document version', async () => {
    // Impact and mitigation are stated elsewhere (see the summary above): by default nothing is missing to insert.
    const edits = client.appliedEdits.length;
    const nothing = await client.request<{ applied: boolean; inserted: string[] }>('workspace/executeCommand', {
      command: 'postmortem.server.insertSections',
      arguments: [{ uri }],
    });
    assert.deepEqual(nothing, { applied: true, inserted: [] });
    assert.equal(client.appliedEdits.length, edits, 'no edit was sent');
    // Asked for by name, they get headings of their own.
    const result = await client.request<{ applied: boolean; inserted: string[] }>('workspace/executeCommand', {
      command: 'postmortem.server.insertSections',
      arguments: [{ uri, kinds: ['impact', 'mitigation'] }],
    });
    assert.deepEqual(result, { applied: true, inserted: ['impact', 'mitigation'] });
    const edit = client.appliedEdits.at(-1) as { documentChanges: TextDocumentEdit[] };
    const [change] = edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 2 });
    const after = TextDocument.applyEdits(
      TextDocument.create(uri, 'markdown', 2, `${DOC}\n## `),
      change.edits as TextEdit[],
    );
    assert.ok(after.indexOf('## Impact') < after.indexOf('## Root cause'));
    assert.ok(after.indexOf('## Mitigation') < after.indexOf('## Action items'));

    client.applyEditResult = false;
    const refused = await client.request<{ applied: boolean; inserted: string[] }>('workspace/executeCommand', {
      command: 'postmortem.server.insertSections',
      arguments: [{ uri, kinds: ['detection'] }],
    });
    assert.deepEqual(refused, { applied: false, inserted: [] });
    client.applyEditResult = true;
    const bad = await client.request('workspace/executeCommand', {
      command: 'postmortem.server.insertSections',
      arguments: [{ uri: 42 }],
    });
    assert.deepEqual(bad, { applied: false, inserted: [] });
  });

  it('lints the workspace: publishes the postmortems on disk, and restores them when one is opened and closed', async () => {
    const opened = `file://${join(root, 'postmortems/2024-06-03-open.md')}`;
    await client.open(opened, ON_DISK);
    await client.diagnostics(opened);
    const result = await client.request<{ files: number; postmortems: number; problems: number }>(
      'workspace/executeCommand',
      { command: 'postmortem.server.lintWorkspace', arguments: [] },
    );
    assert.equal(result.files, 3, 'the three Markdown files on disk');
    assert.equal(result.postmortems, 2);
    const search = `file://${join(root, 'postmortems/2024-06-02-search.md')}`;
    const published = await client.diagnostics(search, (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));

    // A file that was open during the lint keeps the editor's diagnostics; closing it clears them as usual.
    await client.closeDocument(opened);
    await client.diagnostics(opened, (p) => p.diagnostics.length === 0);

    // A workspace-linted file opened and closed again gets its on-disk diagnostics back.
    await client.open(search, ON_DISK.replace('Search was down.', 'Search was down for 12 minutes.'));
    await client.diagnostics(search, (p) => p.version === 1);
    await client.closeDocument(search);
    const back = await client.diagnostics(search, (p) => p.version === undefined && p.diagnostics.length > 0);
    assert.ok(back.diagnostics.some((d) => d.code === 'structure/required-section'));
  });
});
