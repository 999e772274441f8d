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
    // The Problems panel and inline views show one line: what is wrong. The why and the rewrite are in the hover
    // (hover.ts shows the whole message) and the rule's docs (codeDescription).
    message: headline(finding.message),
    data: { ruleId: finding.ruleId, ...(finding.data ?? {}) },
  };
}

/** Separators that end a message's headline, and how many words must come before each for it to count. */
const BREAKS: readonly [string, number][] = [
  ['. ', 2],
  ['; ', 2],
  [' (', 3],
  [' — ', 3],
  [': ', 4],
];

/**
 * A finding message's first clause: what is wrong, in about 15 words ("Missing required section \"Impact\"",
 * "Action without an owner", "\"human error\" ends the inquiry where it should start"). Read by hand, once through
 * the text: quoted text and code spans are never cut, and a break needs a few words before it.
 */
export function headline(message: string): string {
  let quote: string | undefined;
  let words = 1;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (quote) {
      if (c === quote || (quote === '"' && c === '”')) quote = undefined;
      continue;
    }
    if (c === '"' || c === '“' || c === '`') {
      quote = c === '“' ? '"' : c;
      continue;
    }
    if (c === ' ') words++;
    for (const [mark, minWords] of BREAKS) {
      if (words < minWords || !message.startsWith(mark, i)) continue;
      if (mark === '. ' && /(?:e\.g|i\.e|etc|vs)$/.test(message.slice(Math.max(0, i - 3), i))) continue;
      return message.slice(0, mark === '. ' ? i + 1 : i);
    }
  }
  return message;
}
