// The Follow-up actions view in the Explorer: every action of every postmortem in the workspace, open or done,
// grouped by owner or by postmortem (a toggle in the view's title), a click reveals it. The server finds and parses
// them (`postmortem/actions`); this file only shows them, and asks again when Markdown files change.
import {
  commands,
  Disposable,
  type Event,
  EventEmitter,
  type ExtensionContext,
  languages,
  MarkdownString,
  ThemeColor,
  ThemeIcon,
  type TreeDataProvider,
  TreeItem,
  TreeItemCollapsibleState,
  type TreeView,
  window,
  workspace,
} from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  ACTIONS_METHOD,
  type ActionItemRef,
  type PostmortemActions,
  type WorkspaceActions,
} from '../../server/src/protocol';

export type { WorkspaceActions } from '../../server/src/protocol';

export const ACTIONS_VIEW_ID = 'postmortem.actions';
/** Context keys: whether the workspace has postmortems (shows the view), and the grouping (picks the toggle). */
const HAS_POSTMORTEMS = 'postmortem.hasPostmortems';
const GROUP_BY = 'postmortem.actionsGroupBy';
const GROUP_BY_STATE = 'postmortem.actions.groupBy';

export type GroupBy = 'owner' | 'postmortem';

export interface ActionRow {
  postmortem: PostmortemActions;
  action: ActionItemRef;
}

export type ActionsNode =
  | { type: 'group'; key: string; label: string; description?: string; rows: ActionRow[] }
  | { type: 'action'; row: ActionRow; groupKey: string };

/** The group key of the actions without an owner (owners' keys start with "@"). */
const NO_OWNER = '';

export class ActionsViewProvider implements TreeDataProvider<ActionsNode>, Disposable {
  private readonly emitter = new EventEmitter<ActionsNode | undefined>();
  readonly onDidChangeTreeData: Event<ActionsNode | undefined> = this.emitter.event;
  private data: WorkspaceActions | undefined;
  private running: Promise<WorkspaceActions | undefined> | undefined;
  private stale = false;

  constructor(
    private readonly client: LanguageClient,
    public groupBy: GroupBy,
  ) {}

  /** What the server said last. */
  get current(): WorkspaceActions | undefined {
    return this.data;
  }

  /** Asks the server again. Calls during a request share it and make it ask once more when it ends. */
  refresh(): Promise<WorkspaceActions | undefined> {
    if (this.running) {
      this.stale = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.stale = false;
        await this.fetch();
      } while (this.stale);
      return this.data;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async fetch(): Promise<void> {
    if (!this.client.isRunning()) return;
    try {
      this.data = await this.client.sendRequest<WorkspaceActions>(ACTIONS_METHOD, {});
    } catch {
      return; // the server is restarting; the next change asks again
    }
    await commands.executeCommand('setContext', HAS_POSTMORTEMS, this.data.postmortems.length > 0);
    this.emitter.fire(undefined);
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.emitter.fire(undefined);
  }

  getChildren(node?: ActionsNode): ActionsNode[] {
    if (!this.data) return [];
    if (!node) return this.groupBy === 'owner' ? byOwner(this.data) : byPostmortem(this.data);
    if (node.type === 'group') return node.rows.map((row) => ({ type: 'action', row, groupKey: node.key }));
    return [];
  }

  getTreeItem(node: ActionsNode): TreeItem {
    if (node.type === 'group') {
      const item = new TreeItem(node.label, TreeItemCollapsibleState.Expanded);
      item.id = `${this.groupBy}:${node.key}`;
      item.description = [node.description, openAndDone(node.rows.map((r) => r.action))].filter(Boolean).join(' · ');
      item.iconPath = new ThemeIcon(
        this.groupBy === 'postmortem' ? 'file' : node.key === NO_OWNER ? 'question' : 'person',
      );
      item.contextValue = 'actions-group';
      return item;
    }
    return actionItem(node, this.groupBy);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function actionItem(node: Extract<ActionsNode, { type: 'action' }>, groupBy: GroupBy): TreeItem {
  const { postmortem, action } = node.row;
  const done = action.status === 'done';
  const item = new TreeItem(action.title, TreeItemCollapsibleState.None);
  item.id = `${groupBy}:${node.groupKey}:${postmortem.uri}#${action.index}`;
  const where = groupBy === 'owner' ? postmortem.title : (action.owner ?? 'no owner');
  item.description = [where, action.tracking.join(' ')].filter(Boolean).join(' · ');
  item.iconPath = actionIcon(action);
  item.contextValue = done ? 'action-done' : 'action-open';
  const line = action.range.start.line + 1;
  item.tooltip = new MarkdownString(
    [
      `**${done ? 'Done' : 'Open'}**: ${escapeMarkdown(action.text)}`,
      `Owner: ${action.owner ? escapeMarkdown(action.owner) : '_none_'} · Tracking: ${action.tracking.length > 0 ? escapeMarkdown(action.tracking.join(', ')) : '_none_'} · Type: ${action.type}${action.due ? ` · Due: ${escapeMarkdown(action.due)}` : ''}`,
      `${escapeMarkdown(postmortem.title)} (${escapeMarkdown(postmortem.relativePath)}:${line})`,
    ].join('\n\n'),
  );
  item.accessibilityInformation = { label: `${done ? 'Done' : 'Open'}: ${action.text}, ${where}` };
  item.command = { title: 'Reveal', command: 'postmortem.revealRange', arguments: [postmortem.uri, action.range] };
  return item;
}

/** An action's icon, here and in the Postmortem view: done, open, or open with no owner (a warning). */
export function actionIcon(action: ActionItemRef): ThemeIcon {
  return action.status === 'done'
    ? new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed'))
    : new ThemeIcon('circle-large-outline', action.owner ? undefined : new ThemeColor('list.warningForeground'));
}

/** "2 open, 1 done" ("2 open" when none is done), here and in the Postmortem view. */
export function openAndDone(actions: readonly ActionItemRef[]): string {
  const open = actions.filter((a) => a.status === 'open').length;
  return `${open} open${actions.length > open ? `, ${actions.length - open} done` : ''}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

function rows(data: WorkspaceActions): ActionRow[] {
  return data.postmortems.flatMap((postmortem) => postmortem.actions.map((action) => ({ postmortem, action })));
}

/** Open actions first, then done ones; each in document order. */
const openFirst = (a: ActionRow, b: ActionRow) =>
  (a.action.status === 'done' ? 1 : 0) - (b.action.status === 'done' ? 1 : 0);

/** Owners as written, grouped without case or a leading "@"; the actions without an owner last. */
function byOwner(data: WorkspaceActions): ActionsNode[] {
  const groups = new Map<string, { label: string; rows: ActionRow[] }>();
  for (const row of rows(data)) {
    const key = row.action.owner ? `@${row.action.owner.replace(/^@/, '').toLowerCase()}` : NO_OWNER;
    const group = groups.get(key) ?? { label: row.action.owner ?? 'No owner', rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)))
    .map(([key, g]) => ({ type: 'group', key, label: g.label, rows: [...g.rows].sort(openFirst) }));
}

function byPostmortem(data: WorkspaceActions): ActionsNode[] {
  return data.postmortems
    .filter((p) => p.actions.length > 0)
    .map((p) => ({
      type: 'group',
      key: p.uri,
      label: p.title,
      description: p.relativePath,
      rows: p.actions.map((action) => ({ postmortem: p, action })).sort(openFirst),
    }));
}

/**
 * Creates the view and keeps it current: it asks the server again when a Markdown file is created, changed or
 * deleted on disk, and when an open one is re-analysed (its diagnostics change) — while the view is visible or
 * the workspace has no postmortem yet; otherwise once it becomes visible again.
 */
export function createActionsView(
  context: ExtensionContext,
  client: LanguageClient,
): { provider: ActionsViewProvider; disposable: Disposable } {
  const provider = new ActionsViewProvider(client, context.workspaceState.get<GroupBy>(GROUP_BY_STATE, 'owner'));
  const view: TreeView<ActionsNode> = window.createTreeView(ACTIONS_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  let dirty = false;
  // While the workspace has no postmortem the view is hidden (its `when` clause), so it can never become visible
  // to refresh: ask then too, so it appears as soon as the first postmortem exists (asking is cheap then).
  const changed = () => {
    if (view.visible || !provider.current?.postmortems.length) void provider.refresh();
    else dirty = true;
  };
  const setGroupBy = async (groupBy: GroupBy) => {
    provider.setGroupBy(groupBy);
    await context.workspaceState.update(GROUP_BY_STATE, groupBy);
    await commands.executeCommand('setContext', GROUP_BY, groupBy);
  };
  const update = () => {
    const all = provider.current ? rows(provider.current) : [];
    const open = all.filter((r) => r.action.status === 'open').length;
    view.description = provider.current ? `${open} open of ${all.length}` : undefined;
    view.message =
      provider.current && all.length === 0
        ? 'No follow-up actions in the postmortems of this workspace.'
        : provider.current?.truncated
          ? 'Only the first files of this large workspace were read.'
          : undefined;
  };
  const watcher = workspace.createFileSystemWatcher('**/*.{md,markdown,mdx}');
  const isMarkdownUri = (uri: { path: string }) => /\.(md|markdown|mdx)$/i.test(uri.path);
  const subscriptions: Disposable[] = [
    provider,
    view,
    watcher,
    provider.onDidChangeTreeData(update),
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    workspace.onDidChangeWorkspaceFolders(changed),
    languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isMarkdownUri)) changed();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      if (visible && dirty) {
        dirty = false;
        void provider.refresh();
      }
    }),
    commands.registerCommand('postmortem.actions.groupByOwner', () => setGroupBy('owner')),
    commands.registerCommand('postmortem.actions.groupByPostmortem', () => setGroupBy('postmortem')),
    commands.registerCommand('postmortem.actions.refresh', () => provider.refresh()),
  ];
  void commands.executeCommand('setContext', GROUP_BY, provider.groupBy);
  return { provider, disposable: Disposable.from(...subscriptions) };
}
