// Hovers from the analysis result: section guidance, finding explanations with their docs link, frontmatter keys.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import type { AnyRule } from '../../server/src/core';
import { headline } from '../../server/src/lsp/diagnostics';
import { findingHover, hoverAt } from '../../server/src/lsp/hover';
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

  it('explains a finding with its whole message (the Problems panel shows its headline) and the docs link', () => {
    const h = hover(DOC, 'human error', 2);
    const finding = analyzeText(DOC).findings.find((f) => f.ruleId === 'blame/human-error');
    assert.ok(h && finding);
    assert.notEqual(headline(finding.message), finding.message, 'the message has more than its headline');
    assert.ok(h.value.includes(`**blame/human-error**: ${finding.message}`), h.value);
    assert.match(
      h.value,
      /\[Read the blame\/human-error documentation\]\(https:\/\/.*docs\/rules\/blame\/human-error\.md\)/,
    );
  });

  it("adds the rule's explanation, else its description, when the message is all headline", () => {
    const finding = { ...analyzeText(DOC).findings[0], message: 'Short.' };
    const rule = RULES.find((r) => r.id === finding.ruleId);
    assert.ok(rule);
    assert.equal(
      findingHover(finding, RULES),
      `**${rule.id}**: Short. ${rule.explanation ?? rule.description}\n\n[Read the ${rule.id} documentation](${finding.url})`,
    );
    const noExplanation = RULES.map((r) => ({ ...r, explanation: undefined })) as AnyRule[];
    assert.ok(findingHover(finding, noExplanation).includes(`Short. ${rule.description}`));
  });

  it('gives one entry per rule, however many findings', () => {
    const h = hover(DOC.replace('## Root cause', '## Cause'), '# Postmortem', 3);
    assert.ok(h);
    assert.equal(h.value.match(/structure\/required-section\*\*/g)?.length, 1);
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

describe('lsp: diagnostic headlines', () => {
  it('keeps what is wrong, in about 15 words, never cutting quoted text or "e.g."', () => {
    const cases: [string, string][] = [
      [
        'Missing required section "Impact": who and what was affected, for how long.',
        'Missing required section "Impact"',
      ],
      ['Action without an owner: "Add an alert". Add an owner.', 'Action without an owner'],
      [
        'Not analysed: the analysis took longer than its 2 s budget and was stopped. Split it.',
        'Not analysed: the analysis took longer than its 2 s budget and was stopped.',
      ],
      [
        '"human error: a slip" ends the inquiry where it should start. Describe the system.',
        '"human error: a slip" ends the inquiry where it should start.',
      ],
      ['Say who owns it, e.g. the platform team. Then more.', 'Say who owns it, e.g. the platform team.'],
      ['No separator at all', 'No separator at all'],
    ];
    for (const [message, expected] of cases) assert.equal(headline(message), expected);
  });

  it('gives every finding on the real corpus a headline of at most 25 words', () => {
    const long: string[] = [];
    const dir = join(__dirname, '..', 'corpus', 'real');
    const findings = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => analyzeText(readFileSync(join(dir, f), 'utf8')).findings);
    assert.ok(findings.length > 300, `${findings.length} findings`);
    for (const f of findings) {
      const words = headline(f.message).split(/\s+/).length;
      if (words > 25) long.push(`${f.ruleId}: ${headline(f.message)}`);
    }
    assert.deepEqual(long, []);
  });
});
