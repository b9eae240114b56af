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
import { CacheTable, concatBytes, fnv1aOf, settledAt, type Checksum, type FileStamp } from './cacheTable';
import { LogStore } from './logStore';
import type { ClientLog } from './model';

/** Bumped whenever what a review row's blob holds changes (ReviewInput's shape). */
const REVIEW_VERSION = 1;

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
