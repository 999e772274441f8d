import { parse as parseToml, TomlError } from 'smol-toml';
import { parseDocument } from 'yaml';

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
  const firstBreak = text.indexOf('\n', blockStart);
  const contentStart = firstBreak === -1 ? blockEnd : firstBreak + 1;
  const base: Frontmatter = { format, data: {}, start: blockStart, end: blockEnd, contentStart };
  // remark gives the value without the fences; its offsets line up with contentStart except for \r\n, which
  // remark keeps as is, so offsets map one to one.
  if (value.trim() === '') return base;
  if (format === 'yaml') {
    const doc = parseDocument(value, { prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const [from, to] = error.pos;
      return {
        ...base,
        error: {
          message: firstLine(error.message),
          start: contentStart + from,
          end: contentStart + Math.max(to, from + 1),
        },
      };
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    return { ...base, data: isRecord(data) ? data : {} };
  }
  try {
    return { ...base, data: parseToml(value) as Record<string, unknown> };
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
