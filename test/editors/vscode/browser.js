// Headless Chromium on the code-server at CS_URL (see with-code-server.sh), for cs-run-tests.js and the UI checks.
// Chromium's path and flags are test/helpers/chromium.json, shared with the TypeScript tests.
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { executablePath, args } = require('../../helpers/chromium.json');

function launchChromium() {
  return chromium.launch({ executablePath, args, headless: true });
}

/** The workbench's address for `folder`, with `payload` ({extensionDevelopmentPath, …}: paths on this machine). */
function workbenchUrl(folder, payload) {
  const base = process.env.CS_URL;
  const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
  const entries = JSON.stringify(Object.entries(payload).map(([key, p]) => [key, remote(p)]));
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(entries)}`;
}

/**
 * Runs a UI check, `check(page, step)`, in a fresh browser profile: `step(name)` names what it does next, for the
 * failure message. Then takes the screenshot at `screenshot(ok)` (whatever happened, so a failure shows what the page
 * showed) and closes the browser. Resolves with whether the check got to its end.
 */
async function uiCheck({ viewport, screenshot }, check) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true, viewport });
  let ok = false;
  let current = 'start';
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    await check(page, (name) => {
      current = name;
    });
    ok = true;
  } catch (e) {
    console.error(`FAILED at ${current}: ${e.message.split('\n')[0]}`);
  } finally {
    try {
      const shot = screenshot(ok);
      await ctx.pages()[0].screenshot({ path: shot });
      console.log(`screenshot: ${shot}`);
    } catch {}
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return ok;
}

/** Opens the workbench on `folder` with the extension under development at `dev`: an Extension Development Host. */
async function openWorkspace(page, step, dev, folder) {
  step('workbench');
  await page.goto(workbenchUrl(folder, { extensionDevelopmentPath: dev }), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
}

/** Opens `relFile` through the Explorer like a person: expands each folder, clicks the file, waits for its tab. */
async function openFile(page, step, relFile) {
  const parts = relFile.split('/');
  for (const [i, name] of parts.entries()) {
    step(`explorer row ${name}`);
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    await row.waitFor({ timeout: 60000 });
    if (i === parts.length - 1 || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  step('editor tab');
  await page.waitForSelector(`.tabs-container .tab[aria-label^="${parts[parts.length - 1]}"]`, { timeout: 30000 });
}

/** Expands the Explorer view titled `name` once it shows (the extension's views show once the server has answered). */
async function expandView(page, step, name) {
  step(`${name} view`);
  const header = page.locator(`.pane-header[aria-label^="${name}"]`).first();
  await header.waitFor({ timeout: 60000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Collapses the file tree, the Outline and the Timeline, so that the Explorer's other views have it to themselves. */
async function collapseExplorerPanes(page) {
  for (const pane of [
    page.locator('.pane:has(.explorer-folders-view) > .pane-header').first(),
    page.locator('.pane-header[aria-label^="Outline"]').first(),
    page.locator('.pane-header[aria-label^="Timeline"]').first(),
  ]) {
    if ((await pane.count()) && (await pane.getAttribute('aria-expanded')) === 'true') await pane.click();
  }
}

module.exports = { launchChromium, workbenchUrl, uiCheck, openWorkspace, openFile, expandView, collapseExplorerPanes };
