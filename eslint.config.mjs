// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'out/**', 'bench/corpus/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The core is pure: no VS Code, no clock, no network. "Today" and the time zone are parameters.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must stay free of VS Code; put adapters in src/features.' },
          { name: 'http', message: 'No network in the core.' },
          { name: 'https', message: 'No network in the core.' },
          { name: 'fs', message: 'The core works on text; read files at the edge.' },
        ],
      }],
    },
  },
);
