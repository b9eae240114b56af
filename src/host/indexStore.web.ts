/** The web worker host's persisted index store (see ./indexStore.ts): a plain `LogStore`, no review inputs. */
import { LogStore, type Checksum } from '../core';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new LogStore(build, started, checksum);

// Never called here (the callers check WEB_BUNDLE): the web worker host has no parse worker to make the inputs.
export const keepParsed = (): void => undefined;
export const storedReview = async (): Promise<string | undefined> => undefined;
export const saveReviews = async (): Promise<void> => undefined;
