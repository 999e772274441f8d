import type { Comment } from './model';
import type { LineIndex } from './text';
import type { Finding } from './types';

/**
 * Disable comments, as in markdownlint and ESLint:
 *   <!-- postmortem-disable-next-line rule-id [rule-id…] -->
 *   text <!-- postmortem-disable-line rule-id -->   (the comment's own line: for places where a new line would
 *                                                    change the structure, such as a table row or a list item)
 *   <!-- postmortem-disable rule-id --> … <!-- postmortem-enable rule-id -->
 * Without rule ids they apply to every rule. A document-level finding (a missing section) is silenced by a
 * `postmortem-disable` of its rule that is never re-enabled.
 */
const DIRECTIVE = /^postmortem-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*)$/;
const ALL = '*';

interface Range {
  rule: string;
  fromLine: number;
  /** Inclusive; Infinity while open. */
  toLine: number;
}

export class Suppressions {
  private readonly ranges: Range[] = [];

  constructor(comments: readonly Comment[], lines: LineIndex) {
    const open = new Map<string, Range>();
    for (const comment of comments) {
      const m = DIRECTIVE.exec(comment.text);
      if (!m) continue;
      const rules = m[2].split(/[\s,]+/).filter((r) => r.length > 0);
      const ids = rules.length > 0 ? rules : [ALL];
      const line = lines.position(comment.start).line;
      const endLine = lines.position(comment.end).line;
      for (const rule of ids) {
        if (m[1] === 'disable-next-line') {
          this.ranges.push({ rule, fromLine: endLine + 1, toLine: endLine + 1 });
        } else if (m[1] === 'disable-line') {
          this.ranges.push({ rule, fromLine: line, toLine: line });
        } else if (m[1] === 'disable') {
          if (!open.has(rule)) {
            const range = { rule, fromLine: line, toLine: Number.POSITIVE_INFINITY };
            open.set(rule, range);
            this.ranges.push(range);
          }
        } else {
          // Enabling everything closes every open range; enabling one rule closes that rule's range.
          for (const [key, range] of open) {
            if (rule === ALL || key === rule) {
              range.toLine = line;
              open.delete(key);
            }
          }
        }
      }
    }
  }

  isSuppressed(finding: Finding, lines: LineIndex): boolean {
    const line = lines.position(finding.start).line;
    return this.ranges.some((r) => {
      if (r.rule !== ALL && r.rule !== finding.ruleId) return false;
      if (finding.scope === 'document' && r.toLine === Number.POSITIVE_INFINITY && r.fromLine !== r.toLine) return true;
      return line >= r.fromLine && line <= r.toLine;
    });
  }
}
