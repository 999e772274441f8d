// node cs-run-tests.js <extDevPath> <extTestsPath> <folder>   (CS_URL = a running code-server; see with-code-server.sh)
// Opens the workbench in headless Chromium in extension-test mode and exits with the test run's exit code.
const util = require('node:util');
const { launchChromium, workbenchUrl } = require('./browser');
const [dev, tests, folder] = process.argv.slice(2);
const timeoutMs = Number(process.env.EXT_TESTS_TIMEOUT_MS || 300000); // the whole run, not one test

(async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  let done;
  const exited = new Promise((r) => (done = r));
  // The workbench reports the extension host's console and the run's exit code through these two hooks.
  await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(util.format(...(args || []))));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  page.on('crash', () => done('page crashed'));
  await page.goto(workbenchUrl(folder, { extensionDevelopmentPath: dev, extensionTestsPath: tests }));
  let timer;
  const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
  clearTimeout(timer);
  console.log(`extension tests exit code: ${code}`);
  await browser.close();
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
