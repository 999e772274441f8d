// Runs inside the real VS Code extension host (code-server), against the extension in dist/.
// Every wait is on vscode.languages.onDidChangeDiagnostics; the timers below only bound a wait, they never pace it.
const vscode = require('vscode');
const assert = require('node:assert');
const { codeActionsWith, codeOf, diagnosticsWhere, open, ours, show } = require('./helpers');

const QUICK_FIX_TITLE = 'Insert missing section "Timeline"';
const isMissingTimeline = (d) => codeOf(d) === 'structure/required-section' && /Timeline/.test(d.message);

/** Asserts `after` is `before` with one block inserted (nothing removed or changed); returns the inserted block. */
function insertedText(before, after) {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  p = before.lastIndexOf('\n', p - 1) + 1; // report the insertion from a line start: "## Timeline…", not "Timeline…## "
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s])
    s++;
  assert.strictEqual(p + s, before.length, `the quick fix changed original text near offset ${p}:\n${after}`);
  return after.slice(p, after.length - s);
}

describe('Postmortem extension in VS Code', () => {
  it('reports the missing Timeline section and fixes it with the quick fix', async () => {
    const doc = await open('postmortems/2024-03-01-db-outage.md');
    const before = doc.getText();
    const diags = await diagnosticsWhere(
      doc.uri,
      (ds) => ds.some(isMissingTimeline),
      'structure/required-section for Timeline',
    );
    const missing = diags.find(isMissingTimeline);

    const actions = await codeActionsWith(doc.uri, missing.range, QUICK_FIX_TITLE);
    const fix = actions.find((a) => a.title === QUICK_FIX_TITLE);
    assert.ok(fix, `no code action titled ${QUICK_FIX_TITLE}; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(
      fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind),
      `kind is ${fix.kind?.value}, not quickfix`,
    );
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');

    const after = doc.getText();
    assert.match(after, /^## Timeline[ \t]*\r?$/m, `no "## Timeline" heading line in:\n${after}`);
    const inserted = insertedText(before, after);
    console.log(`    quick fix inserted: ${JSON.stringify(inserted)}`);
    // The section is there but not written yet: the error moves from the title to the new heading and says so.
    const line = after.split(/\r?\n/).findIndex((l) => /^## Timeline\s*$/.test(l));
    await diagnosticsWhere(
      doc.uri,
      (ds) =>
        ds.some((d) => isMissingTimeline(d) && d.range.start.line === line && /not written yet/.test(d.message)) &&
        !ds.some((d) => isMissingTimeline(d) && /^Missing required section/.test(d.message)),
      'the Timeline diagnostic to move to the new heading as "not written yet"',
    );
  });

  it('leaves a Markdown file that is not a postmortem alone', async () => {
    // Processed in order by the server: notes' open, then the sync file's open, then notes' edit, then the sync
    // file's edit. Seeing the results of the sync file's edit means the server has already handled notes' edit.
    const notes = await open('notes/readme.md');
    const sync = await open('postmortems/2024-04-12-queue-backlog.md');
    await diagnosticsWhere(sync.uri, (ds) => ds.some(isMissingTimeline), 'diagnostics for the sync postmortem');
    assert.strictEqual(show(ours(notes.uri)), '[]', 'notes/readme.md got postmortem diagnostics after opening');

    const noteEdit = new vscode.WorkspaceEdit();
    noteEdit.insert(notes.uri, new vscode.Position(notes.lineCount, 0), '\n## More ideas\n\n- Write things down.\n');
    assert.ok(await vscode.workspace.applyEdit(noteEdit));
    const syncEdit = new vscode.WorkspaceEdit();
    syncEdit.insert(
      sync.uri,
      new vscode.Position(sync.lineCount, 0),
      '\n## Timeline\n\n- 08:10 UTC Queue depth starts to grow.\n',
    );
    assert.ok(await vscode.workspace.applyEdit(syncEdit));
    await diagnosticsWhere(
      sync.uri,
      (ds) => !ds.some(isMissingTimeline),
      'the sync postmortem to lose its Timeline diagnostic',
    );
    assert.strictEqual(show(ours(notes.uri)), '[]', 'notes/readme.md got postmortem diagnostics after an edit');
  });
});
