/**
 * `--cache`: a directory (`.clientlogcache` by default) of two files, each keyed by path, size and
 * modification time:
 *
 * - `facts.bin`, what each file's parse produced (`FileFacts`: the analysis input and the lines of its open
 *   promises, as JSON). A file whose size and mtime are unchanged is not read or parsed again; its findings
 *   are computed from these facts as of the run's date, so `--today`, `--tz`, `--level` and the horizons all
 *   apply exactly as without the cache.
 * - `check.bin`, the text `check` printed for each file, with the span of instants in which the same
 *   findings hold (`stableSpan`: the log's day, cut where a promise due at a time falls overdue) and the
 *   options it was computed with. A run with the same options inside that span prints it as it is, without
 *   reading the facts.
 *
 * The cache is only an accelerator: a missing, unreadable, corrupt or foreign file (another version of
 * clientlog, another format) is treated as empty and rewritten. A file changed within the same mtime tick
 * as its read, with the same size, would be missed, so (as git does with its index) files modified in the
 * two seconds before the run started are parsed but not cached.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bytesBeforeBlobs, CacheTable, type Bytes as TableBytes, type FileStamp, type Utf8 } from '../core/cacheTable';
import type { Level } from '../core/model';
import type { FileFacts } from './work';

export type { FileStamp } from '../core/cacheTable';

/** What `check` printed for one file, and when that holds. */
export interface CheckEntry {
  /** The instants [from, until) in which the findings are the same. */
  readonly from: number;
  readonly until: number;
  readonly out: string;
  readonly counts: Readonly<Record<Level, number>>;
  readonly overdue: number;
}

/** A range of bytes of a buffer, not copied until printed (consecutive ranges are printed in one piece). */
export type Bytes = TableBytes<Buffer>;

/** The running build, so a cache written by any other build (a new version, a rebuilt bundle) is ignored. */
export function buildStamp(version: string, script: string): string {
  try {
    const st = fs.statSync(script);
    return `${version}:${st.size}:${st.mtimeMs}`;
  } catch {
    return version;
  }
}

/** A `CacheTable` with the command line's rerun fast path. */
class RunTable extends CacheTable {
  /**
   * The rows of `paths` when they are exactly the table's paths in its order, as they are in a rerun where no
   * file was added, removed or renamed; -1 where the size or mtime (`stamps`, as `Collected.stamps`) differ.
   * One comparison of the whole list and one loop, instead of a lookup per file (over 10,000 files, run once
   * by a cold JIT, the lookups took 7 to 11 ms). Undefined when the lists differ: then `row` looks them up.
   * Exact even for a name with a line break in it: equal lists mean rows written in this order.
   */
  rowsInOrder(paths: readonly string[], stamps: ArrayLike<number>): Int32Array | undefined {
    const count = this.count;
    if (paths.length !== count || this.fresh.size > 0 || this.gone.size > 0 || paths.join('\n') !== this.pathText) return undefined;
    const rows = new Int32Array(count);
    const w = this.width;
    const n = this.nums;
    for (let i = 0; i < count; i++) rows[i] = n[i * w] === stamps[2 * i] && n[i * w + 1] === stamps[2 * i + 1] ? i : -1;
    this.seen.fill(1);
    this.cursor = count;
    return rows;
  }
}

/** How much of a cache file is read first, to learn from its header where its blobs start. */
const HEAD_READ = 1 << 16;
/** The pieces a cache file's blobs are copied to an output in (see `BlobFile.copy`). */
const COPY_CHUNK = 1 << 20;

/**
 * One cache file: a `CacheTable` (the format the extension's persisted index shares), read when first asked,
 * written whole. Its blobs are read only when something needs them: a rerun answered from check.bin copies
 * them to its output in pieces instead (reading 11 MB into new memory was 5 ms of an 85 ms rerun, most of it
 * the kernel mapping the pages; copied through one reused megabyte they cost about 2).
 */
class BlobFile {
  private loaded = false;
  private readonly table: RunTable;
  /** The file's bytes, from `unread` on not read yet (the buffer has the file's size: pages never written cost nothing). */
  private buf: Buffer | undefined;
  /** The open file while some of it is unread (-1: none), so a cache renamed over it meanwhile cannot mix two files. */
  private fd = -1;
  private unread = 0;

  constructor(
    readonly file: string,
    header: string,
    width: number,
    started: number,
  ) {
    this.table = new RunTable(header, width, started, false, BUFFER_UTF8);
  }

  private load(): RunTable {
    if (!this.loaded) {
      this.loaded = true;
      try {
        this.buf = this.readHead();
      } catch {
        // No cache yet (or an unreadable one): start empty.
        this.close();
        this.buf = undefined;
      }
      this.table.decode(this.buf);
    }
    return this.table;
  }

  /** Opens the file and reads what comes before its blobs (all of it when the header is not a table's). */
  private readHead(): Buffer {
    this.fd = fs.openSync(this.file, 'r');
    const size = fs.fstatSync(this.fd).size;
    const buf = Buffer.allocUnsafeSlow(size);
    const first = Math.min(size, HEAD_READ);
    readFully(this.fd, buf, 0, first);
    const before = bytesBeforeBlobs(buf.subarray(0, first), BUFFER_UTF8);
    const head = before < 0 ? size : Math.min(size, before);
    if (head > first) readFully(this.fd, buf, first, head);
    this.unread = head;
    if (head === size) this.close();
    return buf;
  }

  /** Reads the rest of the file (once anything needs the blobs in memory). */
  private fill(): void {
    if (this.fd < 0 || !this.buf) return;
    readFully(this.fd, this.buf, this.unread, this.buf.length);
    this.unread = this.buf.length;
    this.close();
  }

  private close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  /**
   * Hands `write` the bytes [start, end) of the blobs, in order: from memory when they were read, else read
   * from the file in pieces into one buffer, reused while `reusable()` says the last piece was taken (a
   * pipe's writer may hold on to a piece it could not write yet: then the next goes into a new buffer).
   */
  copy(start: number, end: number, write: (piece: Buffer) => void, reusable: () => boolean): void {
    const blobs = this.table.bytes;
    const at = this.buf ? blobs.byteOffset - this.buf.byteOffset : 0;
    if (this.fd < 0 || !this.buf) return write(asBuffer(blobs).subarray(start, end));
    let piece = Buffer.allocUnsafeSlow(Math.min(COPY_CHUNK, end - start));
    for (let pos = at + start; pos < at + end;) {
      const n = Math.min(piece.length, at + end - pos);
      readFully(this.fd, piece, 0, n, pos);
      write(n === piece.length ? piece : piece.subarray(0, n));
      pos += n;
      if (pos < at + end && !reusable()) piece = Buffer.allocUnsafeSlow(piece.length);
    }
  }

  /** See `CacheTable.prune`; only a file read in this run is pruned (a rerun answered from check.bin never reads facts.bin; a later run will). */
  prune(dirs: readonly string[]): void {
    if (this.loaded) this.table.prune(dirs.map((d) => (d.endsWith(path.sep) ? d : d + path.sep)));
  }

  row(abs: string, size: number, mtimeMs: number): number {
    return this.load().row(abs, size, mtimeMs);
  }

  rowsInOrder(paths: readonly string[], stamps: ArrayLike<number>): Int32Array | undefined {
    return this.load().rowsInOrder(paths, stamps);
  }

  get numbers(): ArrayLike<number> {
    return this.table.numbers;
  }

  get bytes(): Buffer {
    this.fill();
    return asBuffer(this.table.bytes);
  }

  blob(abs: string, size: number, mtimeMs: number): Bytes | undefined {
    const b = this.load().blob(abs, size, mtimeMs);
    this.fill();
    return b && { buf: asBuffer(b.buf), start: b.start, end: b.end };
  }

  set(abs: string, nums: number[], blob: Buffer): void {
    this.load().set(abs, nums, blob);
  }

  delete(abs: string): void {
    this.load().delete(abs);
  }

  save(): void {
    if (!this.table.dirty) return;
    // The kept blobs are written as they are: read them first.
    this.fill();
    writeAtomically(this.file, this.table.encode());
    this.table.dirty = false;
  }
}

/**
 * Reads bytes [from, to) of `buf` from the file, at the same offsets or from the file's offset `pos`. A file cut short under the reader is an error: rows already trusted must not print other bytes.
 */
function readFully(fd: number, buf: Buffer, from: number, to: number, pos = from): void {
  for (let at = from, p = pos; at < to;) {
    const n = fs.readSync(fd, buf, at, to - at, p);
    if (n <= 0) throw new Error('the cache file was cut short while it was read');
    at += n;
    p += n;
  }
}

const BUFFER_UTF8: Utf8 = { decode: (b, start, end) => asBuffer(b).toString('utf8', start, end), encode: (t) => Buffer.from(t) };

/** The same bytes as a Buffer, not copied. */
function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
}

/** check.bin's numbers: size, mtimeMs, from, until, errors, warnings, information, hints, overdue, and the output's range. */
export const CHECK_WIDTH = 11;
/** facts.bin's numbers: size, mtimeMs, and the JSON's range. */
const FACTS_WIDTH = 4;

/** Whether check.bin's row `i` (its numbers `n`) holds at `now`: inside the span its findings were computed for. */
function holdsAt(n: ArrayLike<number>, i: number, now: number): boolean {
  const at = i * CHECK_WIDTH;
  return n[at + 2] <= now && now < n[at + 3];
}

export class Cache {
  private readonly facts: BlobFile;
  private readonly checks: BlobFile | undefined;
  /** Files answered from check.bin, from facts.bin, and parsed. */
  readonly counts = { printed: 0, facts: 0, parsed: 0 };

  /**
   * @param dir the cache directory
   * @param build `buildStamp(...)` of the running build
   * @param checkKey the options `check`'s text output depends on (besides the date; the working directory
   *   included, as paths are shown relative to it), or undefined when the run does not print check text (then
   *   check.bin is neither read nor written)
   */
  constructor(
    readonly dir: string,
    build: string,
    checkKey: string | undefined,
    started = Date.now(),
  ) {
    this.facts = new BlobFile(path.join(dir, 'facts.bin'), build, FACTS_WIDTH, started);
    this.checks = checkKey === undefined ? undefined : new BlobFile(path.join(dir, 'check.bin'), `${build}\n${checkKey}`, CHECK_WIDTH, started);
  }

  /**
   * The row of check.bin that answers for a file of this size and mtime at `now`, or -1. (Rows, not objects:
   * a rerun over 10,000 unchanged files allocates nothing per file here.)
   */
  printedRow(abs: string, size: number, mtimeMs: number, now: number): number {
    const c = this.checks;
    if (!c) return -1;
    const i = c.row(abs, size, mtimeMs);
    if (i < 0) return -1;
    if (!holdsAt(c.numbers, i, now)) return -1;
    this.counts.printed++;
    return i;
  }

  /**
   * `printedRow` for every file at once when the files are exactly check.bin's, in its order (see
   * `RunTable.rowsInOrder`): each file's row or -1, the rows' counts added to `into`. Undefined otherwise.
   */
  printedRows(files: readonly string[], stamps: ArrayLike<number>, now: number, into: Record<Level | 'overdue', number>): Int32Array | undefined {
    const c = this.checks;
    const rows = c?.rowsInOrder(files, stamps);
    if (!c || !rows) return undefined;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] < 0) continue;
      if (!holdsAt(c.numbers, i, now)) {
        rows[i] = -1;
        continue;
      }
      this.counts.printed++;
      this.addPrintedCounts(i, into);
    }
    return rows;
  }

  /** Where row `i`'s output is in `printedBuffer`: [start, end) at `[i * printedWidth + printedWidth - 2]`. */
  get printedRanges(): ArrayLike<number> {
    return this.checks!.numbers;
  }

  /** The bytes all rows' outputs are ranges of (read from check.bin now if they were not yet). */
  get printedBuffer(): Buffer {
    return this.checks!.bytes;
  }

  /** Writes bytes [start, end) of `printedBuffer` without reading them all into memory (see `BlobFile.copy`). */
  copyPrinted(start: number, end: number, write: (piece: Buffer) => void, reusable: () => boolean): void {
    this.checks!.copy(start, end, write, reusable);
  }

  /** Adds row `i`'s counts to `into`. */
  addPrintedCounts(i: number, into: Record<Level | 'overdue', number>): void {
    const n = this.checks!.numbers;
    const at = i * CHECK_WIDTH;
    into.error += n[at + 4];
    into.warning += n[at + 5];
    into.information += n[at + 6];
    into.hint += n[at + 7];
    into.overdue += n[at + 8];
  }

  setPrinted(abs: string, stamp: FileStamp, e: CheckEntry): void {
    this.checks?.set(
      abs,
      [stamp.size, stamp.mtimeMs, e.from, e.until, e.counts.error, e.counts.warning, e.counts.information, e.counts.hint, e.overdue],
      Buffer.from(e.out),
    );
  }

  /** The facts cached for a file at `stamp` (parsed from their JSON now; a blob that does not parse is a miss). */
  factsOf(abs: string, stamp: FileStamp): FileFacts | undefined {
    const b = this.facts.blob(abs, stamp.size, stamp.mtimeMs);
    if (!b) return undefined;
    try {
      const f = JSON.parse(b.buf.toString('utf8', b.start, b.end)) as FileFacts | null;
      if (!f || typeof f !== 'object' || !f.input || !Array.isArray(f.input.items) || !Array.isArray(f.input.problems)) return undefined;
      this.counts.facts++;
      return f;
    } catch {
      return undefined;
    }
  }

  /** Keeps a file's facts, given as JSON. */
  setFacts(abs: string, stamp: FileStamp, factsJson: string): void {
    this.counts.parsed++;
    this.facts.set(abs, [stamp.size, stamp.mtimeMs], Buffer.from(factsJson));
  }

  /** Forgets the files under `dirs`, walked whole in this run, that it did not meet (see `BlobFile.prune`). */
  prune(dirs: readonly string[]): void {
    this.facts.prune(dirs);
    this.checks?.prune(dirs);
  }

  /** Forgets a file that could not be read. */
  forget(abs: string): void {
    this.facts.delete(abs);
    this.checks?.delete(abs);
  }

  /** Writes what changed. Returns an error message instead of throwing (the cache is never worth failing for). */
  save(): string | undefined {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      this.facts.save();
      this.checks?.save();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }
}

/** Writes to a temporary file beside `file`, then renames it over `file`: never half a file. */
function writeAtomically(file: string, parts: readonly Uint8Array[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat(parts));
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
