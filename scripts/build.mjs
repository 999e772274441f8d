// Bundles the clients, the servers and the CLI with esbuild into dist/ (the paths other tools rely on):
//   dist/extension.js, dist/server.js          the Node client and language server (the VSIX's `main`)
//   dist/web/extension.js, dist/web/server.js  the web extension (`browser`): client and web worker server
//   dist/analysis.js                           the analysis (core and rules, with the NLP model), shared by both
//                                              servers: one copy in the VSIX, loaded by `require` in Node and by
//                                              `importScripts` in the web worker
//   dist/cli.js                                the CLI (self-contained; shipped through npm, not in the VSIX)
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const minify = process.argv.includes('--minify');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  // The server offers the templates of snippets/postmortem.code-snippets as completions: bundled as JSON data.
  loader: { '.code-snippets': 'json' },
  // Some ESM dependencies call createRequire(import.meta.url); give the CommonJS bundle a real value for it.
  define: { POSTMORTEM_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The web extension's bundles: the client for the web worker extension host, the server for a web worker. */
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  loader: common.loader,
  define: { POSTMORTEM_VERSION: JSON.stringify(pkg.version) },
  // A web worker has no DOM: packages with a DOM build for "browser" (decode-named-character-reference) offer a
  // "worker" one, which comes first.
  conditions: ['worker'],
};

const ANALYSIS = [join(ROOT, 'server', 'src', 'core'), join(ROOT, 'server', 'src', 'rules')];
const inAnalysis = (path) => ANALYSIS.some((dir) => path === dir || path.startsWith(dir + sep));
const SERVERS = ['server/src/server.ts', 'server/src/browser/server.ts'];

/**
 * Resolves imports from outside the analysis (lsp/, node/, browser/) into it, and hands each to `use(file)`: the
 * first pass collects them, the second replaces each by its part of dist/analysis.js.
 */
function analysisPlugin(use) {
  return {
    name: 'shared-analysis',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.shared || !args.importer || inAnalysis(args.importer)) return undefined;
        const resolved = await b.resolve(args.path, {
          importer: args.importer,
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: { shared: true },
        });
        if (resolved.errors.length > 0 || !inAnalysis(resolved.path)) return undefined;
        return { path: resolved.path, namespace: 'shared-analysis' };
      });
      b.onLoad({ filter: /.*/, namespace: 'shared-analysis' }, (args) => ({ contents: use(args.path), loader: 'js' }));
    },
  };
}

/**
 * `import model from 'wink-eng-lite-web-model'` (blame/nlp.ts) becomes a stand-in that requires the model the first
 * time the tagger touches it: importing the model reads and unpacks its 3 MB of data, which a CLI run without prose,
 * without the blame rules, or in a thread that does not analyse (the lint pool's main thread) never needs. The npm
 * package does the same (scripts/build-package.mjs), with the model in a file of its own.
 */
const lazyModel = {
  name: 'lazy-nlp-model',
  setup(b) {
    b.onResolve({ filter: /^wink-eng-lite-web-model$/ }, () => ({ path: 'model', namespace: 'lazy-model' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-model' }, () => ({
      loader: 'js',
      resolveDir: ROOT,
      contents: `
        let real;
        const load = () => (real ??= require('wink-eng-lite-web-model/dist/model.js'));
        export default new Proxy({}, {
          get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
          has: (_, key) => key in load(),
          ownKeys: () => [],
        });`,
    }));
  },
};

// Pass 1: which analysis modules the servers import.
const shared = new Set();
await Promise.all(
  SERVERS.map((entry) =>
    build({
      ...web,
      entryPoints: [entry],
      write: false,
      sourcemap: false,
      minify: false,
      logLevel: 'silent',
      external: ['vscode-languageserver*', 'node:*', 'worker_threads', 'fs', 'path'],
      plugins: [
        analysisPlugin((file) => {
          shared.add(file);
          return 'module.exports = {};';
        }),
      ],
    }),
  ),
);
const ids = [...shared].sort().map((file) => relative(ROOT, file).split(sep).join('/'));
const analysisEntry = ids.map((id, i) => `import * as m${i} from './${id}';`).join('\n');
const analysisExports = `export const modules = {\n${ids.map((id, i) => `  ${JSON.stringify(id)}: m${i},`).join('\n')}\n};`;

// In Node the servers `require` the analysis; in the web worker, `importScripts` defines the global first.
const load = {
  node: "require('./analysis.js')",
  // (the client may name its URL in POSTMORTEM_ANALYSIS_URL: a worker started from a blob has no folder to resolve from)
  web: "(globalThis.PostmortemAnalysis || (importScripts(globalThis.POSTMORTEM_ANALYSIS_URL || new URL('../analysis.js', self.location.href).href), globalThis.PostmortemAnalysis))",
};
const part = (how) => (file) =>
  `module.exports = ${load[how]}.modules[${JSON.stringify(relative(ROOT, file).split(sep).join('/'))}];`;

await Promise.all([
  build({
    ...web,
    stdin: {
      contents: `${analysisEntry}\n${analysisExports}\n`,
      resolveDir: ROOT,
      sourcefile: 'analysis.ts',
      loader: 'ts',
    },
    outfile: 'dist/analysis.js',
    format: 'iife',
    globalName: 'PostmortemAnalysis',
    footer: { js: "if (typeof module === 'object' && module.exports) module.exports = PostmortemAnalysis;" },
  }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    external: ['./analysis.js'],
    plugins: [analysisPlugin(part('node'))],
  }),
  build({
    ...web,
    entryPoints: ['client/src/browser.ts'],
    outfile: 'dist/web/extension.js',
    format: 'cjs',
    external: ['vscode'],
  }),
  build({
    ...web,
    entryPoints: ['server/src/browser/server.ts'],
    outfile: 'dist/web/server.js',
    format: 'iife',
    plugins: [analysisPlugin(part('web'))],
  }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    plugins: [lazyModel],
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
]);
