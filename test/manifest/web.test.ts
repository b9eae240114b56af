import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface ExtensionBuildModule {
  BUNDLE_BUDGET: number;
  noNodeBuiltins: esbuild.Plugin;
  extensionBuild(o?: { production?: boolean }): esbuild.BuildOptions;
}
const load = (): Promise<ExtensionBuildModule> => import(pathToFileURL(path.join(root, 'scripts/extension-build.mjs')).href);

/** The extension's bundle exactly as `npm run package` builds it (minified), in memory. */
async function minifiedWebBundle(m: ExtensionBuildModule): Promise<string> {
  const r = await esbuild.build({ ...m.extensionBuild({ production: true }), absWorkingDir: root, write: false, logLevel: 'silent' });
  return r.outputFiles[0].text;
}

describe('web extension (VS Code for the Web)', () => {
  it('has a browser entry: the same bundle as the Node one, let into the package', () => {
    assert.equal(pkg.browser, './dist/extension.js');
    assert.equal(pkg.main, pkg.browser, 'one bundle serves the Node and the web worker host');
    const allowed = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(allowed.includes(`!${pkg.browser.replace(/^\.\//, '')}`), '.vscodeignore lets the web bundle in');
  });

  // Its size against the 250 KiB budget is a budget of `npm run bench` (docs/BENCHMARKS.md), like the VSIX's.
  it('requires nothing but vscode, minified as packaged', async function () {
    this.timeout(60_000);
    const m = await load();
    const text = await minifiedWebBundle(m);
    const required = new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((r) => r[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  it('fails the web build when anything imports a Node built-in', async function () {
    this.timeout(60_000);
    const m = await load();
    for (const spec of ['node:fs', 'path', 'fs/promises', 'events']) {
      await assert.rejects(
        esbuild.build({
          stdin: { contents: `import * as x from '${spec}'; console.log(x);`, resolveDir: root },
          bundle: true,
          platform: 'browser',
          write: false,
          logLevel: 'silent',
          plugins: [m.noNodeBuiltins],
        }),
        (e: Error) => e.message.includes(`${spec} is a Node built-in`),
        spec,
      );
    }
    // and lets everything else through
    await esbuild.build({
      stdin: { contents: "import { parse } from 'yaml'; console.log(parse('a: 1'));", resolveDir: root },
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [m.noNodeBuiltins],
    });
  });
});
