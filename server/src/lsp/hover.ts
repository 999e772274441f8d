import { type Hover, MarkupKind } from 'vscode-languageserver';
import {
  type AnalysisResult,
  type AnyRule,
  type Finding,
  type PostmortemModel,
  SECTION_KIND_INFO,
  type SectionKind,
} from '../core';
import { headline, toRange } from './diagnostics';
import { frontmatterKey } from './frontmatter-keys';

const MAX_SYNONYMS = 6;

/**
 * What the cursor is on, explained: a finding (its rule's longer explanation, else its description, and the docs
 * link), a section heading (what belongs in that part), or a frontmatter key (what it holds, its values).
 * VS Code shows the diagnostic's headline above this; the hover gives the whole message and the docs link.
 */
export function hoverAt(
  analysis: AnalysisResult,
  offset: number,
  rules: readonly AnyRule[],
  required: readonly SectionKind[],
): Hover | null {
  const { model, findings } = analysis;
  if (!model) return null;
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const widen = (start: number, end: number) => {
    span = span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end };
  };

  const seen = new Set<string>();
  for (const finding of findings.filter((f) => f.start <= offset && offset <= f.end)) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    parts.push(findingHover(finding, rules));
    widen(finding.start, finding.end);
  }

  const section = model.allSections.find((s) => s.start <= offset && offset <= s.headingEnd && s.kinds.length > 0);
  if (section) {
    parts.push(...section.kinds.map((k) => sectionHover(k, required)));
    widen(section.start, section.headingEnd);
  }

  const key = frontmatterKeyAt(model, offset);
  if (key) {
    parts.push(key.markdown);
    widen(key.start, key.end);
  }

  if (parts.length === 0 || !span) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: toRange(model.lines, span.start, span.end),
  };
}

/**
 * A finding on hover: the whole message (the Problems panel shows only its headline, see diagnostics.ts), so the why
 * and the suggested rewrite are here, then the docs link; the rule's description when the message is all headline.
 */
export function findingHover(finding: Finding, rules: readonly AnyRule[]): string {
  const rule = rules.find((r) => r.id === finding.ruleId);
  const text =
    headline(finding.message) === finding.message
      ? `${finding.message} ${rule?.explanation ?? rule?.description ?? ''}`.trim()
      : finding.message;
  return `**${finding.ruleId}**: ${text}\n\n[Read the ${finding.ruleId} documentation](${finding.url})`;
}

export function sectionHover(kind: SectionKind, required: readonly SectionKind[]): string {
  const info = SECTION_KIND_INFO[kind];
  const role = required.includes(kind)
    ? 'required section'
    : info.parent
      ? `part of ${SECTION_KIND_INFO[info.parent].title}`
      : 'optional section';
  const aka = info.synonyms.filter((s) => s !== info.title.toLowerCase()).slice(0, MAX_SYNONYMS);
  return [
    `**${info.title}** (${role})`,
    info.guidance,
    aka.length > 0 ? `_Also recognised as: ${aka.join(', ')}, …_` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function frontmatterKeyAt(
  model: PostmortemModel,
  offset: number,
): { start: number; end: number; markdown: string } | undefined {
  const fm = model.frontmatter;
  if (!fm || offset < fm.contentStart || offset > fm.end) return undefined;
  const { line } = model.lines.position(offset);
  const start = model.lines.lineStart(line);
  const m = /^([A-Za-z_][\w-]*)[ \t]*[:=]/.exec(model.text.slice(start, model.lines.lineEnd(line)));
  if (!m || offset > start + m[1].length) return undefined;
  const key = frontmatterKey(m[1]);
  if (!key) return undefined;
  const values = key.values && `Values: ${key.values.map((v) => `\`${v}\``).join(', ')}`;
  return {
    start,
    end: start + m[1].length,
    markdown: `**${key.key}**: ${key.description}${values ? `\n\n${values}` : ''}`,
  };
}
