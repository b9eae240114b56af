import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  formatTime,
  parseDateTime,
  readZone,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoFromOtherSpelling,
  isValidTimeZone,
  parseTime,
  weekday,
  zonedInstant,
  zonedNow,
} from '../../src/core/dates';

/** The instants (on a whole minute) at which a zone's UTC offset changes in 2024-2028: a daily scan, then a bisection. */
const transitionCache = new Map<string, number[]>();
function transitions(zone: string): number[] {
  const cached = transitionCache.get(zone);
  if (cached) return cached;
  const offset = (ms: number) => {
    const z = zonedNow(new Date(ms), zone);
    return Date.UTC(+z.date.slice(0, 4), +z.date.slice(5, 7) - 1, +z.date.slice(8, 10), 0, z.minutes) - ms;
  };
  const found: number[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
    if (offset(t) === offset(t + 86_400_000)) continue;
    let lo = t;
    let hi = t + 86_400_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offset(mid) === offset(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  transitionCache.set(zone, found);
  return found;
}

describe('dates', () => {
  it('validates calendar dates, leap years included', () => {
    assert.equal(isIsoDate('2026-11-05'), true);
    assert.equal(isIsoDate('2026-02-30'), false);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2100-02-29'), false);
    assert.equal(isIsoDate('2000-02-29'), true);
    assert.equal(isIsoDate('26-11-05'), false);
  });

  it('round-trips day numbers across centuries', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    for (const iso of ['0001-01-01', '1969-12-31', '2000-02-29', '2026-11-23', '9999-12-31']) {
      assert.equal(fromDayNumber(dayNumber(iso)), iso);
    }
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(daysBetween('2026-11-05', '2026-11-23'), 18);
    assert.equal(weekday('2026-11-23'), 0); // a Monday
  });

  it('parses times of day', () => {
    assert.equal(parseTime('17:00'), 1020);
    assert.equal(parseTime('9:05'), 545);
    assert.equal(parseTime('24:00'), undefined);
    assert.equal(parseTime('12:60'), undefined);
  });

  it('offers the ISO spelling of other common spellings only when unambiguous', () => {
    assert.equal(isoFromOtherSpelling('25.11.2026'), '2026-11-25');
    assert.equal(isoFromOtherSpelling('25/11/2026'), '2026-11-25');
    assert.equal(isoFromOtherSpelling('11/25/2026'), '2026-11-25');
    assert.equal(isoFromOtherSpelling('2026/11/25'), '2026-11-25');
    assert.equal(isoFromOtherSpelling('03/04/2026'), '');
    assert.equal(isoFromOtherSpelling('31.02.2026'), '');
    assert.equal(isoFromOtherSpelling('hello'), undefined);
  });

  it('reads the calendar date in a zone, not in UTC or the machine zone', () => {
    // 22:30 UTC on 23 November is already 24 November in Sofia (UTC+2) and still 23rd in New York.
    const now = new Date('2026-11-23T22:30:00Z');
    assert.deepEqual(zonedNow(now, 'Europe/Sofia'), { date: '2026-11-24', minutes: 30 });
    assert.deepEqual(zonedNow(now, 'America/New_York'), { date: '2026-11-23', minutes: 17 * 60 + 30 });
    assert.deepEqual(zonedNow(now, 'Pacific/Kiritimati').date, '2026-11-24');
    assert.equal(isValidTimeZone('Europe/Sofia'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
  });

  it('finds the instant of a wall-clock time, across DST changes', () => {
    assert.equal(zonedInstant('2026-11-05', 17 * 60, 'Europe/Sofia').toISOString(), '2026-11-05T15:00:00.000Z');
    assert.equal(zonedInstant('2026-07-05', 17 * 60, 'Europe/Sofia').toISOString(), '2026-07-05T14:00:00.000Z');
    assert.equal(zonedInstant('2026-03-29', 0, 'Europe/London').toISOString(), '2026-03-29T00:00:00.000Z');
  });

  it('reads a skipped time with the offset before the gap and a repeated time as its first occurrence (RFC 5545)', () => {
    const at = (d: string, hm: string, z: string) => zonedInstant(d, +hm.slice(0, 2) * 60 + +hm.slice(3), z).toISOString();
    // Sofia skips 03:00-04:00 on 29 March 2026 and shows 03:00-04:00 twice on 25 October 2026.
    assert.equal(at('2026-03-29', '03:30', 'Europe/Sofia'), '2026-03-29T01:30:00.000Z');
    assert.equal(at('2026-03-29', '04:00', 'Europe/Sofia'), '2026-03-29T01:00:00.000Z');
    assert.equal(at('2026-10-25', '03:30', 'Europe/Sofia'), '2026-10-25T00:30:00.000Z');
    assert.equal(at('2026-10-25', '04:00', 'Europe/Sofia'), '2026-10-25T02:00:00.000Z');
    // New York skips 02:00-03:00 on 8 March 2026 and repeats 01:00-02:00 on 1 November 2026.
    assert.equal(at('2026-03-08', '02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
    assert.equal(at('2026-11-01', '01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z');
    // Lord Howe moves by half an hour: 02:00-02:30 skipped on 4 October 2026, 01:30-02:00 twice on 5 April.
    assert.equal(at('2026-10-04', '02:15', 'Australia/Lord_Howe'), '2026-10-03T15:45:00.000Z');
    assert.equal(at('2026-04-05', '01:45', 'Australia/Lord_Howe'), '2026-04-04T14:45:00.000Z');
  });

  it('gives, for every wall-clock time the clocks show, the earliest instant that shows it', () => {
    const zones = ['Europe/Sofia', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/London', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 40 * 525_600 }), fc.integer({ min: -180, max: 180 }), (zone, minute, near) => {
        // Half the runs land within three hours of one of the zone's DST changes, where the answer is hard.
        const changes = transitions(zone);
        const t = changes.length && minute % 2 ? changes[minute % changes.length]! + near * 60_000 : Date.UTC(2000, 0, 1) + minute * 60_000;
        const wall = zonedNow(new Date(t), zone);
        const back = zonedInstant(wall.date, wall.minutes, zone).getTime();
        assert.ok(back <= t, `${zone} ${wall.date} ${wall.minutes}: ${new Date(back).toISOString()} is after ${new Date(t).toISOString()}`);
        assert.deepEqual(zonedNow(new Date(back), zone), wall);
        // No earlier instant shows the same time: a repeat is earlier by the size of a DST change.
        for (const shift of [30, 60, 120]) assert.notDeepEqual(zonedNow(new Date(back - shift * 60_000), zone), wall, `${zone} ${shift}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('zonedNow in UTC (arithmetic, no ICU formatter)', () => {
  it('equals what Intl reports for the same instant, from year 1 to 9999', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const viaIntl = (d: Date) => {
      const p = Object.fromEntries(intl.formatToParts(d).map((x) => [x.type, x.value]));
      return { date: `${p.year.padStart(4, '0')}-${p.month}-${p.day}`, minutes: (+p.hour % 24) * 60 + +p.minute };
    };
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        const d = new Date(ms);
        assert.deepEqual(zonedNow(d, 'UTC'), viaIntl(d), d.toISOString());
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    for (const iso of ['0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2026-11-23T23:59:59.999Z', '2024-02-29T12:34:00Z', '9999-12-31T23:59:00Z']) {
      assert.deepEqual(zonedNow(new Date(iso), 'UTC'), viaIntl(new Date(iso)), iso);
    }
  });
});

describe('dates: typed dates and times', () => {
  it('reads YYYY-MM-DD with an optional time, refusing impossible dates and times', () => {
    assert.deepEqual(parseDateTime('2026-11-25'), { date: '2026-11-25' });
    assert.deepEqual(parseDateTime('  2026-11-25   9:30 '), { date: '2026-11-25', time: '9:30' });
    assert.equal(parseDateTime('2026-02-30'), undefined);
    assert.equal(parseDateTime('2026-11-25 24:00'), undefined);
    assert.equal(parseDateTime('2026-11-25T09:30'), undefined);
    assert.deepEqual(parseDateTime('2026-11-25T09:30', { allowT: true }), { date: '2026-11-25', time: '09:30' });
    assert.equal(parseDateTime('25.11.2026'), undefined);
    assert.deepEqual([formatTime(0), formatTime(9 * 60 + 5), formatTime(1439)], ['00:00', '09:05', '23:59']);
    assert.equal(readZone('Asia/Tokyo', 'UTC'), 'Asia/Tokyo');
    assert.equal(readZone('Mars/Olympus', 'Europe/Sofia'), 'Europe/Sofia');
    assert.equal(readZone(undefined, 'Europe/Sofia'), 'Europe/Sofia');
  });
});
