// `postmortem --help` is answered by the entry point from cli/help.ts before the CLI proper loads: the same texts and
// exit codes as the CLI's own dispatch, and the format list the formatters have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../server/src/cli/formatters';
import { FORMAT_NAMES, HELP, helpFor } from '../../server/src/cli/help';
import { main } from '../../server/src/cli/main';

async function viaMain(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(argv, {
    cwd: process.cwd(),
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => undefined,
    isTty: false,
    env: {},
  });
  return { code, stdout };
}

describe('cli: help before the analysis loads', () => {
  it('lists the formats the formatters have, in their order', () => {
    assert.deepEqual([...FORMAT_NAMES], Object.keys(FORMATTERS));
    assert.match(HELP, /stylish, json, sarif, github, gitlab, markdown/);
  });

  for (const argv of [[], ['--help'], ['-h'], ['help'], ['--help', 'lint'], ['lint', '--help'], ['lint', '-h']]) {
    it(`answers ${JSON.stringify(argv)} as the CLI does`, async () => {
      const help = helpFor(argv);
      assert.ok(help);
      assert.deepEqual({ code: help.code, stdout: help.text }, await viaMain(argv));
    });
  }

  it('leaves everything else to the CLI', () => {
    for (const argv of [['lint'], ['lint', 'x.md', '--help'], ['report', '--help'], ['--version'], ['lint', '-q']]) {
      assert.equal(helpFor(argv), undefined, JSON.stringify(argv));
    }
  });
});
