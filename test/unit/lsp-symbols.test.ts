// The outline and folding, from the analysis result: documentSymbols and foldingRanges as pure functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { foldingRanges } from '../../server/src/lsp/folding';
import { documentSymbols } from '../../server/src/lsp/symbols';
import { analyzeText } from '../helpers/analyze';

const DOC = `---
title: Queue backlog
severity: SEV2
authors:
  - Sam
---

# Postmortem: queue backlog

## Summary

Emails were late for two hours.

## Timeline

### Day 1

- 08:10 UTC Queue depth starts to grow.
- **08:40 UTC** The autoscaler does not react.

| Time | Event |
| --- | --- |
| 10:15 UTC | Workers scaled by hand |

## Resolution

Workers were scaled up by hand.

## Action items

- [ ] Alert on a missing autoscaler metric (OPS-1)
- [x] Rename the metric back (OPS-2)
- A plain follow-up

## Notes

<!--
A comment
over lines
-->
`;

const names = (symbols: DocumentSymbol[] = []) => symbols.map((s) => s.name);

describe('lsp: document symbols', () => {
  const symbols = documentSymbols(analyzeText(DOC));
  const [frontmatter, title] = symbols;

  it('puts the frontmatter and the title at the top, the sections under the title', () => {
    assert.deepEqual(names(symbols), ['Frontmatter', 'Postmortem: queue backlog']);
    assert.equal(title.kind, SymbolKind.File);
    assert.deepEqual(names(title.children), ['Summary', 'Timeline', 'Resolution', 'Action items', 'Notes']);
  });

  it('gives each section its canonical kind as detail, none for an ordinary one', () => {
    assert.deepEqual(
      title.children?.map((s) => s.detail),
      ['Summary', 'Timeline', 'Mitigation', 'Action items', undefined],
    );
    const summary = title.children?.[0] as DocumentSymbol;
    assert.deepEqual(summary.selectionRange, { start: { line: 9, character: 0 }, end: { line: 9, character: 10 } });
    assert.deepEqual(summary.range.end, { line: 11, character: 31 }, 'the range ends at the text, not the blank line');
  });

  it('lists timeline entries (list items and table rows) as events, also in a subsection', () => {
    const day1 = title.children?.[1].children?.[0] as DocumentSymbol;
    assert.equal(day1.name, 'Day 1');
    assert.deepEqual(names(day1.children), [
      '08:10 UTC Queue depth starts to grow.',
      '08:40 UTC The autoscaler does not react.',
      '10:15 UTC · Workers scaled by hand',
    ]);
    assert.ok(day1.children?.every((e) => e.kind === SymbolKind.Event));
  });

  it('lists bold labels that name a part under their section, as implicit sections', () => {
    const text =
      '# T\n\n## Summary\n\nIntro.\n\n**Impact:** checkout failed for 20 minutes.\n\n**Root cause**: a full disk.\n\n## Timeline\n';
    const [t] = documentSymbols(analyzeText(text));
    const summary = t.children?.[0] as DocumentSymbol;
    assert.deepEqual(
      summary.children?.map((c) => [c.name, c.detail]),
      [
        ['Impact', 'Impact (bold label)'],
        ['Root cause', 'Root cause (bold label)'],
      ],
    );
    assert.deepEqual(summary.children?.[0].selectionRange, {
      start: { line: 6, character: 0 },
      end: { line: 6, character: 11 },
    });
  });

  it('lists action items with their state', () => {
    const actions = title.children?.[3].children ?? [];
    assert.deepEqual(
      actions.map((a) => [a.name, a.detail, a.kind]),
      [
        ['Alert on a missing autoscaler metric (OPS-1)', 'open', SymbolKind.Field],
        ['Rename the metric back (OPS-2)', 'done', SymbolKind.Field],
        ['A plain follow-up', undefined, SymbolKind.Field],
      ],
    );
  });

  it('takes the entries from the core: bold-time lines, milestones as detail, sub-tasks under their action', () => {
    const text = `# T

## Timeline

**09:12 UTC** Errors begin on checkout.
**09:20 UTC** The latency alert fires. <!-- milestone: detected -->

## Action items

- [ ] Make pool changes safe (owner: payments)
  - [x] Load-test them (PAY-1)
  - [ ] Alert on pool wait (PAY-2)

### 2) Document the pool unit \`@payments\`

In the schema.
`;
    const [doc] = documentSymbols(analyzeText(text));
    const [timeline, actions] = doc.children ?? [];
    assert.deepEqual(
      timeline.children?.map((e) => [e.name, e.detail, e.kind]),
      [
        ['09:12 UTC Errors begin on checkout.', 'start of impact · inferred', SymbolKind.Event],
        ['09:20 UTC The latency alert fires.', 'detection', SymbolKind.Event],
      ],
    );
    const [plan, heading] = actions.children ?? [];
    assert.equal(plan.name, 'Make pool changes safe (owner: payments)');
    assert.deepEqual(
      plan.children?.map((c) => [c.name, c.detail]),
      [
        ['Load-test them (PAY-1)', 'done'],
        ['Alert on pool wait (PAY-2)', 'open'],
      ],
    );
    assert.equal(heading.kind, SymbolKind.String, 'a numbered subsection stays a section');
    assert.equal(actions.children?.length, 2);
  });

  it('lists the frontmatter keys with their values', () => {
    assert.deepEqual(
      frontmatter.children?.map((k) => [k.name, k.detail]),
      [
        ['title', 'Queue backlog'],
        ['severity', 'SEV2'],
        ['authors', undefined],
      ],
    );
  });

  it('keeps every selection range inside its range, even for an empty heading', () => {
    const inside = (s: DocumentSymbol): boolean => {
      const notAfter = (a: { line: number; character: number }, b: { line: number; character: number }) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
      return (
        notAfter(s.range.start, s.selectionRange.start) &&
        notAfter(s.selectionRange.end, s.range.end) &&
        (s.children ?? []).every(inside)
      );
    };
    for (const text of [DOC, '# Postmortem: x\n\n## Summary\n\nx\n\n## ', '## \n', '# T\n\n## Timeline\n\n- a\n']) {
      assert.ok(documentSymbols(analyzeText(text)).every(inside), JSON.stringify(text));
    }
  });

  it('is empty when the input was not analysed', () => {
    assert.deepEqual(documentSymbols({ findings: [] }), []);
  });

  it('names a section whose heading is empty', () => {
    const [only] = documentSymbols(analyzeText('## \n\ntext\n'));
    assert.equal(only.name, '(empty heading)');
  });
});

describe('lsp: folding ranges', () => {
  it('folds the frontmatter, every section (ending at its text) and multi-line comments', () => {
    const ranges = foldingRanges(analyzeText(DOC));
    const at = (line: number) => ranges.filter((r) => r.startLine === line);
    assert.deepEqual(at(0), [{ startLine: 0, endLine: 5 }], 'frontmatter');
    assert.deepEqual(at(9), [{ startLine: 9, endLine: 11 }], 'Summary');
    assert.deepEqual(at(13), [{ startLine: 13, endLine: 22 }], 'Timeline with its subsection');
    assert.ok(
      ranges.some((r) => r.kind === 'comment' && r.endLine - r.startLine === 3),
      JSON.stringify(ranges),
    );
  });

  it('does not fold one-line sections', () => {
    assert.deepEqual(foldingRanges(analyzeText('## A\n## B\n')), []);
  });
});
