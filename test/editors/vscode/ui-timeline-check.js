// What a person sees of the timeline metrics and follow-up actions: open a postmortem through the Explorer, wait for
// the code lens with the figures on the timeline heading, the inlay hints on the inferred milestones, the Metrics of
// the Postmortem view and the workspace's Follow-up Actions view, and take a screenshot with all of them visible.
// node ui-timeline-check.js <extDevPath> <folder> <relFile> <shot.png>   (CS_URL: see with-code-server.sh)
const { collapseExplorerPanes, expandView, openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, shot] = process.argv.slice(2);
const seen = [];
const LENS = 'Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min';

/** Drags a sash (or anything) by dx, dy with the mouse, as a person resizes a view. */
async function dragBy(page, x, y, dx, dy) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2);
  await page.mouse.move(x + dx, y + dy);
  await page.mouse.up();
}

// The menu when all went well; otherwise what the page showed when it failed.
const screenshot = (ok) => (ok ? shot.replace(/\.png$/, '-mark-as.png') : shot);

uiCheck({ viewport: { width: 1600, height: 1000 }, screenshot }, async (page, step) => {
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);

  // Both views appear in the Explorer once the server has answered: expand them, collapse the file tree,
  // the Outline and the Timeline so that the two views have the Explorer to themselves.
  for (const name of ['Postmortem', 'Follow-up Actions']) await expandView(page, step, name);
  await collapseExplorerPanes(page);

  // Widen the side bar so the views' descriptions ("09:20 · inferred from …") fit, then give the Postmortem view
  // the room its Metrics need by moving the sash above the Follow-up Actions view down.
  step('layout');
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  await dragBy(page, sidebar.x + sidebar.width - 1, sidebar.y + 300, 280, 0);
  const actionsHeader = await page.locator('.pane-header[aria-label^="Follow-up Actions"]').first().boundingBox();
  await dragBy(page, actionsHeader.x + 100, actionsHeader.y - 1, 0, 170);
  const row = (text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  // The checklist is in the other screenshot: fold it so the metrics show.
  step('fold Required sections');
  const required = row('Required sections');
  await required.waitFor({ timeout: 30000 });
  if ((await required.getAttribute('aria-expanded')) === 'true') await required.locator('.monaco-tl-twistie').click();
  for (const text of ['Time to detect', '8 min', 'inferred from "alert fires"', 'Follow-up actions']) {
    step(`Postmortem view row ${text}`);
    await row(text).waitFor({ timeout: 30000 });
    seen.push(`Postmortem view: ${text}`);
  }
  for (const text of ['payments', 'Load-test pool size changes', 'sre', 'Route database disk alerts']) {
    step(`Follow-up Actions row ${text}`);
    await row(text).waitFor({ timeout: 30000 });
    seen.push(`Follow-up Actions: ${text}`);
  }

  step('code lens');
  await page.locator('.monaco-editor .codelens-decoration', { hasText: LENS }).first().waitFor({ timeout: 30000 });
  seen.push(`code lens "${LENS}"`);
  step('inlay hints');
  // Inlay hints are drawn with CSS (a pseudo-element's content, spaces made non-breaking), not as DOM text.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.monaco-editor .view-lines span')].some((el) =>
        [el.textContent, getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content].some(
          (text) => (text ?? '').replace(/\u00a0/g, ' ').includes('detection (inferred)'),
        ),
      ),
    undefined,
    { timeout: 30000 },
  );
  seen.push('inlay hint "⟵ detection (inferred)"');
  // The cursor in the editor (so the views show no focused selection), the mouse where no tooltip opens.
  await page.locator('.monaco-editor .view-line', { hasText: 'All times are in UTC' }).first().click();
  await page.mouse.move(1500, 950);
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);

  // Put the cursor on an entry and open the code actions: the "Mark as …" menu, in a second screenshot.
  step('Mark as … code actions');
  await page.locator('.monaco-editor .view-line', { hasText: '09:33 The pool change' }).first().click();
  await page.keyboard.press('Control+.');
  await page
    .locator('.action-widget .monaco-list-row', { hasText: 'Mark as detection' })
    .first()
    .waitFor({ timeout: 15000 });
  seen.push('code action "Mark as detection"');
}).then((ok) => {
  console.log(ok ? `visible: ${seen.join('; ')}` : `not visible (saw: ${seen.join('; ') || 'nothing'})`);
  process.exit(ok ? 0 : 1);
});
