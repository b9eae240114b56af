import * as vscode from 'vscode';
import { isUserLogScheme, LogIndex, restoreCompact, whenSettled, type ClientLog, type FileStamp, type IndexedEntry } from '../core';
import { isFileGone, type Files, type LogReader, type Parsed } from './files';
import { WEB_BUNDLE } from './bundle';
import { output } from './output';
import type { PersistedIndex } from './persistedIndex';

export const LANGUAGE_ID = 'clientlog';
export const GLOB = '**/*.clientlog';

/** An indexed log: its URI and workspace folder (for telling apart clients of the same name), its model. */
export type IndexedLog = IndexedEntry<{ readonly uri: vscode.Uri; readonly folder?: vscode.WorkspaceFolder }>;

const READ_CONCURRENCY = 32;
const YIELD_MS = 10;
/** During a scan, what is read so far reaches the listeners this soon, then REPORT_MS apart. */
const FIRST_REPORT_MS = 50;
const REPORT_MS = 250;
/** Listeners (diagnostics, views) hear of typing after this pause; the model itself is updated at once. */
const NOTIFY_MS = 200;

/**
 * Every `.clientlog` file of the workspace (all roots, closed files too) that is one of the user's logs
 * (see `isUserLog`: never the HEAD side of Open Changes or another read-only view). The rules (editor text
 * wins, compact when no editor shows a log, incremental re-parse of typing, rename, batching) are the
 * core's `LogIndex`; this adapter forwards VS Code's events to it and reads files. The first scan keeps a
 * window of reads in flight, reports what it has read as it goes and yields every few milliseconds, so the
 * extension host never blocks.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly logs = new LogIndex<{ readonly uri: vscode.Uri; readonly folder?: vscode.WorkspaceFolder }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> | undefined;
  private generation = 0;
  private disposed = false;
  /** The day from which this scan's reader makes each file's recent review input (see `recentFrom`). */
  private scanFrom: string | undefined;
  /** Test hook: how long each editor change took to reach the model (ms), most recent last. */
  readonly editTimes: number[] = [];

  /** Fires with the files whose model changed (added, changed or removed). */
  readonly onDidChange = this.emitter.event;

  /**
   * @param files how closed files are read (also for others that read the indexed logs: the Weekly Review)
   * @param persisted the index kept between windows (closed files' models, by size and mtime), if any
   * @param reader parses closed files off this thread (the Node host's worker), if any
   * @param recentFrom the day from which the reader makes each file's recent review input too (kept with its model
   *   in the persisted index, for the Weekly Review and the Promises view's records), if it should
   */
  constructor(
    readonly files: Files,
    readonly persisted?: PersistedIndex,
    private readonly reader?: LogReader,
    private readonly recentFrom?: () => string,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.readFromDisk(uri)),
      watcher.onDidChange((uri) => this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.gone(uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isUserLog(doc)) this.fromDocument(doc, true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (!isUserLog(doc)) return;
        // The editor's text no longer wins; the file (if any) does: on disk, or in a virtual workspace's
        // file system (github.dev, or the remote files a web extension sees). Untitled ones have none.
        const onDisk = vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) !== undefined;
        this.logs.editorClosed(doc.uri.toString(), onDisk);
        if (onDisk) void this.readFromDisk(doc.uri);
        else this.flush();
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          const isLog = f.newUri.path.endsWith('.clientlog');
          this.logs.renamed(f.oldUri.toString(), f.newUri.toString(), meta(f.newUri), isLog);
          if (isLog) void this.readFromDisk(f.newUri);
        }
        this.flush();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) void this.rescan();
      }),
      this.emitter,
    );
  }

  /** All indexed logs. */
  all(): IndexedLog[] {
    return this.logs.all();
  }

  get(uri: vscode.Uri): IndexedLog | undefined {
    return this.logs.get(uri.toString());
  }

  get size(): number {
    return this.logs.size;
  }

  /** Resolves once a full scan has finished with no newer scan started meanwhile (one replaces the one under way). */
  ready(): Promise<void> {
    return whenSettled(() => this.scanning ?? this.rescan());
  }

  /** Finds every `.clientlog` file again (workspace folders or `files.exclude` changed). */
  rescan(): Promise<void> {
    const gen = ++this.generation;
    this.scanning = (async () => {
      let uris: vscode.Uri[];
      try {
        uris = (await vscode.workspace.findFiles(GLOB)).filter((u) => isUserLogUri(u));
      } catch (e) {
        output.error("Could not list the workspace's .clientlog files:", e);
        return;
      }
      if (gen !== this.generation || this.disposed) return;
      const keep = new Set(uris.map((u) => u.toString()));
      // Kept only where the model is (the persisted index); the day read once for the whole scan.
      this.scanFrom = WEB_BUNDLE || !this.persisted ? undefined : this.recentFrom?.();
      for (const doc of vscode.workspace.textDocuments) if (isUserLog(doc)) this.fromDocument(doc, false);
      this.logs.retain(keep);
      // READ_CONCURRENCY reads in flight at all times (each reader takes the next file as soon as its own is
      // in: batches waited for the slowest read of each), and what is read so far is reported FIRST_REPORT_MS
      // into the scan, then every REPORT_MS, so diagnostics and views fill in as the scan goes.
      const started = performance.now();
      let slice = started;
      let reportAt = started + FIRST_REPORT_MS;
      let next = 0;
      let pause: Promise<void> | undefined;
      const reader = async () => {
        while (next < uris.length) {
          await this.load(uris[next++], true);
          if (gen !== this.generation || this.disposed) return;
          const now = performance.now();
          if (now >= reportAt) {
            // Evenly spaced: the listeners' work is per changed log (a big report would be a long task), and
            // what lays out every log (a shown Promises view) spaces its own refreshes by what they cost.
            reportAt = now + REPORT_MS;
            this.flush();
          }
          // Yield to the host's other work every YIELD_MS of scanning (a timer: standard in Node and in a
          // browser's web worker, where a timeout per file would cost the 4 ms clamp each time). One pause for
          // every reader: with reads that answer at once (node:fs, the persisted index), timers of their own
          // would resume them one after the other in the same turn, a task as long as all their slices.
          if (now - slice >= YIELD_MS) {
            pause ??= new Promise<void>((r) => setTimeout(r, 0)).then(() => {
              pause = undefined;
              slice = performance.now();
            });
            await pause;
          }
        }
      };
      // A worker parses chunks of files: more in flight, so that it always has the next chunk.
      await Promise.all(Array.from({ length: Math.min(WEB_BUNDLE || !this.reader ? READ_CONCURRENCY : 4 * READ_CONCURRENCY, uris.length) }, reader));
      if (gen !== this.generation || this.disposed) return;
      this.flush();
      // Every file was met: what the store holds for others was deleted or renamed while VS Code was closed.
      void this.persisted?.scanned();
    })();
    return this.scanning;
  }

  /**
   * The model of an open document's current text, for acting on it now (undefined: not one of the user's
   * logs). The index follows every change as it happens, so this parses only when it missed one.
   */
  refreshDocument(doc: vscode.TextDocument): IndexedLog | undefined {
    if (!isUserLog(doc)) return undefined;
    const key = doc.uri.toString();
    if (this.logs.editorVersion(key) !== doc.version) {
      this.fromDocument(doc, false);
      this.flush();
    }
    return this.logs.get(key);
  }

  private fromDocument(doc: vscode.TextDocument, notify: boolean): void {
    this.guard(doc.uri, () => this.logs.setEditorText(doc.uri.toString(), meta(doc.uri), doc.uri.path, doc.getText(), doc.version));
    if (notify) this.flush();
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !isUserLog(e.document)) return;
    const doc = e.document;
    const t0 = performance.now();
    this.guard(doc.uri, () =>
      this.logs.applyEditorChanges(doc.uri.toString(), meta(doc.uri), doc.uri.path, e.contentChanges, doc.version, () => doc.getText()),
    );
    this.editTimes.push(performance.now() - t0);
    if (this.editTimes.length > 10_000) this.editTimes.splice(0, 5_000);
    // Typing: tell the listeners once the burst pauses (the model is already current).
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.flush();
    }, NOTIFY_MS);
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!isUserLogUri(uri)) return;
    await this.load(uri);
    this.flush();
  }

  /** Reads a closed file into the index; `scan`: one of a scan's many (parsed by the reader, if any; one file is parsed here). */
  private async load(uri: vscode.Uri, scan = false): Promise<void> {
    const key = uri.toString();
    // An open editor's text wins over the disk: no need to read it.
    if (this.logs.inEditor(key)) return;
    let got: {
      log?: ClientLog;
      parsed?: Parsed;
      bytes?: Uint8Array;
      keep?: (log: ClientLog | string, model?: ClientLog, review?: Uint8Array, stamp?: FileStamp) => void;
    };
    try {
      // From the persisted index when the file is unchanged since an earlier window, else read: parsed by the
      // reader (a worker thread) when there is one, else here.
      got = this.persisted ? await this.persisted.lookup(uri, WEB_BUNDLE ? undefined : scan && !!this.reader) : {};
      if (!got.log) {
        // The model's JSON, and the recent review input when asked for (kept with it in the persisted index).
        const parsed = WEB_BUNDLE || !scan ? undefined : await this.reader?.compact(uri, this.scanFrom);
        const log = WEB_BUNDLE || parsed === undefined ? undefined : restoreCompact(parsed.json);
        got = log ? { log, parsed, keep: got.keep } : { bytes: await this.files.readFile(uri), keep: got.keep };
      }
    } catch (e) {
      // Gone (deleted, renamed) or unreadable: it is no longer part of the index.
      if (isFileGone(e)) output.debug(`${uri.toString(true)}: gone before it could be read`);
      else output.warn(`${uri.toString(true)}: could not be read:`, e);
      this.logs.diskGone(key);
      this.persisted?.forget(uri);
      return;
    }
    if (this.disposed) return;
    const { log, parsed, bytes, keep } = got;
    if (log) {
      if (this.logs.setDiskLog(key, meta(uri), log) && parsed) keep?.(parsed.json, log, parsed.review, parsed.stamp);
    } else {
      // Decoded as its bytes say (UTF-8, UTF-16 with a BOM; a bad byte or binary data is a finding).
      this.guard(uri, () => {
        if (this.logs.setDiskBytes(key, meta(uri), uri.path, bytes!)) keep?.(this.logs.get(key)!.log);
      });
    }
  }

  private gone(uri: vscode.Uri): void {
    this.logs.diskGone(uri.toString());
    this.persisted?.forget(uri);
    this.flush();
  }

  /** Runs an update of the model; a failure (a parser bug) is logged and leaves the previous model. */
  private guard(uri: vscode.Uri, f: () => unknown): void {
    try {
      f();
    } catch (e) {
      output.error(`${uri.toString(true)}: could not be parsed:`, e);
    }
  }

  /** Coalesces change notifications from a burst of events into one. */
  private flush(): void {
    if (this.flushTimer || this.disposed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (!this.logs.hasChanges || this.disposed) return;
      const uris = this.logs.takeChanges().map((k) => vscode.Uri.parse(k));
      this.emitter.fire(uris);
    }, 0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function meta(uri: vscode.Uri): { uri: vscode.Uri; folder?: vscode.WorkspaceFolder } {
  return { uri, folder: vscode.workspace.getWorkspaceFolder(uri) };
}

/** Whether a document is a `.clientlog` log (by language or name), whatever shows it. */
export function isClientLog(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID || doc.uri.path.endsWith('.clientlog');
}

/**
 * Whether a document is one of the user's logs, which the index counts and actions may change: a file, an
 * untitled log, or a file of the workspace's own file system; never a read-only view (git:, diffs, output).
 */
export function isUserLog(doc: vscode.TextDocument): boolean {
  return isClientLog(doc) && isUserLogUri(doc.uri);
}

function isUserLogUri(uri: vscode.Uri): boolean {
  return isUserLogScheme(
    uri.scheme,
    (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme),
  );
}
