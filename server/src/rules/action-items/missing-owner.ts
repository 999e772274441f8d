import { getActionItems } from '../../core/actions';
import type { Rule } from '../../core/rule';

/** An action nobody owns is an action nobody does. */
export const missingOwner: Rule = {
  id: 'action-items/missing-owner',
  description:
    'Every open follow-up action has an owner: a team, role or person in an Owner column, in parentheses, after `owner:`, or an @handle.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    for (const action of getActionItems(model)) {
      if (action.owner || action.status === 'done') continue;
      report({
        message: `Action without an owner: "${short(action.text)}". Name the team, role or person who will do it, e.g. "(owner: Platform team)" or "@alice".`,
        start: action.headRange.start,
        end: action.headRange.end,
        data: { action: action.index, lacks: 'owner' },
      });
    }
  },
};

export function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
