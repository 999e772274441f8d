import type { FileResult } from '../lint';

/** 1-based line and column of a finding's start and end. */
export function lineColumn(result: FileResult, offset: number): { line: number; column: number } {
  const p = result.lines.position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}
