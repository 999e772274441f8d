// What a person sees of the editor experience: open a postmortem through the Explorer, wait for the Postmortem
// view's checklist, the status bar item and the Problems panel, and take a screenshot with all three visible.
// node ui-view-check.js <extDevPath> <folder> <relFile> <shot.png>   (CS_URL: see with-code-server.sh)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const [dev, folder, relFile, shot] = process.argv.slice(2);
const base = process.env.CS_URL;

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
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
  const seen = [];
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(base).host}${dev}`]]);
    step = 'workbench';
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`, {
      waitUntil: 'domcontentloaded',
    });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const parts = relFile.split('/');
    for (const [i, name] of parts.entries()) {
      step = `explorer row ${name}`;
      const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
      await row.waitFor({ timeout: 60000 });
      if (i === parts.length - 1 || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    step = 'editor tab';
    await page.waitForSelector(`.tabs-container .tab[aria-label^="${parts[parts.length - 1]}"]`, { timeout: 30000 });

    // The Postmortem view appears in the Explorer once the server says the file is a postmortem.
    step = 'Postmortem view';
    const header = page.locator('.pane-header[aria-label^="Postmortem"]').first();
    await header.waitFor({ timeout: 60000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Collapse the file tree, Outline and Timeline so the checklist has the Explorer to itself (the editor's tab
    // and breadcrumbs still say which file is open).
    for (const pane of [
      page.locator('.pane:has(.explorer-folders-view) > .pane-header').first(),
      page.locator('.pane-header[aria-label^="Outline"]').first(),
      page.locator('.pane-header[aria-label^="Timeline"]').first(),
    ]) {
      if ((await pane.count()) && (await pane.getAttribute('aria-expanded')) === 'true') await pane.click();
    }
    const viewRow = (label) => page.locator(`.pane-body .monaco-list-row[aria-label*="${label}"]`).first();
    for (const label of ['Required sections', 'Mitigation: missing', 'Impact: empty', 'Blameless language']) {
      step = `view row ${label}`;
      await viewRow(label).waitFor({ timeout: 30000 });
      seen.push(label);
    }
    step = 'status bar';
    await page.waitForFunction(
      () => [...document.querySelectorAll('.statusbar-item')].some((e) => /Postmortem 4\/6/.test(e.textContent)),
      undefined,
      { timeout: 30000 },
    );
    seen.push('status bar "Postmortem 4/6"');
    step = 'Problems panel';
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(
      () => /Missing required section "Mitigation"/.test(document.querySelector('.markers-panel')?.textContent ?? ''),
      undefined,
      { timeout: 30000 },
    );
    seen.push('Problems: Missing required section "Mitigation"');
    // Select the missing item so its inline "+" (insert) action shows, then move the mouse off the view so no
    // tooltip covers it.
    step = 'inline insert action';
    await viewRow('Mitigation: missing').click();
    await page
      .locator('.pane-body .monaco-list-row.selected .action-label[aria-label^="Insert Section"]')
      .first()
      .waitFor({ timeout: 10000 });
    seen.push('inline "Insert Section" action');
    await page.mouse.move(900, 300);
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
  console.log(ok ? `visible: ${seen.join('; ')}` : `not visible (saw: ${seen.join('; ') || 'nothing'})`);
  process.exit(ok ? 0 : 1);
})();
