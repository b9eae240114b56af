/**
 * Spreading the per-file work over worker threads. The main thread works too, so with N cores there are at
 * most N-1 workers. Every thread claims the next chunk of files from one shared counter (Atomics), so no
 * thread waits for another to hand it work: when the main thread handed chunks out between its own, a worker
 * sat idle while the main thread parsed, and did a third of the files instead of half.
 *
 * A worker is not free: it starts a V8 isolate and Node (about 40 ms here), loads the bundles, and then runs
 * the parser cold, with a JIT and a heap of its own (on 1,000 files, one worker made the run slower than the
 * main thread alone). So by default workers are started from the work: while the tree is walked once it is
 * known to hold many files (`startWorkers`, their start-up then overlaps the walk and the first files), or
 * by the main thread once the files it has done say that what is left would keep it busy for longer than
 * `backlogMs` (CPU time, so a busy machine does not make a small input look big).
 */
import type { Worker } from 'node:worker_threads';
import { WORKER_ENV, workerThreads } from './thread';
import { loadParser, processFile, type FileResult, type FileTask, type WorkOptions } from './work';

/** Files per claim: small enough to even out the end of a run (files differ a lot in size). */
const CHUNK = 32;

/** The work of a run, as a worker gets it (plain data). */
interface Job {
  readonly options: WorkOptions;
  readonly tasks: readonly FileTask[];
  /** Int32Array over it: [0] is the next chunk to claim. */
  readonly next: SharedArrayBuffer;
}

/** What a worker is started with: its job, or none yet (then the job comes as its first message). */
interface PoolData {
  readonly clientlogWorker: true;
  readonly job?: Job;
}

interface ChunkMessage {
  readonly at: number;
  readonly results: FileResult[];
}

/** Claims and processes chunks until none is left; `done` receives each chunk's results; `after` runs after each chunk. */
function drain(job: Job, next: Int32Array, done: (at: number, results: FileResult[]) => void, after?: () => void): void {
  const { tasks, options } = job;
  for (;;) {
    const at = Atomics.add(next, 0, 1) * CHUNK;
    if (at >= tasks.length) return;
    done(
      at,
      tasks.slice(at, at + CHUNK).map((t) => processFile(t, options)),
    );
    after?.();
  }
}

/** In a worker started by `startWorkers` or `runPool`: work until no chunk is left. Returns whether this is such a worker. */
export function serveIfWorker(): boolean {
  // The variable alone proves nothing (a user may set it): the thread and its data decide.
  if (process.env[WORKER_ENV] !== '1') return false;
  const { isMainThread, parentPort, workerData } = workerThreads();
  if (isMainThread || !parentPort || !(workerData as PoolData | null)?.clientlogWorker) return false;
  const port = parentPort;
  const serve = (job: Job) => {
    drain(job, new Int32Array(job.next), (at, results) => port.postMessage({ at, results } satisfies ChunkMessage));
    port.close();
  };
  const { job } = workerData as PoolData;
  if (job) serve(job);
  else {
    // Started ahead of its files: load the parser while the main thread walks the tree.
    loadParser();
    port.once('message', serve);
  }
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

/** A worker thread started by `startWorkers`, waiting for its files (or running them, once `runPool` has them). */
export interface PoolWorker {
  readonly worker: Worker;
  /** Chunks it has sent, until `runPool` takes them. */
  readonly early: ChunkMessage[];
  /** Settles when the worker has exited. */
  readonly exited: Promise<void>;
  /** Where its chunks go once `runPool` has taken it. */
  sink?: (m: ChunkMessage) => void;
}

function spawn(script: string, data: PoolData): PoolWorker {
  const execArgv = script.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
  const worker = new (workerThreads().Worker)(script, { workerData: data, execArgv, env: { ...process.env, [WORKER_ENV]: '1' } });
  const early: ChunkMessage[] = [];
  const w: PoolWorker = {
    worker,
    early,
    exited: new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with code ${code}`))));
    }),
  };
  worker.on('message', (m: ChunkMessage) => (w.sink ? w.sink(m) : early.push(m)));
  return w;
}

/**
 * Starts `count` workers before their files are known; `runPool` gives them the files. Until then they do
 * not keep the process alive (a run that stops early, or needs no parse, just exits).
 */
export function startWorkers(count: number, script: string): PoolWorker[] {
  return Array.from({ length: count }, () => {
    const w = spawn(script, { clientlogWorker: true });
    w.worker.unref();
    // An unused worker that was never handed files must not fail the run.
    w.exited.catch(() => undefined);
    return w;
  });
}

export interface PoolPlan {
  /** Workers already started (`startWorkers`): they get the files first. */
  readonly started?: readonly PoolWorker[];
  /** Workers the main thread may start on top of those while it works, when its backlog asks for them. */
  readonly more?: number;
  /**
   * Start one more worker when the files not yet claimed would keep each thread busy for longer than this
   * (ms of CPU, at the main thread's measured pace; 0: at the first chance).
   */
  readonly backlogMs?: number;
  /** Whether the main thread works too (false in tests, which hold the workers to its results). */
  readonly mainWorks?: boolean;
  /** Hears each worker the main thread starts for its backlog (tests). */
  readonly onSpawn?: () => void;
}

/**
 * The chunks the main thread does before it measures its pace (the first run the parser cold, and overstate
 * what the rest will cost), and the chunks it measures before it judges.
 */
const PACE_CHUNKS = 4;
const MEASURED_CHUNKS = 2;

/**
 * Processes the files on the main thread and worker threads running `script`: those of `plan.started`, and up
 * to `plan.more` that the main thread starts as its measured backlog asks.
 */
export async function runPool(tasks: readonly FileTask[], o: WorkOptions, script: string, plan: PoolPlan): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  const put = (m: ChunkMessage) => m.results.forEach((r, k) => (results[m.at + k] = r));
  const job: Job = { options: o, tasks, next: new SharedArrayBuffer(4) };
  const next = new Int32Array(job.next);
  const workers: PoolWorker[] = [];
  const take = (w: PoolWorker) => {
    w.sink = put;
    w.early.forEach(put);
    w.early.length = 0;
    workers.push(w);
  };
  for (const w of plan.started ?? []) {
    w.worker.ref();
    w.worker.postMessage(job);
    take(w);
  }
  let more = plan.more ?? 0;
  if (plan.mainWorks === false) {
    // Nobody else works: start every allowed worker now.
    for (; more > 0; more--) take(spawn(script, { clientlogWorker: true, job }));
  } else {
    const backlogMs = plan.backlogMs ?? 0;
    const claimed = () => Math.min(tasks.length, Atomics.load(next, 0) * CHUNK);
    const cpuMs = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    let chunks = 0;
    let cpuFrom = 0;
    let claimedFrom = 0;
    const judge =
      more > 0
        ? () => {
            chunks++;
            if (more === 0 || chunks < PACE_CHUNKS) return;
            if (backlogMs > 0 && chunks === PACE_CHUNKS) {
              // The pace is measured from here on (the first chunks load and warm up the parser): the process's
              // CPU time per file claimed, by any thread.
              cpuFrom = cpuMs();
              claimedFrom = claimed();
              return;
            }
            if (backlogMs > 0 && chunks < PACE_CHUNKS + MEASURED_CHUNKS) return;
            const done = claimed();
            const left = tasks.length - done;
            if (left === 0) return;
            const perFile = done > claimedFrom ? (cpuMs() - cpuFrom) / (done - claimedFrom) : 0;
            if (backlogMs === 0 || (left * perFile) / (1 + workers.length) > backlogMs) {
              take(spawn(script, { clientlogWorker: true, job }));
              more--;
              plan.onSpawn?.();
            }
          }
        : undefined;
    drain(job, next, (at, r) => put({ at, results: r }), judge);
  }
  // The workers' chunks arrive as messages once the main thread is done with its own.
  await Promise.all(workers.map((w) => w.exited));
  return results;
}
