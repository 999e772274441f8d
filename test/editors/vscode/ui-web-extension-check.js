// The web extension in a real VS Code: code-server runs the extension under development as a web extension (the
// `remote.extensionKind: ["web"]` user setting, which run-ui.mjs gives this run), so the browser's web worker
// extension host loads package.json's `browser` entry (dist/web/extension.js), whose language server runs in a web
// worker (dist/web/server.js with dist/analysis.js) and analyses in a nested worker of its own. The check opens a
// postmortem through the Explorer, waits for a squiggle and the expected text in the Problems panel and for the
// Follow-up Actions view to list an action of a postmortem never opened (read through the web client), and requires
// that the browser loaded the web client, that the server's analysis worker started and that no Node language
// server (dist/server.js) did. Screenshot whatever happens.
// (The workbench's `extensionDevelopmentKind` payload entry is not used: VS Code 1.100's browser environment names
// it extensionDevelopmentLocationKind, so the running-location tracker never sees it and the Node host runs the
// extension.)
// node ui-web-extension-check.js <extDevPath> <folder> <relFile> <expectedText> <shot.png>   (CS_URL and CS_SETTINGS:
// see with-code-server.sh)
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { collapseExplorerPanes, expandView, openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, expected, shot] = process.argv.slice(2);

const loaded = new Set();
const workers = new Set();
const problems = [];
/** The command lines of the processes running the Node language server of `dev` (none when the web one runs). */
function nodeServers() {
  const server = path.join(dev, 'dist', 'server.js');
  const out = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(server));
}

let diagnosticsAfter;
uiCheck({ viewport: { width: 1400, height: 900 }, screenshot: () => shot }, async (page, step) => {
  page.context().on('request', (request) => {
    // A remote extension's files come through /vscode-remote-resource?path=<encoded path>&…
    const url = decodeURIComponent(request.url());
    if (url.includes(`${dev}/dist/web/extension.js`)) loaded.add('dist/web/extension.js');
  });
  // The workers' names, from the page and its frames: the extension host's, the server's, the analysis'.
  page.on('worker', (worker) => {
    worker
      .evaluate(() => self.name)
      .then(
        (name) => workers.add(name),
        () => undefined, // a worker that ended before it answered
      );
  });
  // What the extension host says about activation, for the failure message (its errors reach the page's console).
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /postmortem/i.test(text)) problems.push(text.split('\n')[0]);
  });
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);
  const opened = Date.now();
  step('squiggle');
  await page.waitForSelector(
    '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info',
    { timeout: 90000 },
  );
  diagnosticsAfter = Date.now() - opened;
  step('Problems panel');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction((t) => document.querySelector('.markers-panel')?.textContent.includes(t), expected, {
    timeout: 30000,
  });
  // The server reads the workspace through the web client (postmortem/listFiles, readFile: workspace.findFiles and
  // workspace.fs): the Follow-up Actions view lists the action of a postmortem never opened (owner: payments).
  await expandView(page, step, 'Follow-up Actions');
  await collapseExplorerPanes(page);
  step('Follow-up Actions row payments');
  const owner = page.locator('.pane-body .monaco-list-row', { hasText: 'payments' }).first();
  await owner.waitFor({ timeout: 60000 });
  if ((await owner.getAttribute('aria-expanded')) !== 'true') await owner.locator('.monaco-tl-twistie').click();
  step('Follow-up Actions row of an unopened postmortem');
  await page
    .locator('.pane-body .monaco-list-row', { hasText: 'Load-test pool size changes' })
    .first()
    .waitFor({ timeout: 30000 });
  step('web client loaded');
  if (!loaded.has('dist/web/extension.js')) throw new Error('the browser did not load dist/web/extension.js');
  step('analysis worker');
  // Named by server/src/browser/analysis-worker.ts; Chromium gives the extension host nested workers, so it starts.
  if (!workers.has('postmortem-analysis'))
    throw new Error(`the server's analysis worker did not start (workers: ${[...workers].join(', ')})`);
  step('no Node server');
  const servers = nodeServers();
  if (servers.length > 0) throw new Error(`a Node language server runs: ${servers.join(' | ')}`);
}).then((ok) => {
  if (problems.length > 0) console.log(`console errors naming postmortem:\n  ${problems.join('\n  ')}`);
  console.log(
    ok
      ? `visible from the web extension: a squiggle ${diagnosticsAfter} ms after the file opened, "${expected}" in the Problems panel, an unopened postmortem's action in Follow-up Actions`
      : 'not visible from the web extension',
  );
  process.exit(ok ? 0 : 1);
});
