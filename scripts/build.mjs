// Bundles the extension (and the CLI) with esbuild. `--watch` rebuilds on change; `--production` minifies.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { webBuild } from './web-build.mjs';

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
 * Node's own start): the parser with the YAML library, and the calendar library, are bundled as files of
 * their own that dist/cli.js requires only when it parses a file or writes a calendar. That keeps dist/cli.js
 * at about a quarter of the size, and 7 ms of compiling off every run.
 */
const LAZY = { '../core/parse': './cli-parse.js', ics: './cli-ics.js' };
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^(\.\.\/core\/parse|ics)$/ }, (a) => (a.importer.includes(`${path.sep}src${path.sep}cli${path.sep}`) ? { path: LAZY[a.path], external: true } : undefined));
  },
};

const builds = [
  // charset utf8: the drafts' Cyrillic phrases stay 2 bytes a letter instead of 6 (\uXXXX escapes).
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], charset: 'utf8' },
  webBuild({ production }), // dist/web/extension.js: the same extension for VS Code for the Web
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyChunks] },
  { ...common, entryPoints: ['src/core/parse/index.ts'], outfile: 'dist/cli-parse.js' },
  { ...common, entryPoints: [createRequire(import.meta.url).resolve('ics')], outfile: 'dist/cli-ics.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
