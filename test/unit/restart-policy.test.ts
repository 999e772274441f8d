import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The client's restart policy (client/src/restart-policy.ts). Loaded at run time, as snippets.test.ts loads
 * templates.ts: the test project does not reference the client project; this shape is checked by the assertions.
 */
interface PolicyModule {
  RestartPolicy: new (options?: {
    maxRestarts: number;
    windowMs: number;
  }) => {
    error(): string;
    closed(now: number): { restart: boolean; message: string };
  };
  RESTARTED_MESSAGE: string;
}
const { RestartPolicy, RESTARTED_MESSAGE } = require(
  join(__dirname, '..', '..', 'client', 'src', 'restart-policy.ts'),
) as PolicyModule;

describe('client restart policy', () => {
  it('restarts after a crash however many writes failed before the close arrived', () => {
    // A killed server: every request the editor sends before `close` fails (vscode-languageclient counts 2 a write).
    const policy = new RestartPolicy();
    for (let i = 0; i < 50; i++) assert.equal(policy.error(), 'continue');
    const decision = policy.closed(1_000);
    assert.equal(decision.restart, true);
    assert.equal(decision.message, RESTARTED_MESSAGE);
  });

  it('gives up after maxRestarts stops within the window, and says how to start again', () => {
    const policy = new RestartPolicy({ maxRestarts: 4, windowMs: 180_000 });
    for (let i = 0; i < 4; i++) assert.equal(policy.closed(i * 1_000).restart, true, `stop ${i + 1}`);
    const fifth = policy.closed(5_000);
    assert.equal(fifth.restart, false);
    assert.match(fifth.message, /stopped 5 times in 3 minutes/);
    assert.match(fifth.message, /Reload Window/);
  });

  it('forgets stops older than the window', () => {
    const policy = new RestartPolicy({ maxRestarts: 2, windowMs: 60_000 });
    assert.equal(policy.closed(0).restart, true);
    assert.equal(policy.closed(10_000).restart, true);
    assert.equal(policy.closed(20_000).restart, false, 'a third stop within a minute');
    // At 75 s the stops at 0 and 10 s are out of the window; 20 s and 75 s remain.
    assert.equal(policy.closed(75_000).restart, true);
  });
});
