// The incremental analysis equals a full one (issue 11): after every generated edit of the real corpus and of the
// 10,000-line benchmark document, the incrementally parsed tree deep-equals a fresh parse (positions included) and
// the findings equal a fresh `analyze`. Edits are seeded (test/fuzz/edits.ts); INCREMENTAL_EDITS and
// INCREMENTAL_SEED run more or other ones (scripts/fuzz-incremental.ts runs a long campaign).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePostmortem } from '../../scripts/bench/_generate-postmortem';
import { analyze, defaultConfig } from '../../server/src/core';
import { getActionItems } from '../../server/src/core/actions';
import {
  applyChange,
  changeBetween,
  IncrementalAnalyzer,
  IncrementalParser,
  type ParseMode,
  type TextChange,
  withoutCaches,
} from '../../server/src/core/incremental';
import { memoizeText } from '../../server/src/core/incremental/memo';
import { parseMarkdown } from '../../server/src/core/parse';
import { getMilestones, getTimeline } from '../../server/src/core/timeline';
import { RULES } from '../../server/src/rules';
import { randomEdit } from '../fuzz/edits';
import { random } from '../fuzz/generate';

const CORPUS = join(__dirname, '..', 'corpus', 'real');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const EDITS = Number(process.env.INCREMENTAL_EDITS) || 5;
/** Edits per document in the analysis property test (each one checked against a fresh analysis). */
const ANALYSIS_EDITS = Number(process.env.INCREMENTAL_ANALYSIS_EDITS) || 4;
const SEED = Number(process.env.INCREMENTAL_SEED) || 20261207;
const config = defaultConfig(RULES);

/** Applies `change`, parses incrementally, and checks the tree against a fresh parse. */
function step(parser: IncrementalParser, text: string, change: TextChange, where: string): [string, ParseMode] {
  const next = applyChange(text, change);
  const outcome = parser.parse(next, change);
  assert.deepStrictEqual(outcome.tree, parseMarkdown(next), `${where}: ${JSON.stringify(change)} (${outcome.mode})`);
  return [next, outcome.mode];
}

describe('incremental parse', () => {
  it('gives the tree of a fresh parse after every edit of the real corpus, re-parsing a window for most', () => {
    const rng = random(SEED);
    const modes = new Map<ParseMode, number>();
    for (const file of files) {
      let text = readFileSync(join(CORPUS, file), 'utf8');
      const parser = new IncrementalParser();
      parser.parse(text);
      for (let i = 0; i < EDITS; i++) {
        const change = randomEdit(text, rng);
        let mode: ParseMode;
        [text, mode] = step(parser, text, change, `${file}, edit ${i}`);
        modes.set(mode, (modes.get(mode) ?? 0) + 1);
      }
    }
    const total = files.length * EDITS;
    const partial = (modes.get('block') ?? 0) + (modes.get('item') ?? 0);
    // The generator favours structure-changing edits; still, a good share must not need a full parse.
    assert.ok(partial > total * 0.4, `only ${partial} of ${total} edits were parsed incrementally`);
    assert.ok((modes.get('item') ?? 0) > 0, 'no edit re-parsed list items alone');
  });

  it('keeps the tree equal while a heading, a list item, a table row, a fence and frontmatter are typed', () => {
    const base = readFileSync(join(CORPUS, 'iasql--005-faulty-auth0-webhook.md'), 'utf8');
    const typed = [
      '\n## Timeline\n\n',
      '- 14:02 UTC the alert fired\n',
      '| Time | Event |\n| --- | --- |\n| 10:00 | deploy |\n',
      '```sh\nkubectl get nodes\n```\n',
      '<!-- a note\n-->\n',
      '[ref]: https://example.com\n',
      'Heading\n===\n',
    ];
    // Inside a list and at the end of the text (the corpus edits cover the rest).
    const at = [base.indexOf('\n- ') + 1, base.length];
    assert.ok(at.every((n) => n > 0));
    for (const insertion of typed) {
      for (const start of at) {
        const parser = new IncrementalParser();
        let text = base;
        parser.parse(text);
        for (let k = 0; k < insertion.length; k++) {
          [text] = step(parser, text, { offset: start + k, deleted: 0, inserted: insertion[k] }, 'typing');
        }
        // …and deleted again, one character at a time from the end.
        for (let k = insertion.length - 1; k >= 0; k--) {
          [text] = step(parser, text, { offset: start + k, deleted: 1, inserted: '' }, 'deleting');
        }
        assert.equal(text, base);
      }
    }
    // Frontmatter typed at the start, then closed: every keystroke parsed in full or equal to a fresh parse.
    const parser = new IncrementalParser();
    let text = base;
    parser.parse(text);
    for (const [k, ch] of [...'---\ntitle: x\n---\n'].entries()) {
      [text] = step(parser, text, { offset: k, deleted: 0, inserted: ch }, 'frontmatter');
    }
    assert.equal(parseMarkdown(text).children[0].type, 'yaml');
  });

  it('re-parses only the edited list item of a 10,000-line timeline, and stays equal to a fresh parse', () => {
    let { text } = generatePostmortem(10_000);
    const parser = new IncrementalParser();
    parser.parse(text);
    const entry = text.indexOf('- **', text.length >> 2);
    const typing = parser.parse(applyChange(text, { offset: entry + 20, deleted: 0, inserted: 'x' }));
    assert.equal(typing.mode, 'item');
    assert.ok((typing.window?.end ?? 0) - (typing.window?.start ?? 0) < 1000, 'the window is a few items');
    text = applyChange(text, { offset: entry + 20, deleted: 0, inserted: 'x' });
    assert.deepStrictEqual(typing.tree, parseMarkdown(text));
    const rng = random(SEED + 1);
    [text] = step(parser, text, randomEdit(text, rng), '10k document, a random edit');
  });

  it('parses a window with a reference against the definitions elsewhere, and in full when an edit touches one', () => {
    const base = [
      '# Title',
      '',
      '[early]: https://example.com/early',
      '',
      '## Summary',
      '',
      'The [hook] and [early] links, a [missing] one, and a note.[^1]',
      '',
      '- the [hook] handler',
      '- a second item',
      '- a third item',
      '',
      'Closing paragraph.',
      '',
      '[hook]: https://example.com/hook "Hook"',
      '[^1]: A footnote.',
      '',
    ].join('\n');
    const parser = new IncrementalParser();
    parser.parse(base);
    let text = base;
    const modes: ParseMode[] = [];
    const edit = (at: string, inserted: string, deleted = 0) => {
      let mode: ParseMode;
      [text, mode] = step(parser, text, { offset: text.indexOf(at), deleted, inserted }, `at ${at}`);
      modes.push(mode);
    };
    edit('links, a', 'x'); // a paragraph with references to definitions before and after it
    edit('handler', '[early] '); // the first item of a list gains a reference (its window: the blocks around the list)
    edit('[missing]', '[hook]', 9); // an undefined reference becomes a defined one
    edit('second item', '[^1] '); // a footnote reference, in an item between two others
    assert.deepEqual(modes, ['block', 'block', 'block', 'item']);
    // The edit touches a definition, or its window does (a definition is the next block): a full parse.
    edit('https://example.com/hook', 'x');
    edit('Closing', 'A ');
    assert.deepEqual(modes.slice(-2), ['full', 'full']);
    // A fence left open at the end of the text would swallow the copied definitions: a full parse too.
    const top = '[early]: https://example.com/early\n\nA paragraph with [early].\n\nThe last paragraph.\n';
    const last = new IncrementalParser();
    last.parse(top);
    const opened = applyChange(top, { offset: top.indexOf('The last'), deleted: 0, inserted: '```\n' });
    const outcome = last.parse(opened);
    assert.equal(outcome.reason, 'the window ran into the definitions');
    assert.deepStrictEqual(outcome.tree, parseMarkdown(opened));
  });

  it('checks a given change and computes it when it does not apply', () => {
    const parser = new IncrementalParser();
    const before = '# Title\n\n- a\n- b\n- c\n';
    parser.parse(before);
    const after = '# Title\n\n- a\n- bx\n- c\n';
    const wrong = { offset: 2, deleted: 0, inserted: 'x' };
    const outcome = parser.parse(after, wrong);
    assert.deepStrictEqual(outcome.tree, parseMarkdown(after));
    assert.equal(outcome.mode, 'item');
    assert.deepStrictEqual(changeBetween(before, after), { offset: 16, deleted: 0, inserted: 'x' });
  });
});

describe('incremental analysis', () => {
  /** A fresh analysis computed from scratch: no cache of the incremental analysis read or filled. */
  const fresh = (text: string) => withoutCaches(() => analyze(text, config, RULES));
  /** The same, with its timeline (entries with their resolved instants, dates and zones in force). */
  const freshWithTimeline = (text: string) =>
    withoutCaches(() => {
      const { model, findings } = analyze(text, config, RULES);
      return {
        findings,
        timeline: model && getTimeline(model),
        milestones: model && getMilestones(model),
        actions: model && getActionItems(model),
      };
    });

  it('gives the findings of a fresh analysis after every generated edit of every real postmortem', () => {
    // The property test: each document of the real corpus, edited again and again (characters, words and lines
    // inserted, deleted and replaced at random offsets, ranges across block boundaries, structure lines), analysed
    // incrementally from the previous version (re-parsed windows, per-block and per-text caches) and compared after
    // every edit with a fresh analysis that bypasses every cache.
    const rng = random(SEED + 2);
    const modes = new Map<string, number>();
    let edits = 0;
    for (const file of files) {
      let text = readFileSync(join(CORPUS, file), 'utf8');
      const analyzer = new IncrementalAnalyzer(config, RULES);
      analyzer.update(text);
      for (let i = 0; i < ANALYSIS_EDITS; i++) {
        const change = randomEdit(text, rng);
        text = applyChange(text, change);
        const result = analyzer.update(text, change);
        const mode = result.parse?.mode ?? 'none';
        modes.set(mode, (modes.get(mode) ?? 0) + 1);
        edits++;
        const reference = freshWithTimeline(text);
        assert.deepStrictEqual(result.findings, reference.findings, `${file}, edit ${i}: ${JSON.stringify(change)}`);
        const timeline = result.model && getTimeline(result.model);
        assert.deepStrictEqual(timeline, reference.timeline, `${file}, edit ${i}: the timeline`);
        const milestones = result.model && getMilestones(result.model);
        assert.deepStrictEqual(milestones, reference.milestones, `${file}, edit ${i}: the milestones`);
        const actions = result.model && getActionItems(result.model);
        assert.deepStrictEqual(actions, reference.actions, `${file}, edit ${i}: the action items`);
      }
    }
    assert.equal(edits, files.length * ANALYSIS_EDITS);
    // Most edits must have gone through the incremental path (the rest are structure changes parsed in full).
    const partial = (modes.get('block') ?? 0) + (modes.get('item') ?? 0);
    assert.ok(partial > edits * 0.4, `only ${partial} of ${edits} edits were analysed incrementally`);
  });

  it('gives the findings of a fresh analysis while an entry of a 10,000-line timeline is typed and edited', () => {
    let { text } = generatePostmortem(10_000);
    const analyzer = new IncrementalAnalyzer(config, RULES);
    analyzer.update(text);
    // Blameful words typed into an entry, one keystroke at a time (the per-block caches serve every other entry),
    // then a TextEdit that joins two entries, and one that removes the timeline's zone statement (context in force).
    const at = text.indexOf('- **', text.length >> 1) + 25;
    const typed = 'because Alice forgot ';
    let result = analyzer.update(text);
    for (let k = 0; k < typed.length; k++) {
      text = applyChange(text, { offset: at + k, deleted: 0, inserted: typed[k] });
      result = analyzer.update(text, { offset: at + k, deleted: 0, inserted: typed[k] });
      assert.equal(result.parse?.mode, 'item');
    }
    assert.ok(result.findings.some((f) => f.ruleId.startsWith('blame/')));
    // The timeline was kept (incremental/timeline.ts): its entries equal a fresh one's.
    const reference = freshWithTimeline(text);
    assert.deepStrictEqual(result.findings, reference.findings);
    assert.deepStrictEqual(result.model && getTimeline(result.model), reference.timeline);
    assert.deepStrictEqual(result.model && getActionItems(result.model), reference.actions);
    const next = text.indexOf('\n- ', at);
    text = applyChange(text, { offset: next, deleted: 3, inserted: ' ' });
    result = analyzer.update(text, { start: next, end: next + 3, text: ' ' });
    const zone = text.indexOf('All times are UTC.');
    text = applyChange(text, { offset: zone, deleted: 18, inserted: 'All times are PST.' });
    result = analyzer.update(text, { start: zone, end: zone + 18, text: 'All times are PST.' });
    assert.deepStrictEqual(result.findings, fresh(text).findings);
  });

  it('resolves the same instants as a fresh analysis while times, dates and zones in force are edited', () => {
    // Entries without a date take the subsection's, cross midnight, and carry the zone: per-clock instants, probes
    // and day arithmetic are cached, and must follow every change of the context they depend on.
    const times = ['22:00', '23:30', '00:10', '01:45', '23:50', '00:05', '09:00'];
    let text = `# Postmortem: the queue stalled\n\n## Timeline\n\nAll times are PST.\n\n### 2024-03-09\n\n${times
      .map((t, i) => `- ${t} step ${i} of the failover\n`)
      .join('')}\n### March 11\n\n- 10:00 UTC the alert fired\n- 09:00 detected\n`;
    const analyzer = new IncrementalAnalyzer(config, RULES);
    analyzer.update(text);
    let crossed = 0;
    const edits: [string, string][] = [
      ['23:30', '03:30'],
      ['03:30', '23:31'],
      ['All times are PST.', 'All times are CET.'],
      ['### 2024-03-09', '### 2024-02-28'],
      ['00:10', '00:10:30'],
      ['- 01:45 step 3', '- 2024-03-12 01:45 step 3'],
      ['10:00 UTC', '10:00'],
      ['### March 11', '### Day two'],
    ];
    for (const [from, to] of edits) {
      const offset = text.indexOf(from);
      assert.ok(offset >= 0, from);
      const change = { offset, deleted: from.length, inserted: to };
      text = applyChange(text, change);
      const result = analyzer.update(text, change);
      assert.ok(result.model);
      const timeline = getTimeline(result.model);
      crossed += timeline.entries.filter((e) => e.crossedMidnight).length;
      const reference = freshWithTimeline(text);
      assert.deepStrictEqual(timeline, reference.timeline, `after ${from} -> ${to}`);
      assert.deepStrictEqual(result.findings, reference.findings, `after ${from} -> ${to}`);
    }
    assert.ok(crossed > edits.length, 'entries crossed midnight');
  });

  it('keeps input the parser must not see out, then parses in full again', () => {
    const analyzer = new IncrementalAnalyzer(config, RULES);
    analyzer.update('# Postmortem: x\n\n## Summary\n\nText.\n');
    const deep = `# Postmortem: x\n\n${'>'.repeat(5000)} deep\n`;
    const refused = analyzer.update(deep);
    assert.deepStrictEqual(refused.findings, analyze(deep, config, RULES).findings);
    assert.equal(refused.parse, undefined);
    const back = analyzer.update('# Postmortem: x\n\n## Summary\n\nText!\n');
    assert.equal(back.parse?.mode, 'full');
  });
});

describe('per-text caches', () => {
  it('computes each text once while it is used, keeps at most two generations, and skips long texts', () => {
    const calls: string[] = [];
    const upper = memoizeText(
      (t: string) => {
        calls.push(t);
        return t.toUpperCase();
      },
      2,
      10,
    );
    assert.equal(upper('a'), 'A');
    assert.equal(upper('b'), 'B');
    assert.equal(upper('a'), 'A'); // cached
    assert.equal(upper('c'), 'C'); // the current generation was full: a and b are now the old one
    assert.equal(upper('a'), 'A'); // found in the old generation, back in the current one (c, a)
    assert.equal(upper('d'), 'D'); // full again: (c, a) old, b dropped
    assert.equal(upper('b'), 'B'); // computed again
    assert.equal(upper('a'), 'A'); // still kept: in the old generation (c, a)
    assert.equal(upper('a long text, not kept'), 'A LONG TEXT, NOT KEPT');
    assert.equal(upper('a long text, not kept'), 'A LONG TEXT, NOT KEPT');
    assert.deepStrictEqual(calls, ['a', 'b', 'c', 'd', 'b', 'a long text, not kept', 'a long text, not kept']);
  });
});
