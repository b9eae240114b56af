/** The web bundle's ./storedRange.ts: plain objects (fewer bytes to download, more to keep). */
import type { Range } from './text';

export const storedRange = (a: readonly [number, number, number, number]): Range => ({
  start: { line: a[0], character: a[1] },
  end: { line: a[2], character: a[3] },
});
