/**
 * `--cache`: a directory (`.clientlogcache` by default) of two files, each keyed by path, size and
 * modification time:
 *
 * - `facts.json`, what each file's parse produced (`FileFacts`: the analysis input and the lines of its open
 *   promises). A file whose size and mtime are unchanged is not read or parsed again; its findings are
 *   computed from these facts as of the run's date, so `--today`, `--tz`, `--level` and the horizons all
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
import type { FileFacts, FileResult } from './work';

/** Bumped whenever the layout of the files or of what they hold changes. */
const FORMAT = 1;

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
  /** As printed: a range of the cache's bytes when read from it. */
  readonly out: string | Bytes;
  readonly counts: Readonly<Record<Level, number>>;
  readonly overdue: number;
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

/** One JSON file of path → [size, mtimeMs, value], valid only for the header it was written with. */
class StampedFile<T> {
  private entries: Record<string, [number, number, T]> | undefined;
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly header: string,
    private readonly started: number,
  ) {}

  private load(): Record<string, [number, number, T]> {
    if (this.entries) return this.entries;
    let entries: Record<string, [number, number, T]> | undefined;
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { [k: string]: unknown } | null;
      if (data && data.clientlogCache === FORMAT && data.header === this.header && data.files && typeof data.files === 'object') {
        entries = Object.assign(Object.create(null), data.files) as Record<string, [number, number, T]>;
      }
    } catch {
      // No cache yet, or not one we can read: start empty.
    }
    if (!entries) this.dirty = true;
    return (this.entries = entries ?? Object.create(null));
  }

  get(abs: string, stamp: FileStamp): T | undefined {
    const e = this.load()[abs];
    return Array.isArray(e) && e[0] === stamp.size && e[1] === stamp.mtimeMs && e[2] && typeof e[2] === 'object' ? e[2] : undefined;
  }

  /** Keeps `value` for `abs` as read at `stamp` (taken before the read), unless the file is too fresh to trust. */
  set(abs: string, stamp: FileStamp, value: T): void {
    const entries = this.load();
    if (stamp.mtimeMs > this.started - RACY_MS) return this.delete(abs);
    entries[abs] = [stamp.size, stamp.mtimeMs, value];
    this.dirty = true;
  }

  delete(abs: string): void {
    const entries = this.load();
    if (abs in entries) {
      delete entries[abs];
      this.dirty = true;
    }
  }

  /** Writes the file when anything changed. */
  save(): void {
    if (!this.dirty || !this.entries) return;
    writeAtomically(this.file, JSON.stringify({ clientlogCache: FORMAT, header: this.header, files: this.entries }));
    this.dirty = false;
  }
}

/** A range of bytes of a buffer, not copied until printed (consecutive ranges are printed in one piece). */
export interface Bytes {
  readonly buf: Buffer;
  readonly start: number;
  readonly end: number;
}

/** Numbers kept per file in check.bin: size, mtimeMs, from, until, start, end, errors, warnings, information, hints, overdue. */
const N = 11;

/**
 * check.bin, one file read in one piece: a JSON header line; the paths, UTF-8, one per line; padding to a
 * multiple of 8 bytes; per path `N` float64 numbers (the stamp, the span, the byte range of its output, the
 * counts); then every file's output as UTF-8, one after the other. Reading it allocates next to nothing (the
 * numbers are a view of the bytes read), and output bytes are printed as they were read, never decoded.
 */
class PrintedFiles {
  private loaded = false;
  private paths: string[] = [];
  private nums: ArrayLike<number> = [];
  private bytes: Buffer | undefined;
  private where: Map<string, number> | undefined;
  /** Where the last lookup was found: files come in the same sorted order as they were written. */
  private cursor = 0;
  private readonly fresh = new Map<string, { nums: number[]; out: string }>();
  private readonly gone = new Set<string>();
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly header: string,
    private readonly started: number,
  ) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const buf = fs.readFileSync(this.file);
      const nl = buf.indexOf(10);
      const head = JSON.parse(buf.toString('utf8', 0, nl)) as { [k: string]: unknown } | null;
      const count = head?.count;
      const pathBytes = head?.pathBytes;
      if (!head || head.clientlogCache !== FORMAT || head.header !== this.header || head.endianness !== os.endianness()) throw new Error('not ours');
      if (typeof count !== 'number' || typeof pathBytes !== 'number' || !(count >= 0) || !(pathBytes >= 0)) throw new Error('not ours');
      const numsAt = align8(nl + 1 + pathBytes);
      const outAt = numsAt + count * N * 8;
      if (outAt > buf.length) throw new Error('cut short');
      const paths = count === 0 ? [] : buf.toString('utf8', nl + 1, nl + 1 + pathBytes).split('\n');
      if (paths.length !== count) throw new Error('not ours');
      // A view of the bytes when they are aligned for it (a file read whole starts its buffer at 0), else a copy.
      const nums = (buf.byteOffset + numsAt) % 8 === 0 ? new Float64Array(buf.buffer, buf.byteOffset + numsAt, count * N) : new Float64Array(buf.buffer.slice(buf.byteOffset + numsAt, buf.byteOffset + outAt));
      for (let i = 0; i < count; i++) if (!(nums[i * N + 4] >= 0 && nums[i * N + 4] <= nums[i * N + 5] && outAt + nums[i * N + 5] <= buf.length)) throw new Error('bad range');
      this.paths = paths;
      this.nums = nums;
      this.bytes = buf.subarray(outAt);
    } catch {
      // No cache yet, or not one we can read: start empty.
      this.dirty = true;
    }
  }

  private indexOf(abs: string): number {
    if (this.paths[this.cursor] === abs) return this.cursor;
    if (!this.where) {
      this.where = new Map();
      this.paths.forEach((p, i) => this.where!.set(p, i));
    }
    return this.where.get(abs) ?? -1;
  }

  /** The result cached for `abs` at this size and mtime, its output a range of the cache's bytes, when it holds at `now`. */
  get(abs: string, size: number, mtimeMs: number, now: number, display: string): FileResult | undefined {
    this.load();
    if (this.gone.size > 0 && this.gone.has(abs)) return undefined;
    const f = this.fresh.size > 0 ? this.fresh.get(abs) : undefined;
    let n: ArrayLike<number>;
    let at = 0;
    if (f) n = f.nums;
    else {
      const i = this.indexOf(abs);
      if (i < 0) return undefined;
      this.cursor = i + 1;
      n = this.nums;
      at = i * N;
    }
    if (n[at] !== size || n[at + 1] !== mtimeMs || !(n[at + 2] <= now && now < n[at + 3])) return undefined;
    const out: string | Bytes = f ? f.out : { buf: this.bytes!, start: n[at + 4], end: n[at + 5] };
    return { file: display, out, counts: { error: n[at + 6], warning: n[at + 7], information: n[at + 8], hint: n[at + 9] }, overdue: n[at + 10] };
  }

  set(abs: string, stamp: FileStamp, e: CheckEntry): void {
    this.load();
    this.dirty = true;
    if (stamp.mtimeMs > this.started - RACY_MS) {
      this.delete(abs);
      return;
    }
    this.gone.delete(abs);
    const nums = [stamp.size, stamp.mtimeMs, e.from, e.until, 0, 0, e.counts.error, e.counts.warning, e.counts.information, e.counts.hint, e.overdue];
    this.fresh.set(abs, { nums, out: typeof e.out === 'string' ? e.out : e.out.buf.toString('utf8', e.out.start, e.out.end) });
  }

  delete(abs: string): void {
    this.load();
    this.fresh.delete(abs);
    this.gone.add(abs);
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const rows: Array<{ path: string; nums: ArrayLike<number>; from: number; out: Buffer }> = [];
    this.paths.forEach((p, i) => {
      if (!this.fresh.has(p) && !this.gone.has(p)) rows.push({ path: p, nums: this.nums, from: i * N, out: this.bytes!.subarray(this.nums[i * N + 4], this.nums[i * N + 5]) });
    });
    for (const [p, f] of this.fresh) rows.push({ path: p, nums: f.nums, from: 0, out: Buffer.from(f.out) });
    // Sorted, so the next run finds its files in order.
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const paths = Buffer.from(rows.map((r) => r.path).join('\n'));
    const head = Buffer.from(`${JSON.stringify({ clientlogCache: FORMAT, header: this.header, endianness: os.endianness(), count: rows.length, pathBytes: paths.length })}\n`);
    const numsAt = align8(head.length + paths.length);
    const nums = new Float64Array(rows.length * N);
    let at = 0;
    rows.forEach((r, i) => {
      for (let k = 0; k < N; k++) nums[i * N + k] = r.nums[r.from + k];
      nums[i * N + 4] = at;
      nums[i * N + 5] = at += r.out.length;
    });
    const pad = Buffer.alloc(numsAt - head.length - paths.length);
    writeAtomically(this.file, Buffer.concat([head, paths, pad, Buffer.from(nums.buffer), ...rows.map((r) => r.out)]));
    this.dirty = false;
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export class Cache {
  private readonly facts: StampedFile<FileFacts>;
  private readonly checks: PrintedFiles | undefined;
  /** Files answered from check.bin, from facts.json, and parsed. */
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
    this.facts = new StampedFile(path.join(dir, 'facts.json'), build, started);
    this.checks = checkKey === undefined ? undefined : new PrintedFiles(path.join(dir, 'check.bin'), `${build}\n${checkKey}`, started);
  }

  /** The check result cached for a file of this size and mtime, shown as `display`, when it holds at `now`. */
  printed(abs: string, size: number, mtimeMs: number, now: number, display: string): FileResult | undefined {
    const r = this.checks?.get(abs, size, mtimeMs, now, display);
    if (r) this.counts.printed++;
    return r;
  }

  /** The facts cached for a file at `stamp`. */
  factsOf(abs: string, stamp: FileStamp): FileFacts | undefined {
    const f = this.facts.get(abs, stamp);
    if (f) this.counts.facts++;
    return f;
  }

  setFacts(abs: string, stamp: FileStamp, facts: FileFacts): void {
    this.counts.parsed++;
    this.facts.set(abs, stamp, facts);
  }

  setPrinted(abs: string, stamp: FileStamp, entry: CheckEntry): void {
    this.checks?.set(abs, stamp, entry);
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
function writeAtomically(file: string, text: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
