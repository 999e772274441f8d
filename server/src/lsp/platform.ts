import type { Host, PostmortemService } from '../core/service';

/**
 * How the server reaches the files behind documents: the Node server's are on disk (`file:` URIs), the browser
 * server's are the editor's (any scheme, POSIX paths). Everything in lsp/ goes through this; it imports no Node.
 */
export interface DocumentFiles {
  host: Host;
  /** The host path of a document, or undefined when the host cannot reach it (an untitled document). */
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
}

/**
 * What the server hands a host whose files are the client's (the browser's: the client reads them for it), once the
 * client is initialized.
 */
export interface ClientLink {
  /** The client's initializationOptions: what it says it answers. */
  options: unknown;
  /** The workspace folders, as host paths. */
  folders: readonly string[];
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  /** The host's files changed without a watched-file event (a file read late): configs are read again. */
  changed(): void;
}

/** What a host gives the language server: its files, and the analysis service built over them. */
export interface ServerPlatform extends DocumentFiles {
  service: PostmortemService;
  /**
   * Loads what the first analysis with prose would load (NLP model, name lists) before any document is analysed,
   * outside a document's time budget.
   */
  warmUp?(text: string): void;
  /**
   * Called when the client is initialized: a host whose files are the client's connects here and reads what the
   * config lookups need (they are synchronous). Analyses wait for it; it never fails (a host that cannot reach the
   * files keeps to the open documents).
   */
  connect?(link: ClientLink): Promise<void>;
  /** Watched files (config files) changed: the host reads them again before the configs are. */
  filesChanged?(uris: readonly string[]): Promise<void>;
}
