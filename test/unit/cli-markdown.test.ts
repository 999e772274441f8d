// --format markdown: the pull-request comment, and the section checklist behind it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sectionChecklist } from '../../server/src/cli/checklist';
import { expandTargets } from '../../server/src/cli/files';
import { escapeMarkdown, formatMarkdown, REPORT_MARKER } from '../../server/src/cli/formatters/markdown';
import { type FileResult, Linter } from '../../server/src/cli/lint';
import { analyze, ruleDocsUrl } from '../../server/src/core';
import { RULES } from '../../server/src/rules';
import { configWith } from '../helpers/analyze';
import { STRUCTURE_ONLY } from '../helpers/config';
import { tempTree } from '../helpers/tmp';

async function lintTree(files: Record<string, string>): Promise<{ dir: string; results: FileResult[] }> {
  const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, ...files });
  const linter = new Linter({ cwd: dir, fix: false, all: false });
  return { dir, results: (await expandTargets(['.'], dir)).map((t) => linter.lintFile(t)) };
}

const PARTIAL = `# Postmortem: queue backlog

Consumers fell behind for two hours after a deploy.

## Chronology

- 10:00 UTC deploy

## Customer impact

TBD

## Contributing factors

The consumer pool was sized for last year's traffic.
`;

describe('section checklist', () => {
  it('marks each required section present, empty or missing, in the configured order', () => {
    const config = configWith();
    const { model } = analyze(PARTIAL, config, RULES);
    assert.ok(model);
    const list = sectionChecklist(model, config);
    assert.deepEqual(
      list.map((i) => [i.kind, i.state, i.heading ?? null, i.line ?? null, i.fromLead ?? false]),
      [
        ['summary', 'present', null, null, true],
        ['timeline', 'present', 'Chronology', 5, false],
        ['impact', 'empty', 'Customer impact', 9, false],
        ['root-cause', 'present', 'Contributing factors', 13, false],
        ['mitigation', 'missing', null, null, false],
        ['action-items', 'missing', null, null, false],
      ],
    );
  });

  it('follows the configured required list, and a nested empty section counts as empty', () => {
    const text = '# Incident review: x\n\n## Summary\n\n### Impact\n\nTBD\n';
    const config = configWith({ sections: { required: ['impact', 'summary'] } });
    const { model } = analyze(text, config, RULES);
    assert.ok(model);
    assert.deepEqual(
      sectionChecklist(model, config).map((i) => `${i.kind}:${i.state}`),
      ['impact:empty', 'summary:empty'],
    );
  });

  it('says a part stated in another section is stated there, and a part with only its heading is empty', () => {
    // Before the one section-status query, the checklist said "missing" for a part the linter accepts as stated,
    // and "present" for a section holding nothing (structure/required-section's "not written yet").
    const text =
      '# Postmortem: disk full\n\n## Summary\n\nAll writes failed for 40 minutes.\n\n## Root cause\n\n<!-- Why it happened -->\n';
    const config = configWith({ sections: { required: ['impact', 'root-cause'] } });
    const { model } = analyze(text, config, RULES);
    assert.ok(model);
    assert.deepEqual(
      sectionChecklist(model, config).map((i) => [i.kind, i.state, i.statedIn ?? i.heading, i.line]),
      [
        ['impact', 'stated', '"Summary"', 5],
        ['root-cause', 'empty', 'Root cause', 7],
      ],
    );
  });

  it("follows structure/empty-section's placeholders option", () => {
    const text = '# Postmortem: x\n\n## Impact\n\nAwaiting input\n';
    const plain = configWith({ sections: { required: ['impact'] } });
    const custom = configWith({
      sections: { required: ['impact'] },
      rules: { 'structure/empty-section': { placeholders: ['Awaiting input'] } },
    });
    const { model } = analyze(text, plain, RULES);
    assert.ok(model);
    assert.equal(sectionChecklist(model, plain)[0].state, 'present');
    assert.equal(sectionChecklist(model, custom)[0].state, 'empty');
  });

  it('writes a stated part as stated, with where, in the report', async () => {
    const { dir, results } = await lintTree({
      'postmortems/disk.md':
        '# Postmortem: disk full\n\n## Summary\n\nAll writes failed for 40 minutes.\n\n## Timeline\n\nAll times UTC.\n\n- 18:20 Writes begin to fail.\n- 19:00 Old archives removed; writes succeed again.\n',
    });
    const out = formatMarkdown(results, { cwd: dir, color: false, root: dir });
    assert.ok(out.includes('- ✅ **Impact**: stated in "Summary", line 5 (no heading of its own)'), out);
    assert.ok(out.includes('- ✅ **Mitigation**: stated in the timeline, line 12 (no heading of its own)'), out);
  });

  it('counts a kind as present when one of its two sections has content', () => {
    const text = '# Postmortem: x\n\n## Impact\n\nTBD\n\n## Impact on customers\n\nOrders were late.\n';
    const config = configWith({ sections: { required: ['impact'] } });
    const { model } = analyze(text, config, RULES);
    assert.ok(model);
    const [impact] = sectionChecklist(model, config);
    assert.deepEqual([impact.state, impact.heading], ['present', 'Impact on customers']);
  });
});

describe('--format markdown', async () => {
  const { dir, results } = await lintTree({
    'postmortems/queue.md': PARTIAL,
    'postmortems/complete.md': `# Postmortem: fine\n\n## Summary\n\nS.\n\n## Timeline\n\n- 10:00 UTC a\n\n## Impact\n\nI.\n\n## Root cause\n\nR.\n\n## Mitigation\n\nM.\n\n## Action items\n\n- A (OPS-1)\n`,
  });
  const report = formatMarkdown(results, { cwd: dir, color: false, root: dir });
  const queue = results.find((r) => r.path.endsWith('queue.md')) as FileResult;

  it('starts with the marker a CI job uses to update its own comment, then the totals', () => {
    assert.ok(report.startsWith(`${REPORT_MARKER}\n## Postmortem review\n`));
    assert.match(report, /\*\*3 problems\*\* \(2 errors, 1 warning\) in 2 postmortems\./);
    assert.match(report, /2 problems can be fixed with `postmortem lint --fix`\./);
  });

  it('has a section per postmortem with the required-section checklist', () => {
    const queue = report.slice(report.indexOf('### `postmortems/queue.md`'));
    assert.ok(queue.length > 0);
    for (const line of [
      '- ✅ **Summary**: the opening paragraph',
      '- ✅ **Timeline**: _Chronology_, line 5',
      '- ⚠️ **Impact**: empty (_Customer impact_, line 9)',
      '- ✅ **Root cause**: _Contributing factors_, line 13',
      '- ❌ **Mitigation**: missing',
      '- ❌ **Action items**: missing',
    ]) {
      assert.ok(queue.includes(line), `missing: ${line}`);
    }
    assert.match(report, /### `postmortems\/complete\.md`\n\n✅ no problems\n/);
  });

  it('lists the findings with lines and links to each rule’s docs', () => {
    assert.match(report, /\| Line \| Severity \| Problem \| Rule \|/);
    assert.ok(report.includes(`| 1 | ❌ error | Missing required section "Mitigation"`));
    assert.ok(report.includes(`[\`structure/required-section\`](${ruleDocsUrl('structure/required-section')})`));
    assert.ok(report.includes(`| 9 | ⚠️ warning | Section "Customer impact" is empty`));
  });

  it('counts blame findings per rule, and shows metrics only when known', () => {
    // The report counts the findings that say they are blame (data.blame), by rule, whatever the rule's id.
    const blame = (ruleId: string, start: number) => ({
      ...queue.findings[0],
      ruleId,
      scope: 'range' as const,
      start,
      data: { blame: 'judgment' },
    });
    const withBlame = {
      ...queue,
      findings: [blame('blame/naming', 60), blame('blame/naming', 70), blame('blame/hindsight', 80)],
      metrics: [{ name: 'Time to detect', value: '12 min' }],
    };
    const out = formatMarkdown([withBlame], { cwd: dir, color: false, root: dir });
    assert.match(out, /\*\*Blameless language\*\*: 3 findings/);
    assert.ok(out.includes(`| [\`blame/naming\`](${ruleDocsUrl('blame/naming')}) | 2 |`));
    assert.ok(out.includes(`| [\`blame/hindsight\`](${ruleDocsUrl('blame/hindsight')}) | 1 |`));
    assert.ok(out.includes('| Time to detect | 12 min |'));
    assert.ok(!report.includes('**Metrics**'), 'no metrics section when none are known');
  });

  it('escapes Markdown and HTML in messages so a finding cannot break the table or inject markup', () => {
    const nasty = { ...queue, findings: [{ ...queue.findings[0], message: 'a | b <img src=x> *c* [d](e)\nf' }] };
    const out = formatMarkdown([nasty], { cwd: dir, color: false, root: dir });
    assert.ok(out.includes('| a \\| b \\<img src=x\\> \\*c\\* \\[d\\](e) f |'));
    assert.equal(escapeMarkdown('x & y'), 'x &amp; y');
  });

  it('says what was compared with --changed-since, and what it left out', () => {
    const out = formatMarkdown([{ ...queue, unchangedLineFindings: 2 }], {
      cwd: dir,
      color: false,
      root: dir,
      changedSince: { ref: 'origin/main', base: '0123456789abcdef0123' },
    });
    assert.match(out, /changed since `origin\/main` \(merge base `0123456789ab`\)/);
    assert.match(out, /2 more findings on lines this change did not touch/);
    const none = formatMarkdown([], { cwd: dir, color: false, root: dir, changedSince: { ref: 'main', base: 'abc' } });
    assert.match(none, /No postmortem changed since `main`\./);
  });

  it('stays under GitHub’s comment limit, listing the overflow one line per file', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...queue, path: `${dir}/postmortems/p${i}.md` }));
    const out = formatMarkdown(many, { cwd: dir, color: false, root: dir });
    assert.ok(out.length < 65_536, `${out.length} characters`);
    assert.match(out, /### \d+ more postmortems\n\nDetails are in the job log\./);
    assert.match(out, /- `postmortems\/p\d+\.md`: 2 errors, 1 warning/);
    const huge = Array.from({ length: 5000 }, (_, i) => ({ ...queue, path: `${dir}/postmortems/p${i}.md` }));
    const capped = formatMarkdown(huge, { cwd: dir, color: false, root: dir });
    assert.ok(capped.length < 65_536, `${capped.length} characters`);
    const shown = (capped.match(/^### `/gm) ?? []).length;
    const listed = (capped.match(/^- `postmortems\/p/gm) ?? []).length;
    const rest = Number(/^- and (\d+) more$/m.exec(capped)?.[1]);
    assert.equal(shown + listed + rest, 5000, 'every file is accounted for');
  });
});
