import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, type ConfigFs, ConfigLoader } from '../../server/src/core';
import { RULES } from '../../server/src/rules';

/** An in-memory file system: the loader never touches the disk in these tests. */
function memoryFs(files: Record<string, string>): ConfigFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (path) => {
      reads.push(path);
      return files[path];
    },
    dirname: posix.dirname,
    join: posix.join,
  };
}

describe('config loading', () => {
  it('uses the defaults when there is no config file', () => {
    const config = new ConfigLoader(memoryFs({}), RULES).forFile('/repo/postmortems/a.md');
    assert.deepEqual(config.required, ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items']);
    assert.equal(config.rules.get('structure/required-section')?.severity, 'error');
    assert.deepEqual(config.sources, []);
  });

  it('merges config files from the file folder upward, the nearer one winning', () => {
    const fs = memoryFs({
      '/repo/.postmortemrc.json': JSON.stringify({
        rules: { 'structure/empty-section': 'error', 'structure/required-section': 'warning' },
        sections: { synonyms: { timeline: ['sequence'] } },
      }),
      '/repo/postmortems/.postmortemrc.yaml':
        'rules:\n  structure/empty-section: info\nsections:\n  required: [summary, timeline]\n  synonyms:\n    timeline: [minute by minute]\n',
    });
    const config = new ConfigLoader(fs, RULES).forFile('/repo/postmortems/2024/a.md');
    assert.equal(config.rules.get('structure/empty-section')?.severity, 'info');
    assert.equal(config.rules.get('structure/required-section')?.severity, 'warning');
    assert.deepEqual(config.required, ['summary', 'timeline']);
    assert.deepEqual(config.synonyms.timeline, ['sequence', 'minute by minute']);
    assert.deepEqual(config.sources, ['/repo/.postmortemrc.json', '/repo/postmortems/.postmortemrc.yaml']);
  });

  it('stops at a config with root: true', () => {
    const fs = memoryFs({
      '/.postmortemrc.json': JSON.stringify({ rules: { 'structure/empty-section': 'off' } }),
      '/repo/.postmortemrc.json': JSON.stringify({ root: true }),
    });
    const config = new ConfigLoader(fs, RULES).forFile('/repo/a.md');
    assert.equal(config.rules.get('structure/empty-section')?.severity, 'warning');
    assert.deepEqual(config.sources, ['/repo/.postmortemrc.json']);
  });

  it('takes rule options with a severity', () => {
    const fs = memoryFs({
      '/r/.postmortemrc.json': JSON.stringify({
        rules: { 'structure/empty-section': { severity: 'error', placeholders: ['tbc later'] } },
      }),
    });
    const setting = new ConfigLoader(fs, RULES).forFile('/r/a.md').rules.get('structure/empty-section');
    assert.deepEqual(setting, { severity: 'error', options: { placeholders: ['tbc later'] } });
  });

  it('caches per folder until cleared', () => {
    const fs = memoryFs({ '/r/.postmortemrc.json': '{}' });
    const loader = new ConfigLoader(fs, RULES);
    loader.forFile('/r/a.md');
    const reads = fs.reads.length;
    loader.forFile('/r/b.md');
    assert.equal(fs.reads.length, reads);
    loader.clear();
    loader.forFile('/r/b.md');
    assert.ok(fs.reads.length > reads);
  });

  const bad: [string, string, string, RegExp][] = [
    [
      '/r/.postmortemrc.json',
      '{"rules": {"structure/empty-section": "loud"}}',
      'rules.structure/empty-section',
      /must be one of "off", "info", "warning", "error"/,
    ],
    [
      '/r/.postmortemrc.json',
      '{"rules": {"structure/no-such-rule": "error"}}',
      'rules.structure/no-such-rule',
      /unknown key/,
    ],
    [
      '/r/.postmortemrc.yaml',
      'sections:\n  required:\n    - summary\n    - postmortem-poem\n',
      'sections.required[1]',
      /must be one of/,
    ],
    ['/r/.postmortemrc.yaml', 'colour: blue\n', 'colour', /unknown key/],
    ['/r/.postmortemrc.json', '{"rules": {', '', /not valid JSON/],
    ['/r/.postmortemrc.yaml', 'rules: [a\n', '', /not valid YAML/],
    // A "billion laughs" file: refused when its aliases are expanded, not expanded until memory runs out.
    ['/r/.postmortemrc.yaml', aliasBomb(), '', /not usable YAML .*alias/i],
    // Config patterns run on RE2 (linear time), which has no look-around: refused at load, naming the key.
    [
      '/r/.postmortemrc.yaml',
      'rules:\n  action-items/missing-tracking:\n    patterns: ["(?<=x)INC"]\n',
      'rules.action-items/missing-tracking.patterns[0]',
      /RE2 syntax/,
    ],
  ];
  for (const [path, text, key, reason] of bad) {
    it(`rejects ${path.split('/').pop()} ${JSON.stringify(text).slice(0, 50)} naming the file and the key`, () => {
      const loader = new ConfigLoader(memoryFs({ [path]: text }), RULES);
      assert.throws(
        () => loader.forFile('/r/a.md'),
        (e: unknown) => {
          assert.ok(e instanceof ConfigError);
          assert.equal(e.file, path);
          assert.equal(e.key, key);
          assert.match(e.reason, reason);
          assert.ok(e.message.startsWith(path), e.message);
          return true;
        },
      );
    });
  }

  it('gives the line of a bad key in YAML', () => {
    const loader = new ConfigLoader(
      memoryFs({
        '/r/.postmortemrc.yaml':
          'rules:\n  structure/empty-section: warning\n  structure/required-section: sometimes\n',
      }),
      RULES,
    );
    assert.throws(
      () => loader.forFile('/r/a.md'),
      (e: unknown) => e instanceof ConfigError && e.line === 3,
    );
  });
});

/** Nine levels of nine aliases each: 387,420,489 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nfiles: *a8\n`;
}

describe('config: slos', () => {
  it('accepts SLOs by service, merges nearer files over outer ones, and rejects a bad target', () => {
    const fs = memoryFs({
      '/r/.postmortemrc.yaml':
        'slos:\n  "*": { target: 99.5 }\n  checkout: { target: 99.9, window: 30d, sli: availability }\n',
      '/r/team/.postmortemrc.json': JSON.stringify({ slos: { checkout: { target: '99.95%', window: '4w' } } }),
    });
    const config = new ConfigLoader(fs, RULES).forFile('/r/team/a.md');
    assert.deepEqual(config.slos, { '*': { target: 99.5 }, checkout: { target: '99.95%', window: '4w' } });
    const bad = new ConfigLoader(memoryFs({ '/r/.postmortemrc.yaml': 'slos:\n  checkout: { target: 120 }\n' }), RULES);
    assert.throws(
      () => bad.forFile('/r/a.md'),
      (e: unknown) => e instanceof ConfigError && /slos/.test(e.message),
    );
  });
});

describe('config: categories', () => {
  it('takes a taxonomy by name (cue words, or title/keywords/patterns, or false), merged by name', () => {
    const fs = memoryFs({
      '/r/.postmortemrc.yaml':
        'categories:\n  network: [bgp, packet loss]\n  security: false\n  capacity: { title: Capacity, keywords: [quota], patterns: ["\\\\bp9\\\\d latency"] }\n',
      '/r/team/.postmortemrc.json': JSON.stringify({ categories: { network: ['dns'] } }),
    });
    const config = new ConfigLoader(fs, RULES).forFile('/r/team/a.md');
    assert.deepEqual(config.categories, {
      network: ['dns'],
      security: false,
      capacity: { title: 'Capacity', keywords: ['quota'], patterns: ['\\bp9\\d latency'] },
    });
  });
  it('refuses a pattern RE2 cannot run, an empty keyword list and a bad name, naming the key', () => {
    for (const yaml of [
      'categories:\n  network: { patterns: ["(?<=a)b"] }\n',
      'categories:\n  network: []\n',
      'categories:\n  "Bad Name!": [x]\n',
      'categories:\n  network: true\n',
    ]) {
      const bad = new ConfigLoader(memoryFs({ '/r/.postmortemrc.yaml': yaml }), RULES);
      assert.throws(
        () => bad.forFile('/r/a.md'),
        (e: unknown) => e instanceof ConfigError && /categories/.test(e.message),
        yaml,
      );
    }
  });
});
