// The language server over stdio, as an editor drives it: open, await publishDiagnostics, ask for code
// actions, apply them, and react to edits, settings and config files. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, SERVER } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

const MISSING_TIMELINE = `# Postmortem: database failover

## Summary

The primary database failed over at 14:03 UTC.

## Impact

Writes failed for 4 minutes.

## Root cause

The health check timed out under load.

## Mitigation

The old primary was fenced.

## Action items

- Tune the health check timeout (DB-12)
`;

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
}

describe('language server over stdio', () => {
  const root = tempTree({ 'postmortems/.keep': '' });
  const uri = `file://${join(root, 'postmortems/2024-03-01-db.md')}`;
  const other = `file://${join(root, 'postmortems/two-missing.md')}`;
  let client: LspClient;

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server.js exists (run npm run build)');
    client = new LspClient({ rootPath: root });
    await client.initialize();
  });
  after(() => client.close());

  it('publishes a required-section diagnostic with code, link, source and data', async () => {
    await client.open(uri, MISSING_TIMELINE);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    const missing = published.diagnostics.find((d) => d.code === 'structure/required-section') as Diagnostic;
    assert.ok(missing, JSON.stringify(published.diagnostics));
    assert.equal(missing.source, 'postmortem');
    assert.match(String(missing.message), /Missing required section "Timeline"/);
    assert.match(missing.codeDescription?.href ?? '', /docs\/rules\/structure\/required-section\.md$/);
    assert.deepEqual(missing.data, { ruleId: 'structure/required-section', section: 'timeline', missingPart: true });
    assert.deepEqual(missing.range.start, { line: 0, character: 0 });
  });

  it('offers the quick fix, and applying it inserts the section without touching other text', async () => {
    const published = await client.diagnostics(uri);
    const missing = published.diagnostics.find((d) => d.code === 'structure/required-section') as Diagnostic;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Insert missing section "Timeline"');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(fix.kind, 'quickfix');
    const edits = fix.edit?.changes?.[uri] ?? [];
    const fixed = apply(MISSING_TIMELINE, edits);
    assert.match(
      fixed,
      /## Summary\n\nThe primary database failed over at 14:03 UTC\.\n\n## Timeline\n\n<!-- .* -->\n\n## Impact/,
    );
    assert.equal(fixed.replace(/## Timeline\n\n<!--.*-->\n\n/, ''), MISSING_TIMELINE);

    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    // The section is there but not written yet: still an error, now on its heading (issue 12).
    const required = after.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.deepEqual(
      required.map((d) => [
        d.range.start.line,
        String(d.message).startsWith('Required section "Timeline" is not written yet'),
      ]),
      [[6, true]],
    );
  });

  it('offers "Insert all missing sections" when several are missing', async () => {
    const text = MISSING_TIMELINE.replace(/## Action items[\s\S]*/, '');
    await client.open(other, text);
    const published = await client.diagnostics(other);
    const missing = published.diagnostics.filter((d) => d.code === 'structure/required-section');
    assert.equal(missing.length, 2);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: other },
      range: missing[0].range,
      context: { diagnostics: missing },
    })) as CodeAction[];
    const all = actions.find((a) => a.title === 'Insert all missing sections');
    assert.ok(all);
    const fixed = apply(text, all.edit?.changes?.[other] ?? []);
    assert.ok(fixed.indexOf('## Timeline') < fixed.indexOf('## Impact'));
    assert.ok(fixed.trimEnd().endsWith('-->') && fixed.includes('## Action items'));
  });

  it('leaves other Markdown alone', async () => {
    const notes = `file://${join(root, 'docs/notes.md')}`;
    await client.open(notes, '# Team notes\n\nNothing to see.\n');
    const published = await client.diagnostics(notes);
    assert.deepEqual(published.diagnostics, []);
  });

  it('analyses a Markdown file anywhere when its title names a postmortem', async () => {
    const elsewhere = `file://${join(root, 'docs/2024-05-db.md')}`;
    await client.open(elsewhere, MISSING_TIMELINE.replace('# Postmortem:', '# Incident report:'));
    const published = await client.diagnostics(elsewhere);
    assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));
  });

  it('re-analyses open documents when a config file changes', async () => {
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ rules: { 'structure/required-section': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: `file://${join(root, '.postmortemrc.json')}`, type: 1 }],
    });
    const published = await client.diagnostics(
      uri,
      (p) => !p.diagnostics.some((d) => d.code === 'structure/required-section'),
    );
    assert.ok(published);
  });

  it('shows a bad config as a diagnostic on the config file and keeps checking with defaults', async () => {
    const rc = join(root, '.postmortemrc.json');
    writeFileSync(rc, '{"rules": {"structure/required-section": "sometimes"}}');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: `file://${rc}`, type: 2 }],
    });
    const onConfig = await client.diagnostics(`file://${rc}`, (p) => p.diagnostics.length > 0);
    assert.match(String(onConfig.diagnostics[0].message), /rules\.structure\/required-section: must be one of/);
    assert.ok(
      client.messages.some((m) => m.includes('bad config')),
      'the user is told',
    );
    const still = await client.diagnostics(other, (p) =>
      p.diagnostics.some((d) => d.code === 'structure/required-section'),
    );
    assert.ok(still, 'postmortems are still checked, with the defaults');
    writeFileSync(rc, '{}');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: `file://${rc}`, type: 2 }],
    });
    await client.diagnostics(`file://${rc}`, (p) => p.diagnostics.length === 0);
  });
});

describe('language server settings', () => {
  it('works with no settings at all, and follows postmortem.files when sent', async () => {
    const root = tempTree({});
    const client = new LspClient({ rootPath: root, pullConfiguration: true, settings: { files: ['retros/**'] } });
    try {
      await client.initialize();
      const retro = `file://${join(root, 'retros/q3.md')}`;
      await client.open(retro, '# Q3 database retro\n\n## Summary\n\nx\n');
      const published = await client.diagnostics(retro, (p) => p.diagnostics.length > 0);
      assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));
    } finally {
      await client.close();
    }
  });

  it('asks each workspace folder for its own settings (scopeUri) and applies them to its files', async () => {
    const root = tempTree({ 'a/.keep': '', 'b/.keep': '' });
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    // Folder b calls its postmortems "retros"; folder a does not.
    const client = new LspClient({
      rootPath: a,
      extraFolders: [b],
      pullConfiguration: true,
      settingsFor: (scopeUri) => (scopeUri === `file://${b}` ? { files: ['retros/**'] } : {}),
    });
    try {
      await client.initialize();
      const text = '# Q3 database retro\n\n## Summary\n\nx\n';
      const inB = `file://${join(b, 'retros/q3.md')}`;
      const inA = `file://${join(a, 'retros/q3.md')}`;
      await client.open(inB, text);
      await client.open(inA, text);
      const published = await client.diagnostics(inB, (p) => p.diagnostics.length > 0);
      assert.ok(published.diagnostics.some((d) => d.code === 'structure/required-section'));
      assert.deepEqual((await client.diagnostics(inA)).diagnostics, [], "folder a does not take b's globs");
      const scopes = client.configurationRequests.at(-1)?.map((item) => item.scopeUri);
      assert.deepEqual(scopes, [undefined, `file://${a}`, `file://${b}`]);
    } finally {
      await client.close();
    }
  });

  it('analyses only files inside the workspace folder (not a guide or a postmortem opened from elsewhere)', async () => {
    const root = tempTree({});
    const outside = tempTree({});
    const client = new LspClient({ rootPath: root });
    try {
      await client.initialize();
      const guide = `file://${join(outside, 'postmortems/2024-03-01-elsewhere.md')}`;
      await client.open(guide, MISSING_TIMELINE);
      const published = await client.diagnostics(guide);
      assert.equal(published.version, 1, 'answered for this version');
      assert.deepEqual(published.diagnostics, []);
      // The same text inside the workspace is analysed.
      const inside = `file://${join(root, 'postmortems/2024-03-01-inside.md')}`;
      await client.open(inside, MISSING_TIMELINE);
      const analysed = await client.diagnostics(inside, (p) => p.diagnostics.length > 0);
      assert.ok(analysed.diagnostics.some((d: Diagnostic) => d.code === 'structure/required-section'));
    } finally {
      await client.close();
    }
  });

  it("leaves the files the config's ignores name alone, as the CLI does", async () => {
    const root = tempTree({ '.postmortemrc.json': JSON.stringify({ ignores: ['postmortems/archive/'] }) });
    const client = new LspClient({ rootPath: root });
    try {
      await client.initialize();
      const archived = `file://${join(root, 'postmortems/archive/2019-01-01-old.md')}`;
      await client.open(archived, MISSING_TIMELINE);
      const published = await client.diagnostics(archived);
      assert.equal(published.version, 1, 'answered for this version');
      assert.deepEqual(published.diagnostics, []);
      const current = `file://${join(root, 'postmortems/2024-03-01-current.md')}`;
      await client.open(current, MISSING_TIMELINE);
      const analysed = await client.diagnostics(current, (p) => p.diagnostics.length > 0);
      assert.ok(analysed.diagnostics.some((d: Diagnostic) => d.code === 'structure/required-section'));
    } finally {
      await client.close();
    }
  });

  it('is calm while typing: the typed line waits for a pause, an empty postmortem gets one note', async () => {
    const root = tempTree({ 'postmortems/.keep': '' });
    const client = new LspClient({ rootPath: root });
    try {
      await client.initialize();
      const uri = `file://${join(root, 'postmortems/typing.md')}`;
      await client.open(uri, '');
      const empty = await client.diagnostics(uri, (p) => p.version === 1);
      assert.equal(empty.diagnostics.length, 1);
      assert.match(String(empty.diagnostics[0].message), /^Empty postmortem: press Ctrl\+Space for a template/);
      const base = `${MISSING_TIMELINE}- Improve`;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `${MISSING_TIMELINE}- ` }],
      });
      await client.diagnostics(uri, (p) => p.version === 2);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ text: base }],
      });
      const line = base.split('\n').length - 1;
      const onLine = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.range.start.line === line);
      // First the findings without the line being typed, then (after the pause) with its vague-action finding.
      const first = await client.diagnostics(uri, (p) => p.version === 3);
      assert.deepEqual(onLine(first), []);
      const settled = await client.diagnostics(uri, (p) => p.version === 3 && onLine(p).length > 0);
      assert.ok(
        onLine(settled).some((d) => d.code === 'action-items/vague'),
        JSON.stringify(onLine(settled)),
      );
    } finally {
      await client.close();
    }
  });
});
