import type { PostmortemModel } from '../core';
import { isInside, MAX_WORKSPACE_FILES, posixRelative, readText } from '../core/service';
import type { PostmortemActions, WorkspaceActions } from '../protocol';
import { actionItemRefs } from './action-items';
import type { DocumentFiles } from './platform';

/**
 * `postmortem/actions`: every follow-up action of every postmortem in the workspace, for the Follow-up actions
 * view. Open documents are read from the editor's text, the others from disk; a file on disk is analysed again
 * only when its modification time or size changed. Any LSP client may send it.
 */
export { ACTIONS_METHOD } from '../protocol';

export interface WorkspaceActionsHost {
  folders: readonly string[];
  files: DocumentFiles;
  /**
   * An open document's model: undefined when the document is not open, `{}` when it is open but not a postmortem
   * (or could not be analysed).
   */
  openModel(uri: string): { model?: PostmortemModel } | undefined;
  /** The model of a file read from disk, or undefined when it is not a postmortem. */
  analyse(path: string, text: string): PostmortemModel | undefined;
}

interface Cached {
  mtimeMs: number;
  size: number;
  /** Undefined: not a postmortem. */
  found?: Omit<PostmortemActions, 'uri' | 'relativePath'>;
}

export class WorkspaceActionsIndex {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly limit = MAX_WORKSPACE_FILES) {}

  /** Forgets what was read from disk (the config changed: what is a postmortem may have changed too). */
  clear(): void {
    this.cache.clear();
  }

  async collect(host: WorkspaceActionsHost): Promise<WorkspaceActions> {
    const ops = host.files.host.path;
    const { files, truncated } = await host.files.host.listMarkdown(host.folders, this.limit);
    const postmortems: PostmortemActions[] = [];
    const seen = new Set<string>();
    for (const path of files) {
      seen.add(path);
      const uri = host.files.uriOf(path);
      const folder = host.folders.find((f) => isInside(ops, f, path)) ?? '';
      const relativePath = folder ? posixRelative(ops, folder, path) : path;
      const open = host.openModel(uri);
      const name = ops.basename(path);
      const found = open ? (open.model ? describe(open.model, name) : undefined) : await this.fromDisk(host, path);
      if (found) postmortems.push({ uri, relativePath, ...found });
    }
    for (const path of this.cache.keys()) if (!seen.has(path)) this.cache.delete(path);
    return { postmortems, files: files.length, truncated };
  }

  private async fromDisk(host: WorkspaceActionsHost, path: string): Promise<Cached['found']> {
    const stats = await host.files.host.stat(path);
    if (!stats) return undefined;
    const cached = this.cache.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.found;
    const text = await readText(host.files.host, path);
    const model = text === undefined ? undefined : host.analyse(path, text);
    const found = model ? describe(model, host.files.host.path.basename(path)) : undefined;
    this.cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, found });
    return found;
  }
}

function describe(model: PostmortemModel, fileName: string): Omit<PostmortemActions, 'uri' | 'relativePath'> {
  return { title: model.title?.text || fileName, actions: actionItemRefs(model) };
}
