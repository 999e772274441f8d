// What an author types is what the file holds: open a postmortem through the Explorer, type two missing section
// headings character by character (one slowly, so heading completion has time to open, one fast), each followed by
// Enter and a line of text, save with Ctrl+S and compare the file on disk with exactly what was typed.
// node ui-typing-check.js <extDevPath> <folder> <relFile> <shot.png>   (CS_URL: see with-code-server.sh)
const fs = require('node:fs');
const path = require('node:path');
const { openFile, openWorkspace, uiCheck } = require('./browser');
const [dev, folder, relFile, shot] = process.argv.slice(2);
const file = path.join(folder, relFile);
const before = fs.readFileSync(file, 'utf8');
const seen = [];

// Typed at the end of the file. `delay` is the pause between keys in ms: 120 ms gives completion time to answer
// after each key (a deliberate typist), 0 is a fast one. Enter is pressed as a key, as a person does.
const typing = [
  { lines: ['', '## Timeline', 'All times are in UTC.', ''], delay: 120 },
  { lines: ['## Mitigation', 'The queue was drained.', ''], delay: 0 },
  { lines: ['## Summary', 'Typed again on purpose.', ''], delay: 120 },
];
// Then completion asked for (Ctrl+Space) after "## Det": accepting "Detection" writes the heading and ends its line.
const asked = { typed: '## Det', accept: 'Detection', after: 'An alert fired.' };
const expected = `${before + typing.map((t) => t.lines.join('\n')).join('\n')}\n## Detection\n${asked.after}`;

// The shot before the first Enter shows what the suggest widget offered at that moment (if anything).
const screenshot = (ok) => (ok ? shot : shot.replace(/\.png$/, '-failed.png'));

uiCheck({ viewport: { width: 1400, height: 900 }, screenshot }, async (page, step) => {
  await openWorkspace(page, step, dev, folder);
  await openFile(page, step, relFile);
  step('diagnostics (the server is up)');
  await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 60000 });
  step('cursor at the end');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  for (const [n, { lines, delay }] of typing.entries()) {
    for (const [i, line] of lines.entries()) {
      step(`type "${line}"`);
      await page.keyboard.type(line, { delay });
      if (n === 0 && i === 1) {
        // Let a completion request that is still on its way arrive, then show what Enter would accept.
        await page.waitForTimeout(600);
        await page.screenshot({ path: shot.replace(/\.png$/, '-before-enter.png') });
      }
      if (i < lines.length - 1) await page.keyboard.press('Enter');
    }
    if (n < typing.length - 1) await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  step(`type "${asked.typed}" and ask for completion`);
  await page.keyboard.type(asked.typed, { delay: 50 });
  await page.keyboard.press('Control+Space');
  step(`"${asked.accept}" focused in the suggest widget`);
  await page.waitForSelector(`.suggest-widget .monaco-list-row.focused[aria-label*="${asked.accept}"]`, {
    timeout: 30000,
  });
  await page.screenshot({ path: shot.replace(/\.png$/, '-completion.png') });
  await page.keyboard.press('Enter');
  await page.keyboard.type(asked.after, { delay: 20 });
  seen.push(`Ctrl+Space after "${asked.typed}" offers "${asked.accept}"`);
  step('save');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  step('the file on disk');
  // Saved: the file holds what was typed (code-server may also auto-save during a pause, so an earlier state can
  // be on disk for a moment). Checked on each change of the file, for at most 20 s.
  const name = path.basename(relFile);
  await page.waitForSelector(`.tabs-container .tab:not(.dirty)[aria-label^="${name}"]`, { timeout: 20000 });
  let now = fs.readFileSync(file, 'utf8');
  if (now !== expected) {
    await new Promise((resolve) => {
      const watcher = fs.watch(file, () => {
        now = fs.readFileSync(file, 'utf8');
        if (now === expected) done();
      });
      const timer = setTimeout(done, 20000);
      function done() {
        clearTimeout(timer);
        watcher.close();
        resolve();
      }
    });
  }
  if (now !== expected) {
    const tail = (s) => JSON.stringify(s.slice(before.length - 20));
    console.error(`expected …${tail(expected)}\ngot      …${tail(now)}`);
    throw new Error('the file differs from what was typed');
  }
  seen.push('the saved file is exactly what was typed');
}).then((ok) => {
  console.log(ok ? `visible: ${seen.join('; ')}` : 'the typed text was changed');
  process.exit(ok ? 0 : 1);
});
