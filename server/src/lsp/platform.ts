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

/** What a host gives the language server: its files, and the analysis service built over them. */
export interface ServerPlatform extends DocumentFiles {
  service: PostmortemService;
  /**
   * Loads what the first analysis with prose would load (NLP model, name lists) before any document is analysed,
   * outside a document's time budget.
   */
  warmUp?(text: string): void;
}
