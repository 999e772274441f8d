// Runs inside the real VS Code extension host (code-server). The language server is killed as a crash would stop
// it; the client must restart it, say so, and the new server must analyse the open document's next edit.
const vscode = require('vscode');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { EXTENSION_ID, codeOf, diagnosticsWhere, open, until } = require('./helpers');

/** Our language server processes: children of this extension host running the extension's dist/server.js. */
function serverPids(serverPath) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && cmdline.includes(serverPath)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('Postmortem server crash', () => {
  it('restarts a killed language server, says so, and the new server analyses the next edit', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const api = await ext.activate();
    const serverPath = path.join(ext.extensionPath, 'dist', 'server.js');
    const doc = await open('postmortems/2024-07-08-checkout-latency.md');
    await diagnosticsWhere(doc.uri, (ds) => ds.length > 0, 'diagnostics (the server is up)');
    const before = serverPids(serverPath);
    assert.strictEqual(before.length, 1, `expected one server process, found ${JSON.stringify(before)}`);

    let message;
    const sub = api.onDidRestartServer((m) => {
      message = m;
    });
    // A busy editor: requests keep going to the server while it dies. Those written after the IPC channel closed
    // and before the process's close event fail; they must not make the client stop the server for good (it did,
    // after two such failures, and the crash then left the editor without a server).
    let busy = true;
    const keepAsking = async () => {
      while (busy) {
        await Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)).catch(
          () => {},
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    void keepAsking();
    try {
      process.kill(before[0], 'SIGKILL');
      await until(api.onDidRestartServer, () => message, 'the client to restart the server');
    } finally {
      busy = false;
      sub.dispose();
    }
    assert.match(message, /stopped unexpectedly and was restarted/);

    // The new server answers: an edit that adds a blaming sentence gets its finding.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '\nThe root cause was human error.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'blame/human-error'),
      'blame/human-error from the restarted server',
      60000,
    );
    const after = serverPids(serverPath);
    assert.strictEqual(
      after.length,
      1,
      `expected one server process after the restart, found ${JSON.stringify(after)}`,
    );
    assert.notStrictEqual(after[0], before[0], 'the same process is still the server');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
