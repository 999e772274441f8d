// action.yml: its shape, and its lint and fail-on steps run as the runner runs them (bash -eo pipefail, inputs
// through env), against a git repository shaped like a pull request. Needs `node scripts/build.mjs` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { STRUCTURE_ONLY } from '../helpers/config';
import { commitAll, GIT_ENV, git, initRepo } from '../helpers/git';
import { postmortem as failoverPostmortem, type PostmortemOptions } from '../helpers/postmortem';
import { tempTree, writeIn } from '../helpers/tmp';

const ROOT = join(__dirname, '..', '..');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_TEXT = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const ACTION = parse(ACTION_TEXT) as Action;

/** Evaluates the `${{ … }}` expressions this action uses in step env and working-directory. */
function expand(
  value: string,
  context: { inputs: Record<string, string>; github: Record<string, string>; steps: Record<string, string> },
) {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const [scope, ...rest] = expr.split('.');
    const key = rest.join('.');
    if (scope === 'inputs') return context.inputs[key] ?? '';
    if (scope === 'github') return context.github[key] ?? '';
    if (scope === 'steps') return context.steps[key] ?? '';
    throw new Error(`unexpected expression ${expr}`);
  });
}

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs one `run:` step of the action as GitHub's runner does for `shell: bash`. */
function runStep(
  id: string,
  overrides: Record<string, string>,
  github: Record<string, string>,
  cwd: string,
  steps: Record<string, string> = {},
): StepRun {
  const step = ACTION.runs.steps.find((s) => s.id === id || s.name === id);
  assert.ok(step?.run, id);
  const inputs = Object.fromEntries(
    Object.entries(ACTION.inputs).map(([k, v]) => [
      k,
      overrides[k] ?? expand(v.default ?? '', { inputs: {}, github, steps }),
    ]),
  );
  const context = { inputs, github, steps };
  const work = mkdirTemp(cwd);
  const files = { output: join(work, 'output'), summary: join(work, 'summary'), script: join(work, 'step.sh') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.script, step.run);
  const env: Record<string, string> = {
    ...(GIT_ENV as Record<string, string>),
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: work,
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, context);
  const where = join(cwd, expand(step['working-directory'] ?? '.', context));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
    cwd: where,
    env,
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(files.output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(files.summary, 'utf8') };
}

let tempCount = 0;
function mkdirTemp(base: string): string {
  const dir = join(base, '..', `runner-temp-${tempCount++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Lint, then apply fail-on, as the composite action would. */
function runAction(overrides: Record<string, string>, github: Record<string, string>, cwd: string) {
  const lint = runStep('lint', overrides, github, cwd, { 'cli.outputs.cli': join(ROOT, 'dist', 'cli.js') });
  const result = runStep('Apply fail-on', overrides, github, cwd, {
    'lint.outputs.exit-code': lint.outputs['exit-code'] ?? '',
  });
  return { lint, exitCode: result.code };
}

/** The shared postmortem with a one-entry timeline: the line numbers asserted below count on it. */
const postmortem = (title: string, options: PostmortemOptions = {}) =>
  failoverPostmortem(title, { timeline: '- 14:03 UTC failover', ...options });

describe('action.yml', () => {
  it('is a composite action whose scripts get inputs through env only', () => {
    assert.equal(ACTION.runs.using, 'composite');
    for (const step of ACTION.runs.steps) {
      if (step.run) {
        assert.equal(step.shell, 'bash', `${step.name ?? step.id}: shell`);
        assert.ok(!step.run.includes('${{'), `${step.name ?? step.id}: no expressions inside the script (injection)`);
      }
    }
    const referenced = new Set([...ACTION_TEXT.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    for (const name of referenced) assert.ok(name in ACTION.inputs, `inputs.${name} is declared`);
  });

  it('has the inputs a pull-request workflow needs, with the agreed defaults', () => {
    for (const name of ['paths', 'format', 'changed-since', 'fail-on', 'max-warnings', 'sarif-file']) {
      assert.ok(ACTION.inputs[name]?.description, name);
    }
    assert.equal(ACTION.inputs.format.default, 'github');
    assert.equal(ACTION.inputs['changed-since'].default, `origin/\${{ github.base_ref }}`);
    assert.equal(ACTION.inputs['fail-on'].default, 'error');
    assert.ok(ACTION.outputs['exit-code'].value.includes('steps.lint.outputs.exit-code'));
  });

  it('sets up Node 20 when needed, then installs only the packed CLI, cached per version', () => {
    const setup = ACTION.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.equal(setup?.with?.['node-version'], 20);
    const building = ACTION.runs.steps.filter((s) => /npm (ci|run)/.test(s.run ?? ''));
    assert.deepEqual(
      building.map((s) => s.name),
      ['Install the Postmortem CLI'],
      'no npm ci nor build but as a fallback',
    );
    const cache = ACTION.runs.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    assert.match(String(cache?.with?.key), /steps\.cli\.outputs\.version/);
    const install = ACTION.runs.steps.find((s) => s.name === 'Install the Postmortem CLI');
    assert.match(install?.if ?? '', /cache-hit != 'true'/);
    // Only when the version is not on npm (a branch before its release) is the package built, then packed.
    const run = install?.run ?? '';
    assert.ok(run.indexOf('if ! npm install') < run.indexOf('npm ci'));
    assert.match(run, /build-package\.mjs --pack/);
    assert.match(
      install?.run ?? '',
      /npm install --prefix "\$PREFIX" [^\n]*--ignore-scripts "@postmortem-lint\/cli@\$VERSION"/,
    );
    const lint = ACTION.runs.steps.find((s) => s.id === 'lint');
    assert.equal(lint?.run?.match(/node "\$cli" lint/g)?.length, 1, 'the files are analysed once');
  });

  it('finds the CLI: the built package on a release tag, else the version to install', () => {
    const checkout = tempTree({ 'packages/cli/package.json': '{ "version": "1.2.3" }' });
    const env = { GITHUB_ACTION_PATH: checkout, RUNNER_TOOL_CACHE: join(checkout, 'cache') };
    const find = (inputs: Record<string, string>) => {
      const step = ACTION.runs.steps.find((s) => s.id === 'cli');
      const out = join(checkout, 'out');
      writeFileSync(out, '');
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', step?.run ?? ''], {
        env: { ...process.env, ...env, GITHUB_OUTPUT: out, INPUT_VERSION: inputs.version ?? '' },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      return Object.fromEntries(
        readFileSync(out, 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split(/=(.*)/s).slice(0, 2)),
      );
    };
    const fromNpm = find({});
    assert.equal(fromNpm.install, 'true');
    assert.equal(fromNpm.version, '1.2.3');
    assert.equal(
      fromNpm.cli,
      join(checkout, 'cache/postmortem-lint/1.2.3/node_modules/@postmortem-lint/cli/dist/cli.js'),
    );
    assert.equal(find({ version: '2.0.0' }).version, '2.0.0');
    writeIn(checkout, 'packages/cli/dist/cli.js', '');
    const tagged = find({});
    assert.equal(tagged.install, 'false');
    assert.equal(tagged.cli, join(checkout, 'packages/cli/dist/cli.js'));
  });

  it('docs/ci.md has a workflow that checks out the history and uses only inputs the action declares', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    const workflow = parse(/```yaml\n(name: Postmortems[\s\S]*?)```/.exec(docs)?.[1] ?? '') as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs)[0].steps;
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'], 0);
    const ours = steps.find((s) => s.uses?.startsWith('postmortem-dev/postmortem@'));
    assert.ok(ours?.with);
    for (const key of Object.keys(ours.with)) assert.ok(key in ACTION.inputs, `input ${key}`);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.match(String(upload?.with?.sarif_file), /steps\.postmortem\.outputs\.sarif-file/);
    assert.ok('sarif-file' in ACTION.outputs);
    // GitLab: the docs include the template, whose job writes the Code Quality report it declares.
    const include = parse(/```yaml\n(include:[\s\S]*?)```/.exec(docs)?.[1] ?? '') as {
      include: { remote: string }[];
      postmortem: { variables: Record<string, string> };
    };
    assert.match(include.include[0].remote, /\/ci\/gitlab\/postmortem\.gitlab-ci\.yml$/);
    const template = parse(readFileSync(join(ROOT, 'ci/gitlab/postmortem.gitlab-ci.yml'), 'utf8')) as {
      postmortem: {
        script: string[];
        variables: Record<string, unknown>;
        artifacts: { reports: { codequality: string } };
      };
    };
    for (const key of Object.keys(include.postmortem.variables)) assert.ok(key in template.postmortem.variables, key);
    const report = template.postmortem.artifacts.reports.codequality;
    assert.ok(template.postmortem.script.some((line) => line.includes(`--format gitlab --output-file ${report}`)));
  });

  describe('run against a pull request', () => {
    const root = tempTree({});
    const repo = join(root, 'repo');
    const pr = { base_ref: 'main', event_name: 'pull_request', action_path: ROOT };
    const push = { base_ref: '', event_name: 'push', action_path: ROOT };

    before(() => {
      assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `node scripts/build.mjs` first');
      initRepo(repo);
      writeIn(repo, '.postmortemrc.json', STRUCTURE_ONLY);
      writeIn(repo, 'postmortems/old.md', postmortem('old', { drop: ['Timeline'] }));
      writeIn(repo, 'post mortems/warn only.md', postmortem('warn', {}));
      commitAll(repo, 'base');
      // What actions/checkout with fetch-depth 0 leaves: a remote-tracking ref for the base branch.
      git(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
      git(repo, 'checkout', '-q', '-b', 'feature');
      writeIn(repo, 'postmortems/new.md', postmortem('new', { drop: ['Impact'] }));
      writeIn(repo, 'post mortems/warn only.md', postmortem('warn', { empty: ['Impact'] }));
      commitAll(repo, 'feature');
    });

    it('annotates only the changed lines of the changed postmortems, and fails on errors', () => {
      const { lint, exitCode } = runAction({}, pr, repo);
      assert.equal(lint.code, 0, `the lint step itself never fails: ${lint.stderr}`);
      assert.equal(lint.outputs['exit-code'], '1');
      const annotations = lint.stdout.split('\n').filter((l) => l.startsWith('::'));
      assert.ok(
        annotations.some((l) => l.startsWith('::error file=postmortems/new.md,line=1,')),
        lint.stdout,
      );
      assert.ok(
        annotations.some((l) => l.startsWith('::warning file=post mortems/warn only.md,line=11,')),
        lint.stdout,
      );
      assert.ok(!annotations.some((l) => l.includes('postmortems/old.md')), 'unchanged files are not reported');
      assert.equal(exitCode, 1);
    });

    it('writes the markdown report, with its checklist, to the job summary', () => {
      const { lint } = runAction({}, pr, repo);
      assert.ok(lint.summary.startsWith('<!-- postmortem:report -->\n## Postmortem review'));
      assert.match(lint.summary, /changed since `origin\/main`/);
      assert.match(lint.summary, /- ❌ \*\*Impact\*\*: missing/);
      assert.ok(existsSync(lint.outputs.report));
      const quiet = runAction({ summary: 'false' }, pr, repo);
      assert.equal(quiet.lint.summary, '');
    });

    it('lints everything on a push, where there is no pull request base', () => {
      const { lint } = runAction({}, push, repo);
      assert.ok(lint.stdout.includes('file=postmortems/old.md'), lint.stdout + lint.stderr);
    });

    it('fail-on never reports without failing; fail-on warning fails on warnings alone', () => {
      assert.equal(runAction({ 'fail-on': 'never' }, pr, repo).exitCode, 0);
      const warnOnly = { paths: 'post mortems/warn only.md' };
      const plain = runAction(warnOnly, pr, repo);
      assert.equal(plain.exitCode, 0, plain.lint.stdout + plain.lint.stderr);
      const strict = runAction({ ...warnOnly, 'fail-on': 'warning' }, pr, repo);
      assert.equal(strict.exitCode, 1);
      assert.equal(runAction({ ...warnOnly, 'fail-on': 'warning', 'max-warnings': '1' }, pr, repo).exitCode, 0);
    });

    it('takes paths one per line, spaces and all, or several on one line', () => {
      const { lint } = runAction({ paths: 'post mortems/warn only.md\n  postmortems/new.md  \n' }, pr, repo);
      assert.ok(lint.stdout.includes('file=post mortems/warn only.md'));
      assert.ok(lint.stdout.includes('file=postmortems/new.md'));
      const oneLine = runAction({ paths: 'postmortems/old.md  postmortems/new.md' }, push, repo);
      assert.ok(oneLine.lint.stdout.includes('file=postmortems/old.md'), oneLine.lint.stderr);
      assert.ok(oneLine.lint.stdout.includes('file=postmortems/new.md'));
      const whole = runAction({ paths: 'post mortems/warn only.md' }, pr, repo);
      assert.ok(whole.lint.stdout.includes('file=post mortems/warn only.md'), whole.lint.stderr);
    });

    it('writes SARIF for code scanning and gives its absolute path', () => {
      const { lint } = runAction({ 'sarif-file': 'reports/postmortem.sarif' }, pr, repo);
      assert.equal(lint.outputs['sarif-file'], join(repo, 'reports', 'postmortem.sarif'));
      const log = JSON.parse(readFileSync(join(repo, 'reports', 'postmortem.sarif'), 'utf8'));
      assert.equal(log.version, '2.1.0');
      assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'structure/required-section'));
    });

    it('fails with exit code 2 on a bad fail-on, an unknown ref or a bad format, even with fail-on never', () => {
      const badLevel = runAction({ 'fail-on': 'sometimes' }, pr, repo);
      assert.match(badLevel.lint.stdout, /::error title=Postmortem lint::fail-on must be error, warning or never/);
      assert.equal(badLevel.exitCode, 2);
      const badRef = runAction({ 'changed-since': 'origin/nope', 'fail-on': 'never' }, pr, repo);
      assert.match(badRef.lint.stderr, /Unknown git ref "origin\/nope"/);
      assert.equal(badRef.exitCode, 2);
      assert.equal(runAction({ format: 'xml', 'fail-on': 'never' }, pr, repo).exitCode, 2);
    });
  });
});
