// `postmortem lint` on a file made with New Postmortem…: an untouched template fails the run (its required parts
// still to write count as missing), with a message naming those parts; a filled-in one passes. --template-text=info
// (the default with --stdin, which editors use) keeps the editor's calm "still to write" notes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';
import { expand, readSnippets } from '../helpers/snippets';
import { tempTree } from '../helpers/tmp';

/** The New Postmortem command's pure helpers (client/src/templates.ts), loaded at run time as snippets.test.ts does. */
const { TEMPLATES, fillTitle } = require(join(__dirname, '..', '..', 'client', 'src', 'templates.ts')) as {
  TEMPLATES: readonly { id: string; prefix: string }[];
  fillTitle(body: string, title: string): string;
};

const snippets = Object.values(readSnippets());
const TITLE = 'Checkout errors after the database failover';
/** The default config, with room for a loaded machine: the worker's time budget must not decide the exit code. */
const RC = JSON.stringify({ root: true, timeBudgetMs: 60_000 });

/** What New Postmortem… writes for a template, with what the author typed at some tab stops. */
function fromTemplate(id: string, typed: Record<number, string> = {}): string {
  const prefix = TEMPLATES.find((t) => t.id === id)?.prefix;
  const snippet = snippets.find((s) => s.prefix === prefix);
  assert.ok(snippet, `no snippet for the ${id} template`);
  return expand(fillTitle(snippet.body.join('\n'), TITLE), typed);
}

/** The default template's tab stops, filled in as an author would (5: summary … 24: where we got lucky). */
const FILLED: Record<number, string> = {
  4: 'Priya Raman',
  26: 'Jonas Berg',
  5: 'From 09:00 to 09:40 UTC about 12% of checkout requests failed after the primary database failed over. Retries recovered once the connection pool was restarted. No data was lost.',
  6: '09:00',
  7: 'Checkout error rate rises to 12% as the primary database fails over.',
  8: '09:06',
  9: 'The checkout error-rate alert pages the on-call engineer; incident declared.',
  10: '09:40',
  11: 'Connection pool restarted; errors stop.',
  12: '10:30',
  13: 'Replication healthy again; incident resolved.',
  14: 'For 40 minutes about 12% of checkout requests (roughly 3,100 orders) failed with HTTP 500.',
  15: 'The connection pool kept connections to the old primary after the failover, because its health check only ran when a connection was opened.',
  16: 'The on-call engineer restarted the connection pool at 09:38 UTC, and errors stopped at 09:40 UTC.',
  17: 'Validate pooled connections on checkout after a failover',
  19: '@jonas',
  20: 'DB-412',
  22: 'The error-rate alert fired within six minutes.',
  23: 'The runbook did not mention the connection pool.',
  24: 'The failover happened at low traffic.',
};

describe('postmortem lint on a file made from a template', () => {
  for (const { id } of TEMPLATES) {
    it(`fails on an untouched ${id} template and lists the required parts still to write`, async () => {
      const dir = tempTree({ '.postmortemrc.json': RC, 'postmortems/2024-03-01-checkout.md': fromTemplate(id) });
      const r = await cli(dir, ['lint', 'postmortems']);
      assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /^ {2}\d+:1 {2}error {4}Still to write: "[^"]+" holds only the template's text\./m);
      assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, /);
      const note =
        /^postmortem: postmortems\/2024-03-01-checkout\.md is still a template: (\d+) required parts still to write \(([^)]*)\)\. Write them, or pass --template-text=info to report template text as notes\.$/m.exec(
          r.stderr,
        );
      assert.ok(note, r.stderr);
      // One error per part listed; together they are every required kind, under the template's own headings.
      const errors = r.stdout.split('\n').filter((l) => / error {4}Still to write: /.test(l));
      assert.equal(errors.length, Number(note[1]));
      assert.deepEqual(
        errors.map((l) => /Still to write: "([^"]+)"/.exec(l)?.[1]),
        note[2].split(', '),
      );
      const json = await cli(dir, ['lint', '--format', 'json', 'postmortems']);
      assert.equal(json.code, 1);
      const messages: { severity: number; data?: { required?: boolean; sections?: string[] } }[] = JSON.parse(
        json.stdout,
      )[0].messages;
      const kinds = new Set(messages.filter((m) => m.data?.required).flatMap((m) => m.data?.sections ?? []));
      for (const kind of ['summary', 'timeline', 'impact', 'root-cause', 'mitigation', 'action-items'])
        assert.ok(kinds.has(kind), `${kind} is not among the parts still to write`);
      assert.ok(messages.filter((m) => m.data?.required).every((m) => m.severity === 2));
    });
  }

  it("names the default template's parts by their headings, and only those still to write", async () => {
    const fresh = tempTree({ '.postmortemrc.json': RC, 'postmortems/a.md': fromTemplate('default') });
    const r = await cli(fresh, ['lint', 'postmortems']);
    assert.match(
      r.stderr,
      /6 required parts still to write \(Summary, Timeline, Impact, Root cause, Mitigation, Action items\)/,
    );
    // Lessons learned is not required: it stays a note.
    assert.match(r.stdout, / info {5}Still to write: "Lessons learned"/);

    const started = tempTree({
      '.postmortemrc.json': RC,
      'postmortems/a.md': fromTemplate('default', { 5: FILLED[5], 14: FILLED[14] }),
    });
    const partly = await cli(started, ['lint', 'postmortems']);
    assert.equal(partly.code, 1);
    assert.match(partly.stderr, /4 required parts still to write \(Timeline, Root cause, Mitigation, Action items\)/);
  });

  it('passes on the template filled in, with no note', async () => {
    const dir = tempTree({ '.postmortemrc.json': RC, 'postmortems/a.md': fromTemplate('default', FILLED) });
    const r = await cli(dir, ['lint', 'postmortems']);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stdout, /Still to write|error/);
    assert.equal(r.stderr, '');
  });

  it('--template-text=info reports the parts as notes and exits 0, as the editor shows them', async () => {
    const dir = tempTree({ '.postmortemrc.json': RC, 'postmortems/a.md': fromTemplate('default') });
    const r = await cli(dir, ['lint', '--template-text=info', 'postmortems']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\(0 errors, 0 warnings, \d+ info\)/);
    assert.equal(r.stdout.split('\n').filter((l) => / info {5}Still to write: /.test(l)).length, 7);
    assert.equal(r.stderr, '');
  });

  it('keeps the notes calm for --stdin (editors), unless --template-text=error', async () => {
    const dir = tempTree({ '.postmortemrc.json': RC });
    const text = fromTemplate('pagerduty');
    const asEditor = await cli(dir, ['lint', '--stdin', '--format', 'json'], { stdin: text });
    assert.equal(asEditor.code, 0, asEditor.stderr);
    const [calm] = JSON.parse(asEditor.stdout);
    assert.equal(calm.errorCount, 0);
    assert.equal(calm.messages.filter((m: { message: string }) => /^Still to write: /.test(m.message)).length, 7);
    const asCi = await cli(dir, ['lint', '--stdin', '--template-text=error', '--format', 'json'], { stdin: text });
    assert.equal(asCi.code, 1);
    assert.equal(JSON.parse(asCi.stdout)[0].errorCount, 6);
  });

  it('follows structure/required-section: a warning when that rule is one, nothing more when it is off', async () => {
    const rc = (severity: string) =>
      JSON.stringify({ root: true, timeBudgetMs: 60_000, rules: { 'structure/required-section': severity } });
    const text = fromTemplate('default');
    const warned = await cli(tempTree({ '.postmortemrc.json': rc('warning'), 'postmortems/a.md': text }), [
      'lint',
      '--max-warnings=0',
      'postmortems',
    ]);
    assert.equal(warned.code, 1);
    assert.match(warned.stdout, /\(0 errors, 6 warnings, \d+ info\)/);
    const off = await cli(tempTree({ '.postmortemrc.json': rc('off'), 'postmortems/a.md': text }), [
      'lint',
      'postmortems',
    ]);
    assert.equal(off.code, 0);
    assert.equal(off.stderr, '');
  });

  it('refuses an unknown --template-text mode', async () => {
    const r = await cli(tempTree({ '.postmortemrc.json': RC }), ['lint', '--template-text=warn']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--template-text needs error or info, not "warn"/);
  });
});
