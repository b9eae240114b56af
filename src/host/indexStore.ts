/**
 * The persisted index's store in the Node host: rows that may hold each file's recent review input beside its model
 * (`ReviewLogStore`: the parse worker makes both of one read). The web worker host's bundle takes ./indexStore.web.ts,
 * a plain `LogStore`, and carries none of this.
 */
import type { ClientLog, Checksum, FileStamp, LogStore } from '../core';
import { ReviewLogStore } from '../core/reviewLogStore';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new ReviewLogStore(build, started, checksum);

/** Keeps what the reader sent for a file (`reviewBlob`'s JSON when it made the review input too) with the model restored of it. */
export function keepParsed(store: LogStore, path: string, stamp: FileStamp, json: string, model: ClientLog): void {
  if (store instanceof ReviewLogStore) store.setParsed(path, stamp, json, model);
  else store.set(path, stamp, json);
}

/** The recent review input's JSON kept with the model `log` of `path`, if any. */
export const storedReview = (store: LogStore, path: string, log: ClientLog): string | undefined =>
  store instanceof ReviewLogStore ? store.review(path, log) : undefined;
