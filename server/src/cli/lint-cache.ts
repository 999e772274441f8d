// `postmortem lint --cache`: what each file gave last time, as ESLint's cache keeps it, so that an unchanged file
// is not analysed again. An entry is found by the file's path and used only when all of these are unchanged: the
// file's content (its SHA-256), the effective config that applies to it, the tool's version (and its build), and
// the lint options that change a result (--all, naming the file, --template-text, and, when the repeat-incident
// rule or the related list reads the other postmortems, the workspace they were indexed from).
//
// The file (default .postmortemcache in the current folder; --cache-location names a file, or a folder to keep it
// in) is JSON: { format, tool, files: { "<path relative to the cache's folder>": Entry } }.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../core';
import type { IncidentRecord, WorkspaceInput } from '../core/learning';
import { VERSION } from '../core/version';
import { sha256 } from '../node/hash';
import type { FileResult } from './lint';
import type { SentResult } from './lint-pool-worker';

export const DEFAULT_CACHE_FILE = '.postmortemcache';

/** Bumped when the shape of the file or of a result changes: an older file is then ignored. */
const FORMAT = 1;

interface Entry {
  /** SHA-256 of the file's bytes. */
  hash: string;
  /** The key of the config and options (see `keyOf`) that `record` and `result` were made with. */
  key: string;
  /** The file's incident record for the workspace index (null: not a postmortem), when the run indexed it. */
  record?: IncidentRecord | null;
  /** The lint result, with the workspace key it was linted under ('' when the analysis read no workspace). */
  lint?: { workspace: string; result: SentResult };
}

interface CacheFile {
  format: number;
  tool: string;
  files: Record<string, Entry>;
}

export class LintCache {
  readonly file: string;
  private readonly folder: string;
  private readonly tool: string;
  private entries: Record<string, Entry> = {};
  private readonly configKeys = new WeakMap<ResolvedConfig, string>();
  private readonly hashes = new Map<string, string>();
  private dirty = false;

  /** `location`: --cache-location (a file, or a folder: one ending in a separator or that exists as one). */
  /** `tool`: the version the entries are for (the tests give their own; by default, this build's). */
  constructor(cwd: string, location: string = DEFAULT_CACHE_FILE, tool = toolVersion()) {
    this.file = cacheFile(cwd, location);
    this.folder = dirname(this.file);
    this.tool = tool;
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.tool === this.tool && data.files && typeof data.files === 'object') {
        this.entries = data.files;
      }
    } catch {
      // No cache yet, or not one we can read: start empty (it is rewritten at the end of the run).
    }
  }

  /** The content hash of a file (read once per run, or given its bytes), undefined when it cannot be read. */
  hashOf(path: string, bytes?: Uint8Array): string | undefined {
    let hash = this.hashes.get(path);
    if (hash === undefined) {
      try {
        hash = sha256()
          .update(bytes ?? readFileSync(path))
          .digest('base64url');
      } catch {
        return undefined;
      }
      this.hashes.set(path, hash);
    }
    return hash;
  }

  /**
   * The key of what, besides the content, a result depends on: the effective config (with the files it came
   * from) and the options of the run. Computed once per config object (the loader shares them between files).
   */
  keyOf(config: ResolvedConfig, options: { explicit: boolean; all: boolean; templateText: string; cwd: string }) {
    let configKey = this.configKeys.get(config);
    if (configKey === undefined) {
      configKey = digest(JSON.stringify(config, (_, v) => (v instanceof Map ? [...v.entries()] : v)));
      this.configKeys.set(config, configKey);
    }
    return digest(`${configKey}\0${options.explicit}\0${options.all}\0${options.templateText}\0${options.cwd}`);
  }

  /** The record cached for a file (null: not a postmortem); undefined when there is none for this content and key. */
  record(path: string, key: string): IncidentRecord | null | undefined {
    const record = this.valid(path, key)?.record;
    // The record names its file by path: the path of this run.
    return record && { ...record, id: path };
  }

  setRecord(path: string, key: string, record: IncidentRecord | undefined): void {
    const entry = this.entryFor(path, key);
    if (!entry) return;
    entry.record = record ?? null;
    this.dirty = true;
  }

  /** The lint result cached for a file, undefined when there is none for this content, key and workspace. */
  result(path: string, key: string, workspace: string): SentResult | undefined {
    const lint = this.valid(path, key)?.lint;
    return lint && lint.workspace === workspace ? { ...lint.result, path } : undefined;
  }

  /**
   * Keeps a file's result, unless it cannot stand for the file as it is now: --fix changed the file (its content
   * is no longer the one hashed), the fixes could not be written, or the analysis was stopped at the time budget.
   */
  setResult(path: string, key: string, workspace: string, result: FileResult): void {
    if (result.fixesApplied > 0 || result.writeError || result.timedOut) return;
    const entry = this.entryFor(path, key);
    if (!entry) return;
    const { model: _model, lines: _lines, allFindings: _all, path: _path, text: _text, ...kept } = result;
    // The text is the file's: it is read (and hashed) again on a hit, and not kept twice.
    entry.lint = { workspace, result: { ...kept, path: '', text: '' } };
    this.dirty = true;
  }

  /** Writes the cache (entries of files that no longer exist are dropped), atomically. False when it cannot. */
  save(): boolean {
    if (!this.dirty) return true;
    const files: Record<string, Entry> = {};
    for (const [name, entry] of Object.entries(this.entries)) {
      if (this.hashes.has(this.pathOf(name)) || existsSync(this.pathOf(name))) files[name] = entry;
    }
    const data: CacheFile = { format: FORMAT, tool: this.tool, files };
    try {
      mkdirSync(this.folder, { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
      return true;
    } catch {
      return false;
    }
  }

  private valid(path: string, key: string): Entry | undefined {
    const entry = this.entries[this.nameOf(path)];
    const hash = this.hashOf(path);
    return entry && hash !== undefined && entry.hash === hash && entry.key === key ? entry : undefined;
  }

  /** The file's entry for its current content and key, emptied when either changed. */
  private entryFor(path: string, key: string): Entry | undefined {
    const hash = this.hashOf(path);
    if (hash === undefined) return undefined;
    const name = this.nameOf(path);
    let entry = this.entries[name];
    if (!entry || entry.hash !== hash || entry.key !== key) {
      entry = { hash, key };
      this.entries[name] = entry;
    }
    return entry;
  }

  /** Paths are kept relative to the cache's folder, so a cache restored in another checkout (CI) still matches. */
  private nameOf(path: string): string {
    return relative(this.folder, path).split(sep).join('/');
  }

  private pathOf(name: string): string {
    return resolve(this.folder, name);
  }
}

/** The key of the workspace input an analysis read ('' for none). */
export function workspaceKey(input: WorkspaceInput | undefined, related: boolean): string {
  if (!input) return related ? 'related' : '';
  return digest(`${related}\0${JSON.stringify(input)}`);
}

/** --cache-location: a file, or a folder (which exists as one, or ends with a separator) to keep the cache in. */
function cacheFile(cwd: string, location: string): string {
  const path = isAbsolute(location) ? location : resolve(cwd, location);
  let folder = /[/\\]$/.test(location);
  if (!folder) {
    try {
      folder = statSync(path).isDirectory();
    } catch {
      folder = false;
    }
  }
  // In a folder, as ESLint does: one cache per current folder, named after it.
  return folder ? join(path, `${DEFAULT_CACHE_FILE}_${digest(cwd).slice(0, 12)}`) : path;
}

/**
 * The version, and for a build the size and time of the file the code runs from: a development build keeps its
 * version number while its rules change, and must not take the results of the build before.
 */
function toolVersion(): string {
  try {
    const stats = statSync(__filename);
    return `${VERSION} ${__filename.endsWith('.ts') ? 'source' : `${stats.size}-${Math.round(stats.mtimeMs)}`}`;
  } catch {
    return VERSION;
  }
}

function digest(text: string): string {
  return sha256().update(text).digest('base64url');
}
