import type { Rule } from '../../core/rule';
import { getTimeline } from '../../core/timeline';

/** A stamp that cannot be read cannot be ordered or measured, and the metrics around it are lost. */
export const unparseableTime: Rule = {
  id: 'timeline/unparseable-time',
  description:
    'Every timeline entry\'s time can be read: HH:MM, HH:MM:SS, a 12-hour clock, ISO 8601 or a date with a time, not a placeholder such as "22:XX" or "???".',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    for (const entry of getTimeline(model).entries) {
      if (entry.status !== 'unparseable' || !entry.stamp) continue;
      report({
        message: `Unexpected time "${entry.stamp.text}": ${entry.problem ?? 'it cannot be read'}. Write it as HH:MM (or a date and time, e.g. 2024-05-14 09:12); if the exact time is unknown, give your best estimate and say so in the entry.`,
        start: entry.stamp.start,
        end: Math.max(entry.stamp.end, entry.stamp.start + 1),
        data: { stamp: entry.stamp.text, problem: entry.problem },
      });
    }
  },
};
