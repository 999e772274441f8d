// The snippets in snippets/postmortem.code-snippets, expanded as VS Code would (variables resolved, each
// placeholder's default kept, each choice's first option taken) and analysed by the core: every template must
// yield a postmortem whose parts are all "still to write" (template text is not content), and every section
// snippet the section it names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getActionItems, isPostmortem, SECTION_KIND_INFO, type SectionKind } from '../../server/src/core';
import { FRONTMATTER_COMPLETIONS } from '../../server/src/lsp/frontmatter-keys';
import { analyzeText } from '../helpers/analyze';
import { expand } from '../helpers/snippets';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const file = join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets');

/**
 * The New Postmortem command's pure helpers (client/src/templates.ts). Loaded at run time: the test project's
 * tsconfig does not reference the client project, so a static import would not type-check; this shape is checked
 * against the module by the assertions below.
 */
interface TemplatesModule {
  TEMPLATES: readonly { id: string; prefix: string }[];
  slugify(title: string): string;
  postmortemFileName(now: Date, title: string, taken: (name: string) => boolean): string;
  fillTitle(body: string, title: string): string;
  yamlScalar(value: string): string;
}
const { TEMPLATES, slugify, postmortemFileName, fillTitle, yamlScalar } = require(
  join(__dirname, '..', '..', 'client', 'src', 'templates.ts'),
) as TemplatesModule;
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;
const NOW = new Date(Date.UTC(2024, 2, 1, 9, 5));
const templates = Object.entries(snippets).filter(([, s]) => s.prefix.startsWith('postmortem'));

describe('snippets: whole templates', () => {
  it('has the default, Google SRE, PagerDuty and Atlassian templates', () => {
    assert.deepEqual(
      templates.map(([, s]) => s.prefix),
      ['postmortem', 'postmortem-google-sre', 'postmortem-pagerduty', 'postmortem-atlassian'],
    );
  });

  for (const [name, snippet] of templates) {
    it(`"${name}" expands to a postmortem whose parts are all still to write`, () => {
      const text = expand(snippet.body);
      assert.ok(isPostmortem(undefined, text), 'detected as a postmortem wherever it is saved');
      const result = analyzeText(text);
      assert.ok(result.model, 'analysed');
      // An untouched template is not a written postmortem: every required part it has is still to write.
      const toWrite = new Set(
        result.findings
          .filter((f) => f.ruleId === 'structure/empty-section' && f.data?.template === true)
          .flatMap((f) => f.data?.sections as string[]),
      );
      const required = ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'];
      const present = required.filter((k) => result.model?.allSections.some((s) => s.kinds.includes(k as SectionKind)));
      assert.deepEqual(
        present.filter((k) => !toWrite.has(k)),
        [],
        `parts that count as written:\n${text}`,
      );
      const fm = result.model.frontmatter?.data ?? {};
      assert.equal(fm.date, '2024-03-01');
      assert.equal(fm.severity, 'SEV1');
      assert.equal(fm.status, 'draft');
      assert.deepEqual(fm.authors, ['Your name']);
      assert.equal(result.model.title?.text, 'Incident title', 'the H1 mirrors the frontmatter title');
    });

    it(`"${name}" draws only "still to write" notes: a checklist, not a wall of warnings`, () => {
      const result = analyzeText(expand(snippet.body));
      assert.deepEqual(
        result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`),
        [],
      );
      assert.ok(result.findings.length > 0);
      for (const f of result.findings) assert.match(f.message, /^Still to write: /);
      assert.deepEqual(
        getActionItems(result.model ?? assert.fail('no model')),
        [],
        'the example action row is not an action',
      );
    });
  }

  it('the default template has the six required sections and lessons learned, in order', () => {
    const result = analyzeText(expand(snippets['Postmortem template'].body));
    const kinds = result.model?.sections.map((s) => s.kinds[0]);
    assert.deepEqual(kinds, [
      'summary',
      'timeline',
      'impact',
      'root-cause',
      'mitigation',
      'action-items',
      'lessons-learned',
    ]);
  });

  it('offers severity and status choices the frontmatter schema accepts (and the server completes)', () => {
    const choices = (key: string) => {
      const body = snippets['Postmortem template'].body.join('\n');
      const m = new RegExp(`^${key}: \\$\\{\\d+\\|([^|]*)\\|\\}$`, 'm').exec(body);
      return m?.[1].split(',');
    };
    for (const key of ['severity', 'status']) {
      const server = FRONTMATTER_COMPLETIONS.find((k) => k.key === key)?.values ?? [];
      const offered = choices(key) ?? [];
      assert.ok(offered.length >= 3, key);
      for (const value of offered) assert.ok(server.includes(value), `${key}: ${value} is not in the schema`);
      for (const [name, s] of templates) assert.ok(s.body.join('\n').includes(`${key}: \${`), `${name} has ${key}`);
    }
  });
});

describe('snippets: sections, timeline entries, action items', () => {
  const doc = (body: string) => `# Postmortem: test\n\n${body}`;

  for (const [name, snippet] of Object.entries(snippets).filter(([, s]) => s.prefix.startsWith('pm-'))) {
    const kind = snippet.prefix.slice(3) as SectionKind;
    if (!(kind in SECTION_KIND_INFO)) continue;
    it(`"${name}" inserts a ${SECTION_KIND_INFO[kind].title} section, still to write until its text is replaced`, () => {
      const result = analyzeText(doc(expand(snippet.body)));
      const section = result.model?.allSections.find((s) => s.kinds.includes(kind));
      assert.ok(section, `no ${kind} section`);
      const empty = result.findings.filter((f) => f.ruleId === 'structure/empty-section');
      assert.ok(empty.length > 0 && empty.every((f) => f.severity === 'info' && f.data?.template === true));
    });
  }

  it('has a section snippet for every required section', () => {
    const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
    for (const kind of ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'])
      assert.ok(prefixes.has(`pm-${kind}`), kind);
  });

  it('stamps a timeline entry with the current date, time and UTC offset', () => {
    assert.equal(
      expand(snippets['Timeline entry'].body),
      `- 2024-03-01 09:05 UTC+00:00: What happened, and who or what noticed.`,
    );
    assert.equal(NOW.getUTCMinutes(), 5);
  });

  it('makes an action-item row with owner, ticket and a prevent / detect / mitigate type', () => {
    const body = snippets['Action item row'].body.join('\n');
    assert.match(body, /\$\{2\|prevent,detect,mitigate\|\}/);
    const text = doc(
      `## Action items\n\n| Action | Type | Owner | Ticket | Due |\n| --- | --- | --- | --- | --- |\n${expand(snippets['Action item row'].body)}\n`,
    );
    const result = analyzeText(text);
    const section = result.model?.allSections.find((s) => s.kinds.includes('action-items'));
    const table = section?.nodes.find((n) => n.type === 'table');
    assert.ok(table && table.type === 'table' && table.children.length === 2, 'one body row');
    assert.equal(table.children[1].children.length, 5, 'five cells');
  });
});

describe('New Postmortem: file name and title', () => {
  it('slugs a title into a file name with the local date, and numbers a name already taken', () => {
    assert.equal(slugify('Database outage: EU (primary)'), 'database-outage-eu-primary');
    assert.equal(slugify('Ünïcödé — façade'), 'unicode-facade');
    assert.equal(slugify('!!!'), 'postmortem');
    assert.ok(slugify('x'.repeat(100)).length <= 60);
    const when = new Date(2024, 2, 1, 23, 59);
    assert.equal(
      postmortemFileName(when, 'DB outage', () => false),
      '2024-03-01-db-outage.md',
    );
    const taken = new Set(['2024-03-01-db-outage.md', '2024-03-01-db-outage-2.md']);
    assert.equal(
      postmortemFileName(when, 'DB outage', (n) => taken.has(n)),
      '2024-03-01-db-outage-3.md',
    );
  });

  it('fills the title into a template: a YAML-safe frontmatter value and the heading, first tab stop gone', () => {
    const body = snippets['Postmortem template'].body.join('\n');
    const filled = fillTitle(body, 'Checkout: 50% errors $5 {x}');
    const text = expand(filled.split('\n'));
    assert.match(text, /^title: "Checkout: 50% errors \$5 \{x\}"$/m);
    assert.match(text, /^# Checkout: 50% errors \$5 \{x\}$/m);
    assert.doesNotMatch(filled, /\$\{1[:|]|\$1(?!\d)/, 'no tab stop 1 is left, so the cursor starts on the severity');
    const result = analyzeText(text);
    assert.equal(result.model?.frontmatter?.data.title, 'Checkout: 50% errors $5 {x}');
    assert.equal(result.model?.title?.text, 'Checkout: 50% errors $5 {x}');
  });

  it('keeps a plain title plain and quotes what YAML would misread', () => {
    assert.equal(yamlScalar('Database outage'), 'Database outage');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('2024'), '"2024"');
    assert.equal(yamlScalar('#1 incident'), '"#1 incident"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
  });

  it('knows every template the snippets file has', () => {
    assert.deepEqual(
      TEMPLATES.map((t) => t.prefix),
      templates.map(([, s]) => s.prefix),
    );
  });
});
