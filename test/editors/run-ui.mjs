// UI check: code-server + headless Chromium, as a person would see the postmortem. Screenshot in test-results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, extensionRoot, here, printSuiteResult, requireTools, resultsDir } from './tools.mjs';

const name = 'Problems panel shows the missing Timeline section (screenshot)';
const started = Date.now();
let result;
try {
  requireTools('code-server', 'chromium', 'extension');
  mkdirSync(resultsDir, { recursive: true });
  const workspace = copyWorkspace();
  const shot = join(resultsDir, 'vscode-problems.png');
  const run = spawnSync(
    join(here, 'vscode/with-code-server.sh'),
    [
      'node',
      join(here, 'vscode/ui-check.js'),
      extensionRoot,
      workspace,
      'postmortems/2024-03-01-db-outage.md',
      'Timeline',
      shot,
    ],
    { stdio: 'inherit', timeout: 240000 },
  );
  rmSync(workspace, { recursive: true, force: true });
  result =
    run.status === 0
      ? { name, status: 'passed', screenshot: shot }
      : {
          name,
          status: 'failed',
          screenshot: shot,
          error: run.error ? run.error.message : `ui-check exited ${run.status} (see the log above)`,
        };
} catch (e) {
  result = { name, status: 'failed', error: e.message };
}
result.ms = Date.now() - started;
process.exitCode = printSuiteResult('vscode-ui', [result]) ? 0 : 1;
