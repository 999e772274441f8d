import type { Rule } from '../../core/rule';
import { getTimeline, type TimelineEntry, type TimelineInstant } from '../../core/timeline';

/** An entry whose time is before the entry above it: the reader can no longer trust the order of events. */
export const outOfOrder: Rule = {
  id: 'timeline/out-of-order',
  description:
    'Timeline entries go forward in time: an entry earlier than the one above it is out of order (midnight crossings are allowed).',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    const { entries } = getTimeline(model);
    let previous: TimelineEntry | undefined;
    for (const entry of entries) {
      if (entry.status !== 'parsed' || !entry.instant || !entry.stamp) continue;
      if (previous && previous.group === entry.group && previous.instant && goesBack(previous.instant, entry.instant)) {
        const now = label(entry.instant);
        const before = label(previous.instant);
        const sameDate = entry.instant.date && entry.instant.date === previous.instant.date;
        const hint = sameDate
          ? " If it happened after midnight, give it the next day's date; otherwise move the entry to where it belongs."
          : ' Move the entry to where it belongs, or correct its time.';
        report({
          message: `Unexpected time ${now}: it is before the entry above it (${before}), so the timeline goes back in time.${hint}`,
          start: entry.stamp.start,
          end: entry.stamp.end,
          data: {
            time: entry.instant.iso ?? entry.instant.clock ?? entry.instant.date,
            previous: previous.instant.iso ?? previous.instant.clock ?? previous.instant.date,
          },
        });
      }
      previous = entry;
    }
  },
};

/** Day-precision entries (a date alone) compare by date only. */
function goesBack(previous: TimelineInstant, current: TimelineInstant): boolean {
  if (previous.precision === 'day' || current.precision === 'day') {
    return !!previous.date && !!current.date && current.date < previous.date;
  }
  return current.ms < previous.ms;
}

function label(instant: TimelineInstant): string {
  if (instant.date && instant.clock) return `${instant.clock} on ${instant.date}`;
  return instant.clock ?? instant.date ?? '?';
}
