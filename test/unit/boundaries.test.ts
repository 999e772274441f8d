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

/** What client/ may not import: anything of the server but its protocol module. */
function forbiddenInClient(specifier: string, from: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(ROOT, join(from, '..', specifier))
    .split(/[\\/]/)
    .join('/');
  if (!target.startsWith('server/')) return undefined;
  return target === 'server/src/protocol' || target.startsWith('server/src/protocol/')
    ? undefined
    : `${target} (the client imports from the server only server/src/protocol)`;
}

/**
 * What protocol/ may not import: an adapter, or a value from the rest of the server (types are erased), but the
 * host's constants.
 */
function forbiddenInProtocol(specifier: string, statement: string, from: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return /^vscode-languageserver-types$/.test(specifier) && /^\s*(?:import|export) type\b/.test(statement)
      ? undefined
      : 'a package (protocol/ names only types from vscode-languageserver-types)';
  }
  const target = relative(join(ROOT, 'server/src'), join(from, '..', specifier)).split(/[\\/]/);
  if (target[0] === 'protocol') return undefined;
  if (['lsp', 'cli', 'node', 'browser', 'api.ts', 'api', 'server.ts', 'cli.ts'].includes(target[0]))
    return `the ${target[0]} adapter`;
  // core/service/host.ts holds the host's constants (MAX_WORKSPACE_FILES) and imports nothing but a type.
  if (target.join('/') === 'core/service/host') return undefined;
  return /^\s*(?:import|export) type\b/.test(statement) ? undefined : 'a value from the server (types only)';
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

  it('client/ imports from server/ only server/src/protocol', () => {
    // The client shows what the server sends: its one dependency on the server is the shared protocol (method
    // names, command ids, payload types), so no server implementation file ends up in the client's bundles.
    const problems: string[] = [];
    let checked = 0;
    for (const file of files(join(ROOT, 'client/src'))) {
      const text = readFileSync(file, 'utf8');
      IMPORT.lastIndex = 0;
      for (let m = IMPORT.exec(text); m !== null; m = IMPORT.exec(text)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        checked++;
        const why = forbiddenInClient(specifier, file);
        if (why) problems.push(`${relative(ROOT, file)} imports ${specifier}: ${why}`);
      }
    }
    assert.ok(checked > 20, `only ${checked} imports read: the pattern is broken`);
    assert.deepEqual(problems, []);
    const client = join(ROOT, 'client/src/x.ts');
    assert.equal(forbiddenInClient('../../server/src/protocol', client), undefined);
    assert.match(forbiddenInClient('../../server/src/lsp/postmortem-view', client) ?? '', /server\/src\/lsp/);
    assert.match(forbiddenInClient('../../server/src/protocol/../core', client) ?? '', /server\/src\/core/);
  });

  it('protocol/ imports only types from the server, and nothing from an adapter', () => {
    // The client bundles protocol/: a value imported there from the core would bring the core along.
    const problems: string[] = [];
    for (const file of files(join(ROOT, 'server/src/protocol'))) {
      const text = readFileSync(file, 'utf8');
      IMPORT.lastIndex = 0;
      for (let m = IMPORT.exec(text); m !== null; m = IMPORT.exec(text)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        const statement = m[0];
        const why = forbiddenInProtocol(specifier, statement, file);
        if (why) problems.push(`${relative(ROOT, file)} imports ${specifier}: ${why}`);
      }
    }
    assert.deepEqual(problems, []);
    const protocol = join(ROOT, 'server/src/protocol/x.ts');
    assert.equal(forbiddenInProtocol('../core', "import type { X } from '../core'", protocol), undefined);
    assert.ok(forbiddenInProtocol('../core', "import { x } from '../core'", protocol));
    assert.ok(forbiddenInProtocol('../lsp/metrics', "import type { X } from '../lsp/metrics'", protocol));
  });

  it('Luxon is imported only through core/luxon.ts (which fixes its locale)', () => {
    // Without a locale, Luxon asks the system for one on the first date it builds (loading ICU's locale data).
    const importers: string[] = [];
    for (const file of files(join(ROOT, 'server/src'))) {
      const text = readFileSync(file, 'utf8');
      IMPORT.lastIndex = 0;
      for (let m = IMPORT.exec(text); m !== null; m = IMPORT.exec(text)) {
        if ((m[1] ?? m[2] ?? m[3]) === 'luxon') importers.push(relative(ROOT, file));
      }
    }
    assert.deepEqual([...new Set(importers)], ['server/src/core/luxon.ts']);
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
