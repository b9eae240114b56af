import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { fromDayNumber, zonedNow } from '../../src/core/dates';
import { hoverInfo, type ItemHover } from '../../src/core/language';
import type { FindingCode } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { standing } from '../../src/core/standing';

const z = { date: '2026-11-23', minutes: 600 }; // 10:00

describe('standing', () => {
  it('reads a promise: due until the end of its date, or until its minute', () => {
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-20' }, z), { state: 'overdue', status: { band: 'overdue', days: -3 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-23' }, z), { state: 'open', status: { band: 'today', days: 0 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-23', time: '10:00' }, z), { state: 'open', status: { band: 'today', days: 0 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-23', time: '09:59' }, z), { state: 'overdue', status: { band: 'overdue', days: 0 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-26' }, z), { state: 'open', status: { band: 'soon', days: 3 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-26' }, z, { horizonDays: 2 }), { state: 'open', status: { band: 'later', days: 3 } });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-24' }, z, { horizonDays: 0 }), { state: 'open', status: { band: 'later', days: 1 } });
  });

  it('reads a wait: the client is late from the day after its date, whatever the time on the line', () => {
    assert.deepEqual(standing({ kind: 'waiting', date: '2026-11-23', time: '09:00' }, z), { state: 'open', status: { band: 'today', days: 0 } });
    assert.deepEqual(standing({ kind: 'waiting', date: '2026-11-22', time: '23:00' }, z), { state: 'overdue', status: { band: 'overdue', days: -1 } });
    assert.deepEqual(standing({ kind: 'waiting', date: '2026-11-25' }, z), { state: 'open', status: { band: 'soon', days: 2 } });
  });

  it('reads a scope change: due for confirmation after the confirmation period', () => {
    assert.deepEqual(standing({ kind: 'scope', date: '2026-11-20' }, z), { state: 'open', status: { band: 'today', days: 0, age: 3 } });
    assert.deepEqual(standing({ kind: 'scope', date: '2026-11-19' }, z), { state: 'overdue', status: { band: 'overdue', days: -1, age: 4 } });
    assert.deepEqual(standing({ kind: 'scope', date: '2026-11-19' }, z, { confirmationDays: 7 }), { state: 'open', status: { band: 'soon', days: 3, age: 4 } });
    assert.deepEqual(standing({ kind: 'scope', date: '2026-11-23' }, z, { confirmationDays: 7, horizonDays: 3 }), {
      state: 'open',
      status: { band: 'later', days: 7, age: 0 },
    });
  });

  it('gives closed items their state and no status', () => {
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-05', state: 'kept', closedOn: '2026-11-05' }, z), { state: 'keptOnTime' });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-05', state: 'kept', closedOn: '2026-11-07' }, z), { state: 'keptLate' });
    assert.deepEqual(standing({ kind: 'promise', date: '2026-11-05', state: 'broken' }, z), { state: 'broken' });
    assert.deepEqual(standing({ kind: 'waiting', date: '2026-11-05', state: 'received' }, z), { state: 'received' });
    assert.deepEqual(standing({ kind: 'scope', date: '2026-11-05', state: 'declined' }, z), { state: 'declined' });
    assert.deepEqual(standing({ kind: 'promise', date: undefined }, z), { state: 'open' });
  });

  it('a WAITING line with a time today is not late once that time passes: the hover agrees with the diagnostics', () => {
    const log = parse('---\nclient: Acme\ntimezone: UTC\n---\nWAITING 2026-11-23 09:00 Ivan to send the figures\n');
    const now = new Date('2026-11-23T10:00:00Z');
    assert.deepEqual(
      analyze(log, { now, timeZone: 'UTC' }).map((f) => f.code),
      [],
    );
    const h = hoverInfo(log, { line: 4, character: 0 }, { now, userTimeZone: 'UTC' }) as ItemHover;
    assert.equal(h.state, 'open');
    assert.deepEqual(h.status, { band: 'today', days: 0 });
    // The next day, both say the client is late.
    const next = new Date('2026-11-24T00:00:00Z');
    assert.deepEqual(
      analyze(log, { now: next, timeZone: 'UTC' }).map((f) => f.code),
      ['waiting.followUp'],
    );
    assert.equal((hoverInfo(log, { line: 4, character: 0 }, { now: next, userTimeZone: 'UTC' }) as ItemHover).state, 'overdue');
  });

  it('a scope change in its confirmation period is not shown as late in the hover', () => {
    const log = parse('SCOPE 2026-11-19 Add payroll\n');
    const now = new Date('2026-11-23T10:00:00Z');
    const h = hoverInfo(log, { line: 0, character: 0 }, { now, userTimeZone: 'UTC', confirmationDays: 7 }) as ItemHover;
    assert.equal(h.state, 'open');
    assert.deepEqual(analyze(log, { now, timeZone: 'UTC', confirmationDays: 7 }), []);
  });

  const LATE: Record<string, FindingCode> = { promise: 'promise.overdue', waiting: 'waiting.followUp', scope: 'scope.unconfirmed' };

  it('is overdue exactly when analyze reports the item late, for every kind, date, time and instant', () => {
    const kind = fc.constantFrom('PROMISE', 'WAITING', 'SCOPE');
    const day = fc.integer({ min: 20400, max: 20430 }).map(fromDayNumber);
    const time = fc.option(
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      { nil: undefined },
    );
    const instant = fc.integer({ min: 20400 * 86_400_000, max: 20432 * 86_400_000 }).map((ms) => new Date(ms));
    const zone = fc.constantFrom('UTC', 'Europe/Sofia', 'Asia/Tokyo', 'America/New_York');
    fc.assert(
      fc.property(
        kind,
        day,
        time,
        instant,
        zone,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 7 }),
        (k, d, t, now, tz, horizonDays, confirmationDays) => {
          const log = parse(`---\nclient: X\ntimezone: ${tz}\n---\n${k} ${d}${t ? ` ${t}` : ''} Do it\n`);
          const item = log.items[0];
          const st = standing(item, zonedNow(now, tz), { horizonDays, confirmationDays });
          const codes = analyze(log, { now, timeZone: 'UTC', horizonDays, confirmationDays }).map((f) => f.code);
          assert.equal(st.state === 'overdue', codes.includes(LATE[item.kind]));
          if (item.kind === 'promise') {
            assert.equal(codes.includes('promise.dueToday'), st.status!.band === 'today');
            assert.equal(codes.includes('promise.dueSoon'), st.status!.band === 'soon');
          }
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
