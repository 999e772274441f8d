// Snippets at the start of a line: a section (heading, guidance as a placeholder) for each part not yet written,
// and, in a document still empty, the whole-postmortem templates. They replace only the word typed at the line's
// start, so they can never land inside a heading the author is typing ("## ## Summary").
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Position,
} from 'vscode-languageserver';
import { type PostmortemModel, SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from '../core';

/** A whole-postmortem template: an entry of snippets/postmortem.code-snippets. */
export interface Template {
  prefix: string;
  body: string[];
  description: string;
}

const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
const ACTION_ROW = `| \${1:Describe the follow-up action} | \${2|prevent,detect,mitigate|} | \${3:@owner} | \${4:PROJ-123} | \${5:${TODAY}} |$0`;

/** The body under a section's heading; the guidance as the placeholder unless the part has a shape of its own. */
function sectionBody(kind: SectionKind, level: number): string[] {
  const sub = '#'.repeat(Math.min(6, level + 1));
  switch (kind) {
    case 'timeline':
      return [
        'All times are in UTC.',
        '',
        `- ${TODAY} \${1:09:00} UTC: \${2:What happened, and who or what noticed.}$0`,
      ];
    case 'action-items':
      return ['| Action | Type | Owner | Ticket | Due |', '| --- | --- | --- | --- | --- |', ACTION_ROW];
    case 'lessons-learned':
      return (['what-went-well', 'what-went-wrong', 'where-we-got-lucky'] as const).flatMap((k, i) => [
        ...(i > 0 ? [''] : []),
        `${sub} ${SECTION_KIND_INFO[k].title}`,
        '',
        `\${${i + 1}:${SECTION_KIND_INFO[k].guidance}}${i === 2 ? '$0' : ''}`,
      ]);
    default:
      return [`\${1:${SECTION_KIND_INFO[kind].guidance}}$0`];
  }
}

/**
 * What may be inserted at a line's start where `word` is typed: sections not yet present and, in an empty
 * document, the templates. Offered when the user asks (Ctrl+Space) or types their prefix (`pm-`, `postmortem`),
 * never while an ordinary word is being typed.
 */
export function lineStartSnippets(
  model: PostmortemModel,
  position: Position,
  word: string,
  present: ReadonlySet<SectionKind>,
  { templates = [], invoked = false }: { templates?: readonly Template[]; invoked?: boolean },
): CompletionItem[] {
  const lower = word.toLowerCase();
  const range = { start: { line: position.line, character: 0 }, end: position };
  const items: CompletionItem[] = [];
  const empty = model.allSections.length === 0 && !model.title && !model.frontmatter;
  if (empty && (invoked || 'postmortem'.startsWith(lower.slice(0, 10)) || lower.startsWith('postmortem'))) {
    for (const [i, t] of templates.entries()) {
      items.push({
        label: t.prefix,
        kind: CompletionItemKind.Snippet,
        detail: 'Postmortem template',
        documentation: { kind: MarkupKind.Markdown, value: t.description },
        sortText: `0${String(i).padStart(2, '0')}`,
        filterText: t.prefix,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: t.body.join('\n') },
      });
    }
  }
  if (!(invoked || lower.startsWith('pm'))) return items;
  const hashes = '#'.repeat(model.headingLevel);
  for (const [i, kind] of SECTION_KINDS.entries()) {
    const info = SECTION_KIND_INFO[kind];
    if (present.has(kind) || info.parent) continue;
    items.push({
      label: `pm-${kind}`,
      kind: CompletionItemKind.Snippet,
      detail: `Section: ${info.title}`,
      documentation: { kind: MarkupKind.Markdown, value: info.guidance },
      sortText: `1${String(i).padStart(2, '0')}`,
      filterText: `pm-${kind}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range,
        newText: [`${hashes} ${info.title}`, '', ...sectionBody(kind, model.headingLevel), ''].join('\n'),
      },
    });
  }
  const rows = [
    [
      'pm-event',
      'Timeline entry',
      `- ${TODAY} $CURRENT_HOUR:$CURRENT_MINUTE UTC: \${1:What happened, and who or what noticed.}$0`,
    ],
    ['pm-action', 'Action item row', ACTION_ROW],
    [
      'pm-action-item',
      'Action item (task list)',
      `- [ ] \${1:Describe the follow-up action} (type: \${2|prevent,detect,mitigate|}, owner: \${3:@owner}, ticket: \${4:PROJ-123})$0`,
    ],
  ];
  for (const [i, [label, detail, newText]] of rows.entries()) {
    items.push({
      label,
      kind: CompletionItemKind.Snippet,
      detail,
      sortText: `2${i}`,
      filterText: label,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText },
    });
  }
  return items;
}
