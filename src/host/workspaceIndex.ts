import * as vscode from 'vscode';
import { compactLog, parse, type ClientLog } from '../core';

export const LANGUAGE_ID = 'clientlog';
export const GLOB = '**/*.clientlog';

export interface IndexedLog {
  readonly uri: vscode.Uri;
  readonly log: ClientLog;
  /** The workspace folder holding the file, for telling apart clients of the same name. */
  readonly folder?: vscode.WorkspaceFolder;
  /** Whether the model came from an open editor's (possibly unsaved) text. */
  readonly fromEditor: boolean;
}

const DEBOUNCE_MS = 200;
const READ_CONCURRENCY = 16;
const YIELD_MS = 10;

/**
 * Every `.clientlog` file of the workspace (all roots, closed files too), parsed once and kept up to
 * date (closed files as compact models, open documents in full): an edit re-parses that one document after a short pause, a file event re-reads that one file.
 * Open documents' unsaved text wins over the disk. The first scan reads files in small parallel
 * batches and yields between them, so the extension host never blocks.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly logs = new Map<string, IndexedLog>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> | undefined;
  private generation = 0;
  private disposed = false;

  /** Fires with the files whose model changed (added, changed or removed). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.readFromDisk(uri)),
      watcher.onDidChange((uri) => this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => this.fromDocument(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.fromDocument(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // The editor's text no longer wins; the file (if any) does: on disk, or in a virtual workspace's
        // file system (github.dev, or the remote files a web extension sees). Untitled ones have none.
        if (isClientLog(doc) && vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) !== undefined) this.readFromDisk(doc.uri);
        else if (isClientLog(doc)) this.remove(doc.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.remove(f.oldUri);
          if (f.newUri.path.endsWith('.clientlog')) this.readFromDisk(f.newUri);
        }
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
    return [...this.logs.values()];
  }

  get(uri: vscode.Uri): IndexedLog | undefined {
    return this.logs.get(uri.toString());
  }

  get size(): number {
    return this.logs.size;
  }

  /** Resolves once the first full scan has finished. */
  ready(): Promise<void> {
    return this.scanning ?? this.rescan();
  }

  /** Finds every `.clientlog` file again (workspace folders or `files.exclude` changed). */
  rescan(): Promise<void> {
    const gen = ++this.generation;
    this.scanning = (async () => {
      const uris = await vscode.workspace.findFiles(GLOB);
      if (gen !== this.generation || this.disposed) return;
      const keep = new Set(uris.map((u) => u.toString()));
      for (const doc of vscode.workspace.textDocuments) if (isClientLog(doc)) keep.add(doc.uri.toString());
      for (const key of [...this.logs.keys()]) {
        if (!keep.has(key)) {
          this.logs.delete(key);
          this.changed.add(key);
        }
      }
      let slice = performance.now();
      for (let i = 0; i < uris.length; i += READ_CONCURRENCY) {
        await Promise.all(uris.slice(i, i + READ_CONCURRENCY).map((u) => this.load(u)));
        if (gen !== this.generation || this.disposed) return;
        // Yield to the host's other work every YIELD_MS of scanning (a timer: standard in Node and in a
        // browser's web worker, where a timeout per batch would cost the 4 ms clamp each time).
        if (performance.now() - slice >= YIELD_MS) {
          await new Promise((r) => setTimeout(r, 0));
          slice = performance.now();
        }
      }
      for (const doc of vscode.workspace.textDocuments) if (isClientLog(doc)) this.setFromDocument(doc);
      this.flush();
    })();
    return this.scanning;
  }

  /** Parses an open document now (used before acting on it, so nothing waits for the debounce). */
  refreshDocument(doc: vscode.TextDocument): IndexedLog | undefined {
    if (!isClientLog(doc)) return undefined;
    const key = doc.uri.toString();
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.delete(key);
    this.setFromDocument(doc);
    this.flush();
    return this.logs.get(key);
  }

  private fromDocument(doc: vscode.TextDocument, delay: number): void {
    if (!isClientLog(doc)) return;
    const key = doc.uri.toString();
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (this.disposed || doc.isClosed) return;
        this.setFromDocument(doc);
        this.flush();
      }, delay),
    );
  }

  private setFromDocument(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.logs.set(key, {
      uri: doc.uri,
      log: parse(doc.getText(), { fileName: doc.uri.path }),
      folder: vscode.workspace.getWorkspaceFolder(doc.uri),
      fromEditor: true,
    });
    this.changed.add(key);
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    await this.load(uri);
    this.flush();
  }

  private async load(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    // An open editor's text wins over the disk.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && !open.isClosed) {
      this.setFromDocument(open);
      return;
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (this.disposed) return;
      const text = new TextDecoder('utf-8').decode(bytes);
      // A file no editor shows is kept compact: its open items, their entries and its findings, which is
      // all the views and diagnostics need (an editor that opens it gets the full parse).
      this.logs.set(key, { uri, log: compactLog(parse(text, { fileName: uri.path })), folder: vscode.workspace.getWorkspaceFolder(uri), fromEditor: false });
    } catch {
      // Gone (deleted, renamed) or unreadable: it is no longer part of the index.
      this.logs.delete(key);
    }
    this.changed.add(key);
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed)) return;
    if (this.logs.delete(key)) this.changed.add(key);
    this.flush();
  }

  /** Coalesces change notifications from a burst of events into one. */
  private flush(): void {
    if (this.flushTimer || this.disposed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (this.changed.size === 0 || this.disposed) return;
      const uris = [...this.changed].map((k) => vscode.Uri.parse(k));
      this.changed.clear();
      this.emitter.fire(uris);
    }, 0);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const d of this.disposables) d.dispose();
  }
}

export function isClientLog(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID || doc.uri.path.endsWith('.clientlog');
}
