/**
 * Spreading the per-file work over worker threads. The main thread takes chunks too, so with N cores
 * there are N-1 workers. Chunks are handed out on demand (files differ a lot in size).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { processFile, processFileAsync, type FileResult, type FileTask, type WorkOptions } from './work';

const CHUNK = 64;

/** In a worker started by `runPool`: serve chunks until told to stop. Returns whether this is such a worker. */
export function serveIfWorker(): boolean {
  if (isMainThread || !parentPort || !(workerData as { clientlogWorker?: boolean } | null)?.clientlogWorker) return false;
  const port = parentPort;
  const o = (workerData as { options: WorkOptions }).options;
  port.on('message', (msg: { tasks?: FileTask[] }) => {
    if (!msg.tasks) {
      port.close();
      return;
    }
    port.postMessage(msg.tasks.map((t) => processFile(t, o)));
  });
  port.postMessage('ready');
  return true;
}

/**
 * Processes the files on the main thread only. Small inputs are read synchronously: for files in the page
 * cache one readFileSync is cheaper than the four thread-pool round trips of fs.promises.readFile
 * (measured: about 0.5 ms per file saved on 100 files). Larger inputs read ahead asynchronously.
 */
export async function runInProcess(tasks: readonly FileTask[], o: WorkOptions, concurrency = 16): Promise<FileResult[]> {
  if (tasks.length < 64) return tasks.map((t) => processFile(t, o));
  const results: FileResult[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await processFileAsync(tasks[i], o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, lane));
  return results;
}

/** Processes the files on the main thread and `workers` worker threads running `script`. */
export async function runPool(tasks: readonly FileTask[], o: WorkOptions, workers: number, script: string): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  const chunks: Array<{ at: number; tasks: FileTask[] }> = [];
  for (let at = 0; at < tasks.length; at += CHUNK) chunks.push({ at, tasks: tasks.slice(at, at + CHUNK) });
  let nextChunk = 0;
  const execArgv = script.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];

  const threads = Array.from({ length: workers }, () => {
    const w = new Worker(script, { workerData: { clientlogWorker: true, options: o }, execArgv });
    return new Promise<void>((resolve, reject) => {
      let current: { at: number } | undefined;
      const feed = () => {
        if (nextChunk < chunks.length) {
          const c = chunks[nextChunk++];
          current = c;
          w.postMessage({ tasks: c.tasks });
        } else {
          current = undefined;
          w.postMessage({});
        }
      };
      w.on('message', (msg: 'ready' | FileResult[]) => {
        if (msg !== 'ready' && current) msg.forEach((r, k) => (results[current!.at + k] = r));
        feed();
      });
      w.on('error', reject);
      w.on('exit', () => (current ? reject(new Error('worker stopped')) : resolve()));
    });
  });

  // The main thread works too, yielding between chunks so the workers are fed.
  const main = (async () => {
    for (;;) {
      await new Promise<void>((r) => setImmediate(r));
      if (nextChunk >= chunks.length) return;
      const c = chunks[nextChunk++];
      c.tasks.forEach((t, k) => (results[c.at + k] = processFile(t, o)));
    }
  })();

  await Promise.all([main, ...threads]);
  return results;
}
