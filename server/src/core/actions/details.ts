import type { ActionItem } from './index';

/**
 * The details published guidance asks of a follow-up action beyond its owner and ticket: a priority, a type
 * (mitigate / prevent / detect / process, as PagerDuty and the SRE workbook classify them) and a due date. Each is
 * read from the action's table column or its text: "P1", "[high]", "priority: high", "high-priority";
 * "[detect]", "type: prevent"; "due 2024-06-01", "by end of Q3", "(ETA: next sprint)".
 */
export type ActionDetail = 'priority' | 'type' | 'due';
export const ACTION_DETAILS: readonly ActionDetail[] = ['priority', 'type', 'due'];

const PRIORITY_LEVEL = '(?:p[0-4]|critical|urgent|blocker|highest|high|medium|normal|low|lowest)';
const PRIORITY = new RegExp(
  `\\b(?:priority|prio)\\s*[:=]?\\s*(${PRIORITY_LEVEL}|[0-4])\\b|\\b(critical|urgent|highest|high|medium|low|lowest)[- ]priority\\b|[[(](${PRIORITY_LEVEL})[\\])]|\\b(p[0-4])\\b`,
  'i',
);
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DUE = new RegExp(
  `\\b(?:due(?:\\s+date)?|deadline|eta|target(?:\\s+date)?|by|before|until)\\s*[:=]?\\s*(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+${MONTH}|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:week|month|quarter|year|sprint|q[1-4]|${MONTH})|q[1-4](?:\\s*\\d{2,4})?|next\\s+(?:week|month|sprint|quarter|release))`,
  'i',
);

/** The action's priority as written ("P1", "high"), if it gives one. */
export function priorityOf(action: ActionItem): string | undefined {
  if (action.priority) return action.priority;
  const m = PRIORITY.exec(action.text);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
}

/** Whether a priority is a high one: P0, P1, critical, urgent, blocker, highest, high (or 0/1). */
export function isHighPriority(priority: string): boolean {
  return /^(?:p?[01]|critical|urgent|blocker|highest|high)$/i.test(priority.trim());
}

export function hasDetail(action: ActionItem, detail: ActionDetail): boolean {
  if (detail === 'priority') return priorityOf(action) !== undefined;
  if (detail === 'type') return action.typeSource !== 'inferred';
  return action.due !== undefined || DUE.test(action.text);
}
