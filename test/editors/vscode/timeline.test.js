// The timeline and follow-up actions inside real VS Code (code-server): the code lens with the incident's figures,
// the inlay hints on inferred milestones, the "Mark as …" code action, the Metrics group of the Postmortem view and
// the workspace's Follow-up actions view. Every wait is on an event (diagnostics, the view's data); timers only
// bound a wait, they never pace it.
const vscode = require('vscode');
const assert = require('node:assert');

const { EXTENSION_ID, codeActionsWith, fileIn, labelOf, open, summaryFor, tree, until } = require('./helpers');

const CHECKOUT = 'postmortems/2024-07-08-checkout-latency.md';
const SENTENCE = 'Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min';

let api;

/** Opens a postmortem once the server has analysed it (a clean postmortem has no diagnostics to wait on). */
async function openAnalysed(rel) {
  const doc = await open(rel);
  await summaryFor(api, doc);
  return doc;
}

async function lensTitles(doc) {
  const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
  return lenses.filter((l) => l.command?.title).map((l) => [l.command.title, l.range.start.line]);
}

async function markAs(doc, needle, title) {
  const line = doc.positionAt(doc.getText().indexOf(needle)).line;
  const range = new vscode.Range(line, 4, line, 4);
  const actions = await codeActionsWith(doc.uri, range, title);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no "${title}" among ${actions.map((a) => a.title).join(', ')}`);
  assert.strictEqual(action.kind.value, 'refactor.rewrite.milestone');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
  return line;
}

describe('Timeline metrics and follow-up actions', () => {
  before(async () => {
    api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    assert.ok(api?.actions, 'activate() returns the Follow-up actions view');
  });

  it('shows the figures in a code lens on the timeline heading', async () => {
    const doc = await openAnalysed(CHECKOUT);
    const heading = doc.positionAt(doc.getText().indexOf('## Timeline')).line;
    const titles = await lensTitles(doc);
    assert.deepStrictEqual(
      titles.filter(([t]) => t.startsWith('Detected')),
      [[SENTENCE, heading]],
    );
    assert.ok(!titles.some(([t]) => t.startsWith('⟵')), 'VS Code shows inlay hints: no lenses on the entries');
    // A click on the figures opens the Postmortem view at Metrics (authoring.test.js follows the click).
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    const figures = lenses.find((l) => l.command?.title === SENTENCE);
    assert.strictEqual(figures?.command?.command, 'postmortem.showMetric');
  });

  it('shows an inlay hint on each entry a milestone was inferred from', async () => {
    const doc = await openAnalysed(CHECKOUT);
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range);
    const lineOf = (needle) => doc.positionAt(doc.getText().indexOf(needle)).line;
    assert.deepStrictEqual(
      hints.map((h) => [labelOf(h), h.position.line]),
      [
        ['⟵ start of impact (inferred)', lineOf('09:12 Error rate')],
        ['⟵ detection (inferred)', lineOf('09:20 The p99')],
        ['⟵ mitigation (inferred)', lineOf('09:41 The change')],
        ['⟵ resolution (inferred)', lineOf('10:30 A fixed')],
      ],
    );
  });

  it('lists the metrics and the milestones in the Postmortem view; a milestone reveals its entry', async () => {
    const doc = await openAnalysed(CHECKOUT);
    await summaryFor(api, doc, (s) => !!s.metrics);
    const roots = await tree(api.view);
    assert.deepStrictEqual(
      roots.map((n) => n.label),
      ['Required sections', 'Metrics', 'Follow-up actions', 'Related incidents', 'Blameless language', 'Problems'],
    );
    const metrics = roots.find((n) => n.label === 'Metrics');
    assert.deepStrictEqual(
      metrics.children.map((c) => [c.label, c.description]),
      [
        ['Time to detect', '8 min'],
        ['Time to mitigate', '29 min'],
        ['Time to resolve', '1 h 18 min'],
        ['Duration of impact', '29 min'],
        ['Start of impact', '09:12 · inferred from "Error rate on checkout begins"'],
        ['Detection', '09:20 · inferred from "alert fires"'],
        ['Mitigation', '09:41 · inferred from "back to normal"'],
        ['Resolution', '10:30 · inferred from "incident resolved"'],
      ],
    );
    const actions = roots.find((n) => n.label === 'Follow-up actions');
    assert.strictEqual(actions.description, '2 open, 1 done');
    assert.deepStrictEqual(
      actions.children.map((c) => [c.description, c.icon]),
      [
        ['payments · PAY-210', 'circle-large-outline'],
        ['sre · OPS-402', 'circle-large-outline'],
        ['payments · PAY-209', 'pass-filled'],
      ],
    );

    const detection = metrics.children.find((c) => c.label === 'Detection');
    await vscode.commands.executeCommand(detection.command.command, ...detection.command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /09:20 The p99 latency alert fires/);
  });

  it('lists related incidents, and the error budget once an SLO is declared, in the Postmortem view', async () => {
    const doc = await openAnalysed(CHECKOUT);
    await summaryFor(api, doc, (s) => (s.related ?? []).length >= 2, 'two related incidents');
    const related = (await tree(api.view)).find((n) => n.label === 'Related incidents');
    // The workspace's other postmortems (and those earlier tests created) may rank too: the two that share this
    // one's causes must be among them.
    assert.strictEqual(related.description, String(related.children.length));
    const labels = related.children.map((c) => c.label);
    for (const title of ['Cache stampede after the config rollout', 'Postmortem: Database outage'])
      assert.ok(labels.includes(title), JSON.stringify(labels));
    const stampede = related.children.find((c) => c.label === 'Cache stampede after the config rollout');
    assert.match(stampede.description, /^2024-05-20 · /);
    assert.strictEqual(stampede.command.command, 'vscode.open');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(3, 0), 'slo: { target: 99.9, window: 30d }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await summaryFor(api, doc, (s) => s.metrics?.errorBudget?.status === 'ok', 'an error budget');
    const metrics = (await tree(api.view)).find((n) => n.label === 'Metrics');
    const budget = metrics.children.find((c) => c.label === 'Error budget');
    // 29 min of impact (inferred milestones: an estimate) × 12% of traffic, of 30 days at 99.9%.
    assert.match(budget?.description ?? '', /^~8\.1% of 30d · 3\.48 of 43\.2 min \(estimate\)$/);
    const titles = await lensTitles(doc);
    assert.ok(
      titles.some(([t]) => t.startsWith('Error budget: ~8.1% of 30d')),
      JSON.stringify(titles),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Mark as detection" inserts a marker, and the code lens and the view follow it', async () => {
    const doc = await openAnalysed(CHECKOUT);
    const before = doc.getText();
    const line = await markAs(doc, '09:33 The pool change', 'Mark as detection');
    assert.strictEqual(
      doc.lineAt(line).text,
      '- 09:33 The pool change is identified as the likely trigger. <!-- milestone: detected -->',
    );
    assert.strictEqual(doc.getText().replace(' <!-- milestone: detected -->', ''), before, 'only inserted');
    const summary = await summaryFor(api, doc, (s) => s.metrics?.timeToDetectMinutes === 21, 'time to detect 21 min');
    const detected = summary.metrics.milestones.find((m) => m.kind === 'detected');
    assert.deepStrictEqual([detected.source, detected.at], ['marker', '09:33']);
    const titles = await lensTitles(doc);
    assert.ok(
      titles.some(([t]) => t.startsWith('Detected after 21 min · mitigated after 29 min')),
      JSON.stringify(titles),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Mark as start of impact" sets the start the figures count from', async () => {
    const doc = await openAnalysed('postmortems/2024-05-20-cache-stampede.md');
    // Inferred: the summary says "errors for 38 minutes", which ended at 09:50, so impact began with the 09:12 rollout.
    const inferred = await summaryFor(api, doc, (s) => !!s.metrics);
    assert.strictEqual(inferred.metrics.timeToMitigateMinutes, 38, 'the start taken back from the stated duration');
    await markAs(doc, '09:14 UTC: Error rate', 'Mark as start of impact');
    const summary = await summaryFor(api, doc, (s) => s.metrics?.timeToMitigateMinutes === 36, 'the marked start');
    assert.deepStrictEqual(
      summary.metrics.figures.map((f) => f.minutes),
      [0, 36, null, 36],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('lists every action of the workspace in the Follow-up actions view, by owner or by postmortem', async () => {
    await vscode.commands.executeCommand('postmortem.actions.groupByOwner');
    const data = await api.actions.refresh();
    assert.ok(data.postmortems.length >= 5, JSON.stringify(data.postmortems.map((p) => p.relativePath)));
    const byOwner = await tree(api.actions);
    const owners = byOwner.map((g) => g.label);
    for (const owner of ['data-platform', 'payments', 'platform', 'search', 'sre']) assert.ok(owners.includes(owner));
    const sre = byOwner.find((g) => g.label === 'sre');
    assert.match(sre.description, /^\d+ open, 1 done$/);
    assert.ok(
      sre.children.some(
        (c) => /^Route database disk alerts/.test(c.label) && c.description === 'Postmortem: Database outage',
      ),
    );
    assert.strictEqual(sre.children.at(-1).contextValue, 'action-done', 'done actions last');

    await vscode.commands.executeCommand('postmortem.actions.groupByPostmortem');
    const byPostmortem = await tree(api.actions);
    const checkout = byPostmortem.find((g) => g.label === 'Checkout latency after the pool change');
    assert.ok(checkout, JSON.stringify(byPostmortem.map((g) => g.label)));
    assert.match(checkout.description, /postmortems\/2024-07-08-checkout-latency\.md · 2 open, 1 done/);
    const item = checkout.children[0];
    assert.deepStrictEqual(
      [item.label, item.description],
      ['Load-test pool size changes in staging before rollout', 'payments · PAY-210'],
    );
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    assert.match(vscode.window.activeTextEditor.document.uri.path, /2024-07-08-checkout-latency\.md$/);
    assert.match(
      vscode.window.activeTextEditor.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text,
      /Load-test pool size/,
    );
    await vscode.commands.executeCommand('postmortem.actions.groupByOwner');
  });

  it('updates the Follow-up actions view when a postmortem is saved on disk', async () => {
    await vscode.commands.executeCommand('postmortem.actions.focus');
    const uri = fileIn('postmortems/2024-08-01-dns.md');
    const text =
      '# Postmortem: DNS\n\n## Action items\n\n- [ ] Lower the resolver TTL (owner: netops, ticket: NET-7)\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const found = () =>
      api.actions.current?.postmortems.find((p) => p.relativePath === 'postmortems/2024-08-01-dns.md');
    const added = await until(api.actions.onDidChangeTreeData, found, 'the new postmortem in the view');
    assert.deepStrictEqual(
      added.actions.map((a) => [a.owner, a.status]),
      [['netops', 'open']],
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace('- [ ]', '- [x]')));
    await until(
      api.actions.onDidChangeTreeData,
      () => found()?.actions[0]?.status === 'done',
      'the ticked action on disk',
    );
    const groups = await tree(api.actions);
    assert.ok(groups.some((g) => g.label === 'netops' && g.description === '0 open, 1 done'));
  });
});
