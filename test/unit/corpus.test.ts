// The real postmortems in test/corpus/real/ (unmodified, see test/corpus/SOURCES.md): every file is analysed
// without a crash, and section presence agrees with the hand labels in real-labels.tsv:
//   yes  -> the part is found (no required-section finding, a section or the lead stands for it)
//   no   -> reported missing (for a required part) or not found (for the trigger)
//   stub -> reported empty
// implicit / unsure labels are printed, not asserted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { SectionKind } from '../../server/src/core';
import { analyzeText } from '../helpers/analyze';

const CORPUS = join(__dirname, '..', 'corpus');
const COLUMNS: [string, SectionKind][] = [
  ['has_summary', 'summary'],
  ['has_timeline', 'timeline'],
  ['has_impact', 'impact'],
  ['has_root_cause', 'root-cause'],
  ['has_trigger', 'trigger'],
  ['has_mitigation', 'mitigation'],
  ['has_action_items', 'action-items'],
];

const labelLines = readFileSync(join(CORPUS, 'real-labels.tsv'), 'utf8').trim().split('\n');
const header = labelLines[0].split('\t');
const labels = labelLines.slice(1).map((line) => {
  const cells = line.split('\t');
  return Object.fromEntries(header.map((h, i) => [h, cells[i]])) as Record<string, string>;
});

type Verdict = 'found' | 'missing' | 'empty';

function verdicts(text: string): Map<SectionKind, Verdict> {
  const { model, findings } = analyzeText(text, {
    sections: { required: COLUMNS.map(([, kind]) => kind) },
  });
  assert.ok(model, 'analysed');
  const out = new Map<SectionKind, Verdict>();
  for (const [, kind] of COLUMNS) {
    const missing = findings.some((f) => f.ruleId === 'structure/required-section' && f.data?.section === kind);
    const sections = model.allSections.filter((s) => s.kinds.includes(kind));
    const empty =
      sections.length > 0 &&
      sections.every((s) => findings.some((f) => f.ruleId === 'structure/empty-section' && f.start === s.start));
    out.set(kind, missing ? 'missing' : empty ? 'empty' : 'found');
  }
  return out;
}

describe('real corpus', () => {
  const files = readdirSync(join(CORPUS, 'real')).sort();

  it('holds the 42 labelled postmortems', () => {
    assert.equal(files.length, 42);
    assert.deepEqual([...labels.map((l) => l.file)].sort(), files);
  });

  const agreement = { asserted: 0, agreed: 0, printed: [] as string[] };
  for (const label of labels) {
    it(`${label.file}: sections agree with the labels`, () => {
      const text = readFileSync(join(CORPUS, 'real', label.file), 'utf8');
      const found = verdicts(text);
      const disagreements: string[] = [];
      for (const [column, kind] of COLUMNS) {
        const expected = label[column];
        const actual = found.get(kind);
        const want: Verdict | undefined =
          expected === 'yes' ? 'found' : expected === 'no' ? 'missing' : expected === 'stub' ? 'empty' : undefined;
        if (!want) {
          agreement.printed.push(`${label.file} ${kind}: labelled ${expected}, analysed as ${actual}`);
          continue;
        }
        agreement.asserted++;
        if (actual === want) agreement.agreed++;
        else disagreements.push(`${kind}: labelled ${expected}, analysed as ${actual}`);
      }
      assert.deepEqual(disagreements, [], disagreements.join('; '));
    });
  }

  it('prints the agreement', () => {
    console.log(`section labels asserted: ${agreement.agreed}/${agreement.asserted} agree`);
    const implicit = agreement.printed.length;
    const implicitFound = agreement.printed.filter((p) => p.endsWith('found')).length;
    console.log(`implicit/unsure labels (not asserted): ${implicit}, of which ${implicitFound} analysed as found`);
    assert.ok(agreement.asserted > 150, 'most labels are asserted');
  });

  it('analyses every template without a crash and finds its sections', () => {
    for (const file of readdirSync(join(CORPUS, 'templates'))) {
      const { model, findings } = analyzeText(readFileSync(join(CORPUS, 'templates', file), 'utf8'));
      assert.ok(model, file);
      // Sections found but not written yet (a template's headings with guidance comments) are found.
      const missing = findings
        .filter((f) => f.ruleId === 'structure/required-section' && !f.data?.unwritten)
        .map((f) => f.data?.section);
      // Templates are skeletons: at most a couple of required parts may be named unusually or left out.
      assert.ok(missing.length <= 3, `${file}: missing ${missing.join(', ')}`);
    }
  });
});
