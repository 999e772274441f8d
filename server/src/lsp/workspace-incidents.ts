import type { PostmortemModel } from '../core';
import { incidentRecord, type RelatedIncident, type Taxonomy, WorkspaceIndex } from '../core/learning';
import { MAX_WORKSPACE_FILES, readText } from '../core/service';
import type { DocumentFiles } from './platform';

/**
 * The server's workspace index of postmortems (by URI), for learning/repeat-incident, the Postmortem view's
 * "Related incidents" and the root-cause hover. Built on first use from the files on disk (a file is read again
 * only when its modification time or size changed), rebuilt after a file change, and kept current for open
 * documents from their analysis.
 */
export interface WorkspaceIncidentsHost {
  folders: readonly string[];
  files: DocumentFiles;
  /** The model of a file read from disk, or undefined when it is not a postmortem. */
  analyse(path: string, text: string): PostmortemModel | undefined;
  /** The cause categories of the config that applies to a file (the default seven without one). */
  taxonomyFor?(path: string): Taxonomy;
  /** Whether a document is open (its record then comes from the editor, not from disk). */
  isOpen(uri: string): boolean;
  /** Called when a walk of the disk changed the index (analyses that used the earlier index may be stale). */
  refreshed?(): void;
}

export class WorkspaceIncidents {
  readonly index = new WorkspaceIndex();
  private readonly stats = new Map<string, { mtimeMs: number; size: number }>();
  private refreshing?: Promise<WorkspaceIndex>;
  private stale = true;

  constructor(
    private readonly host: WorkspaceIncidentsHost,
    private readonly limit = MAX_WORKSPACE_FILES,
  ) {}

  /** Files changed on disk, or the config did: the next use walks the workspace again. */
  markStale(clearCache = false): void {
    this.stale = true;
    if (clearCache) this.stats.clear();
  }

  /** The index, brought up to date with the disk when something changed. */
  ready(): Promise<WorkspaceIndex> {
    if (!this.stale) return this.refreshing ?? Promise.resolve(this.index);
    this.stale = false;
    const run = this.refresh().catch(() => this.index);
    this.refreshing = run;
    return run;
  }

  /**
   * The index as it is now, without waiting: a walk of the disk starts if something changed, and the host hears
   * (`refreshed`) when it changed the index. A document's analysis never waits for the workspace's files.
   */
  current(): WorkspaceIndex {
    if (this.stale) void this.ready();
    return this.index;
  }

  /** An open document's analysis: its record replaces the one read from disk. */
  update(uri: string, model: PostmortemModel | undefined, taxonomy?: Taxonomy): void {
    if (model) this.index.set(incidentRecord(model, uri, taxonomy));
    else this.index.delete(uri);
  }

  related(uri: string, model: PostmortemModel, limit = 5): RelatedIncident[] {
    return this.index.related(this.index.get(uri) ?? incidentRecord(model, uri), { limit });
  }

  similarCauses(uri: string, model: PostmortemModel): RelatedIncident[] {
    return this.index.similarCauses(this.index.get(uri) ?? incidentRecord(model, uri));
  }

  private async refresh(): Promise<WorkspaceIndex> {
    const { host } = this.host.files;
    const { files } = await host.listMarkdown(this.host.folders, this.limit);
    const seen = new Set<string>();
    let changed = false;
    for (const path of files) {
      const uri = this.host.files.uriOf(path);
      seen.add(uri);
      if (this.host.isOpen(uri)) continue;
      const stats = await host.stat(path);
      if (!stats) continue;
      const known = this.stats.get(uri);
      if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) continue;
      this.stats.set(uri, { mtimeMs: stats.mtimeMs, size: stats.size });
      const text = await readText(host, path);
      const model = text === undefined ? undefined : this.host.analyse(path, text);
      this.update(uri, model, model && this.host.taxonomyFor?.(path));
      changed = true;
    }
    for (const record of this.index.all()) {
      if (!seen.has(record.id) && !this.host.isOpen(record.id)) {
        this.index.delete(record.id);
        this.stats.delete(record.id);
        changed = true;
      }
    }
    if (changed) this.host.refreshed?.();
    return this.index;
  }
}
