// The NLP model of the npm package (scripts/build-package.mjs): wink's English model bundled on its own as
// dist/nlp-model.cjs, its data brotli-compressed next to it and read the first time the blame rules tag prose, and the
// stand-in the package's bundles import in its place.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { BINARY_KEY, WORD_SEPARATOR } = require('./package-model-reader.cjs');
const READER = new URL('./package-model-reader.cjs', import.meta.url).pathname;

export const MODEL = 'wink-eng-lite-web-model';
const MODELS = /wink-eng-lite-web-model[/\\]dist[/\\]languages[/\\]cur[/\\]models[/\\]/;
/** The core model (3 MB of JSON, 1.9 MB of it two base64 strings of 32-bit words), packed by packModel. */
const CORE_MODEL = new RegExp(`${MODELS.source}eng-core-web-model\\.json$`);
/**
 * The entity and sentiment machines (0.6 MB of JSON): wink loads them whatever the pipe, but blame/nlp.ts runs the
 * part-of-speech pipe only and gives wink empty ones in their place, so the package does not ship them.
 */
const NOT_SHIPPED = /wink-eng-lite-web-model[/\\]dist[/\\]load-(?:ner|sa)-model\.js$/;
const MODEL_BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11, // 32 KB smaller than 10 on the core model, 2 s more to build
    [constants.BROTLI_PARAM_LGWIN]: 24,
  },
};

/**
 * The core model as one buffer (read by package-model-reader.cjs): its length-prefixed JSON without the base64
 * words (lexicon, xpansions) and the lexeme list, then those words as bytes (in the order base64 gave them, which
 * the model's Uint32Array reads in this platform's byte order, as wink does), then the list's words. Smaller
 * compressed than the JSON, and read without decoding 1.9 MB of base64 nor parsing an array of 87,000 strings.
 */
export function packModel(text) {
  const model = JSON.parse(text);
  const words = model.features.lexeme.list;
  if (words.some((w) => typeof w !== 'string' || w.includes(WORD_SEPARATOR))) {
    throw new Error('packModel: a word of the lexeme list holds the separator');
  }
  if (new Set(words).size !== words.length) throw new Error('packModel: the lexeme list repeats a word');
  const parts = [
    ...['lexicon', 'xpansions'].map((key) => [key, Buffer.from(model[key], 'base64'), 'u32']),
    ['lexemes', Buffer.from(words.join(WORD_SEPARATOR)), 'words'],
  ];
  for (const [key] of parts) delete model[key];
  model.features.lexeme.list = [];
  const layout = {};
  // Offsets depend on the JSON's length, which depends on the offsets: lay out with room, then pad the JSON.
  const room = 64;
  let at = 4 + Buffer.byteLength(JSON.stringify({ ...model, [BINARY_KEY]: {} })) + room * parts.length;
  at += (4 - (at % 4)) % 4;
  for (const [key, bytes, kind] of parts) {
    layout[key] = [at, bytes.length, kind];
    at += bytes.length;
  }
  const json = Buffer.from(JSON.stringify({ ...model, [BINARY_KEY]: layout }));
  const head = Buffer.alloc(layout[parts[0][0]][0]).fill(0x20);
  if (4 + json.length > head.length) throw new Error('packModel: the JSON outgrew its room');
  json.copy(head, 4);
  head.writeUInt32LE(head.length - 4, 0);
  return Buffer.concat([head, ...parts.map(([, bytes]) => bytes)]);
}

/** WordNet's exception lists in the model (module.exports = a null-prototype object of 220 kB of words). */
const EXCEPTIONS = /wink-eng-lite-web-model[/\\]dist[/\\]wn-(noun|verb|adjective)-exceptions\.js$/;

/**
 * Code that gives a data file of dist/ (`name`, brotli-compressed) as a Buffer when run: the one the CLI decompressed
 * ahead on the thread pool (server/src/node/data-prefetch.ts, under the same global symbol), taken once, else the
 * file read and decompressed on the spot. `dir` is the code of the dist/ folder's path.
 */
export const readDataCode = (name, dir) =>
  `((ready, name) => { const buffer = ready && ready.get(name); if (buffer) { ready.delete(name); return buffer; } return require('node:zlib').brotliDecompressSync(require('node:fs').readFileSync(require('node:path').join(${dir}, name))); })(globalThis[Symbol.for('postmortem.prefetchedData')], ${JSON.stringify(name)})`;
const readData = (name) => readDataCode(name, '__dirname');

/** The core model and WordNet's exception lists become brotli'd data files read on first use. */
const compressedJson = (dist) => ({
  name: 'compressed-model-json',
  setup(b) {
    b.onLoad({ filter: EXCEPTIONS }, (args) => {
      const name = `${basename(args.path, '.js')}.json.br`;
      const data = brotliCompressSync(JSON.stringify(require(args.path)), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
      });
      writeFileSync(join(dist, name), data);
      // Null-prototype as the original: a word such as "constructor" must not find Object.prototype's.
      return {
        loader: 'js',
        contents: `module.exports = Object.assign(Object.create(null), JSON.parse(${readData(name)}));`,
      };
    });
    b.onLoad({ filter: CORE_MODEL }, (args) => {
      const name = `${basename(args.path)}.br`;
      writeFileSync(join(dist, name), brotliCompressSync(packModel(readFileSync(args.path, 'utf8')), MODEL_BROTLI));
      return {
        loader: 'js',
        contents: `const { readPackedModel } = require(${JSON.stringify(READER)});
          module.exports = () => readPackedModel(${readData(name)});`,
      };
    });
    b.onLoad({ filter: NOT_SHIPPED }, (args) => ({
      loader: 'js',
      contents: `module.exports = () => { throw new Error(${JSON.stringify(`${basename(args.path)}: not in the package (blame/nlp.ts tags parts of speech only)`)}); };`,
    }));
    // The core model's module above exports a function that reads a fresh copy, so the model's reader needs no deep
    // clone of 3 MB (JSON.parse(JSON.stringify(…))) to keep the original intact. The build stops if the
    // reader's code changed (a new model version): then this step must be looked at again.
    b.onLoad({ filter: /wink-eng-lite-web-model[/\\]dist[/\\]read-core-model\.js$/ }, (args) => {
      let code = readFileSync(args.path, 'utf8');
      const before = code;
      const unexpected = () => new Error(`${args.path}: unexpected code, review scripts/package-model.mjs`);
      code = code.replace(/require\(("\.\/languages\/cur\/models\/[\w-]+\.json")\)/g, 'require($1)()');
      code = code.replace('const model=JSON.parse(JSON.stringify(originalModel));', 'const model=originalModel;');
      code = code.replace(/const originalModel=require\(([^)]+)\)\(\)/, 'const originalModelJson=require($1)');
      code = code.replace('const model=originalModel;', 'const model=originalModelJson();');
      {
        // The core model's lexicon and expansions come as Uint32Arrays already (see packModel), and the lexeme
        // list's index is package-model-reader.cjs's table.
        const edits = [
          [
            'model.lexicon=new Uint32Array(bufferFromBase64(model.lexicon)),model.xpansions=new Uint32Array(bufferFromBase64(model.xpansions))',
            'void 0',
          ],
          [
            'featuresData.lexeme.hash=Object.create(null);for(let k=0;k<featuresData.lexeme.list.length;k+=1)featuresData.lexeme.hash[featuresData.lexeme.list[k]]=k;',
            `featuresData.lexeme.hash=require(${JSON.stringify(READER)}).lexemeIndex(featuresData.lexeme.list);`,
          ],
        ];
        for (const [from, to] of edits) {
          if (!code.includes(from)) throw unexpected();
          code = code.replace(from, to);
        }
      }
      if (code === before) throw unexpected();
      return { loader: 'js', contents: code };
    });
  },
});

/** The esbuild options of the package's files required on first use: one minified CommonJS file each. */
export const CJS_BUNDLE = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Bundles the model on its own as dist/nlp-model.cjs, its data compressed next to it. */
export async function buildNlpModel(root, dist) {
  await build({
    ...CJS_BUNDLE,
    entryPoints: [join(root, 'node_modules', MODEL, 'dist/model.js')],
    outfile: join(dist, 'nlp-model.cjs'),
    plugins: [compressedJson(dist)],
  });
}

/**
 * `import model from 'wink-eng-lite-web-model'` becomes a stand-in that requires dist/nlp-model.cjs (the model,
 * bundled on its own) the first time the tagger touches it: runs without prose or without the blame rules never
 * parse the model's code nor read its data.
 */
export const lazyModel = {
  name: 'lazy-nlp-model',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${MODEL}$`) }, () => ({ path: MODEL, namespace: 'lazy-model' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-model' }, () => ({
      loader: 'js',
      contents: `
        let real;
        const load = () => (real ??= require(__postmortemDist + '/nlp-model.cjs'));
        export default new Proxy({}, {
          get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
          has: (_, key) => key in load(),
          ownKeys: () => [],
        });`,
    }));
  },
};
