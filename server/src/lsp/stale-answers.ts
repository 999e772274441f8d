// What a request computed on the last finished analysis becomes on the document's text now (see edit-map.ts and
// "Requests do not wait" in ARCHITECTURE.md). Each answer type says how its positions move: outlines and folds
// stretch around an edit (`clip`), a finding or a hover's word that was edited is dropped, and a code action
// whose edit or snippet position an edit reaches is dropped whole (`apart`), so no action ever applies an edit
// computed on text the author has changed since.
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  InlayHint,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { INSERT_SNIPPET_COMMAND } from '../protocol';
import type { MapMode, StaleView } from './edit-map';

/** The outline: each symbol stretches with the edits inside it; one whose heading was deleted whole goes. */
export function mapSymbols(symbols: DocumentSymbol[], view: StaleView): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const symbol of symbols) {
    const range = view.range(symbol.range, 'clip');
    const selectionRange = view.range(symbol.selectionRange, 'clip');
    if (!range || !selectionRange) continue;
    if (isEmpty(selectionRange) && !isEmpty(symbol.selectionRange)) continue;
    const children = symbol.children && mapSymbols(symbol.children, view);
    out.push({ ...symbol, range, selectionRange, ...(children ? { children } : {}) });
  }
  return out;
}

/** Folding ranges are whole lines: a fold stretches with the edits inside it and goes when it spans no line. */
export function mapFoldingRanges(ranges: FoldingRange[], view: StaleView): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const fold of ranges) {
    const mapped = view.range(
      {
        start: { line: fold.startLine, character: 0 },
        end: { line: fold.endLine, character: Number.MAX_SAFE_INTEGER },
      },
      'clip',
    );
    if (!mapped || mapped.end.line <= mapped.start.line) continue;
    out.push({ ...fold, startLine: mapped.start.line, endLine: mapped.end.line });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Code lenses: the timeline heading's stretches with it; a milestone lens on an edited entry goes. */
export function mapCodeLenses(lenses: CodeLens[], view: StaleView): CodeLens[] {
  return lenses.flatMap((lens) => {
    const range = view.range(lens.range, isEmpty(lens.range) ? 'apart' : 'clip');
    return range ? [{ ...lens, range }] : [];
  });
}

/** Inlay hints sit at the end of an entry's first line: typing there (or in the entry) hides the hint until the analysis. */
export function mapInlayHints(hints: InlayHint[], view: StaleView): InlayHint[] {
  return hints.flatMap((hint) => {
    const position = view.position(hint.position, 'apart');
    return position ? [{ ...hint, position }] : [];
  });
}

/**
 * A code action computed on the analysed text, on the document now; undefined when an edit since reaches one of
 * its diagnostics, text edits or snippet position. Its document edits then apply to the document now exactly as
 * they would have to the analysed text; versioned edits (documentChanges) carry `version`, the document's version
 * now, so a client refuses them if the text changes again before they apply.
 */
export function mapCodeAction(
  action: CodeAction,
  uri: string,
  version: number,
  view: StaleView,
): CodeAction | undefined {
  const mapped: CodeAction = { ...action };
  if (action.diagnostics) {
    const diagnostics = mapAll(action.diagnostics, (d) => mapDiagnostic(d, view));
    if (!diagnostics) return undefined;
    mapped.diagnostics = diagnostics;
  }
  if (action.edit) {
    const edit = mapWorkspaceEdit(action.edit, uri, version, view);
    if (!edit) return undefined;
    mapped.edit = edit;
  }
  if (action.command?.command === INSERT_SNIPPET_COMMAND && action.command.arguments?.[0] === uri) {
    const [, position, ...rest] = action.command.arguments;
    const moved = isPosition(position) ? view.position(position, 'apart') : undefined;
    if (!moved) return undefined;
    mapped.command = { ...action.command, arguments: [uri, moved, ...rest] };
  }
  return mapped;
}

export function mapDiagnostic(diagnostic: Diagnostic, view: StaleView, mode: MapMode = 'untouched') {
  const range = view.range(diagnostic.range, mode);
  return range ? { ...diagnostic, range } : undefined;
}

/** The edits of this document moved (none may be reached by an edit since); other files' edits as they are. */
function mapWorkspaceEdit(edit: WorkspaceEdit, uri: string, version: number, view: StaleView) {
  const mapped: WorkspaceEdit = { ...edit };
  if (edit.changes?.[uri]) {
    const edits = mapAll(edit.changes[uri], (e) => mapTextEdit(e, view));
    if (!edits) return undefined;
    mapped.changes = { ...edit.changes, [uri]: edits };
  }
  if (edit.documentChanges) {
    const changes: NonNullable<WorkspaceEdit['documentChanges']> = [];
    for (const change of edit.documentChanges) {
      if (!('edits' in change) || change.textDocument.uri !== uri) {
        changes.push(change);
        continue;
      }
      const edits = mapAll(change.edits, (e) => mapTextEdit(e, view));
      if (!edits) return undefined;
      const textDocument = change.textDocument.version === null ? change.textDocument : { uri, version };
      changes.push({ ...change, textDocument, edits });
    }
    mapped.documentChanges = changes;
  }
  return mapped;
}

function mapTextEdit<T extends { range: Range }>(edit: T, view: StaleView): T | undefined {
  const range = view.range(edit.range, 'apart');
  return range ? { ...edit, range } : undefined;
}

/** Completion items whose edits no edit since reached, moved; the others left out. */
export function mapCompletions(list: CompletionList, view: StaleView): CompletionList {
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const mapped: CompletionItem = { ...item };
    const edit = item.textEdit;
    if (edit && 'range' in edit) {
      const range = view.range(edit.range, 'untouched');
      if (!range) continue;
      mapped.textEdit = { ...edit, range };
    } else if (edit) {
      const insert = view.range(edit.insert, 'untouched');
      const replace = view.range(edit.replace, 'untouched');
      if (!insert || !replace) continue;
      mapped.textEdit = { ...edit, insert, replace };
    }
    if (item.additionalTextEdits) {
      const extra = mapAll(item.additionalTextEdits, (e) => mapTextEdit(e, view));
      if (!extra) continue;
      mapped.additionalTextEdits = extra;
    }
    items.push(mapped);
  }
  return { ...list, items };
}

/**
 * Every range in a payload about this document (`postmortem/summary`: reveal targets), stretched with the edits
 * inside it. Only for payloads whose every range is of this document.
 */
export function mapRangesDeep<T>(value: T, view: StaleView): T {
  if (Array.isArray(value)) return value.map((v) => mapRangesDeep(v, view)) as T;
  if (!value || typeof value !== 'object') return value;
  if (isRange(value)) return (view.range(value, 'clip') ?? value) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = mapRangesDeep(v, view);
  return out as T;
}

function mapAll<T>(items: readonly T[], map: (item: T) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (const item of items) {
    const mapped = map(item);
    if (!mapped) return undefined;
    out.push(mapped);
  }
  return out;
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | undefined;
  return typeof p?.line === 'number' && typeof p?.character === 'number';
}

function isRange(value: object): value is Range {
  const r = value as Range;
  return Object.keys(value).length === 2 && isPosition(r.start) && isPosition(r.end);
}
