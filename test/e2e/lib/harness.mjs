// Helpers for the Clientlog end-to-end suite: install the packaged extension into a throw-away
// profile, start code-server (a real VS Code) on a free 127.0.0.1 port, drive it with Chromium
// through playwright-core, and talk to the probe extension that runs inside the extension host.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * Web mode (`run.mjs --web` or E2E_WEB=1): the extension under test is clientlog-web.vsix (scripts/package-web.mjs),
 * which has only a `browser` entry, so code-server runs it in the web worker extension host inside the
 * Chromium page, as vscode.dev and github.dev do. The probe stays a Node extension: it reaches the web
 * extension through commands, diagnostics and documents, which VS Code shares between its hosts.
 */
export const WEB = process.env.E2E_WEB === '1' || process.argv.includes('--web');
const DEFAULT_VSIX = path.join(ROOT, WEB ? 'clientlog-web.vsix' : 'clientlog.vsix');
export const VSIX = process.env.CLIENTLOG_VSIX ? path.resolve(process.env.CLIENTLOG_VSIX) : DEFAULT_VSIX;
export const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');
export const PROBE_SRC = path.join(ROOT, 'test/e2e/probe');
export const LANGPACK_BG_SRC = path.join(ROOT, 'test/e2e/langpack-bg');
export const EXTENSION_ID = 'clientlog.clientlog';
export const KEEP = process.env.E2E_KEEP === '1';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Generous timeouts: the CI machine has 2 cores. Scale them all with E2E_TIMEOUT_SCALE. */
const SCALE = Number(process.env.E2E_TIMEOUT_SCALE || '1') || 1;
export const T = {
  server: 90_000 * SCALE,
  workbench: 120_000 * SCALE,
  activation: 90_000 * SCALE,
  command: 30_000 * SCALE,
  ui: 30_000 * SCALE,
  scenario: 300_000 * SCALE,
};

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  // Registers the extension's clientlog._test.* commands (src/features/testHooks.ts).
  'clientlog._testHooks': true,
  // No reminder or morning digest toasts over the workbench: the real clock at activation would raise the
  // digest in every scenario. The reminder scenarios (50-54) turn them on in their session settings.
  'clientlog.reminders.enabled': false,
};

// ------------------------------------------------------------------ small utilities

export const sleepTick = (ms = 100) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` (sync or async) every `interval` ms until it returns a truthy value, which is returned.
 * Throws after `timeout` with `message` and the last error thrown by `fn`, if any.
 */
export async function waitFor(fn, { timeout = T.ui, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message ?? lastError})` : '';
      throw new Error(`timed out after ${Math.round(timeout / 1000)}s waiting for ${message}${why}`);
    }
    await sleepTick(interval);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; rejects with its output on a non-zero exit. */
export function run(cmd, args, { cwd = ROOT, env = process.env, timeout = 180_000 } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, timeout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${r.status}\n${(r.stdout || '') + (r.stderr || '')}`.trim());
  }
  return r.stdout;
}

export function slug(s) {
  return String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

// ------------------------------------------------------------------ preflight + extensions

/** Throws a readable error when something the suite needs is missing. */
export function preflight() {
  const problems = [];
  if (!fs.existsSync(VSIX)) problems.push(`${path.relative(ROOT, VSIX)} not found: build it first with \`npm run package\` (npm test does this).`);
  if (!fs.existsSync(CODE_SERVER)) problems.push(`code-server not found at ${path.relative(ROOT, CODE_SERVER)}: run \`bash scripts/install-code-server.sh\`.`);
  if (!fs.existsSync(CHROMIUM)) problems.push(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  if (!fs.existsSync(EXAMPLES_DIR)) problems.push('examples/ folder not found.');
  if (problems.length) throw new Error(problems.join('\n'));
}

/** Packages a test-only extension folder (plain files, no build) into a vsix in `outDir`. */
export function packageTestExtension(src, outDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const work = path.join(outDir, `${id}-src`);
  fs.cpSync(src, work, { recursive: true });
  const out = path.join(outDir, `${id}.vsix`);
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: work });
  return out;
}

/**
 * Installs clientlog.vsix, the probe and the Bulgarian stub language pack into a template extensions
 * dir, once per run. Sessions copy it, so every session starts from the same freshly installed state.
 * (The stub language pack only matters when a session starts with `locale: 'bg'`.)
 */
export async function prepareExtensions(runDir) {
  const dir = path.join(runDir, 'extensions-template');
  const userData = path.join(runDir, 'install-user-data');
  const testExtensions = [PROBE_SRC, LANGPACK_BG_SRC].map((src) => packageTestExtension(src, runDir));
  run(
    CODE_SERVER,
    [
      '--extensions-dir',
      dir,
      '--user-data-dir',
      userData,
      '--install-extension',
      VSIX,
      ...testExtensions.flatMap((v) => ['--install-extension', v]),
      '--force',
    ],
    { env: codeServerEnv(runDir, {}) },
  );
  const installed = fs.readdirSync(dir);
  for (const want of [`${EXTENSION_ID}-`, 'clientlog-test.probe-', 'clientlog-test.language-pack-bg-']) {
    if (!installed.some((d) => d.startsWith(want)))
      throw new Error(`installing extensions did not produce ${want}* in ${dir} (found: ${installed.join(', ')})`);
  }
  return dir;
}

/** Installed folder of the extension under test inside an extensions dir. */
export function installedExtensionDir(extensionsDir) {
  const d = fs.readdirSync(extensionsDir).find((n) => n.startsWith(`${EXTENSION_ID}-`));
  if (!d) throw new Error(`${EXTENSION_ID} is not installed in ${extensionsDir}`);
  return path.join(extensionsDir, d);
}

/**
 * Writes <user-data>/languagepacks.json for the language packs in `extensionsDir`. VS Code picks the
 * display language (and so vscode.env.language and the extension's l10n bundle) from this file; the
 * server only writes it when a pack is installed while it runs, so a fresh profile has none and
 * `--locale bg` would silently fall back to English.
 */
export function writeLanguagePacks(extensionsDir, userDataDir) {
  const packs = {};
  for (const d of fs.readdirSync(extensionsDir)) {
    const manifestFile = path.join(extensionsDir, d, 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    for (const loc of m.contributes?.localizations ?? []) {
      const id = `${m.publisher}.${m.name}`.toLowerCase();
      const pack = (packs[loc.languageId] ??= { hash: '', extensions: [], translations: {}, label: loc.localizedLanguageName ?? loc.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: m.version });
      for (const t of loc.translations ?? []) pack.translations[t.id] = path.join(extensionsDir, d, t.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const h = createHash('md5');
    for (const e of pack.extensions) h.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = h.digest('hex');
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

function codeServerEnv(base, extra) {
  const env = { ...process.env };
  // Never inherit an outer VS Code / npm context into the server.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k.startsWith('npm_')) delete env[k];
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.ELECTRON_RUN_AS_NODE;
  const tmp = path.join(base, 'tmp'); // the server's IPC sockets and temp files go here, not /tmp
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...env,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    XDG_DATA_HOME: path.join(base, 'xdg-data'),
    XDG_CACHE_HOME: path.join(base, 'xdg-cache'),
    ...extra,
  };
}

// ------------------------------------------------------------------ code-server

/** Process groups of running code-servers, so an interrupted run does not leave them behind. */
const liveGroups = new Set();
/** Temporary dirs to delete if the run is interrupted. */
export const liveDirs = new Set();

/** Kills every code-server this process started (synchronous: safe in 'exit' and signal handlers). */
export function killAllServers() {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
  if (!KEEP) for (const d of liveDirs) fs.rmSync(d, { recursive: true, force: true });
  liveDirs.clear();
}

/**
 * Starts code-server on a free 127.0.0.1 port with a temporary copy of a workspace.
 * @param {object} o
 * @param {string} o.extensionsTemplate  dir made by prepareExtensions (copied)
 * @param {string} [o.workspace]         folder to copy as the workspace (default examples/)
 * @param {Record<string,string>} [o.files] extra files to write into the workspace copy (relative path -> text)
 * @param {string} [o.locale]            VS Code display language, e.g. 'bg' (code-server --locale)
 * @param {object} [o.settings]          extra user settings
 * @param {Record<string,string>} [o.env] extra env for the server (and so the extension host)
 * @param {boolean} [o.trust] false: keep workspace trust on (Restricted Mode for the untrusted folder)
 * @param {string} [o.workspaceInPlace] open this folder itself, not a copy (the benchmark's big workspaces;
 *   with the same folder and `userDataDir`, a second server opens "the same workspace again")
 * @param {string} [o.userDataDir]     use (and keep) this profile dir instead of a fresh one
 * @param {number} [o.port]            listen on this port (default: a free one); the workbench's workspace id,
 *   and so the extensions' workspace storage, depends on the address (vscode-remote://127.0.0.1:port/...)
 * @param {(workspaceDir: string) => void} [o.prepare] runs on the workspace copy before VS Code starts (git init, ...)
 */
export async function startCodeServer(o) {
  const base = await fsp.mkdtemp(path.join(os.tmpdir(), 'clientlog-e2e-'));
  liveDirs.add(base);
  const workspaceDir = o.workspaceInPlace ?? path.join(base, 'workspace');
  const extensionsDir = path.join(base, 'extensions');
  const userDataDir = o.userDataDir ?? path.join(base, 'user-data');
  const probeDir = path.join(base, 'probe');
  const logFile = path.join(base, 'code-server.log');
  if (!o.workspaceInPlace) fs.cpSync(o.workspace ?? EXAMPLES_DIR, workspaceDir, { recursive: true });
  for (const [rel, text] of Object.entries(o.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(workspaceDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspaceDir, rel), text);
  }
  o.prepare?.(workspaceDir);
  fs.cpSync(o.extensionsTemplate, extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  if (o.locale) writeLanguagePacks(extensionsDir, userDataDir);
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  fs.mkdirSync(probeDir, { recursive: true });
  const configFile = path.join(base, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const port = o.port ?? (await freePort());
  const args = [
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.trust === false ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
  ];
  if (o.locale) args.push('--locale', o.locale);
  args.push(workspaceDir);

  const out = fs.openSync(logFile, 'a');
  const child = spawn(CODE_SERVER, args, {
    cwd: base,
    env: codeServerEnv(base, { CLIENTLOG_PROBE_DIR: probeDir, ...(o.env ?? {}) }),
    stdio: ['ignore', out, out],
    detached: true, // own process group, so stop() ends the extension hosts too
  });
  fs.closeSync(out);
  liveGroups.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );

  const server = {
    base,
    port,
    workspaceDir,
    extensionsDir,
    userDataDir,
    probeDir,
    logFile,
    child,
    locale: o.locale ?? null,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspaceDir)}`,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    /** The extension host's log(s): activation errors and extension console output end up here. */
    extensionHostLog: () => {
      const logs = path.join(userDataDir, 'logs');
      if (!fs.existsSync(logs)) return '';
      return fs
        .readdirSync(logs, { recursive: true })
        .filter((f) => /exthost\.log$/.test(String(f)))
        .map((f) => `## ${f}\n${fs.readFileSync(path.join(logs, String(f)), 'utf8')}`)
        .join('\n');
    },
    async stop() {
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000);
        await exitPromise;
        clearTimeout(t);
      }
      // The group may outlive its leader (extension host, file watcher): make sure it is gone.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      liveGroups.delete(child.pid);
      if (!KEEP) await fsp.rm(base, { recursive: true, force: true }).catch(() => {});
      liveDirs.delete(base);
    },
  };

  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}):\n${server.log().slice(-3000)}`);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        return res && res.ok;
      },
      { timeout: T.server, message: `code-server on port ${port}` },
    );
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

// ------------------------------------------------------------------ probe

export class Probe {
  constructor(dir) {
    this.dir = dir;
    this.next = 1;
  }

  /** Last state written by the probe, or null. */
  state() {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, 'state.json'), 'utf8'));
    } catch {
      return null;
    }
  }

  /** Waits until `pred(state)` is truthy; returns the state. */
  async waitForState(pred, { timeout = T.ui, message = 'probe state' } = {}) {
    let last = null;
    try {
      return await waitFor(
        () => {
          last = this.state();
          return last && pred(last) ? last : null;
        },
        { timeout, message },
      );
    } catch (e) {
      e.message += `\nlast probe state: ${last ? JSON.stringify(summarizeState(last)) : 'none (probe never reported: is it installed and activated?)'}`;
      throw e;
    }
  }

  /**
   * Waits for the probe to report that the extension under test has been activated (by its own
   * activation events) and throws if activate() failed. Returns the state.
   */
  async waitForActivation({ timeout = T.activation } = {}) {
    const s = await this.waitForState((st) => st.extension?.isActive && st.extension.activation, {
      timeout,
      // In web mode the probe sees the extension only once its test hooks exist: an activation that threw
      // shows up as this timeout, and the error is among the browser console errors (in the failure log).
      message: `${EXTENSION_ID} to be activated${WEB ? ' in the web worker host (its clientlog._test.* commands to appear)' : ''}`,
    });
    if (!s.extension.activation.ok) throw new Error(`${EXTENSION_ID} failed to activate: ${s.extension.activation.error}`);
    return s;
  }

  /** Runs a command in the extension host (a vscode command or a probe.* builtin); returns its result. */
  async command(command, args = [], { timeout = T.command } = {}) {
    const id = this.next++;
    const req = path.join(this.dir, `request-${id}.json`);
    fs.writeFileSync(`${req}.tmp`, JSON.stringify({ command, args }));
    fs.renameSync(`${req}.tmp`, req);
    const resFile = path.join(this.dir, `response-${id}.json`);
    const res = await waitFor(
      () => {
        try {
          return JSON.parse(fs.readFileSync(resFile, 'utf8'));
        } catch {
          return null;
        }
      },
      { timeout, message: `probe response to ${command}` },
    );
    if (!res.ok) throw new Error(`command ${command} failed in the extension host: ${res.error}`);
    return res.result;
  }

  log() {
    const f = path.join(this.dir, 'probe.log');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
  }
}

export function summarizeState(s) {
  return {
    extension: s.extension,
    hasClientlogLanguage: Array.isArray(s.languages) ? s.languages.includes('clientlog') : undefined,
    activeEditor: s.activeEditor ? { fileName: s.activeEditor.fileName, languageId: s.activeEditor.languageId } : null,
    diagnostics: (s.diagnostics ?? []).map((d) => ({ uri: d.uri, count: d.diagnostics.length })),
    uiLanguage: s.uiLanguage,
  };
}

// ------------------------------------------------------------------ browser + session

/** Launches headless Chromium; `base` keeps its crash-report and cache dirs out of the user's home. */
export async function launchBrowser(base) {
  const { chromium } = await import('playwright-core');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(base, 'chromium-config'), XDG_CACHE_HOME: path.join(base, 'chromium-cache') };
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
}

/**
 * A scenario's world: a fresh code-server with a fresh profile and workspace copy, a fresh browser
 * context with the workbench loaded, and the probe. `close()` tears it all down.
 */
export async function startSession(browser, extensionsTemplate, options = {}) {
  const server = await startCodeServer({ ...options, extensionsTemplate });
  const probe = new Probe(server.probeDir);
  let context;
  try {
    context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: options.locale === 'bg' ? 'bg-BG' : 'en-US',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(T.ui);
    const consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(server.url, { timeout: T.workbench });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T.workbench });
    await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: T.workbench });
    const session = {
      server,
      probe,
      page,
      context,
      consoleErrors,
      workspaceDir: server.workspaceDir,
      async screenshot(name) {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `${slug(name)}.png`);
        await page.screenshot({ path: file, timeout: T.ui }).catch(() => {});
        return file;
      },
      async close() {
        await context.close().catch(() => {});
        await server.stop();
      },
    };
    return session;
  } catch (e) {
    if (context) await context.close().catch(() => {});
    e.message += `\ncode-server log (tail):\n${server.log().slice(-2000)}`;
    await server.stop();
    throw e;
  }
}
