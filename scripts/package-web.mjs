#!/usr/bin/env node
// Packages clientlog-web.vsix, a test variant of the extension for the end-to-end suite's web mode
// (`node test/e2e/run.mjs --web`): the files of clientlog.vsix but the Node-only ones, with `main` deleted from package.json.
// An extension with only a `browser` entry runs in the web worker extension host, inside the browser page,
// even on a server that also has a Node extension host (code-server): there it meets the restrictions of
// vscode.dev and github.dev. Run after `npm run package` (which builds dist/ minified); never published.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_BUDGET } from './extension-build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'clientlog-web.vsix');

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
if (!pkg.browser || !fs.existsSync(path.join(ROOT, pkg.browser))) {
  console.error(`package-web: ${pkg.browser ?? 'the browser entry'} is missing; run \`npm run package\` first`);
  process.exit(1);
}
delete pkg.main;
delete pkg.bin; // the CLI is Node-only
delete pkg.scripts; // vsce would run a vscode:prepublish; nothing is built here

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-web-vsix-'));
try {
  // Everything .vscodeignore lets in (it is an allow-list); vsce applies it again in the copy.
  const allowed = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'));
  const tops = new Set(allowed.map((l) => l.slice(1).split('/')[0].replace(/\*.*$/, '')));
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === 'package.json' || ![...tops].some((t) => (t ? entry.startsWith(t) : false))) continue;
    fs.cpSync(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
  }
  // The command line (dist/cli*.js) and the Node host's bundles (dist/node.js, dist/parse-worker.js) have nothing
  // to do in a browser: the browser entry is the only extension code in this package.
  for (const f of fs.readdirSync(path.join(work, 'dist'))) if (/^(cli|node|parse-worker)\b/.test(f)) fs.rmSync(path.join(work, 'dist', f));
  fs.copyFileSync(path.join(ROOT, '.vscodeignore'), path.join(work, '.vscodeignore'));
  fs.writeFileSync(path.join(work, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', OUT], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`package-web: vsce failed\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  const bytes = fs.statSync(path.join(ROOT, pkg.browser)).size;
  console.log(
    `package-web: ${path.relative(ROOT, OUT)} (browser entry only, ${bytes} bytes of ${pkg.browser}; budget ${BUNDLE_BUDGET}, held by test/manifest/web.test.ts)`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
