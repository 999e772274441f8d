// The payload of `postmortem/summary` (SUMMARY_METHOD): what the Postmortem view and the status bar show of one
// document. Built by server/src/lsp/postmortem-view.ts (with metrics.ts, action-items.ts, related.ts); read by the
// VS Code client (client/src/summary.ts, postmortem-view.ts) and open to any LSP client. Types only: the core types
// named here are erased from the client's bundle.
import type { Range } from 'vscode-languageserver-types';
import type { ActionItem, ActionType, ErrorBudgetJson, Finding, Milestone, MilestoneKind, SectionKind } from '../core';

export interface SummaryParams {
  textDocument: { uri: string };
}

/** `stated`: no heading, but the part is stated inside another section (structure/stated-elsewhere). */
export type SectionState = 'present' | 'empty' | 'missing' | 'stated';

export interface SectionStatus {
  kind: SectionKind;
  /** The canonical name ("Root cause"). */
  title: string;
  /** The heading as written ("Why it happened"); absent when missing or when the lead paragraph stands in. */
  heading?: string;
  required: boolean;
  status: SectionState;
  /** For `stated`: where the part is stated ("the timeline", a section's heading). */
  statedIn?: string;
  /** The heading's range (or the lead paragraph's): where "reveal" goes. Absent when missing. */
  range?: Range;
  guidance: string;
}

export interface FindingRef {
  ruleId: string;
  message: string;
  severity: Finding['severity'];
  range: Range;
}

/**
 * The shape grows by adding fields. `metrics` (the milestones and the time to detect, to mitigate, to resolve)
 * and `actionItems` (the follow-up actions) are null when the document could not be analysed.
 */
export interface PostmortemSummary {
  uri: string;
  /**
   * The document version whose text the ranges point into. While an edit is being analysed the summary comes from
   * the last finished analysis, its ranges moved onto this version's text.
   */
  version: number;
  /** False for Markdown that is not a postmortem: the client hides its view. */
  isPostmortem: boolean;
  /** False when the input could not be analysed (binary, too large…); the Problems panel says why. */
  analysed: boolean;
  title?: string;
  /** The required sections in config order, then the other canonical sections the document has. */
  sections: SectionStatus[];
  required: { total: number; present: number; empty: number; missing: number; stated: number };
  problems: { errors: number; warnings: number; infos: number };
  /** Findings of blameful wording (the blame rules). */
  blame: { total: number; byRule: { ruleId: string; count: number }[]; findings: FindingRef[] };
  /** The incident's milestones and figures, from the timeline (and frontmatter). */
  metrics: SummaryMetrics | null;
  /** The follow-up actions of this postmortem. */
  actionItems: ActionItemRef[] | null;
  /**
   * The workspace's postmortems most related to this one (at most 5, best first), with the service or cause they
   * share; null when the document could not be analysed or the server has no workspace index.
   */
  related: RelatedRef[] | null;
}

/**
 * One milestone as the editor shows it (the Postmortem view, the code lens on the timeline heading, the inlay hints
 * on the entries), from the core's getMilestones/computeMetrics: the same figures `postmortem metrics` prints.
 */
export interface MilestoneStatus {
  kind: MilestoneKind;
  /** "start of impact", "detection", "mitigation", "resolution". */
  title: string;
  found: boolean;
  /** frontmatter: a `started:`… key; marker: `<!-- milestone: … -->` in the entry; inferred: the entry's wording. */
  source?: Milestone['source'];
  /** ISO 8601 when the date is known, else `HH:MM` (as `postmortem metrics` writes it). */
  time?: string | null;
  /** The wall-clock time (or the date alone) for a short label: "09:14". */
  at?: string;
  /** How it was found, briefly: `inferred from "alert fires"`, `marked in the entry`, `set in the frontmatter`. */
  how?: string;
  /** The core's full reason (the phrase that matched and where). */
  why?: string;
  /** The timeline entry (or the frontmatter value) that states it: where "reveal" goes. */
  range?: Range;
  /** The entry's position in the timeline, when an entry states it. */
  entryIndex?: number;
}

export type FigureKey = 'timeToDetect' | 'timeToMitigate' | 'timeToResolve' | 'duration';

export interface MetricFigure {
  key: FigureKey;
  /** "Time to detect". */
  label: string;
  /** Whole minutes, or null when an end is unknown (or known only to the day). */
  minutes: number | null;
  /** "8 min", "1 h 18 min", "–". */
  text: string;
}

export interface SummaryMetrics {
  /** The four milestones, in order, found or not. */
  milestones: MilestoneStatus[];
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  durationMinutes: number | null;
  /** The four figures with their labels and text, in order. */
  figures: MetricFigure[];
  /** One line: "Detected after 8 min · mitigated after 29 min · resolved after 1 h 18 min · impact 29 min". */
  sentence: string;
  /** The first timeline heading (where the code lens sits); absent without a timeline section. */
  timelineHeading?: Range;
  /** Entries whose time could be read. */
  timedEntries: number;
  /**
   * The error budget the incident consumed (as `postmortem metrics --format json` gives it), with the ranges of
   * the sentences it came from; status `no-slo` when no SLO applies.
   */
  errorBudget: ErrorBudgetJson & { ranges: { what: string; range: Range }[] };
}

/** One follow-up action as the editor shows it (the Postmortem view, the Follow-up actions view). */
export interface ActionItemRef {
  /** Position among the document's actions, from 0. */
  index: number;
  /** The action in plain text, as written. */
  text: string;
  /** The action without its owner, tickets and links, which the views show beside it. */
  title: string;
  /** A team, role or person; null when the action names none. */
  owner: string | null;
  /** Ticket keys and links. */
  tracking: string[];
  type: ActionType;
  status: 'open' | 'done';
  /** checkbox: a task list box; column: a Status column; text: "(done)", "✅"…; default: nothing says. */
  statusSource: ActionItem['statusSource'];
  /** The action's first line: where "reveal" goes. */
  range: Range;
  /** The heading of the section it sits in. */
  section: string;
  /** Index of the parent action for a sub-task. */
  parent?: number;
  due?: string;
  /** The action names no concrete change ("improve monitoring"). */
  vague: boolean;
}

/** One related postmortem as the Postmortem view shows it. */
export interface RelatedRef {
  uri: string;
  title: string;
  /** Relative to its workspace folder, with forward slashes (the URI's path when outside every folder). */
  relativePath: string;
  date: string | null;
  severity: string | null;
  /** From 0 to 1. */
  score: number;
  sharedServices: string[];
  sharedCategories: string[];
  /** Why it is related, in a few words: "service dns · cause: configuration", else the shared words. */
  reason: string;
  /** Happened before this document's incident. */
  earlier: boolean;
  openActions: number;
}
