import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Mocha root hook (required by .mocharc.json): builds dist/ once before any test, so the manifest and CLI
 * tests that read the bundles pass on a fresh clone (`npm ci && npx mocha`), and test what the sources are now.
 */
export const mochaHooks = {
  beforeAll(this: Mocha.Context): void {
    this.timeout(120_000);
    execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { cwd: path.join(__dirname, '..'), stdio: 'pipe' });
  },
};
