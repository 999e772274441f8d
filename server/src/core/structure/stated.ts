import type { RootContent } from 'mdast';
import { findFigures } from '../impact/figures';
import { SECTION_KIND_INFO, type SectionKind } from '../kinds';
import type { PostmortemModel, Section } from '../model';
import { getMilestones } from '../timeline';
import type { TextEdit } from '../types';

/**
 * Parts of a postmortem that are stated inside another section rather than under a heading of their own: the
 * impact given in the summary ("about a third of page loads failed for 38 minutes"), the cause or trigger in a
 * sentence, the mitigation steps in the timeline. Many real teams write them this way; such a part is present,
 * so it is not "missing" — it only lacks a heading.
 *
 * "Clearly present" is decided sentence by sentence, in the lead and in sections that are not about another
 * part's own business (timelines, action items, lessons and appendices are not searched for prose):
 * - impact: a figure (a count of users or requests, a share, money, latency, error budget) in a sentence that
 *   says something failed or was affected, or a duration ("for 38 minutes") in such a sentence; or who the
 *   failure reached ("users could not log in", "payments failed"), which impact/unquantified then asks to size;
 * - root cause: "root cause", "caused by", "the underlying issue/cause/problem", "the cause/reason was",
 *   "stemmed/resulted from", "due to a/an/the …", "the outage happened because …", "the issue was a/an …";
 * - trigger: "triggered by/when", "the trigger was", "set off by", or "started/began after a deploy/change/…";
 * - mitigation: "mitigated/resolved/fixed by", "rolled back", "reverted", "restored", "failed over", "deployed a
 *   fix", or, failing prose, a mitigation or resolution milestone in the timeline;
 * - follow-up actions: "to prevent this from happening again", "going forward, we", "we will add/automate/…",
 *   "we are adding/working on …", "next steps are/include/:".
 * The first such sentence in document order is the evidence.
 */
export interface StatedPart {
  kind: SectionKind;
  /** The sentence (or timeline entry) that states the part. */
  start: number;
  end: number;
  /** The section it sits in; undefined for the lead. */
  section?: Section;
  /** Where it was found, for messages: the section's heading, "the introduction" or "the timeline". */
  where: string;
  /** Why it counts, for messages and hovers. */
  why: string;
  /** Inserts a heading above the sentence (moving no text); undefined when that would empty its section. */
  headingEdit?: TextEdit;
}

export const STATED_KINDS: readonly SectionKind[] = ['impact', 'root-cause', 'trigger', 'mitigation', 'action-items'];

/** Sections whose prose belongs to their own part and is not searched. */
const NOT_SEARCHED: readonly SectionKind[] = [
  'timeline',
  'action-items',
  'lessons-learned',
  'what-went-well',
  'what-went-wrong',
  'where-we-got-lucky',
  'supporting-information',
];

const IMPACT_CUE =
  /\b(?:fail(?:ed|ing|ures?|s)?|errors?|erroring|unavailable|unreachable|inaccessible|down|outage|degraded|disrupted|broken|slow(?:er|ed)?|timed?\s+out|time-?outs?|could(?:\s+not|n't)|unable|affected|impacted|impact|lost|dropped|delayed|stalled|blocked|rejected|5xx|50[0-4]s?)\b/i;
const CAUSE_CUE =
  /\b(?:(?:outage|incident|failure|errors?|issue|problem|downtime|disruption|degradation)\b[^.!?]{0,60}\b(?:happened|occurred|was|were|started|began)\s+because\s+(?:of\s+)?(?:a|an|the|our|we)\b|the\s+(?:issue|problem|bug|culprit)\s+(?:was|turned\s+out\s+to\s+be)\s+(?:a|an|that)\b|root[-\s]cause|(?:was|were|is|are)\s+caused\s+by|caused\s+by|the\s+(?:underlying|main|primary|proximate|actual)\s+(?:cause|issue|problem|reason)|the\s+(?:cause|reason)\s+(?:of|for|was|is)|stemm(?:ed|ing)\s+from|resulted\s+from|(?:was|were)\s+due\s+to\s+(?:a|an|the)\b)/i;
const TRIGGER_CUE =
  /\b(?:(?:was|were)\s+triggered\s+(?:by|when)|triggered\s+by|the\s+trigger\s+(?:was|is)|(?:set|kicked)\s+off\s+by|(?:started|began)\s+(?:when|after)\s+(?:a|an|the|we)\b)/i;
const MITIGATION_CUE =
  /\b(?:mitigated\s+(?:by|it|the)|(?:was|were|been)\s+(?:(?:mitigated|resolved|fixed)\s+(?:by|when|after|within|at)|restored|recovered|reverted|rolled\s+back)|resolved\s+(?:by|it|the)|fixed\s+(?:by|it|the)|rolled\s+(?:it\s+|this\s+|the\s+\w+\s+)?back|by\s+(?:rolling\s+back|reverting|restarting|restoring|failing\s+over)|we\s+(?:\w+\s+)?(?:reverted|restored|restarted|rolled\s+back|failed\s+over)|failed\s+over\s+to|(?:deployed|shipped|released|applied|rolled\s+out)\s+(?:a|the)\s+(?:fix|patch|hotfix)|workaround)\b/i;
/**
 * Follow-up work promised in prose: "To prevent this from happening again, we…", "Going forward, we will…", "We
 * are adding an alert…", "Next steps:".
 */
const FOLLOW_UP_CUE =
  /\b(?:to\s+prevent\s+(?:this|a\s+recurrence|similar|it|such|future)|going\s+forward,?\s+we|in\s+the\s+future,?\s+we\s+will|we\s+(?:will|are\s+going\s+to|plan\s+to|intend\s+to)\s+(?:add|implement|introduce|improve|change|update|move|build|create|review|automate|migrate|audit|require|enforce|monitor|alert|document|rewrite|replace|remove|increase|reduce|limit|harden|extend|make)|we\s+are\s+(?:adding|implementing|introducing|improving|building|automating|migrating|auditing|enforcing|hardening|working\s+on)|next\s+steps?\s*(?:are|include|:))\b/i;
/** Who a failure reached: "users could not log in", "payments failed" (impact without a figure). */
const AFFECTED_WHO =
  /\b(?:users?|customers?|clients?|visitors?|players?|merchants?|members?|subscribers?|tenants?|requests?|transactions?|payments?|orders?|logins?|sign-?ins?|checkouts?|emails?|messages?|queries|api\s+calls?)\b/i;
const WHO_FAILED =
  /\b(?:could(?:\s+not|n't)|unable\s+to|were\s+(?:unable|not\s+able)|failed|failing|saw\s+errors|received\s+errors|got\s+errors|timed?\s+out|were\s+(?:lost|dropped|delayed|rejected|unavailable))\b/i;

/** Impact words that say something failed, as opposed to merely "impacted" or "affected" (used with "all X"). */
const FAILURE_CUE =
  /\b(?:fail(?:ed|ing|ures?|s)?|errors?|unavailable|unreachable|inaccessible|down|outage|degraded|broken|timed?\s+out|could(?:\s+not|n't)|unable|lost|dropped)\b/i;

const cache = new WeakMap<PostmortemModel, Map<SectionKind, StatedPart>>();

/** The parts stated inside other sections, one (the first) per kind; computed once per model. */
export function findStatedParts(model: PostmortemModel): Map<SectionKind, StatedPart> {
  let found = cache.get(model);
  if (!found) {
    found = compute(model);
    cache.set(model, found);
  }
  return found;
}

function compute(model: PostmortemModel): Map<SectionKind, StatedPart> {
  const found = new Map<SectionKind, StatedPart>();
  const containers: { nodes: RootContent[]; section?: Section }[] = [
    { nodes: model.lead },
    ...model.allSections
      .filter((s) => !s.kinds.some((k) => NOT_SEARCHED.includes(k)) && !isTimelineSubsection(s))
      .map((s) => ({
        nodes: s.nodes,
        section: s,
      })),
  ];
  for (const { nodes, section } of containers) {
    const own = section?.kinds ?? [];
    let proseBefore = false;
    for (const node of nodes) {
      if (node.type !== 'paragraph') {
        if (node.type !== 'html' && node.type !== 'definition') proseBefore = true;
        continue;
      }
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      for (const sentence of sentences(model.text, start, end)) {
        const plain = sentence.text.replace(/\*\*|__|`/g, '');
        for (const kind of STATED_KINDS) {
          if (found.has(kind) || own.includes(kind)) continue;
          const why = cue(kind, plain);
          if (!why) continue;
          const emptiesSection = !proseBefore && sentence.start === start;
          found.set(kind, {
            kind,
            start: sentence.start,
            end: sentence.end,
            section,
            where: section ? `"${section.heading}"` : 'the introduction',
            why,
            headingEdit: emptiesSection && section ? undefined : headingEdit(model, kind, sentence.start, section),
          });
        }
      }
      proseBefore = true;
    }
  }
  if (!found.has('mitigation')) {
    const milestone = getMilestones(model).find(
      (m) => m.source !== 'frontmatter' && (m.kind === 'mitigated' || m.kind === 'resolved'),
    );
    if (milestone) {
      found.set('mitigation', {
        kind: 'mitigation',
        start: milestone.range.start,
        end: milestone.range.end,
        where: 'the timeline',
        why: `the timeline marks the ${milestone.kind === 'mitigated' ? 'mitigation' : 'resolution'}`,
      });
    }
  }
  return found;
}

function cue(kind: SectionKind, sentence: string): string | undefined {
  if (kind === 'impact') {
    // "the impacted organisation" names who was notified, not what failed.
    if (!IMPACT_CUE.test(sentence.replace(/\b(?:the|an?)\s+(?:impacted|affected)\b/gi, ''))) return undefined;
    // A version ("v0.0.19 release") is not a count; "all cases" only counts when something failed.
    const figures = findFigures(sentence).filter(
      (f) => !/[v.\d]$/i.test(sentence.slice(0, f.index)) && (f.kind !== 'scope' || FAILURE_CUE.test(sentence)),
    );
    const figure = figures.find((f) => f.kind !== 'duration') ?? figures[0];
    if (figure) return `it gives a figure ("${figure.text}") for what failed`;
    // "Users could not log in", "payments failed": who the failure reached, without a figure (impact/unquantified
    // asks for one).
    const who = AFFECTED_WHO.exec(sentence);
    const failed = WHO_FAILED.exec(sentence);
    return who && failed && who.index < failed.index
      ? `it says "${sentence.slice(who.index, failed.index + failed[0].length)}"`
      : undefined;
  }
  const re =
    kind === 'root-cause'
      ? CAUSE_CUE
      : kind === 'trigger'
        ? TRIGGER_CUE
        : kind === 'action-items'
          ? FOLLOW_UP_CUE
          : MITIGATION_CUE;
  const m = re.exec(sentence);
  return m ? `it says "${m[0]}"` : undefined;
}

/** Sentences of a paragraph's raw text with their offsets: split after ". ", "! " or "? " before a capital. */
/** A subsection of the timeline that names no part ("### 2024-05-01", "### 21:10"): it is the timeline's. */
function isTimelineSubsection(section: Section): boolean {
  if (section.kinds.length > 0) return false;
  for (let p = section.parent; p; p = p.parent) if (p.kinds.includes('timeline')) return true;
  return false;
}

function sentences(text: string, start: number, end: number): { text: string; start: number; end: number }[] {
  const raw = text.slice(start, end);
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of raw.matchAll(/[.!?](?=\s+["'(*_]*[A-Z0-9])\s+/g)) {
    const to = (m.index ?? 0) + 1;
    out.push({ text: raw.slice(from, to), start: start + from, end: start + to });
    from = (m.index ?? 0) + m[0].length;
  }
  if (from < raw.length) out.push({ text: raw.slice(from), start: start + from, end });
  return out;
}

/** A heading for the part, inserted right above the sentence: the text that follows becomes that part. */
function headingEdit(model: PostmortemModel, kind: SectionKind, at: number, section?: Section): TextEdit {
  const level = Math.min(6, section ? section.level + 1 : model.headingLevel);
  const { eol, text } = model;
  const lineStart = at === 0 || text[at - 1] === '\n';
  const heading = `${'#'.repeat(level)} ${SECTION_KIND_INFO[kind].title}${eol}${eol}`;
  if (lineStart) {
    const blank =
      text
        .slice(Math.max(0, at - 4), at)
        .replace(/\r/g, '')
        .endsWith('\n\n') || at === 0;
    return { start: at, end: at, text: `${blank ? '' : eol}${heading}` };
  }
  // Mid-paragraph: the spaces between the sentences become the break before the heading.
  let from = at;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end: at, text: `${eol}${eol}${heading}` };
}
