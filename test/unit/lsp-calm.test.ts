// Calm while typing: the findings of the line being typed wait; an edit elsewhere or a new line shows them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calmFindings, typedLine } from '../../server/src/lsp/calm';
import { analyzeText } from '../helpers/analyze';

const BASE = '# Postmortem: x\n\n## Action items\n\n- [ ] Add a disk alert (owner: sre, OPS-1)\n- [ ] I';

describe('lsp: calm while typing', () => {
  it('finds the line being typed, and none for a new line, a paste over lines or a first analysis', () => {
    const result = analyzeText(`${BASE}mpr`);
    const lines = result.model?.lines;
    assert.ok(lines);
    assert.equal(typedLine(BASE, `${BASE}mpr`, lines), 5);
    assert.equal(typedLine(undefined, `${BASE}mpr`, lines), undefined);
    const withNewLine = analyzeText(`${BASE}\n`).model?.lines;
    assert.ok(withNewLine);
    assert.equal(typedLine(BASE, `${BASE}\n`, withNewLine), undefined);
  });

  it('holds back the vague-action finding on "Impr" while it is typed, and keeps the others', () => {
    const text = `${BASE}mpr`;
    const result = analyzeText(text);
    const lines = result.model?.lines;
    assert.ok(lines);
    const onLine = result.findings.filter((f) => lines.position(f.start).line === 5 && f.scope === 'range');
    assert.ok(onLine.length > 0, 'the unfinished action draws findings');
    const shown = calmFindings(result.findings, lines, typedLine(BASE, text, lines));
    assert.ok(!shown.some((f) => onLine.includes(f)));
    assert.equal(shown.length, result.findings.length - onLine.length);
  });
});
