/**
 * Spreading the per-file work over worker threads. The main thread works too, so with N cores there are
 * N-1 workers. Every thread claims the next chunk of files from one shared counter (Atomics), so no thread
 * waits for another to hand it work: when the main thread handed chunks out between its own, a worker sat
 * idle while the main thread parsed, and did a third of the files instead of half.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { processFile, type FileResult, type FileTask, type WorkOptions } from './work';

/** Files per claim: small enough to even out the end of a run (files differ a lot in size). */
const CHUNK = 32;

interface PoolData {
  readonly clientlogWorker: true;
  readonly options: WorkOptions;
  readonly tasks: readonly FileTask[];
  /** Int32Array over it: [0] is the next chunk to claim. */
  readonly next: SharedArrayBuffer;
}

/** Claims and processes chunks until none is left; `done` receives each chunk's results. */
function drain(tasks: readonly FileTask[], o: WorkOptions, next: Int32Array, done: (at: number, results: FileResult[]) => void): void {
  for (;;) {
    const at = Atomics.add(next, 0, 1) * CHUNK;
    if (at >= tasks.length) return;
    done(
      at,
      tasks.slice(at, at + CHUNK).map((t) => processFile(t, o)),
    );
  }
}

/** In a worker started by `runPool`: work until no chunk is left. Returns whether this is such a worker. */
export function serveIfWorker(): boolean {
  if (isMainThread || !parentPort || !(workerData as PoolData | null)?.clientlogWorker) return false;
  const port = parentPort;
  const data = workerData as PoolData;
  drain(data.tasks, data.options, new Int32Array(data.next), (at, results) => port.postMessage({ at, results }));
  port.close();
  return true;
}

/**
 * Processes the files on the main thread only, reading each with one readFileSync: measured over 10,000
 * files, reading ahead with fs.promises.readFile (16 at a time) took twice as long (3.0 s against 1.6 s), its
 * four thread-pool round trips per file costing more than the reads themselves.
 */
export function runInProcess(tasks: readonly FileTask[], o: WorkOptions): FileResult[] {
  return tasks.map((t) => processFile(t, o));
}

/**
 * Processes the files on the main thread and `workers` worker threads running `script` (the main thread
 * only waits when `mainWorks` is false, which tests use to hold the workers to the same results).
 */
export async function runPool(tasks: readonly FileTask[], o: WorkOptions, workers: number, script: string, mainWorks = true): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  const next = new SharedArrayBuffer(4);
  const execArgv = script.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
  const data: PoolData = { clientlogWorker: true, options: o, tasks, next };
  const threads = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(script, { workerData: data, execArgv });
        w.on('message', (m: { at: number; results: FileResult[] }) => m.results.forEach((r, k) => (results[m.at + k] = r)));
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with code ${code}`))));
      }),
  );
  // The main thread claims chunks like the workers; their results arrive as messages once it is done.
  if (mainWorks) drain(tasks, o, new Int32Array(next), (at, r) => r.forEach((x, k) => (results[at + k] = x)));
  await Promise.all(threads);
  return results;
}
