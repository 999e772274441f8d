// The conventions users expect from a linter: standard input, config discovery switches, ignores, extends,
// colour and `init`. In process, through the CLI's main().
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { main } from '../../server/src/cli/main';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const MISSING_TIMELINE = MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', '');

async function run(
  cwd: string,
  args: string[],
  { stdin, env = {}, isTty = false, hasColors, answers = [] as string[] } = {} as {
    stdin?: string;
    env?: Record<string, string>;
    isTty?: boolean;
    hasColors?: boolean;
    answers?: string[];
  },
) {
  const out = { stdout: '', stderr: '', questions: [] as string[] };
  const io = {
    cwd,
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
    isTty,
    env,
    hasColors: hasColors === undefined ? undefined : () => hasColors,
    readStdin: async () => stdin ?? '',
    ask: async (q: string) => {
      out.questions.push(q);
      return answers.shift() ?? '';
    },
  };
  const code = await main(args, io);
  return { code, ...out };
}

const rules = (stdout: string) =>
  JSON.parse(stdout).flatMap((r: { messages: { ruleId: string }[] }) => r.messages.map((m) => m.ruleId));

describe('--stdin', () => {
  it('lints standard input as a postmortem and names it stdin.md', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY });
    const r = await run(dir, ['lint', '--stdin', '--format', 'json'], { stdin: MISSING_TIMELINE });
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.stdout);
    assert.equal(result.filePath, join(dir, 'stdin.md'));
    assert.deepEqual(rules(r.stdout), ['structure/required-section']);
  });

  it('takes config and postmortem detection from --stdin-filename', async () => {
    const dir = tempTree({
      'team/.postmortemrc.json': JSON.stringify({ rules: { 'structure/required-section': 'off' } }),
      '.postmortemrc.json': STRUCTURE_ONLY,
    });
    const inTeam = await run(dir, ['lint', '--stdin', '--stdin-filename', 'team/postmortems/a.md', '-f', 'json'], {
      stdin: MISSING_TIMELINE,
    });
    assert.deepEqual(rules(inTeam.stdout), [], 'the config next to the named file applies');
    const elsewhere = await run(dir, ['lint', '--stdin', '--stdin-filename', 'postmortems/a.md', '-f', 'json'], {
      stdin: MISSING_TIMELINE,
    });
    assert.deepEqual(rules(elsewhere.stdout), ['structure/required-section']);
    const readme = await run(dir, ['lint', '--stdin', '--stdin-filename', 'README.md', '-f', 'json'], {
      stdin: '# Read me\n\nNot an incident.\n',
    });
    assert.equal(readme.code, 0);
    assert.deepEqual(JSON.parse(readme.stdout), [], 'a Markdown file that is not a postmortem gets nothing');
  });

  it('prints the fixed text, and only that, with --fix, and a second pass changes nothing', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY });
    const r = await run(dir, ['lint', '--stdin', '--stdin-filename', 'postmortems/a.md', '--fix'], {
      stdin: MISSING_TIMELINE,
    });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^## Timeline$/m);
    assert.ok(r.stdout.startsWith('# Postmortem: X\n'));
    const again = await run(dir, ['lint', '--stdin', '--stdin-filename', 'postmortems/a.md', '--fix'], {
      stdin: r.stdout,
    });
    assert.equal(again.stdout, r.stdout);
  });

  it('rejects --stdin-filename without --stdin', async () => {
    const r = await run(tempTree({}), ['lint', '--stdin-filename', 'a.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--stdin-filename needs --stdin/);
  });
});

describe('config discovery', () => {
  it('--no-config reads no config file', async () => {
    const dir = tempTree({ '.postmortemrc.json': '{ "rules": { "structure/required-section": "off" } }' });
    const r = await run(dir, ['lint', '--stdin', '--no-config', '-f', 'json'], { stdin: MISSING_TIMELINE });
    assert.ok(rules(r.stdout).includes('structure/required-section'));
  });

  it('--print-config prints the merged config for a file, with where it came from', async () => {
    const dir = tempTree({
      '.postmortemrc.yaml': 'root: true\nrules:\n  structure/empty-section: error\n',
      'sub/.postmortemrc.json': '{ "rules": { "structure/empty-section": "info" }, "ignores": ["drafts/**"] }',
    });
    const r = await run(dir, ['lint', '--print-config', 'sub/postmortems/a.md']);
    assert.equal(r.code, 0, r.stderr);
    const config = JSON.parse(r.stdout);
    assert.equal(config.rules['structure/empty-section'], 'info');
    assert.deepEqual(config.ignores, ['drafts/**']);
    assert.deepEqual(config.sources, [join(dir, '.postmortemrc.yaml'), join(dir, 'sub/.postmortemrc.json')]);
    const none = JSON.parse((await run(dir, ['lint', '--print-config', 'sub/a.md', '--no-config'])).stdout);
    assert.equal(none.rules['structure/empty-section'], 'warning');
    assert.deepEqual(none.sources, []);
  });

  it('extends a file and an installed package, the extending file winning', async () => {
    const dir = tempTree({
      'node_modules/@acme/postmortem-config/package.json': '{ "name": "@acme/postmortem-config", "main": "team.yaml" }',
      'node_modules/@acme/postmortem-config/team.yaml':
        'rules:\n  structure/empty-section: error\n  structure/required-section: info\n',
      'base.json': '{ "rules": { "structure/required-section": "off" } }',
      '.postmortemrc.json': JSON.stringify({
        root: true,
        extends: ['@acme/postmortem-config', './base.json'],
        rules: { 'structure/empty-section': 'warning' },
      }),
    });
    const config = JSON.parse((await run(dir, ['lint', '--print-config', 'a.md'])).stdout);
    assert.equal(config.rules['structure/required-section'], 'off', 'later extends win over earlier ones');
    assert.equal(config.rules['structure/empty-section'], 'warning', 'the file wins over what it extends');
    assert.equal(config.sources.length, 3);
  });

  it('says which extends cannot be found, and refuses a cycle', async () => {
    const missing = tempTree({ '.postmortemrc.json': '{ "extends": "@acme/nothing" }' });
    const r = await run(missing, ['lint', '--print-config', 'a.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /extends: cannot find "@acme\/nothing"/);
    const cycle = tempTree({
      '.postmortemrc.json': '{ "extends": "./b.json" }',
      'b.json': '{ "extends": "./.postmortemrc.json" }',
    });
    const c = await run(cycle, ['lint', '--print-config', 'a.md']);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /cycle/);
  });
});

describe('ignores and .gitignore', () => {
  const tree = () =>
    tempTree({
      '.postmortemrc.json': JSON.stringify({ ignores: ['postmortems/drafts/', '**/*.template.md'] }),
      '.gitignore': 'generated/\n',
      'postmortems/a.md': MISSING_TIMELINE,
      'postmortems/drafts/b.md': MISSING_TIMELINE,
      'postmortems/c.template.md': MISSING_TIMELINE,
      'postmortems/generated/d.md': MISSING_TIMELINE,
    });
  const files = (stdout: string, dir: string) =>
    JSON.parse(stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1));

  it('skips what the config ignores and what .gitignore ignores', async () => {
    const dir = tree();
    const r = await run(dir, ['lint', '-f', 'json']);
    assert.deepEqual(files(r.stdout, dir), ['postmortems/a.md']);
  });

  it('--no-gitignore lints what .gitignore ignores, still not what the config ignores', async () => {
    const dir = tree();
    const r = await run(dir, ['lint', '-f', 'json', '--no-gitignore']);
    assert.deepEqual(files(r.stdout, dir), ['postmortems/a.md', 'postmortems/generated/d.md']);
  });

  it('reads a nested .gitignore and stops at the repository top', async () => {
    const dir = tempTree({
      '.gitignore': 'postmortems/\n',
      'repo/.gitignore': '',
      'repo/postmortems/.gitignore': 'old-*.md\n',
      'repo/postmortems/a.md': MISSING_TIMELINE,
      'repo/postmortems/old-b.md': MISSING_TIMELINE,
    });
    execFileSync('git', ['init', '-q'], { cwd: join(dir, 'repo') });
    const r = await run(join(dir, 'repo'), ['lint', '-f', 'json']);
    assert.deepEqual(files(r.stdout, join(dir, 'repo')), ['postmortems/a.md']);
  });

  it('gives nothing for ignored standard input', async () => {
    const dir = tree();
    const r = await run(dir, ['lint', '--stdin', '--stdin-filename', 'postmortems/drafts/x.md', '-f', 'json'], {
      stdin: MISSING_TIMELINE,
    });
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

describe('colour', () => {
  const dir = () => tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is tested
  const coloured = (s: string) => /\u001b\[/.test(s);

  it('follows the terminal by default', async () => {
    assert.ok(coloured((await run(dir(), ['lint'], { isTty: true, hasColors: true })).stdout));
    assert.ok(!coloured((await run(dir(), ['lint'], { isTty: true, hasColors: false })).stdout));
    assert.ok(!coloured((await run(dir(), ['lint'])).stdout));
  });

  it('honours --color, --no-color, FORCE_COLOR and NO_COLOR', async () => {
    assert.ok(coloured((await run(dir(), ['lint', '--color'])).stdout));
    assert.ok(!coloured((await run(dir(), ['lint', '--no-color'], { isTty: true, hasColors: true })).stdout));
    assert.ok(coloured((await run(dir(), ['lint'], { env: { FORCE_COLOR: '1' } })).stdout));
    assert.ok(!coloured((await run(dir(), ['lint'], { env: { FORCE_COLOR: '0' }, hasColors: true })).stdout));
    assert.ok(!coloured((await run(dir(), ['lint'], { env: { NO_COLOR: '1' }, isTty: true, hasColors: true })).stdout));
  });
});

describe('postmortem init', () => {
  it('writes a commented .postmortemrc.yaml with the schema, asking nothing off a terminal', async () => {
    const dir = tempTree({});
    const r = await run(dir, ['init']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.questions, []);
    const text = readFileSync(join(dir, '.postmortemrc.yaml'), 'utf8');
    assert.match(
      text,
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/.*postmortemrc\.schema\.json$/m,
    );
    const config = parseYaml(text);
    assert.equal(config.root, true);
    // The written file is valid: the linter loads it.
    const printed = JSON.parse((await run(dir, ['lint', '--print-config', 'a.md'])).stdout);
    assert.deepEqual(printed.sources, [join(dir, '.postmortemrc.yaml')]);
    assert.deepEqual(printed.ignores, ['**/templates/**']);
  });

  it('keeps an existing config unless --force, or confirmed on a terminal', async () => {
    const dir = tempTree({ '.postmortemrc.json': '{}' });
    const r = await run(dir, ['init']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /already exists; pass --force/);
    const declined = await run(dir, ['init'], { isTty: true, answers: ['n'] });
    assert.equal(declined.code, 1);
    assert.equal((await run(dir, ['init', '--force'])).code, 0);
  });

  it('on a terminal, asks where the postmortems are and adds them to files', async () => {
    const dir = tempTree({});
    const r = await run(dir, ['init'], { isTty: true, answers: ['docs/rca/'] });
    assert.equal(r.code, 0);
    assert.equal(r.questions.length, 1);
    const printed = JSON.parse((await run(dir, ['lint', '--print-config', 'a.md'])).stdout);
    assert.deepEqual(printed.files, ['docs/rca/**/*.md']);
  });
});

describe('--report-file', () => {
  it('writes more formats from the one run, each as its own --format would', async () => {
    const dir = tempTree({ '.postmortemrc.json': STRUCTURE_ONLY, 'postmortems/a.md': MISSING_TIMELINE });
    const r = await run(dir, [
      'lint',
      '-f',
      'github',
      '--report-file',
      'sarif=out/r.sarif',
      '--report-file',
      'markdown=c.md',
    ]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error /m);
    const sarif = await run(dir, ['lint', '-f', 'sarif']);
    assert.equal(readFileSync(join(dir, 'out/r.sarif'), 'utf8'), sarif.stdout);
    assert.equal(readFileSync(join(dir, 'c.md'), 'utf8'), (await run(dir, ['lint', '-f', 'markdown'])).stdout);
  });

  it('refuses an unknown format', async () => {
    const r = await run(tempTree({}), ['lint', '--report-file', 'pdf=a.pdf']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--report-file needs FORMAT=FILE/);
  });
});
