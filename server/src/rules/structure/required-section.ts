import { insertSectionsEdit, openBlockAtEnd } from '../../core/insert-section';
import { SECTION_KIND_INFO } from '../../core/kinds';
import type { PostmortemModel } from '../../core/model';
import type { Rule } from '../../core/rule';
import { sectionStatus } from '../../core/structure/section-status';
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
    for (const status of sectionStatus(model, config, { kinds: config.required })) {
      const { kind, section } = status;
      const info = SECTION_KIND_INFO[kind];
      // Present (a heading, a bold label `**Impact:** …` or the lead paragraph), or stated clearly inside another
      // section (structure/stated-elsewhere): only a section with nothing written in it is still missing here.
      if (status.state !== 'missing' && !status.unwritten) continue;
      if (section) {
        // Inserted (by a fix, a snippet or by hand) but not written: the part is still missing.
        report({
          message: `Required section "${section.heading}" is not written yet: it has only its heading. ${info.guidance}`,
          start: section.start,
          end: section.headingEnd,
          data: { section: kind, missingPart: true, unwritten: true },
        });
        continue;
      }
      const edits = insertSectionsEdit(model, [kind]);
      const blocked = edits.length === 0 ? openBlockAtEnd(model) : undefined;
      const fix = edits.length > 0 ? { title: `Insert missing section "${info.title}"`, edits, safe: true } : undefined;
      // The timeline already shows how the impact was stopped: the part is not missing, only not set apart.
      const mitigated = kind === 'mitigation' ? getMilestones(model).find((m) => m.kind === 'mitigated') : undefined;
      if (mitigated) {
        const when = model.text.slice(mitigated.range.start, mitigated.range.end).split('\n')[0].slice(0, 60);
        report({
          message: `No "${info.title}" section; the timeline shows the mitigation ("${when.trim()}").`,
          ...at,
          data: { section: kind, missingPart: true, inTimeline: true },
          fixes: fix ? [{ ...fix, safe: false }] : undefined,
          severity: 'info',
        });
        continue;
      }
      report({
        message: `Missing required section "${info.title}": ${lowerFirst(info.guidance)}${blocked ? ` It cannot be inserted automatically: the document ends inside an unclosed ${blocked.what} (line ${model.lines.position(blocked.start).line + 1}); close it first.` : ''}`,
        ...at,
        data: { section: kind, missingPart: true },
        fixes: fix ? [fix] : undefined,
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
