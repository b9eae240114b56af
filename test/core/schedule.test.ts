import * as assert from 'node:assert/strict';
import { analyze, logSpan } from '../../src/core/analyze';
import type { ClientLog } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { MAX_WAIT_MS, nextWake, Scheduler, type Timers } from '../../src/core/schedule';

/** A fake clock and timer queue: time moves only when the test says so, and due timers run in order. */
class FakeTimers implements Timers {
  private seq = 0;
  private readonly queue = new Map<number, { at: number; fn: () => void }>();
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.queue.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }
  get pending(): number {
    return this.queue.size;
  }
  /** Advances to `until`, running each timer at its instant. */
  advanceTo(until: number): void {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.queue) if (e[1].at <= until && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.queue.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].fn();
    }
    this.time = until;
  }
  /** The machine slept: the clock jumps and no timer ran meanwhile (they are late, not lost). */
  sleepTo(until: number): void {
    const late = until - this.time;
    for (const e of this.queue.values()) e.at += late;
    this.time = until;
  }
}

const at = (iso: string) => Date.parse(iso);

function log(zone: string, lines: string[]): ClientLog {
  return parse(`---\nclient: ${zone}\ntimezone: ${zone}\n---\n\n## 2026-11-20 Call\n${lines.join('\n')}\n`, { fileName: `${zone}.clientlog` });
}

/** A scheduler over named logs, recording every firing as [ISO instant, keys]. */
function harness(logs: Record<string, ClientLog>, start: string, userZone: string) {
  const timers = new FakeTimers(at(start));
  const fired: Array<[string, string[]]> = [];
  const s = new Scheduler<string>(
    (k, now) => (logs[k] ? logSpan(logs[k], { now, timeZone: userZone }) : undefined),
    (keys) => fired.push([new Date(timers.now()).toISOString(), [...keys].sort()]),
    timers,
  );
  s.changed(Object.keys(logs));
  return { s, timers, fired };
}

const codes = (l: ClientLog, now: number, tz: string) => analyze(l, { now: new Date(now), timeZone: tz }).map((f) => `${f.range.start.line}:${f.code}`);

describe('the scheduler (one timer for every log, at the earliest instant any findings change)', () => {
  it("fires for a Tokyo client's log at Tokyo's midnight, while a Sofia user's date does not change", () => {
    const tokyo = log('Asia/Tokyo', ['PROMISE 2026-11-23 Send the quote']);
    const sofia = log('Europe/Sofia', ['PROMISE 2026-11-23 Call back']);
    const { timers, fired } = harness({ tokyo, sofia }, '2026-11-23T14:00:00Z', 'Europe/Sofia');
    // Tokyo's 2026-11-24 starts at 15:00Z (Sofia: 17:00 on the 23rd).
    timers.advanceTo(at('2026-11-23T14:59:59.999Z'));
    assert.deepEqual(fired, []);
    timers.advanceTo(at('2026-11-23T15:00:00.000Z'));
    assert.deepEqual(fired, [['2026-11-23T15:00:00.000Z', ['tokyo']]]);
    assert.deepEqual(codes(tokyo, at('2026-11-23T14:59:59.999Z'), 'Europe/Sofia'), ['6:promise.dueToday']);
    assert.deepEqual(codes(tokyo, at('2026-11-23T15:00:00.000Z'), 'Europe/Sofia'), ['6:promise.overdue']);
    // And Sofia's own midnight (22:00Z) fires for the Sofia log only.
    timers.advanceTo(at('2026-11-23T22:00:00Z'));
    assert.deepEqual(fired[1], ['2026-11-23T22:00:00.000Z', ['sofia']]);
  });

  it('fires the minute a promise due at a time falls overdue, in the log zone', () => {
    const ny = log('America/New_York', ['PROMISE 2026-11-23 16:30 Status to @margaret']);
    const { timers, fired } = harness({ ny }, '2026-11-23T21:00:00Z', 'Europe/Sofia');
    timers.advanceTo(at('2026-11-23T21:31:00Z'));
    // Overdue from 16:31 New York time (21:31Z), when the minute 16:30 is over.
    assert.deepEqual(fired, [['2026-11-23T21:31:00.000Z', ['ny']]]);
    assert.deepEqual(codes(ny, at('2026-11-23T21:30:59Z'), 'UTC'), ['6:promise.dueToday']);
    assert.deepEqual(codes(ny, at('2026-11-23T21:31:00Z'), 'UTC'), ['6:promise.overdue']);
  });

  it('reads a log without a zone in the user zone', () => {
    const plain = parse('## 2026-11-20 Call\nPROMISE 2026-11-23 Send it\n');
    const { timers, fired } = harness({ plain }, '2026-11-23T12:00:00Z', 'Asia/Kolkata');
    timers.advanceTo(at('2026-11-24T00:00:00Z'));
    // Kolkata is UTC+5:30: its midnight is 18:30Z.
    assert.deepEqual(fired, [['2026-11-23T18:30:00.000Z', ['plain']]]);
  });

  it('never arms a timer for longer than a minute, so sleep and a changed system clock are caught', () => {
    const far = log('Europe/Sofia', ['PROMISE 2026-12-20 Year-end report']);
    const { timers, fired, s } = harness({ far }, '2026-11-23T08:00:00Z', 'Europe/Sofia');
    assert.equal(s.nextCheck, at('2026-11-23T22:00:00Z'));
    assert.equal(timers.pending, 1);
    // Asleep across Sofia's midnight: the late timer fires on waking, with the findings of the new day.
    timers.sleepTo(at('2026-11-24T07:00:00Z'));
    assert.deepEqual(fired, []);
    timers.advanceTo(at('2026-11-24T07:00:00Z') + MAX_WAIT_MS);
    assert.equal(fired.length, 1);
    assert.deepEqual(fired[0][1], ['far']);
    assert.equal(s.nextCheck, at('2026-11-24T22:00:00Z'));
  });

  it('check() after the clock moved (focus, wake, a test moving "now") fires only the logs whose span ended', () => {
    const tokyo = log('Asia/Tokyo', ['PROMISE 2026-11-23 Send the quote']);
    const sofia = log('Europe/Sofia', ['PROMISE 2026-11-23 Call back']);
    const { timers, fired, s } = harness({ tokyo, sofia }, '2026-11-23T14:00:00Z', 'Europe/Sofia');
    timers.sleepTo(at('2026-11-23T16:00:00Z'));
    s.check();
    assert.deepEqual(fired, [['2026-11-23T16:00:00.000Z', ['tokyo']]]);
    // Backwards too: before Tokyo's midnight again, the Tokyo log's findings change back.
    timers.sleepTo(at('2026-11-23T14:30:00Z'));
    s.check();
    assert.deepEqual(fired[1], ['2026-11-23T14:30:00.000Z', ['tokyo']]);
    s.check();
    assert.equal(fired.length, 2, 'nothing more to fire at the same instant');
  });

  it('on a daylight-saving day re-checks at each whole minute, not every millisecond, and still fires at the change', () => {
    // Europe/Sofia leaves summer time on 2026-10-25 (04:00 EEST -> 03:00 EET): a 25-hour day.
    const sofia = log('Europe/Sofia', ['PROMISE 2026-10-25 10:00 Call @ivan']);
    const { timers, fired, s } = harness({ sofia }, '2026-10-25T05:00:20Z', 'Europe/Sofia');
    assert.equal(s.nextCheck, at('2026-10-25T05:01:00Z'));
    let wakes = 0;
    const start = timers.now();
    while (timers.now() < at('2026-10-25T09:00:00Z')) {
      timers.advanceTo(s.nextCheck!);
      wakes++;
    }
    // About one check a minute for the four hours (never more).
    assert.ok(wakes <= (timers.now() - start) / 60_000 + 1, `${wakes} wakes`);
    // 10:00 EET is 08:00Z: overdue from 08:01Z.
    assert.deepEqual(codes(sofia, at('2026-10-25T08:00:59Z'), 'UTC'), ['6:promise.dueToday']);
    assert.deepEqual(codes(sofia, at('2026-10-25T08:01:00Z'), 'UTC'), ['6:promise.overdue']);
    assert.ok(
      fired.some(([t]) => t === '2026-10-25T08:01:00.000Z'),
      'a check falls on 08:01Z',
    );
  });

  for (const [zone, day] of [
    ['America/New_York', '2026-11-01'], // back to standard time
    ['America/New_York', '2026-03-08'], // to summer time: a 23-hour day
    ['Europe/Sofia', '2026-03-29'],
    ['Asia/Tokyo', '2026-11-23'], // no daylight saving
    ['Australia/Lord_Howe', '2026-10-04'], // a half-hour shift
    ['Asia/Kathmandu', '2026-11-23'], // UTC+5:45
  ] as const) {
    it(`never lets findings change without firing, minute by minute over two days (${zone}, ${day})`, () => {
      const l = log(zone, [
        `PROMISE ${day} Send the report`,
        `PROMISE ${day} 00:30 Early call`,
        `PROMISE ${day} 09:15 Status`,
        `PROMISE ${day} 23:59 Late`,
        `WAITING ${day} @ana to confirm`,
      ]);
      const userZone = 'Europe/Sofia';
      const start = Date.parse(`${day}T00:00:00Z`) - 36 * 3600_000;
      const { timers, fired } = harness({ l }, new Date(start).toISOString(), userZone);
      let before = codes(l, start, userZone).join();
      let changes = 0;
      for (let t = start + 60_000; t < start + 72 * 3600_000; t += 60_000) {
        const firedBefore = fired.length;
        timers.advanceTo(t);
        const now = codes(l, t, userZone).join();
        if (now !== before) {
          changes++;
          assert.ok(
            fired.length > firedBefore && Date.parse(fired[fired.length - 1][0]) <= t,
            `findings changed at ${new Date(t).toISOString()} without the scheduler firing`,
          );
        }
        before = now;
      }
      assert.ok(changes >= 4, `${changes} changes seen`);
    });
  }

  it('forgets a log that is gone, and arms nothing with no log', () => {
    const logs: Record<string, ClientLog> = { a: log('UTC', ['PROMISE 2026-11-23 x']) };
    const { timers, s } = harness(logs, '2026-11-23T10:00:00Z', 'UTC');
    assert.equal(timers.pending, 1);
    delete logs.a;
    s.changed(['a']);
    assert.equal(s.size, 0);
    assert.equal(timers.pending, 0);
    assert.equal(s.nextCheck, undefined);
  });

  it('reset() computes every span again (the user zone changed) and fires nothing', () => {
    const plain = parse('## 2026-11-20 Call\nPROMISE 2026-11-23 Send it\n');
    let zone = 'UTC';
    const timers = new FakeTimers(at('2026-11-23T12:00:00Z'));
    const fired: string[][] = [];
    const s = new Scheduler<string>(
      (_k, now) => logSpan(plain, { now, timeZone: zone }),
      (k) => fired.push(k),
      timers,
    );
    s.changed(['plain']);
    assert.equal(s.nextCheck, at('2026-11-24T00:00:00Z'));
    zone = 'Asia/Tokyo';
    s.reset();
    assert.deepEqual(fired, []);
    assert.equal(s.nextCheck, at('2026-11-23T15:00:00Z'));
  });
});

describe('nextWake', () => {
  it('is the earliest span end', () => {
    assert.equal(
      nextWake(
        [
          { from: 0, until: 5000 },
          { from: 0, until: 3000 },
        ],
        1000,
      ),
      3000,
    );
    assert.equal(nextWake([], 1000), undefined);
  });
  it('floors a span shorter than a second to the next whole minute', () => {
    const now = at('2026-10-25T05:00:20.500Z');
    assert.equal(nextWake([{ from: now, until: now + 1 }], now), at('2026-10-25T05:01:00Z'));
    // An edge at the next minute is kept even when it is closer than a second.
    const close = at('2026-11-23T09:00:59.600Z');
    assert.equal(nextWake([{ from: 0, until: at('2026-11-23T09:01:00Z') }], close), at('2026-11-23T09:01:00Z'));
  });
});
