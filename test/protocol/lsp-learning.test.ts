// Related past incidents over stdio, against the built server (dist/server.js): the server reads the workspace's
// postmortems in the background, the open document's first diagnostics do not wait for that, and once the earlier
// incident is read the repeat-incident finding and the summary's related list follow.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { PostmortemSummary } from '../../server/src/protocol';
import { LspClient } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'learning', 'repeat-incident');
const EARLIER = readFileSync(join(FIXTURES, 'repeat.workspace', '2023-11-02-dns-records.md'), 'utf8');
const LATER = readFileSync(join(FIXTURES, 'repeat.md'), 'utf8');

describe('related past incidents over stdio', () => {
  it('finds the earlier incident on disk: repeat-incident finding and the summary related list', async () => {
    const root = tempTree({ 'postmortems/2023-11-02-dns-records.md': EARLIER });
    const client = new LspClient({ rootPath: root });
    try {
      await client.initialize();
      const uri = `file://${join(root, 'postmortems/2024-09-30-dns-records.md')}`;
      await client.open(uri, LATER);
      const repeat = (p: { diagnostics: Diagnostic[] }) =>
        p.diagnostics.some((d) => d.code === 'learning/repeat-incident');
      const published = await client.diagnostics(uri, repeat);
      const finding = published.diagnostics.find((d) => d.code === 'learning/repeat-incident');
      assert.match(String(finding?.message), /DNS records removed by a Terraform apply/);
      const summary = await client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri } });
      assert.deepEqual(
        summary.related?.map((r) => [r.relativePath, r.date, r.sharedServices]),
        [['postmortems/2023-11-02-dns-records.md', '2023-11-02', ['dns']]],
      );
    } finally {
      await client.close();
    }
  });
});
