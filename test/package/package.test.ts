// The npm package as a user gets it: built and packed (scripts/build-package.mjs --pack), installed globally into a
// temporary prefix with `npm install -g ./the.tgz` (offline: it has no dependencies), then run from there in
// folders that know nothing of this repository.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';

const ROOT = join(__dirname, '../..');
let prefix = '';
let tarball = '';
let bin = '';
let installed = '';
let metafile = '';

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(bin, args, { cwd, input, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-user-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

before(() => {
  prefix = mkdtempSync(join(tmpdir(), 'postmortem-prefix-'));
  metafile = join(prefix, 'meta.json');
  const out = execFileSync(process.execPath, ['scripts/build-package.mjs', '--pack'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, POSTMORTEM_META: metafile },
  });
  tarball = out.trim().split('\n').at(-1) ?? '';
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  bin = join(prefix, 'bin', 'postmortem');
  installed = join(prefix, 'lib', 'node_modules', '@postmortem-lint', 'cli');
});

after(() => rmSync(prefix, { recursive: true, force: true }));

describe('the packed npm package', () => {
  it('holds the bundles, the schema, README and LICENSE, and nothing else, under 2.5 MB unpacked', () => {
    const list = execFileSync('tar', ['tzvf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const files = list.map((l) => l.split(/\s+/).at(-1) ?? '');
    const bytes = list.reduce((n, l) => n + Number(l.split(/\s+/)[2]), 0);
    assert.ok(bytes < 2_500_000, `${bytes} bytes unpacked`);
    for (const f of ['dist/cli.js', 'dist/server.js', 'dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(`package/${f}`), `${f} is packed`);
    }
    assert.ok(files.includes('package/schemas/postmortemrc.schema.json'));
    const strays = files.filter(
      (f) => /\.map$|\.ts$|(^|\/)test\/|corpus|client\//.test(f) && !f.endsWith('index.d.ts'),
    );
    assert.deepEqual(strays, []);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.dependencies, undefined, 'runtime needs are bundled');
  });

  it('runs `postmortem lint` in an empty folder', () => {
    const r = run(['lint'], emptyFolder());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /0 postmortems checked, no problems/);
  });

  it('runs the language server with `postmortem lsp --stdio`', async () => {
    const child = spawn(bin, ['lsp', '--stdio'], { env: { ...process.env, NODE_OPTIONS: '' } });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('"capabilities"')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code} before answering: ${out}`)));
      });
    } finally {
      child.kill();
    }
    assert.match(out, /"textDocumentSync"/);
  });

  it('loads the NLP model only when the blame rules run on prose, and never for --version', () => {
    const dir = emptyFolder();
    // Says on standard error when the model's file is read, in whichever thread analyses (workers inherit -r).
    writeFileSync(
      join(dir, 'probe.cjs'),
      "const fs = require('node:fs'); const read = fs.readFileSync; fs.readFileSync = function (path, ...rest) { if (String(path).endsWith('nlp-model.cjs')) fs.writeSync(2, 'MODEL LOADED\\n'); return read.call(this, path, ...rest); };",
    );
    writeFileSync(
      join(dir, 'a-postmortem.md'),
      MINIMAL_POSTMORTEM.replace('R.', 'The deploy failed because Bob was careless.'),
    );
    const blameOff = ['counterfactual', 'human-error', 'judgment', 'named-individual'].map((n) => `blame/${n}`);
    writeFileSync(
      join(dir, 'no-blame.json'),
      JSON.stringify({ rules: Object.fromEntries(blameOff.map((id) => [id, 'off'])) }),
    );
    const probe = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', join(dir, 'probe.cjs'), join(installed, 'dist/cli.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      return r.stderr.includes('MODEL LOADED') ? 'MODEL LOADED' : 'MODEL NOT LOADED';
    };
    assert.equal(probe(['lint', 'a-postmortem.md']), 'MODEL LOADED');
    assert.equal(probe(['lint', '--config', 'no-blame.json', 'a-postmortem.md']), 'MODEL NOT LOADED');
    assert.equal(probe(['--version']), 'MODEL NOT LOADED');
  });

  it('decompresses its data on the thread pool while it loads, the analysis takes it, and without it finds the same', () => {
    const dir = emptyFolder();
    writeFileSync(
      join(dir, 'a-postmortem.md'),
      MINIMAL_POSTMORTEM.replace('R.', 'The deploy failed because Bob was careless.'),
    );
    // Counts the data files decompressed on the analysis thread, and says at exit which prefetched ones were left.
    writeFileSync(
      join(dir, 'probe.cjs'),
      [
        "const zlib = require('node:zlib'); const sync = zlib.brotliDecompressSync; let onThread = 0;",
        'zlib.brotliDecompressSync = function (...args) { onThread++; return sync.apply(this, args); };',
        "if (process.env.PROBE_FAIL_POOL) zlib.brotliDecompress = (data, options, done) => setImmediate(() => done(new Error('pool off')));",
        "process.on('exit', () => { const left = globalThis[Symbol.for('postmortem.prefetchedData')];",
        "  process.stderr.write('ON THREAD ' + onThread + ' LEFT ' + (left ? [...left.keys()].sort().join(',') : 'none') + '\\n'); });",
      ].join('\n'),
    );
    const probe = (failPool: boolean) => {
      const r = spawnSync(
        process.execPath,
        ['-r', join(dir, 'probe.cjs'), join(installed, 'dist/cli.js'), 'lint', '--format', 'json', 'a-postmortem.md'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', PROBE_FAIL_POOL: failPool ? '1' : '' } },
      );
      const [, onThread, left] = /ON THREAD (\d+) LEFT (\S*)/.exec(r.stderr) ?? [];
      return { code: r.status, stdout: r.stdout, onThread: Number(onThread), left: left?.split(',') ?? [] };
    };
    const ahead = probe(false);
    const onTheSpot = probe(true);
    assert.ok(ahead.stdout.includes('blame/'), ahead.stdout);
    // The model, WordNet's exceptions and the name lists were decompressed ahead and taken, none a second time.
    assert.equal(ahead.onThread, 0);
    assert.ok(!ahead.left.includes('eng-core-web-model.json.br'), ahead.left.join());
    assert.ok(!ahead.left.includes('given-names.json.br'), ahead.left.join());
    // With the pool's decompression failing, every file is decompressed on the spot, with the same findings.
    assert.ok(onTheSpot.onThread >= 5, String(onTheSpot.onThread));
    assert.equal(onTheSpot.code, ahead.code);
    assert.equal(onTheSpot.stdout, ahead.stdout);
  });

  it("loads the report's plotting only for `postmortem report` (not in what lint imports statically)", () => {
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
    };
    const holding = (input: string) => Object.keys(meta.outputs).find((o) => input in meta.outputs[o].inputs);
    const staticClosure = (start: string) => {
      const seen = new Set<string>();
      const visit = (o: string) => {
        if (seen.has(o) || !meta.outputs[o]) return;
        seen.add(o);
        for (const i of meta.outputs[o].imports) if (i.kind === 'import-statement') visit(i.path);
      };
      visit(start);
      return seen;
    };
    const lintClosure = staticClosure(holding('server/src/cli/main.ts') ?? '');
    assert.ok(lintClosure.size > 0);
    assert.ok(!lintClosure.has(holding('server/src/cli/commands/report-plots.ts') ?? ''), 'plots are separate');
    assert.ok(!lintClosure.has(holding('server/src/cli/commands/report-html.ts') ?? ''));
    const entry = staticClosure(Object.keys(meta.outputs).find((o) => o.endsWith('dist/cli.js')) ?? '');
    assert.ok(!entry.has(holding('server/src/cli/main.ts') ?? ''), '--version imports no more than the entry');
  });

  it('prints its version', () => {
    const r = run(['--version'], emptyFolder());
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('finds a missing section and a blaming sentence (the NLP model loads from the package)', () => {
    const dir = emptyFolder();
    const text = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '').replace(
      /## Root cause\n\n.*\n/,
      '## Root cause\n\nBob forgot to renew the certificate, which was careless.\n',
    );
    writeFileSync(join(dir, 'incident-postmortem.md'), text);
    const r = run(['lint', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const [result] = JSON.parse(r.stdout);
    const rules = new Set(result.messages.map((m: { ruleId: string }) => m.ruleId));
    assert.ok(rules.has('structure/required-section'), [...rules].join());
    assert.ok(
      [...rules].some((id) => String(id).startsWith('blame/')),
      [...rules].join(),
    );
  });

  it('lints standard input', () => {
    const r = run(['lint', '--stdin', '--format', 'json'], emptyFolder(), '# Postmortem: X\n\nText.\n');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].filePath.endsWith('stdin.md'), true);
  });

  it("validates config files with its precompiled validator, the RE2 format included, and ajv's compiler left out", () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'a-postmortem.md'), MINIMAL_POSTMORTEM);
    const config = (rules: unknown) => writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ rules }));
    config({ 'blame/judgment': 'loud' });
    let r = run(['lint', 'a-postmortem.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /rules\.blame\/judgment: must be one of "off", "info", "warning", "error"/);
    config({ 'action-items/missing-tracking': { severity: 'info', patterns: ['(?<=x)y'] } });
    r = run(['lint', 'a-postmortem.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /patterns\[0\]: not a regular expression the linter can run \(RE2 syntax/);
    config({ 'action-items/missing-tracking': { severity: 'info', patterns: ['OPS-\\d+'] }, 'blame/judgment': 'off' });
    r = run(['lint', 'a-postmortem.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: Record<string, unknown> };
    assert.ok(!Object.keys(meta.inputs).some((i) => /node_modules\/ajv\/dist\/(compile|core)\.js$/.test(i)));
  });

  it('is importable (ES module and require) with the API it declares', () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'a-postmortem.md'), '# Postmortem: A\n\nText.\n');
    // As a project that depends on the package finds it: by name, through its "exports".
    mkdirSync(join(dir, 'node_modules', '@postmortem-lint'), { recursive: true });
    symlinkSync(installed, join(dir, 'node_modules', '@postmortem-lint', 'cli'), 'dir');
    const script = `
      const api = await import('@postmortem-lint/cli');
      const results = await api.lint({ cwd: ${JSON.stringify(dir)} });
      const viaRequire = require('@postmortem-lint/cli');
      console.log(JSON.stringify({
        keys: Object.keys(api).sort(),
        same: viaRequire.lint === api.lint,
        files: results.length,
        errors: results[0].errorCount,
        stylish: api.format(results, 'stylish', { cwd: ${JSON.stringify(dir)} }).split('\\n')[0],
        config: Object.keys(api.loadConfig(${JSON.stringify(dir)}).rules).length > 5,
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${script}})()`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const got = JSON.parse(out);
    for (const name of ['format', 'formats', 'lint', 'loadConfig', 'version']) assert.ok(got.keys.includes(name), name);
    assert.equal(got.same, true);
    assert.equal(got.files, 1);
    assert.ok(got.errors > 0);
    assert.equal(got.stylish, 'a-postmortem.md');
    assert.equal(got.config, true);
    const types = readFileSync(join(installed, 'dist/index.d.ts'), 'utf8');
    for (const name of ['lint', 'format', 'loadConfig'])
      assert.match(types, new RegExp(`export declare function ${name}\\b`));
  });
});
