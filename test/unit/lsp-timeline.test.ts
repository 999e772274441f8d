// The timeline in the editor, as pure functions over the analysis: the metrics (for the Postmortem view), the code
// lens on the timeline heading, the inlay hints on inferred milestones and the "Mark as …" code actions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getIncidentMetrics } from '../../server/src/core';
import { codeLenses } from '../../server/src/lsp/code-lens';
import { inlayHints } from '../../server/src/lsp/inlay-hints';
import { metricsSentence, summaryMetrics } from '../../server/src/lsp/metrics';
import { MILESTONE_ACTION_KIND, milestoneActions } from '../../server/src/lsp/milestone-actions';
import { analyzeText } from '../helpers/analyze';
import { CHECKOUT_TIMELINE } from '../helpers/checkout-timeline';

const DOC = CHECKOUT_TIMELINE;

const URI = 'file:///pm.md';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
const at = (line: number, character = 3): Range => ({ start: { line, character }, end: { line, character } });
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

function apply(text: string, action: CodeAction | undefined): string {
  const edits = (action?.edit?.changes?.[URI] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `no edit in ${JSON.stringify(action)}`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
}

function actionsAt(text: string, needle: string, options = { disabledSupport: true }) {
  return milestoneActions(URI, analyzeText(text), at(lineOf(text, needle)), options);
}

describe('lsp: timeline metrics', () => {
  const metrics = summaryMetrics(analyzeText(DOC).model as NonNullable<ReturnType<typeof analyzeText>['model']>);

  it('gives the four milestones with their time, how they were found and the entry to reveal', () => {
    assert.deepEqual(
      metrics.milestones.map((m) => [m.kind, m.found, m.source, m.at, m.range?.start.line]),
      [
        ['started', true, 'inferred', '09:12', 7],
        ['detected', true, 'inferred', '09:20', 8],
        ['mitigated', true, 'inferred', '09:41', 10],
        ['resolved', true, 'inferred', '10:30', 11],
      ],
    );
    assert.equal(metrics.milestones[1].how, 'inferred from "alert fires"');
    assert.match(metrics.milestones[1].why ?? '', /"alert fires"/);
  });

  it('gives the four figures in minutes and as text, and one sentence for the code lens', () => {
    assert.deepEqual(
      metrics.figures.map((f) => [f.label, f.minutes, f.text]),
      [
        ['Time to detect', 8, '8 min'],
        ['Time to mitigate', 29, '29 min'],
        ['Time to resolve', 78, '1 h 18 min'],
        ['Duration of impact', 29, '29 min'],
      ],
    );
    assert.equal(metrics.timeToDetectMinutes, 8);
    assert.equal(
      metrics.sentence,
      'Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min',
    );
    assert.deepEqual(metrics.timelineHeading, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.equal(metrics.timedEntries, 6);
  });

  it('says what is missing when there is no start of impact, and the times it has', () => {
    const text =
      '# T\n\n## Timeline\n\n- 09:14 UTC The alert pages the on-call engineer.\n- 09:50 UTC Service restored.\n';
    const m = summaryMetrics(analyzeText(text).model as NonNullable<ReturnType<typeof analyzeText>['model']>);
    assert.equal(
      m.sentence,
      'Start of impact not found · detected at 09:14 · mitigated at 09:50 · resolution not found',
    );
    assert.deepEqual(
      m.figures.map((f) => f.minutes),
      [null, null, null, null],
    );
    assert.deepEqual(
      m.milestones.filter((x) => !x.found).map((x) => x.kind),
      ['started', 'resolved'],
    );
  });

  it('says so when nothing was found, and names a milestone set in the frontmatter', () => {
    const none = metricsSentence(
      ['started', 'detected', 'mitigated', 'resolved'].map((kind) => ({ kind, title: kind, found: false })) as never,
      { timeToDetect: null, timeToMitigate: null, timeToResolve: null, duration: null },
    );
    assert.equal(none, 'No milestones found in the timeline');
    const atOnce = metricsSentence(
      ['started', 'detected', 'mitigated', 'resolved'].map((kind) => ({ kind, title: kind, found: true })) as never,
      { timeToDetect: 0, timeToMitigate: 12, timeToResolve: 30, duration: 12 },
    );
    assert.equal(atOnce, 'Detected at once · mitigated after 12 min · resolved after 30 min · impact 12 min');
    const fm = summaryMetrics(
      analyzeText(`---\ndetected: 2024-05-14T09:30:00Z\n---\n${DOC}`).model as NonNullable<
        ReturnType<typeof analyzeText>['model']
      >,
    );
    const detected = fm.milestones.find((m) => m.kind === 'detected');
    assert.equal(detected?.source, 'frontmatter');
    assert.equal(detected?.how, 'set in the frontmatter (`detected:`)');
  });
});

describe('lsp: code lens and inlay hints', () => {
  it('puts the figures on the timeline heading as a text lens (no command to run)', () => {
    const [lens, ...rest] = codeLenses(analyzeText(DOC), { milestoneLenses: false });
    assert.equal(rest.length, 0);
    assert.deepEqual(lens.range.start, { line: 2, character: 0 });
    assert.equal(
      lens.command?.title,
      'Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min',
    );
    assert.equal(lens.command?.command, '');
    assert.deepEqual(lens.command?.arguments, ['metrics'], 'which metric, for a client that links the lens');
    assert.match(String(lens.command?.tooltip), /Detection: 09:20, inferred from "alert fires"/);
  });

  it('has no lens without a timeline, or without any time in it', () => {
    assert.deepEqual(codeLenses(analyzeText('# T\n\n## Summary\n\nx\n'), { milestoneLenses: true }), []);
    assert.deepEqual(codeLenses(analyzeText('# T\n\n## Timeline\n\nTBD\n'), { milestoneLenses: true }), []);
    assert.deepEqual(codeLenses({ findings: [] }, { milestoneLenses: true }), []);
  });

  it('marks each entry a milestone was inferred from, at the end of its first line', () => {
    const endOf = (line: number) => ({ line, character: DOC.split('\n')[line].length });
    const hints = inlayHints(analyzeText(DOC), WHOLE);
    assert.deepEqual(
      hints.map((h) => [h.label, h.position]),
      [
        ['⟵ start of impact (inferred)', endOf(7)],
        ['⟵ detection (inferred)', endOf(8)],
        ['⟵ mitigation (inferred)', endOf(10)],
        ['⟵ resolution (inferred)', endOf(11)],
      ],
    );
    const tooltip = hints[1].tooltip as { value: string };
    assert.match(tooltip.value, /"alert fires"/);
    assert.match(tooltip.value, /<!-- milestone: detected -->/);
    assert.deepEqual(
      inlayHints(analyzeText(DOC), { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }).map(
        (h) => h.label,
      ),
      ['⟵ detection (inferred)'],
      'only the hints in the range asked for',
    );
  });

  it('joins the milestones of one entry, and gives none for a marked one', () => {
    const text =
      '# T\n\n## Timeline\n\n- 09:00 UTC Errors begin.\n- 09:05 UTC Alert fires.\n- 09:40 UTC Fix deployed; incident resolved.\n';
    assert.deepEqual(
      inlayHints(analyzeText(text), WHOLE).map((h) => h.label),
      ['⟵ start of impact (inferred)', '⟵ detection (inferred)', '⟵ mitigation, resolution (inferred)'],
    );
    const marked = text.replace('Alert fires.', 'Alert fires. <!-- milestone: detected -->');
    assert.ok(!inlayHints(analyzeText(marked), WHOLE).some((h) => h.label === '⟵ detection (inferred)'));
  });

  it('gives the same marks as code lenses to clients without inlay hints', () => {
    const lenses = codeLenses(analyzeText(DOC), { milestoneLenses: true });
    assert.deepEqual(
      lenses.slice(1).map((l) => [l.command?.title, l.range.start.line]),
      [
        ['⟵ start of impact (inferred)', 7],
        ['⟵ detection (inferred)', 8],
        ['⟵ mitigation (inferred)', 10],
        ['⟵ resolution (inferred)', 11],
      ],
    );
  });
});

describe('lsp: "Mark as …" milestone code actions', () => {
  it('offers the four milestones on a timeline entry, nowhere else', () => {
    const actions = actionsAt(DOC, '09:33');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [
        ['Mark as start of impact', MILESTONE_ACTION_KIND],
        ['Mark as detection', MILESTONE_ACTION_KIND],
        ['Mark as mitigation', MILESTONE_ACTION_KIND],
        ['Mark as resolution', MILESTONE_ACTION_KIND],
      ],
    );
    assert.deepEqual(actionsAt(DOC, 'All times'), []);
    assert.deepEqual(actionsAt(DOC, '# Postmortem'), []);
  });

  it('inserts the marker at the end of the entry, and the marker overrides what was inferred', () => {
    const detection = actionsAt(DOC, '09:33').find((a) => a.title === 'Mark as detection');
    const marked = apply(DOC, detection);
    assert.equal(
      marked,
      DOC.replace(
        'identified as the likely trigger.',
        'identified as the likely trigger. <!-- milestone: detected -->',
      ),
    );
    assert.equal(getIncidentMetrics(analyzeText(DOC).model as never).timeToDetectMinutes, 8);
    assert.equal(getIncidentMetrics(analyzeText(marked).model as never).timeToDetectMinutes, 21);
  });

  it('adds to a marker the entry already has, and does not offer what it marks', () => {
    const text = DOC.replace('incident resolved.', 'incident resolved. <!-- milestone: resolved -->');
    const actions = actionsAt(text, '10:30');
    assert.ok(!actions.some((a) => a.title === 'Mark as resolution'));
    const fixed = apply(
      text,
      actions.find((a) => a.title === 'Mark as mitigation'),
    );
    assert.match(fixed, /incident resolved\. <!-- milestone: resolved, mitigated -->\n/);
    const bracket = DOC.replace('09:04 The', '09:04 [milestone: started] The');
    assert.match(
      apply(
        bracket,
        actionsAt(bracket, '09:04').find((a) => a.title === 'Mark as detection'),
      ),
      /09:04 \[milestone: started, detected\] The/,
    );
  });

  it('inserts inside the last cell of a table row, and before a backslash line break', () => {
    const table =
      '# T\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 09:12 | Errors begin |\n| 09:20 | Alert fires |\n';
    const fixed = apply(
      table,
      actionsAt(table, '| 09:20').find((a) => a.title === 'Mark as detection'),
    );
    assert.match(fixed, /\| 09:20 \| Alert fires <!-- milestone: detected --> \|\n/);
    const paragraph = '# T\n\n## Timeline\n\n**09:12 UTC** Errors begin.\\\n**09:20 UTC** Alert fires.\n';
    const broken = apply(
      paragraph,
      actionsAt(paragraph, '**09:12').find((a) => a.title === 'Mark as start of impact'),
    );
    assert.match(broken, /Errors begin\. <!-- milestone: started -->\\\n/);
  });

  it('explains, as a disabled action, when the frontmatter or another marker decides', () => {
    const fm = `---\ndetected: "09:20"\n---\n${DOC}`;
    const fromFrontmatter = actionsAt(fm, '09:33').find((a) => a.title === 'Mark as detection');
    assert.match(String(fromFrontmatter?.disabled?.reason), /`detected:` in the frontmatter/);
    assert.equal(fromFrontmatter?.edit, undefined);
    const marked = DOC.replace('09:04 The', '09:04 <!-- milestone: detected --> The');
    const fromMarker = actionsAt(marked, '09:33').find((a) => a.title === 'Mark as detection');
    assert.match(String(fromMarker?.disabled?.reason), /line 7 is marked as the detection/);
    assert.ok(
      !actionsAt(marked, '09:33', { disabledSupport: false }).some((a) => a.title === 'Mark as detection'),
      'left out for clients that cannot show why',
    );
  });

  it('answers only when the client asks for refactorings (context.only)', () => {
    const analysis = analyzeText(DOC);
    const range = at(lineOf(DOC, '09:33'));
    const only = (kinds: string[]) => milestoneActions(URI, analysis, range, { disabledSupport: true, only: kinds });
    assert.equal(only(['quickfix']).length, 0);
    assert.equal(only(['refactor']).length, 4);
    assert.equal(only(['refactor.rewrite']).length, 4);
    assert.equal(only([MILESTONE_ACTION_KIND]).length, 4);
    assert.deepEqual(milestoneActions(URI, { findings: [] }, range, { disabledSupport: true }), []);
  });

  it('offers, on the "No resolution found" warning, to mark one of the last entries; applying it settles it', () => {
    const text =
      '# Postmortem: x\n\n## Timeline\n\nAll times UTC.\n\n- 09:12 Errors begin for checkout.\n- 09:20 The alert fires and on-call is paged.\n- 09:41 Traffic is moved to the healthy region.\n- 10:30 Checkout is back to normal for every region.\n- 11:00 Status page updated.\n';
    const analysis = analyzeText(text);
    const warning = analysis.findings.find(
      (f) => f.ruleId === 'timeline/missing-milestone' && f.data?.milestone === 'resolved',
    );
    assert.ok(warning, JSON.stringify(analysis.findings.map((f) => [f.ruleId, f.data])));
    const line = (analysis.model?.lines.position(warning.start).line ?? 0) as number;
    const fixes = milestoneActions(URI, analysis, at(line, 0), { disabledSupport: true, only: ['quickfix'] });
    assert.deepEqual(
      fixes.map((a) => a.title),
      [
        'Mark "11:00 Status page updated." as resolution',
        'Mark "10:30 Checkout is back to normal for every…" as resolution',
        'Mark "09:41 Traffic is moved to the healthy region." as resolution',
      ],
    );
    assert.ok(fixes.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0].code === 'timeline/missing-milestone'));
    const fixed = apply(text, fixes[1]);
    assert.match(fixed, /^- 10:30 Checkout is back to normal for every region\. <!-- milestone: resolved -->$/m);
    assert.ok(
      !analyzeText(fixed).findings.some(
        (f) => f.ruleId === 'timeline/missing-milestone' && f.data?.milestone === 'resolved',
      ),
    );
  });
});
