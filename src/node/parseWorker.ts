/**
 * Reading and parsing closed files in a worker thread of the Node extension host (the `LogReader` of
 * src/host/files.ts): the extension host's own thread then only restores each file's compact model from the
 * JSON the worker sends (`restoreCompact`, which the persisted index uses too), and the second core parses.
 * Parsing 10,000 files took about 3.4 s of the extension host's thread, in tasks that kept it from everything
 * else (the editor, the views) for up to a few hundred milliseconds at a time.
 *
 * The worker runs dist/parse-worker.js (./parseWorkerThread.ts: `serveIfParseWorker`) with the parser of dist/cli-parse.js, which the
 * package carries for the command line (the same sources as the parser in dist/extension.js): no third copy of
 * the parser in the package. Files go to it in chunks (one message each way per chunk), read with
 * readFileSync there. Only scans use it (a file that changed is parsed where it is read): it is started at a
 * scan's first file and stopped once idle, so it holds no memory between scans. A worker that cannot start or dies makes every pending and later file come back undefined: the
 * caller then reads and parses it itself, as the web worker host does.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { compactLog } from '../core/analyze';
import type { FileStamp } from '../core/cacheTable';
import { storeCompact } from '../core/logStore';
import { recentInput } from '../core/review/input';
import type { LogReader, Parsed } from '../host/files';

const utf8 = new TextEncoder();

/** Files per message. */
const CHUNK = 32;
/** How long the worker stays after its last chunk (a scan's chunks follow each other within milliseconds). */
const IDLE_MS = 1000;

interface WorkerData {
  readonly clientlogParse: true;
  /** The parser module to require (dist/cli-parse.js; the sources under tests). */
  readonly parser: string;
}
interface Request {
  readonly id: number;
  /**
   * File system path, the name the parser is told (the URI's path), and the day from which the file's recent review
   * input is wanted too (`recentInput`), if it is.
   */
  readonly files: readonly (readonly [string, string, string | undefined])[];
}
/**
 * Per file: the JSON (`reviewBlob`'s when the review input was asked for) with the file's size and mtime; or the read's error (`code`, `message`); or
 * neither (the parser threw: the caller parses, and says why).
 */
type Result = {
  readonly json?: string;
  readonly review?: Uint8Array;
  readonly stamp?: FileStamp;
  readonly code?: string;
  readonly message?: string;
};
interface Answer {
  readonly id: number;
  readonly results: readonly Result[];
}

/** In a worker started by `workerReader`: answers chunks until the main thread lets go. Returns whether this is one. */
export function serveIfParseWorker(): boolean {
  const data = workerData as WorkerData | null;
  if (isMainThread || !parentPort || !data?.clientlogParse) return false;
  const port = parentPort;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseBytes } = require(data.parser) as typeof import('../core/parse');
  port.on('message', (r: Request) => {
    const results = r.files.map(([path, fileName, from]): Result => {
      let bytes: Uint8Array;
      let stamp: FileStamp;
      try {
        // Stat'ed before it is read, on the same descriptor (the persisted index's stamp: see PersistedIndex.lookup).
        const fd = openSync(path, 'r');
        try {
          const { size, mtimeMs } = fstatSync(fd);
          stamp = { size, mtimeMs };
          bytes = readFileSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return { code: err.code ?? '', message: err.message };
      }
      try {
        const log = parseBytes(bytes, { fileName });
        const json = storeCompact(compactLog(log));
        // The review input as UTF-8 bytes, handed over (transferred, not copied): the extension host keeps them as
        // they are until the persisted index writes them, no string of them on its heap.
        return from === undefined ? { json, stamp } : { json, stamp, review: utf8.encode(JSON.stringify(recentInput(log, from))) };
      } catch {
        return {};
      }
    });
    port.postMessage(
      { id: r.id, results } satisfies Answer,
      results.flatMap((x) => (x.review ? [x.review.buffer as ArrayBuffer] : [])),
    );
  });
  return true;
}

interface Pending {
  readonly path: string;
  readonly name: string;
  readonly from: string | undefined;
  readonly resolve: (parsed: Parsed | undefined) => void;
  readonly reject: (e: Error) => void;
}

/**
 * The main thread's side: `compact(uri)` of a `file:` URI goes to the worker (`script`, run with `parser`);
 * anything else, or anything after the worker failed, comes back undefined.
 */
export function workerReader(script: string, parser: string, execArgv: string[] = []): LogReader & { dispose(): void } {
  let worker: Worker | undefined;
  let failed = false;
  let queue: Pending[] = [];
  const sent = new Map<number, Pending[]>();
  let nextId = 0;
  let flushing = false;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    const w = worker;
    worker = undefined;
    void w?.terminate();
  };
  /** The worker is gone: what it had not answered, and what waits, is parsed by the caller. */
  const fail = () => {
    failed = true;
    stop();
    for (const p of [...[...sent.values()].flat(), ...queue]) p.resolve(undefined);
    sent.clear();
    queue = [];
  };
  const start = (): Worker => {
    const w = new Worker(script, { workerData: { clientlogParse: true, parser } satisfies WorkerData, execArgv });
    w.on('message', (a: Answer) => {
      const chunk = sent.get(a.id);
      sent.delete(a.id);
      chunk?.forEach((p, k) => {
        const r = a.results[k];
        if (r.code !== undefined) p.reject(Object.assign(new Error(r.message), { code: r.code }));
        else p.resolve(r.json === undefined ? undefined : { json: r.json, review: r.review, stamp: r.stamp });
      });
      if (sent.size === 0 && queue.length === 0) idle = setTimeout(stop, IDLE_MS);
    });
    w.on('error', fail);
    w.on('exit', () => {
      if (worker === w) fail();
    });
    // The extension host's exit does not wait for it.
    w.unref();
    return w;
  };
  const flush = () => {
    flushing = false;
    if (failed) return;
    if (idle) clearTimeout(idle);
    idle = undefined;
    try {
      worker ??= start();
    } catch {
      fail();
      return;
    }
    while (queue.length > 0) {
      const chunk = queue.splice(0, CHUNK);
      const id = nextId++;
      sent.set(id, chunk);
      worker.postMessage({ id, files: chunk.map((p) => [p.path, p.name, p.from]) } satisfies Request);
    }
  };

  return {
    compact(uri: vscode.Uri, from?: string): Promise<Parsed | undefined> {
      if (failed || uri.scheme !== 'file') return Promise.resolve(undefined);
      return new Promise((resolve, reject) => {
        queue.push({ path: uri.fsPath, name: uri.path, from, resolve, reject });
        // The files asked for in one turn of the event loop go together (a scan asks for many at once).
        if (queue.length >= CHUNK) flush();
        else if (!flushing) {
          flushing = true;
          queueMicrotask(flush);
        }
      });
    },
    dispose() {
      if (idle) clearTimeout(idle);
      fail();
    },
  };
}
