import { getActionItems } from '../../core/actions';
import type { Rule } from '../../core/rule';

/** "Improve monitoring" cannot be finished, reviewed or verified; "Page on-call when disk > 90%" can. */
export const vague: Rule = {
  id: 'action-items/vague',
  description:
    'Every follow-up action names a concrete change, not an intention such as "improve monitoring", "be more careful", "investigate" or "train people".',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    for (const action of getActionItems(model)) {
      // A parent with sub-tasks is a heading for its plan; the sub-tasks are checked on their own.
      if (!action.vague || action.children > 0 || action.status === 'done') continue;
      report({
        // The headline names the action; the hint (why, and what to write instead) is for the hover.
        message: `Vague action "${action.vague.phrase}". ${capitalise(action.vague.hint)}.`,
        start: action.headRange.start,
        end: action.headRange.end,
        data: { action: action.index, family: action.vague.family },
      });
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
