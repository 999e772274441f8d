// What a person sees: open code-server with the extension under development, open the postmortem through the
// Explorer, wait for a squiggle and for a text in the Problems panel, and take a screenshot.
// node ui-check.js <extDevPath> <folder> <relFile> <expectedText> <shot.png>   (CS_URL: see with-code-server.sh)
const { openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, expected, shot] = process.argv.slice(2);

uiCheck({ viewport: { width: 1400, height: 900 }, screenshot: () => shot }, async (page, step) => {
  // Same `payload` as the extension tests, minus extensionTestsPath: an Extension Development Host window.
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);
  step('squiggle');
  await page.waitForSelector(
    '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info',
    { timeout: 60000 },
  );
  step('Problems panel');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction((t) => document.querySelector('.markers-panel')?.textContent.includes(t), expected, {
    timeout: 30000,
  });
}).then((ok) => {
  console.log(ok ? `visible: a squiggle and "${expected}" in the Problems panel` : 'not visible');
  process.exit(ok ? 0 : 1);
});
