/**
 * A persisted index (`LogStore`) whose rows may also hold each file's recent review input (`recentInput`'s JSON, on a
 * line of its own after the compact model's JSON, which has no raw newline: `reviewBlob`). The Node host's: its parse
 * worker makes both of one read, and the Weekly Review and the Promises view's records take the input instead of
 * reading the file again. `get` decodes only the model's part. A module of its own: the web worker host's bundle
 * (which has no parse worker) does not carry it.
 */
import { settledAt, type Bytes, type Checksum, type FileStamp } from './cacheTable';
import { LogStore, restoreCompact } from './logStore';
import type { ClientLog } from './model';

/** A row's blob of both: the compact model's JSON (`storeCompact`) and the recent review input's. */
export const reviewBlob = (compactJson: string, reviewJson: string): string => `${compactJson}\n${reviewJson}`;

const utf8 = new TextDecoder('utf-8');
/** Where a row's blob puts the review input's JSON: after the first newline (-1: none). */
const newline = (b: Bytes) => b.buf.subarray(b.start, b.end).indexOf(10);

export class ReviewLogStore extends LogStore {
  /** The review inputs' JSON of the rows set since the last `encode` (those are not yet bytes the table can give). */
  private readonly recent = new Map<string, string>();

  constructor(
    build: string,
    private readonly started: number,
    checksum?: Checksum,
  ) {
    super(build, started, checksum);
  }

  /** `LogStore.get`, restoring only the model's part of the blob. */
  override get(path: string, stamp: FileStamp): ClientLog | undefined {
    const b = this.table.blob(path, stamp.size, stamp.mtimeMs);
    if (!b) return undefined;
    const done = this.restored.get(path);
    if (done && done.stamp.size === stamp.size && done.stamp.mtimeMs === stamp.mtimeMs) return done.log;
    const nl = newline(b);
    const log = restoreCompact(utf8.decode(b.buf.subarray(b.start, nl < 0 ? b.end : b.start + nl)));
    if (log) this.restored.set(path, { stamp, log });
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

  /** `set` of `reviewBlob`'s JSON, with the model restored of it: `review` then gives its input for that model. */
  setParsed(path: string, stamp: FileStamp, blob: string, log: ClientLog): void {
    this.set(path, stamp, blob);
    // Not kept when too fresh to trust (the table drops it): then neither is its input.
    if (!settledAt(stamp.mtimeMs, this.started)) return;
    const nl = blob.indexOf('\n');
    if (nl >= 0) this.recent.set(path, blob.slice(nl + 1));
    this.restored.set(path, { stamp, log });
  }

  /** The review input's JSON kept with `log` (the model this store gave or was given for `path`), else undefined. */
  review(path: string, log: ClientLog): string | undefined {
    const done = this.restored.get(path);
    if (!done || done.log !== log) return undefined;
    const fresh = this.recent.get(path);
    if (fresh !== undefined) return fresh;
    const b = this.table.blob(path, done.stamp.size, done.stamp.mtimeMs);
    const nl = b ? newline(b) : -1;
    return b && nl >= 0 ? utf8.decode(b.buf.subarray(b.start + nl + 1, b.end)) : undefined;
  }

  /** The bytes to write (`LogStore.encode`): every row, its input too, is then one the table gives. */
  override encode(): Uint8Array {
    const bytes = super.encode();
    this.recent.clear();
    return bytes;
  }
}
