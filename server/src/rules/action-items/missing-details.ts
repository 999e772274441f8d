import { getActionItems } from '../../core/actions';
import { ACTION_DETAILS, type ActionDetail, hasDetail } from '../../core/actions/details';
import type { Rule } from '../../core/rule';
import { short } from './missing-owner';

const HOW: Record<ActionDetail, string> = {
  priority: 'priority ("P1", "[high]")',
  type: 'type ("[prevent]", "[detect]", "[mitigate]", "[process]")',
  due: 'due date ("due 2024-06-30", "by end of Q3")',
};

/**
 * Priority, type and due date, where the team's template asks for them: the ones listed in the options, and
 * any that other actions of the same document give (then the template clearly has the field).
 */
export const missingDetails: Rule = {
  id: 'action-items/missing-details',
  description:
    'Open follow-up actions give the details the team asks for (priority, type, due date): those required in the config, and those the other actions give.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  options: {
    require: {
      type: 'array',
      items: { type: 'string', enum: [...ACTION_DETAILS] },
      description: 'Details every open action must give, whatever the other actions do.',
      default: [],
    },
    followOthers: {
      type: 'boolean',
      description: 'Also ask for a detail that other actions of the same postmortem give.',
      default: true,
    },
  },
  check({ model, options, report }) {
    const actions = getActionItems(model);
    const open = actions.filter((a) => a.status === 'open');
    if (open.length === 0) return;
    const required = new Set((options.require as ActionDetail[] | undefined) ?? []);
    if (options.followOthers !== false && actions.length >= 2) {
      for (const detail of ACTION_DETAILS) {
        if (actions.some((a) => hasDetail(a, detail))) required.add(detail);
      }
    }
    if (required.size === 0) return;
    for (const action of open) {
      const missing = ACTION_DETAILS.filter((d) => required.has(d) && !hasDetail(action, d));
      if (missing.length === 0) continue;
      report({
        message: `Action "${short(action.text)}" gives no ${missing.map((d) => HOW[d]).join(', nor ')}: the team's template asks for it, so the actions can be ranked and followed up.`,
        start: action.headRange.start,
        end: action.headRange.end,
        data: { action: action.index, missing },
      });
    }
  },
};
