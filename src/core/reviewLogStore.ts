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
import { overdueByKind, type AgendaOptions } from './agenda';
import { logSpan } from './analyze';
import { lastTimedDue } from './reminders';
import { CacheTable, concatBytes, fnv1aOf, settledAt, type Checksum, type FileStamp } from './cacheTable';
import { LogStore, restoreCompact, STORE_VERSION } from './logStore';
import type { ClientLog, Entry, FrontMatter, Mention, Note, Problem, Tag, Tracked, Urgent } from './model';

/** Bumped whenever what a review row's blob holds changes (ReviewInput's shape). */
const REVIEW_VERSION = 1;
/** Bumped whenever what a shown row's numbers or blob hold (the host's rows of diagnostics). 2: the overdue counts, the last timed promise. */
const SHOWN_VERSION = 2;
/**
 * A shown row's numbers: size, mtime, the span [from, until) its findings hold in, its open items overdue within it
 * by kind (promise, waiting, scope: `overdueByKind`), when its last promise due at a time falls due (`lastTimedDue`, 0
 * for none), and the blob's range.
 */
const SHOWN_WIDTH = 10;

/** The settings the findings, their span and the overdue counts were made under (`AnalyzeOptions` less the instant). */
export type ShownOptions = Pick<AgendaOptions, 'timeZone' | 'horizonDays' | 'confirmationDays'>;

/** What a window showed for a file's model, kept until the store is written (`keepShown`). */
interface Shown {
  readonly log: ClientLog;
  /** The instant it was made for, and the settings then (for its span and overdue counts, found when written). */
  readonly at: number;
  readonly options: ShownOptions;
  /** Its blob (made when written: a window that is closed before then never pays for it). */
  readonly blob: () => string;
  /** Its row's numbers after the stamp (`shownNumbers`), once made: `prepareShown`, or when written. */
  numbers?: number[];
}

/** A shown row's numbers after the stamp, less the blob's range: the span, the overdue counts, the last timed promise. */
function shownNumbers(f: Shown): number[] {
  const now = new Date(f.at);
  const span = logSpan(f.log, { now, timeZone: f.options.timeZone });
  return [span.from, span.until, ...overdueByKind(f.log, { ...f.options, now }), Math.max(0, lastTimedDue(f.log, f.options.timeZone))];
}

/** What a shown row says of its model besides the diagnostics, within its span: the span, and the overdue counts by kind. */
export interface ShownFacts {
  readonly from: number;
  readonly until: number;
  /** Open items overdue: promises, waits, scope changes (`overdueByKind`). */
  readonly overdue: readonly [number, number, number];
  /** When its last open promise due at a time of day falls due (`lastTimedDue`; 0: it has none). The reminders read a log only around then. */
  readonly lastTimedDue: number;
}

/** A stored model's JSON as `storeCompact` begins it (this format's version): anything else is not restored. */
const STORED_HEAD = new TextEncoder().encode(`{"v":${STORE_VERSION},`);

/**
 * No model: what a stored row that does not restore stands for (its bytes passed the checksum and begin as this
 * format's do, so only a bug of ours could make one; its row is then dropped, and the next window reads the file).
 */
const NOTHING: ClientLog = Object.freeze({
  client: '',
  entries: [],
  items: [],
  urgents: [],
  notes: [],
  mentions: [],
  tags: [],
  problems: [],
  lineCount: 0,
  eol: '\n',
  bom: false,
  compact: true,
});

/**
 * A compact model restored from its stored JSON when first read, not before. A window opened again takes the
 * diagnostics, the time scheduler's spans and the badges' overdue counts of each unchanged closed file from the shown
 * rows, so most models are never restored: neither the JSON.parse (0.19 s of the extension host's thread for 10,000
 * files) nor the objects it makes (the largest part of its heap). Its properties are the prototype's getters: it is
 * never spread or cloned (`{ ...log }` would copy nothing but `compact`); the core's spreads are of whole parses.
 */
class StoredLog implements ClientLog {
  readonly compact = true;
  private model: ClientLog | undefined;
  constructor(
    private bytes: Uint8Array | undefined,
    /** Told once the model is restored (false: it did not restore). */
    private readonly done: (ok: boolean) => void,
  ) {}
  private get m(): ClientLog {
    if (!this.model) {
      const log = restoreCompact(utf8.decode(this.bytes));
      this.model = log ?? NOTHING;
      this.bytes = undefined;
      this.done(log !== undefined);
    }
    return this.model;
  }
  /** Whether the JSON was parsed (tests, the benchmark's counts). */
  get restored(): boolean {
    return this.model !== undefined;
  }
  get client(): string {
    return this.m.client;
  }
  get frontMatter(): FrontMatter | undefined {
    return this.m.frontMatter;
  }
  get entries(): readonly Entry[] {
    return this.m.entries;
  }
  get items(): readonly Tracked[] {
    return this.m.items;
  }
  get urgents(): readonly Urgent[] {
    return this.m.urgents;
  }
  get notes(): readonly Note[] {
    return this.m.notes;
  }
  get mentions(): readonly Mention[] {
    return this.m.mentions;
  }
  get tags(): readonly Tag[] {
    return this.m.tags;
  }
  get problems(): readonly Problem[] {
    return this.m.problems;
  }
  get lineCount(): number {
    return this.m.lineCount;
  }
  get eol(): '\n' | '\r\n' {
    return this.m.eol;
  }
  get bom(): boolean {
    return this.m.bom;
  }
}

/** Whether `log` is a stored model not restored yet (see `StoredLog`). */
export function unrestored(log: ClientLog): boolean {
  return log instanceof StoredLog && !log.restored;
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
  /** The user's zone under `shownKey` (the spans were made in it). */
  private shownZone = '';
  private readonly shownFresh = new Map<string, Shown>();
  /** How many of the models `get` gave were restored (read: `StoredLog`). */
  private restoredCount = 0;

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

  /** How many of the models `get` gave were restored since the store was made (read: see `StoredLog`). */
  get restoredModels(): number {
    return this.restoredCount;
  }

  /** The model kept for `path` at this size and mtime, restored when first read (`StoredLog`); else undefined. */
  override get(path: string, stamp: FileStamp): ClientLog | undefined {
    const b = this.table.blob(path, stamp.size, stamp.mtimeMs);
    if (!b) return undefined;
    const done = this.restored.get(path);
    if (done && done.stamp.size === stamp.size && done.stamp.mtimeMs === stamp.mtimeMs) return done.log;
    const bytes = b.buf.subarray(b.start, b.end);
    if (bytes.length < STORED_HEAD.length || STORED_HEAD.some((x, k) => bytes[k] !== x)) return undefined;
    const log = new StoredLog(bytes, (ok) => {
      this.restoredCount++;
      if (!ok) this.table.delete(path);
    });
    this.restored.set(path, { stamp, log });
    return log;
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
  loadShown(bytes: Uint8Array | undefined, key: string, timeZone: string): void {
    if (key !== this.shownKey) this.shownFresh.clear();
    this.shownKey = key;
    this.shownZone = timeZone;
    this.shownRows = this.newShown(key);
    this.shownRows.decode(bytes);
  }

  /**
   * What was shown for `log` (the model this store gave for `path`, at its size and mtime) under `key`, when `now` is
   * within the span its findings hold in; else undefined.
   */
  shown(path: string, log: ClientLog, key: string, now: number): string | undefined {
    const i = this.shownRow(path, log, key, now);
    if (i < 0) return undefined;
    const b = this.shownRows!.blobAt(i);
    return utf8.decode(b.buf.subarray(b.start, b.end));
  }

  /** What the row `shown` gives says besides the diagnostics: the span, the overdue counts by kind; else undefined. */
  shownFacts(path: string, log: ClientLog, key: string, now: number): ShownFacts | undefined {
    const i = this.shownRow(path, log, key, now) * SHOWN_WIDTH;
    if (i < 0) return undefined;
    const n = this.shownRows!.numbers;
    return { from: n[i + 2], until: n[i + 3], overdue: [n[i + 4], n[i + 5], n[i + 6]], lastTimedDue: n[i + 7] };
  }

  /** The span of the row `shown` gives, for a scheduler that knows the user's zone only: when the spans were made in `timeZone`. */
  shownSpan(path: string, log: ClientLog, timeZone: string, now: number): { from: number; until: number } | undefined {
    const facts = timeZone === this.shownZone ? this.shownFacts(path, log, this.shownKey, now) : undefined;
    return facts && { from: facts.from, until: facts.until };
  }

  /** The index of the row `shown` gives, or -1. */
  private shownRow(path: string, log: ClientLog, key: string, now: number): number {
    const done = this.restored.get(path);
    const rows = this.shownRows;
    if (!rows || !done || done.log !== log || key !== this.shownKey) return -1;
    const i = rows.row(path, done.stamp.size, done.stamp.mtimeMs);
    const n = rows.numbers;
    return i >= 0 && n[i * SHOWN_WIDTH + 2] <= now && now < n[i * SHOWN_WIDTH + 3] ? i : -1;
  }

  /**
   * Keeps what the host showed for `log` at `at` under `key` (only for the model this store gave or was given for
   * `path`: what an editor's text showed is not the file's). A key other than the loaded one starts the rows afresh.
   */
  keepShown(path: string, log: ClientLog, key: string, at: number, options: ShownOptions, blob: () => string): void {
    if (this.restored.get(path)?.log !== log) {
      this.shownFresh.delete(path);
      return;
    }
    if (key !== this.shownKey) this.loadShown(undefined, key, options.timeZone);
    this.shownFresh.set(path, { log, at, options, blob });
  }

  /**
   * Makes the numbers of up to `count` rows shown since the last `encodeShown` (a host writing the store calls it
   * between yields, so that `encodeShown` is not one long task); returns whether some are left.
   */
  prepareShown(count: number): boolean {
    for (const f of this.shownFresh.values()) {
      if (f.numbers) continue;
      if (count-- <= 0) return true;
      f.numbers = shownNumbers(f);
    }
    return false;
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
      out.set(
        p,
        Array.from({ length: SHOWN_WIDTH - 2 }, (_, k) => nums[at + k]),
        b.buf.slice(b.start, b.end),
      );
    }
    for (const [p, f] of this.shownFresh) {
      const done = this.restored.get(p);
      if (done?.log !== f.log) continue;
      out.set(p, [done.stamp.size, done.stamp.mtimeMs, ...(f.numbers ?? shownNumbers(f))], f.blob());
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
