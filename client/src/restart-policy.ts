// What the client does when the connection to the language server fails: the pure part, with no vscode import, so
// test/unit/restart-policy.test.ts checks it in plain Node. activate.ts maps it onto vscode-languageclient's
// ErrorHandler.
//
// A write error never stops the server. When the server process dies, the client's writes fail (the IPC channel is
// already closed) before the process's `close` event arrives; vscode-languageclient counts each failed write twice,
// so two requests in that window reached the old "more than 3 errors: shut down" limit. The client then stopped
// the server on purpose, and a stop on purpose is never restarted: one crash left the user without diagnostics.
// Only `close` decides, and it restarts up to `maxRestarts` times in `windowMs`.

export interface RestartPolicyOptions {
  maxRestarts: number;
  windowMs: number;
}

export type CloseDecision = { restart: true; message: string } | { restart: false; message: string };

export const RESTARTED_MESSAGE = 'The Postmortem language server stopped unexpectedly and was restarted.';

export class RestartPolicy {
  private readonly stops: number[] = [];

  constructor(private readonly options: RestartPolicyOptions = { maxRestarts: 4, windowMs: 3 * 60_000 }) {}

  /** A message could not be written or read. The connection carries on; if the server is gone, `closed` follows. */
  error(): 'continue' {
    return 'continue';
  }

  /** The connection closed without the client asking: restart, unless it has stopped too often lately. */
  closed(now: number): CloseDecision {
    this.stops.push(now);
    while (this.stops.length > 0 && now - this.stops[0] > this.options.windowMs) this.stops.shift();
    if (this.stops.length > this.options.maxRestarts) {
      const minutes = Math.round(this.options.windowMs / 60_000);
      return {
        restart: false,
        message: `The Postmortem language server stopped ${this.stops.length} times in ${minutes} minutes and was not restarted again. Its log is in the Output panel (Postmortem); run "Developer: Reload Window" to start it again.`,
      };
    }
    return { restart: true, message: RESTARTED_MESSAGE };
  }
}
