// The VS Code manifest's Marketplace and settings items, and its localisable strings (package.nls.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '../..');
const MANIFEST_TEXT = readFileSync(join(ROOT, 'package.json'), 'utf8');
const MANIFEST = JSON.parse(MANIFEST_TEXT);
const NLS = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('VS Code manifest', () => {
  it('has what the Marketplace shows: banner, homepage, issues, categories', () => {
    assert.match(MANIFEST.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(MANIFEST.galleryBanner.theme));
    assert.match(MANIFEST.homepage, /^https:\/\/github\.com\//);
    assert.match(MANIFEST.bugs.url, /\/issues$/);
    assert.deepEqual(MANIFEST.categories, ['Linters', 'Snippets']);
  });

  it('scopes per-folder settings to resources, so each folder of a multi-root workspace has its own', () => {
    const props = MANIFEST.contributes.configuration.properties;
    for (const key of ['postmortem.files', 'postmortem.debounceMs', 'postmortem.newPostmortemFolder']) {
      assert.equal(props[key].scope, 'resource', key);
    }
  });

  it('takes every user-facing string from package.nls.json, and every entry there is used', () => {
    const used = [...MANIFEST_TEXT.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 20);
    for (const key of used) assert.equal(typeof NLS[key], 'string', key);
    assert.deepEqual(Object.keys(NLS).sort(), [...new Set(used)].sort());
    for (const command of MANIFEST.contributes.commands) assert.match(command.title, /^%.+%$/, command.command);
    for (const view of Object.values(MANIFEST.contributes.views).flat() as { name: string }[]) {
      assert.match(view.name, /^%.+%$/);
    }
  });

  it("names its strings by keys VS Code replaces (letters, digits, _, . and -: no rule id's /)", () => {
    // VS Code replaces a whole string value matching /^%([\w\d.-]+)%$/; any other %…% would show as it is.
    const refs = [...MANIFEST_TEXT.matchAll(/"(%[^"]*%)"/g)].map((m) => m[1]);
    for (const ref of refs) assert.match(ref, /^%[\w.-]+%$/);
  });

  it('takes the settings descriptions from package.nls.json, with every rule of the postmortem.rules setting', () => {
    const descriptions: [string, unknown][] = [];
    const collect = (props: Record<string, Record<string, unknown>>, prefix: string) => {
      for (const [name, prop] of Object.entries(props)) {
        descriptions.push([`${prefix}${name}`, prop.markdownDescription ?? prop.description]);
        for (const [i, d] of ((prop.enumDescriptions as unknown[] | undefined) ?? []).entries()) {
          descriptions.push([`${prefix}${name} enum ${i}`, d]);
        }
        if (prop.properties) collect(prop.properties as Record<string, Record<string, unknown>>, `${name} › `);
      }
    };
    collect(MANIFEST.contributes.configuration.properties, '');
    assert.ok(descriptions.length > 30);
    for (const [where, text] of descriptions) {
      assert.match(String(text), /^%[\w.-]+%$/, where);
      assert.ok(NLS[String(text).slice(1, -1)]?.trim(), `${where}: ${text} has a string`);
    }
    assert.match(MANIFEST.contributes.configuration.title, /^%.+%$/);
    for (const capability of Object.values(MANIFEST.capabilities) as { description?: string }[]) {
      if (capability.description) assert.match(capability.description, /^%.+%$/);
    }
  });

  it('packs package.nls.json into the VSIX', () => {
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!package\.nls\.json$/m);
  });
});
