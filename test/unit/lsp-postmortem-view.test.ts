// The Postmortem view's data (postmortem/summary), the server commands that insert sections, and the workspace
// lint's file walk: pure functions over the analysis result and a temporary folder.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { insertSectionsWorkspaceEdit, parseInsertSectionsArgs, sectionsToInsert } from '../../server/src/lsp/commands';
import { notPostmortemSummary, postmortemSummary } from '../../server/src/lsp/postmortem-view';
import { lintWorkspace } from '../../server/src/lsp/workspace-lint';
import { nodeFiles } from '../../server/src/node/platform';
import { findMarkdownFiles } from '../../server/src/node/walk';
import { analyzeText } from '../helpers/analyze';
import { tempTree } from '../helpers/tmp';

const REQUIRED = ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'] as const;
const DOC = `# Postmortem: checkout errors

## Overview

Checkout failed for 30 minutes.

## Timeline

- 09:00 UTC Errors start.

## Impact

TBD

## Why it happened

The root cause was human error.

## What went well

The alert fired at once.
`;

describe('lsp: postmortem/summary', () => {
  const summary = postmortemSummary('file:///pm.md', 3, analyzeText(DOC), REQUIRED);

  it('lists the required sections as present, empty or missing, with the heading as written', () => {
    assert.equal(summary.isPostmortem, true);
    assert.equal(summary.analysed, true);
    assert.equal(summary.version, 3);
    assert.equal(summary.title, 'Postmortem: checkout errors');
    assert.deepEqual(
      summary.sections.filter((s) => s.required).map((s) => [s.kind, s.status, s.heading]),
      [
        ['summary', 'present', 'Overview'],
        ['timeline', 'present', 'Timeline'],
        ['impact', 'empty', 'Impact'],
        ['root-cause', 'present', 'Why it happened'],
        ['mitigation', 'missing', undefined],
        ['action-items', 'missing', undefined],
      ],
    );
    assert.deepEqual(summary.required, { total: 6, present: 3, empty: 1, missing: 2, stated: 0 });
  });

  it('shows a part stated inside another section as stated there, with the statement to reveal', () => {
    const text =
      '# Postmortem: disk full\n\n## Summary\n\nWrites failed for 40 minutes.\n\n## Impact\n\nAll writes failed for 40 minutes.\n\n## Timeline\n\nAll times UTC.\n\n- 18:20 Writes begin to fail.\n- 18:31 An alert fires for disk usage.\n- 19:00 Old archives removed; writes succeed again.\n\n## Root cause\n\nArchives were never pruned.\n\n## Action items\n\n- [ ] Prune archives (owner: dba, OPS-12)\n';
    const view = postmortemSummary('file:///pm.md', 1, analyzeText(text), REQUIRED);
    const mitigation = view.sections.find((s) => s.kind === 'mitigation');
    assert.equal(mitigation?.status, 'stated');
    assert.equal(mitigation?.statedIn, 'the timeline');
    assert.equal(
      mitigation?.range?.start.line,
      text.split('\n').indexOf('- 19:00 Old archives removed; writes succeed again.'),
    );
    assert.deepEqual(view.required, { total: 6, present: 5, empty: 0, missing: 0, stated: 1 });
  });

  it('gives the heading range of each section it has (for reveal), none for a missing one', () => {
    const overview = summary.sections.find((s) => s.kind === 'summary');
    assert.deepEqual(overview?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.equal(summary.sections.find((s) => s.kind === 'mitigation')?.range, undefined);
  });

  it('adds the other canonical sections the document has, not required', () => {
    assert.deepEqual(
      summary.sections.filter((s) => !s.required).map((s) => [s.kind, s.status]),
      [['what-went-well', 'present']],
    );
  });

  it('counts the blame findings and the problems by severity', () => {
    assert.ok(summary.blame.total >= 1);
    assert.deepEqual(
      summary.blame.byRule.find((r) => r.ruleId === 'blame/human-error'),
      { ruleId: 'blame/human-error', count: 1 },
    );
    assert.ok(summary.blame.findings.every((f) => f.ruleId.startsWith('blame/')));
    assert.equal(summary.blame.findings[0].range.start.line, 16);
    assert.ok(summary.problems.errors >= 2, 'two missing sections');
  });

  it('gives the metrics (milestones and figures) and the follow-up actions', () => {
    assert.deepEqual(
      summary.metrics?.milestones.map((m) => [m.kind, m.found, m.at]),
      [
        ['started', true, '09:00'],
        ['detected', false, undefined],
        ['mitigated', false, undefined],
        ['resolved', false, undefined],
      ],
    );
    assert.equal(summary.metrics?.sentence, 'Detection not found · mitigation not found · resolution not found');
    assert.deepEqual(summary.actionItems, [], 'no action items section');
    const withActions = postmortemSummary(
      'u',
      1,
      analyzeText(`${DOC}\n## Action items\n\n- [x] Add a pool alert (owner: sre, OPS-1)\n`),
      REQUIRED,
    );
    assert.deepEqual(
      withActions.actionItems?.map((a) => [a.text, a.owner, a.status, a.range.start.line]),
      [['Add a pool alert (owner: sre, OPS-1)', 'sre', 'done', 24]],
    );
  });

  it('counts a lead paragraph that stands in for the summary as present', () => {
    const lead = postmortemSummary(
      'u',
      1,
      analyzeText('# Postmortem: x\n\nIt broke.\n\n## Timeline\n\n- 09:00 x\n'),
      REQUIRED,
    );
    const s = lead.sections.find((x) => x.kind === 'summary');
    assert.equal(s?.status, 'present');
    assert.equal(s?.range?.start.line, 2);
  });

  it('says "not analysed" for input the core refused, and "not a postmortem" for other files', () => {
    const refused = postmortemSummary('u', 1, { findings: [] }, REQUIRED);
    assert.equal(refused.isPostmortem, true);
    assert.equal(refused.analysed, false);
    assert.deepEqual(refused.sections, []);
    assert.equal(refused.metrics, null);
    assert.equal(refused.actionItems, null);
    const other = notPostmortemSummary('u', 2);
    assert.equal(other.isPostmortem, false);
    assert.equal(other.metrics, null);
  });

  it('says what the rules say: a bold label is the part, a part under an empty parent is empty', () => {
    // Before the one section-status query, the view called a part written as a bold label missing (the linter
    // accepts it) and the subsections of an empty section present.
    const text =
      '# Postmortem: x\n\n## Summary\n\nOrders were late for an hour.\n\n**Impact:** 1,200 orders were late.\n\n## Lessons learned\n\n### What went well\n\nTBD\n';
    const view = postmortemSummary('u', 1, analyzeText(text), ['summary', 'impact']);
    assert.deepEqual(
      view.sections.map((s) => [s.kind, s.status, s.heading]),
      [
        ['summary', 'present', 'Summary'],
        ['impact', 'present', 'Impact'],
        ['lessons-learned', 'empty', 'Lessons learned'],
        ['what-went-well', 'empty', 'What went well'],
      ],
    );
  });
});

describe('lsp: the insert-sections command', () => {
  const analysis = analyzeText(DOC);

  it('validates its arguments', () => {
    assert.deepEqual(parseInsertSectionsArgs({ uri: 'u' }), { uri: 'u', kinds: undefined });
    assert.deepEqual(parseInsertSectionsArgs({ uri: 'u', kinds: ['timeline'] }), { uri: 'u', kinds: ['timeline'] });
    assert.equal(parseInsertSectionsArgs({ uri: 1 }), undefined);
    assert.equal(parseInsertSectionsArgs({ uri: 'u', kinds: 'timeline' }), undefined);
    assert.equal(parseInsertSectionsArgs(undefined), undefined);
  });

  it('leaves a part stated elsewhere out of the missing ones, and gives it its heading when asked', () => {
    const stated =
      '# Postmortem: disk full\n\n## Summary\n\nAll writes failed for 40 minutes.\n\n## Root cause\n\nArchives were never pruned.\n';
    const result = analyzeText(stated);
    assert.deepEqual(sectionsToInsert(result, undefined, ['summary', 'impact', 'root-cause', 'mitigation']), [
      'mitigation',
    ]);
    assert.deepEqual(sectionsToInsert(result, ['impact', 'root-cause'], REQUIRED), ['impact']);
  });

  it('inserts the missing required sections by default, only those asked for otherwise, never present ones', () => {
    assert.deepEqual(sectionsToInsert(analysis, undefined, REQUIRED), ['mitigation', 'action-items']);
    assert.deepEqual(sectionsToInsert(analysis, ['detection', 'timeline', 'nonsense'], REQUIRED), ['detection']);
  });

  it('pins the edit to the document version when the client takes documentChanges', () => {
    const edit = insertSectionsWorkspaceEdit('file:///pm.md', 7, analysis, ['mitigation'], true);
    const change = edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: 'file:///pm.md', version: 7 });
    const after = TextDocument.applyEdits(TextDocument.create('u', 'markdown', 1, DOC), change.edits as TextEdit[]);
    assert.match(
      after,
      /## Why it happened\n\nThe root cause was human error\.\n\n## Mitigation\n\n<!-- .* -->\n\n## What went well/,
    );
    const plain = insertSectionsWorkspaceEdit('file:///pm.md', 7, analysis, ['mitigation'], false);
    assert.ok(plain?.changes?.['file:///pm.md']);
    assert.equal(insertSectionsWorkspaceEdit('u', 1, analysis, [], true), undefined);
  });
});

describe('lsp: workspace lint', () => {
  const root = tempTree({
    'postmortems/a.md': '# A',
    'postmortems/b.markdown': '# B',
    'postmortems/image.png': 'x',
    'docs/c.mdx': '# C',
    'node_modules/pkg/readme.md': '# no',
    '.git/notes.md': '# no',
  });

  it('walks Markdown files, skipping node_modules and dot-folders, up to a limit', async () => {
    const { files, truncated } = await findMarkdownFiles([root]);
    assert.deepEqual(
      files.map((f) => f.slice(root.length + 1)),
      ['docs/c.mdx', 'postmortems/a.md', 'postmortems/b.markdown'],
    );
    assert.equal(truncated, false);
    const limited = await findMarkdownFiles([root], { limit: 2 });
    assert.equal(limited.files.length, 2);
    assert.equal(limited.truncated, true);
    assert.deepEqual((await findMarkdownFiles([join(root, 'missing')])).files, []);
  });

  it('publishes for postmortems that are not open, counts the open ones from the editor text', async () => {
    const published = new Map<string, Diagnostic[]>();
    const openUri = URI.file(join(root, 'postmortems/b.markdown')).toString();
    const problem = (message: string): Diagnostic => ({
      message,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    });
    const result = await lintWorkspace({
      folders: [root],
      files: nodeFiles,
      openText: (uri) => (uri === openUri ? '# B edited' : undefined),
      lint: (path, text) => (path.includes('postmortems') ? [problem(text)] : undefined),
      publish: (uri, diagnostics) => published.set(uri, diagnostics),
    });
    assert.deepEqual(
      {
        files: result.files,
        postmortems: result.postmortems,
        problems: result.problems,
        withProblems: result.withProblems,
      },
      { files: 3, postmortems: 2, problems: 2, withProblems: 2 },
    );
    assert.deepEqual([...published.keys()], [URI.file(join(root, 'postmortems/a.md')).toString()]);
    assert.equal(published.values().next().value?.[0].message, '# A');
    assert.deepEqual(result.published, [...published.keys()]);
  });

  it('clears a file it is asked about that is no longer a postmortem', async () => {
    const published = new Map<string, Diagnostic[]>();
    await lintWorkspace({
      folders: [],
      files: nodeFiles,
      only: [join(root, 'docs/c.mdx')],
      openText: () => undefined,
      lint: () => undefined,
      publish: (uri, diagnostics) => published.set(uri, diagnostics),
    });
    assert.deepEqual([...published.values()], [[]]);
  });
});
