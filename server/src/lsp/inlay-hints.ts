import { type InlayHint, MarkupKind, type Range } from 'vscode-languageserver';
import {
  type AnalysisResult,
  getMilestones,
  getTimeline,
  MILESTONE_TITLES,
  type Milestone,
  type PostmortemModel,
  type TimelineEntry,
} from '../core';
import { toRange } from './diagnostics';

/**
 * "⟵ detection (inferred)" at the end of each timeline entry a milestone was inferred from, so that a person sees
 * what the metrics rest on and can correct it (the "Mark as …" code actions, or a marker). Milestones set by a
 * marker or the frontmatter are written in the text already and get no hint.
 */
export interface InferredEntry {
  entry: TimelineEntry;
  milestones: Milestone[];
  /** "⟵ detection (inferred)", "⟵ mitigation, resolution (inferred)". */
  label: string;
  /** Why, and how to correct it (Markdown). */
  tooltip: string;
  /** The end of the entry's first line, trailing blanks excluded: where the hint goes. */
  at: number;
}

export function inferredEntries(model: PostmortemModel): InferredEntry[] {
  const byEntry = new Map<number, Milestone[]>();
  for (const m of getMilestones(model)) {
    if (m.source !== 'inferred' || m.entryIndex === undefined) continue;
    byEntry.set(m.entryIndex, [...(byEntry.get(m.entryIndex) ?? []), m]);
  }
  const entries = getTimeline(model).entries;
  return [...byEntry].flatMap(([index, milestones]) => {
    const entry = entries[index];
    if (!entry) return [];
    const titles = milestones.map((m) => MILESTONE_TITLES[m.kind]).join(', ');
    const reasons = milestones.map((m) => `- **${MILESTONE_TITLES[m.kind]}**: ${m.why}`).join('\n');
    const markers = milestones.map((m) => `\`<!-- milestone: ${m.kind} -->\``).join(', ');
    const tooltip = `Inferred from the wording of this entry:\n\n${reasons}\n\nIf that is wrong, mark the right entry with the code action "Mark as …" (or ${markers}), or set the time in the frontmatter.`;
    return [{ entry, milestones, label: `⟵ ${titles} (inferred)`, tooltip, at: firstLineEnd(model, entry) }];
  });
}

/** The end of an entry's first line, without trailing blanks. */
export function firstLineEnd(model: PostmortemModel, entry: TimelineEntry): number {
  const { start, end } = entry.range;
  const lineEnd = Math.min(end, model.lines.lineEnd(model.lines.position(start).line));
  const line = model.text.slice(start, lineEnd);
  return start + line.trimEnd().length;
}

export function inlayHints(analysis: AnalysisResult, range: Range): InlayHint[] {
  const { model } = analysis;
  if (!model) return [];
  const from = model.lines.offset(range.start);
  const to = model.lines.offset(range.end);
  return inferredEntries(model)
    .filter((e) => e.at >= from && e.at <= to)
    .map((e) => ({
      position: toRange(model.lines, e.at, e.at).start,
      label: e.label,
      tooltip: { kind: MarkupKind.Markdown, value: e.tooltip },
      paddingLeft: true,
    }));
}
