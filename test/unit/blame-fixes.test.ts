// Quick fixes of the blame rules: disable comments that keep the Markdown structure, config edits for allow
// lists (and their conversion to workspace edits in the language server).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { applyEdits, type Finding } from '../../server/src/core';
import { parseMarkdown } from '../../server/src/core/parse';
import { codeActionsFor, configWorkspaceEdit } from '../../server/src/lsp/code-actions';
import { nodeHost } from '../../server/src/node/host';
import { nodeFiles } from '../../server/src/node/platform';
import { analyzeText } from '../helpers/analyze';

function blameFindings(text: string): Finding[] {
  return analyzeText(text).findings.filter((f) => f.ruleId.startsWith('blame/'));
}

/** Counts of the block structure: what a disable comment must not change. */
function shape(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type !== 'html' && node.type !== 'text') counts[node.type] = (counts[node.type] ?? 0) + 1;
    for (const child of node.children ?? []) walk(child as { type: string });
  };
  walk(parseMarkdown(text) as never);
  return counts;
}

function applyDisable(text: string): string {
  const [finding] = blameFindings(text);
  assert.ok(finding, 'a finding to disable');
  const fix = finding.fixes?.find((f) => f.title.startsWith('Disable'));
  assert.ok(fix, 'a disable fix');
  assert.equal(fix.safe, false);
  return applyEdits(text, fix.edits);
}

describe('disable-for-this-line fix', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a top-level paragraph',
      '# T\n\nThe engineer was careless.\n',
      /^<!-- postmortem-disable-next-line blame\/judgment -->\nThe engineer/m,
    ],
    [
      'a heading',
      '# T\n\n## Root cause: human error\n\nText.\n',
      /^<!-- postmortem-disable-next-line blame\/human-error -->\n## Root cause/m,
    ],
    [
      'a wrapped paragraph line',
      '# T\n\nFirst line of the paragraph\nand the engineer was careless.\n',
      /careless\. <!-- postmortem-disable-line blame\/judgment -->$/m,
    ],
    [
      'a list item',
      '# T\n\n- one\n- The engineer was careless.\n- three\n',
      /^- The engineer was careless\. <!-- postmortem-disable-line blame\/judgment -->$/m,
    ],
    [
      'a block quote',
      '# T\n\n> The engineer was careless.\n> More.\n',
      /careless\. <!-- postmortem-disable-line blame\/judgment -->$/m,
    ],
    [
      'a table row',
      '# T\n\n| When | What |\n| --- | --- |\n| 10:00 | The engineer was careless |\n',
      /\| The engineer was careless <!-- postmortem-disable-line blame\/judgment --> \|$/m,
    ],
    [
      'a line with a hard break',
      '# T\n\nA line  \nthe engineer was careless.\\\nNext.\n',
      /careless\. <!-- postmortem-disable-line blame\/judgment -->\\$/m,
    ],
  ];
  for (const [where, text, expected] of cases) {
    it(`silences the finding in ${where} without changing the structure`, () => {
      const fixed = applyDisable(text);
      assert.match(fixed, expected);
      assert.deepEqual(blameFindings(fixed), []);
      assert.deepEqual(shape(fixed), shape(text));
    });
  }

  it('keeps CRLF line endings and the indentation of the line', () => {
    const fixed = applyDisable('# T\r\n\r\n   The engineer was careless.\r\n');
    assert.match(fixed, /\r\n {3}<!-- postmortem-disable-next-line blame\/judgment -->\r\n {3}The engineer/);
  });
});

describe('allow-list fix', () => {
  it('is a config edit, not a text edit, and never safe', () => {
    const [finding] = blameFindings('# T\n\nThe engineer was careless.\n');
    const allow = finding.fixes?.find((f) => f.config);
    assert.deepEqual(allow?.config, { rule: 'blame/judgment', option: 'allow', value: 'careless' });
    assert.deepEqual(allow?.edits, []);
    assert.equal(allow?.safe, false);
    assert.ok(
      finding.fixes?.every((f) => !f.safe),
      'no blame fix is applied by --fix',
    );
  });
});

describe('configWorkspaceEdit', () => {
  /** The disk's files, with config files read from `files` instead. */
  const filesOf = (files: Record<string, string>) => ({
    ...nodeFiles,
    host: { ...nodeHost, readFile: (p: string) => files[p], exists: () => false },
  });
  const change = { rule: 'blame/judgment', option: 'allow', value: 'careless' };
  const fileUri = (path: string) => URI.file(path).toString();

  it('adds to the nearest .postmortemrc.json, turning a severity into an object', () => {
    const files: Record<string, string> = {
      '/repo/.postmortemrc.json': '{ "rules": { "blame/judgment": "error" } }\n',
    };
    const edit = configWorkspaceEdit(fileUri('/repo/docs/pm.md'), change, filesOf(files));
    const edits = edit?.edit.changes?.[fileUri('/repo/.postmortemrc.json')] as TextEdit[];
    assert.equal(edits.length, 1);
    assert.deepEqual(JSON.parse(edits[0].newText), {
      rules: { 'blame/judgment': { severity: 'error', allow: ['careless'] } },
    });
    assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
    assert.deepEqual(edits[0].range.end, { line: 1, character: 0 });
  });

  it('does not add a value twice, and leaves a broken config file alone', () => {
    const files: Record<string, string> = {
      '/a/.postmortemrc.json': '{ "rules": { "blame/judgment": { "allow": ["Careless"] } } }',
      '/b/.postmortemrc.json': '{ "rules": ',
    };
    const same = configWorkspaceEdit(fileUri('/a/pm.md'), change, filesOf(files));
    const [only] = (same?.edit.changes?.[fileUri('/a/.postmortemrc.json')] ?? []) as TextEdit[];
    assert.deepEqual(JSON.parse(only.newText).rules['blame/judgment'].allow, ['Careless']);
    assert.equal(configWorkspaceEdit(fileUri('/b/pm.md'), change, filesOf(files)), undefined);
  });

  it('edits a YAML config and keeps its comments', () => {
    const files: Record<string, string> = {
      '/repo/.postmortemrc.yaml': '# team config\nrules:\n  blame/judgment: warning\n',
    };
    const edit = configWorkspaceEdit(fileUri('/repo/pm.md'), change, filesOf(files));
    const [yamlEdit] = (edit?.edit.changes?.[fileUri('/repo/.postmortemrc.yaml')] ?? []) as TextEdit[];
    assert.match(yamlEdit.newText, /^# team config/);
    assert.match(yamlEdit.newText, /severity: warning/);
    assert.match(yamlEdit.newText, /allow:\n\s+- careless/);
  });

  it('creates .postmortemrc.json at the project root when there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-config-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'docs', 'incidents'), { recursive: true });
      const edit = configWorkspaceEdit(fileUri(join(root, 'docs', 'incidents', 'pm.md')), change, {
        ...nodeFiles,
        host: { ...nodeHost, readFile: () => undefined },
      });
      assert.equal(edit?.verb, 'creates');
      assert.equal(edit?.fileName, '.postmortemrc.json');
      const [create, text] = edit?.edit.documentChanges ?? [];
      assert.equal((create as CreateFile).kind, 'create');
      assert.equal((create as CreateFile).uri, fileUri(join(root, '.postmortemrc.json')));
      const content = ((text as TextDocumentEdit).edits[0] as TextEdit).newText;
      assert.deepEqual(JSON.parse(content), { rules: { 'blame/judgment': { allow: ['careless'] } } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is offered as a code action on the finding, with the config file as its target', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-actions-'));
    try {
      writeFileSync(join(root, '.postmortemrc.json'), '{}\n');
      const text = '# T\n\nThe engineer was careless.\n';
      const result = analyzeText(text);
      const actions = codeActionsFor(
        fileUri(join(root, 'pm.md')),
        result,
        { start: { line: 2, character: 20 }, end: { line: 2, character: 20 } },
        undefined,
        nodeFiles,
      );
      const allow = actions.find((a) => a.title.startsWith('Allow'));
      assert.ok(allow?.edit?.changes?.[fileUri(join(root, '.postmortemrc.json'))], 'edits the config file');
      assert.ok(!allow?.isPreferred);
      // It names the file it changes, opens it, and comes after every change to the text.
      assert.match(allow?.title ?? '', /\(edits \.postmortemrc\.json\)$/);
      assert.equal(allow?.command?.command, 'postmortem.openFile');
      assert.equal(actions[actions.length - 1], allow);
      assert.ok(actions.some((a) => a.title === 'Disable blame/judgment for this line'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('rewrite fixes come first', () => {
  const named = (text: string) => blameFindings(text).find((f) => f.ruleId === 'blame/named-individual');

  it('replaces a name with a role from a choice of common roles, keeping a possessive', () => {
    const text = '# T\n\n## Timeline\n\n- 14:01 Priyanka pushed a config without the payments block.\n';
    const finding = named(text);
    assert.ok(finding, JSON.stringify(blameFindings(text).map((f) => f.message)));
    const titles = finding.fixes?.map((f) => f.title) ?? [];
    assert.deepEqual(titles.slice(0, 3), [
      'Replace "Priyanka" with "the on-call engineer"',
      'Replace "Priyanka" with "the engineer who deployed the change"',
      'Replace "Priyanka" with "the incident commander"',
    ]);
    assert.match(titles[3], /^Allow "Priyanka"/, 'the allow-list comes after the rewrites');
    const first = finding.fixes?.[0];
    assert.ok(first);
    assert.match(applyEdits(text, first.edits), /14:01 the on-call engineer pushed a config/);
    const possessive = "# T\n\n## Root cause\n\nThe outage was caused by Yasmin's schema migration.\n";
    const pf = named(possessive);
    assert.ok(pf);
    assert.match(applyEdits(possessive, pf.fixes?.[0]?.edits ?? []), /caused by the on-call engineer['’]s schema/);
  });

  it('uses the role the frontmatter participants give', () => {
    const text =
      '---\nparticipants:\n  - name: Dave Smith\n    role: on-call engineer\n---\n\n# T\n\n## Root cause\n\nDave pushed a bad config that took down checkout.\n';
    const finding = named(text);
    assert.ok(finding);
    assert.equal(finding.fixes?.[0]?.title, 'Replace "Dave" with "The on-call engineer"');
    assert.match(applyEdits(text, finding.fixes?.[0]?.edits ?? []), /^The on-call engineer pushed a bad config/m);
  });

  it('rewrites "human error" as a systems-focused phrase', () => {
    const text = '# T\n\n## Root cause\n\nThe outage was caused by human error.\n';
    const finding = blameFindings(text).find((f) => f.ruleId === 'blame/human-error');
    assert.ok(finding);
    const [rewrite] = finding.fixes ?? [];
    assert.match(rewrite.title, /^Rewrite as /);
    assert.match(applyEdits(text, rewrite.edits), /caused by a manual step the process did not guard\./);
  });
});
