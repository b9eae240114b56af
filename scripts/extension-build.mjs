// The extension's esbuild options, shared by scripts/build.mjs and the manifest test (which checks that a Node
// built-in fails the build), and its size budget, which bench/run.mjs reports.
//
// One bundle, dist/extension.js, serves both of package.json's entries: `main` (VS Code's Node extension host)
// and `browser` (the web worker host of vscode.dev, github.dev and VS Code for the Web). The code uses no
// Node API, so a second, Node-only copy would only double the extension's share of the VSIX (about 80 KB
// compressed), and the end-to-end suite tests in both hosts the one file users get.
import { builtinModules } from 'node:module';
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

/** esbuild options of dist/extension.js: src/extension.ts for a browser's web worker, which Node runs as well. */
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
    // The drafts' Bulgarian and Russian phrases stay 2 bytes a letter instead of 6 (\uXXXX escapes).
    charset: 'utf8',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'none',
    logLevel: 'info',
    // Only the part of the YAML library that reading front matter uses, its internal names shortened: about
    // 42 KB less (scripts/yaml-for-front-matter.mjs).
    plugins: [noNodeBuiltins, yamlForFrontMatter],
    mangleProps: YAML_MANGLE_PROPS,
  };
}
