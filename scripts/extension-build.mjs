// The extension's esbuild options, shared by scripts/build.mjs and the manifest test (which checks that a Node
// built-in fails the build), and its size budget, which bench/run.mjs reports.
//
// dist/extension.js is package.json's `browser` entry: the extension for the web worker host of vscode.dev,
// github.dev and VS Code for the Web, which downloads it on every start (hence its size budget). The Node host's
// entry, `main`, is a bundle of its own (dist/node.js, scripts/build.mjs) from the same sources with the Node
// host's services (src/node/), so that Node-only code never counts against this budget.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMangledProps, YAML_MANGLE_PROPS, yamlForFrontMatter } from './yaml-for-front-matter.mjs';

/**
 * The size budget of the minified bundle, dist/extension.js (vscode.dev downloads it on every start): 250 KB,
 * in bytes. test/manifest/web.test.ts builds the bundle minified, as `npm run package` does, and holds it to this.
 */
export const BUNDLE_BUDGET = 250_000;

/**
 * The extension also runs in a browser web worker (vscode.dev, github.dev, any VS Code for the Web), where no
 * Node built-in exists. Importing one (`node:fs`, `path`, `events`, ...) fails the build here, with the
 * importer named, instead of failing at activation in a user's browser. (eslint bans them in the sources too.)
 */
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (a) => {
      if (!a.path.startsWith('node:') && !NODE_BUILTINS.has(a.path) && !NODE_BUILTINS.has(a.path.split('/')[0])) return undefined;
      return {
        errors: [
          {
            text: `${a.path} is a Node built-in, imported by ${a.importer}: the extension (dist/extension.js) also runs in a browser web worker, where it does not exist`,
          },
        ],
      };
    });
  },
};

/**
 * The drafts' plain sentences (src/core/drafts/phrases.json: about 21 KB of the minified bundle, much of it Cyrillic) stay out of
 * the bundle: the core's import of them reads as undefined there, and the build writes them, minified, to
 * dist/phrases.json, which the extension reads before a draft (src/host/phrases.ts) through workspace.fs, in
 * the Node host and the browser's web worker host alike. Data, not code: nothing is evaluated.
 */
const PHRASES = fileURLToPath(new URL('../src/core/drafts/phrases.json', import.meta.url));
export const phrasesBeside = {
  name: 'phrases-beside',
  setup(build) {
    build.onResolve({ filter: /[\\/]phrases\.json$/ }, (a) =>
      path.resolve(a.resolveDir, a.path) === PHRASES ? { path: PHRASES, namespace: 'phrases-beside' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'phrases-beside' }, () => ({ contents: 'export default undefined;', loader: 'js' }));
    build.onEnd((result) => {
      if (build.initialOptions.write === false || result.errors.length > 0) return;
      const out = path.join(path.dirname(build.initialOptions.outfile), 'phrases.json');
      fs.writeFileSync(out, JSON.stringify(JSON.parse(fs.readFileSync(PHRASES, 'utf8'))));
    });
  },
};

/** esbuild options of dist/extension.js: src/extension.ts for a browser's web worker. */
export function extensionBuild({ production = false } = {}) {
  checkMangledProps(fileURLToPath(new URL('../src', import.meta.url)));
  return {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    // A module with a sibling `x.web.ts` is built from that one here: the browser's smaller way to the same
    // answers where the Node host (dist/node.js, the CLI, the tests: `x.ts`) takes a faster or leaner one
    // (src/core/storedRange.ts).
    resolveExtensions: ['.web.ts', '.ts', '.js', '.json'],
    // The drafts' Bulgarian and Russian phrases stay 2 bytes a letter instead of 6 (\uXXXX escapes).
    charset: 'utf8',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'none',
    logLevel: 'info',
    // What only the Node host runs is reached through `import * as nodeStore from './indexStore'` in branches this bundle
    // folds away (`WEB_BUNDLE`), and ./indexStore.web.ts does not export it, so that nothing of it is downloaded; esbuild
    // warns of each such name. (A name missing by mistake is undefined at run time: the web worker host's end-to-end
    // scenarios run this bundle.)
    logOverride: { 'import-is-undefined': 'silent' },
    // Only the part of the YAML library that reading front matter uses, its internal names shortened: about
    // 42 KB less (scripts/yaml-for-front-matter.mjs).
    plugins: [noNodeBuiltins, yamlForFrontMatter, phrasesBeside],
    mangleProps: YAML_MANGLE_PROPS,
  };
}
