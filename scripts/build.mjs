// Bundles the extension (and the CLI) with esbuild. `--watch` rebuilds on change; `--production` minifies.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionBuild, phrasesBeside } from './extension-build.mjs';
import { YAML_MANGLE_PROPS, yamlForFrontMatter } from './yaml-for-front-matter.mjs';

const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
};

/**
 * The command line's start-up matters (a run answered from its cache takes about 100 ms, a third of it
 * Node's own start): the parser with the YAML library is bundled as a file of its own that dist/cli.js
 * requires only when it parses a file, and the analysis, the pool and the outputs as another
 * (dist/cli-engine.js) that it requires once it does more than answer from its cache. That keeps dist/cli.js
 * small, and milliseconds of compiling off every run.
 */
const LAZY = { '../core/parse': './cli-parse.js', './engine': './cli-engine.js' };
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^(\.\.\/core\/parse|\.\/engine)$/ }, (a) =>
      a.importer.includes(`${path.sep}src${path.sep}cli${path.sep}`) ? { path: LAZY[a.path], external: true } : undefined,
    );
  },
};

/**
 * The parser's bundle (dist/cli-parse.js) loads the YAML library (dist/cli-yaml.js) only when a front matter
 * needs it: the front matter reader's own fast path reads the usual ones, and compiling and starting the library
 * cost about 8 ms of every cold run that parses (the 1,000-file check never runs it).
 */
const LAZY_YAML = `let yaml;
const load = () => (yaml ??= require('./cli-yaml.js'));
export const parseDocument = (source, options) => load().parseDocument(source, options);
export const isMap = (node) => load().isMap(node);
export const isScalar = (node) => load().isScalar(node);
export const isSeq = (node) => load().isSeq(node);
export class Lexer {
  *lex(source, incomplete) {
    yield* new (load().Lexer)().lex(source, incomplete);
  }
}
`;
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (a) =>
      a.importer.endsWith(`${path.sep}core${path.sep}frontMatter.ts`) ? { path: 'yaml', namespace: 'lazy-yaml' } : undefined,
    );
    build.onResolve({ filter: /^\.\/cli-yaml\.js$/ }, () => ({ path: './cli-yaml.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({ contents: LAZY_YAML, loader: 'js', resolveDir: process.cwd() }));
  },
};

/**
 * The Node extension host's bundle (dist/node.js) has the whole extension inside, but not a second copy of the
 * parser: the core's imports of src/core/parse/ require the command line's dist/cli-parse.js, which the parse
 * worker (dist/parse-worker.js) runs too, and which loads the YAML library only when it needs it. One parser (and
 * one YAML library) in the package for the CLI, the Node host and its worker: the VSIX stays within its budget.
 */
const PARSER = path.resolve('src/core/parse');
const sharedParser = {
  name: 'shared-parser',
  setup(build) {
    build.onResolve({ filter: /(^|\/)parse$/ }, (a) =>
      path.resolve(a.resolveDir, a.path) === PARSER && !a.importer.startsWith(PARSER + path.sep) ? { path: './cli-parse.js', external: true } : undefined,
    );
  },
};

const builds = [
  extensionBuild({ production }), // dist/extension.js (package.json `browser`): the web worker host's extension
  // dist/node.js (package.json `main`): the Node host's extension, the same sources with its own services
  // (src/node/), the parser from dist/cli-parse.js and the drafts' sentences from dist/phrases.json.
  { ...common, entryPoints: ['src/node/extension.ts'], outfile: 'dist/node.js', external: ['vscode'], charset: 'utf8', plugins: [sharedParser, phrasesBeside] },
  // dist/parse-worker.js: the Node host's parse worker thread (src/node/parseWorkerThread.ts), with the same parser.
  { ...common, entryPoints: ['src/node/parseWorkerThread.ts'], outfile: 'dist/parse-worker.js', plugins: [sharedParser] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyChunks] },
  // dist/cli-engine.js: the analysis, the pool and the outputs, which a rerun answered from the cache never loads (src/cli/engine.ts).
  { ...common, entryPoints: ['src/cli/engine.ts'], outfile: 'dist/cli-engine.js', plugins: [lazyChunks] },
  { ...common, entryPoints: ['src/core/parse/index.ts'], outfile: 'dist/cli-parse.js', plugins: [lazyYaml] },
  // dist/cli-yaml.js: only the part of the YAML library that reading front matter uses, as in dist/extension.js
  // (scripts/yaml-for-front-matter.mjs; the library's browser build, which is plain JavaScript): 115 KB -> 54 KB.
  {
    ...common,
    platform: 'browser',
    stdin: { contents: "export { isMap, isScalar, isSeq, Lexer, parseDocument } from 'yaml';", resolveDir: process.cwd(), sourcefile: 'cli-yaml.js' },
    outfile: 'dist/cli-yaml.js',
    plugins: [yamlForFrontMatter],
    mangleProps: YAML_MANGLE_PROPS,
  },
  // The Weekly Review webview: its script with uPlot, and its style sheet (dist/review.css), for the browser.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/webview/review.ts'], outfile: 'dist/review.js', minify: true },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
