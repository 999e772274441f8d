import {
  CodeLensRefreshRequest,
  CompletionTriggerKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import SNIPPETS from '../../../snippets/postmortem.code-snippets';
import { type AnalysisResult, LineIndex, type PostmortemModel, type ResolvedConfig } from '../core';
import { taxonomyOf } from '../core/learning';
import { type BudgetedResult, isInside } from '../core/service';
import { VERSION } from '../core/version';
import { CURSOR_METHOD, type CursorParams, type SummaryParams } from '../protocol';
import { calmFindings, EMPTY_POSTMORTEM, SETTLE_MS, typedLine } from './calm';
import { codeActionsFor } from './code-actions';
import { codeLenses } from './code-lens';
import {
  INSERT_SECTIONS_COMMAND,
  insertSectionsWorkspaceEdit,
  LINT_WORKSPACE_COMMAND,
  parseInsertSectionsArgs,
  SERVER_COMMANDS,
  sectionsToInsert,
} from './commands';
import { completionsAt, TRIGGER_CHARACTERS } from './completion';
import { ConfigReporter } from './config-errors';
import { toDiagnostic } from './diagnostics';
import { applyChanges, EditMap, type Replacement, StaleView } from './edit-map';
import { foldingRanges } from './folding';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import { MILESTONE_ACTION_KIND, milestoneActions } from './milestone-actions';
import { checkParams } from './params';
import type { ServerPlatform } from './platform';
import { notPostmortemSummary, postmortemSummary, SUMMARY_METHOD } from './postmortem-view';
import { relatedRefs, rootCauseHeadingAt, withSimilarCauses } from './related';
import {
  DEFAULT_SETTINGS,
  debounceFor,
  normaliseSettings,
  RecentAnalysisTimes,
  type Settings,
  withSettingsSeverities,
} from './settings';
import {
  mapCodeAction,
  mapCodeLenses,
  mapCompletions,
  mapFoldingRanges,
  mapInlayHints,
  mapRangesDeep,
  mapSymbols,
} from './stale-answers';
import { documentSymbols } from './symbols';
import { ACTIONS_METHOD, WorkspaceActionsIndex } from './workspace-actions';
import { WorkspaceIncidents } from './workspace-incidents';
import { lintWorkspace } from './workspace-lint';

/** A small postmortem whose prose reaches every lazily loaded part of the analysis (NLP model, name lists, lexicons). */
const WARM_UP_TEXT =
  '# Warm-up\n\n## Summary\n\nAna deployed the change because the check was skipped; a careless human error that someone should have caught.\n';
/** The largest file the workspace index of related incidents reads (see postmortemModel). */
const MAX_INDEXED_CHARS = 256 * 1024;

/** The edits a document may keep for answers from an older analysis; past this, requests wait for the next one. */
const MAX_LOGGED_EDITS = 10_000;

interface Analysed {
  version: number;
  /** The text analysed: answers computed on it are moved onto the document's text now (edit-map.ts). */
  text: string;
  result: AnalysisResult;
  config: ResolvedConfig;
  /** The settings and config generation it was made with (older ones still answer until the next is done). */
  generation: number;
}

/** The edits a document received since `floor` (its oldest version still mapped from), each with its version. */
interface EditLog {
  floor: number;
  entries: { version: number; edits: Replacement[] }[];
}

/** Wires the analysis core to an LSP connection: documents in, diagnostics and code actions out. */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const { service } = platform;
  /** Each document's edits, kept from the oldest version an answer may be computed on (see `staleView`). */
  const editLogs = new Map<string, EditLog>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      editLogs.set(uri, { floor: version, entries: [] });
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      const updated = applyChanges(doc, changes, version, TextDocument.update);
      logEdits(doc.uri, version, updated.edits);
      return updated.doc;
    },
  });
  /** The last finished analysis of each document: what requests answer from (see `latest`). */
  const analysed = new Map<string, Analysed>();
  // The first analysis with prose loads the NLP model and the name lists, which on a loaded machine can take longer
  // than a document's budget: the host analyses a warm-up document first, outside any budget, so that the first
  // real one is measured on the analysis alone (documents queue behind it).
  platform.warmUp?.(WARM_UP_TEXT);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const configReporter = new ConfigReporter(connection, platform);
  let workspaceFolders: string[] = [];
  let canFollowFolders = false;
  let settings: Settings = DEFAULT_SETTINGS;
  /** The settings of each workspace folder (resource-scoped: multi-root workspaces may differ), by folder path. */
  let folderSettings = new Map<string, Settings>();
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canWatchFiles = false;
  let canUseDocumentChanges = false;
  let canShowInlayHints = false;
  let canShowDisabledActions = false;
  let canRefreshCodeLens = false;
  let canRefreshInlayHints = false;
  /** What `postmortem/actions` read from disk, kept until the file changes. */
  const workspaceActions = new WorkspaceActionsIndex();
  /** The workspace's postmortems for learning/repeat-incident, related incidents and the root-cause hover. */
  const incidents = new WorkspaceIncidents({
    get folders() {
      return workspaceFolders;
    },
    files: platform,
    analyse: (path, text) => postmortemModel(path, text),
    taxonomyFor: (path) => taxonomyOf(configFor(path)),
    isOpen: (uri) => documents.get(uri) !== undefined,
    // The workspace's postmortems were read: open documents are analysed again against them (repeat incidents).
    refreshed: () => reanalyseAll(),
  });
  /** Closed files whose diagnostics "Lint Workspace" published: closing them again must not clear those. */
  const workspaceLinted = new Set<string>();
  /** The client's initializationOptions, for the host (`connect`). */
  let initializationOptions: unknown;
  /** While the host connects to the client (see ServerPlatform.connect): analyses wait for it. */
  let hostReady: Promise<void> | undefined;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canUseDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    canShowInlayHints = !!caps.textDocument?.inlayHint;
    canShowDisabledActions = !!caps.textDocument?.codeAction?.disabledSupport;
    canRefreshCodeLens = !!caps.workspace?.codeLens?.refreshSupport;
    canRefreshInlayHints = !!caps.workspace?.inlayHint?.refreshSupport;
    canFollowFolders = !!caps.workspace?.workspaceFolders;
    workspaceFolders = folderPaths((params.workspaceFolders ?? []).map((f) => f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = folderPaths([params.rootUri]);
    initializationOptions = params.initializationOptions;
    const options = params.initializationOptions as
      | { settings?: unknown; trusted?: boolean; outline?: boolean }
      | undefined;
    configReporter.trusted = options?.trusted !== false;
    const initial = options?.settings;
    // A client with an outline of its own asks for none: two trees flip the breadcrumb (see client/src/extension.ts).
    const outline = options?.outline !== false;
    if (initial) settings = normaliseSettings(initial);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', MILESTONE_ACTION_KIND] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentSymbolProvider: outline ? { label: 'Postmortem' } : undefined,
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        // Only files inside the workspace folders are analysed: follow the folders as they are added or removed.
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'postmortem', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    // Before anything else: documents opened from now on are analysed once the host has read the config files.
    if (platform.connect) {
      const connecting = platform
        .connect({
          options: initializationOptions,
          folders: workspaceFolders,
          sendRequest: (method, params) => connection.sendRequest(method, params),
          changed: () => filesChanged(),
        })
        .catch(() => undefined)
        .finally(() => {
          if (hostReady === connecting) hostReady = undefined;
        });
      hostReady = connecting;
    }
    if (canRegisterConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
    }
    if (canWatchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.postmortemrc{.json,.yaml,.yml}' }],
      });
    }
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(folderPaths(e.removed.map((f) => f.uri)));
        workspaceFolders = [
          ...workspaceFolders.filter((f) => !removed.has(f)),
          ...folderPaths(e.added.map((f) => f.uri)),
        ];
        reanalyseAll();
      });
    }
    await refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (canPullConfiguration) {
      try {
        // One request: the window's settings, then each folder's (asked with its scopeUri).
        const folders = [...workspaceFolders];
        const values: unknown[] = await connection.workspace.getConfiguration([
          { section: 'postmortem' },
          ...folders.map((f) => ({ scopeUri: platform.uriOf(f), section: 'postmortem' })),
        ]);
        settings = normaliseSettings(values[0]);
        folderSettings = new Map(folders.map((f, i) => [f, normaliseSettings(values[i + 1] ?? values[0])]));
      } catch {
        settings = DEFAULT_SETTINGS;
        folderSettings = new Map();
      }
    }
    reanalyseAll();
  }

  /**
   * Settings or config changed: every open document's analysis is stale although its version is not. Requests keep
   * answering from it until the new one is done.
   */
  function reanalyseAll(): void {
    running.clear();
    configGeneration++;
    for (const doc of documents.all()) schedule(doc, 0);
  }

  /**
   * The config or settings changed: what is a postmortem, and so the code lenses and inlay hints shown, may have
   * too. Only on a real change: a code lens refresh while VS Code starts up made its first code action request
   * come back empty.
   */
  function refreshEditorExtras(): void {
    workspaceActions.clear();
    incidents.markStale(true);
    if (canRefreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onDidChangeConfiguration(async (change) => {
    const before = JSON.stringify([settings, [...folderSettings]]);
    if (!canPullConfiguration) {
      const pushed = (change.settings as { postmortem?: unknown } | undefined)?.postmortem;
      settings = normaliseSettings(pushed);
    }
    await refreshSettings();
    // VS Code sends the settings it started with right after start-up: that changes nothing shown.
    if (JSON.stringify([settings, [...folderSettings]]) !== before) refreshEditorExtras();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // A host whose files are the client's reads the changed config files first.
    if (!platform.filesChanged) return filesChanged();
    void platform
      .filesChanged(params.changes.map((c) => c.uri))
      .catch(() => undefined)
      .then(filesChanged);
  });

  /** Config files (or the workspace's files) changed: every config, analysis and workspace index is stale. */
  function filesChanged(): void {
    service.configChanged();
    incidents.markStale();
    reanalyseAll();
    refreshEditorExtras();
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    const { debounceMs } = settingsFor(filePath(e.document.uri));
    schedule(e.document, debounceFor(debounceMs, analysisMs.get(e.document.uri)?.typical()));
    wakeWaiters(e.document.uri);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analysed.delete(e.document.uri);
    analysisMs.delete(e.document.uri);
    publishedText.delete(e.document.uri);
    editLogs.delete(e.document.uri);
    cursors.delete(e.document.uri);
    service.forget(e.document.uri);
    clearTimeout(held.get(e.document.uri)?.timer);
    held.delete(e.document.uri);
    wakeWaiters(e.document.uri);
    // Its record came from the editor: read it from disk again (or drop it, when it was never saved).
    incidents.update(e.document.uri, undefined);
    incidents.markStale(false);
    if (workspaceLinted.has(e.document.uri)) {
      // Its Problems came from "Lint Workspace": show what is on disk now instead of clearing them.
      const path = filePath(e.document.uri);
      if (path) void lintFiles([path]);
      return;
    }
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void validate(current);
      }, delay),
    );
  }

  function filePath(uri: string): string | undefined {
    return platform.pathOf(uri);
  }

  function folderPaths(uris: readonly string[]): string[] {
    return uris.map((u) => platform.pathOf(u)).filter((p): p is string => p !== undefined);
  }

  function configFor(path: string | undefined): ResolvedConfig {
    return withSettingsSeverities(configReporter.resolve(path, workspaceFolders[0]), settingsFor(path).rules);
  }

  /** The settings of the workspace folder holding a file (the innermost one), else the window's. */
  function settingsFor(path: string | undefined): Settings {
    const folder = path
      ? workspaceFolders.filter((f) => isInside(platform.host.path, f, path)).sort((a, b) => b.length - a.length)[0]
      : undefined;
    return (folder && folderSettings.get(folder)) || settings;
  }

  /** The one decision the CLI shares (see PostmortemService.isPostmortem): the workspace's own files, by the settings' globs. */
  function isPostmortemDocument(text: string, path: string | undefined, config: ResolvedConfig): boolean {
    return service.isPostmortem(path, text, config, {
      roots: workspaceFolders,
      insideRootsOnly: true,
      globs: settingsFor(path).files,
    });
  }

  /** Analyses running, by document: each version is analysed once, whoever asks (publishing, a first request). */
  let configGeneration = 0;
  const running = new Map<string, { version: number; done: Promise<Analysed | undefined> }>();
  /** How long each open document's recent analyses took (for the debounce of its next edit). */
  const analysisMs = new Map<string, RecentAnalysisTimes>();

  /** A line in the trace (`$/logTrace`, when the client turned tracing on): what was analysed and published. */
  function trace(message: string): void {
    connection.tracer.log(message);
  }

  /**
   * Analyses `doc` at its current version (reusing the analysis of that version, or the one running for it) without
   * publishing anything: undefined when it is not a postmortem, or when it was edited (or the config changed) while
   * the analysis ran. The rules run in the analysis worker, within the time budget; the model the editor features
   * need is built in this thread from the previous version's (see IncrementalModels).
   */
  function analyseNow(doc: TextDocument): Promise<Analysed | undefined> {
    const cached = analysed.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === configGeneration) {
      return Promise.resolve(cached);
    }
    const pending = running.get(doc.uri);
    if (pending && pending.version === doc.version) return pending.done;
    const done = analyseInWorker(doc).finally(() => {
      if (running.get(doc.uri)?.done === done) running.delete(doc.uri);
    });
    running.set(doc.uri, { version: doc.version, done });
    return done;
  }

  async function analyseInWorker(doc: TextDocument): Promise<Analysed | undefined> {
    if (hostReady) await hostReady;
    const path = filePath(doc.uri);
    const config = configFor(path);
    const text = (doc.getText() as string | null) ?? '';
    if (!isPostmortemDocument(text, path, config)) return undefined;
    const { version } = doc;
    const generation = configGeneration;
    // The index as it is: the first analyses do not wait for the workspace's files to be read (see `refreshed`).
    const workspace = service.needsWorkspace(config) ? incidents.current() : undefined;
    const input = workspace ? { workspace: workspace.workspace(), documentId: doc.uri } : { documentId: doc.uri };
    const started = performance.now();
    const result: BudgetedResult = await service.analyse(doc.uri, text, version, config, input);
    if (result.superseded) {
      trace(`${doc.uri} v${version}: not analysed, a newer version was asked for`);
      return undefined;
    }
    if (!documents.get(doc.uri)) return undefined;
    const kept = analysed.get(doc.uri);
    if (kept && (kept.version > version || (kept.version === version && kept.generation > generation))) {
      return undefined;
    }
    const ms = performance.now() - started;
    if (kept?.result !== result) trace(`analysed ${doc.uri} v${version} in ${Math.round(ms)} ms`);
    const times = analysisMs.get(doc.uri) ?? new RecentAnalysisTimes();
    times.add(ms);
    analysisMs.set(doc.uri, times);
    // Kept even when the document was edited meanwhile: requests answer from the newest analysis that is done (its
    // model is the one the next is built from, see IncrementalModels), moved onto the text now.
    const entry: Analysed = { version, text, result, config, generation };
    analysed.set(doc.uri, entry);
    if (result.late) adoptLate(doc.uri, entry, result.late);
    trimEdits(doc.uri);
    if (result.model) incidents.update(doc.uri, result.model, taxonomyOf(config));
    // Edited meanwhile, or the config changed: a newer analysis is scheduled, and it publishes.
    if (documents.get(doc.uri)?.version !== version || generation !== configGeneration) return undefined;
    return entry;
  }

  /**
   * A document stopped at the budget whose analysis went on in the worker (a large document's first, full parse):
   * its findings, once they come, are this version's analysis, published as any other.
   */
  function adoptLate(uri: string, entry: Analysed, late: Promise<BudgetedResult | undefined>): void {
    void late.then((result) => {
      const doc = documents.get(uri);
      if (!result || !doc || analysed.get(uri) !== entry || doc.version !== entry.version) return;
      if (entry.generation !== configGeneration) return;
      trace(`${uri} v${entry.version}: its analysis finished past the budget`);
      analysed.set(uri, { ...entry, result });
      if (result.model) incidents.update(uri, result.model, taxonomyOf(entry.config));
      void validate(doc, 'its analysis finished past the budget');
    });
  }

  /** The text last published in full per document: an edit is compared with it to find the line being typed. */
  const publishedText = new Map<string, string>();
  /** The findings held back on the line being typed, by document, until the author pauses or leaves the line. */
  const held = new Map<string, { version: number; line: number; timer: ReturnType<typeof setTimeout> }>();
  /** Where the author's cursor is (`postmortem/cursor`, from clients that send it), by document. */
  const cursors = new Map<string, { version: number; line: number }>();

  /** `settled`: why the held findings show now (the author paused, or left the line), else undefined. */
  function validate(doc: TextDocument, settled?: string): Promise<void> {
    clearTimeout(held.get(doc.uri)?.timer);
    held.delete(doc.uri);
    return publish(doc, settled)
      .catch((e: unknown) => {
        // Whatever a document holds, the server stays up: say what failed, keep serving the others.
        connection.console.error(`Postmortem: ${doc.uri} could not be analysed: ${(e as Error)?.stack ?? e}`);
      })
      .finally(() => wakeWaiters(doc.uri));
  }

  function send(uri: string, version: number, diagnostics: Diagnostic[], why: string): void {
    // Traced first: a client reading both sees the reason before the diagnostics.
    trace(`published ${uri} v${version}: ${diagnostics.length} diagnostic(s), ${why}`);
    connection.sendDiagnostics({ uri, version, diagnostics });
  }

  async function publish(doc: TextDocument, settled: string | undefined): Promise<void> {
    const { version } = doc;
    const generation = configGeneration;
    const entry = await analyseNow(doc);
    // Edited (or closed) meanwhile, or the config changed: the newer analysis is scheduled and publishes its own.
    if (documents.get(doc.uri)?.version !== version || generation !== configGeneration) return;
    if (!entry) {
      publishedText.delete(doc.uri);
      if (analysed.delete(doc.uri)) connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      else connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
      return;
    }
    const { result } = entry;
    const text = (doc.getText() as string | null) ?? '';
    if (text.trim() === '') {
      publishedText.set(doc.uri, text);
      send(doc.uri, version, [EMPTY_POSTMORTEM], 'empty');
      return;
    }
    // Without a model (input not analysed) every finding sits at offset 0.
    const lines = result.model?.lines ?? new LineIndex('');
    const typed = settled ? undefined : typedLine(publishedText.get(doc.uri), text, lines);
    // The author has already left the line (a client that says where the cursor is): nothing to hold.
    const cursor = cursors.get(doc.uri);
    const line = typed !== undefined && cursor?.version === version && cursor.line !== typed ? undefined : typed;
    const shown = calmFindings(result.findings, lines, line);
    if (line !== undefined) {
      // The line being typed shows its findings once the author pauses or leaves it (or an edit elsewhere comes first).
      const timer = setTimeout(() => {
        held.delete(doc.uri);
        const now = documents.get(doc.uri);
        if (now && now.version === version) void validate(now, 'the author paused');
      }, SETTLE_MS);
      held.set(doc.uri, { version, line, timer });
    } else {
      publishedText.set(doc.uri, text);
    }
    const diagnostics = shown.map((f) => toDiagnostic(f, lines));
    const why = `analysis of v${version}${line === undefined ? '' : `, line ${line} held`}${settled ? `, ${settled}` : ''}`;
    send(doc.uri, version, diagnostics, why);
  }

  function logEdits(uri: string, version: number, edits: Replacement[]): void {
    const log = editLogs.get(uri);
    if (!log) return;
    log.entries.push({ version, edits });
    // Past the limit nothing older is mapped: requests wait for the next analysis instead.
    if (log.entries.length > MAX_LOGGED_EDITS) editLogs.set(uri, { floor: version, entries: [] });
  }

  /** Forgets the edits no answer is computed before any more: those up to the version last analysed. */
  function trimEdits(uri: string): void {
    const log = editLogs.get(uri);
    const floor = analysed.get(uri)?.version;
    if (!log || floor === undefined || floor <= log.floor) return;
    log.floor = floor;
    log.entries = log.entries.filter((e) => e.version > floor);
  }

  /** The edits from version `from` to version `to` of a document; undefined when they are no longer all known. */
  function editsSince(uri: string, from: number, to: number): EditMap | undefined {
    const log = editLogs.get(uri);
    if (!log || from < log.floor) return undefined;
    return new EditMap(log.entries.filter((e) => e.version > from && e.version <= to).flatMap((e) => e.edits));
  }

  /**
   * What a request answers from, without waiting (issue 11): the last finished analysis, and when it is of an older
   * version, the view that moves its answer onto the text now (stale-answers.ts says how each kind moves). A
   * document with no finished analysis yet (just opened) waits for the one analysis of its version.
   */
  async function latest(
    uri: string,
    what = 'a request',
  ): Promise<{ doc: TextDocument; entry: Analysed; view?: StaleView } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const entry = analysed.get(uri);
    if (entry?.version === doc.version) return { doc, entry };
    const edits = entry && editsSince(uri, entry.version, doc.version);
    if (!entry || !edits) return current(uri);
    trace(`${what} on ${uri} v${doc.version}: from the analysis of v${entry.version}, moved onto the text now`);
    // Not analysed (over the budget): no model, and only the one finding at the start, but its positions move too.
    const lines = entry.result.model?.lines ?? new LineIndex(entry.text);
    return { doc, entry, view: new StaleView(lines, edits, doc) };
  }

  /**
   * The analysis of an open postmortem at its current version. When the debounce has not run yet it analyses now
   * (the one analysis of that version: publishing reuses it), but publishes nothing: the Problems panel waits for
   * the author's pause (calm while typing).
   */
  async function current(uri: string): Promise<{ doc: TextDocument; entry: Analysed } | undefined> {
    // An analysis dropped because the config (or the workspace index) changed while it ran, or because the
    // document was edited meanwhile, is asked for again: the request gets the current state, not nothing.
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const generation = configGeneration;
      const entry = await analyseNow(doc);
      if (entry && entry.version === doc.version) return { doc, entry };
      if (generation === configGeneration && documents.get(uri)?.version === doc.version) return undefined;
    }
    return undefined;
  }

  /** Whether no edit since the analysed text reached the lines `from`…`to` of the document now. */
  function linesUntouched(view: StaleView, doc: TextDocument, from: number, to: number): boolean {
    const start = doc.offsetAt({ line: from, character: 0 });
    const end = doc.offsetAt({ line: to + 1, character: 0 });
    const first = view.edits.back(start);
    if (first === undefined) return false;
    if (end > start && view.edits.back(end - 1) !== first + (end - 1 - start)) return false;
    return view.edits.range(first, first + (end - start), 'apart') !== undefined;
  }

  /** Callers waiting for the analysis of a document's version (see `scheduled`). */
  const waiters = new Map<string, { version: number; wake: () => void }[]>();

  /**
   * Waits for the analysis the debounce has scheduled (or that runs) for the document's current version, without
   * starting one: a request on the lines being edited answers from their text now, and typing never makes a
   * version be analysed before its debounce (nor twice). Resolves when that analysis is done, or when the document
   * has moved past that version (the request then answers from the latest analysis); starts the analysis only when
   * none is scheduled.
   */
  async function scheduled(uri: string): Promise<{ doc: TextDocument; entry: Analysed; view?: StaleView } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const { version } = doc;
    if (!timers.has(uri) && running.get(uri)?.version !== version && !isCurrent(uri, version)) return current(uri);
    if (!isCurrent(uri, version)) {
      await new Promise<void>((wake) => {
        const list = waiters.get(uri) ?? [];
        list.push({ version, wake });
        waiters.set(uri, list);
      });
    }
    return latest(uri);
  }

  function isCurrent(uri: string, version: number): boolean {
    const entry = analysed.get(uri);
    return entry !== undefined && entry.version >= version && entry.generation === configGeneration;
  }

  /** Wakes the callers of `scheduled` whose version is analysed, no longer current, or whose document closed. */
  function wakeWaiters(uri: string): void {
    const list = waiters.get(uri);
    if (!list) return;
    const doc = documents.get(uri);
    const pending = timers.has(uri) || (doc !== undefined && running.get(uri)?.version === doc.version);
    const keep = list.filter((w) => {
      const done = !doc || doc.version > w.version || isCurrent(uri, w.version) || !pending;
      if (done) w.wake();
      return !done;
    });
    if (keep.length > 0) waiters.set(uri, keep);
    else waiters.delete(uri);
  }

  // postmortem/cursor: the author left the line whose findings are held; they show at once.
  connection.onNotification(CURSOR_METHOD, (params: CursorParams) => {
    const uri = params?.textDocument?.uri;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !Number.isInteger(params.line)) return;
    const version = typeof params.textDocument.version === 'number' ? params.textDocument.version : doc.version;
    cursors.set(doc.uri, { version, line: params.line });
    const waiting = held.get(doc.uri);
    if (waiting && waiting.version === doc.version && version === doc.version && waiting.line !== params.line) {
      void validate(doc, `the author left line ${waiting.line}`);
    }
  });

  connection.onCodeAction(async (params) => {
    checkParams(params, { range: params.range });
    // Code actions change the text, and whether one applies can depend on any part of the document ("Mark as
    // detection" is disabled once another entry is marked): they wait for the analysis of the text now, the one
    // the debounce has scheduled (never started here, so typing never makes a version be analysed twice).
    let found = await scheduled(params.textDocument.uri);
    for (let round = 0; found?.view && round < 3; round++) found = await scheduled(params.textDocument.uri);
    if (!found) return [];
    const { doc, entry, view } = found;
    const { only } = params.context;
    const range = view ? view.backRange(params.range) : params.range;
    const actions = [
      ...codeActionsFor(doc.uri, entry.result, range, canUseDocumentChanges ? entry.version : undefined, platform),
      ...milestoneActions(doc.uri, entry.result, range, { disabledSupport: canShowDisabledActions, only }),
    ];
    // Still computed on an older text (the author kept typing while it waited): each action moves onto the text
    // now, or is left out when an edit reached it; none applies an edit computed on text that has changed since.
    return view ? actions.flatMap((a) => mapCodeAction(a, doc.uri, doc.version, view) ?? []) : actions;
  });

  connection.onCodeLens(async (params) => {
    checkParams(params);
    const found = await latest(params.textDocument.uri, 'codeLens');
    if (!found) return [];
    const lenses = codeLenses(found.entry.result, { milestoneLenses: !canShowInlayHints, config: found.entry.config });
    return found.view ? mapCodeLenses(lenses, found.view) : lenses;
  });

  connection.languages.inlayHint.on(async (params) => {
    checkParams(params, { range: params.range });
    const found = await latest(params.textDocument.uri, 'inlayHint');
    if (!found) return [];
    const { view } = found;
    const hints = inlayHints(found.entry.result, view ? view.backRange(params.range) : params.range);
    return view ? mapInlayHints(hints, view) : hints;
  });

  connection.onDocumentSymbol(async (params) => {
    checkParams(params);
    const found = await latest(params.textDocument.uri, 'documentSymbol');
    if (!found) return [];
    const symbols = documentSymbols(found.entry.result);
    return found.view ? mapSymbols(symbols, found.view) : symbols;
  });

  connection.onFoldingRanges(async (params) => {
    checkParams(params);
    const found = await latest(params.textDocument.uri, 'foldingRange');
    if (!found) return [];
    const ranges = foldingRanges(found.entry.result);
    return found.view ? mapFoldingRanges(ranges, found.view) : ranges;
  });

  connection.onHover(async (params) => {
    checkParams(params, { position: params.position });
    const found = await latest(params.textDocument.uri, 'hover');
    const model = found?.entry.result.model;
    if (!found || !model) return null;
    const { doc, entry, view } = found;
    const now = doc.offsetAt(params.position);
    // On text typed since the analysis there is nothing to say yet.
    const offset = view ? view.edits.back(now) : now;
    if (offset === undefined) return null;
    const hover = hoverAt(entry.result, offset, service.rules, entry.config.required);
    const heading = rootCauseHeadingAt(model, offset);
    let answer = hover;
    if (heading) {
      await incidents.ready();
      // A newer analysis meanwhile has built its model from this one's tree (see IncrementalModels): this model no
      // longer describes its text, so the similar causes are left for the next hover.
      if (analysed.get(doc.uri) === entry) {
        answer = withSimilarCauses(hover, incidents.similarCauses(doc.uri, model), model.lines, heading);
      }
    }
    if (!view || !answer?.range) return answer;
    const range = view.range(answer.range, 'clip');
    return range ? { ...answer, range } : null;
  });

  // The whole-postmortem templates are offered in an empty postmortem (see section-snippets.ts).
  const templates = Object.values(SNIPPETS).filter((s) => s.prefix.startsWith('postmortem'));
  connection.onCompletion(async (params) => {
    checkParams(params, { position: params.position });
    const invoked = params.context?.triggerKind === CompletionTriggerKind.Invoked;
    const options = { templates, invoked };
    const found = await latest(params.textDocument.uri, 'completion');
    if (!found) return [];
    const { line } = params.position;
    // Completion reads the line at the cursor: from an older analysis only when no edit since reached that line,
    // else from the analysis of the text now, which the debounce has scheduled.
    let answer =
      found.view && !linesUntouched(found.view, found.doc, line, line) ? await scheduled(found.doc.uri) : found;
    // Woken without an analysis of the text now (it was dropped, or the config changed meanwhile): analyse it now
    // rather than answer nothing, which VS Code shows as word suggestions only.
    if (answer?.view && !linesUntouched(answer.view, answer.doc, line, line)) answer = await current(found.doc.uri);
    if (!answer) return [];
    const { view } = answer;
    const at = view ? view.back(params.position) : params.position;
    if (!at || (view && !linesUntouched(view, answer.doc, line, line))) return [];
    const list = completionsAt(answer.entry.result, at, answer.entry.config.required, options);
    return view ? mapCompletions(list, view) : list;
  });

  connection.onRequest(SUMMARY_METHOD, async (params: SummaryParams) => {
    const doc = documents.get(params.textDocument.uri);
    const found = await latest(params.textDocument.uri, 'summary');
    if (!doc || !found) return notPostmortemSummary(params.textDocument.uri, doc?.version ?? 0);
    const { entry, view } = found;
    const computed = postmortemSummary(doc.uri, found.doc.version, entry.result, entry.config.required, entry.config);
    // The ranges (where "reveal" goes) move onto the text now; `version` says which text that is.
    const summary = view ? mapRangesDeep(computed, view) : computed;
    if (entry.result.model) {
      await incidents.ready();
      // The latest model: a newer analysis meanwhile has built its own from this one's tree (IncrementalModels).
      const model = analysed.get(doc.uri)?.result.model;
      if (model) summary.related = relatedRefs(incidents.related(doc.uri, model), workspaceFolders, platform);
    }
    return summary;
  });

  connection.onRequest(ACTIONS_METHOD, () =>
    workspaceActions.collect({
      folders: workspaceFolders,
      files: platform,
      openModel: (uri) => {
        const doc = documents.get(uri);
        if (!doc) return undefined;
        // The cached analysis if it is current; else analyse now, without publishing (no diagnostics round trip).
        const cached = analysed.get(uri);
        if (cached && cached.version === doc.version) return { model: cached.result.model };
        const path = filePath(uri);
        return { model: path ? postmortemModel(path, doc.getText()) : undefined };
      },
      analyse: postmortemModel,
    }),
  );

  /** The model of a file's text when it is a postmortem; only the input rules run (the model is what is needed). */
  function postmortemModel(path: string, text: string): PostmortemModel | undefined {
    // Read in the server's own thread, between other work: a file too large to parse in a moment is left out of the
    // index (a postmortem is rarely over a few dozen kB) rather than hold the open documents behind it.
    if (text.length > MAX_INDEXED_CHARS) return undefined;
    const config = configFor(path);
    if (!isPostmortemDocument(text, path, config)) return undefined;
    return service.model(text, config);
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command === INSERT_SECTIONS_COMMAND) {
      const args = parseInsertSectionsArgs(params.arguments?.[0]);
      const found = args && (await current(args.uri));
      if (!args || !found) return { applied: false, inserted: [] };
      const kinds = sectionsToInsert(found.entry.result, args.kinds, found.entry.config.required);
      const edit = insertSectionsWorkspaceEdit(
        args.uri,
        found.doc.version,
        found.entry.result,
        kinds,
        canUseDocumentChanges,
      );
      if (!edit) return { applied: true, inserted: [] };
      const response = await connection.workspace.applyEdit({ label: 'Insert missing sections', edit });
      return { applied: response.applied, inserted: response.applied ? kinds : [] };
    }
    if (params.command === LINT_WORKSPACE_COMMAND) return lintFiles();
    return null;
  });

  /** Lints the given files, or every Markdown file of the workspace, and publishes for those not open. */
  async function lintFiles(only?: string[]) {
    const result = await lintWorkspace({
      folders: only ? [] : workspaceFolders,
      files: platform,
      only,
      openText: (uri) => documents.get(uri)?.getText(),
      // Through the analysis worker, each file within its budget: one file can hold neither the server nor the rest.
      lint: async (path, text) => {
        const config = configFor(path);
        if (!isPostmortemDocument(text, path, config)) return undefined;
        const outcome = await service.analyseOnce(text, config);
        // Stopped at the budget: the one not-analysed finding sits at the start.
        const lines = new LineIndex(outcome.timedOut ? '' : text);
        return outcome.findings.map((f) => toDiagnostic(f, lines));
      },
      publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
    });
    for (const uri of result.published) workspaceLinted.add(uri);
    return result;
  }

  documents.listen(connection);
  connection.listen();
}
