// The programmatic API (server/src/api.ts, the npm package's main export): the same results as the CLI's JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { format, formats, type LintOptions, lint, loadConfig } from '../../server/src/api';
import { cli } from '../helpers/cli';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const MISSING_TIMELINE = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');

describe('API', () => {
  it('lint({ files, cwd }) gives what `postmortem lint --format json` prints', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': MISSING_TIMELINE,
      'postmortems/b.md': MINIMAL_POSTMORTEM,
      'README.md': '# Read me\n',
    });
    const results = await lint({ files: ['.'], cwd: dir });
    const printed = JSON.parse((await cli(dir, ['lint', '--format', 'json'])).stdout);
    assert.deepEqual(JSON.parse(JSON.stringify(results)), printed);
    assert.equal(results.length, 2);
    assert.equal(results[0].errorCount, 1);
  });

  it('lint({ text, filePath }) uses the config near that path, and returns the fixed text with fix', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY });
    const [result] = await lint({ text: MISSING_TIMELINE, filePath: 'postmortems/x.md', cwd: dir, fix: true });
    assert.equal(result.filePath, join(dir, 'postmortems/x.md'));
    assert.match(result.output ?? '', /^## Timeline$/m);
    // The inserted section is there (only its guidance yet, which the rule still reports as not written).
    assert.ok(!result.messages.some((m) => /Missing required section/.test(m.message)));
  });

  it('takes a config object, a config path or false', async () => {
    const dir = tempTree({ 'strict.json': '{ "rules": { "structure/empty-section": "error" } }' });
    const text = MINIMAL_POSTMORTEM.replace('I.', 'TBD');
    const id = 'structure/empty-section';
    const severityOf = async (config: LintOptions['config']) =>
      (await lint({ text, cwd: dir, config }))[0].messages.find((m) => m.ruleId === id)?.severityName;
    assert.equal(await severityOf({ rules: { [id]: 'info' } }), 'info');
    assert.equal(await severityOf('strict.json'), 'error');
    assert.equal(await severityOf(false), 'warning');
    await assert.rejects(lint({ text, cwd: dir, config: { rules: { [id]: 'loud' } } as never }), /must be/);
  });

  it('format(results, name) writes any format; results not from lint() are refused', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
    const results = await lint({ cwd: dir });
    assert.deepEqual(formats, ['stylish', 'json', 'sarif', 'github', 'gitlab', 'markdown']);
    const stylish = format(results, 'stylish', { cwd: dir });
    assert.equal(stylish, (await cli(dir, ['lint'])).stdout);
    assert.equal(JSON.parse(format(results, 'sarif', { cwd: dir })).version, '2.1.0');
    assert.throws(() => format(results, 'nope'), /Unknown format "nope"/);
    assert.throws(() => format(JSON.parse(JSON.stringify(results))), /results of lint\(\)/);
  });

  it('loadConfig(dir) resolves the config files from dir upwards', () => {
    const dir = tempTree({
      '.postmortemrc.yaml': 'root: true\nsections:\n  required: [summary, timeline]\n',
      'sub/.postmortemrc.json': '{ "rules": { "blame/judgment": "off" } }',
    });
    const config = loadConfig(join(dir, 'sub'));
    assert.deepEqual(config.sections.required, ['summary', 'timeline']);
    assert.equal(config.rules['blame/judgment'], 'off');
    assert.equal(config.sources.length, 2);
    assert.throws(() => loadConfig(tempTree({ '.postmortemrc.json': '{ "rules": 3 }' })), /rules/);
  });

  it('is what the package exports, with its declarations', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../packages/cli/package.json'), 'utf8'));
    assert.deepEqual(manifest.exports['.'], { types: './dist/index.d.ts', default: './dist/index.js' });
    assert.equal(manifest.bin.postmortem, './dist/cli.js');
    assert.ok(manifest.files.includes('README.md') && manifest.files.includes('LICENSE'));
  });
});
