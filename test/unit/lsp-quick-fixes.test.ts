// Quick fixes wherever a message names one: the timezone line, owner and ticket placeholders as snippets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from '../../server/src/lsp/code-actions';
import { analyzeText } from '../helpers/analyze';

const URI = 'file:///ws/postmortems/x.md';
const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character } });

describe('lsp: quick fixes named by the messages', () => {
  it('adds "All times are in UTC." under a timeline heading whose times have no zone', () => {
    const text = '# Postmortem: x\n\n## Timeline\n\n- 09:00 Errors begin.\n- 09:10 Alert fires.\n';
    const actions = codeActionsFor(URI, analyzeText(text), at(2));
    const fix = actions.find((a) => a.title === 'Add "All times are in UTC." under the heading');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const edits = fix.edit?.changes?.[URI] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
    assert.equal(
      fixed,
      '# Postmortem: x\n\n## Timeline\n\nAll times are in UTC.\n\n- 09:00 Errors begin.\n- 09:10 Alert fires.\n',
    );
    const after = analyzeText(fixed).findings.filter((f) => f.ruleId === 'timeline/missing-timezone');
    assert.deepEqual(after, []);
  });

  it('offers owner and ticket placeholders as snippets at the end of the action, not in a table row', () => {
    const text = '# Postmortem: x\n\n## Action items\n\n- [ ] Add a disk alert at 80%.\n';
    const titles = (line: number) => codeActionsFor(URI, analyzeText(text), at(line, 8));
    const actions = titles(4);
    const owner = actions.find((a) => a.title === 'Add an owner placeholder');
    const ticket = actions.find((a) => a.title === 'Add a ticket placeholder');
    assert.ok(owner && ticket, actions.map((a) => a.title).join(', '));
    assert.equal(owner.command?.command, 'postmortem.insertSnippet');
    // Before the closing full stop, so the sentence still ends the line.
    assert.deepEqual(owner.command?.arguments, [URI, { line: 4, character: 29 }, ` (owner: \${1:@owner})`]);
    assert.deepEqual(ticket.command?.arguments?.[2], ` (\${1:PROJ-123})`);
    const table = '# Postmortem: x\n\n## Action items\n\n| Action | Owner |\n| --- | --- |\n| Add a disk alert | |\n';
    assert.ok(!codeActionsFor(URI, analyzeText(table), at(6, 3)).some((a) => a.title.endsWith('placeholder')));
  });
});
