// The parsers behind --changed-since: `git diff --name-status -z`, git's quoted paths and `--unified=0` hunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNameStatusZ, parseUnifiedZeroDiff, unquoteGitPath } from '../../server/src/node/git-diff';

describe('parseNameStatusZ', () => {
  it('reads modified, added, deleted, renamed and copied entries, with any characters in names', () => {
    const out = [
      'M',
      'postmortems/a.md',
      'A',
      'post mortems/b, "c".md',
      'D',
      'gone.md',
      'R087',
      'old name.md',
      'new\tname.md',
      'C100',
      'src.md',
      'copy.md',
      'T',
      'link.md',
      'U',
      'conflict.md',
      '',
    ].join('\0');
    assert.deepEqual(parseNameStatusZ(out), [
      { status: 'modified', path: 'postmortems/a.md' },
      { status: 'added', path: 'post mortems/b, "c".md' },
      { status: 'deleted', path: 'gone.md' },
      { status: 'renamed', path: 'new\tname.md', from: 'old name.md' },
      { status: 'copied', path: 'copy.md', from: 'src.md' },
      { status: 'type-changed', path: 'link.md' },
    ]);
  });

  it('returns nothing for empty output', () => {
    assert.deepEqual(parseNameStatusZ(''), []);
  });
});

describe('unquoteGitPath', () => {
  it('undoes C-style quoting, octal UTF-8 bytes included', () => {
    assert.equal(unquoteGitPath('"a/caf\\303\\251 \\"x\\".md"'), 'a/café "x".md');
    assert.equal(unquoteGitPath('"tab\\there\\\\back.md"'), 'tab\there\\back.md');
    assert.equal(unquoteGitPath('"new\\nline.md"'), 'new\nline.md');
  });

  it('leaves unquoted names alone', () => {
    assert.equal(unquoteGitPath('b/plain name.md'), 'b/plain name.md');
    assert.equal(unquoteGitPath('"'), '"');
  });
});

describe('parseUnifiedZeroDiff', () => {
  it('collects added and modified lines of the new file, and where lines were deleted', () => {
    const patch = [
      'diff --git a/p.md b/p.md',
      'index 1111111..2222222 100644',
      '--- a/p.md',
      '+++ b/p.md',
      '@@ -3 +3 @@ ## Summary',
      '-old',
      '+new',
      '@@ -10,2 +9,0 @@',
      '-gone one',
      '-gone two',
      '@@ -20,0 +20,3 @@',
      '+a',
      '+b',
      '+c',
      '',
    ].join('\n');
    const files = parseUnifiedZeroDiff(patch);
    assert.deepEqual([...files.keys()], ['p.md']);
    const p = files.get('p.md');
    assert.deepEqual([...(p?.lines ?? [])], [3, 20, 21, 22]);
    assert.deepEqual([...(p?.deletedAfter ?? [])], [9]);
  });

  it('reads quoted names and the tab git adds after names with spaces', () => {
    const patch = [
      'diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"',
      '--- "a/caf\\303\\251.md"\t',
      '+++ "b/caf\\303\\251.md"\t',
      '@@ -1 +1 @@',
      '-x',
      '+y',
      'diff --git a/my file.md b/my file.md',
      '--- a/my file.md\t',
      '+++ b/my file.md\t',
      '@@ -2,0 +3 @@',
      '+z',
    ].join('\n');
    const files = parseUnifiedZeroDiff(patch);
    assert.deepEqual([...(files.get('café.md')?.lines ?? [])], [1]);
    assert.deepEqual([...(files.get('my file.md')?.lines ?? [])], [3]);
  });

  it('does not take an added line that starts with "++" for a file header', () => {
    const patch = [
      'diff --git a/p.md b/p.md',
      '--- a/p.md',
      '+++ b/p.md',
      '@@ -0,0 +1,2 @@',
      '+++ not a header',
      '+--- nor this',
      'diff --git a/q.md b/q.md',
      '--- a/q.md',
      '+++ b/q.md',
      '@@ -5 +5 @@',
      '-a',
      '+b',
    ].join('\n');
    const files = parseUnifiedZeroDiff(patch);
    assert.deepEqual([...files.keys()].sort(), ['p.md', 'q.md']);
    assert.deepEqual([...(files.get('p.md')?.lines ?? [])], [1, 2]);
  });

  it('skips deleted files, pure renames and binary files', () => {
    const patch = [
      'diff --git a/gone.md b/gone.md',
      'deleted file mode 100644',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-a',
      '-b',
      'diff --git a/old.md b/new.md',
      'similarity index 100%',
      'rename from old.md',
      'rename to new.md',
      'diff --git a/img.md b/img.md',
      'Binary files a/img.md and b/img.md differ',
    ].join('\n');
    assert.deepEqual([...parseUnifiedZeroDiff(patch).keys()], []);
  });

  it('copes with CRLF content lines', () => {
    const patch = 'diff --git a/w.md b/w.md\r\n--- a/w.md\r\n+++ b/w.md\r\n@@ -4 +4,2 @@\r\n-x\r\n+y\r\n+z\r\n';
    assert.deepEqual([...(parseUnifiedZeroDiff(patch).get('w.md')?.lines ?? [])], [4, 5]);
  });
});
