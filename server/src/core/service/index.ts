import picomatch from 'picomatch';
import { type AnalysisInput, type AnalysisResult, analyze, headingMatcherFor } from '../analyze';
import { defaultConfig, type ResolvedConfig } from '../config';
import { ConfigLoader } from '../config-loader';
import { decodeBytes } from '../decode';
import { type ContentReader, DEFAULT_POSTMORTEM_GLOBS, isPostmortemByPath, looksLikePostmortem } from '../detect';
import type { ParseMode } from '../incremental/parse';
import type { PostmortemModel } from '../model';
import type { AnyRule } from '../rule';
import { findingOf, needsWorkspace } from '../rule-findings';
import { trimEndWhere } from '../text';
import type { Finding } from '../types';
import { type Host, isInside, type PathOps, posixRelative } from './host';

export {
  type Host,
  isInside,
  isMarkdownFile,
  isSkippedFolder,
  MAX_WORKSPACE_FILES,
  type PathOps,
  posixRelative,
} from './host';
export { memoryHost, POSIX } from './memory-host';

/** An analysis with the time budget's verdict: `timedOut` when it was stopped (one input/not-analysed finding). */
export interface BudgetedResult extends AnalysisResult {
  timedOut?: boolean;
  /** Not analysed: a newer version of the document was asked for before this one's turn came (no findings). */
  superseded?: boolean;
  /**
   * Stopped at the budget, but going on while no other document waits (a large document's first, full analysis):
   * its result once it finished (the worker keeps the document's tree for the next version), or undefined when it
   * was stopped (another document's turn, or its own limit) or a newer version was asked for meanwhile.
   */
  late?: Promise<BudgetedResult | undefined>;
  /** How the analysis made the document's tree, when the analyser says ('unchanged': the previous version's). */
  parse?: ParseMode;
}

/**
 * Runs the rules on a text. The Node hosts pass their worker thread, which stops an analysis at the config's time
 * budget; without one, the analysis runs in the caller's thread (the browser's server worker, tests).
 */
export interface Analyser {
  analyze(
    text: string,
    config: ResolvedConfig,
    budgetMs: number | undefined,
    input: AnalysisInput,
    /** Asked when the job's turn comes: true drops it unanalysed (`superseded`), as a newer version waits. */
    superseded?: () => boolean,
  ): BudgetedResult | Promise<BudgetedResult>;
  /** The same, blocking the caller until done or stopped (the CLI, which has nothing else to do meanwhile). */
  analyzeSync?(
    text: string,
    config: ResolvedConfig,
    budgetMs: number | undefined,
    input: AnalysisInput,
  ): BudgetedResult;
}

/** Which files count as postmortems where: the one decision the CLI, the server and the views share. */
export interface DetectScope {
  /**
   * The workspace folders (the editor) or the current folder (the CLI): globs are tried on the path relative to
   * each as well as on the full path.
   */
  roots?: readonly string[];
  /** Only files inside `roots` (the editor: not the extension's own guide, not a file opened from elsewhere). */
  insideRootsOnly?: boolean;
  /** The globs that make a file a postmortem by its path (the editor's `postmortem.files`); defaults built in. */
  globs?: readonly string[];
  /** Named on the command line or `--all`: linted whatever it holds (ignores still apply to walked files). */
  explicit?: boolean;
}

export interface PostmortemServiceOptions {
  host: Host;
  /** The rule set (the composition root's registry): the core knows no rule by itself. */
  rules: readonly AnyRule[];
  analyser?: Analyser;
}

/** One document's last analysis, reused while its version, config and workspace input stay the same. */
interface CachedAnalysis {
  version: number;
  config: ResolvedConfig;
  workspace: AnalysisInput['workspace'];
  result: Promise<BudgetedResult>;
}

/**
 * The one entry to the analysis for every front end (CLI, Node server, browser server, tests), in the manner of
 * vscode-markdown-languageservice's `createLanguageService`: config lookup, "is this a postmortem", and analysis
 * cached by document version, over a small `Host`.
 */
export class PostmortemService {
  readonly host: Host;
  readonly rules: readonly AnyRule[];
  /** The rules that decide whether a text can be analysed (size, binary): with them alone, analysis builds the model. */
  readonly inputRules: readonly AnyRule[];
  readonly loader: ConfigLoader;
  private readonly analyser?: Analyser;
  private readonly cache = new Map<string, CachedAnalysis>();
  /** The newest version asked for, by document: an older one still waiting for the analyser is dropped. */
  private readonly newest = new Map<string, number>();
  private defaults?: ResolvedConfig;

  constructor(options: PostmortemServiceOptions) {
    this.host = options.host;
    this.rules = options.rules;
    this.inputRules = options.rules.filter((r) => r.phase === 'input');
    this.loader = new ConfigLoader(options.host, options.rules);
    this.analyser = options.analyser;
  }

  /** The built-in defaults (no config file). */
  defaultConfig(): ResolvedConfig {
    this.defaults ??= defaultConfig(this.rules);
    return this.defaults;
  }

  /**
   * The config for a file: the `.postmortemrc` files from its folder upwards, merged (nearest wins); for a
   * document with no path, those of `folder` (the workspace's), else the defaults. Throws ConfigError.
   */
  configFor(path: string | undefined, folder?: string): ResolvedConfig {
    if (path) return this.loader.forFile(path);
    return folder ? this.loader.forDirectory(folder) : this.defaultConfig();
  }

  /** Whether a config's `ignores` globs (each relative to its config file's folder) match a file. */
  isIgnored(config: ResolvedConfig, path: string): boolean {
    return ignoredBy(config, path, this.host.path);
  }

  /**
   * Whether a Markdown text is a postmortem to lint: named explicitly, or not ignored by the config and matching
   * the globs (on its full path or relative to a root) or its frontmatter's `type`, or by its content: its parts
   * as the rules find them (with the config's synonyms), its title, its frontmatter (see `looksLikePostmortem` in
   * core/detect.ts). An index page that links to postmortems is none.
   */
  isPostmortem(path: string | undefined, text: string, config: ResolvedConfig, scope: DetectScope = {}): boolean {
    if (scope.explicit) return true;
    const roots = scope.roots ?? [];
    const ops = this.host.path;
    if (path && scope.insideRootsOnly && roots.length > 0 && !roots.some((f) => isInside(ops, f, path))) return false;
    if (path && this.isIgnored(config, path)) return false;
    const globs = [...(scope.globs ?? DEFAULT_POSTMORTEM_GLOBS), ...config.files];
    const candidates = path
      ? [path, ...roots.filter((f) => isInside(ops, f, path)).map((f) => posixRelative(ops, f, path) || path)]
      : [undefined];
    const byPath = candidates.map((p) => isPostmortemByPath(p, text, globs));
    if (byPath.includes(true)) return true;
    if (byPath.includes(false)) return false;
    return looksLikePostmortem(text, this.contentReader(config));
  }

  /** How the content of a text is read for `isPostmortem`: the config's headings and the rules' model. */
  private contentReader(config: ResolvedConfig): ContentReader {
    return { matcher: headingMatcherFor(config), model: (text) => this.model(text, config) };
  }

  /** A file's text, decoded (UTF-8, BOM, UTF-16); undefined when it cannot be read or is not text. */
  readText(path: string): Promise<string | undefined> {
    return readText(this.host, path);
  }

  /** The model alone (the input rules decide whether the text can be taken at all; no other rule runs). */
  model(text: string, config: ResolvedConfig): PostmortemModel | undefined {
    return analyze(text, config, this.inputRules).model;
  }

  /** Every rule on a text in this thread, without the time budget. */
  analyseNow(text: string, config: ResolvedConfig, input: AnalysisInput = {}): AnalysisResult {
    return analyze(text, config, this.rules, input);
  }

  /**
   * A document's analysis (findings within the time budget, and its model), reused while `version`, the config
   * and the workspace input are unchanged: the diagnostics, the requests and the views share one analysis.
   */
  analyse(
    id: string,
    text: string,
    version: number,
    config: ResolvedConfig,
    input: AnalysisInput = {},
  ): Promise<BudgetedResult> {
    const cached = this.cache.get(id);
    if (cached && cached.version === version && cached.config === config && cached.workspace === input.workspace) {
      return cached.result;
    }
    if (version >= (this.newest.get(id) ?? Number.NEGATIVE_INFINITY)) this.newest.set(id, version);
    const result = this.analyseOnce(text, config, input, () => (this.newest.get(id) ?? version) > version);
    // A failed run is not kept: the next request tries again. One stopped at the budget is replaced by its late
    // result, when that comes.
    const entry = { version, config, workspace: input.workspace, result };
    this.cache.set(id, entry);
    result.then(
      (outcome) =>
        outcome.late?.then((late) => {
          if (late && this.cache.get(id) === entry) this.cache.set(id, { ...entry, result: Promise.resolve(late) });
        }),
      () => {
        if (this.cache.get(id) === entry) this.cache.delete(id);
      },
    );
    return result;
  }

  /** One analysis within the time budget (a closed file of "Lint Workspace"), not cached. */
  async analyseOnce(
    text: string,
    config: ResolvedConfig,
    input: AnalysisInput = {},
    superseded?: () => boolean,
  ): Promise<BudgetedResult> {
    if (!this.analyser) return this.analyseNow(text, config, input);
    const outcome = await this.analyser.analyze(text, config, undefined, input, superseded);
    // Stopped at the budget: no model (the one not-analysed finding sits at the start), and its late result, if it
    // comes, gets one. Superseded: nothing.
    if (outcome.timedOut && outcome.late) {
      const late = outcome.late.then((r) =>
        r && !superseded?.() ? { ...r, model: r.model ?? this.model(text, config) } : undefined,
      );
      return { ...outcome, late };
    }
    if (outcome.timedOut || outcome.superseded) return outcome;
    return { findings: outcome.findings, model: outcome.model ?? this.model(text, config), parse: outcome.parse };
  }

  /** One analysis within the time budget, blocking (the CLI); the model comes with it unless it was stopped. */
  analyseSync(text: string, config: ResolvedConfig, input: AnalysisInput = {}): BudgetedResult {
    if (!this.analyser?.analyzeSync) return this.analyseNow(text, config, input);
    const outcome = this.analyser.analyzeSync(text, config, undefined, input);
    if (outcome.timedOut) return outcome;
    return { findings: outcome.findings, model: outcome.model ?? this.model(text, config) };
  }

  /**
   * The finding for a file that cannot be analysed at all (not text, unreadable), from the input rule that reports
   * such files: none when the config switched it off.
   */
  notAnalysed(config: ResolvedConfig, message: string, data: Record<string, unknown>): Finding[] {
    const rule = this.inputRules[0];
    const finding = rule && findingOf(rule, config, { message: `Not analysed: ${message}`, start: 0, end: 0, data });
    return finding ? [finding] : [];
  }

  /** Whether a rule that reads the workspace's other postmortems is on: hosts index the workspace only then. */
  needsWorkspace(config: ResolvedConfig): boolean {
    return needsWorkspace(this.rules, config);
  }

  /** Forgets a document's analysis (closed). */
  forget(id: string): void {
    this.cache.delete(id);
  }

  /** A config file changed: every config and analysis is read again. */
  configChanged(): void {
    this.loader.clear();
    this.cache.clear();
  }
}

/** A Markdown file's text, decoded (UTF-8, BOM, UTF-16); undefined when it cannot be read or is not text. */
export async function readText(host: Host, path: string): Promise<string | undefined> {
  const bytes = await host.readBytes(path);
  if (!bytes) return undefined;
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded.text : undefined;
}

export function createPostmortemService(options: PostmortemServiceOptions): PostmortemService {
  return new PostmortemService(options);
}

function ignoredBy(config: ResolvedConfig, path: string, ops: PathOps): boolean {
  return config.ignores.some(({ base, pattern }) => {
    const rel = posixRelative(ops, base, path);
    if (rel.startsWith('../') || rel === '..' || ops.isAbsolute(rel)) return false;
    // "archive/" or "archive" names a folder: everything below it is ignored, as in .gitignore.
    const folder = trimEndWhere(pattern, (c) => c === '/');
    return picomatch.isMatch(rel, folder, { dot: true }) || picomatch.isMatch(rel, `${folder}/**`, { dot: true });
  });
}
