// --format sarif: valid SARIF 2.1.0 (the OASIS schema in test/schemas/, through Ajv with real format checks), with
// every rule of the registry and one result per finding. The protocol test also runs the SARIF Multitool.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log, ReportingDescriptor } from 'sarif';
import { expandTargets } from '../../server/src/cli/files';
import { FINGERPRINT_KEY, formatSarif, INFORMATION_URI, SRCROOT } from '../../server/src/cli/formatters/sarif';
import { type FileResult, Linter } from '../../server/src/cli/lint';
import { ruleDocsUrl } from '../../server/src/core';
import { RULES } from '../../server/src/rules';
import { tempTree } from '../helpers/tmp';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile<Log>(SCHEMA);
}

async function lintTree(files: Record<string, string | Uint8Array>): Promise<{ dir: string; results: FileResult[] }> {
  const dir = tempTree(files);
  const linter = new Linter({ cwd: dir, fix: false, all: false });
  const results = (await expandTargets(['.'], dir)).map((t) => linter.lintFile(t));
  return { dir, results };
}

const PARTIAL = `# Postmortem: queue backlog

## Summary

Consumers fell behind for two hours.

## Impact

TBD
`;

describe('--format sarif', async () => {
  const { dir, results } = await lintTree({
    'postmortems/partial.md': PARTIAL,
    'postmortems/café outage, part 1.md': PARTIAL.replace('TBD', 'Orders were late.'),
    'postmortems/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  });
  const text = formatSarif(results, { cwd: dir, color: false, root: dir });
  const log = JSON.parse(text) as Log;
  const run = log.runs[0];

  it('is valid against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
  });

  it('the schema check is real: a wrong level and a URI with a space are rejected', () => {
    const validate = sarifValidator();
    const broken = structuredClone(log);
    (broken.runs[0].results as unknown as { level: string }[])[0].level = 'fatal';
    assert.equal(validate(broken), false);
    const badUri = structuredClone(log);
    const location = badUri.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation;
    if (location) location.uri = 'a b.md';
    assert.equal(validate(badUri), false);
  });

  it('describes the tool and every rule of the registry', () => {
    const driver = run.tool.driver;
    assert.equal(driver.name, 'postmortem');
    assert.equal(driver.informationUri, INFORMATION_URI);
    assert.ok(driver.version);
    assert.deepEqual(
      driver.rules?.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    for (const rule of RULES) {
      const d: ReportingDescriptor | undefined = driver.rules?.find((r) => r.id === rule.id);
      assert.ok(d?.name && /^[A-Z][A-Za-z]+$/.test(d.name), `${rule.id}: name`);
      assert.ok(d?.shortDescription?.text.startsWith(rule.description.slice(0, -1)), `${rule.id}: short description`);
      assert.ok(d?.fullDescription?.text, `${rule.id}: full description`);
      assert.equal(d?.helpUri, ruleDocsUrl(rule.id));
      const level = { error: 'error', warning: 'warning', info: 'note' }[rule.defaultSeverity];
      assert.equal(d?.defaultConfiguration?.level, level, `${rule.id}: default level`);
    }
  });

  it('has one result per finding, with rule, level, message and region', () => {
    const findings = results.flatMap((r) => r.findings.map((f) => ({ r, f })));
    assert.equal(run.results?.length, findings.length);
    assert.ok(findings.length >= 4);
    run.results?.forEach((result, i) => {
      const { r, f } = findings[i];
      assert.equal(result.ruleId, f.ruleId);
      assert.equal(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, f.ruleId, 'ruleIndex points at the rule');
      assert.equal(result.level, { error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      assert.ok(result.message.text?.startsWith(f.message.replace(/\.$/, '')));
      assert.match(result.message.text ?? '', /[.!?]$/);
      const region = result.locations?.[0].physicalLocation?.region;
      const start = r.lines.position(f.start);
      assert.equal(region?.startLine, start.line + 1);
      assert.equal(region?.startColumn, start.character + 1);
      assert.ok((region?.endLine ?? 0) >= (region?.startLine ?? 0));
      assert.match(result.partialFingerprints?.[FINGERPRINT_KEY] ?? '', /^[0-9a-f]{32}$/);
    });
    const prints = run.results?.map((x) => x.partialFingerprints?.[FINGERPRINT_KEY]);
    assert.equal(new Set(prints).size, prints?.length, 'fingerprints are unique');
  });

  it('gives repository-relative, percent-encoded URIs against %SRCROOT%', () => {
    const uris = new Set(run.results?.map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri));
    assert.ok(uris.has('postmortems/caf%C3%A9%20outage%2C%20part%201.md'), [...uris].join(', '));
    assert.ok(uris.has('postmortems/partial.md'));
    for (const r of run.results ?? []) {
      const location = r.locations?.[0].physicalLocation?.artifactLocation;
      assert.equal(location?.uriBaseId, SRCROOT);
      assert.equal(run.artifacts?.[location?.index ?? -1]?.location?.uri, location?.uri, 'artifact index');
    }
    assert.match(run.originalUriBaseIds?.[SRCROOT]?.uri ?? '', /^file:\/\/.*\/$/);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('reports a file it could not analyse at line 1', () => {
    const notAnalysed = run.results?.find((r) => r.ruleId === 'input/not-analysed');
    assert.equal(notAnalysed?.locations?.[0].physicalLocation?.region?.startLine, 1);
  });

  it('is still valid with no findings at all', () => {
    const validate = sarifValidator();
    const empty = JSON.parse(formatSarif([], { cwd: dir, color: false, root: dir })) as Log;
    assert.ok(validate(empty), JSON.stringify(validate.errors));
    assert.deepEqual(empty.runs[0].results, []);
    assert.equal(empty.runs[0].tool.driver.rules?.length, RULES.length);
  });
});
