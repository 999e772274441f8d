import { CONFIG_FILE_NAMES } from '../core';
import {
  type Host,
  isMarkdownFile,
  isSkippedFolder,
  MAX_WORKSPACE_FILES,
  memoryHost,
  POSIX,
  posixRelative,
} from '../core/service';
import type { ClientLink } from '../lsp/platform';
import {
  type FileContent,
  type FileParams,
  type FileStat,
  fromBase64,
  LIST_FILES_METHOD,
  type ListFilesParams,
  type ListFilesResult,
  READ_FILE_METHOD,
  STAT_FILE_METHOD,
  WORKSPACE_FILES_OPTION,
} from '../protocol';
import type { UriMapping } from './files';

/** How long analyses wait for the config files at start; past it they start with the defaults (and run again). */
const CONFIG_WAIT_MS = 5000;
/** How long one request to the client may take (github.dev reads through the network). */
const REQUEST_LIMIT_MS = 30_000;
/** Other files a config lookup reads (what `extends` names), fetched after the first miss: at most this many. */
const MAX_LATE_FILES = 100;

const MARKDOWN_GLOB = '**/*.{md,markdown,mdx}';
const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
const SKIPPED_GLOB = '{**/node_modules/**,**/.*/**}';

/**
 * The browser server's host: the workspace's files as the client reads them (protocol/files.ts: the web client
 * answers with vscode.workspace.findFiles and vscode.workspace.fs), so that Lint Workspace, the Follow-up actions
 * view, related incidents and `.postmortemrc` files work in github.dev and vscode.dev.
 *
 * Config lookups are synchronous (they walk up folders), and the client is a round trip away: the config files are
 * listed and read when the client connects (analyses wait for it, up to CONFIG_WAIT_MS) and again when one changes;
 * another file a config names (`extends`) is fetched on its first miss, and the server re-reads the configs when it
 * arrives. Until the client connects, or when it does not answer (an older client, no workspace), this is the
 * in-memory host with nothing in it: the open documents are all the server sees, as before.
 */
export class ClientHost implements Host {
  readonly path = POSIX;
  readonly dirname = POSIX.dirname;
  private readonly fallback = memoryHost(new Map(), { listable: false });
  private link?: ClientLink;
  /** The config files' text, by path, as last read. */
  private readonly configs = new Map<string, string>();
  /** Other files read for config lookups: text, or null when missing (or not there yet). */
  private readonly late = new Map<string, string | null>();
  private ready: Promise<unknown> = Promise.resolve();

  constructor(private readonly uris: UriMapping) {}

  get listable(): boolean {
    return this.link !== undefined;
  }

  join(dir: string, name: string): string {
    return POSIX.join(dir, name);
  }

  /**
   * Connects to a client that announced it answers (`initializationOptions.workspaceFiles`) and reads the config
   * files; resolves when they are read, or after CONFIG_WAIT_MS (the server is told when they arrive later).
   */
  async connect(link: ClientLink): Promise<void> {
    const options = link.options as Record<string, unknown> | null | undefined;
    if (options?.[WORKSPACE_FILES_OPTION] !== true) return;
    this.link = link;
    const loaded = this.loadConfigs();
    this.ready = loaded;
    const inTime = await Promise.race([loaded.then(() => true), delay(CONFIG_WAIT_MS).then(() => false)]);
    if (!inTime) void loaded.then(() => this.link?.changed());
  }

  /** Config files changed (the client's watcher): read them again; what `extends` named is fetched afresh. */
  async filesChanged(uris: readonly string[]): Promise<void> {
    if (!this.link) return;
    this.late.clear();
    await Promise.all(
      uris.map(async (uri) => {
        const path = this.uris.pathOf(uri);
        if (!path || !isConfigFile(path)) return;
        const text = await this.readTextFromClient(uri);
        if (text === undefined) this.configs.delete(path);
        else this.configs.set(path, text);
      }),
    );
  }

  readFile(path: string): string | undefined {
    if (!this.link) return this.fallback.readFile(path);
    if (isConfigFile(path)) return this.configs.get(path);
    const known = this.late.get(path);
    if (known !== undefined) return known ?? undefined;
    if (this.late.size < MAX_LATE_FILES) {
      this.late.set(path, null);
      void this.readTextFromClient(this.uris.uriOf(path)).then((text) => {
        if (text === undefined || !this.late.has(path)) return;
        this.late.set(path, text);
        this.link?.changed();
      });
    }
    return undefined;
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    if (!this.link) return this.fallback.readBytes(path);
    const content = await this.ask<FileContent>(READ_FILE_METHOD, { uri: this.uris.uriOf(path) } satisfies FileParams);
    return content && typeof content.base64 === 'string' ? fromBase64(content.base64) : undefined;
  }

  async stat(path: string): Promise<{ mtimeMs: number; size: number } | undefined> {
    if (!this.link) return this.fallback.stat(path);
    const stat = await this.ask<FileStat>(STAT_FILE_METHOD, { uri: this.uris.uriOf(path) } satisfies FileParams);
    return stat && typeof stat.mtimeMs === 'number' && typeof stat.size === 'number'
      ? { mtimeMs: stat.mtimeMs, size: stat.size }
      : undefined;
  }

  exists(path: string): boolean {
    if (!this.link) return this.fallback.exists(path);
    if (this.configs.has(path) || typeof this.late.get(path) === 'string') return true;
    const prefix = `${path}/`;
    for (const known of this.configs.keys()) if (known.startsWith(prefix)) return true;
    return false;
  }

  /** The Markdown files below the folders, as the client lists them, filtered as the Node walk filters. */
  async listMarkdown(folders: readonly string[], limit = MAX_WORKSPACE_FILES) {
    if (!this.link) return this.fallback.listMarkdown(folders, limit);
    await this.ready;
    const listed = await this.list(folders, MARKDOWN_GLOB, SKIPPED_GLOB, limit);
    if (!listed) return { files: [], truncated: false };
    const files = listed.paths
      .filter((path) => isMarkdownFile(path))
      .filter((path) => {
        const folder = folders.find((f) => posixRelative(POSIX, f, path).split('/')[0] !== '..');
        const rel = folder ? posixRelative(POSIX, folder, path) : path;
        return !rel.split('/').slice(0, -1).some(isSkippedFolder);
      })
      .sort();
    return { files: files.slice(0, limit), truncated: listed.truncated || files.length > limit };
  }

  /** Lists and reads every config file of the workspace. */
  private async loadConfigs(): Promise<void> {
    const listed = await this.list([], CONFIG_GLOB, '**/node_modules/**', MAX_WORKSPACE_FILES);
    if (!listed) {
      // The client announced the requests but does not answer them: keep to the open documents.
      this.link = undefined;
      return;
    }
    const texts = await Promise.all(
      listed.paths.map(async (path) => [path, await this.readTextFromClient(this.uris.uriOf(path))] as const),
    );
    this.configs.clear();
    for (const [path, text] of texts) if (text !== undefined) this.configs.set(path, text);
  }

  private async list(
    folders: readonly string[],
    include: string,
    exclude: string | null,
    limit: number,
  ): Promise<{ paths: string[]; truncated: boolean } | undefined> {
    const params: ListFilesParams = { folders: folders.map((f) => this.uris.uriOf(f)), include, exclude, limit };
    const result = await this.ask<ListFilesResult>(LIST_FILES_METHOD, params);
    if (!result || !Array.isArray(result.uris)) return undefined;
    const paths = result.uris
      .filter((uri): uri is string => typeof uri === 'string')
      .map((uri) => this.uris.pathOf(uri))
      .filter((path): path is string => path !== undefined);
    return { paths, truncated: result.truncated === true };
  }

  private async readTextFromClient(uri: string): Promise<string | undefined> {
    const content = await this.ask<FileContent>(READ_FILE_METHOD, { uri } satisfies FileParams);
    if (!content || typeof content.base64 !== 'string') return undefined;
    return new TextDecoder().decode(fromBase64(content.base64));
  }

  /** A request to the client: undefined when it fails, answers null, or takes longer than REQUEST_LIMIT_MS. */
  private async ask<R>(method: string, params: unknown): Promise<R | undefined> {
    const link = this.link;
    if (!link) return undefined;
    try {
      const answer = await Promise.race([link.sendRequest<R | null>(method, params), delay(REQUEST_LIMIT_MS)]);
      return answer ?? undefined;
    } catch {
      return undefined;
    }
  }
}

function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(POSIX.basename(path));
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
