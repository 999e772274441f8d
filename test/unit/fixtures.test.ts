// Runs every rule fixture under test/fixtures/<family>/<name>/:
//   <case>.md                the input
//   <case>.expected.json     the rule's expected findings: [{ line, column?, endLine?, endColumn?, message?, data? }]
//                            (message: a substring; data: a subset); [] for a case that must stay clean
//   <case>.config.json       optional .postmortemrc content for this case
//   <case>.fixed.md          optional: the text after applying the rule's safe fixes until none are left
//   <case>.workspace/        optional: the workspace's other postmortems (indexed by file name), for learning/*
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisInput, analyze, applyEdits, buildModel, createHeadingMatcher } from '../../server/src/core';
import { incidentRecord, WorkspaceIndex } from '../../server/src/core/learning';
import { RULES } from '../../server/src/rules';
import { configWith } from '../helpers/analyze';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** The analysis input of a case with a `<case>.workspace/` folder: its postmortems, indexed by file name. */
function workspaceOf(folder: string, documentId: string): AnalysisInput {
  if (!existsSync(folder)) return {};
  const index = new WorkspaceIndex();
  const matcher = createHeadingMatcher({});
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.md'))) {
    index.set(incidentRecord(buildModel(readFileSync(join(folder, f), 'utf8'), matcher), f));
  }
  return { workspace: index.workspace(), documentId };
}

interface Expected {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
  data?: Record<string, unknown>;
}

for (const rule of RULES) {
  const dir = join(FIXTURES, rule.id);
  if (!existsSync(dir)) continue; // the meta-test reports rules without fixtures
  describe(`fixtures of ${rule.id}`, () => {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
      .sort()) {
      const name = file.slice(0, -3);
      it(name, () => {
        const text = readFileSync(join(dir, file), 'utf8');
        const expectedPath = join(dir, `${name}.expected.json`);
        assert.ok(existsSync(expectedPath), `${name}.expected.json is missing`);
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
        const configPath = join(dir, `${name}.config.json`);
        const config = configWith(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {});
        const result = analyze(text, config, RULES, workspaceOf(join(dir, `${name}.workspace`), file));
        const lines = result.model?.lines;
        const actual = result.findings
          .filter((f) => f.ruleId === rule.id)
          .map((f) => {
            const s = lines ? lines.position(f.start) : { line: 0, character: 0 };
            const e = lines ? lines.position(f.end) : { line: 0, character: 0 };
            return {
              line: s.line + 1,
              column: s.character + 1,
              endLine: e.line + 1,
              endColumn: e.character + 1,
              message: f.message,
              data: f.data ?? {},
            };
          });
        assert.equal(
          actual.length,
          expected.length,
          `expected ${expected.length} finding(s), got ${actual.length}:\n${actual.map((a) => `  ${a.line}:${a.column} ${a.message}`).join('\n')}`,
        );
        expected.forEach((exp, i) => {
          const act = actual[i];
          const where = `finding ${i + 1} (${act.line}:${act.column} ${act.message})`;
          assert.equal(act.line, exp.line, `${where}: line`);
          if (exp.column !== undefined) assert.equal(act.column, exp.column, `${where}: column`);
          if (exp.endLine !== undefined) assert.equal(act.endLine, exp.endLine, `${where}: endLine`);
          if (exp.endColumn !== undefined) assert.equal(act.endColumn, exp.endColumn, `${where}: endColumn`);
          if (exp.message !== undefined)
            assert.ok(act.message.includes(exp.message), `${where}: message should include "${exp.message}"`);
          for (const [key, value] of Object.entries(exp.data ?? {}))
            assert.deepEqual(act.data[key], value, `${where}: data.${key}`);
        });
        const fixedPath = join(dir, `${name}.fixed.md`);
        if (existsSync(fixedPath)) {
          let fixed = text;
          for (let pass = 0; pass < 20; pass++) {
            const finding = analyze(fixed, config, RULES).findings.find(
              (f) => f.ruleId === rule.id && f.fixes?.some((x) => x.safe),
            );
            if (!finding) break;
            fixed = applyEdits(fixed, finding.fixes?.find((x) => x.safe)?.edits ?? []);
          }
          assert.equal(
            fixed,
            readFileSync(fixedPath, 'utf8'),
            `${name}: text after fixes differs from ${name}.fixed.md`,
          );
        }
      });
    }
  });
}
