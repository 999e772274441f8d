// Completion from the analysis result: section headings after "#", frontmatter keys and values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { STATUS_VALUES } from '../../server/src/core';
import { completionsAt } from '../../server/src/lsp/completion';
import { analyzeText } from '../helpers/analyze';

const REQUIRED = ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'] as const;

/** Completions at the `|` in the text (the bar is removed first). */
function complete(marked: string): CompletionItem[] {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = text.slice(0, at).split('\n');
  return completionsAt(
    analyzeText(text),
    { line: lines.length - 1, character: lines[lines.length - 1].length },
    REQUIRED,
  );
}

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
    assert.equal(items.filter((i) => i.preselect).length, 1);
    assert.equal(items.find((i) => i.label === 'What went well')?.detail, 'Part of Lessons learned');
  });

  it('replaces what was typed after the hashes, and adds the space after a bare "#"', () => {
    const typed = complete(`${BASE}## Tim|`).find((i) => i.label === 'Timeline');
    assert.ok(typed);
    assert.deepEqual(edit(typed).range, { start: { line: 10, character: 3 }, end: { line: 10, character: 6 } });
    assert.equal(edit(typed).newText, 'Timeline');
    const bare = complete(`${BASE}#|`).find((i) => i.label === 'Timeline');
    assert.ok(bare);
    assert.equal(edit(bare).newText, ' Timeline');
  });

  it('stays quiet outside a heading line and in code blocks', () => {
    assert.deepEqual(complete(`${BASE}Some text |`), []);
    assert.deepEqual(complete(`${BASE}\`\`\`sh\n# |\n\`\`\`\n`), []);
    assert.deepEqual(complete(`${BASE}text ## |`), []);
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
