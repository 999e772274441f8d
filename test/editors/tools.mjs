// Shared by the editor runners: where things are, the tool check, and the one-line result each runner prints.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
// Overridable only to try the harness against a stand-in before dist/ exists; the defaults are what CI tests.
export const server = process.env.POSTMORTEM_SERVER || join(root, 'dist/server.js');
export const extensionRoot = process.env.POSTMORTEM_EXTENSION_ROOT || root;
export const codeServer = join(root, '.vscode-test/code-server/node_modules/.bin/code-server');
export const resultsDir = join(root, 'test-results');
const chromium = JSON.parse(readFileSync(join(root, 'test/helpers/chromium.json'), 'utf8')).executablePath;

const onPath = (bin) => (process.env.PATH || '').split(':').some((d) => d && existsSync(join(d, bin)));
const checks = {
  'code-server': () => existsSync(codeServer),
  chromium: () => existsSync(chromium),
  nvim: () => onPath('nvim'),
};
const builds = {
  server: () => [server],
  extension: () =>
    ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'dist/analysis.js'].map(
      (f) => join(extensionRoot, f),
    ),
};

/** Throws with what to run when a tool or a build output is missing: the editor tests never skip silently. */
export function requireTools(...names) {
  const missing = names.filter((n) => checks[n] && !checks[n]());
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`npm run test:setup\` first`);
  const unbuilt = [...new Set(names.filter((n) => builds[n]).flatMap((n) => builds[n]()))].filter(
    (f) => !existsSync(f),
  );
  if (unbuilt.length) throw new Error(`missing ${unbuilt.join(', ')}: run \`npm run build\` first`);
}

/** A throwaway copy of test/editors/workspace, so edits made by a test never reach the fixtures. */
export function copyWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-ws-'));
  cpSync(join(here, 'workspace'), dir, { recursive: true });
  return dir;
}

/** run-all.mjs reads this line from each runner's output. */
export function printSuiteResult(suite, results) {
  const ran = results.length ? results : [{ name: `${suite} tests`, status: 'failed', error: 'no tests ran' }];
  const details = ran.map((d) => ({ suite, ...d }));
  const passed = details.filter((d) => d.status === 'passed').length;
  console.log(`SUITE-RESULT ${JSON.stringify({ suite, passed, failed: details.length - passed, details })}`);
  return passed === details.length;
}
