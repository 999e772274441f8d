// Completion from the analysis result: section headings after "#", frontmatter keys and values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { STATUS_VALUES } from '../../server/src/core';
import { type CompletionOptions, completionsAt } from '../../server/src/lsp/completion';
import { analyzeText } from '../helpers/analyze';

const REQUIRED = ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'] as const;

/** Completions at the `|` in the text (the bar is removed first). */
function complete(marked: string, options: CompletionOptions = {}): CompletionItem[] {
  return list(marked, options).items;
}

function list(marked: string, options: CompletionOptions = {}): CompletionList {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = text.slice(0, at).split('\n');
  return completionsAt(
    analyzeText(text),
    { line: lines.length - 1, character: lines[lines.length - 1].length },
    REQUIRED,
    options,
  );
}

const TEMPLATES = [{ prefix: 'postmortem', body: [`# \${1:Incident title}`, ''], description: 'Default' }];

const sorted = (items: CompletionItem[]) =>
  [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const BASE = '# Postmortem: x\n\n## Summary\n\nText.\n\n## Impact\n\nMany users.\n\n';

describe('lsp: completion of section headings', () => {
  it('offers the missing required sections first, then the other parts, never the present ones', () => {
    const items = sorted(complete(`${BASE}## |`));
    assert.deepEqual(
      items.slice(0, 4).map((i) => [i.label, i.detail]),
      [
        ['Timeline', 'Missing required section'],
        ['Root cause', 'Missing required section'],
        ['Mitigation', 'Missing required section'],
        ['Action items', 'Missing required section'],
      ],
    );
    assert.equal(items[4].label, 'Trigger');
    assert.equal(items[4].detail, 'Optional section');
    assert.ok(!items.some((i) => i.label === 'Summary' || i.label === 'Impact'));
    // Enter accepts the focused item of an open suggest widget: nothing is preselected.
    assert.equal(items.filter((i) => i.preselect).length, 0);
    assert.equal(items.find((i) => i.label === 'What went well')?.detail, 'Part of Lessons learned');
  });

  it('replaces what was typed after the hashes, and adds the space after a bare "#"', () => {
    const typed = complete(`${BASE}## Tim|`).find((i) => i.label === 'Timeline');
    assert.ok(typed);
    assert.deepEqual(edit(typed).range, { start: { line: 10, character: 3 }, end: { line: 10, character: 6 } });
    // Accepting ends the line as Enter would (a stale list's item accepted by Enter then gives what Enter gives).
    assert.equal(edit(typed).newText, 'Timeline\n');
    const bare = complete(`${BASE}#|`).find((i) => i.label === 'Timeline');
    assert.ok(bare);
    assert.equal(edit(bare).newText, ' Timeline\n');
    const inside = complete(`${BASE}## Tim| (draft)`).find((i) => i.label === 'Timeline');
    assert.equal(inside && edit(inside).newText, 'Timeline', 'no line break when text follows the cursor');
  });

  it('stays quiet outside a heading line and in code blocks', () => {
    assert.deepEqual(complete(`${BASE}Some text |`), []);
    assert.deepEqual(complete(`${BASE}\`\`\`sh\n# |\n\`\`\`\n`), []);
    assert.deepEqual(complete(`${BASE}text ## |`), []);
  });

  it('never offers the heading already typed, and asks again on each key', () => {
    const typed = list(`${BASE}## Timeline|`);
    assert.equal(typed.isIncomplete, true);
    assert.ok(!typed.items.some((i) => i.label === 'Timeline'), 'the exact heading typed is not an item');
    // While "## Root" is typed, the heading under the cursor does not count as the present Root cause.
    assert.ok(complete(`${BASE}## Root|`).some((i) => i.label === 'Root cause'));
    // "## Summary" typed again: Summary is present (above) and typed, so nothing would replace it.
    assert.ok(!complete(`${BASE}## Summary|`).some((i) => i.label === 'Summary'));
  });

  it('counts a lead paragraph as the summary', () => {
    const items = complete('# Postmortem: x\n\nThe lead says what happened.\n\n## |');
    assert.ok(!items.some((i) => i.label === 'Summary'));
  });
});

describe('lsp: completion in the frontmatter', () => {
  it('offers the keys not yet written, with a snippet that re-triggers for keys with values', () => {
    const items = complete('---\ntitle: X\n|\n---\n\n# Postmortem: x\n');
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('title'));
    assert.ok(labels.includes('severity') && labels.includes('status') && labels.includes('authors'));
    assert.ok(labels.includes('type') && labels.includes('started'), 'every key of the frontmatter schema');
    const severity = items.find((i) => i.label === 'severity');
    assert.equal(edit(severity as CompletionItem).newText, 'severity: $0');
    assert.equal(severity?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(edit(items.find((i) => i.label === 'authors') as CompletionItem).newText, 'authors:\n  - $0');
  });

  it('offers the values of severity and status, adding the space after the colon when needed', () => {
    const sev = complete('---\nseverity:|\n---\n\n# Postmortem: x\n');
    // The values come from the core's frontmatter schema.
    assert.deepEqual(
      sev.slice(0, 5).map((i) => i.label),
      ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
    assert.ok(sev.some((i) => i.label === 'P1') && sev.some((i) => i.label === 'critical'));
    assert.equal(edit(sev[0]).newText, ' SEV0');
    const status = complete('---\nstatus: dr|\n---\n\n# Postmortem: x\n');
    assert.deepEqual(
      status.map((i) => i.label),
      [...STATUS_VALUES],
    );
    assert.deepEqual(edit(status[0]).range, { start: { line: 1, character: 8 }, end: { line: 1, character: 10 } });
    assert.deepEqual(complete('---\ntitle: |\n---\n\n# Postmortem: x\n'), [], 'free-text keys have no values');
    assert.deepEqual(
      complete('---\ntype: |\n---\n\n# Postmortem: x\n').map((i) => i.label),
      ['postmortem'],
    );
  });

  it('works while the frontmatter is still being written (no closing fence yet)', () => {
    const items = complete('---\nseverity: SEV1\n|');
    assert.ok(items.some((i) => i.label === 'status'));
    assert.ok(!items.some((i) => i.label === 'severity'));
  });
});

describe('lsp: snippets at the start of a line', () => {
  it('offers section snippets for the parts not yet written, replacing only the word typed at the line start', () => {
    const items = complete(`${BASE}pm-ti|`);
    const timeline = items.find((i) => i.label === 'pm-timeline');
    assert.ok(timeline);
    assert.deepEqual(edit(timeline).range, { start: { line: 10, character: 0 }, end: { line: 10, character: 5 } });
    assert.match(edit(timeline).newText, /^## Timeline\n\nAll times are in UTC\.\n/);
    assert.ok(!items.some((i) => i.label === 'pm-summary'), 'Summary is present');
    assert.ok(items.every((i) => !i.preselect));
  });

  it('stays out of ordinary words, headings and text after the cursor', () => {
    assert.deepEqual(complete(`${BASE}Summ|`), []);
    assert.ok(!complete(`${BASE}## Summ|`).some((i) => String(i.label).startsWith('pm-')));
    assert.deepEqual(complete(`${BASE}pm|text`, { invoked: true }), []);
    assert.deepEqual(complete(`${BASE}Some pm|`, { invoked: true }), []);
  });

  it('offers the templates only in an empty document, on Ctrl+Space or "postmortem"', () => {
    assert.deepEqual(
      complete('|', { templates: TEMPLATES, invoked: true })
        .filter((i) => i.detail === 'Postmortem template')
        .map((i) => i.label),
      ['postmortem'],
    );
    assert.ok(complete('post|', { templates: TEMPLATES }).some((i) => i.label === 'postmortem'));
    assert.ok(!complete(`${BASE}|`, { templates: TEMPLATES, invoked: true }).some((i) => i.label === 'postmortem'));
  });
});

describe('lsp: completion of owners after @', () => {
  const DOC = `${BASE}## Action items\n\n- [ ] Add a queue-depth alert (owner: @maria, OPS-1)\n- [ ] Load-test the pool (owner: @maria, OPS-2)\n- [ ] Document the failover (owner: sre, OPS-3)\n- [ ] Describe the follow-up action (owner: @owner)\n\nThanks to @kofi for the timeline.\n\n`;

  it('offers the owners and @handles the postmortem names, owners first, the most frequent first', () => {
    const items = sorted(complete(`${DOC}- [ ] Rotate the keys (owner: @|`));
    assert.deepEqual(
      items.map((i) => i.label),
      ['@maria', 'sre', '@kofi'],
    );
    assert.equal(items[0].detail, 'owner of 2 actions here');
    // The edit replaces the typed "@" (and what follows it), and no item is preselected.
    const e = edit(items[1]);
    assert.equal(e.newText, 'sre');
    assert.equal(e.range.end.character - e.range.start.character, 1);
    assert.ok(items.every((i) => !i.preselect));
  });

  it('never offers the handle being typed, nor the template placeholder, and nothing after an e-mail address', () => {
    const typing = complete(`${DOC}- [ ] Rotate the keys (owner: @mar|`).map((i) => i.label);
    assert.ok(!typing.includes('@mar'));
    assert.ok(!typing.includes('@owner'));
    assert.deepEqual(complete(`${DOC}Write to ops@|`), []);
  });
});
