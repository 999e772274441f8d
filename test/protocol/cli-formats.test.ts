// Every format from the built CLI, parsed back: SARIF against the OASIS schema (Ajv) and the SARIF Multitool's
// validator, GitHub workflow commands, GitLab Code Quality (stable fingerprints), the markdown comment; and the
// exit codes of --max-warnings, --quiet and --output-file. Needs `node scripts/build.mjs` first.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { STRUCTURE_ONLY } from '../helpers/config';
import { postmortem } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));

/** The test runner's NODE_OPTIONS (--import tsx) must not reach the CLI: it runs as a user runs it. */
const { NODE_OPTIONS: _runnerOptions, ...CLI_ENV } = process.env;

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, env: CLI_ENV, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The SARIF Multitool binary for this platform, made executable (npm may block its chmod postinstall). */
function multitool(): string | undefined {
  let path: string;
  try {
    path = require('@microsoft/sarif-multitool') as string;
  } catch {
    return undefined;
  }
  if (!existsSync(path)) return undefined;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, 0o755);
  }
  return path;
}

const COMPLETE = postmortem('database failover');
const TWO_WARNINGS = COMPLETE.replace('Writes failed for four minutes.', 'TBD').replace(
  'The old primary was fenced.',
  'TODO',
);
const MISSING = COMPLETE.replace(/## Timeline\n\n.*\n.*\n\n/, '').replace(
  '## Action items\n\n- Tune the health check timeout (DB-12)\n',
  '',
);

describe('CLI formats, parsed back', () => {
  const dir = tempTree({
    '.postmortemrc.json': STRUCTURE_ONLY,
    'postmortems/2024-05-db failover.md': MISSING,
    'postmortems/warnings.md': TWO_WARNINGS,
    'postmortems/clean.md': COMPLETE,
    'postmortems/crlf.md': MISSING.replace(/\n/g, '\r\n'),
  });
  before(() => assert.ok(existsSync(CLI), 'run `node scripts/build.mjs` first'));

  it('sarif: valid against the SARIF 2.1.0 schema, with results for every finding', () => {
    const r = run(dir, '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile<Log>(SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const json = JSON.parse(run(dir, '--format', 'json').stdout) as { messages: unknown[] }[];
    assert.equal(log.runs[0].results?.length, json.flatMap((f) => f.messages).length);
    const uris = new Set(log.runs[0].results?.map((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri));
    assert.ok(uris.has('postmortems/2024-05-db%20failover.md'));
  });

  /** Runs `Sarif.Multitool validate` on a file and returns its results (it writes them as SARIF too). */
  function multitoolValidate(tool: string, file: string): NonNullable<Log['runs'][0]['results']> {
    const out = `${file}.validation.sarif`;
    // Its rule SARIF2006 tries to fetch every URI; offline that yields notes only, which are not errors.
    execFileSync(
      tool,
      ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'],
      {
        encoding: 'utf8',
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      },
    );
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Log;
    assert.equal(validation.runs[0].invocations?.[0].executionSuccessful, true);
    return validation.runs[0].results ?? [];
  }

  it('sarif: passes the SARIF Multitool validator with no error or warning', (t) => {
    const tool = multitool();
    if (!tool) {
      t.skip('@microsoft/sarif-multitool has no binary for this platform');
      return;
    }
    assert.equal(run(dir, '--format', 'sarif', '-o', 'out.sarif').code, 1);
    const results = multitoolValidate(tool, join(dir, 'out.sarif'));
    const problems = results.filter((x) => x.level === 'error' || x.level === 'warning');
    assert.deepEqual(
      problems.map((x) => `${x.ruleId} ${x.level}: ${JSON.stringify(x.message)}`),
      [],
    );
    const notes = new Set(results.map((x) => x.ruleId));
    t.diagnostic(`multitool notes (advice, not errors): ${[...notes].sort().join(', ') || 'none'}`);

    // Control: the validator does flag a broken log. (Multitool 5.7 reports schema violations only when the log
    // fails to load into its object model, as a missing driver name does; a bad enum value alone passes it, which
    // is why the Ajv check against the OASIS schema above is the primary one.)
    const broken = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
    delete (broken.runs[0].tool.driver as { name?: string }).name;
    writeFileSync(join(dir, 'broken.sarif'), JSON.stringify(broken));
    const flagged = multitoolValidate(tool, join(dir, 'broken.sarif')).filter((x) => x.level === 'error');
    assert.ok(
      flagged.some((x) => x.ruleId === 'JSON1002'),
      JSON.stringify(flagged.map((x) => x.ruleId)),
    );
  });

  it('github: one parseable workflow command per finding', () => {
    const r = run(dir, '--format', 'github');
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(run(dir, '--format', 'json').stdout) as { messages: unknown[] }[];
    assert.equal(lines.length, json.flatMap((f) => f.messages).length);
    for (const line of lines) {
      const m =
        /^::(error|warning|notice) file=([^,:]+),line=(\d+),endLine=(\d+)(?:,col=(\d+),endColumn=(\d+))?,title=([^,:]+)::(.+)$/.exec(
          line,
        );
      assert.ok(m, line);
      assert.ok(m[2].startsWith('postmortems/'));
      assert.ok(!m[8].includes('\n'));
    }
    assert.ok(lines.some((l) => l.startsWith('::error file=postmortems/crlf.md,line=1,endLine=1,col=1,')));
  });

  it('gitlab: valid Code Quality JSON whose fingerprints are unique and stable across runs', () => {
    const first = JSON.parse(run(dir, '--format', 'gitlab').stdout) as {
      fingerprint: string;
      location: { path: string };
    }[];
    const second = JSON.parse(run(dir, '--format', 'gitlab').stdout) as typeof first;
    assert.ok(first.length >= 6);
    assert.deepEqual(first, second);
    assert.equal(new Set(first.map((i) => i.fingerprint)).size, first.length);
    assert.ok(first.some((i) => i.location.path === 'postmortems/2024-05-db failover.md'));
  });

  it('markdown: a comment with the totals, each postmortem’s checklist and rule links', () => {
    const r = run(dir, '--format', 'markdown');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<!-- postmortem:report -->\n## Postmortem review\n/);
    assert.match(r.stdout, /### `postmortems\/2024-05-db failover\.md`/);
    assert.match(r.stdout, /- ❌ \*\*Timeline\*\*: missing/);
    assert.match(r.stdout, /- ⚠️ \*\*Impact\*\*: empty \(_Impact_, line 12\)/);
    assert.match(r.stdout, /- ✅ \*\*Root cause\*\*: _Root cause_, line \d+/);
    assert.match(
      r.stdout,
      /\[`structure\/required-section`\]\(https:\/\/github\.com\/postmortem-dev\/postmortem\/blob\/main\/docs\/rules\/structure\/required-section\.md\)/,
    );
  });

  it('--output-file writes each format to the file, byte for byte what stdout would get', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'markdown']) {
      const toStdout = run(dir, '--format', format, '--no-color');
      const r = run(dir, '--format', format, '--output-file', `reports/out.${format}`);
      assert.equal(r.code, toStdout.code, format);
      assert.equal(r.stdout, '', format);
      assert.equal(readFileSync(join(dir, 'reports', `out.${format}`), 'utf8'), toStdout.stdout, format);
    }
  });

  it('--max-warnings and --quiet set the exit code as ESLint does', () => {
    assert.equal(run(dir, 'postmortems/warnings.md').code, 0);
    assert.equal(run(dir, '--max-warnings', '2', 'postmortems/warnings.md').code, 0);
    const over = run(dir, '--max-warnings', '1', 'postmortems/warnings.md');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings found, more than --max-warnings 1 allows/);
    const quiet = run(dir, '--quiet', '--format', 'github', 'postmortems/warnings.md');
    assert.deepEqual([quiet.code, quiet.stdout], [0, '']);
    assert.equal(run(dir, '--quiet', '--max-warnings', '0', 'postmortems/warnings.md').code, 1);
    assert.equal(run(dir, '--max-warnings', 'lots').code, 2);
  });
});
