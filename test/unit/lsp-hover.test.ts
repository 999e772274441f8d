// Hovers from the analysis result: section guidance, finding explanations with their docs link, frontmatter keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import type { AnyRule } from '../../server/src/core';
import { hoverAt } from '../../server/src/lsp/hover';
import { RULES } from '../../server/src/rules';
import { analyzeText } from '../helpers/analyze';

const REQUIRED = ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'] as const;
const DOC = `---
severity: SEV1
---

# Postmortem: login outage

## Summary

Logins failed for 20 minutes.

## What went well

The rollback was quick.

## Root cause

The root cause was human error during the deploy.
`;

function hover(text: string, needle: string, delta = 1, rules: readonly AnyRule[] = RULES) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const result = hoverAt(analyzeText(text), at + delta, rules, REQUIRED);
  return result ? { value: (result.contents as MarkupContent).value, range: result.range } : undefined;
}

describe('lsp: hover', () => {
  it('tells what belongs in a section on its heading', () => {
    const h = hover(DOC, '## Summary', 4);
    assert.ok(h);
    assert.match(h.value, /^\*\*Summary\*\* \(required section\)\n\nTwo or three sentences/);
    assert.match(h.value, /_Also recognised as: overview, incident details/);
    assert.deepEqual(h.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 10 } });
  });

  it('says where an optional part belongs', () => {
    assert.match(hover(DOC, '## What went well', 5)?.value ?? '', /\*\*What went well\*\* \(part of Lessons learned\)/);
  });

  it("explains a finding with its rule's longer explanation and the docs link", () => {
    const h = hover(DOC, 'human error', 2);
    const rule = RULES.find((r) => r.id === 'blame/human-error');
    assert.ok(h && rule);
    const expected = rule.explanation ?? rule.description;
    assert.ok(h.value.includes(`**blame/human-error**: ${expected}`), h.value);
    assert.match(
      h.value,
      /\[Read the blame\/human-error documentation\]\(https:\/\/.*docs\/rules\/blame\/human-error\.md\)/,
    );
  });

  it('falls back to the rule description when the rule has no explanation', () => {
    const noExplanation = RULES.map((r) => ({ ...r, explanation: undefined })) as AnyRule[];
    const h = hover(DOC.replace('## Root cause', '## Cause'), '# Postmortem', 3, noExplanation);
    assert.ok(h);
    const rule = RULES.find((r) => r.id === 'structure/required-section');
    assert.ok(h.value.includes(`**structure/required-section**: ${rule?.description}`), h.value);
    assert.equal(
      h.value.match(/structure\/required-section\*\*/g)?.length,
      1,
      'one entry per rule, however many findings',
    );
  });

  it('shows a frontmatter key with its values', () => {
    const h = hover(DOC, 'severity', 2);
    assert.ok(h);
    assert.match(h.value, /^\*\*severity\*\*: /);
    assert.match(h.value, /Values: `SEV0`, `SEV1`, /);
  });

  it('shows nothing on plain prose', () => {
    assert.equal(hover(DOC, 'rollback was quick'), undefined);
  });

  it('shows nothing when the input was not analysed', () => {
    assert.equal(hoverAt({ findings: [] }, 0, RULES, REQUIRED), null);
  });
});
