import { cachesEnabled, memoizeText } from '../incremental/memo';
import { htmlComments } from '../text';
import { PLAIN_STEPS, plainTextOf, SPANNING_STEPS } from '../timeline/plain';

/**
 * The plain text of a whole document body (`plainText` of it) computed piece by piece and cached per piece, so that
 * after an edit only the edited lines are read again (issue 11). A piece is a line, or lines taken together while a
 * step of `PLAIN_STEPS` could match across the line break: an unclosed HTML comment, or a bracket, link target or
 * autolink opened near the piece's end and not closed (in the text each step is given). The later steps never match
 * across whitespace, so the pieces' plain texts, joined by a space, are the plain text of the whole
 * (test/unit/plain-body.test.ts checks it on the corpus and on generated text). Without the caches
 * (`withoutCaches`), the whole text is read at once: the reference.
 */
export function plainPieces(text: string): string[] {
  if (!cachesEnabled()) {
    const whole = plainTextOf(text);
    return whole ? [whole] : [];
  }
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = lineEnd(text, at);
    let piece = look(text.slice(at, end));
    while (end < text.length) {
      // A comment closed further on ends on the line that closes it; otherwise no comment is open here.
      const close = piece.comment ? text.indexOf('-->', end) : -1;
      if (close === -1 && !piece.bracket) break;
      if (end - at > MAX_PIECE) {
        // Openings after openings (pathological text): the rest as one piece, linear still.
        end = text.length;
        piece = { plain: plainTextOf(text.slice(at)), comment: false, bracket: false };
        break;
      }
      // Twice as long at least, so that a run of openings costs linear time, not quadratic.
      end = lineEnd(text, Math.max(close + 3, end + 1 + (end - at)));
      piece = look(text.slice(at, end));
    }
    if (piece.plain) parts.push(piece.plain);
    at = end + 1;
  }
  return parts;
}

/** Past this many characters, pieces that keep opening are read as one (see `plainPieces`). */
const MAX_PIECE = 20_000;
/** Pieces up to this long are cached (lines, mostly). */
const MAX_CACHED = 8_000;

/**
 * How far before a piece's end an unclosed opening can still match across it: the longest run a spanning step takes
 * after its opening character (a link target's 2,000 characters, with room to spare).
 */
const REACH = 2_500;

interface Piece {
  plain: string;
  /** A step could match across the piece's end: it leaves a comment open, or a bracket (see `unclosedBracket`). */
  comment: boolean;
  bracket: boolean;
}

const look = memoizeText(lookOf, 50_000, MAX_CACHED);

function lookOf(raw: string): Piece {
  let bracket = false;
  let text = raw;
  PLAIN_STEPS.forEach((step, i) => {
    text = step(text);
    if (i < SPANNING_STEPS) bracket ||= unclosedBracket(text);
  });
  return { plain: text, comment: unclosedComment(raw), bracket };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function unclosedComment(text: string): boolean {
  const comments = htmlComments(text);
  return text.indexOf('<!--', comments.at(-1)?.end ?? 0) !== -1;
}

/** A `[`, a link target `](` or a `<` after the last character that closes it, within `REACH` of the end. */
function unclosedBracket(text: string): boolean {
  const near = text.length - REACH;
  const square = text.lastIndexOf('[');
  if (square >= near && square > text.lastIndexOf(']')) return true;
  const target = text.lastIndexOf('](');
  if (target >= near && target > text.lastIndexOf(')')) return true;
  const angle = text.lastIndexOf('<');
  return angle >= near && angle > text.lastIndexOf('>');
}
