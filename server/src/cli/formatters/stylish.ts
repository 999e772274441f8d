import { relative } from 'node:path';
import { styleText } from 'node:util';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { lineColumn } from './position';

const COLORS = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/**
 * ESLint's stylish layout: each file's path on its own line, then one indented, aligned row per finding
 * (`line:col  severity  message  rule-id`), a blank line between files, then the count.
 */
export function formatStylish(results: readonly FileResult[], { cwd, color }: FormatContext): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.skipped || result.findings.length === 0) continue;
    const rows = result.findings.map((f) => {
      const { line, column } = lineColumn(result, f.start);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      if (f.fixes?.some((x) => x.safe)) fixable++;
      return { position: `${line}:${column}`, finding: f };
    });
    const width = Math.max(...rows.map((r) => r.position.length));
    lines.push(paint('underline', relative(cwd, result.path) || result.path));
    for (const { position, finding: f } of rows) {
      lines.push(
        `  ${paint('dim', position.padEnd(width))}  ${paint(COLORS[f.severity], f.severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`,
      );
    }
    lines.push('');
  }
  const linted = results.filter((r) => !r.skipped).length;
  const total = errors + warnings + infos;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total === 0) {
    lines.push(paint('green', `✔ ${plural(linted, 'postmortem')} checked, no problems`));
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) parts.push(`${infos} info`);
    lines.push(
      paint(
        errors > 0 ? 'red' : 'yellow',
        `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(linted, 'postmortem')}`,
      ),
    );
    if (fixable > 0) lines.push(`  ${plural(fixable, 'problem')} can be fixed with --fix`);
  }
  return `${lines.join('\n')}\n`;
}
