/**
 * One scheduler for everything time changes: each log's findings hold over a span of instants (`stableSpan`:
 * its calendar day in its own zone, cut where a promise due at a time falls overdue). The scheduler keeps
 * one span per log and arms ONE timer at the earliest end among them, so a Tokyo client's promise turns
 * overdue at Tokyo's midnight even when the user's date does not change. Pure: the clock and the timer
 * are injected (`Timers`), so tests drive it with fake ones.
 */

/** The instants `[from, until)` (ms since the epoch) over which a log's findings stay the same. */
export interface Span {
  readonly from: number;
  readonly until: number;
}

/** The longest a timer is armed for. Timers stall while the machine sleeps and do not see the system clock
 *  being changed, so the scheduler looks again at least this often (a cheap comparison per log). */
export const MAX_WAIT_MS = 60_000;

/** Findings change only at whole minutes (dates and due times are minutes, and every zone's offset is a
 *  whole number of minutes); a span shorter than this is re-checked at the next whole minute. */
export const MINUTE_MS = 60_000;

/**
 * When to look again, given the spans and the current instant (`undefined`: no span, nothing to wait for).
 * It is the earliest span end, never earlier than the next whole minute when that end is closer than
 * a second: a daylight-saving day yields a 1 ms span (`stableSpan` promises only the instant itself there),
 * which would otherwise make the scheduler spin.
 */
export function nextWake(spans: Iterable<Span>, now: number): number | undefined {
  let until = Infinity;
  for (const s of spans) if (s.until < until) until = s.until;
  if (until === Infinity) return undefined;
  if (until - now >= 1000) return until;
  return Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
}

/** Whether findings computed for a span still hold at `now` (the clock may also have moved backwards). */
export function holds(span: Span, now: number): boolean {
  return span.from <= now && now < span.until;
}

/** The clock and the timer the scheduler uses: the real ones in the extension, fake ones in tests. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Keeps one span per key (a log) and fires with the keys whose span ended. The owner tells it when a key's
 * log changed (`changed`, which never fires: the owner re-evaluates changed logs anyway), when to look
 * now (`check`: window focus, the machine waking, the clock moved), and when every span must be computed
 * again (`reset`: the user's time zone changed).
 */
export class Scheduler<K> {
  private readonly spans = new Map<K, Span>();
  private timer: unknown;
  private wake: number | undefined;
  private disposed = false;

  /**
   * @param spanOf the span of a key's findings around `now`, or undefined when the key is gone
   * @param fire   called with the keys whose findings changed with time (never empty)
   */
  constructor(
    private readonly spanOf: (key: K, now: Date) => Span | undefined,
    private readonly fire: (keys: K[]) => void,
    private readonly timers: Timers,
  ) {}

  /** These keys' logs changed (or appeared, or went): compute their spans again. */
  changed(keys: Iterable<K>): void {
    const now = this.timers.now();
    for (const k of keys) this.compute(k, now);
    this.arm(now);
  }

  /** Looks at the clock now: fires with the keys whose span no longer holds, and re-arms. */
  check(): void {
    if (this.disposed) return;
    const now = this.timers.now();
    const due: K[] = [];
    for (const [k, s] of this.spans) if (!holds(s, now)) due.push(k);
    for (const k of due) this.compute(k, now);
    this.arm(now);
    if (due.length) this.fire(due);
  }

  /** Computes every span again (the user's time zone changed); fires nothing, the owner re-evaluates all. */
  reset(): void {
    const now = this.timers.now();
    for (const k of [...this.spans.keys()]) this.compute(k, now);
    this.arm(now);
  }

  /** The instant the timer is armed for (for tests and the test hooks). */
  get nextCheck(): number | undefined {
    return this.wake;
  }

  get size(): number {
    return this.spans.size;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.spans.clear();
  }

  private compute(k: K, now: number): void {
    const s = this.spanOf(k, new Date(now));
    if (s) this.spans.set(k, s);
    else this.spans.delete(k);
  }

  private arm(now: number): void {
    if (this.disposed) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const at = nextWake(this.spans.values(), now);
    this.wake = at;
    if (at === undefined) return;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        this.check();
      },
      Math.min(Math.max(0, at - now), MAX_WAIT_MS),
    );
  }
}
