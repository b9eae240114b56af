/**
 * The Node host's persisted index (`LogStore`) with each closed file's recent review input (`recentInput`'s JSON, in
 * UTF-8) beside its model: the parse worker makes both of one read, and the Weekly Review and the Promises view's
 * records take the input instead of reading the file again.
 *
 * The inputs are a table of their own (the same cache format, its own header), written to a file of its own beside
 * the index's and not kept in memory: a window opened again restores the models without reading them, and reads
 * them (`loadReviews`) only when a review first asks. An input is given only for the model the store gave or was
 * given for that file, at the same size and mtime: never one of another version of the file. A module of its own: the
 * web worker host's bundle (which has no parse worker) does not carry it.
 */
import { logSpan } from './analyze';
import { CacheTable, concatBytes, fnv1aOf, settledAt, type Checksum, type FileStamp } from './cacheTable';
import { LogStore } from './logStore';
import type { ClientLog } from './model';

/** Bumped whenever what a review row's blob holds changes (ReviewInput's shape). */
const REVIEW_VERSION = 1;
/** Bumped whenever what a shown row's blob holds changes (the host's rows of diagnostics). */
const SHOWN_VERSION = 1;
/** A shown row's numbers: size, mtime, the span [from, until) its findings hold in, and the blob's range. */
const SHOWN_WIDTH = 6;

/** What a window showed for a file's model, kept until the store is written (`keepShown`). */
interface Shown {
  readonly log: ClientLog;
  /** The instant it was made for, and the user's zone then (for its span, found when written). */
  readonly at: number;
  readonly timeZone: string;
  /** Its blob (made when written: a window that is closed before then never pays for it). */
  readonly blob: () => string;
}

const utf8 = new TextDecoder('utf-8');

export class ReviewLogStore extends LogStore {
  /** The inputs written last time, once `loadReviews` read them (until the next `encodeReviews`). */
  private reviews: CacheTable | undefined;
  /** The inputs parsed since the last `encodeReviews`, by path (bytes as the worker sent them: no strings on the heap). */
  private readonly recent = new Map<string, Uint8Array>();
  /**
   * Whether inputs were parsed since the last write. A row set without one or forgotten does not count: its old input
   * is never given (the index's row no longer matches it) and goes at the next write, so an edit does not rewrite the
   * whole file.
   */
  private reviewsChanged = false;
  /**
   * What the host showed for each file (its diagnostics, as the host encodes them) as of some instant, with the span
   * of instants in which the same findings hold (`logSpan`), under `shownKey` (the settings and the display language
   * they depend on): the rows written last time (`loadShown`), and those made since.
   */
  private shownRows: CacheTable | undefined;
  private shownKey = '';
  private readonly shownFresh = new Map<string, Shown>();

  constructor(
    private readonly build: string,
    private readonly started: number,
    private readonly checksum?: Checksum,
  ) {
    super(build, started, checksum);
  }

  private newReviews(): CacheTable {
    return new CacheTable(`clientlog-review:${REVIEW_VERSION}:${this.build}`, 4, this.started, this.checksum ?? fnv1aOf);
  }

  override set(path: string, stamp: FileStamp, log: ClientLog | string): void {
    this.recent.delete(path);
    super.set(path, stamp, log);
  }

  override delete(path: string): void {
    this.recent.delete(path);
    super.delete(path);
  }

  /**
   * Keeps what the parse worker sent, the model's JSON and the review input's (UTF-8), with the model restored of the
   * JSON: `review` gives the input for that model.
   */
  setParsed(path: string, stamp: FileStamp, json: string, review: Uint8Array, log: ClientLog): void {
    this.set(path, stamp, json);
    // Not kept when too fresh to trust (the model is not either).
    if (!settledAt(stamp.mtimeMs, this.started)) return;
    this.recent.set(path, review);
    this.restored.set(path, { stamp, log });
    this.reviewsChanged = true;
  }

  /** Whether `review(path, log)` needs the inputs written last time, which are not read yet. */
  needsReviews(path: string, log: ClientLog): boolean {
    return !this.reviews && !this.recent.has(path) && this.restored.get(path)?.log === log;
  }

  /** Takes the inputs written last time (undefined: none; bytes of another build or damaged count as none). */
  loadReviews(bytes: Uint8Array | undefined): void {
    this.reviews = this.newReviews();
    this.reviews.decode(bytes);
  }

  /** The recent review input's JSON kept with `log` (the model this store gave or was given for `path`), else undefined. */
  review(path: string, log: ClientLog): string | undefined {
    const done = this.restored.get(path);
    if (!done || done.log !== log) return undefined;
    const fresh = this.recent.get(path);
    if (fresh) return utf8.decode(fresh);
    const b = this.reviews?.blob(path, done.stamp.size, done.stamp.mtimeMs);
    return b && utf8.decode(b.buf.subarray(b.start, b.end));
  }

  private newShown(key: string): CacheTable {
    return new CacheTable(`clientlog-shown:${SHOWN_VERSION}:${this.build}\n${key}`, SHOWN_WIDTH, this.started, this.checksum ?? fnv1aOf);
  }

  /** Takes what was shown last time under `key` (undefined: nothing; bytes of another build, key or damaged count as none). */
  loadShown(bytes: Uint8Array | undefined, key: string): void {
    if (key !== this.shownKey) this.shownFresh.clear();
    this.shownKey = key;
    this.shownRows = this.newShown(key);
    this.shownRows.decode(bytes);
  }

  /**
   * What was shown for `log` (the model this store gave for `path`, at its size and mtime) under `key`, when `now` is
   * within the span its findings hold in; else undefined.
   */
  shown(path: string, log: ClientLog, key: string, now: number): string | undefined {
    const done = this.restored.get(path);
    const rows = this.shownRows;
    if (!rows || !done || done.log !== log || key !== this.shownKey) return undefined;
    const i = rows.row(path, done.stamp.size, done.stamp.mtimeMs);
    const n = rows.numbers;
    if (i < 0 || !(n[i * SHOWN_WIDTH + 2] <= now && now < n[i * SHOWN_WIDTH + 3])) return undefined;
    const b = rows.blobAt(i);
    return utf8.decode(b.buf.subarray(b.start, b.end));
  }

  /**
   * Keeps what the host showed for `log` at `at` under `key` (only for the model this store gave or was given for
   * `path`: what an editor's text showed is not the file's). A key other than the loaded one starts the rows afresh.
   */
  keepShown(path: string, log: ClientLog, key: string, at: number, timeZone: string, blob: () => string): void {
    if (this.restored.get(path)?.log !== log) {
      this.shownFresh.delete(path);
      return;
    }
    if (key !== this.shownKey) this.loadShown(undefined, key);
    this.shownFresh.set(path, { log, at, timeZone, blob });
  }

  /** Whether anything was shown since the last `encodeShown`. */
  get shownDirty(): boolean {
    return this.shownFresh.size > 0;
  }

  /**
   * The rows to write: those written last time (`loadShown`) of files whose model the index still holds as it was then (the same
   * size and mtime, neither set again nor forgotten since), and those shown since for models it still holds.
   */
  encodeShown(): Uint8Array {
    const old = this.shownRows ?? this.newShown(this.shownKey);
    if (!this.shownRows) old.decode(undefined);
    const out = this.newShown(this.shownKey);
    out.decode(undefined);
    const nums = old.numbers;
    for (let i = 0; i < old.size; i++) {
      const p = old.pathAt(i);
      const at = i * SHOWN_WIDTH;
      if (this.shownFresh.has(p) || this.table.row(p, nums[at], nums[at + 1]) < 0) continue;
      const b = old.blobAt(i);
      out.set(p, [nums[at], nums[at + 1], nums[at + 2], nums[at + 3]], b.buf.slice(b.start, b.end));
    }
    for (const [p, f] of this.shownFresh) {
      const done = this.restored.get(p);
      if (done?.log !== f.log) continue;
      const span = logSpan(f.log, { now: new Date(f.at), timeZone: f.timeZone });
      out.set(p, [done.stamp.size, done.stamp.mtimeMs, span.from, span.until], f.blob());
    }
    const bytes = concatBytes(out.encode());
    this.shownFresh.clear();
    // The store now holds exactly these (as the index's rows do after `encode`): a window that writes while its
    // diagnostics are still being made goes on taking the rows for the rest.
    out.decode(bytes, true);
    this.shownRows = out;
    return bytes;
  }

  /** Whether the inputs written last time were read (`loadReviews`) since the last `encodeReviews`. */
  get reviewsLoaded(): boolean {
    return this.reviews !== undefined;
  }

  /** Whether inputs were parsed since the last write (then `encodeReviews`, after `loadReviews`). */
  get reviewsDirty(): boolean {
    return this.reviewsChanged;
  }

  /**
   * The inputs to write: those written last time (read by `loadReviews`) of files whose model the index still holds
   * as it was then (the same row: size and mtime, neither set again nor forgotten nor pruned since, whether or not
   * this window looked it up yet), and those parsed since. Then none are kept in memory until `loadReviews` again.
   */
  encodeReviews(): Uint8Array {
    const old = this.reviews ?? this.newReviews();
    const out = this.newReviews();
    out.decode(undefined);
    const nums = old.numbers;
    for (let i = 0; i < old.size; i++) {
      const p = old.pathAt(i);
      const [size, mtimeMs] = [nums[i * 4], nums[i * 4 + 1]];
      if (this.recent.has(p) || this.table.row(p, size, mtimeMs) < 0) continue;
      const b = old.blobAt(i);
      out.set(p, [size, mtimeMs], b.buf.slice(b.start, b.end));
    }
    for (const [p, bytes] of this.recent) {
      const done = this.restored.get(p);
      if (done) out.set(p, [done.stamp.size, done.stamp.mtimeMs], bytes);
    }
    const bytes = concatBytes(out.encode());
    this.recent.clear();
    this.reviews = undefined;
    this.reviewsChanged = false;
    return bytes;
  }
}
