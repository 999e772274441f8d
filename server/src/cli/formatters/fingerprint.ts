import type { Finding } from '../../core';
import { sha256 } from '../../node/hash';
import type { FileResult } from '../lint';

/**
 * One fingerprint per finding, stable across runs and when lines are added or removed above it: a hash of the
 * repository path, the rule, what the finding is about and which occurrence of it this is. "What it is about" is
 * the flagged text (whitespace folded) for a range finding, and the message for a whole-document finding (a
 * missing section sits on the title, whose text says nothing about which section is missing). Line numbers are
 * left out on purpose: they change whenever someone edits the text above.
 */
export function fingerprints(result: FileResult, repoPath: string): string[] {
  // Count occurrences over every finding, so hiding some (--changed-since, --quiet) renumbers none of the others.
  const seen = new Map<string, number>();
  const byFinding = new Map<Finding, string>();
  for (const finding of result.allFindings ?? result.findings) {
    const key = [repoPath, finding.ruleId, subject(result, finding)].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    byFinding.set(finding, sha256().update(`${key}\0${occurrence}`).digest('hex').slice(0, 32));
  }
  return result.findings.map((finding) => {
    const known = byFinding.get(finding);
    if (known) return known;
    const key = [repoPath, finding.ruleId, subject(result, finding)].join('\0');
    return sha256().update(key).digest('hex').slice(0, 32);
  });
}

function subject(result: FileResult, finding: Finding): string {
  if (finding.scope === 'document') return finding.message;
  let text = result.text.slice(finding.start, finding.end);
  if (!text.trim()) {
    // An empty range: use its line.
    const line = result.lines.position(finding.start).line;
    text = result.text.slice(result.lines.lineStart(line), result.lines.lineEnd(line));
  }
  return text.replace(/\s+/g, ' ').trim();
}
