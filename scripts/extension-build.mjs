// The extension's esbuild options, shared by scripts/build.mjs and the manifest test (which checks that a Node
// built-in fails the build), and its size budget, which bench/run.mjs reports.
//
// One bundle, dist/extension.js, serves both of package.json's entries: `main` (VS Code's Node extension host)
// and `browser` (the web worker host of vscode.dev, github.dev and VS Code for the Web). The code uses no
// Node API, so a second, Node-only copy would only double the extension's share of the VSIX (about 80 KB
// compressed), and the end-to-end suite tests in both hosts the one file users get.
import fs from 'node:fs';
import { builtinModules } from 'node:module';

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
 * The `yaml` library is a third of the bundle, and reading front matter (src/core/frontMatter.ts: parseDocument
 * with `schema: 'core', resolveKnownTags: false`, then the nodes' items, values and ranges, and the Lexer) uses
 * only its lexer, parser and composer, its nodes and the core schema. The rest cannot be reached from there:
 * the stringifier (Document.toString and friends, never called), toJS/toJSON and their reviver, createNode
 * (building nodes from JS values), the YAML 1.1 schema and its types (!!binary, !!set, !!timestamp, ...: the
 * core schema is forced, so a `%YAML 1.1` directive does not select them, and with resolveKnownTags off their
 * tags are unresolved like any unknown tag, a warning) and the JSON schema. Those modules are left out of
 * dist/extension.js: each export becomes a function that throws, so anything that did reach one would fail
 * loudly (the front matter reader reports it as a finding) rather than go wrong silently, and
 * test/manifest/web.test.ts reads a corpus of front matter through the bundled reader and the source one and
 * requires the same findings. The library's files are also marked free of side effects, so modules none of
 * whose exports is used are dropped whole. Together about 25 KB off the bundle.
 */
export const YAML_LEFT_OUT =
  /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/](?:stringify[\\/][^\\/]+|schema[\\/]yaml-1\.1[\\/][^\\/]+|schema[\\/]json[\\/]schema|doc[\\/]createNode|doc[\\/]applyReviver|nodes[\\/]toJS|nodes[\\/]addPairToJSMap|doc[\\/]anchors|visit)\.js$/;
export const yamlForFrontMatter = {
  name: 'yaml-for-front-matter',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (a) => {
      if (a.pluginData === 'yaml-for-front-matter') return undefined;
      if (a.path !== 'yaml' && !/[\\/]node_modules[\\/]yaml[\\/]/.test(a.importer)) return undefined;
      const r = await build.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: 'yaml-for-front-matter' });
      return r.errors.length > 0 ? { errors: r.errors } : { path: r.path, namespace: r.namespace, sideEffects: false };
    });
    build.onLoad({ filter: YAML_LEFT_OUT }, (a) => {
      const source = fs.readFileSync(a.path, 'utf8');
      const names = [...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
      if (names.length === 0 || names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n)) || /^export (?!\{)/m.test(source)) {
        return { errors: [{ text: `yaml-for-front-matter: ${a.path} no longer ends with one \`export { ... }\`; check what the yaml update moved` }] };
      }
      const file = a.path.replace(/^.*[\\/]yaml[\\/]browser[\\/]dist[\\/]/, '').replace(/\\/g, '/');
      const fail = `() => { throw new Error('yaml/${file} is left out of the web bundle (scripts/extension-build.mjs)'); }`;
      return { contents: names.map((n) => `export const ${n} = ${fail};`).join('\n'), loader: 'js' };
    });
  },
};

/** esbuild options of dist/extension.js: src/extension.ts for a browser's web worker, which Node runs as well. */
export function extensionBuild({ production = false } = {}) {
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
    plugins: [noNodeBuiltins, yamlForFrontMatter],
  };
}
