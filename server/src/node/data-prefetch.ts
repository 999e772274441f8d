import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompress } from 'node:zlib';

/**
 * The npm package ships its data (the NLP model, WordNet's exceptions, the name and word lists) brotli-compressed
 * next to its bundles, each read and decompressed on the analysis thread the first time the analysis needs it
 * (scripts/package-model.mjs, `readDataCode`): the model alone is 20–40 ms of a one-file lint. The CLI starts here,
 * before it loads the analysis, the decompression of every such file on libuv's thread pool, where it runs beside
 * the loading of the bundles on the main thread; a reader that finds its file here takes it instead of
 * decompressing it again. A file not ready when asked for is decompressed on the spot, as without this: the result
 * is the same either way, only sooner. Outside the package (the development bundles, tests) there is no such file
 * and nothing is done.
 */

/**
 * Where the package's readers look for a file decompressed ahead: a global symbol, since the model is a CommonJS
 * file of its own and the readers are in several chunks.
 */
export const PREFETCHED_DATA = Symbol.for('postmortem.prefetchedData');

/**
 * Starts decompressing every `*.json.br` file of `dir` (the package's dist/). The promise settles when all are
 * done or failed (a failure leaves the file to its reader); it never rejects.
 */
export function prefetchData(dir: string): Promise<void> {
  const ready = new Map<string, Buffer>();
  (globalThis as Record<symbol, unknown>)[PREFETCHED_DATA] = ready;
  let files: { name: string; data: Buffer }[];
  try {
    // Read here (a millisecond for all of them): each step of an asynchronous read would wait for the main thread,
    // which is busy compiling the bundles. Largest first, so that the model's decompression starts at once.
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json.br'))
      .map((name) => ({ name, data: readFileSync(join(dir, name)) }))
      .sort((a, b) => b.data.length - a.data.length);
  } catch {
    return Promise.resolve();
  }
  return Promise.all(
    files.map(
      ({ name, data }) =>
        new Promise<void>((resolve) => {
          // In one piece: zlib's default 16 kB pieces would each come back to the main thread (the data expands at
          // most about six times).
          brotliDecompress(data, { chunkSize: Math.max(64 * 1024, data.length * 8) }, (err, out) => {
            if (!err) ready.set(name, out);
            resolve();
          });
        }),
    ),
  ).then(() => undefined);
}
