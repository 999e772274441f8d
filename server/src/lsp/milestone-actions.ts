import { type CodeAction, CodeActionKind, type Range } from 'vscode-languageserver';
import {
  type AnalysisResult,
  getMilestones,
  getTimeline,
  MILESTONE_KINDS,
  MILESTONE_TITLES,
  type MilestoneKind,
  type PostmortemModel,
  type TimelineEntry,
} from '../core';
import { findingFacts } from '../core/finding-data';
import { toDiagnostic, toRange } from './diagnostics';
import { firstLineEnd } from './inlay-hints';

/**
 * "Mark as start of impact / detection / mitigation / resolution" on a timeline entry: inserts the core's explicit
 * marker (`<!-- milestone: detected -->`, invisible when rendered), which overrides what was inferred from the
 * wording. Only inserts: into the entry's existing marker when it has one, else at the end of its first line.
 */
export const MILESTONE_ACTION_KIND = 'refactor.rewrite.milestone';

export interface MilestoneActionOptions {
  /** The client shows disabled actions with their reason (`codeAction.disabledSupport`); else they are left out. */
  disabledSupport: boolean;
  /** The kinds the client asked for (`context.only`). */
  only?: string[];
}

export function milestoneActions(
  uri: string,
  analysis: AnalysisResult,
  range: Range,
  options: MilestoneActionOptions,
): CodeAction[] {
  const { model } = analysis;
  if (!model) return [];
  const fromWarning = wantsQuickFix(options.only) ? markFromWarning(uri, analysis, model, range) : [];
  if (!wanted(options.only)) return fromWarning;
  const at = model.lines.offset(range.start);
  const entry = getTimeline(model).entries.find((e) => e.range.start <= at && at <= e.range.end);
  if (entry?.status !== 'parsed' || entry.shape === 'component') return fromWarning;
  const milestones = getMilestones(model);
  const actions: CodeAction[] = [];
  for (const kind of MILESTONE_KINDS) {
    if (entry.markers.some((m) => m.kind === kind)) continue; // marked already
    const current = milestones.find((m) => m.kind === kind);
    const action: CodeAction = { title: `Mark as ${MILESTONE_TITLES[kind]}`, kind: MILESTONE_ACTION_KIND };
    const reason = blockedBy(model, kind, current);
    if (reason) {
      if (!options.disabledSupport) continue;
      action.disabled = { reason };
    } else {
      const insert = markerInsertion(model, entry, kind);
      const position = toRange(model.lines, insert.at, insert.at).start;
      action.edit = { changes: { [uri]: [{ range: { start: position, end: position }, newText: insert.text }] } };
    }
    actions.push(action);
  }
  return [...fromWarning, ...actions];
}

function wantsQuickFix(only: string[] | undefined): boolean {
  return !only || only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`));
}

/** How many entries a "No resolution found" warning offers to mark. */
const CANDIDATES = 3;

/**
 * Quick fixes on a timeline/missing-milestone warning (which sits on the timeline's heading): mark one of the
 * entries where that milestone usually is: the first entries for the start of impact and the detection, the last
 * ones for the mitigation and the resolution, each named by its time and words.
 */
function markFromWarning(uri: string, analysis: AnalysisResult, model: PostmortemModel, range: Range): CodeAction[] {
  const from = model.lines.offset(range.start);
  const to = model.lines.offset(range.end);
  const entries = getTimeline(model).entries.filter((e) => e.status === 'parsed' && e.shape !== 'component');
  const actions: CodeAction[] = [];
  for (const finding of analysis.findings) {
    const kind = findingFacts(finding).missingMilestone;
    if (!kind || finding.end < from || finding.start > to) continue;
    if (!MILESTONE_KINDS.includes(kind)) continue;
    const early = kind === 'started' || kind === 'detected';
    const candidates = (early ? entries : [...entries].reverse())
      .filter((e) => !e.markers.some((m) => m.kind === kind))
      .slice(0, CANDIDATES);
    for (const entry of candidates) {
      const insert = markerInsertion(model, entry, kind);
      const position = toRange(model.lines, insert.at, insert.at).start;
      const cut = entry.text.lastIndexOf(' ', 40);
      const words = entry.text.length > 40 ? `${entry.text.slice(0, cut > 0 ? cut : 40).trimEnd()}…` : entry.text;
      actions.push({
        title: `Mark "${[entry.stamp?.text, words].filter(Boolean).join(' ')}" as ${MILESTONE_TITLES[kind]}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding, model.lines)],
        edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: insert.text }] } },
      });
    }
  }
  return actions;
}

function wanted(only: string[] | undefined): boolean {
  return !only || only.some((k) => MILESTONE_ACTION_KIND === k || MILESTONE_ACTION_KIND.startsWith(`${k}.`));
}

/** Why a marker here would change nothing: the frontmatter or an earlier marker decides that milestone. */
function blockedBy(
  model: PostmortemModel,
  kind: MilestoneKind,
  current: ReturnType<typeof getMilestones>[number] | undefined,
): string | undefined {
  if (current?.source === 'frontmatter') {
    return `\`${kind}:\` in the frontmatter sets the ${MILESTONE_TITLES[kind]}: change it there.`;
  }
  if (current?.source === 'marker') {
    const line = model.lines.position(current.range.start).line + 1;
    return `The entry on line ${line} is marked as the ${MILESTONE_TITLES[kind]}: remove that marker first.`;
  }
  return undefined;
}

// Words and the spaces between them are matched apart (see the core's MARKER), so no spaces are shared.
const COMMENT_MARKER = /<!--\s*milestones?\s*:(?:\s*[\w,-]+(?:\s+[\w,-]+)*)?(\s*-->)$/i;
const BRACKET_MARKER = /\[milestones?\s*:(?:\s*[\w,-]+(?:\s+[\w,-]+)*)?\s*\]$/i;

/** Where the marker goes and what is inserted. */
export function markerInsertion(
  model: PostmortemModel,
  entry: TimelineEntry,
  kind: MilestoneKind,
): { at: number; text: string } {
  // Add the kind to a marker the entry already has: `<!-- milestone: detected, mitigated -->`.
  for (const marker of entry.markers) {
    const raw = model.text.slice(marker.range.start, marker.range.end);
    const comment = COMMENT_MARKER.exec(raw);
    if (comment) return { at: marker.range.end - comment[1].length, text: `, ${kind}` };
    if (BRACKET_MARKER.test(raw)) return { at: marker.range.end - 1, text: `, ${kind}` };
  }
  const text = ` <!-- milestone: ${kind} -->`;
  let at = firstLineEnd(model, entry);
  const line = model.text.slice(entry.range.start, at);
  if (entry.shape === 'table' && /[^\\]\|$/.test(line)) {
    // Inside the last cell: `| 09:15 | Alert fires <!-- milestone: detected --> |`.
    at = entry.range.start + line.slice(0, -1).trimEnd().length;
  } else if (/[^\\]\\$/.test(line)) {
    at -= 1; // before a backslash hard break
  }
  return { at, text };
}
