// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Every bare Node built-in (fs, fs/promises, path, ...); anything with the node: prefix is banned by a pattern.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:'));

/**
 * The extension's code also runs in a browser web worker (vscode.dev, github.dev: package.json's `browser`), where
 * Node's modules and globals do not exist; only the CLI (src/cli/) may use them.
 */
const NO_NODE = 'Node built-ins do not exist in the web extension (a browser web worker); only src/cli/ may use them.';
const nodeGlobals = ['process', 'Buffer', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require', 'global'].map((name) => ({
  name,
  message: `${NO_NODE} (Timers: setTimeout; bytes: Uint8Array, TextEncoder/TextDecoder.)`,
}));

/** Node's globals reached through the global object (`globalThis.process`, `self.Buffer`, ...). */
const nodeGlobalProperties = ['globalThis', 'self', 'window', 'global'].flatMap((object) =>
  ['process', 'Buffer', 'setImmediate', 'clearImmediate', 'require'].map((property) => ({ object, property, message: NO_NODE })),
);
/** A dynamic `import('fs')` or `import('node:fs')`, which no-restricted-imports does not see. */
const nodeDynamicImport = {
  selector: `ImportExpression[source.value=/^(node:|(${nodeBuiltins.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/|$))/]`,
  message: NO_NODE,
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'out/**', 'bench/corpus/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // CommonJS scripts (bench/floor.cjs runs as plain Node, without a bundler).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure: no VS Code, no Node built-ins, no clock, no network. "Now" and the time zone are parameters.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must stay free of VS Code; put adapters in src/features (or services in src/host).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure TypeScript: no Node built-ins; read files and the environment at the edge.' })),
          ],
          patterns: [{ regex: '^node:', message: 'src/core is pure TypeScript: no Node built-ins.' }],
        },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The core takes "now" as a parameter.' }, ...nodeGlobalProperties],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core takes "now" as a parameter: no argument-less new Date().',
        },
        {
          selector: "CallExpression[callee.name='require']",
          message: 'The core uses ES imports only.',
        },
        nodeDynamicImport,
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    // Everything else dist/extension.js bundles, and the Weekly Review's webview script (a browser page).
    files: ['src/host/**/*.ts', 'src/features/**/*.ts', 'src/webview/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: NO_NODE })),
          patterns: [{ regex: '^node:', message: NO_NODE }],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-properties': ['error', ...nodeGlobalProperties],
      'no-restricted-syntax': ['error', nodeDynamicImport],
    },
  },
);
