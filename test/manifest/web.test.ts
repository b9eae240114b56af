import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface ExtensionBuildModule {
  BUNDLE_BUDGET: number;
  noNodeBuiltins: esbuild.Plugin;
  extensionBuild(o?: { production?: boolean }): esbuild.BuildOptions;
}
const load = (): Promise<ExtensionBuildModule> => import(pathToFileURL(path.join(root, 'scripts/extension-build.mjs')).href);

/** The extension's bundle exactly as `npm run package` builds it (minified), in memory, with its metafile. */
async function minifiedWebBundle(m: ExtensionBuildModule): Promise<{ text: string; bytes: number; metafile: esbuild.Metafile }> {
  const r = await esbuild.build({ ...m.extensionBuild({ production: true }), absWorkingDir: root, write: false, logLevel: 'silent', metafile: true });
  return { text: r.outputFiles[0].text, bytes: r.outputFiles[0].contents.length, metafile: r.metafile! };
}

describe('web extension (VS Code for the Web)', () => {
  it('has a browser entry and a Node entry, both let into the package', () => {
    assert.equal(pkg.browser, './dist/extension.js');
    assert.equal(pkg.main, './dist/node.js');
    const allowed = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of [pkg.browser, pkg.main, './dist/parse-worker.js'])
      assert.ok(allowed.includes(`!${entry.replace(/^\.\//, '')}`), `.vscodeignore lets ${entry} in`);
  });

  it('the Node entry is a bundle of its own with the whole extension inside, sharing only the command line parser', () => {
    // test/setup.ts has built dist/ (scripts/build.mjs).
    const requires = (file: string) =>
      new Set([...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((r) => r[1]));
    const text = fs.readFileSync(path.join(root, pkg.main), 'utf8');
    const local = (file: string) => [...requires(file)].filter((r) => r.startsWith('.')).sort();
    assert.deepEqual(local(pkg.main), ['./cli-parse.js'], 'dist/node.js does not require dist/extension.js');
    assert.ok(requires(pkg.main).has('vscode'));
    // Every command the extension contributes is registered in the bundle itself.
    const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(commands.length > 10);
    for (const c of commands) assert.ok(text.includes(`"${c}"`), `${c} is registered in dist/node.js`);
    assert.ok(
      !/function parseBody\b/.test(text) && /function registerPromiseTree\b/.test(text),
      'the parser is not bundled into dist/node.js a second time; the features are',
    );
    // The parse worker's thread loads neither `vscode` nor the extension (the parser is the one it is given: dist/cli-parse.js).
    assert.deepEqual(local('dist/parse-worker.js'), []);
    assert.ok(!requires('dist/parse-worker.js').has('vscode'));
  });

  it("is built from a module's `.web.ts` sibling where there is one (the browser's smaller way), the Node host's bundle from the module", async function () {
    this.timeout(60_000);
    const m = await load();
    const { metafile } = await minifiedWebBundle(m);
    const inputs = Object.keys(metafile.inputs);
    const siblings = ['src/core/storedRange', 'src/host/bundle'];
    for (const s of siblings) {
      assert.ok(inputs.includes(`${s}.web.ts`) && !inputs.includes(`${s}.ts`), `${s}: ${inputs.filter((i) => i.startsWith(s)).join(', ')}`);
    }
    // test/setup.ts has built dist/ (scripts/build.mjs), not minified: the Node host's bundle has the modules themselves.
    const node = fs.readFileSync(path.join(root, pkg.main), 'utf8');
    assert.ok(/StoredRange = class\b/.test(node) && !node.includes('storedRange.web.ts') && node.includes('src/host/bundle.ts'));
  });

  it('requires nothing but vscode, minified as packaged', async function () {
    this.timeout(60_000);
    const m = await load();
    const { text } = await minifiedWebBundle(m);
    const required = new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((r) => r[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  // A size is not a timing: the same sources and esbuild give the same bytes on any machine. (`npm run bench`
  // shows the size of dist/extension.js too, in its Budgets table.)
  it('stays within its size budget, 250 KB minified as packaged (vscode.dev downloads it on every start)', async function () {
    this.timeout(60_000);
    const m = await load();
    assert.equal(m.BUNDLE_BUDGET, 250_000);
    const { bytes, metafile } = await minifiedWebBundle(m);
    const inputs = Object.entries(Object.values(metafile.outputs)[0].inputs);
    const biggest = inputs
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 8)
      .map(([file, i]) => `${file.replace(/^.*node_modules[\\/]/, '')} ${i.bytesInOutput}`);
    assert.ok(
      bytes <= m.BUNDLE_BUDGET,
      `dist/extension.js is ${bytes} bytes, ${bytes - m.BUNDLE_BUDGET} over the budget of ${m.BUNDLE_BUDGET}; the biggest modules: ${biggest.join(', ')}`,
    );
  });

  it('lint bans Node modules and globals in every folder the web bundle holds, not in the CLI', async function () {
    this.timeout(60_000);
    const eslint = new ESLint({ cwd: root });
    const banned = [
      "import * as fs from 'fs'; export const a = fs;",
      "import { readFile } from 'node:fs/promises'; export const a = readFile;",
      "import { EventEmitter } from 'events'; export const a = EventEmitter;",
      "export const a = require('node:path');",
      "export const a = import('node:fs');",
      "export const a = import('child_process');",
      'export const a = process.env.HOME;',
      "export const a = Buffer.from('x');",
      'export const a = setImmediate(() => undefined);',
      'export const a = globalThis.process;',
      'export const a = self.Buffer;',
      'export const a = __dirname;',
    ];
    for (const file of ['src/core/x.ts', 'src/core/drafts/x.ts', 'src/host/x.ts', 'src/features/x.ts', 'src/webview/x.ts', 'src/extension.ts']) {
      for (const code of banned) {
        const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
        assert.ok(
          r.messages.some((m) => /^(no-restricted-|@typescript-eslint\/no-require-imports)/.test(m.ruleId ?? '')),
          `${file}: ${code} -> ${JSON.stringify(r.messages.map((m) => m.ruleId))}`,
        );
      }
    }
    // What the web worker has instead passes, and the command line may use Node.
    const [web] = await eslint.lintText('export const a = [setTimeout, new TextDecoder(), new Uint8Array(1), Intl.DateTimeFormat, globalThis.crypto];', {
      filePath: path.join(root, 'src/host/x.ts'),
    });
    assert.deepEqual(web.messages, []);
    const [cli] = await eslint.lintText("import * as fs from 'node:fs'; export const a = [fs.readFileSync, process.argv, Buffer.from('x')];", {
      filePath: path.join(root, 'src/cli/x.ts'),
    });
    assert.deepEqual(cli.messages, []);
  });

  it("leaves the drafts' sentences out of the bundle, for dist/phrases.json, which the package carries", async function () {
    this.timeout(60_000);
    const m = await load();
    const { text } = await minifiedWebBundle(m);
    const phrases = JSON.parse(fs.readFileSync(path.join(root, 'src/core/drafts/phrases.json'), 'utf8'));
    for (const lang of ['en', 'bg', 'ru', 'ro']) {
      assert.ok(!text.includes(phrases[lang].refusalNo.scope), `${lang}: a refusal sentence is in the bundle`);
      assert.ok(!text.includes(phrases[lang].crisis.onIt), `${lang}: an escalation sentence is in the bundle`);
    }
    // test/setup.ts has built dist/ (scripts/build.mjs): the sentences beside the bundle, as they are in the sources.
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, 'dist/phrases.json'), 'utf8')), phrases);
    const allowed = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(allowed.includes('!dist/phrases.json'), '.vscodeignore lets dist/phrases.json in');
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
