// Extension tests inside real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven through @vscode/test-electron.
// No desktop VS Code can be downloaded here, so vscodeExecutablePath is a shim that runs code-server instead.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace, extensionRoot, here, printSuiteResult, requireTools } from './tools.mjs';

const suite = 'vscode';
let details;
const started = Date.now();
try {
  requireTools('code-server', 'chromium', 'extension');
  const workspace = copyWorkspace();
  const scratch = mkdtempSync(join(tmpdir(), 'postmortem-vscode-'));
  const resultsFile = join(scratch, 'mocha.json'); // written by vscode/index.js from inside the extension host
  try {
    await runTests({
      vscodeExecutablePath: join(here, 'vscode/code-shim.sh'),
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: join(here, 'vscode/index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { POSTMORTEM_MOCHA_RESULTS: resultsFile },
    });
  } catch (e) {
    console.error(`VS Code test run failed: ${e.message}`); // a failing test also lands here; details come from the file
  }
  details = existsSync(resultsFile)
    ? JSON.parse(readFileSync(resultsFile, 'utf8')).details
    : [
        {
          name: 'VS Code extension tests',
          status: 'failed',
          error: 'the run ended without mocha results (see the log above)',
        },
      ];
  rmSync(workspace, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
} catch (e) {
  details = [{ name: 'VS Code extension tests', status: 'failed', error: e.message }];
}
console.log(`VS Code run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = printSuiteResult(suite, details) ? 0 : 1;
