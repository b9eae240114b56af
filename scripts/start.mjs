#!/usr/bin/env node
// `npm start`: try Clientlog in a real VS Code running in your browser.
//
// Installs code-server (VS Code 1.100.3) into .vscode-test/ if needed, builds and packages clientlog.vsix,
// installs it into a project-local profile (.vscode-test/extensions, .vscode-test/user-data; never your own
// VS Code profile) and serves the examples/ folder on http://127.0.0.1:$PORT (default 8080) until Ctrl+C.
//
// Env: PORT (default 8080), CLIENTLOG_WORKSPACE (folder to open, default examples/).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATE = path.join(ROOT, '.vscode-test');
const CODE_SERVER = path.join(STATE, 'code-server/node_modules/.bin/code-server');
const EXTENSIONS_DIR = path.join(STATE, 'extensions');
const USER_DATA_DIR = path.join(STATE, 'user-data');
const CONFIG = path.join(STATE, 'start-config.yaml');
const LOG = path.join(STATE, 'code-server.log');
const VSIX = path.join(ROOT, 'clientlog.vsix');
const WORKSPACE = path.resolve(ROOT, process.env.CLIENTLOG_WORKSPACE || 'examples');
const PORT = Number(process.env.PORT || 8080);
const HOST = '127.0.0.1';

function step(msg) {
  console.log(`\n▶ ${msg}`);
}

function fail(msg) {
  console.error(`\n✖ ${msg}`);
  process.exit(1);
}

function runOrFail(cmd, args, what, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) fail(`${what}: ${r.error.message}`);
  if (r.status !== 0) fail(`${what} failed (exit ${r.status})`);
}

/** Environment for code-server: keep its config, data and temp files inside .vscode-test/. */
function serverEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k.startsWith('VSCODE_')) delete env[k];
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(STATE, 'xdg-config'),
    XDG_DATA_HOME: path.join(STATE, 'xdg-data'),
    XDG_CACHE_HOME: path.join(STATE, 'xdg-cache'),
  };
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

function readJsonObject(file) {
  if (!fs.existsSync(file)) return {};
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null; // hand-edited with comments: leave it alone
  }
}

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) fail(`PORT must be a port number (got "${process.env.PORT}")`);
  if (!fs.existsSync(WORKSPACE)) fail(`workspace folder not found: ${WORKSPACE}`);

  step('Checking code-server (VS Code 1.100.3 for the browser)');
  runOrFail('bash', [path.join(ROOT, 'scripts/install-code-server.sh')], 'installing code-server');

  step('Building and packaging the extension (npm run package)');
  runOrFail('npm', ['run', '--silent', 'package'], 'npm run package');
  if (!fs.existsSync(VSIX)) fail('npm run package did not produce clientlog.vsix');

  step('Installing clientlog.vsix into the project-local profile (.vscode-test/)');
  fs.mkdirSync(STATE, { recursive: true });
  if (!fs.existsSync(CONFIG)) fs.writeFileSync(CONFIG, `bind-addr: ${HOST}:${PORT}\nauth: none\ncert: false\n`);
  runOrFail(
    CODE_SERVER,
    ['--config', CONFIG, '--extensions-dir', EXTENSIONS_DIR, '--user-data-dir', USER_DATA_DIR, '--install-extension', VSIX, '--force'],
    'installing clientlog.vsix',
    { env: serverEnv() },
  );

  // User settings: only fill in what is not set yet, so your own changes survive restarts.
  const settingsFile = path.join(USER_DATA_DIR, 'User/settings.json');
  const settings = readJsonObject(settingsFile);
  if (settings) {
    const defaults = {
      'workbench.startupEditor': 'none',
      // The extension supports untrusted workspaces, but the examples are ours: skip the trust prompt.
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
    };
    const merged = { ...defaults, ...settings };
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, `${JSON.stringify(merged, null, 2)}\n`);
  } else {
    console.log(`  (keeping your hand-edited ${path.relative(ROOT, settingsFile)})`);
  }

  if (!(await portIsFree(PORT))) fail(`port ${PORT} on ${HOST} is in use; run with another port, e.g. PORT=8081 npm start`);

  step(`Starting code-server on http://${HOST}:${PORT} (log: ${path.relative(ROOT, LOG)})`);
  const args = [
    '--config',
    CONFIG,
    '--bind-addr',
    `${HOST}:${PORT}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--extensions-dir',
    EXTENSIONS_DIR,
    '--user-data-dir',
    USER_DATA_DIR,
  ];
  args.push(WORKSPACE);
  const log = fs.openSync(LOG, 'w');
  const child = spawn(CODE_SERVER, args, { cwd: ROOT, env: serverEnv(), stdio: ['ignore', log, log] });
  fs.closeSync(log);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping code-server (${signal})...`);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', (code, signal) => {
    // Ctrl+C in a terminal reaches code-server too (same process group): that is a normal stop.
    if (!stopping && signal !== 'SIGINT' && signal !== 'SIGTERM') {
      const tail = fs.readFileSync(LOG, 'utf8').split('\n').slice(-30).join('\n');
      console.error(`\ncode-server exited unexpectedly (${signal ?? code}). Last log lines:\n${tail}`);
      process.exit(1);
    }
    console.log('Stopped.');
    process.exit(0);
  });

  // Wait until it answers, then tell the user where to go.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (stopping || child.exitCode !== null) return;
    const res = await fetch(`http://${HOST}:${PORT}/healthz`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) {
      stop('timeout');
      fail(`code-server did not answer on port ${PORT} within 120 s; see ${LOG}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const url = `http://${HOST}:${PORT}/?folder=${encodeURIComponent(WORKSPACE)}`;
  console.log(`
  Clientlog is running in VS Code (code-server 4.100.3) with the ${path.relative(ROOT, WORKSPACE) || '.'}/ folder.

    Open:  ${url}

  Edits you make there change the files in ${WORKSPACE}.
  Profile and extensions live in .vscode-test/ (delete it to start over). Press Ctrl+C to stop.`);
  if (commandExists('code')) {
    console.log(`
  Desktop VS Code found: to install the extension there too, run
    code --install-extension ${path.relative(process.cwd(), VSIX) || VSIX}`);
  }
}

await main();
