import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPostmortem } from '../../server/src/core';

describe('which Markdown is a postmortem', () => {
  it('matches the default path globs, relative or absolute, any OS separator', () => {
    for (const path of [
      'docs/postmortems/2024-01-01.md',
      '/home/me/repo/post-mortems/x.md',
      'incidents/2024/db.markdown',
      'notes/2024-05-db-postmortem.md',
      'C:\\repo\\postmortems\\x.md',
      'team/Q3-Post-Mortem.md',
    ]) {
      assert.ok(isPostmortem(path, '# Notes\n'), path);
    }
    assert.equal(isPostmortem('docs/readme.md', '# Notes\n'), false);
  });

  it('recognises frontmatter type and titles naming a postmortem', () => {
    assert.ok(isPostmortem('a.md', '---\ntype: postmortem\n---\n# DB\n'));
    assert.ok(isPostmortem('a.md', '+++\ntype = "post-mortem"\n+++\n'));
    assert.ok(isPostmortem('a.md', '---\ntitle: "Incident report: DNS"\n---\n'));
    assert.ok(isPostmortem('a.md', '# Postmortem for v0.0.19 deployment failure\n'));
    assert.ok(isPostmortem('a.md', '\uFEFF# Incident Review: checkout\n'));
    assert.ok(isPostmortem('a.md', 'Post mortem: login\n===\n'));
    assert.equal(isPostmortem('a.md', '# Team notes\n\nWe wrote a postmortem last week.\n'), false);
    assert.equal(isPostmortem('a.md', '---\ntype: runbook\n---\n# Restart the DB\n'), false);
  });

  it('takes custom globs', () => {
    assert.ok(isPostmortem('retros/2024-01.md', '# x', ['retros/**']));
    assert.equal(isPostmortem('docs/postmortems/x.md', '# x', ['retros/**']), false);
  });
});
