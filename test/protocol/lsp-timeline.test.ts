// The timeline and follow-up actions over stdio, as any LSP client sees them: the code lens with the incident's
// figures, the inlay hints on inferred milestones (or code lenses for clients without inlay hints), the "Mark as …"
// code actions, the metrics in postmortem/summary and the workspace's actions (postmortem/actions).
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import type { PostmortemSummary, WorkspaceActions } from '../../server/src/protocol';
import { CHECKOUT_TIMELINE } from '../helpers/checkout-timeline';
import { LspClient } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

const DOC = `${CHECKOUT_TIMELINE}
## Action items

- [ ] Load-test pool changes (owner: payments, ticket: PAY-210)
- [x] Alert on pool wait time (owner: sre, ticket: OPS-402)
`;

const ON_DISK = `# Postmortem: search outage

## Action items

- [ ] Switch the alias only after the count matches (owner: search, ticket: SRCH-88)
`;

const SENTENCE = 'Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min';

describe('timeline and follow-up actions over stdio', () => {
  const root = tempTree({
    'postmortems/2024-06-02-search.md': ON_DISK,
    'notes/readme.md': '# Notes\n\n- [ ] Not an action of a postmortem\n',
  });
  const uri = `file://${join(root, 'postmortems/2024-07-08-checkout.md')}`;
  let client: LspClient;
  let version = 1;
  let text = DOC;

  /** Sends the whole new text, as an editor does after an edit, and waits for its analysis. */
  async function change(next: string): Promise<void> {
    text = next;
    version++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await client.diagnostics(uri, (p) => p.version === version);
  }

  const lenses = () => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

  before(async () => {
    // An editor with inlay hints and disabled code actions, as VS Code announces them.
    client = new LspClient({
      rootPath: root,
      textDocument: { inlayHint: { dynamicRegistration: false }, codeAction: { disabledSupport: true } },
    });
    await client.initialize();
    writeFileSync(join(root, 'postmortems/2024-07-08-checkout.md'), DOC);
    await client.open(uri, DOC);
    await client.diagnostics(uri);
  });
  after(() => client.close());

  it('announces code lenses, inlay hints and the milestone code actions', () => {
    const caps = client.initializeResult?.capabilities ?? {};
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.equal(caps.inlayHintProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite.milestone'] });
  });

  it('puts the figures on the timeline heading (textDocument/codeLens)', async () => {
    const [lens, ...others] = await lenses();
    assert.equal(others.length, 0, 'this client shows inlay hints: no lenses on the entries');
    assert.deepEqual(lens.range.start, { line: 2, character: 0 });
    assert.equal(lens.command?.title, SENTENCE);
  });

  it('marks the entries the milestones were inferred from (textDocument/inlayHint)', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => [h.label, h.position.line]),
      [
        ['⟵ start of impact (inferred)', 7],
        ['⟵ detection (inferred)', 8],
        ['⟵ mitigation (inferred)', 10],
        ['⟵ resolution (inferred)', 11],
      ],
    );
  });

  it('gives the metrics and the actions in postmortem/summary', async () => {
    const summary = await client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri } });
    assert.equal(summary.metrics?.sentence, SENTENCE);
    assert.deepEqual(
      summary.metrics?.figures.map((f) => f.minutes),
      [8, 29, 78, 29],
    );
    assert.deepEqual(
      summary.metrics?.milestones.map((m) => [m.kind, m.how]),
      [
        ['started', 'inferred from "Error rate on checkout begins"'],
        ['detected', 'inferred from "alert fires"'],
        ['mitigated', 'inferred from "back to normal"'],
        ['resolved', 'inferred from "incident resolved"'],
      ],
    );
    assert.deepEqual(
      summary.actionItems?.map((a) => [a.owner, a.status]),
      [
        ['payments', 'open'],
        ['sre', 'done'],
      ],
    );
  });

  it('"Mark as detection" inserts a marker, and the figures follow it', async () => {
    const line = 9; // 09:33 The pool change is identified …
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      context: { diagnostics: [] },
    });
    const mark = actions.find((a) => a.title === 'Mark as detection');
    assert.ok(mark, actions.map((a) => a.title).join(', '));
    assert.equal(mark.kind, 'refactor.rewrite.milestone');
    const [edit] = (mark.edit?.changes?.[uri] ?? []) as TextEdit[];
    assert.deepEqual(edit.range.start, edit.range.end, 'an insertion');
    assert.equal(edit.newText, ' <!-- milestone: detected -->');
    const lines = text.split('\n');
    lines[line] = lines[line] + edit.newText;
    await change(lines.join('\n'));

    const [lens] = await lenses();
    assert.equal(
      lens.command?.title,
      'Detected after 21 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min',
    );
    const summary = await client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri } });
    const detected = summary.metrics?.milestones.find((m) => m.kind === 'detected');
    assert.deepEqual([detected?.source, detected?.at], ['marker', '09:33']);

    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } },
      context: { diagnostics: [] },
    });
    assert.match(
      String(again.find((a) => a.title === 'Mark as detection')?.disabled?.reason),
      /line 10 is marked as the detection/,
    );
    const quickFixesOnly = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.ok(!quickFixesOnly.some((a) => a.title.startsWith('Mark as')));
  });

  it('lists every action of every postmortem (postmortem/actions): open documents from the editor', async () => {
    const first = await client.request<WorkspaceActions>('postmortem/actions', {});
    assert.equal(first.files, 3);
    assert.deepEqual(
      first.postmortems.map((p) => [p.relativePath, p.actions.map((a) => a.status).join(',')]),
      [
        ['postmortems/2024-06-02-search.md', 'open'],
        ['postmortems/2024-07-08-checkout.md', 'open,done'],
      ],
    );
    // Ticked in the editor, not saved: the view shows what the editor shows.
    await change(text.replace('- [ ] Load-test', '- [x] Load-test'));
    const ticked = await client.request<WorkspaceActions>('postmortem/actions', {});
    assert.equal(ticked.postmortems[1].actions[0].status, 'done');
  });

  it('reads a postmortem changed on disk again', async () => {
    const path = join(root, 'postmortems/2024-06-02-search.md');
    writeFileSync(path, `${ON_DISK}- [x] Alert on an empty index (owner: search, ticket: SRCH-89)\n`);
    const result = await client.request<WorkspaceActions>('postmortem/actions', {});
    assert.deepEqual(
      result.postmortems[0].actions.map((a) => [a.tracking, a.status]),
      [
        [['SRCH-88'], 'open'],
        [['SRCH-89'], 'done'],
      ],
    );
  });
});

describe('code lenses for a client without inlay hints (Neovim 0.7)', () => {
  const root = tempTree({});
  const uri = `file://${join(root, 'postmortems/checkout.md')}`;
  let client: LspClient;

  before(async () => {
    client = new LspClient({ rootPath: root });
    await client.initialize();
    await client.open(uri, DOC);
  });
  after(() => client.close());

  it('puts "⟵ detection (inferred)" on the entries as code lenses', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.range.start.line]),
      [
        [SENTENCE, 2],
        ['⟵ start of impact (inferred)', 7],
        ['⟵ detection (inferred)', 8],
        ['⟵ mitigation (inferred)', 10],
        ['⟵ resolution (inferred)', 11],
      ],
    );
  });

  it('leaves out the disabled "Mark as …" actions it could not explain', async () => {
    const marked = DOC.replace('09:04 The', '09:04 <!-- milestone: detected --> The');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: marked }],
    });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 9, character: 4 }, end: { line: 9, character: 4 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Mark as start of impact', 'Mark as mitigation', 'Mark as resolution'],
    );
  });
});
