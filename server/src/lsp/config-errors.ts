import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { ConfigError, type ResolvedConfig } from '../core';
import { DEFAULT_TIME_BUDGET_MS } from '../core/config';
import { isInside } from '../core/service';
import { SOURCE } from './diagnostics';
import type { ServerPlatform } from './platform';

/**
 * Resolves the config for a document and reports a bad config file where the user will see it: once as a
 * message, and as a diagnostic on the config file itself, until a later load of that file succeeds. Meanwhile
 * postmortems are checked with the defaults, so a typo in the config never silences the linter.
 */
export class ConfigReporter {
  /** Config files currently reported as bad, by file path. */
  private readonly bad = new Map<string, string>();
  private readonly shown = new Set<string>();

  /** Configs as seen in an untrusted workspace, by the loader's config (one object each, for the caches). */
  private readonly restricted = new WeakMap<ResolvedConfig, ResolvedConfig>();
  /** False in VS Code's Restricted Mode: the config's patterns are then ignored. */
  trusted = true;

  constructor(
    private readonly connection: Connection,
    private readonly platform: ServerPlatform,
  ) {}

  /** The config as used: in an untrusted workspace, without what runs as code-like patterns or moves the budget. */
  private limit(config: ResolvedConfig): ResolvedConfig {
    if (this.trusted) return config;
    let limited = this.restricted.get(config);
    if (!limited) {
      limited = { ...config, untrusted: true, timeBudgetMs: DEFAULT_TIME_BUDGET_MS };
      this.restricted.set(config, limited);
    }
    return limited;
  }

  /** The config for a file (or, for an untitled document, for the workspace folder). */
  resolve(path: string | undefined, workspaceFolder: string | undefined): ResolvedConfig {
    const dir = path ? this.platform.host.path.dirname(path) : workspaceFolder;
    try {
      const config = dir ? this.platform.service.loader.forDirectory(dir) : this.defaults;
      if (dir) this.clearFixed(dir);
      return this.limit(config);
    } catch (e) {
      // Whatever failed, the server stays up and checks with the defaults: a config file must never stop it.
      if (e instanceof ConfigError) this.report(e);
      else
        this.notify(
          `Postmortem: the config for ${dir ?? 'this file'} could not be loaded: ${(e as Error)?.message ?? e}`,
        );
      return this.limit(this.defaults);
    }
  }

  private get defaults(): ResolvedConfig {
    return this.platform.service.defaultConfig();
  }

  /** Shows a message once per text. A notification, not a request: clients that cannot show one must not fail. */
  private notify(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  private report(error: ConfigError): void {
    this.notify(`Postmortem: bad config ${error.message}`);
    const uri = this.platform.uriOf(error.file);
    this.bad.set(error.file, uri);
    const line = Math.max(0, (error.line ?? 1) - 1);
    this.connection.sendDiagnostics({
      uri,
      diagnostics: [
        {
          range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } },
          severity: 1,
          source: SOURCE,
          message: `${error.key ? `${error.key}: ` : ''}${error.reason}. Postmortems are checked with the default settings until this is fixed.`,
        },
      ],
    });
  }

  /** A load from `dir` succeeded: every config file on its way up parsed, so those reported as bad are fixed. */
  private clearFixed(dir: string): void {
    for (const [file, uri] of this.bad) {
      const folder = this.platform.host.path.dirname(file);
      if (isInside(this.platform.host.path, folder, dir)) {
        this.connection.sendDiagnostics({ uri, diagnostics: [] });
        this.bad.delete(file);
      }
    }
  }
}
