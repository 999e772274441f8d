import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

/** Writes `content` to `path` below `root`, creating the folders on the way. */
export function writeIn(root: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A temporary folder with the given files (path -> text or bytes), removed after the test file. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'postmortem-test-'));
  for (const [path, content] of Object.entries(files)) writeIn(root, path, content);
  after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}
