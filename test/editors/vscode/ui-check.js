// What a person sees: open code-server with the extension under development, open the postmortem through the
// Explorer, wait for a squiggle and for a text in the Problems panel, and take a screenshot.
// node ui-check.js <extDevPath> <folder> <relFile> <expectedText> <shot.png>   (CS_URL: see with-code-server.sh)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const [dev, folder, relFile, expected, shot] = process.argv.slice(2);
const base = process.env.CS_URL;

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
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
  let ok = false;
  let step = 'start';
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    // Same `payload` as the extension tests, minus extensionTestsPath: an Extension Development Host window.
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(base).host}${dev}`]]);
    step = 'workbench';
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`, {
      waitUntil: 'domcontentloaded',
    });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    // Click through the Explorer like a person: expand each folder, then open the file.
    const parts = relFile.split('/');
    for (const [i, name] of parts.entries()) {
      step = `explorer row ${name}`;
      const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
      await row.waitFor({ timeout: 60000 });
      const isFolder = i < parts.length - 1;
      if (!isFolder || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    const file = parts[parts.length - 1];
    step = 'editor tab';
    await page.waitForSelector(`.tabs-container .tab[aria-label^="${file}"]`, { timeout: 30000 });
    step = 'squiggle';
    await page.waitForSelector(
      '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info',
      { timeout: 60000 },
    );
    step = 'Problems panel';
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction((t) => document.querySelector('.markers-panel')?.textContent.includes(t), expected, {
      timeout: 30000,
    });
    ok = true;
  } catch (e) {
    console.error(`FAILED at ${step}: ${e.message.split('\n')[0]}`);
  } finally {
    try {
      await ctx.pages()[0].screenshot({ path: shot });
      console.log(`screenshot: ${shot}`);
    } catch {}
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(ok ? `visible: a squiggle and "${expected}" in the Problems panel` : 'not visible');
  process.exit(ok ? 0 : 1);
})();
