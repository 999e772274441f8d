/**
 * A SHA-256 hash (the CLI's cache keys, the CI formats' fingerprints). crypto is loaded on first use: a plain lint
 * hashes nothing, and loading it cost a one-file run some 7 ms.
 */
export function sha256() {
  return (process.getBuiltinModule('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}
