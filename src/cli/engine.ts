/**
 * What the command line needs once it does more than read its arguments and answer from its cache: the
 * analysis, the worker pool, and the outputs of agenda, ics and review. The build makes it a file of its
 * own (dist/cli-engine.js, scripts/build.mjs) that dist/cli.js loads when a run first needs it, so a rerun
 * answered from the cache does not compile it (about 2 ms of such a run's 85).
 */
export { stableSpan } from '../core/analyze';
export { partOfSource, reviewFrame, reviewOf } from '../core/review/figures';
export { reviewOutput } from './review';
export { runInProcess, runPool, serveIfWorker, startWorkers } from './pool';
export { agendaJson, agendaOf, agendaText, icsOutput } from './agenda';
export { resultOf } from './work';
