// How a lint run gets each file's result: from the cache (--cache, lint-cache.ts) when the file, its config and
// the tool are unchanged, else by linting it, in this thread (--concurrency 1) or in the lint pool (lint-pool.ts).
// The same goes for the incident records of the workspace index, built before linting. Results keep the order of
// the files, so that the output is the same whatever the concurrency and whatever came from the cache.
import { readFileSync } from 'node:fs';
import { decodeBytes, LineIndex } from '../core';
import { digestOf, type IncidentRecord, incidentRecord, taxonomyOf } from '../core/learning';
import type { Target } from './files';
import type { FileResult, Linter } from './lint';
import { LintCache, workspaceKey } from './lint-cache';
import { LintPool, type PoolSetup, workersFor } from './lint-pool';

export interface EngineOptions {
  /** Workers of the lint pool; 1: lint in this thread. */
  concurrency: number;
  /** --cache, with --cache-location when given. */
  cache?: { location?: string };
}

/** What a run did (`postmortem lint --debug` prints it). */
export interface LintStats {
  /** Files whose result was asked for. */
  files: number;
  /** Of those, the results taken from the cache, and the files linted. */
  fromCache: number;
  linted: number;
  /** Incident records of the workspace index taken from the cache, and built. */
  recordsFromCache: number;
  recordsBuilt: number;
  /** Worker threads of the lint pool started (0: everything ran in this thread). */
  workers: number;
  /** The cache file, with --cache. */
  cacheFile?: string;
}

export class LintEngine {
  private pool?: LintPool;
  private readonly cache?: LintCache;
  /** With --cache: the bytes of files whose record came from the cache, read once for the hash and the report. */
  private readonly read = new Map<string, Uint8Array>();
  private readonly stats: LintStats = {
    files: 0,
    fromCache: 0,
    linted: 0,
    recordsFromCache: 0,
    recordsBuilt: 0,
    workers: 0,
  };

  constructor(
    private readonly linter: Linter,
    private readonly setup: PoolSetup,
    private readonly options: EngineOptions,
  ) {
    if (options.cache) this.cache = new LintCache(setup.cwd, options.cache.location);
  }

  /** Indexes the workspace's postmortems among `targets` (Linter.indexWorkspace, records from the cache or the pool). */
  async index(targets: readonly Target[]): Promise<void> {
    const records: (IncidentRecord | undefined)[] = new Array(targets.length);
    const missing: number[] = [];
    targets.forEach((target, i) => {
      const bytes = this.cache && readOrUndefined(target.path);
      if (bytes) this.cache?.hashOf(target.path, bytes);
      const cached = this.cache?.record(target.path, this.keyOf(target));
      if (cached === undefined) missing.push(i);
      else records[i] = cached ?? undefined;
      // Unchanged: its lint result will come from the cache too, which needs the text (a changed file is linted).
      if (cached !== undefined && bytes) this.read.set(target.path, bytes);
    });
    const todo = missing.map((i) => targets[i]);
    const built = this.usePool(todo.length)
      ? await this.poolFor().records(todo)
      : todo.map((target) => this.linter.recordOf(target));
    missing.forEach((i, k) => {
      records[i] = built[k];
      this.cache?.setRecord(targets[i].path, this.keyOf(targets[i]), built[k]);
    });
    this.stats.recordsFromCache += targets.length - todo.length;
    this.stats.recordsBuilt += todo.length;
    if (this.setup.related) {
      this.linter.useIndex(records);
    } else {
      // The analysis reads the records' digests only: the search index (for related postmortems) is not built.
      this.linter.workspaceInput = { incidents: records.filter((r) => r !== undefined).map(digestOf) };
    }
    this.pool?.setWorkspace(this.linter.analysisWorkspace());
  }

  /** Each file's result, in the order of `targets`. */
  async lint(targets: readonly Target[]): Promise<FileResult[]> {
    const results: FileResult[] = new Array(targets.length);
    const missing: number[] = [];
    const workspace = workspaceKey(this.linter.analysisWorkspace(), !!this.setup.related);
    targets.forEach((target, i) => {
      const cached = this.cache && this.fromCache(this.cache, target, workspace);
      if (cached) results[i] = cached;
      else missing.push(i);
    });
    const todo = missing.map((i) => targets[i]);
    const linted = this.usePool(todo.length)
      ? await this.poolFor().lint(todo)
      : todo.map((target) => this.withoutModel(this.linter.lintFile(target)));
    missing.forEach((i, k) => {
      results[i] = linted[k];
      this.cache?.setResult(targets[i].path, this.keyOf(targets[i]), workspace, linted[k]);
    });
    this.read.clear();
    this.stats.files += targets.length;
    this.stats.fromCache += targets.length - todo.length;
    this.stats.linted += todo.length;
    return results;
  }

  /** Stops the pool and writes the cache. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.cache?.save();
  }

  /** What the run did so far. */
  statistics(): LintStats {
    return { ...this.stats, workers: this.pool?.started ?? 0, cacheFile: this.cache?.file };
  }

  /**
   * A file's cached result, as lintFile would give it: the text is read again (it is not kept in the cache). With
   * --fix, a file whose findings have a safe fix is linted again (and fixed), never taken from the cache.
   */
  private fromCache(cache: LintCache, target: Target, workspace: string): FileResult | undefined {
    const bytes = this.read.get(target.path) ?? readOrUndefined(target.path);
    this.read.delete(target.path);
    if (!bytes) return undefined;
    cache.hashOf(target.path, bytes);
    const sent = cache.result(target.path, this.keyOf(target), workspace);
    if (!sent) return undefined;
    if (this.setup.fix && sent.findings.some((f) => f.fixes?.some((fix) => fix.safe))) return undefined;
    const decoded = decodeBytes(bytes);
    const text = decoded.ok ? decoded.text : '';
    return { ...sent, text, allFindings: sent.findings, lines: new LineIndex(text) };
  }

  /**
   * A result linted in this thread as the lint pool sends one: without the model (and its syntax tree), which a run
   * over many files would otherwise hold for every file until the report; the related list is found from the
   * record (with the result in the cache too).
   */
  private withoutModel(result: FileResult): FileResult {
    const { model, ...rest } = result;
    if (model && this.setup.related && !rest.record) {
      rest.record = incidentRecord(model, result.path, taxonomyOf(this.linter.configFor(result.path)));
    }
    return rest;
  }

  private keyOf(target: Target): string {
    const config = this.linter.configFor(target.path);
    return (this.cache as LintCache).keyOf(config, {
      explicit: target.explicit,
      all: this.setup.all,
      templateText: this.setup.templateText ?? 'error',
      cwd: this.setup.cwd,
    });
  }

  /** The pool works when the files are worth two workers (see workersFor), or has started; else they are linted here. */
  private usePool(files: number): boolean {
    return files > 0 && (this.pool !== undefined || workersFor(files, this.options.concurrency) > 1);
  }

  private poolFor(): LintPool {
    this.pool ??= new LintPool(this.options.concurrency, this.setup, {
      timedOut: (target, budgetMs) => this.linter.timedOutResult(target, budgetMs),
      lintHere: (target) => this.linter.lintFile(target),
      recordHere: (target) => this.linter.recordOf(target),
    });
    // The workspace indexed before the pool was needed (its records all came from the cache).
    const workspace = this.linter.analysisWorkspace();
    if (workspace) this.pool.setWorkspace(workspace);
    return this.pool;
  }
}

function readOrUndefined(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
