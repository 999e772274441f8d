// The web extension inside a real VS Code: code-server with the extension forced into the browser's web worker
// extension host (`remote.extensionKind: ["web"]`, set by run-ui.mjs), so package.json's `browser` entry runs
// (dist/web/extension.js) and starts the language server in a web worker (dist/web/server.js, which loads
// dist/analysis.js). The check opens a postmortem, waits for a squiggle and the Problems panel text, and requires
// that the browser fetched the web server's bundles. Screenshot: test-results/vscode-web-extension.png.
// node ui-web-check.js <extDevPath> <folder> <relFile> <expectedText> <shot.png>   (CS_URL: see with-code-server.sh)
const { openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, expected, shot] = process.argv.slice(2);

const fetched = new Set();
uiCheck({ viewport: { width: 1400, height: 900 }, screenshot: () => shot }, async (page, step) => {
  page.context().on('request', (request) => {
    const url = request.url();
    for (const bundle of ['dist/web/extension.js', 'dist/web/server.js', 'dist/analysis.js', 'dist/server.js']) {
      if (url.includes(bundle) && !url.includes(`${bundle}.map`)) fetched.add(bundle);
    }
  });
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);
  step('squiggle');
  await page.waitForSelector(
    '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info',
    { timeout: 90000 },
  );
  step('Problems panel');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction((t) => document.querySelector('.markers-panel')?.textContent.includes(t), expected, {
    timeout: 30000,
  });
  step('web bundles fetched');
  const missing = ['dist/web/extension.js', 'dist/web/server.js', 'dist/analysis.js'].filter((b) => !fetched.has(b));
  if (missing.length > 0)
    throw new Error(`not fetched by the browser: ${missing.join(', ')} (fetched: ${[...fetched]})`);
}).then((ok) => {
  console.log(
    ok
      ? `visible from the web worker server: a squiggle and "${expected}" (browser fetched ${[...fetched].join(', ')})`
      : 'not visible',
  );
  process.exit(ok ? 0 : 1);
});
