// Calm while typing: what the Problems panel shows of the line being written waits until the author pauses or
// leaves the line ("I", "Imp", "Impr" are not vague actions, only unfinished words), and an empty new postmortem
// gets one note offering the templates instead of a wall of missing-section errors.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, LineIndex } from '../core';

/** How long the author must pause before the findings on the line being typed show. */
export const SETTLE_MS = 1500;

export const EMPTY_POSTMORTEM: Diagnostic = {
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: DiagnosticSeverity.Information,
  source: 'postmortem',
  message:
    'Empty postmortem: press Ctrl+Space for a template (default, Google SRE, PagerDuty, Atlassian), or run "Postmortem: New Postmortem…".',
};

/**
 * The lines an edit touched, from the text analysed before and the text now: the first and last line that differ.
 * Undefined when nothing was analysed before (a document just opened shows everything) or the edit spans lines.
 */
export function typedLine(before: string | undefined, after: string, lines: LineIndex): number | undefined {
  if (before === undefined || before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  const first = lines.position(start).line;
  const last = lines.position(after.length - end).line;
  // A pasted block or a new line: the author is not in the middle of a word.
  if (first !== last || after.slice(start, after.length - end).includes('\n')) return undefined;
  const text = after.slice(lines.lineStart(first), lines.lineEnd(first));
  return text.trim() === '' ? undefined : first;
}

/** The findings to show now: those on the line being typed wait (document-level ones sit on the title). */
export function calmFindings(findings: Finding[], lines: LineIndex, line: number | undefined): Finding[] {
  if (line === undefined) return findings;
  return findings.filter(
    (f) => f.scope === 'document' || lines.position(f.end).line < line || lines.position(f.start).line > line,
  );
}
