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
  window,
} from 'vscode';
import { openAndDone } from './actions-view';
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
import {
  actionItem,
  budgetItem,
  figureItem,
  hasBudget,
  hasMetrics,
  incidentItem,
  milestoneItem,
  plural,
  STATUS_ICON,
  sectionItem,
} from './view-items';

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
