// The Postmortem view's tree items (sections, metrics and milestones, the error budget, actions, related incidents):
// how one node of the summary looks, with its icon, tooltip and command. The tree itself is postmortem-view.ts.
import { MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri } from 'vscode';
import { actionIcon } from './actions-view';
import type {
  ActionItemRef,
  MetricFigure,
  MilestoneStatus,
  PostmortemSummary,
  RelatedRef,
  SectionStatus,
} from './summary';

export const STATUS_ICON: Record<SectionStatus['status'], ThemeIcon> = {
  present: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  empty: new ThemeIcon('circle-large-outline', new ThemeColor('list.warningForeground')),
  missing: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  stated: new ThemeIcon('info', new ThemeColor('list.warningForeground')),
};

export function sectionItem(summary: PostmortemSummary, section: SectionStatus): TreeItem {
  const item = new TreeItem(section.title, TreeItemCollapsibleState.None);
  item.id = `section:${section.required ? 'required' : 'other'}:${section.kind}`;
  item.iconPath = STATUS_ICON[section.status];
  item.contextValue = `section-${section.status}`;
  const as = section.heading && section.heading !== section.title ? `"${section.heading}"` : '';
  item.description =
    section.status === 'present'
      ? as
      : section.status === 'stated'
        ? `stated in ${section.statedIn}`
        : [section.status, as].filter(Boolean).join(' ');
  const state = {
    present: 'written',
    empty: 'empty: only placeholders or comments',
    missing: 'missing',
    stated: `stated in ${section.statedIn}, without a heading`,
  }[section.status];
  item.tooltip = new MarkdownString(`**${section.title}** (${state})\n\n${section.guidance}`);
  item.accessibilityInformation = { label: `${section.title}: ${state}` };
  if (section.range) {
    item.command = { title: 'Reveal', command: 'postmortem.revealRange', arguments: [summary.uri, section.range] };
  }
  return item;
}

export function incidentItem(incident: RelatedRef): TreeItem {
  const item = new TreeItem(incident.title, TreeItemCollapsibleState.None);
  item.id = `incident:${incident.uri}`;
  item.description = `${incident.date ?? 'undated'} · ${incident.reason}`;
  const open = incident.openActions > 0 && incident.earlier;
  item.iconPath = open ? new ThemeIcon('history', new ThemeColor('list.warningForeground')) : new ThemeIcon('history');
  item.tooltip = new MarkdownString(
    [
      `**${incident.title}** (${incident.date ?? 'undated'}${incident.severity ? `, ${incident.severity}` : ''})`,
      `Shared: ${incident.reason}`,
      incident.openActions > 0 ? `${incident.openActions} follow-up action(s) still open` : '',
      `\`${incident.relativePath}\``,
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
  item.command = { title: 'Open', command: 'vscode.open', arguments: [Uri.parse(incident.uri)] };
  return item;
}

export function hasMetrics(summary: PostmortemSummary): boolean {
  const m = summary.metrics;
  return !!m && (m.timedEntries > 0 || m.milestones.some((x) => x.found));
}

const FIGURE_ICON = new ThemeIcon('watch');
const MILESTONE_ICON = new ThemeIcon('milestone');
const MISSING_ICON = new ThemeIcon('warning', new ThemeColor('list.warningForeground'));

/** "Time to detect 8 min". */
export function figureItem(figure: MetricFigure): TreeItem {
  const item = new TreeItem(figure.label, TreeItemCollapsibleState.None);
  item.id = `figure:${figure.key}`;
  item.description = figure.minutes === null ? 'unknown' : figure.text;
  item.iconPath = FIGURE_ICON;
  item.tooltip =
    figure.minutes === null
      ? `${figure.label}: unknown. It needs the start of impact and the later milestone, each with a time.`
      : `${figure.label}: ${figure.minutes} minute${figure.minutes === 1 ? '' : 's'}`;
  return item;
}

/** An SLO applies (the frontmatter's `slo` or the config's `slos`); older servers send no budget. */
export function hasBudget(summary: PostmortemSummary): boolean {
  const status = summary.metrics?.errorBudget?.status;
  return status !== undefined && status !== 'no-slo';
}

/** "Error budget ~46% of 30d (20 min)"; the tooltip says what it rests on, a click reveals the share's sentence. */
export function budgetItem(summary: PostmortemSummary): TreeItem {
  const b = summary.metrics?.errorBudget;
  const item = new TreeItem('Error budget', TreeItemCollapsibleState.None);
  item.id = 'budget';
  item.iconPath = new ThemeIcon('dashboard');
  if (b?.status !== 'ok' || b.budgetPercent === null) {
    item.description = 'unknown';
    item.tooltip = b?.sentence ?? 'No SLO applies.';
    return item;
  }
  const percent = b.budgetPercent < 10 ? b.budgetPercent.toFixed(1) : String(Math.round(b.budgetPercent));
  item.description = `${b.estimate ? '~' : ''}${percent}% of ${b.slo?.window ?? 'the window'} · ${b.consumedMinutes} of ${b.budgetMinutes} min${b.estimate ? ' (estimate)' : ''}`;
  item.tooltip = new MarkdownString(
    [
      `**${b.sentence}**`,
      ...b.notes,
      ...b.sources.map((s) => `Line ${s.line} (${s.what}): ${s.text.replace(/[\\`*_[\]]/g, '\\$&')}`),
    ].join('\n\n'),
  );
  const target = b.ranges.find((r) => r.what === 'share') ?? b.ranges[0];
  if (target) {
    item.command = { title: 'Reveal', command: 'postmortem.revealRange', arguments: [summary.uri, target.range] };
  }
  return item;
}

/** "Detection 09:20 · inferred from "alert fires"", a click reveals the entry. */
export function milestoneItem(summary: PostmortemSummary, milestone: MilestoneStatus): TreeItem {
  const title = milestone.title.charAt(0).toUpperCase() + milestone.title.slice(1);
  const item = new TreeItem(title, TreeItemCollapsibleState.None);
  item.id = `milestone:${milestone.kind}`;
  item.contextValue = `milestone-${milestone.found ? milestone.source : 'missing'}`;
  if (!milestone.found) {
    item.description = 'not found';
    item.iconPath = MISSING_ICON;
    item.tooltip = new MarkdownString(
      `No ${milestone.title} found in the timeline. Mark an entry with the code action "Mark as ${milestone.title}" (or \`<!-- milestone: ${milestone.kind} -->\`), or set \`${milestone.kind}:\` in the frontmatter.`,
    );
    return item;
  }
  item.description = [milestone.at, milestone.how].filter(Boolean).join(' · ');
  item.iconPath = MILESTONE_ICON;
  item.tooltip = new MarkdownString(`**${title}** at ${milestone.time ?? 'an unknown time'}\n\n${milestone.why ?? ''}`);
  if (milestone.range) {
    item.command = { title: 'Reveal', command: 'postmortem.revealRange', arguments: [summary.uri, milestone.range] };
  }
  return item;
}

export function actionItem(summary: PostmortemSummary, action: ActionItemRef): TreeItem {
  const done = action.status === 'done';
  const item = new TreeItem(action.title, TreeItemCollapsibleState.None);
  item.id = `action:${action.index}`;
  item.description = [action.owner ?? 'no owner', action.tracking.join(' ')].filter(Boolean).join(' · ');
  item.iconPath = actionIcon(action);
  item.contextValue = done ? 'action-done' : 'action-open';
  item.tooltip = `${done ? 'Done' : 'Open'}: ${action.text}`;
  item.command = { title: 'Reveal', command: 'postmortem.revealRange', arguments: [summary.uri, action.range] };
  return item;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
