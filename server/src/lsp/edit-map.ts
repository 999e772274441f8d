// Answers from an analysis of an older version (issue 11, "No waiting"): the requests answer from the last finished
// analysis while the next one runs, so what they give is computed on the text that analysis saw and moved onto the
// document's text now through the edits received since (didChange). Whatever an edit touched is dropped or clipped,
// never guessed: see the modes of `EditMap.range`.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { LineIndex } from '../core';
import { changeBetween } from '../core/incremental';

/** One edit as the document received it: `deleted` UTF-16 units at `offset` became `inserted` units. */
export interface Replacement {
  offset: number;
  deleted: number;
  inserted: number;
}

/**
 * How a range that an edit reaches is mapped:
 * - `clip`: an end inside a replaced span moves to that span's edge, so a range around an edit grows or shrinks with
 *   it (a section being written, a folding range). Never dropped.
 * - `untouched`: dropped when an edit replaced or inserted text inside it; an edit that only touches its ends leaves
 *   it (a finding, a hover's word).
 * - `apart`: dropped when an edit reaches it or touches one of its ends (the span of a code action's edit: text
 *   inserted at the very place an action inserts could go either side of it).
 */
export type MapMode = 'clip' | 'untouched' | 'apart';

/** The edits from one version of a text to a later one, in the order they came (each on the text the previous gave). */
export class EditMap {
  constructor(readonly edits: readonly Replacement[]) {}

  get isIdentity(): boolean {
    return this.edits.length === 0;
  }

  /** A range `[start, end]` of the old text in the new one, or undefined when the mode drops it. */
  range(start: number, end: number, mode: MapMode): [number, number] | undefined {
    let s = start;
    let e = end;
    for (const { offset, deleted, inserted } of this.edits) {
      const after = offset + deleted;
      const delta = inserted - deleted;
      const reaches = mode === 'apart' ? s <= after && e >= offset : s < after && e > offset;
      // An empty range at a pure insertion's point is only touched, in `untouched` mode.
      if (reaches && mode !== 'clip') return undefined;
      if (s >= after && !(s === offset && deleted === 0 && e === s)) s += delta;
      else if (s > offset) s = offset;
      if (e >= after && !(e === offset && deleted === 0)) e += delta;
      else if (e > offset) e = offset + inserted;
    }
    return [s, Math.max(s, e)];
  }

  /** The character at an offset of the new text, in the old one; undefined when it was typed since. */
  back(offset: number): number | undefined {
    let o = offset;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const edit = this.edits[i];
      if (o < edit.offset) continue;
      if (o >= edit.offset + edit.inserted) o += edit.deleted - edit.inserted;
      else return undefined;
    }
    return o;
  }

  /** The same, an offset inside inserted text going to where that text went in (for a range asked about). */
  backClip(offset: number): number {
    let o = offset;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const edit = this.edits[i];
      if (o <= edit.offset) continue;
      o = o >= edit.offset + edit.inserted ? o + edit.deleted - edit.inserted : edit.offset;
    }
    return o;
  }
}

/**
 * An analysed text seen from the document's text now: LSP positions and ranges of the one moved onto the other.
 * `old` is the line index of the analysed text, `doc` the document now.
 */
export class StaleView {
  constructor(
    private readonly old: LineIndex,
    readonly edits: EditMap,
    private readonly doc: TextDocument,
  ) {}

  /** A range computed on the analysed text, on the document now (see MapMode); undefined when dropped. */
  range(range: Range, mode: MapMode): Range | undefined {
    const mapped = this.edits.range(this.old.offset(range.start), this.old.offset(range.end), mode);
    return mapped && { start: this.doc.positionAt(mapped[0]), end: this.doc.positionAt(mapped[1]) };
  }

  position(position: Position, mode: MapMode): Position | undefined {
    return this.range({ start: position, end: position }, mode)?.start;
  }

  /** A position of the document now in the analysed text; undefined when it lies in text typed since. */
  back(position: Position): Position | undefined {
    const offset = this.edits.back(this.doc.offsetAt(position));
    return offset === undefined ? undefined : this.old.position(offset);
  }

  /** A range of the document now in the analysed text, its ends inside typed text moved to where it went in. */
  backRange(range: Range): Range {
    return {
      start: this.old.position(this.edits.backClip(this.doc.offsetAt(range.start))),
      end: this.old.position(this.edits.backClip(this.doc.offsetAt(range.end))),
    };
  }
}

/**
 * The edits of one didChange as replacements, applied to `doc` one by one (each change's range is on the text the
 * previous one left). A change without a range replaces the whole text: its replacement is what differs between the
 * two texts (common prefix and suffix left out).
 */
export function applyChanges(
  doc: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
  update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => TextDocument,
): { doc: TextDocument; edits: Replacement[] } {
  const edits: Replacement[] = [];
  let current = doc;
  for (const change of changes) {
    if ('range' in change && change.range) {
      const start = current.offsetAt(change.range.start);
      const end = Math.max(start, current.offsetAt(change.range.end));
      edits.push({ offset: start, deleted: end - start, inserted: change.text.length });
    } else {
      const before = current.getText();
      const diff = changeBetween(before, change.text);
      edits.push({ offset: diff.offset, deleted: diff.deleted, inserted: diff.inserted.length });
    }
    current = update(current, [change], version);
  }
  return { doc: current, edits };
}
