import type { Severity } from '../../core';
import type { FileResult } from '../lint';
import { fingerprints } from './fingerprint';
import type { FormatContext } from './index';
import { findingRange, repositoryPath } from './position';

/** GitLab's severities (info, minor, major, critical, blocker), mapped as ESLint's GitLab formatters do. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/** One issue of a GitLab Code Quality report (a subset of the Code Climate format). */
export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array of issues with paths relative to
 * the repository root and fingerprints that stay the same across runs and when lines shift (see fingerprint.ts),
 * so GitLab can tell new findings from old ones in a merge request.
 */
export function formatGitlab(results: readonly FileResult[], { root }: FormatContext): string {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    if (result.skipped) continue;
    const path = repositoryPath(result.path, root);
    const prints = fingerprints(result, path);
    result.findings.forEach((finding, i) => {
      const range = findingRange(result, finding);
      issues.push({
        type: 'issue',
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: prints[i],
        severity: SEVERITY[finding.severity],
        location: { path, lines: { begin: range.line, end: range.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
