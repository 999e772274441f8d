import type { Finding } from '../../core';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { lineColumn } from './position';

const SEVERITY = { error: 2, warning: 1, info: 1 } as const;

/** ESLint's JSON format (1-based positions), so existing ESLint tooling can read it. */
export function formatJson(results: readonly FileResult[], _context: FormatContext): string {
  return `${JSON.stringify(results.filter((r) => !r.skipped).map(toJsonResult), null, 2)}\n`;
}

/** One file's entry of the JSON format (also what the programmatic API's lint() returns). */
export function toJsonResult(r: FileResult): JsonResult {
  const count = (level: Finding['severity'][]) => r.findings.filter((f) => level.includes(f.severity)).length;
  const fixable = (level: Finding['severity'][]) =>
    r.findings.filter((f) => level.includes(f.severity) && f.fixes?.some((x) => x.safe)).length;
  return {
    filePath: r.path,
    messages: r.findings.map((f) => message(r, f)),
    suppressedMessages: [],
    errorCount: count(['error']),
    fatalErrorCount: 0,
    warningCount: count(['warning', 'info']),
    fixableErrorCount: fixable(['error']),
    fixableWarningCount: fixable(['warning', 'info']),
    usedDeprecatedRules: [],
  };
}

/** One finding in the JSON format. */
export interface JsonMessage {
  ruleId: string;
  /** 2 error, 1 warning or info (ESLint's levels); `severityName` tells warning and info apart. */
  severity: 1 | 2;
  severityName: Finding['severity'];
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Rule facts, such as `section: "timeline"`. */
  data: Record<string, unknown>;
  /** The rule's docs. */
  url: string;
}

/** One file in the JSON format (ESLint's result shape). */
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

function message(result: FileResult, f: Finding): JsonMessage {
  const start = lineColumn(result, f.start);
  const end = lineColumn(result, f.end);
  return {
    ruleId: f.ruleId,
    severity: SEVERITY[f.severity],
    severityName: f.severity,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    data: f.data ?? {},
    url: f.url,
  };
}
