import type { Finding } from '../core';
import type { FileLineChanges } from '../node/git';
import type { FileResult } from './lint';

/**
 * Which findings a pull request review should show for a changed file:
 * - every finding of an added (or untracked) file, and every whole-document finding (a missing section);
 * - a finding whose lines include an added or modified line, or that spans a place where lines were deleted;
 * - a finding on a section's heading (an empty section) when any line of that section changed: emptying a
 *   section touches its content, not its heading, and the reviewer should hear about it.
 */
export function isOnChangedLines(finding: Finding, result: FileResult, changes: FileLineChanges): boolean {
  // The sections' spans, not the model: a result from the lint pool or the cache has no model.
  const sections = result.sections ?? result.model?.allSections;
  if (changes.wholeFile || finding.scope === 'document' || !sections) return true;
  const { lines } = result;
  const lineOf = (offset: number) => lines.position(offset).line + 1;
  const startLine = lineOf(finding.start);
  // The end is exclusive: a range that stops at the start of a line does not cover that line.
  const endPosition = lines.position(finding.end);
  const endLine =
    finding.end > finding.start && endPosition.character === 0
      ? Math.max(startLine, endPosition.line)
      : endPosition.line + 1;
  if (touches(changes, startLine, endLine, endLine - 1)) return true;

  const section = sections.find((s) => s.start === finding.start && finding.end <= s.headingEnd);
  if (!section) return false;
  const sectionEnd = section.end > section.start ? lineOf(section.end - 1) : startLine;
  // Lines deleted right after the section's last line were the end of its content.
  return touches(changes, lineOf(section.start), sectionEnd, sectionEnd);
}

/** Whether lines first..last (1-based, inclusive) hold a changed line, or lines were deleted after first..deletedUpTo. */
function touches(changes: FileLineChanges, first: number, last: number, deletedUpTo: number): boolean {
  for (let line = first; line <= last; line++) if (changes.lines.has(line)) return true;
  for (let line = first; line <= deletedUpTo; line++) if (changes.deletedAfter.has(line)) return true;
  return false;
}

/** Keeps the findings on changed lines and counts the others in `unchangedLineFindings`. */
export function keepChangedLineFindings(result: FileResult, changes: FileLineChanges): FileResult {
  const findings = result.findings.filter((f) => isOnChangedLines(f, result, changes));
  return { ...result, findings, unchangedLineFindings: result.findings.length - findings.length };
}
