import type { Severity } from '../../core';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { findingRange, repositoryPath } from './position';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message, as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: the message escapes plus ":" and ",", which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one line per finding: `::warning file=…,line=…,endLine=…,col=…,endColumn=…,
 * title=…::message`. GitHub shows them as annotations on the pull request's changed lines. Paths are relative to
 * the repository root, as GitHub expects; `col` and `endColumn` are left out of multi-line ranges (GitHub rejects
 * them there).
 */
export function formatGithub(results: readonly FileResult[], { root }: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.skipped) continue;
    const file = repositoryPath(result.path, root);
    for (const finding of result.findings) {
      const range = findingRange(result, finding);
      const properties: [string, string | number][] = [
        ['file', file],
        ['line', range.line],
        ['endLine', range.endLine],
      ];
      if (range.line === range.endLine) properties.push(['col', range.column], ['endColumn', range.endColumn]);
      properties.push(['title', finding.ruleId]);
      const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${COMMAND[finding.severity]} ${props}::${escapeData(`${finding.message}\n${finding.url}`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
