// node cs-run-tests.js <extDevPath> <extTestsPath> <folder>   (CS_URL = a running code-server; see with-code-server.sh)
// Opens the workbench in headless Chromium in extension-test mode and exits with the test run's exit code.
const { chromium } = require('playwright-core');
const util = require('node:util');
const [dev, tests, folder] = process.argv.slice(2);
const base = process.env.CS_URL;
const timeoutMs = Number(process.env.EXT_TESTS_TIMEOUT_MS || 180000); // the whole run, not one test
const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage();
  let done;
  const exited = new Promise((r) => (done = r));
  // The workbench reports the extension host's console and the run's exit code through these two hooks.
  await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(util.format(...(args || []))));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  page.on('crash', () => done('page crashed'));
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(dev)],
    ['extensionTestsPath', remote(tests)],
  ]);
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
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
