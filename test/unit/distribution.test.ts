// The ways the CLI is distributed besides npm: the pre-commit hooks, the Dockerfile and the GitLab CI template.
// Each must name the package and version that scripts/build-package.mjs builds. Docker is not available on the
// machines these tests run on: the Dockerfile is checked with dockerfile-utils (the linter of VS Code's Docker
// extension) instead of being built.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate } from 'dockerfile-utils';
import { parse } from 'yaml';
import { main } from '../../server/src/cli/main';
import { STRUCTURE_ONLY } from '../helpers/config';
import { MINIMAL_POSTMORTEM } from '../helpers/postmortem';
import { tempTree } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PKG = JSON.parse(read('packages/cli/package.json'));
const PINNED = `${PKG.name}@${PKG.version}`;

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  additional_dependencies: string[];
  pass_filenames?: boolean;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];

  it('runs the published CLI at this version', () => {
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['postmortem-lint', 'postmortem-lint-all'],
    );
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.equal(hook.entry, 'postmortem lint');
      assert.deepEqual(hook.additional_dependencies, [PINNED]);
      assert.equal(Object.keys(PKG.bin).includes(hook.entry.split(' ')[0]), true);
    }
  });

  it('passes the files that look like postmortems by their path, and no other Markdown', () => {
    const files = new RegExp(hooks[0].files);
    for (const yes of [
      'postmortems/a.md',
      'docs/incidents/2024-05.md',
      'post-mortems/x.mdx',
      '2024-db-postmortem.md',
    ]) {
      assert.ok(files.test(yes), yes);
    }
    for (const no of ['README.md', 'docs/guide.md', 'CHANGELOG.md']) assert.ok(!files.test(no), no);
  });

  it('the command it runs, with the file names pre-commit passes, lints them', async () => {
    const dir = tempTree({
      '.postmortemrc.json': STRUCTURE_ONLY,
      'postmortems/a.md': MINIMAL_POSTMORTEM.replace('## Timeline\n\n- 10:00 UTC a\n\n', ''),
    });
    let stdout = '';
    const args = [...hooks[0].entry.split(' ').slice(1), 'postmortems/a.md'];
    const code = await main(args, {
      cwd: dir,
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      isTty: false,
      env: {},
    });
    assert.equal(code, 1, 'a failing hook blocks the commit');
    assert.match(stdout, /Missing required section "Timeline"/);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');

  it('is valid, on Node slim, and installs only the packed tarball of this version', () => {
    assert.deepEqual(
      validate(text).map((d) => d.message),
      [],
    );
    assert.match(text, /^FROM node:20-[a-z]+-slim$/m);
    assert.match(text, new RegExp(`^ARG VERSION=${PKG.version.replace(/\./g, '\\.')}$`, 'm'));
    // npm pack names a scoped package's tarball scope-name-version.tgz.
    const tarball = `${PKG.name.replace('@', '').replace('/', '-')}-\${VERSION}.tgz`;
    assert.ok(text.includes(`COPY packages/cli/${tarball} `), tarball);
    assert.match(text, /npm install -g --offline [^\n]*--ignore-scripts/);
    assert.match(text, /^ENTRYPOINT \["postmortem"\]$/m);
    assert.match(text, /^USER node$/m);
    assert.match(read('.dockerignore'), /^!packages\/cli\/postmortem-lint-cli-\*\.tgz$/m);
  });

  it('is documented with a docker run line', () => {
    assert.match(read('docs/ci.md'), /docker run --rm -v "\$PWD:\/work" postmortem-lint lint/);
  });
});

describe('GitLab CI template', () => {
  const template = parse(read('ci/gitlab/postmortem.gitlab-ci.yml')) as {
    postmortem: { variables: Record<string, string | number>; script: string[]; artifacts: { reports: object } };
  };

  it('installs the published CLI at this version, reports Code Quality on everything, fails on what changed', () => {
    const job = template.postmortem;
    assert.equal(job.variables.POSTMORTEM_VERSION, PKG.version);
    const script = job.script.join('\n');
    assert.match(script, /npm install --prefix \.postmortem-cli [^\n]*"@postmortem-lint\/cli@\$POSTMORTEM_VERSION"/);
    assert.ok(
      script.includes(`node .postmortem-cli/node_modules/${PKG.name}/${PKG.bin.postmortem.replace('./', '')} lint`),
    );
    assert.match(
      script,
      /--format gitlab --output-file gl-code-quality-report\.json -- \$POSTMORTEM_PATHS \|\| \[ \$\? -eq 1 \]/,
    );
    assert.match(job.script.at(-1) ?? '', /--changed-since "\$CI_MERGE_REQUEST_DIFF_BASE_SHA"/);
    assert.deepEqual(job.artifacts.reports, { codequality: 'gl-code-quality-report.json' });
  });
});
