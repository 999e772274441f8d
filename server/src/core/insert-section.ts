import { SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from './kinds';
import type { PostmortemModel, Section } from './model';
import type { TextEdit } from './types';

/**
 * Where a missing section goes and what is inserted: at its canonical place (after the nearest preceding
 * canonical section that is present, else before the nearest following one), at the document's heading level,
 * with a one-line guidance comment, in the document's own line endings. Only ever inserts; never replaces.
 */
export function insertSectionsEdit(model: PostmortemModel, kinds: readonly SectionKind[]): TextEdit[] {
  const ordered = SECTION_KINDS.filter((k) => kinds.includes(k));
  const byOffset = new Map<number, SectionKind[]>();
  const blocked = openBlockAtEnd(model);
  for (const kind of ordered) {
    const { offset } = placement(model, kind);
    // A heading inserted inside an unclosed block would be code or HTML, not a section: leave that one out.
    if (blocked && offset >= blocked.start) continue;
    byOffset.set(offset, [...(byOffset.get(offset) ?? []), kind]);
  }
  const edits: TextEdit[] = [];
  for (const [offset, group] of byOffset) {
    const blocks = group.map((kind) => sectionBlock(model, kind, placement(model, kind).level));
    edits.push({ start: offset, end: offset, text: surround(model, offset, blocks.join(model.eol)) });
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * Inserts a section that is no canonical kind (a glossary) where a section of kind `placeAs` would go, at the
 * document's heading level, with `body` under its heading. Only inserts; nothing when the document ends inside an
 * unclosed block at that place.
 */
export function insertNamedSectionEdit(
  model: PostmortemModel,
  placeAs: SectionKind,
  title: string,
  body: string,
): TextEdit[] {
  const { offset, level } = placement(model, placeAs);
  const blocked = openBlockAtEnd(model);
  if (blocked && offset >= blocked.start) return [];
  const eol = model.eol;
  return [
    {
      start: offset,
      end: offset,
      text: surround(model, offset, `${'#'.repeat(level)} ${title}${eol}${eol}${body}${eol}`),
    },
  ];
}

/** Appends `body` at the end of `section` (after its subsections), in a block of its own. Only inserts. */
export function appendToSectionEdit(model: PostmortemModel, section: Section, body: string): TextEdit[] {
  const blocked = openBlockAtEnd(model);
  if (blocked && section.end >= blocked.start) return [];
  // After the section's last non-blank character, so the new lines follow what it holds.
  let offset = section.end;
  while (offset > section.headingEnd && /\s/.test(model.text[offset - 1])) offset--;
  return [{ start: offset, end: offset, text: `${model.eol}${model.eol}${body}` }];
}

function sectionBlock(model: PostmortemModel, kind: SectionKind, level: number): string {
  const info = SECTION_KIND_INFO[kind];
  const eol = model.eol;
  return `${'#'.repeat(level)} ${info.title}${eol}${eol}<!-- ${info.guidance} -->${eol}`;
}

/** Adds the blank lines that keep the inserted block apart from its neighbours. */
function surround(model: PostmortemModel, offset: number, block: string): string {
  const { text, eol } = model;
  const before = text.slice(Math.max(0, offset - 4), offset).replace(/\r/g, '');
  let prefix = '';
  if (offset > 0) {
    if (!before.endsWith('\n')) prefix = eol + eol;
    else if (!before.endsWith('\n\n')) prefix = eol;
  }
  const atEnd = text.slice(offset).trim() === '';
  return prefix + block + (atEnd ? '' : eol);
}

interface Placement {
  offset: number;
  level: number;
}

function placement(model: PostmortemModel, kind: SectionKind): Placement {
  const info = SECTION_KIND_INFO[kind];
  if (info.parent) {
    const parent = firstOfKind(model, info.parent);
    if (parent) return { offset: parent.end, level: parent.level + 1 };
  }
  const level = model.headingLevel;
  const order = SECTION_KINDS.indexOf(kind);
  for (let i = order - 1; i >= 0; i--) {
    const present = lastOfKind(model, SECTION_KINDS[i]);
    if (present) return { offset: outermost(present, level).end, level };
  }
  for (let i = order + 1; i < SECTION_KINDS.length; i++) {
    const present = firstOfKind(model, SECTION_KINDS[i]);
    if (present) return { offset: outermost(present, level).start, level };
  }
  // No canonical section at all: after the lead, before any other section.
  const firstSection = model.sections[0];
  return { offset: firstSection ? firstSection.start : model.text.length, level };
}

/** The section to insert around: the highest ancestor that is still at or below the insertion level. */
function outermost(section: Section, level: number): Section {
  let current = section;
  while (current.parent && current.parent.level >= level) current = current.parent;
  return current;
}

function firstOfKind(model: PostmortemModel, kind: SectionKind): Section | undefined {
  return model.allSections.find((s) => s.kinds.includes(kind));
}

function lastOfKind(model: PostmortemModel, kind: SectionKind): Section | undefined {
  return model.allSections.findLast((s) => s.kinds.includes(kind));
}

/** A block the document ends inside of: text appended at the end would belong to it. */
export interface OpenBlock {
  /** What it is, for messages: "code block", "HTML comment", "HTML block". */
  what: string;
  start: number;
}

/** Raw HTML blocks (CommonMark kinds 1 to 5) that run until an end marker, not until a blank line. */
const HTML_BLOCK_ENDS: { open: RegExp; close: RegExp; what: string }[] = [
  { open: /^<(script|pre|style|textarea)(?=[\s>]|$)/i, close: /<\/(script|pre|style|textarea)>/i, what: 'HTML block' },
  { open: /^<!--/, close: /-->/, what: 'HTML comment' },
  { open: /^<\?/, close: /\?>/, what: 'HTML block' },
  { open: /^<![A-Za-z]/, close: />/, what: 'HTML block' },
  { open: /^<!\[CDATA\[/, close: /\]\]>/, what: 'HTML block' },
];

/**
 * The unclosed fenced code block or raw HTML block (script, comment, …) the document ends in, if any. Sections
 * are never inserted at or after its start: they would land inside it.
 */
export function openBlockAtEnd(model: PostmortemModel): OpenBlock | undefined {
  const last = model.tree.children.at(-1);
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined) return undefined;
  if (model.text.slice(end).trim() !== '') return undefined;
  const raw = model.text.slice(start, end);
  if (last.type === 'code') {
    const opener = /^[ \t]*(`{3,}|~{3,})/.exec(raw);
    if (!opener) return undefined; // an indented code block ends at the first unindented line
    const fence = opener[1];
    const lines = raw.split(/\r\n?|\n/);
    const closing = lines.length > 1 ? lines[lines.length - 1].trim() : '';
    const closed = closing.length >= fence.length && closing === fence[0].repeat(closing.length);
    return closed ? undefined : { what: 'code block', start };
  }
  if (last.type === 'html') {
    const body = raw.replace(/^[ \t]+/, '');
    for (const kind of HTML_BLOCK_ENDS) {
      const open = kind.open.exec(body);
      if (open && !kind.close.test(body.slice(open[0].length))) return { what: kind.what, start };
    }
  }
  return undefined;
}
