// Neovim 0.7 (Debian 12) as a second LSP client: the server must work with a client that sends no settings.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, here, printSuiteResult, requireTools, server } from './tools.mjs';

const name = 'Neovim shows the missing Timeline section';
const symbolsName = 'Neovim lists the outline (documentSymbol)';
const lensName = 'Neovim receives the timeline figures and inferred milestones as code lenses';
const started = Date.now();
let result;
let symbolsResult;
let lensResult;
try {
  requireTools('nvim', 'server');
  const workspace = copyWorkspace();
  const file = join(workspace, 'postmortems/2024-03-01-db-outage.md');
  const out = join(workspace, 'diagnostics.json');
  const run = spawnSync(
    'nvim',
    [
      '--headless',
      '-u',
      'NONE',
      '-i',
      'NONE',
      '-n',
      '-c',
      `luafile ${join(here, 'neovim/lsp-check.lua')}`,
      '--',
      file,
      out,
      server,
      workspace,
      join(workspace, 'postmortems/2024-07-08-checkout-latency.md'),
    ],
    { encoding: 'utf8', timeout: 60000 },
  );
  process.stdout.write(run.stdout || '');
  process.stderr.write(run.stderr || '');
  const diagnostics = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
  const symbols = existsSync(`${out}.symbols.json`) ? JSON.parse(readFileSync(`${out}.symbols.json`, 'utf8')) : [];
  const names = symbols.map((s) => `${'  '.repeat(s.depth)}${s.name}`);
  const expected = [
    'Postmortem: Database outage',
    '  Summary',
    '  Impact',
    '  Root cause',
    '  Mitigation',
    '  Action items',
  ];
  const actions = symbols.filter((s) => s.depth === 2 && s.kind === 8 /* Field */).length;
  symbolsResult =
    JSON.stringify(names.filter((n) => !n.startsWith('    '))) === JSON.stringify(expected) && actions === 3
      ? { name: symbolsName, status: 'passed' }
      : { name: symbolsName, status: 'failed', error: `outline was ${JSON.stringify(names)}` };
  const lenses = existsSync(`${out}.codelens.json`) ? JSON.parse(readFileSync(`${out}.codelens.json`, 'utf8')) : [];
  const titles = lenses.map((l) => l.title);
  lensResult =
    titles.includes('Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min') &&
    titles.includes('⟵ detection (inferred)')
      ? { name: lensName, status: 'passed' }
      : { name: lensName, status: 'failed', error: `code lenses were ${JSON.stringify(lenses)}` };
  rmSync(workspace, { recursive: true, force: true });
  const hit = diagnostics.find((d) => d.source === 'postmortem' && /Timeline/.test(d.message));
  result = hit
    ? { name, status: 'passed' }
    : {
        name,
        status: 'failed',
        error: `no postmortem diagnostic mentioning Timeline (nvim exited ${run.status}${run.error ? `, ${run.error.message}` : ''}); got ${JSON.stringify(diagnostics)}`,
      };
} catch (e) {
  result = { name, status: 'failed', error: e.message };
}
result.ms = Date.now() - started;
symbolsResult ??= { name: symbolsName, status: 'failed', error: 'Neovim did not run' };
symbolsResult.ms = result.ms; // one Neovim run answers all three
lensResult ??= { name: lensName, status: 'failed', error: 'Neovim did not run' };
lensResult.ms = result.ms;
process.exitCode = printSuiteResult('neovim', [result, symbolsResult, lensResult]) ? 0 : 1;
