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
import * as os from 'node:os';
import * as path from 'node:path';
import type { Level } from '../core/model';
import type { FileFacts } from './work';

/** Bumped whenever the layout of the files or of what they hold changes. */
const FORMAT = 2;

/** How recent a modification must be for the file not to be cached (ms). */
export const RACY_MS = 2000;

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

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
export interface Bytes {
  readonly buf: Buffer;
  readonly start: number;
  readonly end: number;
}

/** The running build, so a cache written by any other build (a new version, a rebuilt bundle) is ignored. */
export function buildStamp(version: string, script: string): string {
  try {
    const st = fs.statSync(script);
    return `${version}:${st.size}:${st.mtimeMs}`;
  } catch {
    return version;
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * One cache file, read in one piece: a JSON header line; the paths, UTF-8, one per line; padding to a
 * multiple of 8 bytes; per path `width` float64 numbers, of which the first two are the file's size and
 * mtime and the last two the byte range of its blob; then the blobs, one after the other. Reading it
 * allocates next to nothing (the numbers are a view of the bytes read, a blob is decoded only when asked
 * for), and writing it copies unchanged blobs as bytes.
 */
class BlobFile {
  private loaded = false;
  /** The paths read, one per line, and where each starts (`starts[count]` is one past the end). */
  private pathText = '';
  private starts: Int32Array = new Int32Array(1);
  private count = 0;
  private nums: ArrayLike<number> = [];
  private blobs: Buffer = Buffer.alloc(0);
  private where: Map<string, number> | undefined;
  /** Rows looked up in this run (their files still exist). */
  private seen = new Uint8Array(0);
  /** Where the next lookup is expected: files come in the sorted order they were written in. */
  private cursor = 0;
  private readonly fresh = new Map<string, { nums: number[]; blob: Buffer }>();
  private readonly gone = new Set<string>();
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly header: string,
    private readonly width: number,
    private readonly started: number,
  ) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const w = this.width;
    try {
      const buf = fs.readFileSync(this.file);
      const nl = buf.indexOf(10);
      const head = JSON.parse(buf.toString('utf8', 0, nl)) as { [k: string]: unknown } | null;
      const count = head?.count;
      const pathBytes = head?.pathBytes;
      if (!head || head.clientlogCache !== FORMAT || head.header !== this.header || head.width !== w || head.endianness !== os.endianness()) throw new Error('not ours');
      if (typeof count !== 'number' || typeof pathBytes !== 'number' || !(count >= 0) || !(pathBytes >= 0)) throw new Error('not ours');
      const numsAt = align8(nl + 1 + pathBytes);
      const blobsAt = numsAt + count * w * 8;
      if (blobsAt > buf.length) throw new Error('cut short');
      // The paths stay one string: a lookup compares in place, and no string is made per file.
      const pathText = buf.toString('utf8', nl + 1, nl + 1 + pathBytes);
      const starts = new Int32Array(count + 1);
      for (let i = 1, p = 0; i <= count; i++) {
        const q = i < count ? pathText.indexOf('\n', p) : pathText.length;
        if (q < 0) throw new Error('not ours');
        starts[i] = q + 1;
        p = q + 1;
      }
      // A view of the bytes when they are aligned for it (a file read whole starts its buffer at 0), else a copy.
      const at = buf.byteOffset + numsAt;
      const nums = at % 8 === 0 ? new Float64Array(buf.buffer, at, count * w) : new Float64Array(buf.buffer.slice(at, at + count * w * 8));
      const blobs = buf.subarray(blobsAt);
      for (let i = 0; i < count; i++) {
        const s = nums[i * w + w - 2];
        const e = nums[i * w + w - 1];
        if (!(s >= 0 && s <= e && e <= blobs.length)) throw new Error('bad range');
      }
      this.pathText = pathText;
      this.starts = starts;
      this.count = count;
      this.seen = new Uint8Array(count);
      this.nums = nums;
      this.blobs = blobs;
    } catch {
      // No cache yet, or not one we can read: start empty.
      this.dirty = true;
    }
  }

  /** Path `i`. */
  private pathAt(i: number): string {
    return this.pathText.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  private indexOf(abs: string): number {
    const c = this.cursor;
    let i: number;
    if (c < this.count && this.starts[c + 1] - 1 - this.starts[c] === abs.length && this.pathText.startsWith(abs, this.starts[c])) i = c;
    else {
      if (!this.where) {
        this.where = new Map();
        for (let k = 0; k < this.count; k++) this.where.set(this.pathAt(k), k);
      }
      i = this.where.get(abs) ?? -1;
    }
    if (i >= 0) this.seen[i] = 1;
    return i;
  }

  /**
   * Forgets the files under `dirs` (walked whole in this run) that this run did not meet: deleted, renamed
   * or now ignored. Files elsewhere are kept for the runs that check them. Only a file read in this run is
   * pruned (a rerun answered from check.bin never reads facts.bin; a later run will).
   */
  prune(dirs: readonly string[]): void {
    if (!this.loaded || dirs.length === 0) return;
    const prefixes = dirs.map((d) => (d.endsWith(path.sep) ? d : d + path.sep));
    for (let i = 0; i < this.count; i++) {
      if (this.seen[i]) continue;
      const p = this.pathAt(i);
      if (prefixes.some((d) => p.startsWith(d)) && !this.fresh.has(p)) {
        this.gone.add(p);
        this.dirty = true;
      }
    }
  }

  /** The row kept for `abs` (read from the file, not set in this run) when its size and mtime are these, else -1. */
  row(abs: string, size: number, mtimeMs: number): number {
    this.load();
    if ((this.gone.size > 0 && this.gone.has(abs)) || (this.fresh.size > 0 && this.fresh.has(abs))) return -1;
    const i = this.indexOf(abs);
    if (i < 0) return -1;
    this.cursor = i + 1;
    const at = i * this.width;
    return this.nums[at] === size && this.nums[at + 1] === mtimeMs ? i : -1;
  }

  /** Number `k` of row `i` is `numbers[i * width + k]`. */
  get numbers(): ArrayLike<number> {
    return this.nums;
  }

  /** The bytes all rows' blobs are ranges of (numbers `width - 2` and `width - 1` of a row). */
  get bytes(): Buffer {
    return this.blobs;
  }

  /** The blob kept for `abs` when its size and mtime are these (see `row`). */
  blob(abs: string, size: number, mtimeMs: number): Bytes | undefined {
    const i = this.row(abs, size, mtimeMs);
    if (i < 0) return undefined;
    const at = i * this.width;
    return { buf: this.blobs, start: this.nums[at + this.width - 2], end: this.nums[at + this.width - 1] };
  }

  /** Keeps `nums` (size, mtime, then the rest; the blob range is filled in on save) and `blob` for `abs`, unless the file is too fresh to trust. */
  set(abs: string, nums: number[], blob: Buffer): void {
    this.load();
    if (nums[1] > this.started - RACY_MS) return this.delete(abs);
    this.gone.delete(abs);
    this.fresh.set(abs, { nums: [...nums, 0, 0], blob });
    this.dirty = true;
  }

  delete(abs: string): void {
    this.load();
    this.fresh.delete(abs);
    this.gone.add(abs);
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const w = this.width;
    // Rows in path order: the kept ones (already sorted) merged with the fresh ones.
    const kept: number[] = [];
    const keptPaths: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const p = this.pathAt(i);
      if (this.fresh.has(p) || this.gone.has(p)) continue;
      kept.push(i);
      keptPaths.push(p);
    }
    const fresh = [...this.fresh.keys()].sort();
    const paths: string[] = [];
    const nums = new Float64Array((kept.length + fresh.length) * w);
    const pieces: Buffer[] = [];
    let at = 0;
    let run: { start: number; end: number } | undefined; // consecutive kept blobs, copied in one piece
    const flush = () => {
      if (run) pieces.push(this.blobs.subarray(run.start, run.end));
      run = undefined;
    };
    const emit = (p: string, src: ArrayLike<number>, from: number, blobStart: number, blobEnd: number, blob?: Buffer) => {
      const row = paths.length * w;
      paths.push(p);
      for (let k = 0; k < w - 2; k++) nums[row + k] = src[from + k];
      nums[row + w - 2] = at;
      nums[row + w - 1] = at += blobEnd - blobStart;
      if (blob) {
        flush();
        pieces.push(blob);
      } else if (run && run.end === blobStart) run.end = blobEnd;
      else {
        flush();
        run = { start: blobStart, end: blobEnd };
      }
    };
    let k = 0;
    for (const p of fresh) {
      for (; k < kept.length && keptPaths[k] < p; k++) {
        const i = kept[k] * w;
        emit(keptPaths[k], this.nums, i, this.nums[i + w - 2], this.nums[i + w - 1]);
      }
      const f = this.fresh.get(p)!;
      emit(p, f.nums, 0, 0, f.blob.length, f.blob);
    }
    for (; k < kept.length; k++) {
      const i = kept[k] * w;
      emit(keptPaths[k], this.nums, i, this.nums[i + w - 2], this.nums[i + w - 1]);
    }
    flush();
    const pathBytes = Buffer.from(paths.join('\n'));
    const head = Buffer.from(`${JSON.stringify({ clientlogCache: FORMAT, header: this.header, width: w, endianness: os.endianness(), count: paths.length, pathBytes: pathBytes.length })}\n`);
    const pad = Buffer.alloc(align8(head.length + pathBytes.length) - head.length - pathBytes.length);
    writeAtomically(this.file, [head, pathBytes, pad, new Uint8Array(nums.buffer), ...pieces]);
    this.dirty = false;
  }
}

/** check.bin's numbers: size, mtimeMs, from, until, errors, warnings, information, hints, overdue, and the output's range. */
const CHECK_WIDTH = 11;
/** facts.bin's numbers: size, mtimeMs, and the JSON's range. */
const FACTS_WIDTH = 4;

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
    const n = c.numbers;
    const at = i * CHECK_WIDTH;
    if (!(n[at + 2] <= now && now < n[at + 3])) return -1;
    this.counts.printed++;
    return i;
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

  /** Row `i`'s output, as a range of the cache's bytes. */
  printedBytes(i: number): Bytes {
    const c = this.checks!;
    const at = i * CHECK_WIDTH;
    return { buf: c.bytes, start: c.numbers[at + CHECK_WIDTH - 2], end: c.numbers[at + CHECK_WIDTH - 1] };
  }

  setPrinted(abs: string, stamp: FileStamp, e: CheckEntry): void {
    this.checks?.set(abs, [stamp.size, stamp.mtimeMs, e.from, e.until, e.counts.error, e.counts.warning, e.counts.information, e.counts.hint, e.overdue], Buffer.from(e.out));
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
