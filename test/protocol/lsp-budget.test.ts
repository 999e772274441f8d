// The error budget over stdio, against the built server (dist/server.js), as any LSP client sees it: the SLO comes
// from the workspace's .postmortemrc.json, the budget is a code lens on the timeline heading and a part of
// postmortem/summary, and both follow an edit of the share affected and of the frontmatter's impact_share.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { PostmortemSummary } from '../../server/src/protocol';
import { LspClient } from '../helpers/lsp-client';
import { tempTree } from '../helpers/tmp';

const DOC = `---
title: Checkout errors
date: 2024-05-14
severity: SEV2
services: [checkout]
---

# Checkout errors

## Summary

A configuration push broke part of checkout.

## Impact

About 25% of checkout requests failed with a 500.

## Timeline

All times UTC.

- 2024-05-14 09:12 Config change deployed; checkout error rate rises. <!-- milestone: started -->
- 09:15 Alert fires.
- 09:42 Change rolled back; errors stop. <!-- milestone: mitigated -->
`;

describe('error budget over stdio', () => {
  const root = tempTree({
    '.postmortemrc.json': JSON.stringify({ slos: { checkout: { target: 99.9, window: '30d', sli: 'availability' } } }),
  });
  const uri = `file://${join(root, 'postmortems/2024-05-14-checkout.md')}`;
  let client: LspClient;
  let version = 1;

  async function change(text: string): Promise<void> {
    version++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await client.diagnostics(uri, (p) => p.version === version);
  }
  const budgetLens = async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    return lenses.find((l) => l.command?.title.startsWith('Error budget'));
  };
  const summary = () => client.request<PostmortemSummary>('postmortem/summary', { textDocument: { uri } });

  before(async () => {
    client = new LspClient({ rootPath: root });
    await client.initialize();
    await client.open(uri, DOC);
    await client.diagnostics(uri);
  });
  after(() => client.close());

  it('puts the budget of the configured SLO on the timeline heading', async () => {
    const lens = await budgetLens();
    assert.equal(lens?.command?.title, 'Error budget: 17% of 30d (7.5 min of 43.2 min, 99.9% availability)');
    assert.equal(lens?.range.start.line, DOC.split('\n').indexOf('## Timeline'));
    assert.match(lens?.command?.tooltip ?? '', /About 25% of checkout requests/);
  });

  it('sends it in postmortem/summary, with the sentence the share came from', async () => {
    const b = (await summary()).metrics?.errorBudget;
    assert.equal(b?.status, 'ok');
    assert.equal(b?.budgetPercent, 17.36);
    assert.equal(b?.ranges.find((r) => r.what === 'share')?.range.start.line, DOC.split('\n').indexOf('## Impact') + 2);
  });

  it('follows an edit of the share, and the frontmatter impact_share wins over the text', async () => {
    await change(DOC.replace('About 25%', 'About 50%'));
    assert.equal(
      (await budgetLens())?.command?.title,
      'Error budget: 35% of 30d (15 min of 43.2 min, 99.9% availability)',
    );
    await change(DOC.replace('services: [checkout]', 'services: [checkout]\nimpact_share: 10%'));
    assert.equal(
      (await budgetLens())?.command?.title,
      'Error budget: 6.9% of 30d (3 min of 43.2 min, 99.9% availability)',
    );
    const b = (await summary()).metrics?.errorBudget;
    assert.equal(b?.ranges.find((r) => r.what === 'share')?.range.start.line, 5);
  });

  it('drops the lens when the service has no SLO', async () => {
    await change(DOC.replace('services: [checkout]', 'services: [search]'));
    assert.equal(await budgetLens(), undefined);
    assert.equal((await summary()).metrics?.errorBudget?.status, 'no-slo');
  });
});
