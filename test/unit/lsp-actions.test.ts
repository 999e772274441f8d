// Follow-up actions in the editor: the refs the views show, the workspace index behind `postmortem/actions`, and
// the shared Markdown walk it stands on.
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { PostmortemModel } from '../../server/src/core';
import { actionItemRefs } from '../../server/src/lsp/action-items';
import { type WorkspaceActionsHost, WorkspaceActionsIndex } from '../../server/src/lsp/workspace-actions';
import { nodeFiles } from '../../server/src/node/platform';
import { findMarkdownFiles } from '../../server/src/node/walk';
import { analyzeText } from '../helpers/analyze';
import { tempTree } from '../helpers/tmp';

const modelOf = (text: string) => analyzeText(text).model as PostmortemModel;

const CACHE = `# Postmortem: cache stampede

## Action items

- [ ] Validate TTL units (owner: platform, ticket: OPS-312)
- [x] Add a cache hit-ratio alert (owner: @sre, ticket: OPS-314)
- Improve monitoring
`;

describe('lsp: action item refs', () => {
  it('gives each action its text, owner, tracking, type, state and the line to reveal', () => {
    const refs = actionItemRefs(modelOf(CACHE));
    assert.deepEqual(
      refs.map((r) => [r.text.split(' (')[0], r.owner, r.tracking, r.status, r.statusSource, r.range.start.line]),
      [
        ['Validate TTL units', 'platform', ['OPS-312'], 'open', 'checkbox', 4],
        ['Add a cache hit-ratio alert', '@sre', ['OPS-314'], 'done', 'checkbox', 5],
        ['Improve monitoring', null, [], 'open', 'default', 6],
      ],
    );
    assert.deepEqual(
      refs.map((r) => r.title),
      ['Validate TTL units', 'Add a cache hit-ratio alert', 'Improve monitoring'],
      'the title leaves the owner and the tickets to the views',
    );
    assert.equal(refs[2].vague, true);
    assert.equal(refs[0].section, 'Action items');
    assert.equal(refs[1].type, 'detect');
  });
});

describe('lsp: the workspace actions index (postmortem/actions)', () => {
  const root = tempTree({
    'postmortems/2024-05-20-cache.md': CACHE,
    'postmortems/2024-06-02-search.md': '# Postmortem: search\n\n## Summary\n\nNo actions yet.\n',
    'notes/readme.md': '# Notes\n\n- [ ] Not a postmortem action\n',
    'node_modules/x/postmortem.md': CACHE,
  });
  const cache = join(root, 'postmortems/2024-05-20-cache.md');
  const analysed: string[] = [];
  const host = (open: Record<string, string> = {}): WorkspaceActionsHost => ({
    folders: [root],
    files: nodeFiles,
    openModel: (uri) => {
      const text = open[uri];
      return text === undefined ? undefined : { model: modelOf(text) };
    },
    analyse: (path, text) => {
      analysed.push(path);
      return path.includes('/postmortems/') ? modelOf(text) : undefined;
    },
  });

  it('lists the postmortems (with or without actions), skipping other Markdown and node_modules', async () => {
    const index = new WorkspaceActionsIndex();
    const result = await index.collect(host());
    assert.equal(result.files, 3);
    assert.equal(result.truncated, false);
    assert.deepEqual(
      result.postmortems.map((p) => [p.relativePath, p.title, p.actions.length]),
      [
        ['postmortems/2024-05-20-cache.md', 'Postmortem: cache stampede', 3],
        ['postmortems/2024-06-02-search.md', 'Postmortem: search', 0],
      ],
    );
    assert.equal(result.postmortems[0].uri, URI.file(cache).toString());
  });

  it('reads an open document from the editor, and a file on disk again only when it changed', async () => {
    const index = new WorkspaceActionsIndex();
    await index.collect(host());
    analysed.length = 0;
    await index.collect(host());
    assert.equal(analysed.length, 0, 'nothing changed on disk: nothing analysed again');

    const edited = CACHE.replace('- [ ] Validate', '- [x] Validate');
    const fromEditor = await index.collect(host({ [URI.file(cache).toString()]: edited }));
    assert.equal(fromEditor.postmortems[0].actions[0].status, 'done', 'the editor text, unsaved');

    writeFileSync(cache, `${CACHE}- [ ] Page on TTL changes (owner: sre, ticket: OPS-315)\n`);
    utimesSync(cache, new Date(), new Date(Date.now() + 5000));
    const fromDisk = await index.collect(host());
    assert.deepEqual(
      analysed.map((p) => p.slice(root.length + 1)),
      ['postmortems/2024-05-20-cache.md'],
    );
    assert.equal(fromDisk.postmortems[0].actions.length, 4);
    index.clear();
    analysed.length = 0;
    await index.collect(host());
    assert.equal(analysed.length, 3, 'clear() forgets what was read');
  });

  it('stops at the file limit and says so', async () => {
    const result = await new WorkspaceActionsIndex(1).collect(host());
    assert.equal(result.truncated, true);
    assert.equal(result.files, 1);
  });
});

describe('node: the shared Markdown walk', () => {
  it('walks depth first in name order (as the CLI always has), skipping dot-folders', async () => {
    const root = tempTree({
      'b.md': '',
      'a/z.markdown': '',
      'a/.hidden/x.md': '',
      'c/d.MDX': '',
      'c/e.txt': '',
    });
    const { files } = await findMarkdownFiles([root]);
    assert.deepEqual(
      files.map((f) => f.slice(root.length + 1)),
      ['a/z.markdown', 'b.md', 'c/d.MDX'],
    );
  });

  it('skips a folder it cannot read, or lets the caller stop (the CLI makes it a usage error)', async () => {
    const root = tempTree({ 'ok/a.md': '' });
    const missing = join(root, 'missing');
    const seen: string[] = [];
    const { files } = await findMarkdownFiles([root, missing], { onUnreadable: (dir) => seen.push(dir) });
    assert.ok(files.some((f) => f.endsWith('ok/a.md')));
    assert.ok(seen.includes(missing));
    await assert.rejects(
      findMarkdownFiles([missing], {
        onUnreadable: (dir, e) => {
          throw new Error(`Cannot read folder ${dir}: ${e.code}`);
        },
      }),
      /Cannot read folder .*missing: ENOENT/,
    );
  });
});
