import { getActionItems } from '../../core/actions';
import type { Rule } from '../../core/rule';
import { compileUserPattern } from '../../core/user-pattern';
import { short } from './missing-owner';

/** An action that lives only in the postmortem is forgotten when the document is closed. */
export const missingTracking: Rule = {
  id: 'action-items/missing-tracking',
  description:
    'Every open follow-up action links to where it is tracked: a ticket key (ABC-123), an issue number (#123) or a link.',
  defaultSeverity: 'info',
  scope: 'range',
  fixable: false,
  options: {
    patterns: {
      type: 'array',
      items: { type: 'string', minLength: 1, format: 're2' },
      description:
        'More regular expressions that count as tracking references (e.g. "INC\\\\d+"), in RE2 syntax: they run in linear time, so look-around and back-references are not available.',
    },
  },
  check({ model, config, options, report }) {
    // Patterns from a config file: checked at load, run on a linear-time engine (never `new RegExp`).
    const patterns = config.untrusted
      ? []
      : ((options.patterns as string[] | undefined) ?? []).flatMap((p) => {
          try {
            return [compileUserPattern(p)];
          } catch {
            return [];
          }
        });
    for (const action of getActionItems(model)) {
      if (action.tracking.length > 0 || action.status === 'done') continue;
      const raw = model.text.slice(action.range.start, action.range.end);
      if (patterns.some((p) => p.test(raw))) continue;
      report({
        message: `Action without a ticket or link: "${short(action.text)}". Add the ticket that tracks it (e.g. OPS-123, #123 or a link), so it is not lost when this document is closed.`,
        start: action.headRange.start,
        end: action.headRange.end,
        data: { action: action.index, lacks: 'ticket' },
      });
    }
  },
};
