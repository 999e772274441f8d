// Rule ids live in the rules (server/src/rules): the adapters (the language server, the CLI, the VS Code client)
// act on what a finding says in its data (core/finding-data.ts) or on a rule's metadata, never on its id, so a
// rule can be renamed, split or joined without touching them. This test reads every string and template literal
// of the adapters (comments do not count) and fails on one that names a registered rule.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { findingOf, needsWorkspace } from '../../server/src/core/rule-findings';
import { RULES } from '../../server/src/rules';
import { notAnalysed } from '../../server/src/rules/input/not-analysed';
import { configWith } from '../helpers/analyze';

const ROOT = join(__dirname, '..', '..');
const ADAPTERS = ['server/src/lsp', 'server/src/cli', 'client/src'];

/**
 * The places that still name a rule, each with why. Every entry must still be found as often (a stale one fails),
 * so the list only shrinks. Config keys the user types are ids by design (the starter config of `postmortem
 * init`); the others are in files the service rewrite of issue 10 replaces, and the rule objects with
 * `core/rule-findings.ts` (`findingOf(notAnalysed, …)`, `needsWorkspace(rules, config)`) are what they become.
 */
const ALLOWED: { file: string; id: string; count: number; why: string }[] = [
  ...['metadata/severity-budget-mismatch', 'structure/empty-section', 'blame/judgment', 'learning/repeat-incident'].map(
    (id) => ({
      file: 'server/src/cli/commands/init.ts',
      id,
      count: 1,
      why: 'the .postmortemrc.yaml that `postmortem init` writes names rules in its comments, as the user will type them',
    }),
  ),
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The text of every string and template literal of a source (template parts split at their substitutions). */
function literals(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The registered rule ids a literal names, whole (not inside a longer path or word). */
function namedIds(literal: string, ids: readonly string[]): string[] {
  return ids.filter((id) => {
    for (let at = literal.indexOf(id); at >= 0; at = literal.indexOf(id, at + 1)) {
      const before = literal[at - 1] ?? ' ';
      const after = literal[at + id.length] ?? ' ';
      if (!/[\w/-]/.test(before) && !/[\w/-]/.test(after)) return true;
    }
    return false;
  });
}

describe('rule ids stay in the rules', () => {
  const ids = RULES.map((r) => r.id);

  it('no adapter names a registered rule, except the explained places', () => {
    const found = new Map<string, number>();
    let scanned = 0;
    for (const dir of ADAPTERS) {
      for (const file of files(join(ROOT, dir))) {
        scanned++;
        const path = relative(ROOT, file).split('\\').join('/');
        for (const literal of literals(readFileSync(file, 'utf8'))) {
          for (const id of namedIds(literal, ids)) {
            const key = `${path} ${id}`;
            found.set(key, (found.get(key) ?? 0) + 1);
          }
        }
      }
    }
    assert.ok(scanned > 50, `only ${scanned} files read: the folders moved?`);
    const allowed = new Map(ALLOWED.map((a) => [`${a.file} ${a.id}`, a.count]));
    const unexplained = [...found].filter(([key, n]) => (allowed.get(key) ?? 0) < n).map(([key]) => key);
    assert.deepEqual(unexplained, [], 'use a fact of the finding (core/finding-data.ts) or a rule flag instead');
    const stale = [...allowed].filter(([key, n]) => (found.get(key) ?? 0) < n).map(([key]) => key);
    assert.deepEqual(stale, [], 'these no longer name the rule (or less often): shrink the allow list');
  });

  it('sees ids in strings and templates, not in comments or longer paths', () => {
    const source = [
      "// structure/empty-section in a comment, 'structure/empty-section' quoted in one",
      '/* `blame/judgment` */',
      "const a = f.ruleId === 'structure/required-section';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, on purpose
      'const b = `Disable ${x} blame/judgment for ${y}`;',
      'const c = "see docs/rules/structure/empty-section.md and xblame/judgment";',
    ].join('\n');
    const named = literals(source).flatMap((l) => namedIds(l, ids));
    assert.deepEqual(named, ['structure/required-section', 'blame/judgment']);
  });

  it('gives the hosts what they named the rules for', () => {
    const config = configWith();
    const finding = findingOf(notAnalysed, config, { message: 'Not analysed: x', start: 0, end: 0 });
    assert.deepEqual(
      [finding?.ruleId, finding?.severity, finding?.scope],
      [notAnalysed.id, notAnalysed.defaultSeverity, 'document'],
    );
    const off = configWith({ rules: { [notAnalysed.id]: 'off' } });
    assert.equal(findingOf(notAnalysed, off, { message: 'x', start: 0, end: 0 }), undefined);
    const workspaceRules = RULES.filter((r) => r.workspace).map((r) => r.id);
    assert.ok(workspaceRules.length > 0);
    assert.equal(needsWorkspace(RULES, config), true);
    const withoutThem = configWith({ rules: Object.fromEntries(workspaceRules.map((id) => [id, 'off' as const])) });
    assert.equal(needsWorkspace(RULES, withoutThem), false);
  });
});
