// Every rule's message, as the Problems panel shows it (its headline), says what is wrong in at most 15 words; the
// why and the rewrite are in the hover. Checked on every finding of every rule's fixtures and of the real corpus.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisInput, analyze, buildModel, createHeadingMatcher, type Finding } from '../../server/src/core';
import { incidentRecord, WorkspaceIndex } from '../../server/src/core/learning';
import { headline } from '../../server/src/lsp/diagnostics';
import { RULES } from '../../server/src/rules';
import { configWith } from '../helpers/analyze';

const MAX_WORDS = 15;
const FIXTURES = join(__dirname, '..', 'fixtures');
const REAL = join(__dirname, '..', 'corpus', 'real');

/** Words as a reader counts them: a quotation or a code span ("Root cause", `owner: …`) is one. */
function words(text: string): number {
  return text
    .replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, 'Q')
    .split(/\s+/)
    .filter(Boolean).length;
}

/** The workspace of a learning fixture (`<case>.workspace/`), as fixtures.test.ts builds it. */
function workspaceOf(folder: string, documentId: string): AnalysisInput {
  if (!existsSync(folder)) return {};
  const index = new WorkspaceIndex();
  const matcher = createHeadingMatcher({});
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.md'))) {
    index.set(incidentRecord(buildModel(readFileSync(join(folder, f), 'utf8'), matcher), f));
  }
  return { workspace: index.workspace(), documentId };
}

function fixtureFindings(ruleId: string): Finding[] {
  const dir = join(FIXTURES, ruleId);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
    .flatMap((file) => {
      const name = file.slice(0, -3);
      const configPath = join(dir, `${name}.config.json`);
      const config = configWith({
        timeBudgetMs: 60_000,
        ...(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {}),
      });
      const text = readFileSync(join(dir, file), 'utf8');
      return analyze(text, config, RULES, workspaceOf(join(dir, `${name}.workspace`), file)).findings;
    })
    .filter((f) => f.ruleId === ruleId);
}

const tooLong = (findings: Finding[]) =>
  [...new Set(findings.map((f) => headline(f.message)))]
    .filter((h) => words(h) > MAX_WORDS)
    .map((h) => `${words(h)} words: ${h}`);

describe('diagnostic headlines: at most 15 words for every rule', () => {
  it('counts a quotation or a code span as one word', () => {
    assert.equal(words('Missing required section "Root cause"'), 4);
    assert.equal(words('Add `incident_commander: …` to the frontmatter'), 5);
  });

  for (const rule of RULES) {
    it(`${rule.id}, on its fixtures`, () => {
      const findings = fixtureFindings(rule.id);
      assert.ok(findings.length > 0, 'no finding in the fixtures to check');
      assert.deepEqual(tooLong(findings), []);
    });
  }

  it('every finding on the real corpus', () => {
    const findings = readdirSync(REAL)
      .filter((f) => f.endsWith('.md'))
      .flatMap(
        (f) => analyze(readFileSync(join(REAL, f), 'utf8'), configWith({ timeBudgetMs: 60_000 }), RULES).findings,
      );
    assert.ok(findings.length > 300, `${findings.length} findings`);
    assert.deepEqual(tooLong(findings), []);
  });
});
