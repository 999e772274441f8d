// `npm run package` makes the VSIX: minified bundles, no node_modules, at most 2 MB, and every file the manifest
// points at. Packaged in a scratch copy of the repository (sources linked, not copied) so that the dist/ the other
// tests use is never rewritten under them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { tempTree } from '../helpers/tmp';

const root = join(__dirname, '..', '..');
const MAX_BYTES = 2 * 1024 * 1024;

interface Entry {
  name: string;
  size: number;
  read(): Buffer;
}

/** The entries of a zip file, from its central directory (enough for a VSIX: stored or deflated entries). */
function readZip(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const read = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? data : inflateRawSync(data);
    };
    entries.push({ name, size, read });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('VSIX package', () => {
  let vsix: Buffer;
  let entries: Entry[];
  const names = () => entries.map((e) => e.name);

  before(() => {
    const scratch = tempTree({});
    for (const dir of ['client', 'server', 'scripts', 'node_modules']) symlinkSync(join(root, dir), join(scratch, dir));
    for (const dir of ['snippets', 'syntaxes', 'schemas', 'images', 'media'])
      cpSync(join(root, dir), join(scratch, dir), { recursive: true });
    cpSync(join(root, 'docs'), join(scratch, 'docs'), { recursive: true });
    for (const file of [
      'package.json',
      'package.nls.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      '.vscodeignore',
      'tsconfig.base.json',
    ])
      copyFileSync(join(root, file), join(scratch, file));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', '--silent', 'package', '--', '--out', 'postmortem.vsix'], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    const file = join(scratch, 'postmortem.vsix');
    assert.ok(existsSync(file), run.stdout);
    vsix = readFileSync(file);
    entries = readZip(vsix);
  });

  it('is at most 2 MB', (t) => {
    assert.ok(vsix.length <= MAX_BYTES, `${(vsix.length / 1024 / 1024).toFixed(2)} MB`);
    t.diagnostic(`VSIX: ${(vsix.length / 1024).toFixed(0)} KB, ${entries.length} files`);
  });

  it('holds the bundles and no node_modules, sources, source maps, tests or CLI', () => {
    const files = names();
    assert.ok(files.includes('extension/dist/extension.js'));
    assert.ok(files.includes('extension/dist/server.js'));
    // The web extension (package.json's `browser`) and the analysis both servers load: one copy of the NLP model.
    assert.ok(files.includes('extension/dist/web/extension.js'));
    assert.ok(files.includes('extension/dist/web/server.js'));
    assert.ok(files.includes('extension/dist/analysis.js'));
    for (const f of files) {
      assert.doesNotMatch(f, /node_modules|\.map$|\.ts$|^extension\/(test|client|server|scripts)\//, f);
    }
    assert.ok(!files.includes('extension/dist/cli.js'), 'the CLI ships through npm, not in the VSIX');
  });

  it('holds minified bundles', () => {
    const extension = entries.find((e) => e.name === 'extension/dist/extension.js');
    assert.ok(extension && extension.size < 700_000, `extension.js is ${extension?.size} bytes`);
    assert.ok(extension.read().toString('utf8').split('\n').length < 50, 'one long line per module: minified');
  });

  it('holds every file the manifest names', () => {
    const packed = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')
        ?.read()
        .toString('utf8') ?? '{}',
    );
    const c = packed.contributes;
    const referenced = [
      packed.main,
      packed.browser,
      packed.icon,
      ...(c.snippets ?? []).map((s: { path: string }) => s.path),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.jsonValidation.map((v: { url: string }) => v.url),
      ...c.yamlValidation.map((v: { url: string }) => v.url),
      ...c.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) =>
        w.steps.map((s) => s.media.markdown),
      ),
      'docs/blameless-writing.md',
      'CHANGELOG.md',
      'README.md',
    ];
    for (const path of referenced) {
      // vsce stores README.md and CHANGELOG.md in lower case.
      const name = `extension/${path.replace(/^\.\//, '')}`.toLowerCase();
      assert.ok(
        names().some((n) => n.toLowerCase() === name),
        `${name} is missing; the VSIX has ${names().join(', ')}`,
      );
    }
    assert.ok(
      names().some((n) => /^extension\/LICENSE(\.txt)?$/.test(n)),
      'the licence',
    );
  });

  it('declares what works in untrusted and virtual workspaces', () => {
    const packed = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')
        ?.read()
        .toString('utf8') ?? '{}',
    );
    // The descriptions are %key% references into the packed package.nls.json (l10n-ready).
    const nls = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.nls.json')
        ?.read()
        .toString('utf8') ?? '{}',
    ) as Record<string, string>;
    const text = (value: string) => (/^%[\w.-]+%$/.test(value) ? nls[value.slice(1, -1)] : value) ?? '';
    // Config patterns are ignored in Restricted Mode (issue 12).
    assert.equal(packed.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(text(packed.capabilities.untrustedWorkspaces.description), /Restricted Mode/);
    assert.equal(packed.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(text(packed.capabilities.virtualWorkspaces.description).length > 20);
  });
});
