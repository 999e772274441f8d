import type { Finding } from '../../core';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { lineColumn } from './position';

const SEVERITY = { error: 2, warning: 1, info: 1 } as const;

/** ESLint's JSON format (1-based positions), so existing ESLint tooling can read it. */
export function formatJson(results: readonly FileResult[], _context: FormatContext): string {
  const out = results
    .filter((r) => !r.skipped)
    .map((r) => {
      const messages = r.findings.map((f) => message(r, f));
      const count = (level: Finding['severity'][]) => r.findings.filter((f) => level.includes(f.severity)).length;
      const fixable = (level: Finding['severity'][]) =>
        r.findings.filter((f) => level.includes(f.severity) && f.fixes?.some((x) => x.safe)).length;
      return {
        filePath: r.path,
        messages,
        suppressedMessages: [],
        errorCount: count(['error']),
        fatalErrorCount: 0,
        warningCount: count(['warning', 'info']),
        fixableErrorCount: fixable(['error']),
        fixableWarningCount: fixable(['warning', 'info']),
        usedDeprecatedRules: [],
      };
    });
  return `${JSON.stringify(out, null, 2)}\n`;
}

function message(result: FileResult, f: Finding) {
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
