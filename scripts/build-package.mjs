// Builds the npm package @postmortem-lint/cli in packages/cli/: minified ES module bundles without source maps
// (the CLI, the language server and the API, sharing their chunks), the API's bundled type declarations, the
// NLP model's data compressed with brotli and loaded only when the blame rules first tag prose, the schema,
// README, LICENSE and CHANGELOG.
//   node scripts/build-package.mjs          build packages/cli/
//   node scripts/build-package.mjs --pack   build, then `npm pack` into packages/cli/ (prints the tarball's path)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'packages/cli');
const dist = join(out, 'dist');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
if (pkg.version !== rootPkg.version)
  throw new Error(`packages/cli/package.json is ${pkg.version}, the project ${rootPkg.version}`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const MODEL = 'wink-eng-lite-web-model';
/** The model's other large JSON files (0.6 MB), shipped compressed next to the bundles. */
const COMPRESSED = /wink-eng-lite-web-model[/\\]dist[/\\]languages[/\\]cur[/\\]models[/\\]eng-(sa|ner)-model\.json$/;

/** The core model (3 MB of JSON, 1.9 MB of it two base64 strings of 32-bit words), packed by packModel. */
const CORE_MODEL = /wink-eng-lite-web-model[/\\]dist[/\\]languages[/\\]cur[/\\]models[/\\]eng-core-web-model\.json$/;
const MODEL_BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11, // 32 KB smaller than 10 on the core model, 2 s more to build
    [constants.BROTLI_PARAM_LGWIN]: 24,
  },
};
/** Where packModel lists the binary parts: key → [byte offset, byte length]. */
const BINARY_KEY = '__postmortemBinary';

/**
 * The core model as one buffer: its length-prefixed JSON without the base64 words (lexicon, xpansions), then those
 * words as bytes (in the order base64 gave them, which the model's Uint32Array reads in this platform's byte order, as
 * wink does). 100 kB smaller compressed than the JSON, and read without decoding 1.9 MB of base64 nor parsing it.
 */
function packModel(text) {
  const model = JSON.parse(text);
  const parts = ['lexicon', 'xpansions'].map((key) => [key, Buffer.from(model[key], 'base64')]);
  const layout = {};
  for (const [key] of parts) delete model[key];
  // Offsets depend on the JSON's length, which depends on the offsets: lay out with room, then pad the JSON.
  const room = 64;
  let at = 4 + Buffer.byteLength(JSON.stringify({ ...model, [BINARY_KEY]: {} })) + room * parts.length;
  at += (4 - (at % 4)) % 4;
  for (const [key, bytes] of parts) {
    layout[key] = [at, bytes.length];
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

/** The model's JSON files (and WordNet exception lists) become brotli'd data files read on first use. */
const compressedJson = {
  name: 'compressed-model-json',
  setup(b) {
    b.onLoad({ filter: EXCEPTIONS }, (args) => {
      const name = `${basename(args.path, '.js')}.json.br`;
      const data = brotliCompressSync(JSON.stringify(createRequire(import.meta.url)(args.path)), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
      });
      writeFileSync(join(dist, name), data);
      // Null-prototype as the original: a word such as "constructor" must not find Object.prototype's.
      return {
        loader: 'js',
        contents: `module.exports = Object.assign(Object.create(null), JSON.parse(require('node:zlib').brotliDecompressSync(
          require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(name)})))));`,
      };
    });
    b.onLoad({ filter: CORE_MODEL }, (args) => {
      const name = `${basename(args.path)}.br`;
      writeFileSync(join(dist, name), brotliCompressSync(packModel(readFileSync(args.path, 'utf8')), MODEL_BROTLI));
      return {
        loader: 'js',
        contents: `module.exports = () => {
          const data = require('node:zlib').brotliDecompressSync(
            require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(name)})));
          const length = data.readUInt32LE(0);
          const model = JSON.parse(data.toString('utf8', 4, 4 + length));
          for (const [key, [at, bytes]] of Object.entries(model[${JSON.stringify(BINARY_KEY)}])) {
            const words = new Uint32Array(bytes / 4);
            new Uint8Array(words.buffer).set(data.subarray(at, at + bytes));
            model[key] = words;
          }
          delete model[${JSON.stringify(BINARY_KEY)}];
          return model;
        };`,
      };
    });
    b.onLoad({ filter: COMPRESSED }, (args) => {
      const name = `${basename(args.path)}.br`;
      const data = brotliCompressSync(readFileSync(args.path), {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11, // 32 KB smaller than 10 on the core model, 2 s more to build
          [constants.BROTLI_PARAM_LGWIN]: 24,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
      writeFileSync(join(dist, name), data);
      return {
        loader: 'js',
        contents: `module.exports = () => JSON.parse(require('node:zlib').brotliDecompressSync(
          require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(name)}))));`,
      };
    });
    // The JSON modules above export a function that parses a fresh copy, so the model's reader needs no deep
    // clone of 3 MB (JSON.parse(JSON.stringify(…))) to keep the original intact. The build stops if the
    // reader's code changed (a new model version): then this step must be looked at again.
    b.onLoad(
      { filter: /wink-eng-lite-web-model[/\\]dist[/\\](?:read-core-model|load-(?:ner|sa)-model)\.js$/ },
      (args) => {
        let code = readFileSync(args.path, 'utf8');
        const before = code;
        code = code.replace(/require\(("\.\/languages\/cur\/models\/[\w-]+\.json")\)/g, 'require($1)()');
        code = code.replace('const model=JSON.parse(JSON.stringify(originalModel));', 'const model=originalModel;');
        code = code.replace(/const originalModel=require\(([^)]+)\)\(\)/, 'const originalModelJson=require($1)');
        code = code.replace('const model=originalModel;', 'const model=originalModelJson();');
        // The core model's lexicon and expansions come as Uint32Arrays already (see packModel).
        const decode = (key) => `model.${key}=new Uint32Array(bufferFromBase64(model.${key}))`;
        if (args.path.endsWith('read-core-model.js')) {
          const withBase64 = code;
          code = code.replace(`${decode('lexicon')},${decode('xpansions')}`, 'void 0');
          if (code === withBase64) throw new Error(`${args.path}: unexpected code, review scripts/build-package.mjs`);
        }
        if (code === before) throw new Error(`${args.path}: unexpected code, review scripts/build-package.mjs`);
        return { loader: 'js', contents: code };
      },
    );
  },
};

/**
 * `import model from 'wink-eng-lite-web-model'` becomes a stand-in that requires dist/nlp-model.cjs (the model,
 * bundled on its own) the first time the tagger touches it: runs without prose or without the blame rules never
 * parse the model's code nor read its data.
 */
const lazyModel = {
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

await build({
  entryPoints: [join(root, 'node_modules', MODEL, 'dist/model.js')],
  outfile: join(dist, 'nlp-model.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [compressedJson],
});

/**
 * Data modules of the analysis (the blame rules' 20,000 given names, 300 kB of text, WordNet's 5,000 person nouns,
 * the English words and known acronyms of the acronym rule, the product names; micromark's table of HTML character
 * references) ship brotli-compressed next to the bundles: evaluated here, their exports (strings, or records of
 * strings) go into one compressed JSON file that the module in their place reads when it is first imported (a few
 * milliseconds).
 */
const COMPRESSED_DATA = [
  /server[/\\]src[/\\]core[/\\]blame[/\\]lexicon[/\\](?:given-names|person-nouns|first-names|products)\.ts$/,
  /server[/\\]src[/\\]core[/\\]acronyms[/\\](?:english-words|known)\.ts$/,
  /node_modules[/\\]character-entities[/\\]index\.js$/,
];
const isData = (v) =>
  typeof v === 'string' ||
  (typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string'));
const compressedData = {
  name: 'compressed-data-modules',
  setup(b) {
    b.onLoad({ filter: /(?:server[/\\]src[/\\]core[/\\].*\.ts|character-entities[/\\]index\.js)$/ }, async (args) => {
      if (!COMPRESSED_DATA.some((re) => re.test(args.path))) return undefined;
      const { outputFiles } = await build({ entryPoints: [args.path], bundle: true, format: 'cjs', write: false });
      const mod = { exports: {} };
      new Function('module', 'exports', outputFiles[0].text)(mod, mod.exports);
      const values = Object.fromEntries(Object.entries(mod.exports).filter(([, v]) => isData(v)));
      if (Object.keys(values).length !== Object.keys(mod.exports).length) {
        throw new Error(`${args.path}: only exports of strings or records of strings can be compressed`);
      }
      const file = basename(args.path).replace(/\.[jt]s$/, '');
      const name = `${file === 'index' ? basename(dirname(args.path)) : file}.json.br`;
      writeFileSync(
        join(dist, name),
        brotliCompressSync(JSON.stringify(values), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      return {
        loader: 'js',
        contents: `const data = JSON.parse(require('node:zlib').brotliDecompressSync(
            require('node:fs').readFileSync(__postmortemDist + '/' + ${JSON.stringify(name)})));
          ${Object.keys(values)
            .map((key) => `export const ${key} = data[${JSON.stringify(key)}];`)
            .join('\n')}`,
      };
    });
  },
};

/**
 * ajv's standalone code for the frontmatter and config schemas, in place of server/src/core/validators.ts (which
 * compiles them at run time): a run neither loads ajv's compiler nor compiles a schema. The schemas are taken from
 * the sources (the config's from the rules the package ships), bundled and evaluated here, so they are the ones the
 * code would compile; the config's `re2` format is core/config-formats.ts's, as the loader's. (Compiling the config
 * schema at run time took 0.5 s, as long as the rest of a run.)
 */
async function precompiledValidators() {
  const bundled = await build({
    stdin: {
      contents: [
        `export { FRONTMATTER_SCHEMA } from './server/src/core/metadata/schema';`,
        `export { configSchema } from './server/src/core/config';`,
        `export { RULES } from './server/src/rules';`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
    loader: { '.code-snippets': 'json' },
    define: { 'import.meta.url': '"file:///"', POSTMORTEM_VERSION: JSON.stringify(pkg.version) },
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(
    mod,
    mod.exports,
    createRequire(import.meta.url),
  );
  const { FRONTMATTER_SCHEMA, configSchema, RULES } = mod.exports;
  const standalone = (schema, options) => {
    const ajv = new Ajv({ ...options, strict: false, code: { ...options.code, source: true, esm: false } });
    return standaloneCode(ajv, ajv.compile(schema));
  };
  const dir = join(root, 'packages/cli/.build');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'frontmatter-validator.cjs'), standalone(FRONTMATTER_SCHEMA, { allErrors: true }));
  // The config's validator (170 kB: the schema lists every rule's options) is a file of its own, required when a
  // config file is first read. Its formats come from the caller, so RE2 is not bundled into it a second time.
  const configCode = standalone(configSchema(RULES), {
    allErrors: false,
    formats: { re2: { type: 'string', validate: () => true } },
    code: { formats: _`formats` },
  }).replace(/^"use strict";/, '');
  writeFileSync(
    join(dir, 'config-validator.cjs'),
    `"use strict";\nmodule.exports = (formats) => {\nconst module = { exports: {} };\n${configCode}\nreturn module.exports;\n};\n`,
  );
  await build({
    entryPoints: [join(dir, 'config-validator.cjs')],
    outfile: join(dist, 'config-validator.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const ids = RULES.map((r) => r.id);
  const formats = join(root, 'server/src/core/config-formats.ts');
  return {
    name: 'precompiled-validators',
    setup(b) {
      b.onLoad({ filter: /server[/\\]src[/\\]core[/\\]validators\.ts$/ }, () => ({
        resolveDir: dir,
        loader: 'js',
        contents: `import frontmatter from './frontmatter-validator.cjs';
          import { CONFIG_FORMATS } from ${JSON.stringify(formats)};
          const IDS = ${JSON.stringify(ids)};
          let config;
          export const compileFrontmatterValidator = () => frontmatter;
          export function compileConfigValidator(rules) {
            // Precompiled for the package's own rules, the only ones its service is made with.
            if (rules.length !== IDS.length || rules.some((rule, i) => rule.id !== IDS[i]))
              throw new Error('the config validator is precompiled for the rules of the package only');
            config ??= require(__postmortemDist + '/config-validator.cjs')(CONFIG_FORMATS);
            return config;
          }`,
      }));
    },
  };
}

const built = await build({
  entryPoints: {
    cli: 'server/src/cli.ts',
    server: 'server/src/server.ts',
    index: 'server/src/api.ts',
    'analysis-worker': 'server/src/node/analysis-worker-entry.ts',
  },
  outdir: dist,
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  // The snippet file (JSON) feeds the server's template completions.
  loader: { '.code-snippets': 'json' },
  logLevel: 'warning',
  define: { POSTMORTEM_VERSION: JSON.stringify(pkg.version), POSTMORTEM_WORKER_ENTRY: '"analysis-worker.js"' },
  // CommonJS dependencies call require() and read __dirname-relative data: give every module both.
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import{createRequire as __pmRequire}from'node:module';import{dirname as __pmDirname}from'node:path';import{fileURLToPath as __pmPath}from'node:url';",
      'const require=__pmRequire(import.meta.url);const __filename=__pmPath(import.meta.url);const __dirname=__pmDirname(__filename);const __postmortemDist=__dirname;',
    ].join('\n'),
  },
  plugins: [lazyModel, await precompiledValidators(), compressedData],
  metafile: true,
});

if (process.env.POSTMORTEM_META) writeFileSync(process.env.POSTMORTEM_META, JSON.stringify(built.metafile));

// One declaration file for the API, with the core's types it names inlined.
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js'),
    '--silent',
    '--no-banner',
    '--project',
    join(root, 'server/tsconfig.json'),
    '-o',
    join(dist, 'index.d.ts'),
    join(root, 'server/src/api.ts'),
  ],
  { stdio: 'inherit' },
);

mkdirSync(join(out, 'schemas'), { recursive: true });
// The schema as compact JSON: the same document for editors and validators, without the repository's indentation.
writeFileSync(
  join(out, 'schemas/postmortemrc.schema.json'),
  `${JSON.stringify(JSON.parse(readFileSync(join(root, 'schemas/postmortemrc.schema.json'), 'utf8')))}\n`,
);
for (const file of ['LICENSE', 'README.md']) copyFileSync(join(root, file), join(out, file));

if (process.argv.includes('--pack')) {
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: out, encoding: 'utf8' });
  const [info] = JSON.parse(packed);
  console.log(join(out, info.filename));
}
