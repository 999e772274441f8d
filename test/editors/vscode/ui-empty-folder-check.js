// From an empty folder: the workspace has an empty postmortems/ folder; the extension starts on a Markdown note
// that is no postmortem, so neither of its views shows. Then the first postmortem appears on disk (as a teammate's
// pull or a script would write it), and the Follow-up Actions view must appear on its own, without a reload, listing
// its action.
// node ui-empty-folder-check.js <extDevPath> <folder> <shot.png>   (CS_URL: see with-code-server.sh)
const fs = require('node:fs');
const path = require('node:path');
const { collapseExplorerPanes, expandView, openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, shot] = process.argv.slice(2);
const seen = [];

// The throwaway copy of the workspace, emptied: only notes/readme.md and an empty postmortems/ remain.
const dir = path.join(folder, 'postmortems');
for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));

const FIRST = `# Postmortem: First outage

## Summary

The API returned errors for 12 minutes.

## Action items

- [ ] Add a readiness check to the API deploy (owner: platform, OPS-1)
`;

uiCheck({ viewport: { width: 1400, height: 900 }, screenshot: () => shot }, async (page, step) => {
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, 'notes/readme.md'); // starts the extension (onLanguage:markdown)
  step('no Follow-up Actions view yet');
  if (await page.locator('.pane-header[aria-label^="Follow-up Actions"]').count()) {
    throw new Error('the Follow-up Actions view shows before there is any postmortem');
  }
  seen.push('no views while the folder is empty');
  step('the first postmortem is written to disk');
  fs.writeFileSync(path.join(dir, '2026-12-06-first-outage.md'), FIRST);
  await expandView(page, step, 'Follow-up Actions');
  await collapseExplorerPanes(page);
  step('its action listed');
  await page.locator('.pane-body .monaco-list-row', { hasText: 'platform' }).first().waitFor({ timeout: 30000 });
  const owner = page.locator('.pane-body .monaco-list-row', { hasText: 'platform' }).first();
  if ((await owner.getAttribute('aria-expanded')) !== 'true') await owner.locator('.monaco-tl-twistie').click();
  await page
    .locator('.pane-body .monaco-list-row', { hasText: 'Add a readiness check' })
    .first()
    .waitFor({ timeout: 30000 });
  seen.push('the Follow-up Actions view appeared with the new action, without a reload');
}).then((ok) => {
  console.log(ok ? `visible: ${seen.join('; ')}` : `not visible (saw: ${seen.join('; ') || 'nothing'})`);
  process.exit(ok ? 0 : 1);
});
