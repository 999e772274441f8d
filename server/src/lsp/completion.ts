import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Position,
} from 'vscode-languageserver';
import { type AnalysisResult, type PostmortemModel, SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from '../core';
import { FRONTMATTER_COMPLETIONS, frontmatterKey } from './frontmatter-keys';

/** Typed at the start of a line: `#`, `## `, `## Ti` (the heading's text so far is group 3). */
const HEADING_PREFIX = /^(#{1,6})([ \t]*)([^#]*)$/;
const KEY_PREFIX = /^([A-Za-z_][\w-]*)?$/;
const VALUE_PREFIX = /^([A-Za-z_][\w-]*)[ \t]*:([ \t]*)([^\s#]*)$/;

export const TRIGGER_CHARACTERS = ['#', ':'];

/**
 * Completion in a postmortem: section headings after `#` at the start of a line (the missing required sections
 * first, then the other parts not yet written), and frontmatter keys and their values.
 */
export function completionsAt(
  analysis: AnalysisResult,
  position: Position,
  required: readonly SectionKind[],
): CompletionItem[] {
  const { model } = analysis;
  if (!model) return [];
  const lineStart = model.lines.lineStart(position.line);
  const offset = model.lines.offset(position);
  const before = model.text.slice(lineStart, offset);
  if (inFrontmatter(model, offset)) return frontmatterCompletions(model, position, before);
  if (inCode(model, offset)) return [];
  const heading = HEADING_PREFIX.exec(before);
  return heading ? headingCompletions(model, position, heading, required) : [];
}

function headingCompletions(
  model: PostmortemModel,
  position: Position,
  [, hashes, space]: RegExpExecArray,
  required: readonly SectionKind[],
): CompletionItem[] {
  const present = new Set(model.allSections.flatMap((s) => s.kinds));
  if (model.summaryFromLead) present.add('summary');
  // Replace what was typed after the hashes; add the space when there is none yet ("#" then completion).
  const range = {
    start: { line: position.line, character: hashes.length + space.length },
    end: position,
  };
  const items: CompletionItem[] = [];
  for (const [index, kind] of SECTION_KINDS.entries()) {
    if (present.has(kind)) continue;
    const info = SECTION_KIND_INFO[kind];
    const isRequired = required.includes(kind);
    const order = `${isRequired ? 0 : 1}${String(index).padStart(2, '0')}`;
    items.push({
      label: info.title,
      kind: CompletionItemKind.Module,
      detail: isRequired
        ? 'Missing required section'
        : info.parent
          ? `Part of ${SECTION_KIND_INFO[info.parent].title}`
          : 'Optional section',
      documentation: { kind: MarkupKind.Markdown, value: info.guidance },
      sortText: order,
      filterText: info.title,
      preselect: isRequired && !items.some((i) => i.preselect),
      textEdit: { range, newText: `${space.length === 0 ? ' ' : ''}${info.title}` },
    });
  }
  return items;
}

function frontmatterCompletions(model: PostmortemModel, position: Position, before: string): CompletionItem[] {
  const value = VALUE_PREFIX.exec(before);
  if (value) {
    const key = frontmatterKey(value[1]);
    if (!key?.values) return [];
    const range = { start: { line: position.line, character: before.length - value[3].length }, end: position };
    return key.values.map((v, i) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      detail: `${key.key}: ${v}`,
      documentation: { kind: MarkupKind.Markdown, value: key.description },
      sortText: String(i).padStart(2, '0'),
      textEdit: { range, newText: `${value[2].length === 0 ? ' ' : ''}${v}` },
    }));
  }
  const key = KEY_PREFIX.exec(before);
  if (!key) return [];
  const present = new Set(presentKeys(model));
  const range = { start: { line: position.line, character: 0 }, end: position };
  return FRONTMATTER_COMPLETIONS.filter((k) => !present.has(k.key)).map((k, i) => ({
    label: k.key,
    kind: CompletionItemKind.Property,
    detail: k.values ? `${k.values.slice(0, 6).join(' | ')}${k.values.length > 6 ? ' | …' : ''}` : undefined,
    documentation: { kind: MarkupKind.Markdown, value: k.description },
    sortText: String(i).padStart(2, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: k.list ? `${k.key}:\n  - $0` : `${k.key}: $0` },
    // Offer the values straight away for keys that take one of a few.
    command: k.values ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
  }));
}

function presentKeys(model: PostmortemModel): string[] {
  const fm = model.frontmatter;
  if (fm) return Object.keys(fm.data).map((k) => k.toLowerCase());
  const block = model.text.slice(0, 4096);
  return [...block.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((m) => m[1].toLowerCase());
}

/** Inside the frontmatter's content: between the fences, or after an opening fence that is not closed yet. */
function inFrontmatter(model: PostmortemModel, offset: number): boolean {
  const fm = model.frontmatter;
  if (fm) {
    const closing = model.text.lastIndexOf('\n', fm.end - 1);
    return offset >= fm.contentStart && offset <= Math.max(fm.contentStart, closing);
  }
  const open = /^(?:\uFEFF)?---[ \t]*\r?\n/.exec(model.text);
  if (!open || offset < open[0].length) return false;
  // Unclosed: the fence is still being written; only the block up to the first blank line counts.
  const upTo = model.text.slice(open[0].length, offset);
  return !/^---[ \t]*$/m.test(upTo) && !/\n[ \t]*\r?\n/.test(upTo);
}

function inCode(model: PostmortemModel, offset: number): boolean {
  const stack: {
    type: string;
    children?: unknown[];
    position?: { start: { offset?: number }; end: { offset?: number } };
  }[] = [model.tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (node !== model.tree && (offset < start || offset > end)) continue;
    if ((node.type === 'code' || node.type === 'html') && offset > start && offset <= end) return true;
    if (node.children) for (const child of node.children) stack.push(child as (typeof stack)[number]);
  }
  return false;
}
