/**
 * The web worker host's persisted index store (see ./indexStore.ts): a plain `LogStore`, no review inputs and nothing
 * of what the diagnostics showed. Nothing else is exported: the callers reach the Node host's other functions through
 * `import * as nodeStore`, only in branches this bundle folds away (`WEB_BUNDLE`), so none of them is downloaded.
 */
import { LogStore, type Checksum } from '../core';

export const newStore = (build: string, started: number, checksum?: Checksum): LogStore => new LogStore(build, started, checksum);
