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
import { CacheTable, type Bytes as TableBytes, type FileStamp, type Utf8 } from '../core/cacheTable';
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

/** One cache file: a `CacheTable` (the format the extension's persisted index shares), read when first asked, written whole. */
class BlobFile {
  private loaded = false;
  private readonly table: CacheTable;

  constructor(
    readonly file: string,
    header: string,
    width: number,
    started: number,
  ) {
    this.table = new CacheTable(header, width, started, false, BUFFER_UTF8);
  }

  private load(): CacheTable {
    if (!this.loaded) {
      this.loaded = true;
      let buf: Buffer | undefined;
      try {
        buf = fs.readFileSync(this.file);
      } catch {
        // No cache yet: start empty.
      }
      this.table.decode(buf);
    }
    return this.table;
  }

  /** See `CacheTable.prune`; only a file read in this run is pruned (a rerun answered from check.bin never reads facts.bin; a later run will). */
  prune(dirs: readonly string[]): void {
    if (this.loaded) this.table.prune(dirs.map((d) => (d.endsWith(path.sep) ? d : d + path.sep)));
  }

  row(abs: string, size: number, mtimeMs: number): number {
    return this.load().row(abs, size, mtimeMs);
  }

  get numbers(): ArrayLike<number> {
    return this.table.numbers;
  }

  get bytes(): Buffer {
    return asBuffer(this.table.bytes);
  }

  blob(abs: string, size: number, mtimeMs: number): Bytes | undefined {
    const b = this.load().blob(abs, size, mtimeMs);
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
    writeAtomically(this.file, this.table.encode());
    this.table.dirty = false;
  }
}

const BUFFER_UTF8: Utf8 = { decode: (b, start, end) => asBuffer(b).toString('utf8', start, end), encode: (t) => Buffer.from(t) };

/** The same bytes as a Buffer, not copied. */
function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
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
