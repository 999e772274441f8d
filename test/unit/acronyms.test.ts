// structure/unexplained-acronyms: what counts as an acronym, as defined, as widely known, and the glossary fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core';
import {
  acronymUses,
  expands,
  isAcronymShape,
  isWidelyKnown,
  unexplainedAcronyms,
} from '../../server/src/core/acronyms';
import { analyzeText, findingsOf } from '../helpers/analyze';

const RULE = 'structure/unexplained-acronyms';
const REAL = join(__dirname, '..', 'corpus', 'real');

function model(text: string) {
  const { model } = analyzeText(text);
  assert.ok(model);
  return model;
}

const unexplained = (text: string, known: string[] = []) =>
  unexplainedAcronyms(model(text), known).map((u) => u.acronym);

describe('acronym shape', () => {
  for (const [word, yes] of [
    ['MTTR', true],
    ['APIs', true],
    ['HTTP2', true],
    ['DK', false],
    ['IaSQL', false],
    ['gRPC', false],
    ['RETURNDATA', false],
    ['Kafka', false],
  ] as const) {
    it(`${word}: ${yes}`, () => assert.equal(isAcronymShape(word), yes));
  }
});

describe('expands (Schwartz and Hearst)', () => {
  it('accepts initials and letters inside words in order', () => {
    assert.ok(expands('MTTR', 'mean time to recovery'));
    assert.ok(expands('PGW', 'payment gateway'));
    assert.ok(expands('POP', 'Point of Presence'));
  });
  it('rejects a parenthesis that cannot spell it', () => {
    assert.ok(!expands('CPU', 'at 95% for an hour'));
    assert.ok(!expands('MTTR', 'recovery time'));
    assert.ok(!expands('QRB', 'see the runbook below for the details of the whole procedure'));
  });
});

describe('widely known', () => {
  it('comes from the generated resources, units, timezones and English words', () => {
    for (const a of ['DNS', 'TLS', 'CPU', 'JSON', 'API', 'GPU', 'GB', 'IOPS', 'PST', 'NOT']) {
      assert.ok(isWidelyKnown(a, new Set()), a);
    }
    assert.ok(!isWidelyKnown('QRB', new Set()));
    assert.ok(isWidelyKnown('QRB', new Set(['qrb'])));
  });
});

describe('unexplainedAcronyms', () => {
  it('finds each undefined acronym once, in order of first use, plural or not', () => {
    assert.deepEqual(unexplained('# T\n\nThe QRBs and the PGW failed; the QRB restarted.\n'), ['QRB', 'PGW']);
  });

  it('takes every definition form', () => {
    for (const text of [
      'The queue router bridge (QRB) failed.',
      'The QRB (queue router bridge) failed.',
      'The QRB failed. QRB stands for queue router bridge.',
      'The QRB failed.\n\n- QRB: the queue router bridge',
      'The QRB failed.\n\n| Term | Meaning |\n| --- | --- |\n| QRB | queue router bridge |',
      'The QRB failed.\n\nQRB\n: the queue router bridge',
      'The QRB failed.\n\n## Glossary\n\nThe QRB is our queue router bridge.',
    ]) {
      assert.deepEqual(unexplained(`# T\n\n${text}\n`), [], text);
    }
  });

  it('does not take a parenthesis that is no expansion, nor a glossary entry still to write', () => {
    assert.deepEqual(unexplained('# T\n\nThe QRB (at 95% for an hour) failed.\n'), ['QRB']);
    assert.deepEqual(
      unexplained('# T\n\nThe QRB failed.\n\n## Glossary\n\n- **QRB**: <!-- what QRB stands for -->\n'),
      ['QRB'],
    );
  });

  it('skips code, URLs, tickets, versions, quotes and lists of names', () => {
    const text = [
      '# T',
      '',
      'See `QRB`, https://example.com/QRB/PGW, PROJ-123 and CVE-2021-44228; v1.QRB.2 shipped.',
      '',
      '```',
      'QRB=1',
      '```',
      '',
      '> QRB and PGW looked fine AFAICT.',
      '',
      '- QRB',
      '- PGW',
      '',
    ].join('\n');
    assert.deepEqual(
      acronymUses(model(text)).map((u) => u.acronym),
      [],
    );
  });
});

describe('the rule', () => {
  const text =
    '# Checkout errors\n\n## Summary\n\nThe QRB on the PGW broke the RLQ, so the OMS dropped orders.\n\n## Timeline\n\n- 10:00 UTC QRB deployed.\n';

  it('reports once, on the title, above the threshold only', () => {
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 1);
    assert.deepEqual(found[0].data, { acronyms: ['QRB', 'PGW', 'RLQ', 'OMS'], count: 4 });
    assert.deepEqual(findingsOf(text, RULE, { rules: { [RULE]: { severity: 'info', max: 4 } } }), []);
  });

  it('inserts a glossary with a placeholder entry each, only inserting, and settles', () => {
    const [finding] = findingsOf(text, RULE);
    const [fix] = finding.fixes ?? [];
    assert.ok(fix && !fix.safe);
    for (const edit of fix.edits) assert.equal(edit.start, edit.end, 'inserts only');
    const fixed = applyEdits(text, fix.edits);
    assert.match(
      fixed,
      /## Timeline[\s\S]*## Glossary\n\n- \*\*QRB\*\*: <!-- what QRB stands for, and what it is -->\n- \*\*PGW\*\*/,
    );
    assert.ok(fixed.startsWith(text.trimEnd()), 'the text before is unchanged');
    // Placeholders do not define: still reported, but the fix is not offered again.
    const [again] = findingsOf(fixed, RULE);
    assert.ok(again);
    assert.deepEqual(again.fixes ?? [], []);
    // Written entries define them.
    const written = fixed.replace(
      /<!-- what (\w+) stands for, and what it is -->/g,
      'the $1 service of the checkout team',
    );
    assert.deepEqual(findingsOf(written, RULE), []);
  });

  it('adds missing entries to an existing glossary', () => {
    const withGlossary = `${text}\n## Glossary\n\n- **QRB**: the queue router bridge\n`;
    const [finding] = findingsOf(withGlossary, RULE, { rules: { [RULE]: { severity: 'info', max: 2 } } });
    const fixed = applyEdits(withGlossary, finding.fixes?.[0].edits ?? []);
    assert.equal((fixed.match(/## Glossary/g) ?? []).length, 1);
    assert.match(fixed, /- \*\*QRB\*\*: the queue router bridge\n\n- \*\*PGW\*\*: <!--/);
  });
});

describe('on the real corpus', () => {
  it('reads the pasted chat log of the prow flakiness postmortem as quoted words (AFAICT, TLDR, CRI, COS)', () => {
    const text = readFileSync(join(REAL, 'k8s-test-infra--2019-05-30-prow.md'), 'utf8');
    assert.ok(text.includes('Yeah AFAICT Tide')); // a lazy continuation line of the quoted log
    const found = unexplained(text);
    for (const a of ['AFAICT', 'TLDR', 'CRI', 'COS']) assert.ok(!found.includes(a), a);
  });

  it('finds the definitions of the PyPI phishing postmortem (DKIM, SPF, DMARC) and its undefined TOTP', () => {
    const text = readFileSync(join(REAL, 'pypi--2025-07-31-phishing-attack.md'), 'utf8');
    const found = unexplained(text);
    for (const a of ['DKIM', 'SPF', 'DMARC']) assert.ok(!found.includes(a), a);
    assert.ok(found.includes('TOTP'));
  });
});
