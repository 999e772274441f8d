import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { Finding, LineIndex } from '../core';

export const SOURCE = 'postmortem';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.position(start), end: lines.position(end) };
}

/** The one converter from core findings to LSP diagnostics. */
export function toDiagnostic(finding: Finding, lines: LineIndex): Diagnostic {
  return {
    range: toRange(lines, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.url },
    source: SOURCE,
    message: finding.message,
    data: { ruleId: finding.ruleId, ...(finding.data ?? {}) },
  };
}
