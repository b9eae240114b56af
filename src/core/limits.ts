/**
 * Floods: a hostile or broken file must not bury the user (or the editor) in findings. After the rules
 * ran, findings of one code on one line become one finding whose `count` says how many there were, and a
 * file keeps at most MAX_FINDINGS_PER_FILE of them, followed by one `file.tooManyFindings` that says how
 * many more there are. Linear in the number of findings.
 */
import { DEFAULT_LEVELS, MAX_FINDINGS_PER_FILE, type Finding, type FindingCode, type Level, type LevelSetting, type Problem } from './model';

/** How many findings `f` stands for (1 unless findings were merged into it). */
export function countOf(f: Pick<Finding, 'data'>): number {
  const n = f.data.count;
  return typeof n === 'number' && n > 1 ? n : 1;
}

/**
 * One finding per code per line (the first one, by position), with `data.count` the number merged into it
 * (counts already merged add up). `sorted` is ordered by line; the result keeps the order.
 */
export function mergePerLine(sorted: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let line = -1;
  // The findings of the current line, by code: their index in `out`.
  let byCode = new Map<FindingCode, number>();
  let merged = false;
  for (const f of sorted) {
    const l = f.range.start.line;
    if (l !== line) {
      line = l;
      if (byCode.size > 0) byCode = new Map();
    }
    const at = byCode.get(f.code);
    if (at === undefined) {
      byCode.set(f.code, out.length);
      out.push(f);
    } else {
      const first = out[at];
      out[at] = { ...first, data: { ...first.data, count: countOf(first) + countOf(f) } };
      merged = true;
    }
  }
  return merged ? out : (sorted as Finding[]);
}

/**
 * At most `max` findings; past it, the first `max` and one `file.tooManyFindings` at the first finding
 * left out, with how many were left out (`count` of merged findings included) and how many are shown.
 * `level` is the level setting for `file.tooManyFindings` (`off` drops the note, not the cap).
 */
export function capPerFile(findings: readonly Finding[], level: LevelSetting = DEFAULT_LEVELS['file.tooManyFindings'], max = MAX_FINDINGS_PER_FILE): Finding[] {
  if (findings.length <= max) return findings as Finding[];
  const kept = findings.slice(0, max);
  let omitted = 0;
  for (let i = max; i < findings.length; i++) omitted += countOf(findings[i]);
  if (level !== 'off') {
    const first = findings[max];
    kept.push({ code: 'file.tooManyFindings', level: level as Level, range: first.range, data: { omitted, shown: max, line: first.range.start.line } });
  }
  return kept;
}

/**
 * How many problems of one code one line keeps where they are made (the parser, the time-independent
 * rules): the rest only add to the count of the last one kept. `mergePerLine` makes one finding of them
 * later; keeping a few (rather than one) leaves a line's first problems readable in the model, and keeps
 * a line of 300,000 bad segments from making 300,000 objects.
 */
export const KEPT_PER_LINE = 16;

/**
 * Appends problems to `out`, keeping at most KEPT_PER_LINE of one code on one line (problems arrive line
 * by line; a line met again later starts afresh, which only keeps more). Call `flush` after the last one.
 */
export class PerLineCap {
  private line = -1;
  /** For each code on the current line: how many were met, and where the last kept one is in `out`. */
  private readonly seen = new Map<FindingCode, { n: number; at: number }>();
  /** Whether a problem of the current line was left out (only then has `flush` a count to write). */
  private over = false;

  constructor(readonly out: Problem[]) {}

  push(p: Problem): void {
    const line = p.range.start.line;
    if (line !== this.line) {
      this.flush();
      this.line = line;
    }
    const s = this.seen.get(p.code);
    if (s === undefined) {
      this.seen.set(p.code, { n: 1, at: this.out.length });
      this.out.push(p);
    } else if (s.n < KEPT_PER_LINE) {
      s.n++;
      s.at = this.out.length;
      this.out.push(p);
    } else {
      s.n++;
      this.over = true;
    }
  }

  /** Writes the counts of the problems left out into the last one kept of each code. */
  flush(): void {
    if (this.over) {
      this.over = false;
      for (const s of this.seen.values()) {
        if (s.n > KEPT_PER_LINE) {
          const q = this.out[s.at];
          this.out[s.at] = { ...q, data: { ...q.data, count: countOf(q) + s.n - KEPT_PER_LINE } };
        }
      }
    }
    if (this.seen.size > 0) this.seen.clear();
  }
}
