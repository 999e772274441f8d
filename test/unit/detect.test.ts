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

  it('does not take an index page in a postmortems folder for a postmortem', () => {
    const index = [
      '# Postmortems',
      '',
      'Our public incident reviews, newest first.',
      '',
      '## 2024',
      '',
      '- [Search outage](2024-03-01-search.md)',
      '- [Login errors](./2024-01-12-login.md)',
      '',
      '```md',
      '## Timeline',
      '```',
    ].join('\n');
    assert.equal(isPostmortem('docs/postmortems/README.md', index), false);
    assert.equal(isPostmortem('incidents/index.md', index), false);
    // The same text under another name is still taken by its path.
    assert.ok(isPostmortem('docs/postmortems/2024-index-outage.md', index));
    // A README that is itself a postmortem (it has a postmortem's parts) stays one.
    const postmortem = `${index}\n\n## Timeline (UTC)\n\n- 10:00 Deploy.\n\n## Root cause\n\nA bad flag.\n`;
    assert.ok(isPostmortem('docs/postmortems/README.md', postmortem));
    // A README with one link is not an index; one that says it is a postmortem in its frontmatter is one.
    assert.ok(isPostmortem('postmortems/README.md', '# Notes\n\nSee [the runbook](run.md).\n'));
    assert.ok(isPostmortem('postmortems/README.md', `---\ntype: postmortem\n---\n${index}`));
  });

  it('takes custom globs', () => {
    assert.ok(isPostmortem('retros/2024-01.md', '# x', ['retros/**']));
    assert.equal(isPostmortem('docs/postmortems/x.md', '# x', ['retros/**']), false);
  });
});
