import { getActionItems } from '../../core/actions';
import { isHighPriority, priorityOf } from '../../core/actions/details';
import { findFigures } from '../../core/impact/figures';
import { severityLevel } from '../../core/metadata/severity';
import { type PostmortemModel, sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { findStatedParts } from '../../core/structure/stated';
import { plainText } from '../../core/timeline';
import { titleRange } from '../structure/required-section';

const USERS =
  /\b(?:users?|customers?|clients?|visitors?|members?|subscribers?|merchants?|partners?|the\s+public|public|everyone|end-users?)\b/i;

/**
 * The SRE workbook: an incident users saw gets at least one high-priority action, or the same users will see it
 * again. Checked when the document ranks its actions (some action has a priority) or the incident is SEV0/SEV1.
 */
export const noHighPriority: Rule = {
  id: 'action-items/no-high-priority',
  description:
    'A user-visible incident has at least one high-priority follow-up action (P0/P1, high, critical), as the SRE workbook asks.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  check({ model, report }) {
    const actions = getActionItems(model);
    if (actions.length === 0) return;
    const priorities = actions.map(priorityOf).filter((p): p is string => p !== undefined);
    const level = severityLevel(model);
    if (priorities.length === 0 && !(level !== undefined && level <= 1)) return;
    if (priorities.some(isHighPriority)) return;
    if (!userVisible(model)) return;
    report({
      message:
        priorities.length > 0
          ? `Users saw this incident, but none of its ${actions.length} follow-up actions is high priority (${[...new Set(priorities)].join(', ')}): the SRE workbook asks for at least one P0/P1 action, so the fix does not wait behind other work.`
          : `Users saw this severe incident, but none of its ${actions.length} follow-up actions has a priority: mark at least one as high priority (P0/P1), as the SRE workbook asks.`,
      ...titleRange(model),
      data: { actions: actions.length },
    });
  },
};

/** Users or customers are named in the impact (its section, a bold label, or where the summary states it). */
function userVisible(model: PostmortemModel): boolean {
  const texts = sectionsOfKind(model, 'impact').map((s) => model.text.slice(s.headingEnd, s.end));
  const stated = findStatedParts(model).get('impact');
  if (stated) texts.push(model.text.slice(stated.start, stated.end));
  const all = plainText(texts.join('\n'));
  if (
    /\bno\s+(?:customer|user|external)s?[-\s]?(?:facing\s+)?impact\b|\bnot\s+(?:customer|user)[-\s]facing\b/i.test(all)
  )
    return false;
  return USERS.test(all) || findFigures(all).some((f) => f.kind === 'count' && USERS.test(f.text));
}
