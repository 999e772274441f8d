// Bad input gets a clear finding or is skipped with a message: never an exception, a hang or lost text.
// The per-test timeouts guard against hangs; speed itself is measured in `npm run bench`, not here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, decodeBytes, encodeText } from '../../server/src/core';
import { analyzeText } from '../helpers/analyze';

const rules = (text: string, config = {}) => analyzeText(text, config).findings.map((f) => f.ruleId);

describe('bad input', () => {
  it('an empty file reports the missing sections on line 1', () => {
    const { findings, model } = analyzeText('');
    assert.ok(model);
    assert.equal(findings.filter((f) => f.ruleId === 'structure/required-section').length, 6);
    assert.ok(findings.every((f) => f.start === 0));
  });

  it('a file with only frontmatter is analysed, and the fix inserts after it', () => {
    const text = '---\ntitle: Only frontmatter\n---\n';
    const { findings } = analyzeText(text);
    const fix = findings.find((f) => f.data?.section === 'timeline')?.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.startsWith(text), 'the frontmatter is kept as it was');
    assert.match(fixed, /\n## Timeline\n/);
  });

  it('malformed YAML and TOML become findings, not exceptions', () => {
    assert.ok(rules('---\ntitle: [unclosed\n---\n# T\n').includes('metadata/frontmatter-syntax'));
    assert.ok(rules('---\n\tbad: tab indent\n  - x\n---\n# T\n').includes('metadata/frontmatter-syntax'));
    assert.ok(rules('+++\ntitle = \n+++\n# T\n').includes('metadata/frontmatter-syntax'));
    assert.ok(rules('---\na: &x [*x]\nb: *x\n---\n# T\n').length > 0);
  });

  it('YAML alias bombs are bounded', { timeout: 20_000 }, () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      );
    const found = rules(`---\n${bomb.join('\n')}\n---\n# T\n`);
    assert.ok(found.includes('metadata/frontmatter-syntax'));
  });

  it('a document without text (a client sending "text": null) is not analysed, and nothing throws', () => {
    for (const text of [null, undefined, 42]) {
      const { findings, model } = analyzeText(text as unknown as string);
      assert.equal(model, undefined);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.data?.reason]),
        [['input/not-analysed', 'no-text']],
      );
    }
  });

  it('frontmatter findings stay inside the text with CR-only line endings', () => {
    for (const text of ['---\rtitle: [unclosed\r---\r# T\r', '---\r\ntitle: x\r\nbogus key\r\n---\r\n# T\r\n']) {
      const { findings } = analyzeText(text);
      assert.ok(findings.length > 0);
      for (const f of findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, f.message);
    }
  });

  it('a config pattern that backtracks exponentially runs in linear time (RE2)', { timeout: 20_000 }, () => {
    const config = { rules: { 'action-items/missing-tracking': { severity: 'warning', patterns: ['(a+)+b'] } } };
    const text = `# Postmortem\n\n## Action items\n\n- ${'a'.repeat(5000)} (owner: @sam)\n- ab is tracked (owner: @sam)\n`;
    const found = analyzeText(text, config as never).findings.filter(
      (f) => f.ruleId === 'action-items/missing-tracking',
    );
    assert.equal(found.length, 1, 'the pattern still matches "ab"');
  });

  it('binary content is not analysed, with a clear reason', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const decoded = decodeBytes(bytes);
    assert.equal(decoded.ok, false);
    assert.match(decoded.ok ? '' : decoded.message, /binary/);
    const { findings, model } = analyzeText('PNG\u0000\u0000IHDR');
    assert.equal(model, undefined);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.data?.reason]),
      [['input/not-analysed', 'binary']],
    );
  });

  it('a 10 MB file is skipped by default; a 3 MB one is analysed when the limit allows it', {
    timeout: 120_000,
  }, () => {
    const block = `## Timeline\n\n${'- 10:00 UTC something happened, and then something else happened\n'.repeat(200)}`;
    const text = `# Postmortem: huge\n\n${block.repeat(Math.ceil(10_000_000 / block.length))}`;
    assert.ok(text.length >= 10_000_000);
    const skipped = analyzeText(text);
    assert.deepEqual(
      skipped.findings.map((f) => f.data?.reason),
      ['too-large'],
    );
    assert.match(skipped.findings[0].message, /over the 2\.0 MB limit/);
    const analysed = analyzeText(text.slice(0, 3_000_000), { maxFileSize: 20_000_000 });
    assert.ok(analysed.model);
    assert.ok(analysed.model.allSections.length > 100);
  });

  it('decodes UTF-8 with a BOM and UTF-16, and rejects other encodings clearly', () => {
    const text = '# Postmortem: café\r\n\r\n## Summary\r\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const) {
      const decoded = decodeBytes(encodeText(text, encoding));
      assert.ok(decoded.ok, encoding);
      assert.equal(decoded.ok && decoded.text, text);
      assert.equal(decoded.ok && decoded.encoding, encoding);
    }
    const latin1 = new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const decoded = decodeBytes(latin1);
    assert.equal(decoded.ok, false);
    assert.match(decoded.ok ? '' : decoded.message, /UTF-8/);
  });

  it('a BOM and tabs do not shift positions', () => {
    const text = '\uFEFF# Postmortem\n\n## Impact\n\n\tTBD\n';
    const { findings, model } = analyzeText(text);
    const empty = findings.find((f) => f.ruleId === 'structure/empty-section');
    assert.ok(empty && model);
    assert.equal(text.slice(empty.start, empty.end), '## Impact');
  });

  it('deeply nested lists and block quotes do not crash', { timeout: 60_000 }, () => {
    const lists = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const quotes = `${'>'.repeat(20_000)} deep\n`;
    for (const body of [lists, quotes]) {
      const result = analyzeText(`# Postmortem\n\n## Timeline\n\n${body}\n`);
      // Either analysed, or one clear not-analysed finding: never an exception.
      assert.ok(result.model || result.findings.some((f) => f.ruleId === 'input/not-analysed'));
    }
  });

  for (const [shape, body, advice, line] of [
    [
      'table-width',
      `${'| a '.repeat(6000)}|\n${'| - '.repeat(6000)}|\n${'| a '.repeat(6000)}|\n`,
      /Split the table/,
      7,
    ],
    ['bracket-depth', `${'['.repeat(5000)}x${']'.repeat(5000)}\n`, /Close them, or escape them/, 7],
    ['nesting-depth', `${'>'.repeat(20_000)} deep\n`, /Flatten the nesting/, 7],
    [
      'nesting-depth',
      Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
      /Flatten the nesting/,
      // Level 100 is the first one over the limit.
      107,
    ],
  ] as const) {
    it(`Markdown the parser would take seconds on (${shape}, line ${line}) is not analysed, saying what to simplify`, () => {
      const text = `# Postmortem\n\n## Impact\n\nSome text.\n\n${body}`;
      const { findings, model } = analyzeText(text);
      assert.equal(model, undefined);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].ruleId, 'input/not-analysed');
      assert.deepEqual(
        [findings[0].data?.reason, findings[0].data?.shape, findings[0].data?.line],
        ['too-complex', shape, line],
      );
      assert.match(findings[0].message, advice);
      assert.equal(text.slice(0, findings[0].start).split('\n').length, line);
    });
  }

  it('tables, brackets and nesting within the limits are analysed', () => {
    const row = (cells: number) => `${'| a '.repeat(cells)}|\n`;
    const wide = `${row(150)}${'| - '.repeat(150)}|\n${row(150)}`;
    const brackets = `${'['.repeat(150)}x${']'.repeat(150)}\n\n${'[a] '.repeat(5000)}\n`;
    const nested = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    for (const body of [wide, brackets, nested, `${'> '.repeat(50)}quote\n`]) {
      assert.ok(analyzeText(`# Postmortem\n\n## Impact\n\n${body}`).model, body.slice(0, 40));
    }
  });

  it('pathological input for the patterns finishes', { timeout: 60_000 }, () => {
    const inputs = [
      `# Postmortem\n\n## Impact\n\n${'['.repeat(50_000)}\n`,
      `# Postmortem\n\n## Impact\n\n${'<'.repeat(50_000)}>\n`,
      `# Postmortem\n\n## ${'and '.repeat(20_000)}\n`,
      `# Postmortem\n\n${'#'.repeat(100_000)}\n`,
      `---\n${'a'.repeat(100_000)}\n`,
      `# Postmortem\n\n## Impact\n\n${'to be '.repeat(20_000)}\n`,
      `# Postmortem\n\n${'<!-- postmortem-disable '.repeat(5_000)}\n`,
    ];
    for (const text of inputs) assert.ok(Array.isArray(analyzeText(text).findings));
  });
});
