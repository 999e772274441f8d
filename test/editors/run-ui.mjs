// UI checks: code-server + headless Chromium, as a person would see the postmortem. Screenshots in test-results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, extensionRoot, here, printSuiteResult, requireTools, resultsDir } from './tools.mjs';

/**
 * Runs one UI script under its own code-server and returns its result (with the screenshot's path); `settings`:
 * the run's user settings.
 */
function check(name, script, args, shot, settings) {
  const started = Date.now();
  let result;
  try {
    requireTools('code-server', 'chromium', 'extension');
    mkdirSync(resultsDir, { recursive: true });
    const workspace = copyWorkspace();
    const run = spawnSync(
      join(here, 'vscode/with-code-server.sh'),
      ['node', join(here, 'vscode', script), extensionRoot, workspace, ...args, shot],
      {
        stdio: 'inherit',
        timeout: 240000,
        env: settings ? { ...process.env, CS_SETTINGS: JSON.stringify(settings) } : process.env,
      },
    );
    rmSync(workspace, { recursive: true, force: true });
    result =
      run.status === 0
        ? { name, status: 'passed', screenshot: shot }
        : {
            name,
            status: 'failed',
            screenshot: shot,
            error: run.error ? run.error.message : `${script} exited ${run.status} (see the log above)`,
          };
  } catch (e) {
    result = { name, status: 'failed', error: e.message };
  }
  result.ms = Date.now() - started;
  return result;
}

const results = [
  check(
    'Problems panel shows the missing Timeline section (screenshot)',
    'ui-check.js',
    ['postmortems/2024-03-01-db-outage.md', 'Timeline'],
    join(resultsDir, 'vscode-problems.png'),
  ),
  check(
    'Postmortem view, status bar and Problems panel show the checklist (screenshot)',
    'ui-view-check.js',
    ['postmortems/2024-05-20-cache-stampede.md'],
    join(resultsDir, 'vscode-postmortem-view.png'),
  ),
  check(
    'Code lens, inlay hints, Metrics and the Follow-up Actions view show the timeline figures (screenshot)',
    'ui-timeline-check.js',
    ['postmortems/2024-07-08-checkout-latency.md'],
    join(resultsDir, 'vscode-timeline.png'),
  ),
  check(
    'Typing headings and Enter character by character writes exactly what was typed (screenshot)',
    'ui-typing-check.js',
    ['postmortems/2024-04-12-queue-backlog.md'],
    join(resultsDir, 'vscode-typing.png'),
  ),
  check(
    'From an empty postmortems/ folder, the Follow-up Actions view appears with the first postmortem (screenshot)',
    'ui-empty-folder-check.js',
    [],
    join(resultsDir, 'vscode-empty-folder.png'),
  ),
  check(
    "The author's flows: an empty postmortem's note and templates, a fresh template, blame fixes, owners after @, the lens opening Metrics, the guide, per-rule settings (screenshots)",
    'ui-authoring-check.js',
    [],
    join(resultsDir, 'vscode-authoring.png'),
  ),
  check(
    'The web extension in the web worker extension host (server and analysis in web workers) shows the missing Timeline section (screenshot)',
    'ui-web-extension-check.js',
    ['postmortems/2024-03-01-db-outage.md', 'Timeline'],
    join(resultsDir, 'vscode-web-extension.png'),
    // The extension runs in the browser's web worker extension host instead of the Node one.
    { 'remote.extensionKind': { 'postmortem-tools.postmortem': ['web'] } },
  ),
];
process.exitCode = printSuiteResult('vscode-ui', results) ? 0 : 1;
