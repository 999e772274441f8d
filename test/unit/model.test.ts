import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, createHeadingMatcher } from '../../server/src/core';

const build = (text: string) => buildModel(text, createHeadingMatcher());

describe('postmortem model', () => {
  it('takes the first H1 as the title and nests sections by level', () => {
    const m = build(
      '# Postmortem: X\n\nLead.\n\n## Summary\n\nS.\n\n## Lessons learned\n\n### What went well\n\nW.\n\n## Appendix\n',
    );
    assert.equal(m.title?.text, 'Postmortem: X');
    assert.deepEqual(
      m.sections.map((s) => [s.heading, s.level, s.kinds]),
      [
        ['Summary', 2, ['summary']],
        ['Lessons learned', 2, ['lessons-learned']],
        ['Appendix', 2, ['supporting-information']],
      ],
    );
    assert.deepEqual(
      m.sections[1].children.map((c) => c.kinds),
      [['what-went-well']],
    );
    assert.equal(m.sections[1].children[0].parent, m.sections[1]);
    assert.equal(m.headingLevel, 2);
    assert.equal(m.summaryFromLead, false);
  });

  it('computes section ranges: content up to the first subsection, whole section up to the next sibling', () => {
    const text = '# T\n\n## A\n\na\n\n### A1\n\nx\n\n## B\n\nb\n';
    const m = build(text);
    const [a, b] = m.sections;
    assert.equal(text.slice(a.start, a.headingEnd), '## A');
    assert.equal(text.slice(a.headingEnd, a.contentEnd), '\n\na\n\n');
    assert.equal(text.slice(a.start, a.end), '## A\n\na\n\n### A1\n\nx\n\n');
    assert.equal(b.end, text.length);
    // A section without subsections ends its content where it ends, also when a later heading closes it.
    const a1 = a.children[0];
    assert.equal(text.slice(a1.headingEnd, a1.contentEnd), '\n\nx\n\n');
    assert.equal(b.contentEnd, text.length);
  });

  it('reads bold labels that name a part as implicit sections, with their ranges', () => {
    const text = [
      '# Outage',
      '',
      '## Summary',
      '',
      'Intro paragraph.',
      '',
      '**Impact:** a third of page loads failed for 38 minutes.',
      '',
      'More about who was affected.',
      '',
      '**Root Cause**: an expired certificate.',
      '',
      '- **Rotate certificates**: automate it.',
      '',
      '**HTTP response times**',
      '',
      '**Edit**: a later note.',
      '',
      '## Timeline',
      '',
    ].join('\n');
    const m = build(text);
    assert.deepEqual(
      m.implicitSections.map((s) => [s.heading, s.kinds, s.level, s.parent?.heading]),
      [
        ['Impact', ['impact'], 3, 'Summary'],
        ['Root Cause', ['root-cause'], 3, 'Summary'],
      ],
    );
    const [impact, cause] = m.implicitSections;
    assert.equal(text.slice(impact.start, impact.headingEnd), '**Impact:**');
    assert.equal(
      text.slice(impact.start, impact.end),
      '**Impact:** a third of page loads failed for 38 minutes.\n\nMore about who was affected.\n\n',
    );
    assert.equal(text.slice(cause.start, cause.headingEnd), '**Root Cause**:');
    assert.ok(text.slice(cause.start, cause.end).endsWith('**Edit**: a later note.\n\n'));
    // Headings stay headings only.
    assert.deepEqual(
      m.allSections.map((s) => s.heading),
      ['Summary', 'Timeline'],
    );
    // A label on a line of its own, in the lead, sits at the main heading level.
    const lead = build('# Outage\n\n**What happened?**\nThe API was down.\n\n## Timeline\n');
    assert.deepEqual(
      lead.implicitSections.map((s) => [s.heading, s.kinds, s.level, s.parent]),
      [['What happened', ['summary'], 2, undefined]],
    );
  });

  it('reads a field block: bold labels on the lines of one paragraph, each a field up to the next', () => {
    const text = [
      '# Queue backlog',
      '',
      '**Owner**: storage team  ',
      '**Summary**: the export queue stopped draining for two hours.  ',
      '**Impact**: ',
      '',
      '1. 4,000 exports were late.',
      '',
      '**Root cause**: a lock was never released after a failed retry.  ',
      '**Time to recovery**: 2 h  ',
      '**Resolution**: ',
      '',
      '## Timeline',
      '',
    ].join('\n');
    const m = build(text);
    const parts = m.implicitSections.map((s) => [s.heading, s.kinds, text.slice(s.start, s.end).trim()]);
    assert.deepEqual(parts, [
      ['Summary', ['summary'], '**Summary**: the export queue stopped draining for two hours.'],
      ['Impact', ['impact'], '**Impact**: \n\n1. 4,000 exports were late.'],
      ['Root cause', ['root-cause'], '**Root cause**: a lock was never released after a failed retry.'],
      ['Resolution', ['mitigation'], '**Resolution**:'],
    ]);
    // The label is not content: a field with nothing after it is empty, the list after "Impact" is its value.
    const [summary, impact, , resolution] = m.implicitSections;
    assert.deepEqual(
      [summary, impact, resolution].map((s) => s.nodes.map((n) => n.type)),
      [['paragraph'], ['list'], []],
    );
  });

  it('reads a field list (three fields or more) in the lead or under a part, never in a timeline or a guide', () => {
    const text = [
      '# Login errors',
      '',
      '- Date: 2025-03-02',
      '- Status: resolved',
      '- Impact: 12% of logins failed for 40 minutes',
      '- Root causes: a certificate expired on the identity provider',
      '- Trigger: the nightly key rotation',
      '',
      '## Timeline',
      '',
      '- Detection: 10:04 the login alert fires',
      '- Resolution: 10:44 the certificate is replaced',
      '- Impact: 10:00 logins start failing',
      '',
      '## Why we write it this way',
      '',
      '- Impact: say who was affected and for how long.',
      '- Root cause: say why the system allowed it.',
      '- Trigger: say what set it off.',
      '',
    ].join('\n');
    const m = build(text);
    assert.deepEqual(
      m.implicitSections.map((s) => [s.heading, s.kinds, s.parent?.heading, text.slice(s.headingEnd, s.end).trim()]),
      [
        ['Impact', ['impact'], undefined, '12% of logins failed for 40 minutes'],
        ['Root causes', ['root-cause'], undefined, 'a certificate expired on the identity provider'],
        ['Trigger', ['trigger'], undefined, 'the nightly key rotation'],
      ],
    );
    // Two fields are a list, not a field block.
    assert.deepEqual(build('# X\n\n- Impact: none\n- Trigger: a deploy\n- more\n').implicitSections, []);
  });

  it('uses a lead paragraph as the summary only when there is no summary heading', () => {
    assert.equal(build('# Postmortem\n\nWhat happened, briefly.\n\n## Timeline\n').summaryFromLead, true);
    assert.equal(build('# Postmortem\n\n<!-- a comment -->\n\n## Timeline\n').summaryFromLead, false);
    assert.equal(build('# Postmortem\n\nLead.\n\n## Summary\n\nS.\n').summaryFromLead, false);
    assert.equal(build('import X from "y";\n\n# Postmortem\n\n## Timeline\n').summaryFromLead, false);
  });

  it('reads the title from frontmatter when sections are H1s', () => {
    const m = build('---\ntitle: Media outage\n---\n\n# Timeline\n\n- 10:00 x\n\n# Root Cause\n\nY.\n');
    assert.equal(m.title?.text, 'Media outage');
    assert.equal(m.title?.source, 'frontmatter');
    assert.deepEqual(
      m.sections.map((s) => s.kinds[0]),
      ['timeline', 'root-cause'],
    );
    assert.equal(m.headingLevel, 1);
  });

  it('parses YAML and TOML frontmatter with a real parser', () => {
    const yaml = build('---\ntitle: "A: B"\nauthors: [Mei, Omar]\nseverity: SEV2\n---\n# T\n');
    assert.deepEqual(yaml.frontmatter?.data, { title: 'A: B', authors: ['Mei', 'Omar'], severity: 'SEV2' });
    const toml = build('+++\ntitle = "DNS"\n[incident]\nseverity = 1\n+++\n# T\n');
    assert.deepEqual(toml.frontmatter?.data, { title: 'DNS', incident: { severity: 1 } });
    assert.equal(toml.frontmatter?.format, 'toml');
  });

  it('ignores headings in code fences, HTML comments and MDX components', () => {
    const text = [
      '# T',
      '',
      '```',
      '## Timeline',
      '```',
      '',
      '<!--',
      '## Impact',
      '-->',
      '',
      '<Callout type="note">',
      '',
      '## Root cause',
      '',
      '</Callout>',
      '',
      '## Summary',
      '',
      'S.',
    ].join('\n');
    assert.deepEqual(
      build(text).allSections.map((s) => s.heading),
      ['Summary'],
    );
  });

  it('recognises setext headings', () => {
    const m = build('Incident review: X\n==================\n\nTimeline\n--------\n\n- 10:00 a\n');
    assert.equal(m.title?.text, 'Incident review: X');
    assert.deepEqual(m.sections[0].kinds, ['timeline']);
  });

  it('keeps offsets in the text as given, with a BOM and CRLF', () => {
    const text = '\uFEFF---\r\ntitle: X\r\n---\r\n# T\r\n\r\n## Impact\r\n\r\nNone.\r\n';
    const m = build(text);
    assert.equal(m.frontmatter?.data.title, 'X');
    const impact = m.sections[0];
    assert.equal(text.slice(impact.start, impact.headingEnd), '## Impact');
    assert.equal(m.eol, '\r\n');
    assert.deepEqual(m.lines.position(impact.start), { line: 5, character: 0 });
  });

  it('collects HTML comments, inline and block', () => {
    const m = build('# T\n\n<!-- block -->\n\nText <!-- inline --> more.\n\n```\n<!-- not in code -->\n```\n');
    assert.deepEqual(
      m.comments.map((c) => c.text),
      ['block', 'inline'],
    );
  });

  it('reports a frontmatter block that never closes', () => {
    assert.ok(build('---\ntitle: X\n\n# T\n').unclosedFrontmatter);
    assert.equal(build('---\n\nJust a rule.\n').unclosedFrontmatter, undefined);
  });
});
