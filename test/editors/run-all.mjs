// Runs every real-editor check in turn (VS Code extension tests, the VS Code UI check, Neovim) and ends with one
// machine-readable line: EDITOR-RESULTS {"passed":N,"failed":M,"skipped":0,"details":[...]}. Exit code 1 on any failure.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { here, requireTools } from './tools.mjs';

const runners = ['run-vscode.mjs', 'run-ui.mjs', 'run-neovim.mjs'];

/** Runs one runner, echoing its output, and returns the details from its SUITE-RESULT line. */
function runSuite(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    let details;
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        if (line.startsWith('SUITE-RESULT ')) details = JSON.parse(line.slice(13)).details;
        else process.stdout.write(`${line}\n`);
      }
    });
    child.on('close', (code) =>
      resolve(details ?? [{ suite: file, name: file, status: 'failed', error: `exited ${code} without a result` }]),
    );
  });
}

const started = Date.now();
let details = [];
try {
  requireTools('code-server', 'chromium', 'nvim', 'extension', 'server'); // fail loudly: no silent skips
  for (const file of runners) {
    console.log(`\n=== ${file}`);
    details.push(...(await runSuite(file)));
  }
} catch (e) {
  console.error(`editor tests cannot run: ${e.message}`);
  details = [{ suite: 'setup', name: 'editor test tools', status: 'failed', error: e.message }];
}

const passed = details.filter((d) => d.status === 'passed').length;
const failed = details.length - passed;
console.log('\n=== editor tests');
for (const d of details) {
  console.log(
    `${d.status === 'passed' ? 'ok  ' : 'FAIL'} [${d.suite}] ${d.name}${d.ms != null ? ` (${d.ms} ms)` : ''}${d.error ? `\n     ${d.error}` : ''}`,
  );
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`EDITOR-RESULTS ${JSON.stringify({ passed, failed, skipped: 0, details })}`);
process.exitCode = failed ? 1 : 0;
