// Shared by the extension tests inside VS Code (code-server): the workspace's files, our diagnostics, the view's
// summary and tree items, and waiting on events. Timers only bound a wait, they never pace it.
const vscode = require('vscode');

const EXTENSION_ID = 'postmortem-tools.postmortem';
const SOURCE = 'postmortem'; // VS Code's built-in Markdown server publishes diagnostics too: select ours by source
const codeOf = (d) => (d.code !== null && typeof d.code === 'object' ? d.code.value : d.code); // {value, target} with codeDescription
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const show = (ds) => JSON.stringify(ds.map((d) => ({ code: codeOf(d), line: d.range.start.line, message: d.message })));
const fileIn = (rel) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, ...rel.split('/'));
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label?.label);
const devExtensions = () =>
  vscode.extensions.all
    .filter((e) => !e.packageJSON.isBuiltin)
    .map((e) => `${e.id}${e.isActive ? ' (active)' : ' (inactive)'}`)
    .join(', ') || 'none';

/**
 * Resolves once `predicate()` holds, checking now and on every firing of `event`; rejects after timeoutMs, saying
 * what it waited for (`what`: a text, or a function that describes the state when the wait times out).
 */
function until(event, predicate, what, timeoutMs = 25000) {
  const now = predicate();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`));
    }, timeoutMs);
    const sub = event(() => {
      const value = predicate();
      if (value) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    });
  });
}

/** Resolves with our diagnostics for `uri` once `predicate(them)` holds, checking now and on every change event. */
function diagnosticsWhere(uri, predicate, what, timeoutMs) {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const found = ours(uri);
      return predicate(found) ? found : undefined;
    },
    () => `${what}; ${SOURCE} diagnostics now: ${show(ours(uri))}; non-builtin extensions: ${devExtensions()}`,
    timeoutMs,
  );
}

/**
 * The summary behind the Postmortem view (`api`: what activate() returns), once it describes `doc` at its current
 * version and passes `test`.
 */
function summaryFor(api, doc, test = () => true, what = 'the summary') {
  return until(
    api.summaries.onDidChange,
    () => {
      const s = api.summaries.current;
      return s && s.uri === doc.uri.toString() && s.version === doc.version && test(s) ? s : undefined;
    },
    () => {
      const s = api.summaries.current;
      return `${what} of ${doc.uri.path} v${doc.version}; now: ${JSON.stringify(s?.required)} ${JSON.stringify(s?.metrics?.sentence)} for ${s?.uri} v${s?.version}`;
    },
  );
}

/** Opens a file of the workspace in an editor (not a preview tab). */
async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(fileIn(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** A tree provider's items as plain data: [{node, label, description, icon, command, contextValue, children}]. */
async function tree(provider, node) {
  const nodes = await provider.getChildren(node);
  return Promise.all(
    nodes.map(async (n) => {
      const item = provider.getTreeItem(n);
      return {
        node: n,
        label: labelOf(item),
        description: item.description,
        icon: item.iconPath?.id,
        command: item.command,
        contextValue: item.contextValue,
        children: item.collapsibleState ? await tree(provider, n) : [],
      };
    }),
  );
}

/**
 * The code actions at a range, asked again (at most twice) while `title` is not among them: VS Code cancels a code
 * action request when a provider registers meanwhile (the built-in Markdown extension does while it starts), and
 * the cancelled provider's actions are then simply missing from the answer.
 */
async function codeActionsWith(uri, range, title) {
  // VS Code cancels a code-action request when another provider registers meanwhile (its built-in Markdown
  // extension does while it starts): ask again, a bounded number of times, when the answer is a cancellation
  // or lacks the action. Re-asking, not sleeping: each attempt waits for VS Code's own answer.
  let actions = [];
  for (let attempt = 0; attempt < 5 && !actions.some((a) => a.title === title); attempt++) {
    try {
      actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, undefined, 50);
    } catch (e) {
      if (!/cancel/i.test(String(e?.name ?? '') + String(e?.message ?? '')) || attempt === 4) throw e;
      actions = [];
    }
  }
  return actions;
}

module.exports = {
  EXTENSION_ID,
  codeOf,
  ours,
  show,
  fileIn,
  labelOf,
  until,
  diagnosticsWhere,
  summaryFor,
  open,
  tree,
  codeActionsWith,
};
