import type { Rule } from '../../core/rule';
import {
  getMilestones,
  getTimeline,
  incidentEntries,
  MILESTONE_KINDS,
  MILESTONE_TITLES,
  type MilestoneKind,
} from '../../core/timeline';

const EXAMPLES: Record<MilestoneKind, string> = {
  started: '"09:12 Error rate on checkout rises above 5%"',
  detected: '"09:15 p99 latency alert fires; on-call paged"',
  mitigated: '"09:42 Rollback complete; error rate back to normal"',
  resolved: '"11:05 Fix deployed; incident resolved"',
};

/** Without its milestones a timeline yields no time to detect, to mitigate or to resolve. */
export const missingMilestone: Rule = {
  id: 'timeline/missing-milestone',
  description:
    'The timeline shows when impact started, when it was detected and when it was resolved (inferred from the wording, or marked with `<!-- milestone: detected -->`, or set in the frontmatter).',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  options: {
    required: {
      type: 'array',
      items: { type: 'string', enum: [...MILESTONE_KINDS] },
      uniqueItems: true,
      description: 'The milestones every timeline must show (default: started, detected, resolved).',
    },
  },
  check({ model, options, report }) {
    const timeline = getTimeline(model);
    // A timeline of a template's example rows is still to write (structure/empty-section says so), not incomplete.
    if (!incidentEntries(timeline).some((e) => e.status === 'parsed')) return;
    const required = (options.required as MilestoneKind[] | undefined) ?? ['started', 'detected', 'resolved'];
    const found = new Set(getMilestones(model).map((m) => m.kind));
    const heading = timeline.sections[0].headingRange;
    for (const kind of MILESTONE_KINDS) {
      if (!required.includes(kind) || found.has(kind)) continue;
      report({
        message: `No ${MILESTONE_TITLES[kind]} found in the timeline. Add an entry that says it, e.g. ${EXAMPLES[kind]}, mark the entry with \`<!-- milestone: ${kind} -->\`, or set \`${kind}:\` in the frontmatter.`,
        start: heading.start,
        end: heading.end,
        data: { milestone: kind, missingMilestone: kind },
      });
    }
  },
};
