import { findFigures } from '../../core/impact/figures';
import { type PostmortemModel, type Section, sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { plainText } from '../../core/timeline';
import { TOTAL } from './unquantified';

/** The three things PagerDuty's postmortem guide asks of an impact statement. */
type Facet = 'duration' | 'who' | 'what';

const FACET_NAMES: Record<Facet, string> = {
  duration: 'how long',
  who: 'who was affected',
  what: 'what failed',
};

const WHO =
  /\b(?:users?|customers?|clients?|visitors?|members?|tenants?|accounts?|merchants?|developers?|maintainers?|subscribers?|people|everyone|everybody|nobody|no\s+one|partners?|teams?|organi[sz]ations?|projects?|crates?|packages?|repositories|sites?|regions?|requests?|traffic)\b/i;
const WHAT =
  /\b(?:could(?:\s+not|n't)|unable\s+to|cannot|can't|failed|failing|fail(?:s|ures?)?|errors?|unavailable|unreachable|inaccessible|down|degraded|slow(?:er)?|broken|delayed|lost|missing|timed?\s+out|timeouts?|blocked|exposed|leaked|compromised|read-only|outages?|unusable|interrupt(?:ed|ions?)|disrupt(?:ed|ions?)|stopped|5xx|50[0-4]s?|(?:did|was|were)(?:\s+not|n't)\s+(?:able\s+to\s+)?\w+|not\s+(?:able\s+to|work|load|available))\b/i;
const DURATION =
  /\bfor\s+the\s+(?:whole\s+|entire\s+)?duration\s+of\b|\b\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\b|\b(?:minutes|hours|days|weeks)\b|\b\d{1,2}:\d{2}\b|\b(?:from|between|until|since)\b[^.]{0,40}\b(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** A heading over a list of what was affected: "Affected crates", "Impacted services". */
const AFFECTED_HEADING = /^(?:the\s+)?(?:affected|impacted)\s+\w+/i;

/** A span of time in the summary: "between 18:30 and 06:15", "from 2024-05-01 to 2024-05-03". */
const SPAN = /\b(?:from|between)\b[^.]{0,40}\b(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2})\b/i;

/** "No packages were compromised": there was no impact to measure. */
const NO_IMPACT =
  /\bno[ \t]{1,4}(?:\w{1,30}[ \t]{1,4}){0,2}(?:were|was|have[ \t]{1,4}been|has[ \t]{1,4}been)[ \t]{1,4}(?:compromised|affected|impacted|exposed|lost)\b|\bno[ \t]{1,4}(?:customer|user|external)?[- \t]?(?:facing[ \t]{1,4})?impact\b/i;

/** An impact statement says for how long, for whom, and what stopped working (PagerDuty). */
export const incomplete: Rule = {
  id: 'impact/incomplete',
  description:
    'The impact section says how long the impact lasted, who or how many were affected, and what functionality was affected.',
  defaultSeverity: 'info',
  scope: 'range',
  fixable: false,
  check({ model, report }) {
    let summarised: { duration: boolean; what: boolean } | undefined;
    for (const section of sectionsOfKind(model, 'impact')) {
      if (section.parent?.kinds.includes('impact')) continue;
      const plain = plainText(subtreeText(model.text, section)).replace(/^\s*[:–—-]\s*/, '');
      if (plain.length < 10 || NO_IMPACT.test(plain)) continue;
      const figures = findFigures(plain);
      const has: Record<Facet, boolean> = {
        duration: figures.some((f) => f.kind === 'duration') || DURATION.test(plain),
        // The heading may say who: "Affected crates" over a list of them.
        who:
          figures.some((f) => f.kind === 'count' || f.kind === 'percent' || f.kind === 'scope') ||
          WHO.test(plain) ||
          WHO.test(section.heading) ||
          TOTAL.test(plain), // "did not respond to any events": everyone
        what: WHAT.test(plain),
      };
      // An impact section often refers back to the window the summary gives ("during the brief window"); a list of
      // what was affected ("Affected crates") supplements the summary's account of what failed.
      if (!has.duration || !has.what) {
        summarised ??= summaryFacets(model);
        has.duration ||= summarised.duration;
        if (AFFECTED_HEADING.test(section.heading) && section.nodes.some((n) => n.type === 'list')) {
          has.what ||= summarised.what;
        }
      }
      const missing = (Object.keys(has) as Facet[]).filter((f) => !has[f]);
      if (missing.length === 0) continue;
      report({
        message: `Impact section "${section.heading}" does not say ${saying(missing.map((f) => FACET_NAMES[f]))}: an impact statement gives the duration, who or how many were affected, and what stopped working (e.g. "For 38 minutes, about 4% of checkout requests failed").`,
        start: section.start,
        end: section.headingEnd,
        data: { section: 'impact', missing },
      });
    }
  },
};

/** "how long, who was affected or what failed": short, so the message's headline stays under 15 words. */
function saying(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * What the summary (or the introduction before the first section) states: how long the incident lasted (a duration
 * or a span, not a single time) and what failed.
 */
function summaryFacets(model: PostmortemModel): { duration: boolean; what: boolean } {
  const parts = sectionsOfKind(model, 'summary')
    .filter((s) => !s.implicit)
    .map((s) => subtreeText(model.text, s));
  const first = model.lead[0]?.position?.start.offset;
  const last = model.lead.at(-1)?.position?.end.offset;
  if (first !== undefined && last !== undefined) parts.push(model.text.slice(first, last));
  const plain = plainText(parts.join('\n'));
  return {
    duration: findFigures(plain).some((f) => f.kind === 'duration') || SPAN.test(plain),
    what: WHAT.test(plain) || /\bnot\s+(?:\w+\s+)?(?:available|updated|published|served|delivered)\b/i.test(plain),
  };
}

/** The prose of a section and its subsections, without code blocks or HTML. */
function subtreeText(text: string, section: Section): string {
  const all = (s: Section): Section[] => [s, ...s.children.flatMap(all)];
  return all(section)
    .flatMap((s) => s.nodes.filter((n) => n.type !== 'code' && n.type !== 'html'))
    .map((n) => text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0))
    .join('\n');
}
