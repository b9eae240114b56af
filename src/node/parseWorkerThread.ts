/**
 * The parse worker's entry (dist/parse-worker.js): the thread that `workerReader` (./parseWorker.ts) starts
 * runs this file, which only answers its chunks. A file of its own, so the thread loads neither `vscode` (which
 * it does not have) nor the extension.
 */
import { serveIfParseWorker } from './parseWorker';

serveIfParseWorker();
