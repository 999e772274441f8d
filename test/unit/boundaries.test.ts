// The analysis (server/src/core and server/src/rules) is what the CLI, the Node server and the browser build share:
// it imports no Node built-in, no LSP or VS Code package and nothing from the adapters. Node's types are kept out
// of it by server/tsconfig.core.json (checked by `tsc -b`); this test checks the imports themselves.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const ANALYSIS = ['server/src/core', 'server/src/rules'];
const IMPORT =
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

function forbidden(specifier: string, from: string): string | undefined {
  const bare = specifier.replace(/^node:/, '').split('/')[0];
  if (specifier.startsWith('node:') || builtinModules.includes(bare)) return 'a Node built-in';
  if (/^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|vscode-uri)(?:\/|$)/.test(specifier))
    return 'an LSP or VS Code package';
  if (specifier.startsWith('.')) {
    const target = relative(join(ROOT, 'server/src'), join(from, '..', specifier)).split(/[\\/]/)[0];
    if (['lsp', 'cli', 'node', 'api.ts', 'api', 'server', 'cli.ts'].includes(target)) return `the ${target} adapter`;
  }
  return undefined;
}

function forbiddenInLsp(specifier: string, from: string): string | undefined {
  const bare = specifier.replace(/^node:/, '').split('/')[0];
  if (specifier.startsWith('node:') || builtinModules.includes(bare)) return 'a Node built-in';
  if (/^vscode-language(?:server|client)\/node(?:\/|$)/.test(specifier)) return "an LSP package's Node entry";
  if (specifier.startsWith('.')) {
    const target = relative(join(ROOT, 'server/src'), join(from, '..', specifier)).split(/[\\/]/)[0];
    if (['cli', 'node', 'api.ts', 'api', 'cli.ts', 'server.ts'].includes(target)) return `the ${target} adapter`;
  }
  return undefined;
}

describe('analysis boundaries', () => {
  it('core and rules import no Node built-in, no LSP or VS Code package, no adapter', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const dir of ANALYSIS) {
      for (const file of files(join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        IMPORT.lastIndex = 0;
        for (let m = IMPORT.exec(text); m !== null; m = IMPORT.exec(text)) {
          const specifier = m[1] ?? m[2] ?? m[3];
          checked++;
          const why = forbidden(specifier, file);
          if (why) problems.push(`${relative(ROOT, file)} imports ${specifier}: ${why}`);
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} imports read: the pattern is broken`);
    assert.deepEqual(problems, []);
  });

  it('lsp/ imports no Node built-in, no Node entry of an LSP package, nothing from node/ or cli/', () => {
    // The browser server (server/src/browser) runs lsp/ in a web worker: what it needs from the host comes through
    // lsp/platform.ts. server/tsconfig.lsp.json type-checks it without Node's types.
    const problems: string[] = [];
    let checked = 0;
    for (const file of files(join(ROOT, 'server/src/lsp'))) {
      const text = readFileSync(file, 'utf8');
      IMPORT.lastIndex = 0;
      for (let m = IMPORT.exec(text); m !== null; m = IMPORT.exec(text)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        checked++;
        const why = forbiddenInLsp(specifier, file);
        if (why) problems.push(`${relative(ROOT, file)} imports ${specifier}: ${why}`);
      }
    }
    assert.ok(checked > 50, `only ${checked} imports read: the pattern is broken`);
    assert.deepEqual(problems, []);
    assert.equal(forbiddenInLsp('node:fs', join(ROOT, 'server/src/lsp/x.ts')), 'a Node built-in');
    assert.equal(
      forbiddenInLsp('vscode-languageserver/node', join(ROOT, 'server/src/lsp/x.ts')),
      "an LSP package's Node entry",
    );
    assert.equal(forbiddenInLsp('../node/host', join(ROOT, 'server/src/lsp/x.ts')), 'the node adapter');
    assert.equal(forbiddenInLsp('vscode-languageserver', join(ROOT, 'server/src/lsp/x.ts')), undefined);
  });

  it('the check would see a Node built-in, an LSP package and an adapter', () => {
    const core = join(ROOT, 'server/src/core/x.ts');
    assert.equal(forbidden('node:fs', core), 'a Node built-in');
    assert.equal(forbidden('path', core), 'a Node built-in');
    assert.equal(forbidden('vscode-languageserver/node', core), 'an LSP or VS Code package');
    assert.equal(forbidden('../lsp/diagnostics', core), 'the lsp adapter');
    assert.equal(forbidden('./model', core), undefined);
    assert.equal(forbidden('mdast-util-to-string', core), undefined);
  });
});
