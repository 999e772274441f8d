import { ErrorCodes, type Position, type Range, ResponseError } from 'vscode-languageserver';

/**
 * Checks the parts of a request's params the handlers rely on, and answers a malformed request as such
 * (InvalidParams, -32602) instead of failing inside a handler (InternalError, -32603).
 */
export function checkParams(
  params: { textDocument?: { uri?: unknown } } | null | undefined,
  parts: { position?: Position; range?: Range } = {},
): void {
  if (typeof params?.textDocument?.uri !== 'string') throw invalid('textDocument.uri must be a string');
  if ('position' in parts && !isPosition(parts.position)) {
    throw invalid('position must be { line, character } with whole numbers of 0 or more');
  }
  if ('range' in parts && !(isPosition(parts.range?.start) && isPosition(parts.range?.end))) {
    throw invalid('range must be { start, end } positions with whole numbers of 0 or more');
  }
}

function isPosition(p: unknown): p is Position {
  const { line, character } = (p ?? {}) as { line?: unknown; character?: unknown };
  return isCount(line) && isCount(character);
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${message}`);
}
