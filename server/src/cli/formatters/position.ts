import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../core';
import type { FileResult } from '../lint';

/** 1-based line and column of a finding's start and end. */
export function lineColumn(result: FileResult, offset: number): { line: number; column: number } {
  const p = result.lines.position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export interface Range {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 1-based line of the last character. */
  endLine: number;
  /** 1-based column just after the last character (equal to `column` for an empty range). */
  endColumn: number;
}

/** A finding's range; one that ends at the very start of a line ends instead at the end of the line before. */
export function findingRange(result: FileResult, finding: Finding): Range {
  const start = lineColumn(result, finding.start);
  const endOffset = Math.max(finding.start, finding.end);
  const end = result.lines.position(endOffset);
  if (endOffset > finding.start && end.character === 0 && end.line + 1 > start.line) {
    const line = end.line - 1;
    const column = result.lines.lineEnd(line) - result.lines.lineStart(line) + 1;
    return { ...start, endLine: line + 1, endColumn: Math.max(column, 1) };
  }
  return { ...start, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * A file's path as CI systems want it: relative to the repository root, with forward slashes.
 * A file outside the root keeps its absolute path.
 */
export function repositoryPath(path: string, root: string): string {
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** A repository path as a relative URI reference (each segment percent-encoded), or a file: URI when absolute. */
export function pathUri(repoPath: string): { uri: string; relative: boolean } {
  if (/^([a-zA-Z]:)?\//.test(repoPath)) return { uri: pathToFileURL(repoPath).href, relative: false };
  return { uri: repoPath.split('/').map(encodeURIComponent).join('/'), relative: true };
}
