/**
 * The persisted index's store in the Node host: each closed file's recent review input beside its model
 * (`ReviewLogStore`: the parse worker makes both of one read), the inputs in a file of their own that is read only
 * when a review asks. The web worker host's bundle takes ./indexStore.web.ts, a plain `LogStore`, and carries none of
 * this.
 */
import * as vscode from 'vscode';
import type { ClientLog, Checksum, FileStamp, LogStore } from '../core';
import { ReviewLogStore } from '../core/reviewLogStore';
import type { PersistedIndex } from './persistedIndex';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new ReviewLogStore(build, started, checksum);

/** The file of review inputs beside the index's in the extension's workspace storage. */
const REVIEWS = 'review.bin';

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

/** Writes the inputs when they changed (those written last time are read first, to keep the unchanged ones). */
export async function saveReviews(index: PersistedIndex): Promise<void> {
  const store = index.store;
  const file = reviewsFile(index);
  if (!(store instanceof ReviewLogStore) || !file || !store.reviewsDirty) return;
  if (!store.reviewsLoaded) store.loadReviews(await file.read());
  await file.write(store.encodeReviews());
}
