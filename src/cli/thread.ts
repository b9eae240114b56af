/** What the command line's entry, its pool and its work share about threads, without loading node:worker_threads before it is needed. */
type WorkerThreads = typeof import('node:worker_threads');
let threads: WorkerThreads | undefined;
/**
 * node:worker_threads, loaded only by a run that starts a worker, by a worker itself and by a review: a rerun
 * answered from the cache needs none, and loading the module (with the streams it pulls in) was about 2 ms of its 90.
 */
export function workerThreads(): WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (threads ??= require('node:worker_threads') as WorkerThreads);
}

/**
 * Set in each pool worker's environment (src/cli/pool.ts): without it, a thread is not one of ours, and
 * dist/cli.js need not load its engine or node:worker_threads to know.
 */
export const WORKER_ENV = 'CLIENTLOG_POOL_WORKER';
