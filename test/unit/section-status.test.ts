// The section-status query (core/structure/section-status.ts): whether each part of a postmortem is present, empty,
// still holding the template's text, stated inside another section or missing. The rules, the Postmortem view, the
// CLI's checklist, the insert-sections command and completion all answer from it; these tests read real postmortems
// and templates from test/corpus/ and the extension's own templates.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type ResolvedConfig } from '../../server/src/core';
import { type SectionStatusOptions, sectionStatus } from '../../server/src/core/structure/section-status';
import { RULES } from '../../server/src/rules';
import { configWith } from '../helpers/analyze';

const CORPUS = join(__dirname, '..', 'corpus');

function statusOf(text: string, config: ResolvedConfig = configWith(), options?: SectionStatusOptions) {
  const { model } = analyze(text, config, RULES);
  assert.ok(model);
  return sectionStatus(model, config, options).map((s) => ({
    ...s,
    line: s.range && model.lines.position(s.range.start).line + 1,
  }));
}

function corpus(path: string): string {
  return readFileSync(join(CORPUS, path), 'utf8');
}

/** A snippet's body as the editor inserts it on 2026-12-06: each placeholder's default, each choice's first. */
function snippet(name: string): string {
  const snippets = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets'), 'utf8'),
  ) as Record<string, { body: string[] }>;
  const body = snippets[name].body.join('\n');
  const defaults = new Map([...body.matchAll(/\$\{(\d+):([^}$]*)\}/g)].map((m) => [m[1], m[2]]));
  return body
    .replace(/\$CURRENT_YEAR/g, '2026')
    .replace(/\$CURRENT_MONTH/g, '12')
    .replace(/\$CURRENT_DATE/g, '06')
    .replace(/\$\{\d+:([^}$]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{?(\d+)\}?/g, (_, n: string) => defaults.get(n) ?? '');
}

describe('section status', () => {
  it('reads a real postmortem: headings present, parts stated in the summary, the lead or the timeline', () => {
    const eks = statusOf(corpus('real/dfds--pm2022-009-bad-eks-ami.md'));
    assert.deepEqual(
      eks.map((s) => [s.kind, s.state, s.required, s.section?.heading ?? s.statedIn, s.line]),
      [
        ['summary', 'present', true, 'Summary', 3],
        ['timeline', 'present', true, 'Timeline', 11],
        ['impact', 'stated', true, '"Summary"', 7],
        ['root-cause', 'present', true, 'Contributing Factors', 38],
        ['mitigation', 'stated', true, '"Summary"', 9],
        ['action-items', 'present', true, 'Action Items', 49],
        ['lessons-learned', 'present', false, 'Lessons Learned', 62],
      ],
    );
    const full = statusOf(corpus('real/hachyderm--2022-12-13-root-filesystem-full.md'));
    const summary = full.find((s) => s.kind === 'summary');
    assert.deepEqual([summary?.state, summary?.fromLead, summary?.section], ['present', true, undefined]);
    assert.deepEqual(
      full.filter((s) => s.state === 'stated').map((s) => [s.kind, s.statedIn]),
      [
        ['impact', 'the opening paragraph'],
        ['mitigation', 'the timeline'],
      ],
    );
  });

  it('calls a template of headings only empty and unwritten, and leaves out nothing it has', () => {
    const srebook = statusOf(corpus('templates/dastergon--postmortem-template-srebook.md'));
    assert.ok(srebook.length > 6, 'the other parts the template has follow the required ones');
    assert.deepEqual(
      srebook.filter((s) => s.state !== 'empty' || !s.unwritten).map((s) => s.kind),
      [],
    );
    const azure = statusOf(corpus('templates/dastergon--postmortem-template-azure.md'));
    assert.deepEqual(
      azure.map((s) => [s.kind, s.state, s.section?.heading]),
      [
        ['summary', 'empty', 'Summary of impact'],
        ['timeline', 'missing', undefined],
        ['impact', 'empty', 'Summary of impact'],
        ['root-cause', 'empty', 'Root cause and mitigation'],
        ['mitigation', 'empty', 'Root cause and mitigation'],
        ['action-items', 'empty', 'Next steps'],
      ],
    );
  });

  it('tells a placeholder ("-") from nothing, and an example table row from the template text', () => {
    const dfds = statusOf(corpus('templates/dfds--postmortem-template.md'));
    const of = (kind: string) => dfds.find((s) => s.kind === kind);
    assert.deepEqual([of('summary')?.state, of('summary')?.unwritten], ['empty', true]);
    assert.deepEqual([of('root-cause')?.state, of('root-cause')?.unwritten], ['empty', false]);
    // Its example row ("20xx-MM-DD HH:mm | Short event description") is not text our templates ship: it counts.
    assert.equal(of('timeline')?.state, 'present');
  });

  it("calls the extension's own fresh template still to write, part by part", () => {
    const fresh = statusOf(snippet('Postmortem template'));
    const states = new Map(fresh.filter((s) => s.required).map((s) => [s.kind, s.state]));
    assert.deepEqual(
      [...states.values()].filter((s) => s !== 'template'),
      [],
      JSON.stringify([...states]),
    );
    assert.equal(states.size, 6);
    // Written over, a part is present; the others stay still to write.
    const written = snippet('Postmortem template').replace(
      'For how long (e.g. for 38 minutes), who and how many were affected (users, requests), and what stopped working; revenue, error budget, data.',
      'About 12% of checkouts failed for 38 minutes.',
    );
    assert.notEqual(written, snippet('Postmortem template'), 'the template has the impact guidance');
    const after = statusOf(written);
    assert.equal(after.find((s) => s.kind === 'impact')?.state, 'present');
    assert.equal(after.find((s) => s.kind === 'root-cause')?.state, 'template');
  });

  it('counts a bold label as the part, and one section of two with content as present', () => {
    const labels = statusOf(corpus('../fixtures/structure/required-section/bold-labels.md'));
    assert.deepEqual(
      labels.filter((s) => s.required).map((s) => [s.kind, s.state, s.section?.implicit ?? false]),
      [
        ['summary', 'present', false],
        ['impact', 'present', true],
        ['timeline', 'present', false],
        ['root-cause', 'present', true],
        ['mitigation', 'present', true],
        ['action-items', 'present', false],
      ].sort((a, b) => order(a[0] as string) - order(b[0] as string)),
    );
    const two = statusOf('# Postmortem: x\n\n## Impact\n\nTBD\n\n## Impact on customers\n\nOrders were late.\n');
    const impact = two.find((s) => s.kind === 'impact');
    assert.deepEqual([impact?.state, impact?.section?.heading], ['present', 'Impact on customers']);
  });

  it('calls a nested empty part empty with its parent, and code no content for a prose part', () => {
    const nested = statusOf('# Incident review: x\n\n## Summary\n\n### Impact\n\nTBD\n', configWith(), {
      kinds: ['impact', 'summary'],
    });
    assert.deepEqual(
      nested.map((s) => `${s.kind}:${s.state}`),
      ['impact:empty', 'summary:empty'],
    );
    const code = '# Postmortem: x\n\n## Root cause\n\n```\nOOMKilled\n```\n\n## Timeline\n\n```\n09:00 deploy\n```\n';
    assert.deepEqual(
      statusOf(code, configWith(), { kinds: ['root-cause', 'timeline'] }).map((s) => s.state),
      ['empty', 'present'],
    );
  });

  it("follows the config: its required parts, and structure/empty-section's placeholders when passed", () => {
    const text = '# Postmortem: x\n\nAll writes failed.\n\n## Impact\n\nAwaiting input\n';
    const config = configWith({ sections: { required: ['impact'] } });
    assert.deepEqual(
      statusOf(text, config).map((s) => [s.kind, s.state, s.required]),
      [['impact', 'present', true]],
    );
    assert.deepEqual(
      statusOf(text, config, { placeholders: ['awaiting input'] }).map((s) => s.state),
      ['empty'],
    );
  });

  it('leaves out the sections it is told to skip (the heading being typed)', () => {
    const text = '# Postmortem: x\n\n## Impact\n\nOrders were late.\n';
    const skipped = statusOf(text, configWith(), { kinds: ['impact'], skip: (s) => s.heading === 'Impact' });
    assert.equal(skipped[0].state, 'missing');
  });

  it('agrees with structure/required-section and structure/stated-elsewhere on every corpus file', () => {
    const files = ['real', 'templates'].flatMap((dir) =>
      readdirSync(join(CORPUS, dir))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(dir, f)),
    );
    assert.ok(files.length > 40);
    let missing = 0;
    for (const file of files) {
      const config = configWith();
      const { model, findings } = analyze(corpus(file), config, RULES);
      if (!model) continue;
      const status = sectionStatus(model, config);
      const reported = (ruleId: string) =>
        findings
          .filter((f) => f.ruleId === ruleId)
          .map((f) => f.data?.section)
          .sort();
      const still = status.filter((s) => s.required && (s.state === 'missing' || s.unwritten)).map((s) => s.kind);
      missing += still.length;
      assert.deepEqual(reported('structure/required-section'), still.sort(), file);
      const stated = status.filter((s) => s.required && s.state === 'stated').map((s) => s.kind);
      assert.deepEqual(reported('structure/stated-elsewhere'), stated.sort(), file);
    }
    assert.ok(missing > 10, 'the corpus has missing parts to agree on');
  });
});

function order(kind: string): number {
  return ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'].indexOf(kind);
}
