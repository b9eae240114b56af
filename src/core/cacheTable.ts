/**
 * The cache format shared by the command line's `--cache` (src/cli/cache.ts) and the extension's persisted
 * index (src/host/persistedIndex.ts): a table of rows keyed by path, each with the file's size and
 * modification time, some numbers, and a blob of bytes. Pure: the callers read and write the bytes
 * (`fs` for the command line, `workspace.fs` for the extension).
 *
 * The bytes: a JSON header line; the paths, UTF-8, one per line, sorted; padding to a multiple of 8 bytes;
 * per path `width` float64 numbers, of which the first two are the file's size and mtime and the last two
 * the byte range of its blob; then the blobs, one after the other. Decoding allocates next to nothing (the
 * numbers are a view of the bytes read, a blob is decoded only when asked for), and encoding copies unchanged
 * blobs as bytes.
 *
 * A table is only an accelerator: bytes that are missing, cut short, corrupt or foreign (another format,
 * another build's header, another width or byte order) decode as an empty table, never as rows to trust.
 * A file changed within the same mtime tick as its read, with the same size, would be missed, so (as git does
 * with its index) a file modified less than RACY_MS before the run that read it started is not kept.
 */

/** Bumped whenever the layout of the bytes changes. */
export const CACHE_FORMAT = 2;

/** How recent a modification must be for the file not to be kept (ms). */
export const RACY_MS = 2000;

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/** A range of bytes of a buffer, not copied until used (consecutive ranges are written in one piece). */
export interface Bytes<B extends Uint8Array = Uint8Array> {
  readonly buf: B;
  readonly start: number;
  readonly end: number;
}

/** Whether a file stamped `mtimeMs` may be kept by a run that started at `started` (see RACY_MS). */
export function settledAt(mtimeMs: number, started: number): boolean {
  return mtimeMs <= started - RACY_MS;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;
const ENDIANNESS = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
/** UTF-8 both ways. The command line passes Buffer's (Node's TextDecoder costs it 3 ms to start and is slower on paths). */
export interface Utf8 {
  decode(bytes: Uint8Array, start: number, end: number): string;
  encode(text: string): Uint8Array;
}
let standard: Utf8 | undefined;
/** TextDecoder and TextEncoder, made when first needed. */
function standardUtf8(): Utf8 {
  if (!standard) {
    const d = new TextDecoder('utf-8');
    const e = new TextEncoder();
    standard = { decode: (b, s, end) => d.decode(b.subarray(s, end)), encode: (t) => e.encode(t) };
  }
  return standard;
}

/**
 * How many bytes of a table come before its blobs (its header line, paths, padding and numbers), from its
 * first bytes (its header line at least), or -1 when they are not a table's header. A reader may read those
 * bytes first and the blobs only when it needs them (the command line's rerun copies them to its output).
 * `decode` still checks everything.
 */
export function bytesBeforeBlobs(first: Uint8Array, utf8: Utf8 = standardUtf8()): number {
  const nl = first.indexOf(10);
  if (nl < 0) return -1;
  try {
    const head = JSON.parse(utf8.decode(first, 0, nl)) as { [k: string]: unknown } | null;
    const sizes = [head?.count, head?.pathBytes, head?.width];
    if (!sizes.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return -1;
    const [count, pathBytes, width] = sizes as number[];
    return align8(nl + 1 + pathBytes) + count * width * 8;
  } catch {
    return -1;
  }
}

/**
 * A 32-bit checksum of the pieces, one after the other. The default is FNV-1a, in JavaScript (the web worker
 * host has no faster one); the Node host passes zlib's crc32 (src/node/checksum.ts), native code, a few
 * milliseconds where FNV-1a took a long task over a 22 MB index.
 */
export type Checksum = (pieces: readonly Uint8Array[]) => number;

export class CacheTable {
  // Protected, not private: the command line's check.bin adds its rerun's fast path (src/cli/cache.ts) in a
  // subclass, which stays out of the web extension's bundle.
  /** The paths read, one per line, and where each starts (`starts[count]` is one past the end). */
  protected pathText = '';
  private starts: Int32Array = new Int32Array(1);
  protected count = 0;
  protected nums: ArrayLike<number> = [];
  private blobs: Uint8Array = new Uint8Array(0);
  private where: Map<string, number> | undefined;
  /** Rows looked up (their files still exist). */
  protected seen = new Uint8Array(0);
  /** Where the next lookup is expected: files come in the sorted order they were written in. */
  protected cursor = 0;
  protected readonly fresh = new Map<string, { nums: number[]; blob: Uint8Array }>();
  protected readonly gone = new Set<string>();
  /** Whether the table differs from the bytes it was decoded from (then it is worth writing). */
  dirty = false;

  /**
   * @param header what the table is for (the build and the options its blobs depend on): bytes with another
   *   header are foreign
   * @param width numbers per row, the size, mtime and blob range included
   * @param started when the run began (epoch ms), for the racy window
   * @param checksum whether the bytes carry (and must carry) a checksum of everything after the header, so a
   *   corrupt byte anywhere makes the table foreign (the extension's index; the command line's reruns skip it,
   *   hashing 15 MB would cost a fifth of a rerun): false, or the checksum (`fnv1a`, or the Node host's)
   * @param utf8 how to decode and encode UTF-8 (default: TextDecoder and TextEncoder)
   */
  constructor(
    private readonly header: string,
    readonly width: number,
    private readonly started: number,
    private readonly checksum: false | Checksum = false,
    private readonly utf8: Utf8 = standardUtf8(),
  ) {}

  /** The header's `sum` of the pieces (10 digits: see `encode`). */
  private sum(pieces: readonly Uint8Array[]): number {
    return 1e9 + ((this.checksum as Checksum)(pieces) % 1e9);
  }

  /**
   * Replaces the table by the rows of `bytes` (undefined: none written yet); anything not ours leaves it empty.
   * Returns whether the bytes were ours. `trusted`: bytes this table just encoded (their checksum is not checked).
   */
  decode(bytes: Uint8Array | undefined, trusted = false): boolean {
    const w = this.width;
    try {
      if (!bytes) throw new Error('none');
      const nl = bytes.indexOf(10);
      if (nl < 0) throw new Error('not ours');
      const head = JSON.parse(this.utf8.decode(bytes, 0, nl)) as { [k: string]: unknown } | null;
      const count = head?.count;
      const pathBytes = head?.pathBytes;
      if (!head || head.clientlogCache !== CACHE_FORMAT || head.header !== this.header || head.width !== w || head.endianness !== ENDIANNESS)
        throw new Error('not ours');
      if (
        typeof count !== 'number' ||
        typeof pathBytes !== 'number' ||
        !(count >= 0) ||
        !(pathBytes >= 0) ||
        !Number.isInteger(count) ||
        !Number.isInteger(pathBytes)
      )
        throw new Error('not ours');
      if (this.checksum && !trusted && head.sum !== this.sum([bytes.subarray(nl + 1)])) throw new Error('corrupt');
      const numsAt = align8(nl + 1 + pathBytes);
      const blobsAt = numsAt + count * w * 8;
      if (blobsAt > bytes.length) throw new Error('cut short');
      // The paths stay one string: a lookup compares in place, and no string is made per file.
      const pathText = this.utf8.decode(bytes, nl + 1, nl + 1 + pathBytes);
      const starts = new Int32Array(count + 1);
      for (let i = 1, p = 0; i <= count; i++) {
        const q = i < count ? pathText.indexOf('\n', p) : pathText.length;
        if (q < 0) throw new Error('not ours');
        starts[i] = q + 1;
        p = q + 1;
      }
      // A view of the bytes when they are aligned for it (a file read whole starts its buffer at 0), else a copy.
      const at = bytes.byteOffset + numsAt;
      const nums = at % 8 === 0 ? new Float64Array(bytes.buffer, at, count * w) : new Float64Array(bytes.buffer.slice(at, at + count * w * 8));
      const blobs = bytes.subarray(blobsAt);
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
      this.where = undefined;
      this.cursor = 0;
      this.fresh.clear();
      this.gone.clear();
      this.dirty = false;
      return true;
    } catch {
      // Nothing written yet, or not something we can read: start empty (and write it anew).
      this.pathText = '';
      this.starts = new Int32Array(1);
      this.count = 0;
      this.seen = new Uint8Array(0);
      this.nums = [];
      this.blobs = new Uint8Array(0);
      this.where = undefined;
      this.cursor = 0;
      this.fresh.clear();
      this.gone.clear();
      this.dirty = true;
      return false;
    }
  }

  /** Rows decoded. */
  get size(): number {
    return this.count;
  }

  /** Path `i`. */
  pathAt(i: number): string {
    return this.pathText.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  private indexOf(p: string): number {
    const c = this.cursor;
    let i: number;
    if (c < this.count && this.starts[c + 1] - 1 - this.starts[c] === p.length && this.pathText.startsWith(p, this.starts[c])) i = c;
    else {
      if (!this.where) {
        this.where = new Map();
        for (let k = 0; k < this.count; k++) this.where.set(this.pathAt(k), k);
      }
      i = this.where.get(p) ?? -1;
    }
    if (i >= 0) this.seen[i] = 1;
    return i;
  }

  /**
   * Forgets the rows under the path `prefixes` (each ending in its separator, walked whole in this run) that
   * this run did not look up: deleted, renamed or now ignored files. Rows elsewhere are kept.
   */
  prune(prefixes: readonly string[]): void {
    if (prefixes.length === 0) return;
    for (let i = 0; i < this.count; i++) {
      if (this.seen[i]) continue;
      const p = this.pathAt(i);
      if (prefixes.some((d) => p.startsWith(d)) && !this.fresh.has(p)) {
        this.gone.add(p);
        this.dirty = true;
      }
    }
  }

  /** The row decoded for `p` (not set since) when its size and mtime are these, else -1. */
  row(p: string, size: number, mtimeMs: number): number {
    if ((this.gone.size > 0 && this.gone.has(p)) || (this.fresh.size > 0 && this.fresh.has(p))) return -1;
    const i = this.indexOf(p);
    if (i < 0) return -1;
    this.cursor = i + 1;
    const at = i * this.width;
    return this.nums[at] === size && this.nums[at + 1] === mtimeMs ? i : -1;
  }

  /** Number `k` of row `i` is `numbers[i * width + k]`. */
  get numbers(): ArrayLike<number> {
    return this.nums;
  }

  /** The bytes all decoded rows' blobs are ranges of (numbers `width - 2` and `width - 1` of a row). */
  get bytes(): Uint8Array {
    return this.blobs;
  }

  /** The blob of row `i`. */
  blobAt(i: number): Bytes {
    const at = i * this.width;
    return { buf: this.blobs, start: this.nums[at + this.width - 2], end: this.nums[at + this.width - 1] };
  }

  /** The blob kept for `p` when its size and mtime are these (see `row`). */
  blob(p: string, size: number, mtimeMs: number): Bytes | undefined {
    const i = this.row(p, size, mtimeMs);
    return i < 0 ? undefined : this.blobAt(i);
  }

  /**
   * Keeps `nums` (size, mtime, then the rest; the blob range is filled in by `encode`) and `blob` for `p`,
   * unless the file is too fresh to trust (then whatever was kept for it is dropped).
   */
  set(p: string, nums: readonly number[], blob: Uint8Array | string): void {
    if (!settledAt(nums[1], this.started)) return this.delete(p);
    this.gone.delete(p);
    this.fresh.set(p, { nums: [...nums, 0, 0], blob: typeof blob === 'string' ? this.utf8.encode(blob) : blob });
    this.dirty = true;
  }

  delete(p: string): void {
    this.fresh.delete(p);
    this.gone.add(p);
    this.dirty = true;
  }

  /** The table as bytes, in pieces to write one after the other (unchanged blobs are views, not copies). */
  encode(): Uint8Array[] {
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
    const pieces: Uint8Array[] = [];
    let at = 0;
    let run: { start: number; end: number } | undefined; // consecutive kept blobs, copied in one piece
    const flush = () => {
      if (run) pieces.push(this.blobs.subarray(run.start, run.end));
      run = undefined;
    };
    const emit = (p: string, src: ArrayLike<number>, from: number, blobStart: number, blobEnd: number, blob?: Uint8Array) => {
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
    const emitKept = () => {
      const i = kept[k] * w;
      emit(keptPaths[k], this.nums, i, this.nums[i + w - 2], this.nums[i + w - 1]);
    };
    for (const p of fresh) {
      for (; k < kept.length && keptPaths[k] < p; k++) emitKept();
      const f = this.fresh.get(p)!;
      emit(p, f.nums, 0, 0, f.blob.length, f.blob);
    }
    for (; k < kept.length; k++) emitKept();
    flush();
    const pathBytes = this.utf8.encode(paths.join('\n'));
    const fields = { clientlogCache: CACHE_FORMAT, header: this.header, width: w, endianness: ENDIANNESS, count: paths.length, pathBytes: pathBytes.length };
    const headOf = (sum?: number) => this.utf8.encode(`${JSON.stringify(sum === undefined ? fields : { ...fields, sum })}\n`);
    // The padding aligns the numbers: the header's length must not depend on the sum (written as 10 digits).
    let head = headOf(this.checksum ? 1e9 : undefined);
    const pad = new Uint8Array(align8(head.length + pathBytes.length) - head.length - pathBytes.length);
    const body = [pathBytes, pad, new Uint8Array(nums.buffer), ...pieces];
    if (this.checksum) head = headOf(this.sum(body));
    return [head, ...body];
  }
}

/** A 32-bit FNV-1a hash of the bytes, as 8 hex digits (e.g. to tell builds apart by their bundle's bytes). */
export function hashBytes(bytes: Uint8Array): string {
  return fnv1aOf([bytes]).toString(16).padStart(8, '0');
}

/** FNV-1a, 32 bits, of the pieces one after the other: the checksum of the persisted index in the web worker host. */
export function fnv1aOf(pieces: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const p of pieces) for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p[i], 0x01000193);
  return h >>> 0;
}

/** `pieces` as one array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
