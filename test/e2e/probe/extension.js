/* eslint-disable @typescript-eslint/no-require-imports */
// @ts-check
// Test-only probe extension for the Clientlog end-to-end suite.
//
// It lets the test read extension-host state and run commands without going through the DOM.
// Everything goes through files in the directory named by env CLIENTLOG_PROBE_DIR:
//   state.json          rewritten (atomically) whenever the observed state changes
//   request-<n>.json    written by the test: { "command": "...", "args": [...] }
//   response-<n>.json   written by the probe: { "id": n, "ok": true, "result": ... } or { ok: false, error }
//   probe.log           errors and notes
// Arguments are revived: { "$uri": "file:///x" }, { "$file": "/abs/path" }, { "$workspaceFile": "a.clientlog" },
// { "$position": [line, ch] }, { "$range": [l1, c1, l2, c2] }.
// Commands starting with "probe." are handled here (see BUILTINS); the rest go to
// vscode.commands.executeCommand.
'use strict';

const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const DIR = process.env.CLIENTLOG_PROBE_DIR;
/**
 * Benchmark mode (bench/editor.mjs): state.json carries diagnostic counts, not every diagnostic (writing
 * 40,000 of them four times a second would itself load the extension host being measured), and the probe
 * watches the event loop (see `bench`).
 */
const BENCH = process.env.CLIENTLOG_PROBE_BENCH === '1';
const TARGET_ID = process.env.CLIENTLOG_PROBE_TARGET || 'clientlog.clientlog';
/** A command the target registers at the end of activate() (its test hooks). */
const READY_COMMAND = process.env.CLIENTLOG_PROBE_READY_COMMAND || 'clientlog._test.timing';
const SEVERITY = ['error', 'warning', 'information', 'hint'];
const POLL_MS = 100;
const STATE_MS = 250;

let seq = 0;
/** Outcome of the target's activation once it is active: null (unknown yet), { ok: true } or { ok: false, error }. */
let activation = null;
let activationChecked = false;
let lastStateKey = '';
let writing = false;
const timers = [];

function log(msg) {
  if (!DIR) return;
  try {
    fs.appendFileSync(path.join(DIR, 'probe.log'), `${new Date().toISOString()} ${msg}\n`);
  } catch {
    // nothing we can do
  }
}

/**
 * Writes a JSON file whole (a temporary file renamed over it), off the extension host's thread: a synchronous
 * rename over an existing file waits for the new file's data to reach the disk on ext4 (auto_da_alloc), which
 * took up to hundreds of milliseconds while the measured extension wrote its persisted index (2.9 s of the
 * extension host's thread in one profile of a 10,000-log window), and was counted as the extension's long tasks.
 */
let tmpSeq = 0;
async function writeJsonAtomic(file, data) {
  const tmp = `${file}.${process.pid}.${++tmpSeq}.tmp`;
  await fs.promises.writeFile(tmp, JSON.stringify(data, null, 2));
  await fs.promises.rename(tmp, file);
}

/** Converts VS Code API values into plain JSON-able data. */
function toPlain(value, depth = 0, seen = new WeakSet()) {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return value;
  if (depth > 8) return '[depth]';
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof vscode.Uri) return value.toString();
  if (value instanceof vscode.Position) return { line: value.line, character: value.character };
  if (value instanceof vscode.Range) return { start: toPlain(value.start), end: toPlain(value.end) };
  if (value instanceof vscode.Location) return { uri: value.uri.toString(), range: toPlain(value.range) };
  if (value instanceof vscode.MarkdownString || value instanceof vscode.SnippetString) return value.value;
  if (value instanceof vscode.Diagnostic) return diagnostic(value);
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value instanceof Map) return toPlain(Object.fromEntries(value), depth + 1, seen);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1, seen));
  if (typeof value.uri === 'object' && typeof value.languageId === 'string' && typeof value.getText === 'function') {
    return { uri: value.uri.toString(), languageId: value.languageId, version: value.version, isDirty: value.isDirty };
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const p = toPlain(v, depth + 1, seen);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

function diagnostic(d) {
  const code = d.code && typeof d.code === 'object' ? d.code.value : d.code;
  return {
    code: code ?? null,
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    source: d.source ?? null,
    range: toPlain(d.range),
    tags: d.tags ?? [],
  };
}

function editorInfo(editor, withText) {
  const doc = editor.document;
  const info = {
    uri: doc.uri.toString(),
    fsPath: doc.uri.scheme === 'file' ? doc.uri.fsPath : null,
    fileName: path.basename(doc.uri.path),
    languageId: doc.languageId,
    isDirty: doc.isDirty,
    lineCount: doc.lineCount,
    viewColumn: editor.viewColumn ?? null,
    selection: toPlain(editor.selection),
  };
  if (withText) info.text = doc.getText();
  return info;
}

/**
 * `isActive` is also true when activate() threw. Extension.activate() on an already activated extension
 * does not activate again: it resolves, or rejects with the activation error. Only asked once active, so
 * the probe never triggers the activation itself.
 */
function checkActivation(ext) {
  if (activationChecked || !ext || !ext.isActive) return;
  activationChecked = true;
  Promise.resolve(ext.activate()).then(
    () => {
      activation = { ok: true };
      update();
    },
    (e) => {
      activation = { ok: false, error: e && e.message ? e.message : String(e) };
      update();
    },
  );
}

function update() {
  void writeState(false);
}

/**
 * The target when it runs in another extension host (the web worker host of the suite's web mode), which
 * extensions.getExtension does not see from here: it counts as active, and activated without error, once
 * its test hooks, registered at the end of its activate(), are among the commands (which all hosts share).
 */
async function targetInOtherHost() {
  const commands = await vscode.commands.getCommands(true);
  const isActive = commands.includes(READY_COMMAND);
  return { id: TARGET_ID, isActive, activation: isActive ? { ok: true } : null, host: 'other', version: null, extensionPath: null };
}

async function collectState() {
  const ext = vscode.extensions.getExtension(TARGET_ID);
  checkActivation(ext);
  const active = vscode.window.activeTextEditor;
  let languages = [];
  try {
    languages = await vscode.languages.getLanguages();
  } catch (e) {
    log(`getLanguages failed: ${e}`);
  }
  return {
    sessionId: vscode.env.sessionId,
    uiLanguage: vscode.env.language,
    appName: vscode.env.appName,
    vscodeVersion: vscode.version,
    extension: ext
      ? { id: ext.id, isActive: ext.isActive, activation, host: 'this', version: ext.packageJSON.version, extensionPath: ext.extensionPath }
      : await targetInOtherHost(),
    languages,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri.toString(), fsPath: f.uri.fsPath })),
    diagnostics: BENCH
      ? []
      : vscode.languages
          .getDiagnostics()
          .filter(([, ds]) => ds.length > 0)
          .map(([uri, ds]) => ({ uri: uri.toString(), fsPath: uri.scheme === 'file' ? uri.fsPath : null, diagnostics: ds.map(diagnostic) })),
    bench: BENCH ? { total: bench.total, overdue: bench.overdue, files: bench.files, firstAt: bench.firstAt, changedAt: bench.changedAt } : undefined,
    activeEditor: active ? editorInfo(active, true) : null,
    visibleEditors: vscode.window.visibleTextEditors.map((e) => editorInfo(e, false)),
    openDocuments: vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme !== 'output')
      .map((d) => ({ uri: d.uri.toString(), languageId: d.languageId, isDirty: d.isDirty })),
  };
}

async function writeState(force) {
  if (writing) return;
  writing = true;
  try {
    const state = await collectState();
    const key = JSON.stringify(state);
    if (force || key !== lastStateKey) {
      lastStateKey = key;
      await writeJsonAtomic(path.join(DIR, 'state.json'), { seq: ++seq, time: new Date().toISOString(), ...state });
    }
  } catch (e) {
    log(`state failed: ${e && e.stack ? e.stack : e}`);
  } finally {
    writing = false;
  }
}

function workspaceUri(rel) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...String(rel).split('/'));
}

function revive(arg) {
  if (Array.isArray(arg)) return arg.map(revive);
  if (!arg || typeof arg !== 'object') return arg;
  if (typeof arg.$uri === 'string') return vscode.Uri.parse(arg.$uri);
  if (typeof arg.$file === 'string') return vscode.Uri.file(arg.$file);
  if (typeof arg.$workspaceFile === 'string') return workspaceUri(arg.$workspaceFile);
  if (Array.isArray(arg.$position)) return new vscode.Position(arg.$position[0], arg.$position[1]);
  if (Array.isArray(arg.$range)) return new vscode.Range(arg.$range[0], arg.$range[1], arg.$range[2], arg.$range[3]);
  const out = {};
  for (const [k, v] of Object.entries(arg)) out[k] = revive(v);
  return out;
}

function toUri(target) {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string')
    return target.includes('://') || target.startsWith('file:')
      ? vscode.Uri.parse(target)
      : path.isAbsolute(target)
        ? vscode.Uri.file(target)
        : workspaceUri(target);
  throw new Error('expected a uri, an absolute path or a workspace-relative path');
}

function requireEditor() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('no active text editor');
  return editor;
}

// ------------------------------------------------------------------ benchmark mode

/** Diagnostics per uri (counts), kept up to date from the change events' uris only. */
const diagCounts = new Map();
const bench = {
  total: 0,
  overdue: 0,
  files: 0,
  /** Epoch ms of the first diagnostic, of the last change of the overdue count, of the last change of any count. */
  firstAt: null,
  overdueChangedAt: null,
  changedAt: null,
  /** Event-loop blocks over 50 ms: [epoch ms at the end, ms blocked, the monotonic clock at the end in µs (a CPU profile's clock)]. */
  longTasks: [],
  histogram: null,
};
const TICK_MS = 10;

function onDiagnostics(e) {
  const before = bench.overdue;
  const beforeTotal = bench.total;
  for (const uri of e.uris) {
    const key = uri.toString();
    const old = diagCounts.get(key);
    const ds = vscode.languages.getDiagnostics(uri);
    let overdue = 0;
    for (const d of ds) if ((d.code && typeof d.code === 'object' ? d.code.value : d.code) === 'promise.overdue') overdue++;
    if (old) {
      bench.total -= old.total;
      bench.overdue -= old.overdue;
      bench.files--;
    }
    if (ds.length > 0) {
      diagCounts.set(key, { total: ds.length, overdue });
      bench.total += ds.length;
      bench.overdue += overdue;
      bench.files++;
    } else diagCounts.delete(key);
  }
  const now = Date.now();
  if (bench.total > 0 && bench.firstAt === null) bench.firstAt = now;
  if (bench.overdue !== before) bench.overdueChangedAt = now;
  if (bench.total !== beforeTotal || bench.overdue !== before) bench.changedAt = now;
}

/** Measures how long the extension host's event loop is blocked: timer drift, and Node's own histogram. */
function watchEventLoop() {
  const { monitorEventLoopDelay } = require('perf_hooks');
  bench.histogram = monitorEventLoopDelay({ resolution: 10 });
  bench.histogram.enable();
  let last = Date.now();
  timers.push(
    setInterval(() => {
      const now = Date.now();
      const blocked = now - last - TICK_MS;
      if (blocked > 50) bench.longTasks.push([now, blocked, Number(process.hrtime.bigint() / 1000n)]);
      last = now;
    }, TICK_MS),
  );
}

/** The extension host's memory, read from /proc (VmRSS now, VmHWM the peak). */
function procMemory() {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status) ?? [])[1]) * 1024 || null;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: process.memoryUsage().rss, hwm: null };
  }
}

/** CLIENTLOG_PROBE_PROFILE=<file>: a CPU profile of the whole extension host, from activation to `probe.profile.stop`. */
let profiler = null;
function startProfile() {
  const inspector = require('inspector');
  profiler = new inspector.Session();
  profiler.connect();
  profiler.post('Profiler.enable', () => profiler.post('Profiler.setSamplingInterval', { interval: 500 }, () => profiler.post('Profiler.start')));
}

const BUILTINS = {
  /** Writes the CPU profile started at activation (CLIENTLOG_PROBE_PROFILE) to that file. */
  /** Writes a heap snapshot of the extension host to `file` (the editor benchmark's BENCH_HEAP_DIR). */
  'probe.heapSnapshot': (file) => require('v8').writeHeapSnapshot(file),
  'probe.profile.stop': () =>
    new Promise((resolve, reject) => {
      if (!profiler) return reject(new Error('no profile running (set CLIENTLOG_PROBE_PROFILE)'));
      profiler.post('Profiler.stop', (err, r) => {
        if (err) return reject(err);
        fs.writeFileSync(process.env.CLIENTLOG_PROBE_PROFILE, JSON.stringify(r.profile));
        profiler.disconnect();
        profiler = null;
        resolve(process.env.CLIENTLOG_PROBE_PROFILE);
      });
    }),
  /**
   * Benchmark mode: a SHA-256 of every diagnostic of the window (its file, range, severity, code, source and message,
   * the files in order), so that the warm window can be held to exactly what the cold one showed.
   */
  'probe.diagnosticsDigest': () => {
    const hash = require('crypto').createHash('sha256');
    const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.length > 0);
    all.sort(([a], [b]) => (a.toString() < b.toString() ? -1 : 1));
    for (const [uri, ds] of all) {
      hash.update(`${uri.toString()}\n`);
      for (const d of ds) {
        const r = d.range;
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        hash.update(`${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${code} ${d.source} ${d.message}\n`);
      }
    }
    return { files: all.length, digest: hash.digest('hex') };
  },
  /** Benchmark mode: counts, first and last change times, long tasks (since `since`, epoch ms), memory. */
  'probe.bench': (since = 0) => {
    const h = bench.histogram;
    return {
      pid: process.pid,
      // The extension host's clock, for judging how long nothing changed: an answer can take seconds to arrive.
      now: Date.now(),
      total: bench.total,
      overdue: bench.overdue,
      files: bench.files,
      firstAt: bench.firstAt,
      overdueChangedAt: bench.overdueChangedAt,
      changedAt: bench.changedAt,
      longTasks: bench.longTasks.filter(([at]) => at >= since),
      eventLoopDelay: h ? { max: h.max / 1e6, p99: h.percentile(99) / 1e6, mean: h.mean / 1e6 } : null,
      memory: procMemory(),
      heapUsed: process.memoryUsage().heapUsed,
      // heapTotal, external and arrayBuffers too: where the RSS beyond the heap's objects is.
      memoryUsage: process.memoryUsage(),
    };
  },
  /**
   * Benchmark (issue 14): runs "Clientlog: Weekly Review" and waits, in the extension host, for the webview to say
   * it has drawn the review (its `drawn` message, posted after it laid out the table and the charts); readyMs is
   * from just before the command to that message, on the host's performance clock (no file round trip inside).
   */
  'probe.reviewReady': async (timeoutMs = 120_000) => {
    const clock = () => performance.timeOrigin + performance.now();
    const t0 = clock();
    await vscode.commands.executeCommand('clientlog.review');
    const commandMs = clock() - t0;
    for (;;) {
      /** @type {any} */
      const s = await vscode.commands.executeCommand('clientlog._test.review');
      if (s && typeof s.drawnAt === 'number' && s.drawnAt >= t0) {
        const t = s.review.total;
        return {
          readyMs: s.drawnAt - t0,
          commandMs,
          logs: s.logs,
          // How many logs' inputs the extension had made so far of the persisted index's recent ones (no file read).
          stored: s.stored ?? null,
          clients: s.review.clients.length,
          due: t.promises.due,
          overdue: t.promises.overdue.length,
          onTime: t.promises.onTime.length,
          // ms after the command: page ready, logs read, review made, message handed over; the page's layout time.
          phases: s.marks ? { readyMs: s.marks[0], inputsMs: s.marks[1], reviewedMs: s.marks[2], postedMs: s.marks[3], renderMs: s.renderMs ?? null } : null,
        };
      }
      if (clock() - t0 > timeoutMs) throw new Error(`the Weekly Review was not drawn within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
  /**
   * The floor of any webview here: a panel whose page is one inline script posting a message, timed from its creation
   * to that message (ms), then closed. The bench measures it beside the Weekly Review.
   */
  'probe.webviewFloor': async (timeoutMs = 60_000, real = false) => {
    const t0 = performance.now();
    const ext = vscode.extensions.getExtension(TARGET_ID);
    const dist = vscode.Uri.joinPath(ext.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('probe.floor', 'Floor', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: real,
      localResourceRoots: [dist],
    });
    try {
      const nonce = Math.random().toString(36).slice(2);
      const ready = new Promise((resolve, reject) => {
        const sub = panel.webview.onDidReceiveMessage(() => {
          sub.dispose();
          resolve(performance.now() - t0);
        });
        setTimeout(() => reject(new Error(`the bare webview did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      const w = panel.webview;
      panel.webview.html = real
        ? `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${w.cspSource} data:; style-src ${w.cspSource}; script-src 'nonce-${nonce}';"><link rel="stylesheet" href="${w.asWebviewUri(vscode.Uri.joinPath(dist, 'review.css'))}"></head><body><main id="app" aria-live="polite"></main><script nonce="${nonce}" src="${w.asWebviewUri(vscode.Uri.joinPath(dist, 'review.js'))}"></script></body></html>`
        : `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';"></head><body><script nonce="${nonce}">acquireVsCodeApi().postMessage('ready')</script></body></html>`;
      return await ready;
    } finally {
      panel.dispose();
    }
  },
  /** Fresh state, same shape as state.json. */
  'probe.state': () => collectState(),
  /** The clipboard's text (what a command copied). */
  'probe.clipboard': () => vscode.env.clipboard.readText(),
  /** Opens a file (workspace-relative path, absolute path or uri) in an editor and focuses it. */
  'probe.openFile': async (target, options = {}) => {
    const doc = await vscode.workspace.openTextDocument(toUri(target));
    const editor = await vscode.window.showTextDocument(doc, { preview: false, ...options });
    return editorInfo(editor, true);
  },
  /** Text of the active editor, or of the given document. */
  'probe.getText': async (target) => {
    if (target === undefined || target === null) return requireEditor().document.getText();
    return (await vscode.workspace.openTextDocument(toUri(target))).getText();
  },
  /** Inserts text at a position (default: the cursor) in the active editor. */
  'probe.insertText': async (text, position) => {
    const editor = requireEditor();
    const at = position ?? editor.selection.active;
    return editor.edit((b) => b.insert(at, text));
  },
  /** Moves the cursor of the active editor. */
  'probe.setCursor': (line, character = 0) => {
    const editor = requireEditor();
    const pos = editor.document.validatePosition(new vscode.Position(line, character));
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
    return toPlain(pos);
  },
  /** Activates the extension under test and reports whether it is active. */
  'probe.activate': async () => {
    const ext = vscode.extensions.getExtension(TARGET_ID);
    if (!ext && (await targetInOtherHost()).isActive) return true; // another host activated it already
    if (!ext) throw new Error(`extension ${TARGET_ID} is not installed, or not active in another extension host`);
    await ext.activate(); // rejects with the activation error, if any
    return ext.isActive;
  },
  /** workspace.getConfiguration(section).inspect(key) */
  'probe.inspectConfiguration': (section, key) => vscode.workspace.getConfiguration(section).inspect(key) ?? null,
  /** workspace.getConfiguration(section).update(key, value, target); target defaults to Global. */
  'probe.updateConfiguration': async (section, key, value, target = vscode.ConfigurationTarget.Global) => {
    await vscode.workspace.getConfiguration(section).update(key, value, target);
    return true;
  },
  /** All registered command ids, optionally filtered by prefix. */
  'probe.commands': async (prefix = '') => (await vscode.commands.getCommands(true)).filter((c) => c.startsWith(prefix)),
};

async function handle(file) {
  const m = /^request-(\d+)\.json$/.exec(file);
  if (!m) return;
  const id = Number(m[1]);
  const src = path.join(DIR, file);
  const taken = `${src}.taken`;
  try {
    fs.renameSync(src, taken); // claim it; another window's probe may race us
  } catch {
    return;
  }
  let response;
  try {
    const req = JSON.parse(fs.readFileSync(taken, 'utf8'));
    const args = revive(Array.isArray(req.args) ? req.args : []);
    const builtin = BUILTINS[req.command];
    const result = builtin ? await builtin(...args) : await vscode.commands.executeCommand(req.command, ...args);
    response = { id, ok: true, result: toPlain(result) ?? null };
  } catch (e) {
    response = { id, ok: false, error: e && e.message ? e.message : String(e), stack: e && e.stack ? String(e.stack) : null };
  }
  try {
    await writeJsonAtomic(path.join(DIR, `response-${id}.json`), response);
  } catch (e) {
    log(`cannot write response ${id}: ${e}`);
  }
  void writeState(false);
}

function pollRequests() {
  let files;
  try {
    files = fs.readdirSync(DIR);
  } catch {
    return;
  }
  for (const f of files) if (f.startsWith('request-') && f.endsWith('.json')) void handle(f);
}

function activate(context) {
  if (!DIR) return; // not under test: do nothing
  try {
    fs.mkdirSync(DIR, { recursive: true });
  } catch (e) {
    log(`mkdir failed: ${e}`);
  }
  log(`probe active (session ${vscode.env.sessionId}, target ${TARGET_ID}${BENCH ? ', benchmark mode' : ''})`);
  if (process.env.CLIENTLOG_PROBE_PROFILE) startProfile();
  if (BENCH) {
    watchEventLoop();
    context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(onDiagnostics));
  }
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidChangeTextDocument(update),
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.extensions.onDidChange(update),
  );
  timers.push(setInterval(pollRequests, POLL_MS), setInterval(update, STATE_MS));
  void writeState(true);
}

function deactivate() {
  for (const t of timers) clearInterval(t);
}

module.exports = { activate, deactivate };
