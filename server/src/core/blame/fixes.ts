import type { PostmortemModel } from '../model';
import type { Fix } from '../types';
import type { BlameFinding } from './analysis';
import { type DocContext, normalise } from './entities';
import { sourceOffset } from './prose';
import { sentenceRewrites } from './rewrites';

/**
 * Quick fixes for a blame finding. None is safe (each changes what the author wrote or the project's config),
 * so `postmortem lint --fix` applies none; the editor offers them all. Each edit only inserts or replaces the
 * span it names.
 */
export function blameFixes(model: PostmortemModel, finding: BlameFinding, ruleId: string, ctx: DocContext): Fix[] {
  // A rewrite first, then silencing: the allow-list (a config change for every postmortem) and the disable comment.
  const fixes: Fix[] = [...rewriteFixes(model, finding, ctx)];
  const word = finding.cue.phrase.replace(/\s+/g, ' ').trim();
  fixes.push({
    title: `Allow "${word}" for ${ruleId}`,
    edits: [],
    safe: false,
    config: { rule: ruleId, option: 'allow', value: word },
  });
  fixes.push(disableFix(model, finding, ruleId));
  return fixes;
}

/** Roles offered when the frontmatter's `participants` gives none for the name. */
export const COMMON_ROLES = ['the on-call engineer', 'the engineer who deployed the change', 'the incident commander'];

/** Systems-focused wording for a phrase that blames error; only whole phrases whose rewrite reads in any sentence. */
const HUMAN_ERROR_REWRITES: [RegExp, string][] = [
  [
    /^(?:a\s+)?(?:human|operator|user|manual|engineer(?:ing)?)\s+(?:error|mistake)s?$/i,
    'a manual step the process did not guard',
  ],
  [/^(?:a\s+)?(?:fat[- ]finger(?:ed|ing)?|typo)$/i, 'an input the tooling did not validate'],
];

/**
 * "Replace NAME with a role": the role `participants` gives, else a choice of common roles (a possessive keeps its
 * "'s": "Tuomas's migration" → "the on-call engineer's migration"); for error wording, a systems-focused phrase;
 * for judgment and hindsight, the rewrites of `rewrites.ts`.
 */
function rewriteFixes(model: PostmortemModel, finding: BlameFinding, ctx: DocContext): Fix[] {
  const phrase = model.text.slice(finding.start, finding.end);
  if (finding.kind === 'named-individual') {
    const possessive = /['’]s$/.exec(phrase)?.[0] ?? '';
    const name = phrase.slice(0, phrase.length - possessive.length);
    const known = roleFor(finding.cue.phrase.replace(/['’]s$/, ''), ctx);
    const atStart = isSentenceStart(model.text, finding.start);
    return (known ? [known] : COMMON_ROLES).map((role) => {
      const text = `${withArticle(role, atStart)}${possessive}`;
      return {
        title: `Replace "${name}" with "${text}"`,
        edits: [{ start: finding.start, end: finding.end, text }],
        safe: false,
      };
    });
  }
  if (finding.kind === 'human-error') {
    const rewrite = HUMAN_ERROR_REWRITES.find(([re]) => re.test(phrase.trim()))?.[1];
    if (rewrite) {
      const text = isSentenceStart(model.text, finding.start)
        ? rewrite.charAt(0).toUpperCase() + rewrite.slice(1)
        : rewrite;
      return [
        { title: `Rewrite as "${text}"`, edits: [{ start: finding.start, end: finding.end, text }], safe: false },
      ];
    }
  }
  // Judgment and hindsight: a systems-focused rewrite where one reads correctly in the sentence (rewrites.ts).
  return sentenceRewrites(model.text, finding).map((r) => ({
    title: r.title,
    edits: [{ start: r.start, end: r.end, text: r.text }],
    safe: false,
  }));
}

/** Whether `offset` starts a sentence: the start of a block, or after ". ", "! ", "? ". */
function isSentenceStart(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 4), offset);
  return (
    offset === 0 ||
    /(?:^|\n)[\s>*+-]*$|[.!?]["”)]?\s+$/.test(before) ||
    /\n\s*(?:[-*+]|\d+[.)])?\s*$/.test(text.slice(Math.max(0, offset - 12), offset))
  );
}

/** The role frontmatter `participants` gives this name ("Dave Smith" or "Dave"), if any. */
export function roleFor(name: string, ctx: DocContext): string | undefined {
  const key = normalise(name.replace(/^@/, ''));
  const entry = ctx.people.get(key) ?? ctx.people.get(normalise(name)) ?? ctx.people.get(key.split(/\s+/)[0]);
  return entry?.role;
}

function withArticle(role: string, sentenceStart: boolean): string {
  const bare = role.trim();
  const text = /^(?:the|a|an|our|their)\s/i.test(bare) || /^\p{Lu}{2,}/u.test(bare) ? bare : `the ${bare}`;
  return sentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text.replace(/^The\s/, 'the ');
}

/**
 * "Disable for this line". A comment on a line of its own before the finding's line works where a new line
 * changes nothing: before a heading, or before a paragraph that starts on that line at the top level. Anywhere
 * else a new line would change the structure: it would end a list or a block quote, split a paragraph in two,
 * or break a table. There the fix adds `<!-- postmortem-disable-line … -->` at the end of the line instead (for a
 * table row, inside the cell that holds the finding, since text after the last pipe is not part of the table).
 */
export function disableFix(model: PostmortemModel, finding: BlameFinding, ruleId: string): Fix {
  const { lines, text, eol } = model;
  const line = lines.position(finding.start).line;
  const lineStart = lines.lineStart(line);
  const block = finding.block;
  const blockLine = lines.position(block.start).line;
  const title = `Disable ${ruleId} for this line`;
  if (!block.nested && blockLine === line && (block.kind === 'heading' || block.kind === 'paragraph')) {
    const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineEnd(line)))?.[0] ?? '';
    return {
      title,
      edits: [
        { start: lineStart, end: lineStart, text: `${indent}<!-- postmortem-disable-next-line ${ruleId} -->${eol}` },
      ],
      safe: false,
    };
  }
  const comment = `<!-- postmortem-disable-line ${ruleId} -->`;
  if (block.kind === 'tableRow' && block.cells) {
    const at = finding.start;
    const cell =
      block.cells.find((c) => sourceOffset(block, c.textStart) <= at && at <= c.sourceEnd) ??
      block.cells[block.cells.length - 1];
    return { title, edits: [{ start: cell.sourceEnd, end: cell.sourceEnd, text: ` ${comment}` }], safe: false };
  }
  // End of the line, before a hard break ("  " or "\") so that the break still ends the line.
  const lineEnd = lines.lineEnd(line);
  const content = text.slice(lineStart, lineEnd);
  const trailing = /(?:\\| {2,}|[ \t]*)$/.exec(content)?.[0] ?? '';
  let at = lineEnd - trailing.length;
  // Never inside a code span that runs on to the next line: then fall back to the end of the block's line.
  if ((content.slice(0, at - lineStart).match(/`/g) ?? []).length % 2 === 1) at = lineEnd;
  return { title, edits: [{ start: at, end: at, text: ` ${comment}` }], safe: false };
}
