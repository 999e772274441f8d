import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  MarkupKind,
  type Position,
} from 'vscode-languageserver';
import { type AnalysisResult, type PostmortemModel, SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from '../core';
import { getActionItems } from '../core/actions';
import { sectionStatus } from '../core/structure/section-status';
import { FRONTMATTER_COMPLETIONS, frontmatterKey } from './frontmatter-keys';
import { lineStartSnippets, type Template } from './section-snippets';

/** Typed at the start of a line: `#`, `## `, `## Ti` (the heading's text so far is group 3). */
const HEADING_PREFIX = /^(#{1,6})([ \t]*)([^#]*)$/;
/** A word typed at the very start of a line: where a section snippet or a template may go. */
const LINE_START_WORD = /^([A-Za-z][\w-]*)?$/;
const KEY_PREFIX = /^([A-Za-z_][\w-]*)?$/;
const VALUE_PREFIX = /^([A-Za-z_][\w-]*)[ \t]*:([ \t]*)([^\s#]*)$/;
/** Characters of a handle (GitHub-style logins and team names). */
const HANDLE_CHAR = /^[\w.-]$/;

/** The @mention being typed at the end of `before` ("@", "(owner: @ma"): the handle so far, else undefined. */
function mentionAtEnd(before: string): string | undefined {
  const at = before.lastIndexOf('@');
  if (at < 0 || before.length - at > 40) return undefined;
  const typed = before.slice(at + 1);
  for (const c of typed) if (!HANDLE_CHAR.test(c)) return undefined;
  return at === 0 || ' \t(,;:|'.includes(before[at - 1]) ? typed : undefined;
}

/** The @handles written in a text (`@maria`, `@org/team`), by one pass over its @ signs. */
function handlesIn(text: string): { index: number; handle: string }[] {
  const found: { index: number; handle: string }[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && /^[\w.@]$/.test(text[at - 1])) continue;
    let end = at + 1;
    if (!/^[A-Za-z0-9]$/.test(text[end] ?? '')) continue;
    while (end < text.length && end - at <= 39 && /^[\w-]$/.test(text[end])) end++;
    if (text[end] === '/' && /^[\w-]$/.test(text[end + 1] ?? '')) {
      const team = end;
      end++;
      while (end < text.length && end - team <= 40 && /^[\w-]$/.test(text[end])) end++;
    }
    found.push({ index: at, handle: text.slice(at, end) });
  }
  return found;
}
/** The templates' owner placeholder, which names nobody. */
const PLACEHOLDER_OWNERS = new Set(['@owner', 'owner', '@handle', 'tbd', 'tba', 'n/a', '?']);

/**
 * None. A trigger character opens VS Code's suggest widget for every provider (its built-in Markdown snippets
 * among them), and the widget then follows the word being typed: Enter after `## Summary` accepted whatever still
 * matched ("## ~~…~~", "## ## Summary"). Completion opens when the author asks (Ctrl+Space), and after a
 * frontmatter key is accepted (its values), so Enter while typing always starts a new line.
 */
export const TRIGGER_CHARACTERS: string[] = [];

export interface CompletionOptions {
  /** The whole-postmortem templates (from snippets/postmortem.code-snippets), offered in a document still empty. */
  templates?: readonly Template[];
  /** True when the user asked for completion (Ctrl+Space), false when typing triggered it. */
  invoked?: boolean;
}

/**
 * Completion in a postmortem: section headings after `#` at the start of a line (the missing required sections
 * first, then the other parts not yet written), section snippets and templates at the start of a line, and
 * frontmatter keys and their values.
 *
 * Completion must never change what the author typed: VS Code's Enter accepts the focused item of an open
 * suggest widget, so no item is preselected, the heading list never holds the exact text already typed (it is
 * marked incomplete so it is asked again on each key), and snippets only replace a word at a line's start.
 */
export function completionsAt(
  analysis: AnalysisResult,
  position: Position,
  required: readonly SectionKind[],
  options: CompletionOptions = {},
): CompletionList {
  const none: CompletionList = { isIncomplete: false, items: [] };
  const { model } = analysis;
  if (!model) return none;
  const lineStart = model.lines.lineStart(position.line);
  const offset = model.lines.offset(position);
  const before = model.text.slice(lineStart, offset);
  if (inFrontmatter(model, offset))
    return { isIncomplete: false, items: frontmatterCompletions(model, position, before) };
  if (inCode(model, offset)) return none;
  const mention = mentionAtEnd(before);
  if (mention !== undefined) return { isIncomplete: false, items: ownerCompletions(model, position, offset, mention) };
  const heading = HEADING_PREFIX.exec(before);
  if (heading) {
    const atLineEnd = restOfLineIsEmpty(model.text, offset);
    return { isIncomplete: true, items: headingCompletions(model, position, heading, required, atLineEnd) };
  }
  const word = LINE_START_WORD.exec(before);
  if (word && restOfLineIsEmpty(model.text, offset)) {
    return {
      isIncomplete: false,
      items: lineStartSnippets(model, position, word[1] ?? '', presentKinds(model, position.line), options),
    };
  }
  return none;
}

/**
 * The kinds the document already has a section for (a heading or a bold label, written or not; the lead paragraph
 * for the summary), leaving out the heading on `line` (the one being typed). A part stated inside another section
 * has none: its heading is offered.
 */
function presentKinds(model: PostmortemModel, line: number): Set<SectionKind> {
  const statuses = sectionStatus(
    model,
    { required: [] },
    { kinds: SECTION_KINDS, skip: (s) => model.lines.position(s.start).line === line },
  );
  return new Set(statuses.filter((s) => s.section || s.fromLead).map((s) => s.kind));
}

/** True when nothing follows the cursor on its line: a snippet then never splits text. */
function restOfLineIsEmpty(text: string, offset: number): boolean {
  const eol = text.indexOf('\n', offset);
  return text.slice(offset, eol === -1 ? text.length : eol).trim() === '';
}

function headingCompletions(
  model: PostmortemModel,
  position: Position,
  [, hashes, space, typed]: RegExpExecArray,
  required: readonly SectionKind[],
  atLineEnd: boolean,
): CompletionItem[] {
  const present = presentKinds(model, position.line);
  // Accepting a heading ends its line, as Enter would: when a fast typist's Enter reaches a list that was not yet
  // asked again (it still holds "Mitigation" after "## Mitigation" was typed), accepting gives what Enter gives.
  const end = atLineEnd ? model.eol : '';
  // Replace what was typed after the hashes; add the space when there is none yet ("#" then completion).
  const range = {
    start: { line: position.line, character: hashes.length + space.length },
    end: position,
  };
  const typedText = typed.trim().toLowerCase();
  const items: CompletionItem[] = [];
  for (const [index, kind] of SECTION_KINDS.entries()) {
    if (present.has(kind)) continue;
    const info = SECTION_KIND_INFO[kind];
    // The heading is already written as offered: an item would only let Enter replace it with itself or more.
    if (typedText !== '' && info.title.toLowerCase() === typedText) continue;
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
      textEdit: { range, newText: `${space.length === 0 ? ' ' : ''}${info.title}${end}` },
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

/**
 * The people and teams this postmortem already names as owners (action items' owners, @handles anywhere in the
 * text), for an @mention being typed: the ones named most often first. Never the one being typed.
 */
function ownerCompletions(model: PostmortemModel, position: Position, offset: number, typed: string): CompletionItem[] {
  const counts = new Map<string, { label: string; owner: boolean; count: number }>();
  const add = (label: string, owner: boolean) => {
    const key = label.toLowerCase();
    if (PLACEHOLDER_OWNERS.has(key) || key === `@${typed.toLowerCase()}`) return;
    const seen = counts.get(key);
    if (seen) {
      seen.count++;
      seen.owner ||= owner;
    } else counts.set(key, { label, owner, count: 1 });
  };
  for (const action of getActionItems(model)) {
    const owner = action.owner?.text.trim();
    if (!owner || owner.length > 40) continue;
    for (const part of owner.split(/,|&|\band\b/)) if (part.trim()) add(part.trim(), true);
  }
  const typedAt = offset - typed.length - 1;
  for (const { index, handle } of handlesIn(model.text)) {
    // Owners are counted by their actions above; a handle adds a person the actions do not name.
    if (index !== typedAt && !counts.has(handle.toLowerCase())) add(handle, false);
  }
  const range = { start: { line: position.line, character: position.character - typed.length - 1 }, end: position };
  return [...counts.values()]
    .sort((a, b) => Number(b.owner) - Number(a.owner) || b.count - a.count || a.label.localeCompare(b.label))
    .map((o, i) => {
      const text = o.label;
      return {
        label: text,
        kind: CompletionItemKind.Reference,
        detail: o.owner ? `owner of ${o.count} action${o.count === 1 ? '' : 's'} here` : 'named in this postmortem',
        sortText: String(i).padStart(4, '0'),
        // Typed "@": the filter matches on the @ too, so team names without one still show.
        filterText: `@${text.replace(/^@/, '')}`,
        textEdit: { range, newText: text },
      };
    });
}
