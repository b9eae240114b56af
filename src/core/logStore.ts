/**
 * The extension's persisted index: the compact model (`compactLog`) of every closed file, kept between
 * windows in a `CacheTable` (the command line's `--cache` format), keyed by path, size and mtime. Pure: the
 * host reads and writes the bytes through `workspace.fs`, and lists and stats the files.
 *
 * A stored model is used only for a file whose size and mtime are those it was stored with, and only when
 * the bytes are ours (this format, this build, an intact checksum); a file modified within the racy window
 * of the scan that read it is not stored; rows of files the scan did not meet are dropped. So a window opened
 * again shows exactly what a fresh scan would (a property test holds it to that).
 */
import { CacheTable, concatBytes, fnv1aOf, type Checksum, type FileStamp } from './cacheTable';
import type { ClientLog, Contact, Entry, FrontMatter, HistoryEvent, Problem, Tag, Tracked } from './model';
// A restored range: one object of four numbers (./storedRange.ts), plain objects in the web bundle (./storedRange.web.ts).
import { storedRange as range } from './storedRange';
import { lineRange, type Range } from './text';

/** Bumped whenever what a row's blob holds changes (a build stamp is part of the header too). 3: the front matter's cadence and client range. */
export const STORE_VERSION = 3;
/** Numbers per row: size, mtime, and the blob's range. */
const WIDTH = 4;

type R = [number, number, number, number];
const r = (x: Range): R => [x.start.line, x.start.character, x.end.line, x.end.character];

const opt = (x: Range | undefined): R | undefined => (x ? r(x) : undefined);
const optRange = (a: R | undefined): Range | undefined => (a ? range(a) : undefined);

function contact(c: Contact) {
  return { name: c.name, handle: c.handle, role: c.role, email: c.email, range: r(c.range), handleRange: opt(c.handleRange) };
}
function frontMatter(f: FrontMatter) {
  return {
    startLine: f.startLine,
    endLine: f.endLine,
    range: r(f.range),
    client: f.client,
    clientRange: opt(f.clientRange),
    language: f.language,
    timeZone: f.timeZone,
    cadence: f.cadence,
    contacts: f.contacts.map(contact),
    notes: f.notes,
  };
}
function entry(e: Entry) {
  // An entry no open item belongs to is a placeholder in a compact model (line -1): kept as null.
  if (e.line < 0) return null;
  return {
    line: e.line,
    range: r(e.range),
    date: e.date,
    time: e.time,
    title: e.title,
    titleRange: r(e.titleRange),
    endLine: e.endLine,
    lastContentLine: e.lastContentLine,
  };
}
function event(h: HistoryEvent) {
  return { verb: h.verb, range: r(h.range), date: h.date, from: h.from, fromTime: h.fromTime, by: h.by, reason: h.reason, apology: h.apology };
}
function tracked(i: Tracked) {
  return {
    kind: i.kind,
    line: i.line,
    range: r(i.range),
    date: i.date,
    dateRange: opt(i.dateRange),
    time: i.time,
    timeRange: opt(i.timeRange),
    text: i.text,
    textRange: r(i.textRange),
    history: i.history.map(event),
    state: i.state,
    closedOn: i.closedOn,
    entry: i.entry,
    handles: i.handles,
    tags: i.tags,
    recur: i.recur && { ...i.recur, range: r(i.recur.range) },
  };
}
const tag = (t: Tag) => ({ tag: t.tag, range: r(t.range) });
const problem = (p: Problem) => ({ code: p.code, range: r(p.range), data: p.data });

type Stored = {
  v: number;
  client: string;
  frontMatter?: ReturnType<typeof frontMatter>;
  entries: (ReturnType<typeof entry> | null)[];
  items: ReturnType<typeof tracked>[];
  tags: ReturnType<typeof tag>[];
  problems: ReturnType<typeof problem>[];
  lineCount: number;
  eol: '\n' | '\r\n';
  bom: boolean;
};

/** A compact model as JSON (ranges as four numbers; keys whose value is undefined are left out, as JSON does). */
export function storeCompact(log: ClientLog): string {
  if (!log.compact) throw new Error('storeCompact takes a compact model (compactLog)');
  const s: Stored = {
    v: STORE_VERSION,
    client: log.client,
    frontMatter: log.frontMatter && frontMatter(log.frontMatter),
    entries: log.entries.map(entry),
    items: log.items.map(tracked),
    tags: log.tags.map(tag),
    problems: log.problems.map(problem),
    lineCount: log.lineCount,
    eol: log.eol,
    bom: log.bom,
  };
  return JSON.stringify(s);
}

const NO_ENTRY: Entry = Object.freeze({ line: -1, range: lineRange(0, 0, 0), title: '', titleRange: lineRange(0, 0, 0), endLine: -1, lastContentLine: -1 });

/** The objects JSON.parse made of a stored model, while their ranges are made in place: a field at a time from stored to restored. */
type Mutable = { [key: string]: unknown };
const inPlace = (o: unknown, key: string) => ((o as Mutable)[key] = range((o as Mutable)[key] as R));
const optInPlace = (o: unknown, key: string) => ((o as Mutable)[key] = optRange((o as Mutable)[key] as R | undefined));

/**
 * The compact model `storeCompact` wrote, or undefined for anything else (never throws). The objects JSON.parse
 * made are the model's own, their stored ranges replaced in place (the same properties in the same order as a
 * copy of each object with its ranges restored): copying every object took 1.5 times as long, and a window opened
 * again restores 10,000 models.
 */
export function restoreCompact(json: string): ClientLog | undefined {
  try {
    const s = JSON.parse(json) as Stored;
    if (
      !s ||
      s.v !== STORE_VERSION ||
      typeof s.client !== 'string' ||
      !Array.isArray(s.entries) ||
      !Array.isArray(s.items) ||
      !Array.isArray(s.tags) ||
      !Array.isArray(s.problems)
    )
      return undefined;
    const fm = s.frontMatter;
    if (fm) {
      inPlace(fm, 'range');
      optInPlace(fm, 'clientRange');
      for (const c of fm.contacts) {
        inPlace(c, 'range');
        optInPlace(c, 'handleRange');
      }
    }
    const entries = s.entries;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      if (!e) (entries as unknown[])[k] = NO_ENTRY;
      else {
        inPlace(e, 'range');
        inPlace(e, 'titleRange');
      }
    }
    for (const i of s.items) {
      inPlace(i, 'range');
      optInPlace(i, 'dateRange');
      optInPlace(i, 'timeRange');
      inPlace(i, 'textRange');
      for (const h of i.history) inPlace(h, 'range');
      // Present when absent too, as in the model (undefined).
      if (i.recur) inPlace(i.recur, 'range');
      else i.recur = undefined;
    }
    for (const t of s.tags) inPlace(t, 'range');
    return {
      client: s.client,
      frontMatter: fm as unknown as FrontMatter | undefined,
      entries: entries as unknown as Entry[],
      items: s.items as unknown as Tracked[],
      urgents: [],
      notes: [],
      mentions: [],
      tags: s.tags as unknown as Tag[],
      // Each with its data, undefined or not.
      problems: s.problems.map((p) => ({ code: p.code, range: range(p.range), data: p.data })),
      lineCount: s.lineCount,
      eol: s.eol,
      bom: s.bom,
      compact: true,
    };
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8');

/** Compact models of files by path, with the stamps they were made at (see the module comment). */
export class LogStore {
  protected readonly table: CacheTable;
  /** Models restored in this session, so a second lookup does not parse the JSON again. */
  protected readonly restored = new Map<string, { stamp: FileStamp; log: ClientLog }>();

  /**
   * @param build the running build (version and bundle): a store written by another build is ignored
   * @param started when the scan began (epoch ms), for the racy window
   * @param checksum the bytes' checksum (default FNV-1a; the build stamp tells the hosts' stores apart)
   */
  constructor(build: string, started: number, checksum?: Checksum) {
    this.table = new CacheTable(`clientlog-index:${STORE_VERSION}:${build}`, WIDTH, started, checksum ?? fnv1aOf);
  }

  /** Takes the rows of what was written last time (undefined: nothing). Returns whether they were ours. */
  load(bytes: Uint8Array | undefined): boolean {
    this.restored.clear();
    return this.table.decode(bytes);
  }

  /** Rows loaded. */
  get size(): number {
    return this.table.size;
  }

  /** The model kept for `path` when the file still has this size and mtime, else undefined. */
  get(path: string, stamp: FileStamp): ClientLog | undefined {
    const b = this.table.blob(path, stamp.size, stamp.mtimeMs);
    if (!b) return undefined;
    const done = this.restored.get(path);
    if (done && done.stamp.size === stamp.size && done.stamp.mtimeMs === stamp.mtimeMs) return done.log;
    const log = restoreCompact(utf8.decode(b.buf.subarray(b.start, b.end)));
    if (log) this.restored.set(path, { stamp, log });
    return log;
  }

  /**
   * Keeps the compact model of `path` as read at `stamp` (not kept when the file is too fresh to trust): the model,
   * or what `storeCompact` made of it (elsewhere: the Node host parses in a worker thread and sends that JSON).
   */
  set(path: string, stamp: FileStamp, log: ClientLog | string): void {
    this.restored.delete(path);
    this.table.set(path, [stamp.size, stamp.mtimeMs], typeof log === 'string' ? log : storeCompact(log));
  }

  /** Forgets `path` (deleted, renamed, unreadable). */
  delete(path: string): void {
    this.restored.delete(path);
    this.table.delete(path);
  }

  /** Forgets every file under the path prefixes (each ending in its separator) that was not looked up or set: the scan listed them all. */
  prune(prefixes: readonly string[]): void {
    this.table.prune(prefixes);
  }

  /** Whether anything changed since `load` (or the last `encode`). */
  get dirty(): boolean {
    return this.table.dirty;
  }

  /** The bytes to write; the store then holds exactly them (clean, every row found by `get`). */
  encode(): Uint8Array {
    const bytes = concatBytes(this.table.encode());
    this.table.decode(bytes, true);
    return bytes;
  }
}
