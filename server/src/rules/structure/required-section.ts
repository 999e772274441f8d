import { insertSectionsEdit } from '../../core/insert-section';
import { SECTION_KIND_INFO } from '../../core/kinds';
import type { PostmortemModel } from '../../core/model';
import type { Rule } from '../../core/rule';
import { getMilestones } from '../../core/timeline';

/** A postmortem must have each required part: by default summary, timeline, impact, root cause, mitigation, action items. */
export const requiredSection: Rule = {
  id: 'structure/required-section',
  description: 'Every required part of a postmortem has a section of its own, under any of its usual names.',
  defaultSeverity: 'error',
  scope: 'document',
  fixable: true,
  check({ model, config, report }) {
    const at = titleRange(model);
    for (const kind of config.required) {
      if (kind === 'summary' && model.summaryFromLead) continue;
      if (model.allSections.some((s) => s.kinds.includes(kind))) continue;
      const info = SECTION_KIND_INFO[kind];
      const fix = {
        title: `Insert missing section "${info.title}"`,
        edits: insertSectionsEdit(model, [kind]),
        safe: true,
      };
      // The timeline already shows how the impact was stopped: the part is not missing, only not set apart.
      const mitigated = kind === 'mitigation' ? getMilestones(model).find((m) => m.kind === 'mitigated') : undefined;
      if (mitigated) {
        const when = model.text.slice(mitigated.range.start, mitigated.range.end).split('\n')[0].slice(0, 60);
        report({
          message: `No "${info.title}" section; the timeline shows the mitigation ("${when.trim()}").`,
          ...at,
          data: { section: kind, inTimeline: true },
          fixes: [{ ...fix, safe: false }],
          severity: 'info',
        });
        continue;
      }
      report({
        message: `Missing required section "${info.title}": ${lowerFirst(info.guidance)}`,
        ...at,
        data: { section: kind },
        fixes: [fix],
      });
    }
  },
};

/** Document-level findings sit on the title: the title heading, the frontmatter `title` line, or line 1. */
export function titleRange(model: PostmortemModel): { start: number; end: number } {
  const { title, frontmatter, lines, text } = model;
  if (title?.source === 'heading') return { start: title.start, end: title.end };
  if (title?.source === 'frontmatter' && frontmatter) {
    const block = text.slice(frontmatter.contentStart, frontmatter.end);
    const m = /^title\s*[:=].*$/m.exec(block);
    if (m) return { start: frontmatter.contentStart + m.index, end: frontmatter.contentStart + m.index + m[0].length };
  }
  return { start: 0, end: lines.lineEnd(0) };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
