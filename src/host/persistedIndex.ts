import * as vscode from 'vscode';
import { hashBytes, type Checksum, type ClientLog, type FileStamp, type LogStore } from '../core';
import { BUNDLE_FILES, WEB_BUNDLE } from './bundle';
// The store of this host; the rest only the Node host's bundle has (./indexStore.ts; its uses are in branches the web
// bundle folds away).
import * as nodeStore from './indexStore';
import { newStore } from './indexStore';
import type { Files } from './files';
import { output } from './output';

/** The file in the extension's workspace storage (`context.storageUri`). */
const FILE = 'index.bin';
/** Changes are written this long after the last one (a burst of file events writes once). */
const SAVE_DELAY_MS = 2000;

/**
 * The index of closed files, kept between windows in the extension's workspace storage: each file's compact
 * model, keyed by its URI, size and modification time (`LogStore`, on the cache format the command line's
 * `--cache` uses). A window opened again stats each file and takes the models of unchanged ones from here
 * instead of reading and parsing them; a file changed while VS Code was closed has another size or mtime and
 * is read again. A store written by another build, cut short or corrupt is ignored (and rewritten), never
 * trusted; a file modified in the two seconds before it was read is not stored.
 */
export class PersistedIndex implements vscode.Disposable {
  /** The store once loaded (`loading`); its file is in `dir`, read and written through `files`. */
  store: LogStore | undefined;
  readonly loading: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** How the files of this window were answered (`shown`: their diagnostics from an earlier window's), and what the store did (for the benchmark's test hook). */
  readonly counts = { stored: 0, read: 0, rowsLoaded: 0, saves: 0, lastError: '', dir: '', shown: 0 };

  /**
   * @param dir the extension's workspace storage, or undefined (no folder open: nothing is kept)
   * @param extension the running extension: a store written by another version or bundle is ignored
   * @param files how the indexed files (and the bundle, for its stamp) are stat'ed and read
   * @param checksum the stored bytes' checksum, if not the default FNV-1a (the Node host's native crc32)
   */
  constructor(
    readonly dir: vscode.Uri | undefined,
    extension: vscode.Extension<unknown>,
    readonly files: Files,
    checksum?: Checksum,
  ) {
    this.counts.dir = dir?.toString() ?? '(none)';
    this.loading = this.load(extension, checksum);
  }

  private async load(extension: vscode.Extension<unknown>, checksum?: Checksum): Promise<void> {
    if (!this.dir) return;
    const started = Date.now();
    let build = String((extension.packageJSON as { version?: string }).version);
    try {
      // The bundle's bytes (not its mtime, which an install or a copy of the extension changes): a rebuilt
      // extension of the same version parses with other code. The Node host's own (./bundle.ts).
      for (const f of BUNDLE_FILES) build += `:${hashBytes(await this.files.readFile(vscode.Uri.joinPath(extension.extensionUri, 'dist', f)))}`;
    } catch {
      // No such file to read (an unusual install): the version alone.
    }
    // The Node host's rows may hold each file's recent review input too (its parse worker makes it).
    const store = newStore(build, started, checksum);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.files.readFile(vscode.Uri.joinPath(this.dir, FILE));
    } catch {
      // Nothing stored yet.
    }
    // The Node host's store keeps what the diagnostics showed too (./indexStore.ts).
    if (WEB_BUNDLE) store.load(bytes);
    else await nodeStore.loadWithShown(this, store, bytes);
    this.counts.rowsLoaded = store.size;
    if (bytes && store.size === 0) output.info('The persisted index was written by another build, or is damaged: reading every file.');
    this.store = store;
  }

  /**
   * A closed file: its stored compact model when its size and mtime are unchanged (`log`), else `keep`, to store
   * the model (or `storeCompact`'s JSON of it, with `model` the model restored of it and `review` the file's recent review
   * input, UTF-8 JSON) made from the file as read after this call. Throws when the file cannot be stat'ed (gone, unreadable).
   *
   * `readerStats` (the Node host's scans, whose parse worker stats each file on the descriptor it reads, before the
   * read): when nothing was stored (a first window), the file is not stat'ed here, where nothing could match it, and
   * `keep` takes the reader's stamp; without one (the worker could not parse it, and it was read here) nothing is kept,
   * and the next window reads the file again.
   */
  async lookup(
    uri: vscode.Uri,
    readerStats?: boolean,
  ): Promise<{ readonly log: ClientLog } | { readonly keep?: (log: ClientLog | string, model?: ClientLog, review?: Uint8Array, stamp?: FileStamp) => void }> {
    await this.loading;
    const store = this.store;
    const key = uri.toString();
    const deferred = WEB_BUNDLE ? false : readerStats && store?.size === 0;
    // Stat before reading: if the file changes in between, the model is newer than its stamp, and the next
    // window sees another mtime and reads it again (never an older model under a newer stamp).
    const stat = store && !deferred ? await this.files.stat(uri) : undefined;
    const stamp = stat && { size: stat.size, mtimeMs: stat.mtime };
    const kept = stamp && store?.get(key, stamp);
    if (kept) {
      this.counts.stored++;
      return { log: kept };
    }
    this.counts.read++;
    if (!store || !(stamp || deferred)) return {};
    return {
      keep: (log, model, review, at = stamp) => {
        if (!at) return;
        // The parse worker's review input too (the Node host's store keeps it, with the model restored of the JSON).
        void (WEB_BUNDLE || !model || !review || typeof log !== 'string' ? store.set(key, at, log) : nodeStore.keepParsed(store, key, at, log, model, review));
        this.saveSoon();
      },
    };
  }

  /** Forgets a file (deleted, renamed away, unreadable, or open in an editor whose text wins). */
  forget(uri: vscode.Uri): void {
    if (!this.store) return;
    this.store.delete(uri.toString());
    this.saveSoon();
  }

  /** After a full scan: forgets the files it did not meet (deleted or renamed while VS Code was closed). */
  async scanned(): Promise<void> {
    await this.loading;
    this.store?.prune(['']);
    this.saveSoon();
  }

  /** Writes the store SAVE_DELAY_MS after the last call (the Node host's diagnostics call it for what they keep too). */
  saveSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes the store when it changed (a failure only means the next window reads the files again). */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const store = this.store;
      if (!store || !this.dir || !(WEB_BUNDLE ? store.dirty : store.dirty || nodeStore.extrasDirty(store))) return;
      try {
        if (WEB_BUNDLE || store.dirty) await this.files.writeFile(vscode.Uri.joinPath(this.dir, FILE), store.encode());
        await (WEB_BUNDLE ? undefined : nodeStore.saveReviews(this));
        this.counts.saves++;
      } catch (e) {
        // Storage not writable: the index works without it.
        this.counts.lastError = String(e);
        output.warn('Could not write the persisted index:', e);
      }
    });
    return this.saving;
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.save();
    }
  }
}
