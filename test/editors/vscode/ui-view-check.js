// What a person sees of the editor experience: open a postmortem through the Explorer, wait for the Postmortem
// view's checklist, the status bar item and the Problems panel, and take a screenshot with all three visible.
// node ui-view-check.js <extDevPath> <folder> <relFile> <shot.png>   (CS_URL: see with-code-server.sh)
const { collapseExplorerPanes, expandView, openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, shot] = process.argv.slice(2);
const seen = [];

uiCheck({ viewport: { width: 1600, height: 1000 }, screenshot: () => shot }, async (page, step) => {
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);

  // The Postmortem view appears in the Explorer once the server says the file is a postmortem.
  await expandView(page, step, 'Postmortem');
  // Collapse the file tree, Outline and Timeline so the checklist has the Explorer to itself (the editor's tab
  // and breadcrumbs still say which file is open).
  await collapseExplorerPanes(page);
  const viewRow = (label) => page.locator(`.pane-body .monaco-list-row[aria-label*="${label}"]`).first();
  for (const label of [
    'Required sections',
    'Mitigation: stated in the timeline',
    'Impact: empty',
    'Blameless language',
  ]) {
    step(`view row ${label}`);
    await viewRow(label).waitFor({ timeout: 30000 });
    seen.push(label);
  }
  step('status bar');
  await page.waitForFunction(
    () => [...document.querySelectorAll('.statusbar-item')].some((e) => /Postmortem 4\/6/.test(e.textContent)),
    undefined,
    { timeout: 30000 },
  );
  seen.push('status bar "Postmortem 4/6"');
  step('Problems panel');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction(
    () =>
      /The mitigation is stated in the timeline but has no heading of its own/.test(
        document.querySelector('.markers-panel')?.textContent ?? '',
      ),
    undefined,
    { timeout: 30000 },
  );
  seen.push('Problems: the mitigation is stated in the timeline but has no heading of its own');
  // Select the missing item so its inline "+" (insert) action shows, then move the mouse off the view so no
  // tooltip covers it.
  step('inline insert action');
  await viewRow('Mitigation: stated in the timeline').click();
  await page
    .locator('.pane-body .monaco-list-row.selected .action-label[aria-label^="Insert Section"]')
    .first()
    .waitFor({ timeout: 10000 });
  seen.push('inline "Insert Section" action');
  await page.mouse.move(900, 300);
}).then((ok) => {
  console.log(ok ? `visible: ${seen.join('; ')}` : `not visible (saw: ${seen.join('; ') || 'nothing'})`);
  process.exit(ok ? 0 : 1);
});
