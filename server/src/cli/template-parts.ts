import type { Finding, ResolvedConfig } from '../core';
import { findingFacts } from '../core/finding-data';

/**
 * How `postmortem lint` reports a required part that still holds the template's text (see core/template-text.ts):
 * `error` (the default when linting files: in CI an untouched template is not a postmortem, so the run fails) or
 * `info` (the default for --stdin, which editors use: the calm "still to write" checklist the editor shows).
 */
export type TemplateTextMode = 'error' | 'info';

export const TEMPLATE_TEXT_MODES: readonly TemplateTextMode[] = ['error', 'info'];

/** Whether a finding says that a part still holds only the template's text (structure/empty-section's note). */
export function isTemplatePart(finding: Finding): boolean {
  return findingFacts(finding).template === true;
}

/** The required kinds a "still to write" finding covers, under `config.required`. */
function requiredKinds(finding: Finding, config: ResolvedConfig): string[] {
  const kinds = Array.isArray(finding.data?.sections) ? (finding.data.sections as unknown[]) : [finding.data?.section];
  return kinds.filter((k): k is string => typeof k === 'string' && (config.required as readonly string[]).includes(k));
}

/**
 * With `error`, a required part still holding the template's text counts as a missing one: its note takes the
 * severity of structure/required-section (an error by default; left a note when that rule is off) and is marked
 * `data.required`. Parts that are not required stay notes. With `info` the findings are returned as they are.
 */
export function reportTemplateParts(
  findings: readonly Finding[],
  config: ResolvedConfig,
  mode: TemplateTextMode,
): Finding[] {
  if (mode === 'info') return [...findings];
  return findings.map((f) => {
    // The severity of a missing part, as the rule that reports those states it (an error by default).
    const severity = findingFacts(f).missingSeverity ?? 'error';
    return isTemplatePart(f) && severity !== 'off' && requiredKinds(f, config).length > 0
      ? { ...f, severity, data: { ...f.data, required: true } }
      : f;
  });
}

/** The headings of a file's required parts that are still the template's text ("Summary", "Resolution"). */
export function templatePartHeadings(findings: readonly Finding[], text: string): string[] {
  return findings.filter((f) => isTemplatePart(f) && f.data?.required === true).map((f) => headingText(text, f));
}

/** A heading's words: the first line of its source without the ATX hashes (a setext underline is on the next line). */
function headingText(text: string, finding: Finding): string {
  const line = text.slice(finding.start, finding.end).split(/\r?\n/, 1)[0];
  const words = line.replace(/^\s{0,3}#{1,6}(?=\s|$)/, '').trim();
  let end = words.length;
  while (end > 0 && words[end - 1] === '#') end--;
  // A closing sequence counts only after a space ("## Summary ##"); "C#" keeps its hash.
  return (end < words.length && (end === 0 || words[end - 1] === ' ') ? words.slice(0, end) : words).trim();
}
