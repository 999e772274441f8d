import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { type AnalysisResult, type PostmortemModel, SECTION_KIND_INFO, type Section } from '../core';
import { toRange } from './diagnostics';
import { type SectionEntry, sectionEntries } from './entries';

/**
 * The postmortem's shape for the Outline, breadcrumbs and Go to Symbol: the frontmatter and its keys, the title,
 * the sections (with their canonical kinds as detail), the events under the timeline and the actions under the
 * action items. Headings are `String` symbols, as in VS Code's own Markdown outline.
 */
export function documentSymbols(analysis: AnalysisResult): DocumentSymbol[] {
  const { model } = analysis;
  if (!model) return [];
  const symbols: DocumentSymbol[] = [];
  const frontmatter = frontmatterSymbol(model);
  if (frontmatter) symbols.push(frontmatter);
  const entries = sectionEntries(model);
  const sections = model.sections.map((s) => sectionSymbol(model, s, entries));
  // Bold labels in the lead (`**Impact:** …` before the first heading) come before the sections.
  sections.unshift(...model.implicitSections.filter((s) => !s.parent).map((s) => sectionSymbol(model, s, entries)));
  const { title } = model;
  if (title?.source === 'heading') {
    symbols.push({
      name: title.text || 'Untitled',
      detail: 'Title',
      kind: SymbolKind.File,
      range: toRange(model.lines, title.start, Math.max(title.end, trimmedEnd(model, title.start, model.text.length))),
      selectionRange: toRange(model.lines, title.start, title.end),
      children: sections,
    });
  } else {
    symbols.push(...sections);
  }
  return symbols;
}

function sectionSymbol(
  model: PostmortemModel,
  section: Section,
  entries: Map<Section, SectionEntry[]>,
): DocumentSymbol {
  const children = (entries.get(section) ?? []).map((e) => entrySymbol(model, e));
  // Bold labels inside the section's own content, then its subsections.
  if (!section.implicit) {
    const labels = model.implicitSections.filter((s) => s.parent === section);
    children.push(...labels.map((c) => sectionSymbol(model, c, entries)));
  }
  children.push(...section.children.map((c) => sectionSymbol(model, c, entries)));
  const kinds = section.kinds.map((k) => SECTION_KIND_INFO[k].title).join(' / ');
  return {
    name: section.heading || '(empty heading)',
    detail: (section.implicit ? `${kinds} (bold label)` : kinds) || undefined,
    kind: SymbolKind.String,
    range: toRange(
      model.lines,
      section.start,
      Math.max(section.headingEnd, trimmedEnd(model, section.start, section.end)),
    ),
    selectionRange: toRange(model.lines, section.start, section.headingEnd),
    children,
  };
}

/** A timeline event (an Event) or a follow-up action (a Field, with its sub-tasks). */
function entrySymbol(model: PostmortemModel, entry: SectionEntry): DocumentSymbol {
  return {
    name: entry.name,
    detail: entry.detail,
    kind: entry.kind === 'event' ? SymbolKind.Event : SymbolKind.Field,
    range: toRange(model.lines, entry.start, entry.end),
    selectionRange: toRange(model.lines, entry.start, entry.selectionEnd),
    children: entry.children.map((c) => entrySymbol(model, c)),
  };
}

function frontmatterSymbol(model: PostmortemModel): DocumentSymbol | undefined {
  const fm = model.frontmatter;
  if (!fm) return undefined;
  const keys: DocumentSymbol[] = [];
  const separator = fm.format === 'yaml' ? ':' : '=';
  const block = model.text.slice(fm.contentStart, fm.end);
  // Top-level keys only: a line that starts with a key, not an indented one or a list item.
  const keyLine = new RegExp(`^([A-Za-z_][\\w-]*)[ \\t]*${separator}(.*)$`, 'gm');
  for (const m of block.matchAll(keyLine)) {
    const start = fm.contentStart + (m.index ?? 0);
    const value = m[2].trim();
    keys.push({
      name: m[1],
      detail: value.length > 60 ? `${value.slice(0, 59)}…` : value || undefined,
      kind: SymbolKind.Property,
      range: toRange(model.lines, start, start + m[0].length),
      selectionRange: toRange(model.lines, start, start + m[1].length),
    });
  }
  return {
    name: 'Frontmatter',
    detail: fm.format.toUpperCase(),
    kind: SymbolKind.Namespace,
    range: toRange(model.lines, fm.start, fm.end),
    selectionRange: toRange(model.lines, fm.start, Math.min(fm.end, fm.start + 3)),
    children: keys,
  };
}

/** A section's end without its trailing blank lines, so the outline highlights the text, not the gap. */
export function trimmedEnd(model: PostmortemModel, start: number, end: number): number {
  return start + model.text.slice(start, end).trimEnd().length;
}
