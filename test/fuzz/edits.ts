// Seeded edits of a document, for the incremental parser's property test (test/static/incremental.test.ts) and its
// longer campaign (scripts/fuzz-incremental.ts): characters, words and lines inserted, deleted and replaced at random
// offsets, ranges across block boundaries, and the structures whose edits can change more than one block (headings,
// list items and markers, table rows and delimiter rows, fences, HTML blocks and comments, frontmatter, definitions,
// setext underlines, blank lines, indentation, line endings, a byte order mark).
import type { TextChange } from '../../server/src/core/incremental';

const CHARS = [
  'a',
  'e',
  'Z',
  '7',
  ' ',
  ' ',
  '\n',
  '\n',
  '\t',
  '-',
  '*',
  '+',
  '#',
  '`',
  '~',
  '|',
  '>',
  '<',
  '[',
  ']',
  '(',
  ')',
  ':',
  '=',
  '_',
  '!',
  '\\',
  '.',
  '1',
  '\r',
];
const WORDS = ['the', 'deploy', 'failed', 'because', 'Alice', 'restarted', '14:05', 'UTC', '2024-03-12', 'rollback'];
const LINES = [
  '',
  '# Postmortem: a title',
  '## Timeline',
  '### 2024-03-13',
  '## Impact',
  '- 14:02 UTC the alert fired',
  '- **10:15** Bob restarted the database because it failed',
  '* another marker',
  '1. numbered item',
  '2) other numbered item',
  '  - nested item',
  '    indented code or continuation',
  '| Time | Event |',
  '| --- | --- |',
  '| 10:00 | deploy started |',
  '```',
  '~~~',
  '```js',
  '---',
  '+++',
  '***',
  '===',
  '<!-- a comment',
  '-->',
  '<!-- postmortem-disable blame/named-individual -->',
  '<div>',
  '</div>',
  '<Timeline>',
  '[ref]: https://example.com',
  '[^1]: a footnote',
  'See [ref] and [^1].',
  '> quoted line',
  'title: Something',
  'date: 2024-03-12',
  '**Root cause:** a bad config',
  '- [ ] task item',
  'Plain prose written lazily after a list item.',
];

/** One random edit of `text`. `random()` gives numbers in [0, 1). */
export function randomEdit(text: string, random: () => number): TextChange {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  const offset = () => int(text.length + 1);
  const lineStarts = (): number[] => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    return starts;
  };
  const lineAt = () => {
    const starts = lineStarts();
    const k = int(starts.length);
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    return { start, end };
  };
  const kind = int(16);
  switch (kind) {
    case 0:
    case 1:
    case 2: // type one character
      return { offset: offset(), deleted: 0, inserted: pick(CHARS) };
    case 3:
    case 4: {
      // delete one or a few characters
      const at = offset();
      return { offset: at, deleted: Math.min(text.length - at, 1 + int(random() < 0.7 ? 1 : 4)), inserted: '' };
    }
    case 5: // a word
      return { offset: offset(), deleted: 0, inserted: `${pick(WORDS)} ` };
    case 6: {
      // replace a word-sized range
      const at = offset();
      return { offset: at, deleted: Math.min(text.length - at, int(12)), inserted: pick(WORDS) };
    }
    case 7:
    case 8: {
      // a structural line inserted at a line start
      const { start } = lineAt();
      return { offset: start, deleted: 0, inserted: `${pick(LINES)}\n` };
    }
    case 9: {
      // a line deleted
      const { start, end } = lineAt();
      return { offset: start, deleted: end - start, inserted: '' };
    }
    case 10: {
      // a line replaced by a structural one
      const { start, end } = lineAt();
      const newline = text.charCodeAt(end - 1) === 10 ? '\n' : '';
      return { offset: start, deleted: end - start, inserted: `${pick(LINES)}${newline}` };
    }
    case 11: {
      // a range across block boundaries
      const at = offset();
      return { offset: at, deleted: Math.min(text.length - at, int(300)), inserted: random() < 0.5 ? '' : pick(LINES) };
    }
    case 12: {
      // a line's start: marker, indentation, heading level
      const { start } = lineAt();
      const prefix = pick(['#', '# ', '- ', '  ', '    ', '> ', '1. ', '|', '']);
      const deleted = random() < 0.5 ? 0 : Math.min(text.length - start, 1 + int(3));
      return { offset: start, deleted, inserted: prefix };
    }
    case 13: {
      // near the start: frontmatter, title, a byte order mark
      const at = int(Math.min(text.length, 120) + 1);
      const inserted = pick(['\uFEFF', '---\n', 'x', ':', '\n', 'type: postmortem\n', '']);
      return { offset: random() < 0.2 ? 0 : at, deleted: random() < 0.4 ? Math.min(text.length - at, 1) : 0, inserted };
    }
    case 14: {
      // a blank line inserted or removed (blocks split or merged)
      const { start, end } = lineAt();
      if (random() < 0.5 || end === start) return { offset: start, deleted: 0, inserted: '\n' };
      return { offset: end - 1, deleted: 1, inserted: '' };
    }
    default: {
      // a line duplicated elsewhere (a list item or table row typed again)
      const { start, end } = lineAt();
      const to = lineAt().start;
      const line = text.slice(start, end);
      return { offset: to, deleted: 0, inserted: line.endsWith('\n') ? line : `${line}\n` };
    }
  }
}
