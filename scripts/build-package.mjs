// Builds the npm package @postmortem-lint/cli in packages/cli/: minified ES module bundles without source maps
// (the CLI, the language server and the API, sharing their chunks), the API's bundled type declarations, the
// NLP model's data compressed with brotli and loaded only when the blame rules first tag prose, the schema,
// README, LICENSE and CHANGELOG. The NLP model's part is scripts/package-model.mjs.
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
import { buildNlpModel, CJS_BUNDLE, lazyModel, readDataCode } from './package-model.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'packages/cli');
const dist = join(out, 'dist');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
if (pkg.version !== rootPkg.version)
  throw new Error(`packages/cli/package.json is ${pkg.version}, the project ${rootPkg.version}`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await buildNlpModel(root, dist);

/**
 * re2js (150 kB, which builds its Unicode tables as it loads) runs the patterns of config files only: bundled on its
 * own as dist/re2js.cjs, behind a stand-in for its `RE2JS` class that requires it on first use, so that a run
 * without such patterns neither parses nor evaluates it. Only `RE2JS` is given: the build fails if the code imports
 * anything else from re2js.
 */
await build({
  ...CJS_BUNDLE,
  entryPoints: [createRequire(import.meta.url).resolve('re2js')],
  outfile: join(dist, 're2js.cjs'),
});
const lazyRe2 = {
  name: 'lazy-re2js',
  setup(b) {
    b.onResolve({ filter: /^re2js$/ }, () => ({ path: 're2js', namespace: 'lazy-re2js' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-re2js' }, () => ({
      loader: 'js',
      contents: `
        let real;
        const load = () => (real ??= require(__postmortemDist + '/re2js.cjs').RE2JS);
        export const RE2JS = new Proxy(function RE2JS() {}, {
          get: (_, key) => load()[key],
          has: (_, key) => key in load(),
          construct: (_, args) => new (load())(...args),
        });`,
    }));
  },
};

/**
 * Data modules of the analysis (the blame rules' 20,000 given names, 300 kB of text, WordNet's 5,000 person nouns,
 * the English words and known acronyms of the acronym rule, the product and software words; micromark's table of
 * HTML character references) ship brotli-compressed next to the bundles: evaluated here, their exports (strings, or records of
 * strings) go into one compressed JSON file that the module in their place reads when it is first imported (a few
 * milliseconds, or none when the CLI decompressed it ahead: see `readDataCode`).
 */
const COMPRESSED_DATA = [
  /server[/\\]src[/\\]core[/\\]blame[/\\]lexicon[/\\](?:given-names|person-nouns|first-names|products|software-terms)\.ts$/,
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
        contents: `const data = JSON.parse(${readDataCode(name, '__postmortemDist')});
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
  // Bundled, then shipped brotli-compressed (170 kB of repetitive code → about 15 kB: the package's size limit),
  // and run from its text the first time a config file is read (see the stand-in below).
  const { outputFiles } = await build({
    ...CJS_BUNDLE,
    entryPoints: [join(dir, 'config-validator.cjs')],
    write: false,
  });
  writeFileSync(
    join(dist, 'config-validator.cjs.br'),
    brotliCompressSync(outputFiles[0].contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
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
          // The compressed CommonJS file, run as require would run it (the package's own code, never a user's).
          function loadValidator() {
            const module = { exports: {} };
            const code = ${readDataCode('config-validator.cjs.br', '__postmortemDist')}.toString('utf8');
            require('node:vm').runInThisContext('(function (module, exports, require) {' + code + '\\n})', {
              filename: __postmortemDist + '/config-validator.cjs',
            })(module, module.exports, require);
            return module.exports;
          }
          export function compileConfigValidator(rules) {
            // Precompiled for the package's own rules, the only ones its service is made with.
            if (rules.length !== IDS.length || rules.some((rule, i) => rule.id !== IDS[i]))
              throw new Error('the config validator is precompiled for the rules of the package only');
            config ??= loadValidator()(CONFIG_FORMATS);
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
  // Non-ASCII characters as themselves (UTF-8), not \uXXXX escapes: the rules' quotation marks, dashes and names.
  charset: 'utf8',
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
  plugins: [lazyModel, lazyRe2, await precompiledValidators(), compressedData],
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
