/**
 * The ranges of models restored from the persisted index (core/logStore.ts): one object of four numbers each,
 * whose positions are made when read (as the parser's models make their ranges). 10,000 logs' models hold about
 * 250,000 ranges: one object instead of three each (77 -> 62 MiB of heap, measured in the extension host).
 *
 * The web bundle (dist/extension.js, with its size budget) builds ./storedRange.web.ts instead, the same ranges
 * as plain objects: scripts/extension-build.mjs resolves `.web.ts` first. test/core/logStore.test.ts holds the two to
 * the same ranges.
 */
import type { Position, Range } from './text';

class StoredRange implements Range {
  constructor(
    private readonly a: number,
    private readonly b: number,
    private readonly c: number,
    private readonly d: number,
  ) {}
  get start(): Position {
    return { line: this.a, character: this.b };
  }
  get end(): Position {
    return { line: this.c, character: this.d };
  }
  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** A range from its four numbers: start line and character, end line and character. */
export function storedRange(a: readonly [number, number, number, number]): Range {
  return new StoredRange(a[0], a[1], a[2], a[3]);
}
