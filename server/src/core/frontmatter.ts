import { parse as parseToml, TomlError } from 'smol-toml';
import { type Document, isScalar, parseDocument, visit } from 'yaml';

export interface Frontmatter {
  format: 'yaml' | 'toml';
  /** The parsed data; an empty object when the block is empty, not a mapping, or has a syntax error. */
  data: Record<string, unknown>;
  /** Offsets of the whole block, fences included. */
  start: number;
  end: number;
  /** Offset where the block's content (after the opening fence line) starts. */
  contentStart: number;
  error?: FrontmatterError;
}

export interface FrontmatterError {
  message: string;
  /** Offsets into the document. */
  start: number;
  end: number;
}

/**
 * Parses a YAML or TOML frontmatter block with a real parser. A syntax error is returned with its position
 * in the document, never thrown.
 */
export function parseFrontmatter(
  format: 'yaml' | 'toml',
  value: string,
  text: string,
  blockStart: number,
  blockEnd: number,
): Frontmatter {
  // The opening fence's line ends at the first line break of any kind (\n, \r\n or a lone \r).
  const lineBreak = /\r\n?|\n/g;
  lineBreak.lastIndex = blockStart;
  const firstBreak = lineBreak.exec(text);
  const contentStart = firstBreak ? Math.min(firstBreak.index + firstBreak[0].length, blockEnd) : blockEnd;
  const base: Frontmatter = { format, data: {}, start: blockStart, end: blockEnd, contentStart };
  // remark gives the value without the fences; its offsets line up with contentStart except for \r\n, which
  // remark keeps as is, so offsets map one to one.
  if (value.trim() === '') return base;
  if (format === 'yaml') {
    const doc = parseDocument(value, { prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const [at, to] = error.pos;
      // An unclosed quote is reported where the input ends; point at the quote that was opened instead.
      const from = error.code === 'MISSING_CHAR' ? (openingOf(doc, at) ?? at) : at;
      return {
        ...base,
        error: {
          message: firstLine(error.message),
          start: contentStart + from,
          end: contentStart + Math.max(to, from + 1),
        },
      };
    }
    try {
      const data = doc.toJS({ maxAliasCount: 100 });
      return { ...base, data: isRecord(data) ? data : {} };
    } catch (e) {
      // Aliases that expand without bound (a "billion laughs" block) are refused, not expanded.
      return {
        ...base,
        error: { message: firstLine((e as Error).message), start: contentStart, end: contentStart + 1 },
      };
    }
  }
  try {
    return { ...base, data: plain(parseToml(value)) as Record<string, unknown> };
  } catch (e) {
    if (e instanceof TomlError) {
      const offset = offsetOfLineColumn(value, e.line, e.column);
      return {
        ...base,
        error: { message: firstLine(e.message), start: contentStart + offset, end: contentStart + offset + 1 },
      };
    }
    return { ...base, error: { message: String(e), start: contentStart, end: contentStart + 1 } };
  }
}

/** Start of the scalar that runs up to `offset` (the value whose closing character is missing). */
function openingOf(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range && node.range[0] < offset && node.range[1] >= offset) found = node.range[0];
    },
  });
  return found;
}

/** TOML gives null-prototype tables and date objects; make them plain objects and ISO strings, as YAML's are. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line and column to an offset. */
function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), text.length);
}
