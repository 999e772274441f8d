// The author's flows of issue 16 inside real VS Code (code-server): an empty postmortem's one note and its
// templates, the walkthrough's steps as written, the status bar's worst severity, the timeline's code lenses opening
// the Postmortem view at their metric, owners after "@", the fixes the messages name, the blame fixes' order, and
// files outside the workspace left alone. Every wait is on an event (diagnostics, the view's summary and selection);
// timers only bound a wait, they never pace it.
const vscode = require('vscode');
const assert = require('node:assert');
const {
  EXTENSION_ID,
  codeActionsWith,
  codeOf,
  diagnosticsWhere,
  fileIn,
  labelOf,
  open,
  ours,
  show,
  summaryFor,
  until,
} = require('./helpers');

let api;

/** Writes a postmortem to the workspace and opens it. */
async function write(rel, text) {
  await vscode.workspace.fs.writeFile(fileIn(rel), new TextEncoder().encode(text));
  return open(rel);
}

const completions = async (doc, position) =>
  (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position)).items;
const endOf = (doc) => doc.positionAt(doc.getText().length);
const lineOf = (doc, needle) => doc.positionAt(doc.getText().indexOf(needle)).line;

async function read(uri) {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * A fresh copy of a workspace postmortem, from the extension's own fixture folder: earlier tests edit the
 * workspace's files (and code-server may save them), so what this test starts from is read from the source.
 */
async function copyOf(name, rel) {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const source = vscode.Uri.joinPath(ext.extensionUri, 'test', 'editors', 'workspace', 'postmortems', name);
  return write(rel, await read(source));
}

/** Resolves once the status bar's text matches `re` (it follows the summaries and the diagnostics). */
function statusBar(re) {
  const changes = new vscode.EventEmitter();
  const subs = [
    api.summaries.onDidChange(() => changes.fire()),
    vscode.languages.onDidChangeDiagnostics(() => changes.fire()),
  ];
  return until(
    changes.event,
    () => re.test(api.statusBar.text),
    () => `status bar ${re}; now ${api.statusBar.text}`,
  ).finally(() => {
    for (const s of subs) s.dispose();
    changes.dispose();
  });
}

const TEMPLATES = ['postmortem', 'postmortem-atlassian', 'postmortem-google-sre', 'postmortem-pagerduty'];

describe("Issue 16: the author's flows", () => {
  before(async () => {
    api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    assert.ok(api?.statusBar && api?.viewTree, 'activate() returns the status bar item and the Postmortem view');
  });

  it('gives an empty new postmortem one note offering the templates, and Ctrl+Space offers the four', async () => {
    const doc = await write('postmortems/2026-01-01-empty.md', '');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'the empty postmortem to be analysed');
    assert.strictEqual(ds.length, 1, show(ds));
    assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(ds[0].message, /^Empty postmortem: press Ctrl\+Space for a template/);
    const items = await completions(doc, new vscode.Position(0, 0));
    const templates = items.filter((i) => i.detail === 'Postmortem template').map(labelOf);
    assert.deepStrictEqual(templates.sort(), TEMPLATES);
    assert.ok(
      items.every((i) => !i.preselect),
      'nothing preselected',
    );
  });

  it('follows the walkthrough as written: its commands exist, and each step it describes works', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const { walkthroughs, configuration } = ext.packageJSON.contributes;
    const nls = JSON.parse(await read(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.json')));
    const registered = new Set(await vscode.commands.getCommands(true));
    const steps = walkthroughs[0].steps;
    for (const step of steps) {
      // The extension host gives the manifest with its %keys% already replaced; the raw file has the keys.
      const description = /^%.+%$/.test(step.description) ? nls[step.description.slice(1, -1)] : step.description;
      assert.ok(description, step.id);
      for (const [, command] of description.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(registered.has(command), `the walkthrough's ${step.id} step links ${command}, not registered`);
      for (const event of step.completionEvents ?? [])
        assert.ok(registered.has(event.replace(/^onCommand:/, '')), `${step.id}: ${event}`);
    }
    const media = {};
    for (const step of steps)
      media[step.id] = await read(vscode.Uri.joinPath(ext.extensionUri, ...step.media.markdown.split('/')));
    // "change the folder with the `postmortem.newPostmortemFolder` setting"
    assert.match(media.create, /`postmortem\.newPostmortemFolder`/);
    const settings = Object.assign({}, ...[configuration].flat().map((c) => c.properties));
    assert.ok(settings['postmortem.newPostmortemFolder'], 'the setting the walkthrough names exists');

    // "Section snippets start with `pm-` … (type `pm-` and press Ctrl+Space): one per section not yet written
    // (`pm-timeline`, `pm-mitigation`…), `pm-event` … and `pm-action`"
    const doc = await write(
      'postmortems/2026-01-02-walkthrough.md',
      '# Postmortem: walkthrough\n\n## Summary\n\nThe API failed for 9 minutes.\n\npm-',
    );
    await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'diagnostics for the walkthrough file');
    const snippets = (await completions(doc, endOf(doc))).map(labelOf);
    for (const label of ['pm-timeline', 'pm-mitigation', 'pm-event', 'pm-action'])
      assert.ok(snippets.includes(label), `${label} among ${snippets.join(', ')}`);
    assert.ok(!snippets.includes('pm-summary'), 'the summary is written');

    // "type `##` at the start of a line and press Ctrl+Space: the missing sections come first"
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(doc.getText().length - 3), endOf(doc)), '## ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const headings = (await completions(doc, endOf(doc))).filter((i) => /section$/.test(i.detail ?? ''));
    headings.sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(headings.slice(0, 5).map(labelOf), [
      'Timeline',
      'Impact',
      'Root cause',
      'Mitigation',
      'Action items',
    ]);

    // "A missing one is an error on the title line … Put the cursor on the title and press Ctrl+.: Insert missing
    // section "Timeline""
    const ds = await diagnosticsWhere(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'structure/required-section' && x.range.start.line === 0),
      'the missing sections on the title line',
    );
    const missing = ds.find((x) => /Timeline/.test(x.message));
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Error);
    const actions = await codeActionsWith(doc.uri, missing.range, 'Insert missing section "Timeline"');
    assert.ok(actions.some((a) => a.title === 'Insert missing section "Timeline"'));

    // "The status bar shows how many required sections are written ("Postmortem 5/6"), beside the most severe
    // problem left and how many of it there are"
    await summaryFor(api, doc);
    await statusBar(/^\$\(error\) Postmortem 1\/6 · \d+$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the worst severity present in the status bar: no ✓ beside an open warning', async () => {
    const doc = await copyOf('2024-07-08-checkout-latency.md', 'postmortems/2026-01-06-status.md');
    await summaryFor(api, doc);
    assert.match(
      api.statusBar.text,
      /^\$\((pass|info)\) Postmortem 6\/6/,
      `no warning or error to begin with: ${api.statusBar.text} ${show(ours(doc.uri))}`,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '- [ ] Improve monitoring (owner: sre, OPS-9)\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await summaryFor(api, doc, (s) => s.problems.warnings === 1, 'one warning (the vague action)');
    await statusBar(/^\$\(warning\) Postmortem 6\/6 · 1$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    const broken = await copyOf('2024-03-01-db-outage.md', 'postmortems/2026-01-07-broken.md');
    await summaryFor(api, broken, (s) => s.problems.errors > 0, 'the missing Timeline error');
    await statusBar(/^\$\(error\) Postmortem 5\/6 · 1$/);
  });

  it('opens the Postmortem view at the metric a timeline lens shows: the figures at Metrics, the budget at its row', async function () {
    this.timeout(60000); // two analyses and two reveals: on a loaded machine more than mocha's 30 s
    const doc = await copyOf('2024-07-08-checkout-latency.md', 'postmortems/2026-01-08-lens.md');
    await summaryFor(api, doc, (s) => !!s.metrics);
    const lensOf = async (prefix) => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
      return lenses.find((l) => l.command?.title.startsWith(prefix));
    };
    const selected = (type) =>
      until(
        api.viewTree.onDidChangeSelection,
        () => api.viewTree.visible && api.viewTree.selection[0]?.type === type,
        () => `the view at ${type}; selection now ${JSON.stringify(api.viewTree.selection)}`,
      );
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const figures = await lensOf('Detected after 8 min');
    assert.deepStrictEqual(
      [figures.command.command, figures.command.arguments],
      ['postmortem.showMetric', ['metrics']],
    );
    await vscode.commands.executeCommand(figures.command.command, ...figures.command.arguments);
    await selected('metrics');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(3, 0), 'slo: { target: 99.9, window: 30d }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await summaryFor(api, doc, (s) => s.metrics?.errorBudget?.status === 'ok', 'an error budget');
    const budget = await lensOf('Error budget');
    assert.deepStrictEqual(budget.command.arguments, ['budget']);
    await vscode.commands.executeCommand(budget.command.command, ...budget.command.arguments);
    await selected('budget');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('completes the owners the postmortem already names after "@" (Ctrl+Space)', async () => {
    const doc = await write(
      'postmortems/2026-01-03-owners.md',
      '# Postmortem: owners\n\n## Action items\n\n- [ ] Add a queue-depth alert (owner: @maria, OPS-1)\n- [ ] Load-test the pool (owner: @maria, OPS-2)\n- [ ] Document the failover (owner: sre, OPS-3)\n- [ ] Rotate the keys (owner: @',
    );
    await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'diagnostics for the owners file');
    const owners = (await completions(doc, endOf(doc))).filter((i) => /owner of|named here/.test(i.detail ?? ''));
    owners.sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(owners.map(labelOf), ['@maria', 'sre']);
    assert.strictEqual(owners[0].detail, 'owner of 2 actions here');
  });

  it('offers the fixes the messages name: the timezone line, owner and ticket snippets, "Mark as" on the warning', async () => {
    const doc = await write(
      'postmortems/2026-01-04-fixes.md',
      '# Postmortem: fixes\n\n## Timeline\n\n- 09:12 Errors begin for checkout.\n- 09:20 The alert fires and on-call is paged.\n- 09:41 Traffic is moved to the healthy region.\n- 10:30 Checkout is back to normal for every region.\n- 11:00 Status page updated.\n\n## Action items\n\n- [ ] Add a disk alert at 80%.\n',
    );
    const ds = await diagnosticsWhere(
      doc.uri,
      (d) =>
        ['timeline/missing-timezone', 'action-items/missing-owner', 'timeline/missing-milestone'].every((c) =>
          d.some((x) => codeOf(x) === c),
        ),
      'the timezone, owner and milestone warnings',
    );
    const on = (code, test = () => true) => ds.find((x) => codeOf(x) === code && test(x));
    const apply = async (diagnostic, title) => {
      const actions = await codeActionsWith(doc.uri, diagnostic.range, title);
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `no "${title}" among ${actions.map((a) => a.title).join(', ')}`);
      if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...action.command.arguments);
    };

    // The owner placeholder arrives as a snippet: inserted before the full stop, "@owner" selected to type over.
    await apply(on('action-items/missing-owner'), 'Add an owner placeholder');
    assert.strictEqual(
      doc.lineAt(lineOf(doc, 'Add a disk alert')).text,
      '- [ ] Add a disk alert at 80% (owner: @owner).',
    );
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.getText(editor.selection), '@owner', 'the placeholder is selected');
    await vscode.commands.executeCommand('leaveSnippet');

    await apply(on('timeline/missing-timezone'), 'Add "All times are in UTC." under the heading');
    assert.match(doc.getText(), /## Timeline\n\nAll times are in UTC\.\n\n- 09:12/);

    const noResolution = on('timeline/missing-milestone', (x) => /resolution/i.test(x.message));
    assert.ok(noResolution, show(ds));
    await apply(noResolution, 'Mark "10:30 Checkout is back to normal for every…" as resolution');
    assert.match(doc.getText(), /10:30 Checkout is back to normal for every region\. <!-- milestone: resolved -->/);
    await diagnosticsWhere(
      doc.uri,
      (d) => !d.some((x) => codeOf(x) === 'timeline/missing-timezone' || /resolution/i.test(x.message)),
      'the timezone and resolution warnings to go',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('leads the blame fixes with a rewrite; the allow-list comes last, names its file, and opens it', async () => {
    const doc = await write(
      'postmortems/2026-01-05-named.md',
      '# Postmortem: named\n\n## Root cause\n\nDave pushed a config without the payments block, which took checkout down.\n',
    );
    const isDave = (x) => codeOf(x) === 'blame/named-individual' && x.range.start.line === 4;
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some(isDave), 'the named-individual warning on Dave');
    const allow = 'Allow "Dave" for blame/named-individual (creates .postmortemrc.json)';
    // The code actions at the name: only Dave's finding is there. VS Code's Markdown extension adds its own
    // ("Insert bold text", …) after every extension's quick fixes.
    const all = await codeActionsWith(doc.uri, ds.find(isDave).range, allow);
    const actions = all.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    const titles = actions.map((a) => a.title);
    assert.match(titles[0] ?? '', /^Replace "Dave" with "the /i, all.map((a) => a.title).join(', '));
    assert.strictEqual(actions[0].isPreferred, true);
    const at = titles.indexOf(allow);
    assert.ok(at > 0, titles.join(', '));
    assert.ok(!titles.slice(at + 1).some((t) => /Dave|blame\//.test(t)), `the allow-list is last of ours: ${titles}`);
    assert.ok(titles.indexOf('Disable blame/named-individual for this line') < at);

    // Applied as VS Code applies a quick fix the author picks (a refactoring: files.refactoring.autoSave holds).
    const last = actions[at];
    const step = async (what, run) => {
      try {
        return await run();
      } catch (e) {
        throw new Error(`${what}: ${e.message}; the action: ${JSON.stringify({ ...last, diagnostics: undefined })}`);
      }
    };
    assert.ok(await step('applying the edit', () => vscode.workspace.applyEdit(last.edit, { isRefactoring: true })));
    await step('running its command', () =>
      vscode.commands.executeCommand(last.command.command, ...(last.command.arguments ?? [])),
    );
    const config = vscode.window.activeTextEditor.document;
    assert.match(config.uri.path, /\/postmortems\/\.postmortemrc\.json$/, 'the config file is open');
    assert.deepStrictEqual(JSON.parse(config.getText()).rules['blame/named-individual'], { allow: ['Dave'] });
    if (config.isDirty) await config.save();
    await diagnosticsWhere(doc.uri, (d) => !d.some(isDave), 'Dave allowed');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(config.uri);
    await diagnosticsWhere(doc.uri, (d) => d.some(isDave), 'the config gone, Dave flagged again');
  });

  it('analyses only files inside the workspace: the Blameless Writing Guide gets no findings', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const guide = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(ext.extensionUri, 'docs', 'blameless-writing.md'),
    );
    await vscode.window.showTextDocument(guide, { preview: false });
    // The server handles documents in order: once an edit of a postmortem opened after the guide is analysed, the
    // guide's opening has been handled too.
    const sync = await open('postmortems/2024-06-02-search-outage.md');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(sync.uri, new vscode.Position(sync.lineCount, 0), '\nThe root cause was human error.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(sync.uri, (d) => d.some((x) => codeOf(x) === 'blame/human-error'), 'the sync edit');
    assert.strictEqual(show(ours(guide.uri)), '[]', 'the guide got findings');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
