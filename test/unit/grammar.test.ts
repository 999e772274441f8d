// The TextMate injection grammars in syntaxes/, checked with vscode-tmgrammar-test against the Markdown grammar
// VS Code uses (from tm-grammars): each syntaxes/tests/*.test.md marks the expected scopes under its lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const cli = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const markdown = join(root, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json');
const testDir = join(root, 'syntaxes', 'tests');

describe('grammar: Markdown injections', () => {
  it('is contributed for Markdown, and every grammar file exists', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const grammars = pkg.contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
    assert.ok(grammars.length >= 2);
    for (const g of grammars) {
      assert.deepEqual(g.injectTo, ['text.html.markdown']);
      const raw = JSON.parse(readFileSync(join(root, g.path), 'utf8'));
      assert.equal(raw.scopeName, g.scopeName, g.path);
      assert.match(raw.injectionSelector, /-markup\.inline\.raw/, 'code spans are left alone');
    }
  });

  for (const file of readdirSync(testDir).filter((f) => f.endsWith('.test.md'))) {
    it(`${file} gets the scopes it asserts`, () => {
      const text = readFileSync(join(testDir, file), 'utf8');
      const assertions = text.split('\n').filter((l) => /^<!--\s*(\^|<~*-)/.test(l)).length;
      assert.ok(assertions >= 8, `${file} asserts something (${assertions} assertions)`);
      assert.ok(!text.split('\n')[0].trimEnd().endsWith('-->'), 'the header must not end with -->');
      assert.ok(existsSync(cli), 'vscode-tmgrammar-test is installed');
      const run = spawnSync(
        process.execPath,
        [cli, '--compact', '-g', markdown, '--config', join(root, 'package.json'), join(testDir, file)],
        { cwd: root, encoding: 'utf8' },
      );
      const report = `${run.stdout}\n${run.stderr}`
        .split('\n')
        .filter((l) => !l.startsWith('grammar not found'))
        .join('\n');
      assert.equal(run.status, 0, report);
      assert.match(run.stdout, /run successfuly|✓/);
    });
  }
});
