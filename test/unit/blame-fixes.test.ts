// Quick fixes of the blame rules: disable comments that keep the Markdown structure, config edits for allow
// lists (and their conversion to workspace edits in the language server).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('rewrites for judgment and hindsight', () => {
  /** The first fix of the finding of `ruleId` in `text`, applied; and the blame findings left in the result. */
  const rewrite = (text: string, ruleId: string) => {
    const finding = blameFindings(text).find((f) => f.ruleId === ruleId);
    assert.ok(finding, `no ${ruleId} finding in: ${text}`);
    const [first, ...rest] = finding.fixes ?? [];
    assert.ok(first && !first.config && !first.title.startsWith('Disable'), `no rewrite: ${first?.title}`);
    assert.equal(first.safe, false, 'never applied by --fix');
    assert.equal(first.edits.length, 1);
    // Rewrites first, then the allow-list, then the disable comment.
    const kinds = rest.map((f) => (f.config ? 'allow' : f.title.startsWith('Disable') ? 'disable' : 'rewrite'));
    assert.deepEqual(kinds.slice(-2), ['allow', 'disable']);
    const fixed = applyEdits(text, first.edits);
    return { title: first.title, fixed, left: blameFindings(fixed).filter((f) => f.ruleId === ruleId) };
  };
  const doc = (sentence: string) => `# T\n\n## Root cause\n\n${sentence}\n`;

  const cases: [string, string, string, string][] = [
    // [rule, sentence, text after the rewrite, title]
    [
      'judgment',
      'The engineer made a careless change to the config.',
      'The engineer made a change to the config.',
      'Remove "careless"',
    ],
    ['judgment', 'Sloppy review let the bug through.', 'Review let the bug through.', 'Remove "Sloppy"'],
    ['judgment', 'The engineer made a careless update.', 'The engineer made an update.', 'Remove "careless"'],
    ['judgment', 'The engineer made an incompetent change.', 'The engineer made a change.', 'Remove "incompetent"'],
    [
      'judgment',
      'The engineer carelessly pushed the config.',
      'The engineer pushed the config.',
      'Remove "carelessly"',
    ],
    ['counterfactual', 'Obviously, the flag was wrong.', 'The flag was wrong.', 'Remove "Obviously"'],
    ['counterfactual', 'The flag was, obviously, wrong.', 'The flag was wrong.', 'Remove "obviously"'],
    ['counterfactual', 'The deploy was wrong, obviously.', 'The deploy was wrong.', 'Remove "obviously"'],
    [
      'counterfactual',
      'Clearly the schema needed to be registered first.',
      'The schema needed to be registered first.',
      'Remove "Clearly"',
    ],
    [
      'counterfactual',
      'The on-call just had to restart the pod.',
      'The on-call had to restart the pod.',
      'Remove "just"',
    ],
    [
      'counterfactual',
      'All it took was one typo in the config.',
      'It took one typo in the config.',
      'Rewrite as "It took"',
    ],
    [
      'counterfactual',
      'We should have caught this in review.',
      'Review did not catch this.',
      'Rewrite as "Review did not catch this"',
    ],
    [
      'counterfactual',
      'The outage should have been caught in testing.',
      'Testing did not catch the outage.',
      'Rewrite as "Testing did not catch the outage"',
    ],
    [
      'counterfactual',
      'The flags should have been reviewed by the team lead.',
      'The flags were not reviewed by the team lead.',
      'Rewrite as "were not reviewed"',
    ],
    [
      'counterfactual',
      'If only the on-call had rolled back sooner.',
      'What made it hard at the time for the on-call to roll back sooner?',
      'Rewrite as "What made it hard at the time for the on-call to roll bac…"',
    ],
    [
      'counterfactual',
      'If only we had not deployed on a Friday.',
      'What made it reasonable at the time for us to deploy on a Friday?',
      'Rewrite as "What made it reasonable at the time for us to deploy on a…"',
    ],
    [
      'counterfactual',
      "Why didn't they check the dashboard?",
      'What made it hard at the time for them to check the dashboard?',
      'Rewrite as "What made it hard at the time for them to check the dashb…"',
    ],
    [
      'counterfactual',
      'Why did the on-call engineer not page the database team?',
      'What made it hard at the time for the on-call engineer to page the database team?',
      'Rewrite as "What made it hard at the time for the on-call engineer to…"',
    ],
    [
      'counterfactual',
      'How did nobody notice the disk filling up?',
      'What made it hard at the time to notice the disk filling up?',
      'Rewrite as "What made it hard at the time to notice the disk filling up?"',
    ],
  ];
  for (const [rule, sentence, expected, title] of cases) {
    it(`rewrites "${sentence}"`, () => {
      const result = rewrite(doc(sentence), `blame/${rule}`);
      assert.equal(result.fixed, doc(expected));
      assert.equal(result.title, title);
      assert.deepEqual(result.left, [], 'the rewrite is not flagged again');
    });
  }

  it('comes first among the code actions, preferred; the allow-list comes last, naming its file', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-rewrite-'));
    try {
      writeFileSync(join(root, '.postmortemrc.json'), '{}\n');
      const text = doc('The engineer made a careless change to the config.');
      const actions = codeActionsFor(
        URI.file(join(root, 'pm.md')).toString(),
        analyzeText(text),
        { start: { line: 4, character: 22 }, end: { line: 4, character: 22 } },
        undefined,
        nodeFiles,
      );
      assert.deepEqual(
        actions.map((a) => a.title),
        [
          'Remove "careless"',
          'Disable blame/judgment for this line',
          'Allow "careless" for blame/judgment (edits .postmortemrc.json)',
        ],
      );
      assert.equal(actions[0].isPreferred, true);
      const [edit] = (actions[0].edit?.changes?.[URI.file(join(root, 'pm.md')).toString()] ?? []) as TextEdit[];
      assert.deepEqual(edit, {
        range: { start: { line: 4, character: 20 }, end: { line: 4, character: 29 } },
        newText: '',
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps a list item, emphasis and CRLF line endings around the rewritten words', () => {
    const text =
      '# T\r\n\r\n## Root cause\r\n\r\n- The engineer made a **careless** change.\r\n- **Obviously, the flag was wrong.**\r\n';
    const [judgment, hindsight] = blameFindings(text);
    assert.ok(judgment && hindsight);
    // Markup inside the words to replace: no rewrite (the span cannot be computed exactly), the allow-list first.
    assert.ok(judgment.fixes?.[0]?.config, judgment.fixes?.[0]?.title);
    const fixed = applyEdits(text, hindsight.fixes?.[0]?.edits ?? []);
    assert.equal(
      fixed,
      '# T\r\n\r\n## Root cause\r\n\r\n- The engineer made a **careless** change.\r\n- **The flag was wrong.**\r\n',
    );
  });

  it('offers no rewrite where dropping or rewording would change the sentence', () => {
    for (const [rule, sentence] of [
      ['counterfactual', "Why didn't the team lead roll back the deploy?"],
      ['judgment', 'The engineer was careless.'],
      ['judgment', 'A sloppy, rushed review let it through.'],
      ['judgment', 'It was an obviously careless change.'],
      ['counterfactual', 'The team had every opportunity to halt the rollout.'],
      ['counterfactual', 'In hindsight, the decision to deploy on Friday was wrong.'],
    ]) {
      const finding = blameFindings(doc(sentence)).find((f) => f.ruleId === `blame/${rule}`);
      assert.ok(finding, sentence);
      assert.ok(finding.fixes?.[0]?.config, `${sentence}: ${finding.fixes?.[0]?.title}`);
    }
  });
});

describe('rewrites on real postmortems (test/corpus/real)', () => {
  const real = (file: string) => readFileSync(join(__dirname, '..', 'corpus', 'real', file), 'utf8');
  /** The line holding `words` after the first fix of the finding on those words. */
  const lineAfterFix = (file: string, words: string) => {
    const text = real(file);
    const finding = blameFindings(text).find((f) => text.slice(f.start, f.end) === words);
    assert.ok(finding, `${file}: no finding on "${words}"`);
    const first = finding.fixes?.[0];
    assert.ok(first, 'a fix');
    const fixed = applyEdits(text, first.edits);
    const lineStart = text.lastIndexOf('\n', finding.start) + 1;
    const after = fixed.slice(lineStart, fixed.indexOf('\n', lineStart));
    // Nothing but the line changed.
    assert.equal(fixed.slice(0, lineStart), text.slice(0, lineStart));
    assert.equal(fixed.slice(lineStart + after.length), text.slice(text.indexOf('\n', lineStart)));
    return { title: first.title, after, config: first.config };
  };

  it('"This should have been caught in review." (Kubernetes test-infra)', () => {
    const { after } = lineAfterFix('k8s-test-infra--2019-01-23-prow.md', 'should have been caught');
    assert.equal(after, 'Review did not catch this.');
  });

  it('"an issue which should have been addressed before…" (DFDS)', () => {
    const { after, title } = lineAfterFix('dfds--pm2019-009-k8s-ip-starvation.md', 'should have been addressed');
    assert.equal(title, 'Rewrite as "was not addressed"');
    assert.equal(
      after,
      'This let to an issue which was not addressed before it created any impact become a pressing concern.',
    );
  });

  it('"with reckless working habits" (Hachyderm)', () => {
    const { after } = lineAfterFix('hachyderm--2022-12-18-unexpected-growth-and-unknown-media-caching.md', 'reckless');
    assert.match(after, /mutating production with working habits/);
  });

  it('"Why did the developer forget to check …?" inside bold text (Rust crates.io)', () => {
    const { after } = lineAfterFix('rust--2023-07-20-crates-io-broken-downloads-postmortem.md', 'Why did');
    assert.equal(
      after.trim(),
      '**What made it hard at the time for the developer to remember to check if a high-priority endpoint is affected?**',
    );
  });

  it('no rewrite for "ought not to have refactored", "be more careful" or "an act of laziness"', () => {
    for (const [file, words] of [
      ['k8s-test-infra--2019-02-08-prow.md', 'ought not to have'],
      ['dfds--pm2025-002-traefik-rule.md', 'be more careful'],
      ['pypi--2024-07-08-leaked-admin-pat.md', 'laziness'],
    ]) {
      assert.ok(lineAfterFix(file, words).config, `${file}: the allow-list comes first`);
    }
  });
});
