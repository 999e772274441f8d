/**
 * Markdown shapes that make the parser slow (its time grows with the square of the size or worse): very wide
 * table rows, brackets nested hundreds deep, block quotes and lists nested hundreds deep. One linear pass finds
 * them before parsing, so that such a file is reported as not analysed, with what to simplify, instead of
 * holding the editor. The limits are far above what any real postmortem uses.
 */
export const COMPLEXITY_LIMITS = {
  /** Cells in one table row (a `|`-separated line). */
  tableCells: 200,
  /** Unclosed `[` at one point of a paragraph. */
  bracketDepth: 200,
  /** Block quote markers and list levels at the start of one line. */
  nestingDepth: 100,
} as const;

export interface TooComplex {
  kind: 'table-width' | 'bracket-depth' | 'nesting-depth';
  /** 0-based line and its offset. */
  line: number;
  offset: number;
  /** What was found, compared with the limit. */
  found: number;
  limit: number;
}

export function findTooComplex(text: string): TooComplex | undefined {
  let line = 0;
  let lineStart = 0;
  let brackets = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const problem = scanLine(text, lineStart, lineEnd, brackets);
    if (problem) return { ...problem, line, offset: lineStart };
    brackets = openAfter;
    line++;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The brackets still open after the line `scanLine` last read (a number, not an object per line of the text). */
let openAfter = 0;

function scanLine(
  text: string,
  start: number,
  end: number,
  openBrackets: number,
): Omit<TooComplex, 'line' | 'offset'> | undefined {
  openAfter = 0;
  // Leading nesting: `>` markers and list markers, each indented level counting once.
  let depth = 0;
  let i = start;
  let indent = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 /* space */) indent++;
    else if (c === 9 /* tab */) indent += 4;
    else if (c === 62 /* > */) {
      depth++;
      indent = 0;
    } else break;
    i++;
  }
  const marker = text.charCodeAt(i);
  if ((marker === 45 || marker === 42 || marker === 43) /* - * + */ && i + 1 <= end) depth += 1 + (indent >> 1);
  if (depth > COMPLEXITY_LIMITS.nestingDepth) {
    return { kind: 'nesting-depth', found: depth, limit: COMPLEXITY_LIMITS.nestingDepth };
  }
  // A blank line ends a paragraph, and with it any open brackets.
  if (i >= end || (end - i === 1 && text.charCodeAt(i) === 13)) return undefined;
  let pipes = 0;
  let brackets = openBrackets;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) {
      j++;
      continue;
    }
    if (c === 124 /* | */) pipes++;
    else if (c === 91 /* [ */) {
      if (++brackets > COMPLEXITY_LIMITS.bracketDepth) {
        return { kind: 'bracket-depth', found: brackets, limit: COMPLEXITY_LIMITS.bracketDepth };
      }
    } else if (c === 93 /* ] */ && brackets > 0) brackets--;
  }
  if (pipes > COMPLEXITY_LIMITS.tableCells) {
    return { kind: 'table-width', found: pipes - 1, limit: COMPLEXITY_LIMITS.tableCells };
  }
  openAfter = brackets;
  return undefined;
}
