import type { RootContent, Table } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { findFigures } from '../../core/impact/figures';
import type { Section } from '../../core/model';
import type { Rule } from '../../core/rule';
import { plainText } from '../../core/timeline';

/** A total failure: "did not respond to any GitHub events", "all controllers", "none of the builds". */
export const TOTAL =
  /\b(?:(?:not|never|without|n't)\s+(?:\w+\s+){0,3}?any|all|every|none\s+of)\s+(?:of\s+)?(?:the\s+|our\s+)?\w+/i;

/**
 * A table cell that is a figure on its own: a count ("1", "1,200", "~300+"), a share ("4%"), or a duration as
 * tables write it ("3h 45m", "45 min", "2d"). Cells are short and the pattern is anchored, so it stays linear.
 */
const CELL_FIGURE =
  /^(?:[~≈<>]\s?)?\d[\d,.]{0,15}\+?\s?(?:%|(?:ms|s|sec|secs|m|min|mins|h|hr|hrs|d|days?|hours?|minutes?)\b(?:\s?\d{1,2}\s?(?:m|min|mins|s|minutes?)\b)?)?$/i;

/** Whether an impact table gives a figure in its body: "| All | 1 | None | 3h 45m |". */
export function tableHasFigure(nodes: readonly RootContent[]): boolean {
  for (const node of nodes) {
    if (node.type !== 'table') continue;
    for (const row of (node as Table).children.slice(1)) {
      for (const cell of row.children) if (CELL_FIGURE.test(mdastToString(cell).trim().slice(0, 40))) return true;
    }
  }
  return false;
}

/** A heading that announces a list of what was affected: "Affected crates", "Affected services". */
const AFFECTED_HEADING = /^(?:the\s+)?(?:affected|impacted)\s+\w+/i;

/** "Some users saw errors" cannot be compared, prioritised or checked against an SLO; a figure can. */
export const unquantified: Rule = {
  id: 'impact/unquantified',
  description:
    'The impact section gives at least one figure: users, requests, sessions, a percentage, a duration, money or error budget.',
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    for (const section of model.allSections) {
      if (!section.kinds.includes('impact') || hasImpactAncestor(section)) continue;
      const nodes = subtree(section).flatMap((s) => s.nodes.filter((n) => n.type !== 'code' && n.type !== 'html'));
      if (tableHasFigure(nodes)) continue;
      // "## Affected crates" then a list of them: the list is the count.
      if (
        AFFECTED_HEADING.test(section.heading) &&
        section.nodes.some((n) => n.type === 'list' && n.children.length > 0)
      )
        continue;
      const raw = nodes
        .map((n) => model.text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0))
        .join('\n');
      const plain = plainText(raw);
      if (plain === '' || findFigures(plain).length > 0) continue;
      // "did not respond to any GitHub events" is a total failure (100%): with a duration given anywhere in the
      // document (the summary's "for 4-5 hours", the timeline), its size is known.
      if (TOTAL.test(plain) && findFigures(plainText(model.text)).some((f) => f.kind === 'duration')) continue;
      report({
        message: `Impact section "${section.heading}" gives no figure: say how many users, requests or sessions were affected, what share, for how long, or what it cost (e.g. "About 4% of checkout requests failed for 38 minutes, roughly 2,100 orders").`,
        start: section.start,
        end: section.headingEnd,
        data: { section: 'impact' },
      });
    }
  },
};

function hasImpactAncestor(section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (p.kinds.includes('impact')) return true;
  return false;
}

function subtree(section: Section): Section[] {
  return [section, ...section.children.flatMap(subtree)];
}
