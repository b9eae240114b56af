/**
 * Set in each pool worker's environment (src/cli/pool.ts): without it, a thread is not one of ours, and
 * dist/cli.js need not load its engine or node:worker_threads to know.
 */
export const WORKER_ENV = 'CLIENTLOG_POOL_WORKER';
