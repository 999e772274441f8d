import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigFs } from '../core';

/** The config loader's view of the real file system (server and CLI). */
export const nodeConfigFs: ConfigFs = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname,
  join,
};
