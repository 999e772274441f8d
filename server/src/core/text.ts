import type { Position, TextEdit } from './types';

/** Maps offsets to line/character positions and back; lines end at \n, \r\n or a lone \r. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)];
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The document's line ending: the one it uses most, \n when it has none. */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Applies non-overlapping edits; edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let last = 0;
  for (const edit of sorted) {
    if (edit.start < last) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + text.slice(last);
}

/**
 * The HTML comments (`<!-- … -->`) in a text, with their offsets and inner text. Linear: a regex such as
 * /<!--[\s\S]*?-->/g scans to the end from every unclosed `<!--`, which is quadratic on text full of them.
 */
export function htmlComments(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start === -1) break;
    const close = text.indexOf('-->', start + 4);
    // No closing marker after this opening means none after any later one either.
    if (close === -1) break;
    out.push({ start, end: close + 3, inner: text.slice(start + 4, close) });
    from = close + 3;
  }
  return out;
}

/** The text with every closed HTML comment replaced by `replacement`. */
export function stripHtmlComments(text: string, replacement = ''): string {
  const comments = htmlComments(text);
  if (comments.length === 0) return text;
  let out = '';
  let at = 0;
  for (const c of comments) {
    out += text.slice(at, c.start) + replacement;
    at = c.end;
  }
  return out + text.slice(at);
}

/**
 * The text without the trailing characters that `strip` accepts. A loop, not /[…]+$/: an unanchored-start
 * pattern like that retries from every character of a long run that is not at the end, which is quadratic.
 */
export function trimEndWhere(text: string, strip: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The text without the leading characters that `strip` accepts. */
export function trimStartWhere(text: string, strip: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text[start])) start++;
  return text.slice(start);
}
