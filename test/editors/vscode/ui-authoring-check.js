// The author's flows of issue 16 as a person sees them, one screenshot each (<shot>-<flow>.png):
//   empty       a new, empty postmortem: one note offering the templates (Problems panel)
//   templates   Ctrl+Space in it: the four templates
//   fresh       the default template accepted: every part "still to write" in the view, notes only in Problems
//   blame       Ctrl+. on a named person: the role rewrites first, the allow-list last, naming its file
//   owners      "@" and Ctrl+Space in an action: the owners the postmortem names
//   lens        a click on the timeline's figures: the Postmortem view opens at Metrics
//   guide       the Blameless Writing Guide open: no problems for it
//   settings    the settings UI: per-rule severities, naming .postmortemrc
// node ui-authoring-check.js <extDevPath> <folder> <shot.png>   (CS_URL: see with-code-server.sh)
const fs = require('node:fs');
const path = require('node:path');
const { collapseExplorerPanes, expandView, openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, shot] = process.argv.slice(2);
const seen = [];
const shotOf = (flow) => shot.replace(/\.png$/, `-${flow}.png`);

const pm = (name) => path.join(folder, 'postmortems', name);
fs.writeFileSync(pm('2026-12-06-new.md'), '');
fs.writeFileSync(
  pm('2026-12-07-named.md'),
  '# Postmortem: Checkout outage\n\n## Root cause\n\nDave pushed a config without the payments block, which took checkout down.\n\n## Action items\n\n- [ ] Validate the payments block in CI (owner: @maria, PAY-1)\n- [ ] Add a config diff to the deploy log (owner: @maria, PAY-2)\n- [ ] Page the payments on-call on checkout errors (owner: sre, OPS-3)\n- [ ] Alert on missing config blocks (owner: \n',
);

uiCheck(
  { viewport: { width: 1500, height: 950 }, screenshot: (ok) => (ok ? shotOf('settings') : shot) },
  async (page, step) => {
    const problems = async (test, what) => {
      step(`Problems panel: ${what}`);
      await page.waitForFunction(test, undefined, { timeout: 30000 });
    };
    const snap = async (flow) => {
      await page.screenshot({ path: shotOf(flow) });
      console.log(`screenshot: ${shotOf(flow)}`);
    };
    // Quick Open (Ctrl+P), as the Explorer's tree is folded away for the views.
    const quickOpen = async (name) => {
      step(`quick open ${name}`);
      await page.keyboard.press('Control+P');
      await page.keyboard.type(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tabs-container .tab[aria-label^="${name}"]`, { timeout: 30000 });
    };
    const line = (text) => page.locator('.monaco-editor .view-line', { hasText: text }).first();

    await openWorkspace(page, step, dev, folder);
    await openFile(page, step, 'postmortems/2026-12-06-new.md');
    await page.keyboard.press('Control+Shift+M');
    await problems(
      () =>
        /Empty postmortem: press Ctrl\+Space for a template/.test(
          document.querySelector('.markers-panel')?.textContent ?? '',
        ),
      'the empty postmortem note',
    );
    const count = await page.locator('.markers-panel .monaco-list-row[aria-label*="Empty postmortem"]').count();
    if (count !== 1) throw new Error(`${count} empty-postmortem notes`);
    seen.push('one note on the empty postmortem');
    await snap('empty');

    step('Ctrl+Space in the empty postmortem');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Space');
    for (const label of ['postmortem-google-sre', 'postmortem-pagerduty', 'postmortem-atlassian']) {
      await page
        .locator(`.suggest-widget .monaco-list-row[aria-label*="${label}"]`)
        .first()
        .waitFor({ timeout: 30000 });
    }
    seen.push('Ctrl+Space offers the templates');
    await snap('templates');

    step('accept the default template');
    await page.keyboard.type('postmortem');
    await page
      .locator(
        '.suggest-widget .monaco-list-row.focused[aria-label^="postmortem,"], .suggest-widget .monaco-list-row.focused[aria-label^="postmortem "]',
      )
      .first()
      .waitFor({ timeout: 15000 })
      .catch(() => {});
    await page.keyboard.press('Enter');
    await line('## Timeline').waitFor({ timeout: 30000 });
    await page.keyboard.press('Escape');
    await expandView(page, step, 'Postmortem');
    await collapseExplorerPanes(page);
    step('Required sections 0/6');
    await page.locator('.pane-body .monaco-list-row[aria-label*="Summary: empty"]').first().waitFor({ timeout: 30000 });
    await problems(
      () => /Still to write/.test(document.querySelector('.markers-panel')?.textContent ?? ''),
      'the still-to-write notes',
    );
    seen.push('a fresh template is a checklist still to write');
    await snap('fresh');

    step('the named postmortem');
    await page.keyboard.press('Control+S');
    await quickOpen('2026-12-07-named.md');
    await problems(
      () => /names "Dave"/.test(document.querySelector('.markers-panel')?.textContent ?? ''),
      'the named-individual warning',
    );
    step('Ctrl+. on Dave');
    // The cursor at the start of the line: on "Dave".
    await line('Dave pushed').click({ position: { x: 3, y: 5 } });
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget .monaco-list-row');
    await menu.filter({ hasText: 'Allow "Dave"' }).first().waitFor({ timeout: 30000 });
    const titles = (await menu.allTextContents()).map((t) => t.trim()).filter((t) => t && t !== 'Quick Fix'); // the menu's group header
    if (!/^Replace "Dave" with/.test(titles[0] ?? '') || !/creates \.postmortemrc\.json/.test(titles.at(-1) ?? ''))
      throw new Error(`the menu's order: ${JSON.stringify(titles)}`);
    seen.push(`blame fixes: ${titles[0]} … ${titles.at(-1)}`);
    await snap('blame');

    // Picking the allow-list from this menu is not automated here (headless Chromium's clicks and keys did not reach
    // the action widget's rows); authoring.test.js applies it and checks the opened, saved .postmortemrc.json.
    await page.keyboard.press('Escape');

    step('owners after @');
    await line('Alert on missing config blocks').click();
    await page.keyboard.press('End');
    await page.keyboard.type('@');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row[aria-label*="@maria"]').first().waitFor({ timeout: 30000 });
    await page.locator('.suggest-widget .monaco-list-row[aria-label*="sre"]').first().waitFor({ timeout: 10000 });
    seen.push('@ completes @maria and sre');
    await snap('owners');
    await page.keyboard.press('Escape');

    step('the timeline lens');
    await quickOpen('2024-07-08-checkout-latency.md');
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Detected after 8 min' }).first();
    await lens.waitFor({ timeout: 30000 });
    await lens.click();
    await page
      .locator('.pane-body .monaco-list-row.selected[aria-label*="Metrics"]')
      .first()
      .waitFor({ timeout: 30000 });
    seen.push('the lens opens the Postmortem view at Metrics');
    await page.mouse.move(1450, 900);
    await snap('lens');

    step('the guide');
    await page.keyboard.press('F1');
    await page.keyboard.type('Postmortem: Open Blameless Writing Guide');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Open Blameless Writing Guide' })
      .first()
      .waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tabs-container .tab[aria-label*="Preview blameless-writing.md"]', { timeout: 30000 });
    await page.keyboard.press('Control+Shift+M');
    step('no problems for the guide');
    // The Problems panel lists files with problems: the open postmortems, never the guide.
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15000 });
    if (/blameless-writing/.test((await page.locator('.markers-panel').textContent()) ?? ''))
      throw new Error('the guide has problems');
    seen.push('the guide has no problems');
    await snap('guide');

    step('the settings UI');
    await page.keyboard.press('F1');
    await page.keyboard.type('Preferences: Open Settings (UI)');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Open Settings (UI)' })
      .first()
      .waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.settings-editor', { timeout: 30000 });
    await page.keyboard.type('postmortem.rules');
    await page
      .locator('.settings-editor .setting-item', { hasText: 'postmortemrc' })
      .first()
      .waitFor({ timeout: 30000 });
    await page
      .locator('.settings-editor .setting-item', { hasText: 'Blame › Named-individual' })
      .first()
      .waitFor({ timeout: 10000 })
      .catch(() => {});
    seen.push('the settings UI lists the rules and names .postmortemrc');
  },
).then((ok) => {
  console.log(ok ? `visible: ${seen.join('; ')}` : `not visible (saw: ${seen.join('; ') || 'nothing'})`);
  process.exit(ok ? 0 : 1);
});
