import type { Rule } from '../../core/rule';
import { getTimeline } from '../../core/timeline';

/** Without a timezone, a timeline cannot be lined up with logs, alerts or another team's timeline. */
export const missingTimezone: Rule = {
  id: 'timeline/missing-timezone',
  description:
    'The timeline states its timezone (in the heading, the time column\'s header, a sentence before the entries, the entries or the frontmatter `timezone`); "local time" is not a timezone.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  check({ model, report }) {
    const timeline = getTimeline(model);
    timeline.sections.forEach((section, group) => {
      const unzoned = timeline.entries.filter(
        (e) => e.group === group && e.status === 'parsed' && e.instant?.clock && !e.instant.zoneKnown,
      );
      if (unzoned.length === 0) return;
      const local = section.localTime
        ? ` It says "${section.localTime.text}", which names no offset: local to whom, and in summer or winter?`
        : '';
      report({
        message: `Timeline "${section.heading}" has times without a timezone (${unzoned.length} of its entries).${local} State it once, e.g. "All times are in UTC." before the entries, "Time (UTC)" as the column header, or \`timezone: UTC\` in the frontmatter.`,
        start: section.headingRange.start,
        end: section.headingRange.end,
        data: { entries: unzoned.length, localTime: !!section.localTime },
        // The line the message suggests, under the heading. Not safe: only the author knows the times were UTC.
        fixes: [
          {
            title: 'Add "All times are in UTC." under the heading',
            edits: [
              {
                start: section.headingRange.end,
                end: section.headingRange.end,
                text: `${model.eol}${model.eol}All times are in UTC.`,
              },
            ],
            safe: false,
          },
        ],
      });
    });
  },
};
