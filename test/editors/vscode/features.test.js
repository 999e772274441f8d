// The editor experience inside real VS Code (code-server): outline, the Postmortem view's items, hovers, completion,
// templates as snippets, the commands. Every wait is on an event (diagnostics, the view's summary, tabs); timers
// only bound a wait, they never pace it.
const vscode = require('vscode');
const assert = require('node:assert');

const {
  EXTENSION_ID,
  codeOf,
  diagnosticsWhere,
  fileIn,
  open,
  ours,
  show,
  summaryFor,
  tree,
  until,
} = require('./helpers');

const today = () => {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

let api;
const viewTree = () => tree(api.view);

async function snippetBody(prefix) {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const file = vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'postmortem.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
  const snippet = Object.values(snippets).find((s) => s.prefix === prefix);
  assert.ok(snippet, `no snippet ${prefix}`);
  return snippet.body.join('\n');
}

describe('Postmortem editor experience', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    api = await ext.activate();
    assert.ok(api?.view && api?.summaries, 'activate() returns the view and the summaries');
  });

  it('shows one outline: the Markdown headings, no second Postmortem tree to flip the breadcrumb', async () => {
    const doc = await open('postmortems/2024-05-20-cache-stampede.md');
    await diagnosticsWhere(doc.uri, (ds) => ds.length > 0, 'diagnostics (the server is up)');
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = [];
    const walk = (s) => {
      names.push([s.name, s.detail]);
      for (const c of s.children ?? []) walk(c);
    };
    for (const s of symbols) walk(s);
    // The server's tree (a title symbol with detail "Title", timeline entries, frontmatter keys) is not offered.
    assert.ok(!names.some(([, d]) => d === 'Title'), `a second outline: ${JSON.stringify(names)}`);
    assert.ok(!names.some(([n]) => n === 'Frontmatter'), JSON.stringify(names));
    // VS Code's Markdown extension gives each heading once.
    const headings = names.map(([n]) => n).filter((n) => /Summary|Timeline|Impact|Root cause|Action items/.test(n));
    assert.deepStrictEqual(headings, ['## Summary', '## Timeline', '## Impact', '## Root cause', '## Action items']);
  });

  it('lists the required sections in the Postmortem view, and its inline action inserts a missing one', async () => {
    const doc = await open('postmortems/2024-05-20-cache-stampede.md');
    await summaryFor(api, doc);
    const tree = await viewTree();
    assert.deepStrictEqual(
      tree.map((n) => n.label),
      ['Required sections', 'Metrics', 'Follow-up actions', 'Related incidents', 'Blameless language', 'Problems'],
    );
    const required = tree.find((n) => n.label === 'Required sections');
    const blame = tree.find((n) => n.label === 'Blameless language');
    assert.strictEqual(required.description, '4/6');
    assert.deepStrictEqual(
      required.children.map((c) => [c.label, c.contextValue, c.icon]),
      [
        ['Summary', 'section-present', 'pass-filled'],
        ['Timeline', 'section-present', 'pass-filled'],
        ['Impact', 'section-empty', 'circle-large-outline'],
        ['Root cause', 'section-present', 'pass-filled'],
        ['Mitigation', 'section-stated', 'info'],
        ['Action items', 'section-present', 'pass-filled'],
      ],
    );
    assert.match(String(blame.description), /^[1-9]\d* findings?$/);
    assert.ok(blame.children.some((c) => c.description === 'blame/human-error'));

    // The inline "+" on the missing item runs postmortem.insertSection with the item's node.
    const mitigation = required.children.find((c) => c.label === 'Mitigation');
    const before = doc.getText();
    const result = await vscode.commands.executeCommand('postmortem.insertSection', mitigation.node);
    assert.deepStrictEqual(result, { applied: true, inserted: ['mitigation'] });
    assert.match(doc.getText(), /^## Mitigation$/m);
    assert.ok(doc.getText().length > before.length);
    const after = await summaryFor(
      api,
      doc,
      (s) => s.sections.find((x) => x.kind === 'mitigation')?.status !== 'stated',
    );
    assert.strictEqual(after.sections.find((x) => x.kind === 'mitigation').status, 'empty', 'inserted, still to write');
  });

  it('explains a section heading and a finding on hover', async () => {
    const doc = await open('postmortems/2024-05-20-cache-stampede.md');
    const diags = await diagnosticsWhere(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'blame/human-error'),
      'blame/human-error',
    );
    const text = (hovers) =>
      hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const heading = doc.positionAt(doc.getText().indexOf('## Timeline') + 4);
    const onHeading = text(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, heading));
    assert.match(onHeading, /\*\*Timeline\*\* \(required section\)/);
    assert.match(onHeading, /Timestamped events with a timezone/);
    const finding = diags.find((d) => codeOf(d) === 'blame/human-error');
    const onFinding = text(
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, finding.range.start),
    );
    assert.match(onFinding, /\*\*blame\/human-error\*\*/);
    assert.match(onFinding, /docs\/rules\/blame\/human-error\.md/);
  });

  it('completes missing sections after "#" and frontmatter values', async () => {
    const uri = fileIn('postmortems/completion.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('---\nseverity: \n---\n\n# Postmortem: completion\n\n## Summary\n\nA summary.\n\n## '),
    );
    const doc = await open('postmortems/completion.md');
    await diagnosticsWhere(doc.uri, (ds) => ds.length > 0, 'diagnostics for completion.md');
    const end = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, end);
    const sections = list.items.filter(
      (i) => i.detail === 'Missing required section' || i.detail === 'Optional section',
    );
    sections.sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(
      sections.slice(0, 5).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)),
      ['Timeline', 'Impact', 'Root cause', 'Mitigation', 'Action items'],
    );
    assert.ok(!sections.some((i) => i.label === 'Summary'), 'present sections are not offered');
    const valueAt = new vscode.Position(1, 'severity: '.length);
    const values = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, valueAt);
    assert.deepStrictEqual(
      values.items
        .filter((i) => i.detail?.startsWith('severity:'))
        .slice(0, 5)
        .map((i) => i.label),
      ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
  });

  it('"Insert Missing Sections" inserts every missing required section', async () => {
    const doc = await open('postmortems/completion.md');
    const result = await vscode.commands.executeCommand('postmortem.insertMissingSections');
    assert.deepStrictEqual(result.inserted, ['timeline', 'impact', 'root-cause', 'mitigation', 'action-items']);
    const summary = await summaryFor(api, doc, (s) => s.required.missing === 0, 'no missing section');
    assert.strictEqual(summary.required.total, 6);
  });

  for (const prefix of ['postmortem', 'postmortem-google-sre', 'postmortem-pagerduty', 'postmortem-atlassian']) {
    it(`the "${prefix}" template shows every part as still to write, at information level`, async () => {
      const uri = fileIn(`postmortems/snippet-${prefix}.md`);
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      const doc = await open(`postmortems/snippet-${prefix}.md`);
      const editor = vscode.window.activeTextEditor;
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(await snippetBody(prefix))), 'snippet inserted');
      assert.match(doc.getText(), new RegExp(`^date: ${today()}$`, 'm'), 'the date variables are today');
      // A fresh template is not a written postmortem: no required part counts as written.
      const summary = await summaryFor(
        api,
        doc,
        (s) => s.required.present === 0 && s.required.empty > 0,
        'no required section written yet',
      );
      assert.strictEqual(summary.required.total, 6);
      const ds = await diagnosticsWhere(
        doc.uri,
        (d) => d.some((x) => /^Still to write: /.test(x.message)),
        'the "still to write" notes',
      );
      // A checklist, not a wall of warnings.
      assert.strictEqual(show(ds.filter((d) => d.severity !== vscode.DiagnosticSeverity.Information)), '[]');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }

  it('"New Postmortem" creates <folder>/<date>-<slug>.md from a template and opens it', async () => {
    const uri = await vscode.commands.executeCommand('postmortem.newPostmortem', {
      title: 'Login failures: EU region',
      template: 'google-sre',
    });
    assert.ok(uri, 'the command returns the new file');
    assert.ok(uri.path.endsWith(`/postmortems/${today()}-login-failures-eu-region.md`), `created ${uri.path}`);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), uri.toString(), 'the new file is open');
    if (editor.document.isDirty) {
      const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.fail(
        `not saved: ${disk.length} characters on disk, ${editor.document.getText().length} in the editor; a second save ${await editor.document.save()}`,
      );
    }
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(onDisk, /^---\ntitle: "Login failures: EU region"\n/);
    assert.match(onDisk, /^# Login failures: EU region$/m);
    assert.strictEqual(editor.document.getText(editor.selection), 'SEV1', 'the cursor waits on the severity choice');
    // Fresh from the template: every required part is there, and still to write (notes, not warnings).
    const fresh = await summaryFor(
      api,
      editor.document,
      (s) => s.required.empty === 6,
      'every required part still to write',
    );
    // The template's example action row (`@owner | PROJ-123`) is no follow-up action.
    assert.deepStrictEqual(
      (fresh.actionItems ?? []).map((a) => a.text),
      [],
    );
    const loud = ours(uri).filter(
      (d) => String(codeOf(d)).startsWith('structure/') && d.severity !== vscode.DiagnosticSeverity.Information,
    );
    assert.strictEqual(show(loud), '[]');
    // A second one with the same title gets its own name.
    const again = await vscode.commands.executeCommand('postmortem.newPostmortem', {
      title: 'Login failures: EU region',
      template: 'default',
    });
    assert.ok(again.path.endsWith(`-login-failures-eu-region-2.md`), again.path);
  });

  it('"Lint Workspace" puts postmortems that are not open into the Problems panel', async () => {
    const unopened = fileIn('postmortems/2024-06-02-search-outage.md');
    assert.strictEqual(show(ours(unopened)), '[]', 'nothing before the command');
    const result = await vscode.commands.executeCommand('postmortem.lintWorkspace');
    assert.ok(result.postmortems >= 4, JSON.stringify(result));
    assert.ok(result.files > result.postmortems, 'notes/readme.md is looked at but is no postmortem');
    await diagnosticsWhere(
      unopened,
      (ds) => ds.some((d) => codeOf(d) === 'structure/required-section' && /Timeline/.test(d.message)),
      'the unopened postmortem to show its missing Timeline',
    );
    assert.strictEqual(show(ours(fileIn('notes/readme.md'))), '[]');
  });

  it('opens the Blameless Writing Guide in the Markdown preview', async () => {
    const isGuide = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => /blameless-writing/.test(t.label) && t.input instanceof vscode.TabInputWebview);
    await vscode.commands.executeCommand('postmortem.openGuide');
    const tab = await until(vscode.window.tabGroups.onDidChangeTabs, isGuide, 'a preview tab of the guide');
    assert.match(tab.label, /Preview blameless-writing\.md/);
  });
});
