// The Postmortem view in the Explorer: the required sections as a checklist (present, empty, missing), the other
// sections the document has, the incident's metrics and milestones, its follow-up actions, its blameless-language
// findings and its problem counts. Shown only while the active
// editor holds a postmortem (context key postmortem.isPostmortem); everything comes from the server's summary.
import {
  type Disposable,
  type Event,
  EventEmitter,
  MarkdownString,
  ThemeColor,
  ThemeIcon,
  type TreeDataProvider,
  TreeItem,
  TreeItemCollapsibleState,
  type TreeView,
  Uri,
  window,
} from 'vscode';
import { actionIcon, openAndDone } from './actions-view';
import type {
  ActionItemRef,
  FindingRef,
  MetricFigure,
  MilestoneStatus,
  PostmortemSummary,
  RelatedRef,
  SectionStatus,
  SummaryTracker,
} from './summary';

export type ViewNode =
  | { type: 'required' }
  | { type: 'others' }
  | { type: 'section'; section: SectionStatus }
  | { type: 'metrics' }
  | { type: 'figure'; figure: MetricFigure }
  | { type: 'budget' }
  | { type: 'milestone'; milestone: MilestoneStatus }
  | { type: 'actions' }
  | { type: 'action'; action: ActionItemRef }
  | { type: 'related' }
  | { type: 'incident'; incident: RelatedRef }
  | { type: 'blame' }
  | { type: 'finding'; finding: FindingRef }
  | { type: 'problems' };

export const VIEW_ID = 'postmortem.view';

const STATUS_ICON: Record<SectionStatus['status'], ThemeIcon> = {
  present: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  empty: new ThemeIcon('circle-large-outline', new ThemeColor('list.warningForeground')),
  missing: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  stated: new ThemeIcon('info', new ThemeColor('list.warningForeground')),
};

export class PostmortemViewProvider implements TreeDataProvider<ViewNode>, Disposable {
  private readonly emitter = new EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData: Event<ViewNode | undefined> = this.emitter.event;
  private readonly subscription: Disposable;

  constructor(private readonly summaries: SummaryTracker) {
    this.subscription = summaries.onDidChange(() => this.emitter.fire(undefined));
  }

  private get summary(): PostmortemSummary | undefined {
    return this.summaries.current;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    const summary = this.summary;
    if (!summary?.analysed) return []; // the view's welcome content says why
    if (!node) {
      const roots: ViewNode[] = [{ type: 'required' }];
      if (summary.sections.some((s) => !s.required)) roots.push({ type: 'others' });
      if (summary.metrics) roots.push({ type: 'metrics' });
      if (summary.actionItems) roots.push({ type: 'actions' });
      if (summary.related) roots.push({ type: 'related' });
      roots.push({ type: 'blame' }, { type: 'problems' });
      return roots;
    }
    switch (node.type) {
      case 'required':
        return summary.sections.filter((s) => s.required).map((section) => ({ type: 'section', section }));
      case 'others':
        return summary.sections.filter((s) => !s.required).map((section) => ({ type: 'section', section }));
      case 'metrics':
        return hasMetrics(summary)
          ? [
              ...(summary.metrics?.figures ?? []).map((figure): ViewNode => ({ type: 'figure', figure })),
              ...(hasBudget(summary) ? [{ type: 'budget' } as ViewNode] : []),
              ...(summary.metrics?.milestones ?? []).map((milestone): ViewNode => ({ type: 'milestone', milestone })),
            ]
          : [];
      case 'actions':
        return (summary.actionItems ?? []).map((action) => ({ type: 'action', action }));
      case 'related':
        return (summary.related ?? []).map((incident) => ({ type: 'incident', incident }));
      case 'blame':
        return summary.blame.findings.map((finding) => ({ type: 'finding', finding }));
      default:
        return [];
    }
  }

  /** For TreeView.reveal: the metrics' rows sit under Metrics, everything else under its group or the root. */
  getParent(node: ViewNode): ViewNode | undefined {
    switch (node.type) {
      case 'figure':
      case 'budget':
      case 'milestone':
        return { type: 'metrics' };
      case 'section':
        return { type: node.section.required ? 'required' : 'others' };
      case 'action':
        return { type: 'actions' };
      case 'incident':
        return { type: 'related' };
      case 'finding':
        return { type: 'blame' };
      default:
        return undefined;
    }
  }

  getTreeItem(node: ViewNode): TreeItem {
    const summary = this.summary as PostmortemSummary;
    switch (node.type) {
      case 'required': {
        const item = new TreeItem('Required sections', TreeItemCollapsibleState.Expanded);
        item.id = 'required';
        item.description = `${summary.required.present}/${summary.required.total}`;
        item.iconPath = new ThemeIcon('checklist');
        return item;
      }
      case 'others': {
        const item = new TreeItem('Other sections', TreeItemCollapsibleState.Collapsed);
        item.id = 'others';
        item.description = String(summary.sections.filter((s) => !s.required).length);
        item.iconPath = new ThemeIcon('list-tree');
        return item;
      }
      case 'section':
        return sectionItem(summary, node.section);
      case 'metrics': {
        const shown = hasMetrics(summary);
        const item = new TreeItem('Metrics', shown ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None);
        item.id = 'metrics';
        item.description = shown ? undefined : 'no timed entries in the timeline';
        item.iconPath = new ThemeIcon('graph-line');
        item.tooltip = summary.metrics?.sentence;
        return item;
      }
      case 'figure':
        return figureItem(node.figure);
      case 'budget':
        return budgetItem(summary);
      case 'milestone':
        return milestoneItem(summary, node.milestone);
      case 'actions': {
        const actions = summary.actionItems ?? [];
        const item = new TreeItem(
          'Follow-up actions',
          actions.length > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None,
        );
        item.id = 'actions';
        item.description = actions.length === 0 ? 'none found' : openAndDone(actions);
        item.iconPath = new ThemeIcon('tasklist');
        return item;
      }
      case 'action':
        return actionItem(summary, node.action);
      case 'related': {
        const related = summary.related ?? [];
        const item = new TreeItem(
          'Related incidents',
          related.length > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None,
        );
        item.id = 'related';
        item.description = related.length === 0 ? 'none in this workspace' : String(related.length);
        item.iconPath = new ThemeIcon('references');
        return item;
      }
      case 'incident':
        return incidentItem(node.incident);
      case 'blame': {
        const count = summary.blame.total;
        const item = new TreeItem(
          'Blameless language',
          count > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None,
        );
        item.id = 'blame';
        item.description = count === 0 ? 'no findings' : count === 1 ? '1 finding' : `${count} findings`;
        item.iconPath =
          count === 0
            ? STATUS_ICON.present
            : new ThemeIcon('comment-discussion', new ThemeColor('list.warningForeground'));
        item.tooltip = new MarkdownString(
          count === 0
            ? 'No blaming language found.'
            : summary.blame.byRule.map((r) => `- \`${r.ruleId}\`: ${r.count}`).join('\n'),
        );
        item.command = { title: 'Open the Blameless Writing Guide', command: 'postmortem.openGuide' };
        return item;
      }
      case 'finding': {
        const { finding } = node;
        const item = new TreeItem(finding.message.split(/(?<=[.:])\s/)[0], TreeItemCollapsibleState.None);
        item.description = finding.ruleId;
        item.tooltip = finding.message;
        item.iconPath = new ThemeIcon('comment', new ThemeColor('list.warningForeground'));
        item.command = {
          title: 'Reveal',
          command: 'postmortem.revealRange',
          arguments: [summary.uri, finding.range],
        };
        return item;
      }
      case 'problems': {
        const { errors, warnings, infos } = summary.problems;
        const item = new TreeItem('Problems', TreeItemCollapsibleState.None);
        item.id = 'problems';
        const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
        if (infos > 0) parts.push(plural(infos, 'note'));
        item.description = parts.join(', ');
        item.iconPath = new ThemeIcon(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass');
        item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function sectionItem(summary: PostmortemSummary, section: SectionStatus): TreeItem {
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

function incidentItem(incident: RelatedRef): TreeItem {
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

function hasMetrics(summary: PostmortemSummary): boolean {
  const m = summary.metrics;
  return !!m && (m.timedEntries > 0 || m.milestones.some((x) => x.found));
}

const FIGURE_ICON = new ThemeIcon('watch');
const MILESTONE_ICON = new ThemeIcon('milestone');
const MISSING_ICON = new ThemeIcon('warning', new ThemeColor('list.warningForeground'));

/** "Time to detect 8 min". */
function figureItem(figure: MetricFigure): TreeItem {
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
function hasBudget(summary: PostmortemSummary): boolean {
  const status = summary.metrics?.errorBudget?.status;
  return status !== undefined && status !== 'no-slo';
}

/** "Error budget ~46% of 30d (20 min)"; the tooltip says what it rests on, a click reveals the share's sentence. */
function budgetItem(summary: PostmortemSummary): TreeItem {
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
function milestoneItem(summary: PostmortemSummary, milestone: MilestoneStatus): TreeItem {
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

function actionItem(summary: PostmortemSummary, action: ActionItemRef): TreeItem {
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a code lens on the timeline heading shows (MetricLensTarget): the view opens there. */
export type MetricTarget = 'metrics' | 'budget';

export function createPostmortemView(summaries: SummaryTracker): {
  provider: PostmortemViewProvider;
  treeView: TreeView<ViewNode>;
  /** Opens the view at the Metrics group, or at the error budget under it, and selects it. */
  revealMetric: (target?: MetricTarget) => Promise<void>;
  disposable: Disposable;
} {
  const provider = new PostmortemViewProvider(summaries);
  const view = window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  const update = (summary: PostmortemSummary | undefined) => {
    view.description = summary?.title;
    view.badge =
      summary && summary.required.missing > 0
        ? { value: summary.required.missing, tooltip: `${summary.required.missing} required sections missing` }
        : undefined;
  };
  const subscription = summaries.onDidChange(update);
  const dispose = () => {
    subscription.dispose();
    view.dispose();
    provider.dispose();
  };
  const revealMetric = async (target: MetricTarget = 'metrics') => {
    const summary = summaries.current;
    const node: ViewNode =
      target === 'budget' && summary && hasBudget(summary) ? { type: 'budget' } : { type: 'metrics' };
    await view.reveal(node, { select: true, focus: true, expand: true });
  };
  return { provider, treeView: view, revealMetric, disposable: { dispose } };
}
