/** The web worker host's persisted index store (see ./indexStore.ts): a plain `LogStore`, no review inputs in its rows. */
import { LogStore, type Checksum } from '../core';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new LogStore(build, started, checksum);

/** Never called here (the callers check WEB_BUNDLE): the web worker host has no parse worker to send both. */
export const keepParsed = (): void => undefined;
export const storedReview = (): string | undefined => undefined;
