/**
 * The persisted index's store in the Node host: each closed file's recent review input beside its model
 * (`ReviewLogStore`: the parse worker makes both of one read), the inputs in a file of their own that is read only
 * when a review asks. The web worker host's bundle takes ./indexStore.web.ts, a plain `LogStore`, and carries none of
 * this.
 */
import * as vscode from 'vscode';
import {
  lastTimedDue,
  logsToPlan,
  OVERDUE_KINDS,
  timedLogNeeded,
  type AnalyzeOptions,
  type ReminderOptions,
  type ClientLog,
  type Checksum,
  type FileStamp,
  type LogStore,
  type TrackedKind,
} from '../core';
import { ReviewLogStore, unrestored, type ShownFacts } from '../core/reviewLogStore';
import type { PersistedIndex } from './persistedIndex';
import type { IndexedLog, WorkspaceIndex } from './workspaceIndex';
import { analyzeOptions } from './settings';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new ReviewLogStore(build, started, checksum);

/** The file of review inputs beside the index's in the extension's workspace storage. */
const REVIEWS = 'review.bin';
/** The file of what the diagnostics showed for each closed file, beside the index's. */
const SHOWN = 'shown.bin';
/** Shown rows whose numbers are made between two yields when the store is written (about 5 ms of work). */
const SHOWN_CHUNK = 250;

/** The file of review inputs: read (one read shared by the calls made meanwhile; undefined when there is none) and written. */
interface ReviewsFile {
  read(): Promise<Uint8Array | undefined>;
  write(bytes: Uint8Array): Promise<void>;
}

const files = new WeakMap<PersistedIndex, ReviewsFile>();

/** The persisted index's file of review inputs, if it has a folder. */
function reviewsFile(index: PersistedIndex): ReviewsFile | undefined {
  const dir = index.dir;
  if (!dir) return undefined;
  let file = files.get(index);
  if (!file) {
    const uri = vscode.Uri.joinPath(dir, REVIEWS);
    let reading: Promise<Uint8Array | undefined> | undefined;
    file = {
      read: () =>
        (reading ??= Promise.resolve(index.files.readFile(uri)).then(
          (b) => ((reading = undefined), b),
          () => (reading = undefined),
        )),
      write: async (bytes) => index.files.writeFile(uri, bytes),
    };
    files.set(index, file);
  }
  return file;
}

/** Keeps what the reader sent for a file (its model's JSON, its review input) with the model restored of it. */
export function keepParsed(store: LogStore, path: string, stamp: FileStamp, json: string, model: ClientLog, review: Uint8Array): void {
  if (store instanceof ReviewLogStore) store.setParsed(path, stamp, json, review, model);
  else store.set(path, stamp, json);
}

/**
 * The recent review input's JSON (`recentInput`) the persisted index keeps with `log`, the index's model of the closed
 * file `uri` as the store gave it or was given it; else undefined (the Weekly Review then reads the file). The inputs'
 * file is read when first needed.
 */
export async function storedReview(index: PersistedIndex | undefined, uri: vscode.Uri, log: ClientLog): Promise<string | undefined> {
  await index?.loading;
  const store = index?.store;
  const file = index && reviewsFile(index);
  if (!(store instanceof ReviewLogStore) || !file) return undefined;
  const path = uri.toString();
  if (store.needsReviews(path, log)) {
    const bytes = await file.read();
    // Another call may have taken them meanwhile.
    if (store.needsReviews(path, log)) store.loadReviews(bytes);
  }
  return store.review(path, log);
}

/** Writes the inputs and what was shown when they changed (those written last time are read first, to keep the unchanged ones). */
export async function saveReviews(index: PersistedIndex): Promise<void> {
  const store = index.store;
  const file = reviewsFile(index);
  if (!(store instanceof ReviewLogStore) || !file || !index.dir) return;
  // (The rows written last time were read when the index was: `loadWithShown`.)
  if (store.shownDirty) {
    // The rows' numbers a few hundred at a time (after a first window, 10,000 of them took 0.2 s in one task).
    while (store.prepareShown(SHOWN_CHUNK)) await new Promise((r) => setTimeout(r, 0));
    await index.files.writeFile(vscode.Uri.joinPath(index.dir, SHOWN), store.encodeShown());
  }
  if (!store.reviewsDirty) return;
  if (!store.reviewsLoaded) store.loadReviews(await file.read());
  await file.write(store.encodeReviews());
}

/** Whether the store has anything to write besides the index's own rows. */
export function extrasDirty(store: LogStore): boolean {
  return store instanceof ReviewLogStore && (store.reviewsDirty || store.shownDirty);
}

const readOrNone = (index: PersistedIndex, uri: vscode.Uri): Promise<Uint8Array | undefined> =>
  Promise.resolve(index.files.readFile(uri)).then(
    (b) => b,
    () => undefined,
  );

/** Takes the index's rows (`LogStore.load`), then reads what the diagnostics showed last time, under the settings and display language of now. */
export async function loadWithShown(index: PersistedIndex, store: LogStore, bytes: Uint8Array | undefined): Promise<void> {
  store.load(bytes);
  if (!(store instanceof ReviewLogStore) || !index.dir) return;
  // For the test hooks (the editor benchmark): how many of the models the store gave were restored so far.
  Object.defineProperty(index.counts, 'restored', { enumerable: true, get: () => store.restoredModels });
  const options = analyzeOptions(new Date());
  store.loadShown(await readOrNone(index, vscode.Uri.joinPath(index.dir, SHOWN)), shownKey(options, vscode.env.language), options.timeZone);
}

/** Each options object's key (the diagnostics make one per slice of files: not a key per file). */
const keys = new WeakMap<AnalyzeOptions, string>();

/** What the diagnostics' text depends on besides the log and the instant (`logSpan` covers that): the settings and the display language. */
function shownKey(o: AnalyzeOptions, locale: string): string {
  let k = keys.get(o);
  if (k === undefined) {
    k = JSON.stringify([o.timeZone, o.horizonDays, o.confirmationDays, o.cadenceDays, Object.entries(o.levels ?? {}).sort(), locale]);
    keys.set(o, k);
  }
  return k;
}

/** A diagnostic as kept: code, severity, start line and character, end line and character, message. */
type ShownRow = [string, vscode.DiagnosticSeverity, number, number, number, number, string];

/**
 * For a closed file's model as of `options.now`, what an earlier window showed for the model the persisted index gave
 * (the same file, size and mtime), when the settings, the display language and the span of its findings still hold:
 * added to `batch` (then true; the findings behind them, for quick fixes, are not kept: those of a closed file are asked
 * for once it is open, and its model is then the editor's).
 */
export function shownBefore(
  index: PersistedIndex | undefined,
  uri: vscode.Uri,
  log: ClientLog,
  options: AnalyzeOptions,
  batch: [vscode.Uri, vscode.Diagnostic[]][],
  findings: { set(uri: vscode.Uri, f: []): void },
): boolean {
  const store = index?.store;
  if (!(store instanceof ReviewLogStore) || !log.compact) return false;
  const json = store.shown(uri.toString(), log, shownKey(options, vscode.env.language), options.now.getTime());
  if (json === undefined) return false;
  let rows: ShownRow[];
  try {
    rows = JSON.parse(json) as ShownRow[];
  } catch {
    return false;
  }
  findings.set(uri, []);
  index!.counts.shown++;
  batch.push([
    uri,
    rows.map(([code, severity, a, b, c, d, message]) => {
      const x = new vscode.Diagnostic(new vscode.Range(a, b, c, d), message, severity);
      x.code = code;
      x.source = 'Clientlog';
      return x;
    }),
  ]);
  return true;
}

/** Keeps what `batch`'s last entry shows for a closed file's model as of `options.now`, for the next window (see `shownBefore`). */
export function keepShown(
  index: PersistedIndex | undefined,
  uri: vscode.Uri,
  log: ClientLog,
  options: AnalyzeOptions,
  batch: [vscode.Uri, vscode.Diagnostic[]][],
): void {
  const store = index?.store;
  if (!(store instanceof ReviewLogStore) || !log.compact) return;
  const shown = batch[batch.length - 1][1];
  // Written with the index, after the last of them: a scan's diagnostics go on for a while after its last read.
  index!.saveSoon();
  store.keepShown(uri.toString(), log, shownKey(options, vscode.env.language), options.now.getTime(), options, () =>
    JSON.stringify(
      shown.map((x): ShownRow => [String(x.code), x.severity, x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character, x.message]),
    ),
  );
}

/**
 * What the row an earlier window showed for a closed file's model says as of `options.now` under `options`' settings,
 * besides its diagnostics: the span its findings hold in, its open items overdue by kind, its last timed promise (see
 * `shownBefore`: the model the persisted index gave, the same settings and display language). The views' badges and
 * the reminders take these instead of restoring the model (the store restores a model only when it is read; the time
 * scheduler, which knows only the user's zone, takes `shownSpan`).
 */
export function shownFacts(index: PersistedIndex | undefined, uri: vscode.Uri, log: ClientLog, options: AnalyzeOptions): ShownFacts | undefined {
  const store = index?.store;
  if (!(store instanceof ReviewLogStore) || !log.compact) return undefined;
  return store.shownFacts(uri.toString(), log, shownKey(options, vscode.env.language), options.now.getTime());
}

/** How many of a closed file's open items of `kinds` are overdue, as its shown row says (see `shownFacts`); else undefined. */
export function shownOverdue(
  index: PersistedIndex | undefined,
  uri: vscode.Uri,
  log: ClientLog,
  options: AnalyzeOptions,
  kinds: ReadonlySet<TrackedKind>,
): number | undefined {
  const kept = shownFacts(index, uri, log, options);
  return kept && OVERDUE_KINDS.reduce((n, k, i) => n + (kinds.has(k) ? kept.overdue[i] : 0), 0);
}

/** The span a closed file's findings hold in around `now`, as its shown row says when its span was made in `timeZone` (see `shownFacts`); else undefined. */
export function shownSpan(
  index: PersistedIndex | undefined,
  path: string,
  log: ClientLog,
  timeZone: string,
  now: number,
): { from: number; until: number } | undefined {
  const store = index?.store;
  return store instanceof ReviewLogStore && log.compact ? store.shownSpan(path, log, timeZone, now) : undefined;
}

/**
 * The logs a reminders' plan reads (`logsToPlan`): none, all, or those with a timed promise still ahead (or snoozed:
 * `timedLogNeeded`); a closed file whose shown row says it has none is left out without restoring its model (see
 * `shownFacts`); of the others, the model says. The stored models among those read are restored between yields first
 * (`restoreStored`), and the index's entries then are returned.
 */
export async function reminderLogs(
  index: WorkspaceIndex,
  options: Pick<ReminderOptions, 'now' | 'settings' | 'memory' | 'looking'>,
): Promise<readonly IndexedLog[]> {
  const reads = logsToPlan(options);
  if (reads === 'none') return [];
  const settings = analyzeOptions(options.now);
  const snoozed = Object.keys(options.memory.snoozed);
  // A log's last timed promise from its shown row, else from its model (a stored model without a row is restored here:
  // rows are kept for every closed file a window showed).
  const pick = () =>
    reads === 'all'
      ? index.all()
      : index.all().filter((e) => {
          const last = shownFacts(index.persisted, e.uri, e.log, settings)?.lastTimedDue ?? lastTimedDue(e.log, options.settings.timeZone);
          return timedLogNeeded(e.uri.toString(), last, options.now, snoozed);
        });
  const logs = pick();
  return (await restoreStored(logs)) ? pick() : logs;
}

/** Stored models restored between two yields (about 4 ms of work). */
const RESTORE_CHUNK = 200;

/**
 * Restores the stored models of `logs` that are not restored yet, RESTORE_CHUNK at a time between yields: what reads
 * every log at once (the morning digest, the Promises view) would otherwise restore 10,000 of them in one task (0.45
 * s). Resolves with whether it yielded (the index may have changed meanwhile).
 */
export async function restoreStored(logs: readonly { readonly log: ClientLog }[]): Promise<boolean> {
  let n = 0;
  for (const e of logs) {
    if (!unrestored(e.log)) continue;
    void e.log.items;
    if (++n % RESTORE_CHUNK === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return n >= RESTORE_CHUNK;
}

/** `restoreStored` when some of `logs` are stored models not restored yet (then its promise), else undefined. */
export function restoring(logs: readonly { readonly log: ClientLog }[]): Promise<boolean> | undefined {
  return logs.some((e) => unrestored(e.log)) ? restoreStored(logs) : undefined;
}
