/** Issue 14: the weekly review's figures on hand-made logs with known answers, and the partition as a property. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { addDays, fromDayNumber, dayNumber, zonedInstant, zonedNow } from '../../src/core/dates';
import type { ClientLog } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import {
  isoWeek,
  partOfSource,
  promiseBucket,
  review,
  reviewFrame,
  reviewInput,
  reviewOf,
  reviewPart,
  reviewPeriod,
  reviewedOnly,
  covers,
  frameStart,
  recentInput,
  type ReviewInput,
  type ReviewRef,
} from '../../src/core/review';

const log = (text: string, fileName = 'x.clientlog') => reviewInput(parse(text, { fileName }));
const lines = (refs: readonly ReviewRef[]) => refs.map((r) => r.line + 1);

const ACME = `---
client: Acme Logistics
timezone: Europe/Sofia
contacts:
  - name: Ivan Petrov
    handle: ivan
---
## 2026-11-10 Kick-off
WAITING 2026-11-18 @ivan to send the org chart
URGENT crisis: the old export failed (before the period)
PROMISE 2026-11-13 Old report | kept 2026-11-15
PROMISE 2026-11-14 Data audit | kept 2026-11-20
PROMISE 2026-11-15 Fix the invoice totals | broken 2026-11-16 see APOLOGY 2026-11-16
## 2026-11-15 Call with @ivan
PROMISE 2026-11-16 Send the pack to @ivan | kept 2026-11-16
PROMISE 2026-11-17 Weekly report | kept 2026-11-19
PROMISE 2026-11-18 Payroll plan | moved from 2026-11-10 by @ivan on 2026-11-09 | moved from 2026-11-14 by Maria Ionescu on 2026-11-15 | kept 2026-11-18
PROMISE 2026-11-19 Book the workshop | dropped 2026-11-18 workshop cancelled by the client
PROMISE 2026-11-19 Call @ivan back
PROMISE 2026-11-20 Send the minutes
PROMISE 2026-11-20 09:00 Send the agenda
PROMISE 2026-11-25 Quarterly plan
WAITING 2026-11-20 @ivan to approve the budget
## 2026-11-16 Invoice trouble
URGENT crisis: invoices are wrong for every customer
URGENT request: "today", but it can wait until Thursday
URGENT the board wants it now
WAITING 2026-11-16 @ivan to send the access codes | received 2026-11-16
WAITING 2026-11-17 @ivan to sign the NDA | received 2026-11-19
SCOPE 2026-11-16 Add the payroll review | confirmed 2026-11-18 by @ivan
SCOPE 2026-11-17 Move go-live to December | declined 2026-11-17 by @ivan
APOLOGY wrong invoice totals
  What happened: The totals were wrong.
  Apology: I am sorry.
  Fix: Corrected today.
## 2026-11-19 Status
SCOPE 2026-11-19 Add a second warehouse
`;
// Friday 2026-11-20, 12:00 in Sofia.
const NOW = zonedInstant('2026-11-20', 12 * 60, 'Europe/Sofia');

describe('review figures (issue 14)', () => {
  const r = review([log(ACME)], { now: NOW, timeZone: 'Europe/Sofia' });
  const acme = r.clients[0];
  const p = acme.promises;

  it('defaults to the seven days ending today', () => {
    assert.deepEqual([r.since, r.until, r.today], ['2026-11-14', '2026-11-20', '2026-11-20']);
    assert.equal(acme.client, 'Acme Logistics');
    assert.deepEqual(reviewPeriod({ now: NOW, timeZone: 'UTC', since: '2026-11-01' }), { since: '2026-11-01', until: '2026-11-20', today: '2026-11-20' });
    assert.deepEqual(reviewPeriod({ now: NOW, timeZone: 'UTC', until: '2026-11-08' }), { since: '2026-11-02', until: '2026-11-08', today: '2026-11-20' });
  });

  it('puts every promise due in the period in one bucket', () => {
    assert.deepEqual(lines(p.onTime), [15, 17]);
    assert.deepEqual(lines(p.late), [12, 16]);
    assert.deepEqual(
      p.late.map((x) => x.days),
      [6, 2],
    );
    assert.deepEqual(lines(p.broken), [13]);
    assert.deepEqual(lines(p.dropped), [18]);
    // Due yesterday, and due today at 09:00 (passed at noon); "Send the minutes" is due until midnight.
    assert.deepEqual(lines(p.overdue), [19, 21]);
    assert.deepEqual(
      p.overdue.map((x) => x.days),
      [1, 0],
    );
    assert.deepEqual(lines(p.notYetDue), [20]);
    assert.equal(p.due, 9);
  });

  it('rates on time over on time + late + broken + overdue; a moved promise is not kept on its first date', () => {
    assert.equal(p.onTimeRate, 2 / 7);
    assert.deepEqual(lines(p.firstDate), [15]);
    assert.equal(p.firstDateRate, 1 / 7);
    assert.equal(p.slipMedian, 4);
    assert.equal(p.slipWorst, 6);
  });

  it('lists the moves agreed in the period with who agreed, and where each one moved the date', () => {
    assert.deepEqual(
      p.moves.map((m) => [m.line + 1, m.from, m.to, m.who, m.on]),
      [[17, '2026-11-14', '2026-11-18', 'Maria Ionescu', '2026-11-15']],
    );
  });

  it('counts the waits: in time, late, open past the follow-up (days since we asked), pending', () => {
    const w = acme.waiting;
    assert.deepEqual(lines(w.inTime), [28]);
    assert.deepEqual([lines(w.late), w.late[0].days], [[29], 2]);
    assert.deepEqual([lines(w.open), w.open[0].days, w.open[0].who], [[9], 10, 'Ivan Petrov']);
    assert.deepEqual([lines(w.pending), w.pending[0].days], [[23], 5]);
    assert.equal(w.due, 4);
  });

  it('counts scope changes raised in the period', () => {
    const s = acme.scope;
    assert.deepEqual([lines(s.confirmed), s.confirmed[0].days, s.confirmed[0].who], [[30], 2, 'Ivan Petrov']);
    assert.deepEqual(lines(s.declined), [31]);
    assert.deepEqual([lines(s.unconfirmed), s.unconfirmed[0].days], [[37], 1]);
    assert.equal(s.raised, 3);
    assert.equal(s.confirmMedian, 2);
  });

  it('counts urgency and notes in entries dated in the period', () => {
    const u = acme.urgency;
    assert.deepEqual(
      [lines(u.crisis), lines(u.request), lines(u.untriaged), lines(u.apologies), lines(u.refusals), lines(u.escalations)],
      [[25], [26], [27], [32], [], []],
    );
  });

  it('gives the last touch: the latest dated entry and the days since', () => {
    assert.deepEqual(acme.lastTouch, { date: '2026-11-19', days: 1, source: 0, line: 35 });
  });

  it("draws a 12-week ISO trend ending with the week of the period's last day", () => {
    assert.equal(acme.trend.length, 12);
    const last = acme.trend[11];
    assert.deepEqual(last, { week: '2026-W47', start: '2026-11-16', end: '2026-11-22', onTime: 2, counted: 5, rate: 2 / 5 });
    assert.deepEqual(acme.trend[10], { week: '2026-W46', start: '2026-11-09', end: '2026-11-15', onTime: 0, counted: 3, rate: 0 });
    assert.equal(acme.trend[0].week, '2026-W36');
    assert.ok(acme.trend.slice(0, 10).every((t) => t.counted === 0 && t.rate === null));
    assert.equal(review([log(ACME)], { now: NOW, timeZone: 'Europe/Sofia', weeks: 4 }).total.trend.length, 4);
  });

  it('totals the clients, and keeps clients apart by name', () => {
    const other = log('---\nclient: Balkan Foods\n---\n## 2026-11-16 x\nPROMISE 2026-11-17 Send it | kept 2026-11-17\n');
    const both = review([log(ACME), other], { now: NOW, timeZone: 'Europe/Sofia' });
    assert.deepEqual(
      both.clients.map((c) => c.client),
      ['Acme Logistics', 'Balkan Foods'],
    );
    assert.equal(both.total.promises.due, 10);
    assert.equal(both.total.promises.onTimeRate, 3 / 8);
    assert.deepEqual(both.clients[1].sources, [1]);
    assert.equal(both.clients[1].promises.onTime[0].source, 1);
  });

  it('reads each log in its own time zone', () => {
    const body = (tz: string) => `---\nclient: ${tz}\ntimezone: ${tz}\n---\n## 2026-11-19 x\nPROMISE 2026-11-20 Send it\n`;
    // 12:00 UTC on 20 November: already 21 November 01:00 in Auckland, still 04:00 on the 20th in Los Angeles.
    const at = new Date('2026-11-20T12:00:00Z');
    const rr = review([log(body('Pacific/Auckland')), log(body('America/Los_Angeles'))], {
      now: at,
      timeZone: 'UTC',
      since: '2026-11-14',
      until: '2026-11-20',
    });
    assert.deepEqual(
      rr.clients.map((c) => [c.client, c.promises.overdue.length, c.promises.notYetDue.length]),
      [
        ['America/Los_Angeles', 0, 1],
        ['Pacific/Auckland', 1, 0],
      ],
    );
    assert.equal(rr.clients[1].promises.overdue[0].days, 1);
  });

  it('holds a promise due at a time on the day daylight saving ends until that local minute', () => {
    // New York leaves daylight saving at 02:00 on Sunday 2026-11-01 (UTC-4 -> UTC-5).
    const text = '---\ntimezone: America/New_York\n---\n## 2026-10-30 x\nPROMISE 2026-11-01 17:00 Send it\n';
    const at = (iso: string) => review([log(text)], { now: new Date(iso), timeZone: 'UTC', since: '2026-10-26', until: '2026-11-01' }).total.promises;
    assert.equal(at('2026-11-01T21:30:00Z').notYetDue.length, 1); // 16:30 EST
    assert.equal(at('2026-11-01T22:01:00Z').overdue.length, 1); // 17:01 EST
    assert.equal(at('2026-11-01T21:30:00Z').overdue.length, 0);
  });

  it('puts a promise due on the long Sunday of a DST change into its ISO week', () => {
    // Europe leaves daylight saving on Sunday 2026-10-25: that day has 25 hours in Sofia.
    const text = '---\ntimezone: Europe/Sofia\n---\n## 2026-10-20 x\nPROMISE 2026-10-25 Send it | kept 2026-10-25\nPROMISE 2026-10-26 Next | kept 2026-10-27\n';
    const t = review([log(text)], { now: zonedInstant('2026-10-28', 12 * 60, 'Europe/Sofia'), timeZone: 'Europe/Sofia' }).total.trend;
    assert.deepEqual(
      t.slice(-2).map((w) => [w.week, w.start, w.end, w.onTime, w.counted]),
      [
        ['2026-W43', '2026-10-19', '2026-10-25', 1, 1],
        ['2026-W44', '2026-10-26', '2026-11-01', 0, 1],
      ],
    );
  });

  it('numbers ISO weeks across year ends', () => {
    assert.equal(isoWeek('2026-12-31'), '2026-W53');
    assert.equal(isoWeek('2027-01-03'), '2026-W53');
    assert.equal(isoWeek('2027-01-04'), '2027-W01');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
  });

  it('leaves rates null when nothing counts, and a log without promises empty', () => {
    const rr = review([log('## 2026-11-18 Call\nJust talked.\n')], { now: NOW, timeZone: 'Europe/Sofia' });
    assert.equal(rr.total.promises.onTimeRate, null);
    assert.equal(rr.total.promises.slipMedian, null);
    assert.equal(rr.clients[0].client, 'x');
    assert.equal(rr.clients[0].lastTouch?.days, 2);
  });
});

// ---------------------------------------------------------------------------------------------------
// The partition, as a property: every promise due in the period is in exactly one bucket.

const BASE = dayNumber('2026-11-01');
const day = fc.integer({ min: -20, max: 20 }).map((k) => fromDayNumber(BASE + k));
const time = fc.option(fc.constantFrom('00:00', '09:00', '12:00', '17:30', '23:59'), { nil: undefined });
const history = fc.array(
  fc.oneof(
    fc.tuple(day, day).map(([from, on]) => `moved from ${from} by @ivan on ${on}`),
    day.map((from) => `moved from ${from}`),
    day.map((d) => `kept ${d}`),
    day.map((d) => `broken ${d}`),
    day.map((d) => `dropped ${d} no longer needed`),
  ),
  { maxLength: 4 },
);
const promiseLine = fc.tuple(day, time, history).map(([d, t, h]) => `PROMISE ${d}${t ? ` ${t}` : ''} Do it${h.map((x) => ` | ${x}`).join('')}`);
const logText = fc
  .tuple(
    fc.constantFrom('Europe/Sofia', 'America/New_York', 'Pacific/Auckland', 'UTC'),
    fc.array(fc.tuple(day, fc.array(promiseLine, { maxLength: 5 })), { maxLength: 5 }),
  )
  .map(([tz, entries]) => `---\ntimezone: ${tz}\n---\n${entries.map(([d, ps]) => `## ${d} entry\n${ps.join('\n')}\n`).join('')}`);

describe('review partition (property)', () => {
  it('every promise due in the period is in exactly one bucket, once; the total is the sum of the clients', () => {
    fc.assert(
      fc.property(
        fc.array(logText, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -15, max: 15 }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -10, max: 10 }),
        (texts, nowDay, nowSecond, length, start) => {
          const inputs = texts.map((t, k) => log(t, `c${k % 2}.clientlog`));
          const now = new Date((BASE + nowDay) * 86_400_000 + nowSecond * 1000);
          const since = fromDayNumber(BASE + start);
          const until = addDays(since, length);
          const r = review(inputs, { now, timeZone: 'UTC', since, until });
          const key = (x: ReviewRef) => `${x.source}:${x.line}`;
          const expected = new Set<string>();
          inputs.forEach((input, source) => {
            for (const i of input.items) if (i.kind === 'promise' && i.date >= since && i.date <= until) expected.add(`${source}:${i.line}`);
          });
          const check = (f: (typeof r)['total']) => {
            const p = f.promises;
            const all = [...p.onTime, ...p.late, ...p.broken, ...p.dropped, ...p.overdue, ...p.notYetDue].map(key);
            assert.equal(new Set(all).size, all.length, 'a promise in two buckets');
            assert.equal(p.due, all.length);
            for (const k of p.firstDate.map(key)) assert.ok(p.onTime.map(key).includes(k), 'first date outside on time');
            const counted = p.onTime.length + p.late.length + p.broken.length + p.overdue.length;
            assert.equal(p.onTimeRate, counted ? p.onTime.length / counted : null);
            assert.ok(p.late.every((x) => (x.days ?? 0) > 0));
            return all;
          };
          const total = check(r.total);
          assert.deepEqual(new Set(total), expected);
          const perClient = r.clients.flatMap((c) => check(c));
          assert.deepEqual(perClient.sort(), [...total].sort());
          assert.equal(
            r.total.trend.reduce((n, w) => n + w.counted, 0),
            r.clients.reduce((n, c) => n + c.trend.reduce((m, w) => m + w.counted, 0), 0),
          );
        },
      ),
      { numRuns: 300, seed: 20261114 },
    );
  });

  it('a promise moved twice and then kept counts once', () => {
    const text = '## 2026-11-01 x\nPROMISE 2026-11-12 Plan | moved from 2026-11-05 on 2026-11-04 | moved from 2026-11-08 on 2026-11-07 | kept 2026-11-12\n';
    const p = review([log(text)], { now: new Date('2026-11-20T12:00:00Z'), timeZone: 'UTC', since: '2026-11-01', until: '2026-11-20' }).total.promises;
    assert.equal(p.due, 1);
    assert.deepEqual([p.onTime.length, p.firstDate.length, p.moves.length], [1, 0, 2]);
    assert.deepEqual(
      p.moves.map((m) => [m.from, m.to]),
      [
        ['2026-11-05', '2026-11-08'],
        ['2026-11-08', '2026-11-12'],
      ],
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Each log's share (`reviewPart`), as the command line's workers make it: sent to another thread (a structured
// clone), renumbered among the files read, and put together (`reviewOf`), it is the review of the logs.

/** The review of `inputs` from their parts, each made as the share of the file `offset + k` (files before it unread). */
function reviewFromParts(inputs: readonly ReviewInput[], options: Parameters<typeof review>[1], offset: number) {
  const frame = reviewFrame(options);
  const sent = inputs.map((input, k) => structuredClone(reviewPart(input, offset + k, frame)));
  return reviewOf(
    sent.map((p, k) => partOfSource(p, k)),
    structuredClone(reviewFrame(options)),
  );
}

/** The review of the logs, each read only where the frame looks (`reviewedOnly`), as the command line reads them. */
function reviewOfReviewed(logs: readonly ClientLog[], options: Parameters<typeof review>[1]) {
  const frame = reviewFrame(options);
  return reviewOf(
    logs.map((l, k) => reviewPart(reviewInput(reviewedOnly(l, frame)), k, frame)),
    frame,
  );
}

describe("review parts (issue 14: the command line sends each file's share, not its history)", () => {
  const exampleLogs = fs
    .readdirSync(path.join(__dirname, '../../examples'))
    .filter((f) => f.endsWith('.clientlog'))
    .sort()
    .map((f) => parse(fs.readFileSync(path.join(__dirname, '../../examples', f), 'utf8'), { fileName: f }));
  const examples = exampleLogs.map(reviewInput);

  it("put together, the examples' parts are their review, for every period, zone and trend length", () => {
    assert.ok(examples.length >= 6);
    const now = zonedInstant('2026-11-23', 12 * 60, 'UTC');
    for (const [since, until, weeks] of [
      [undefined, undefined, 12],
      ['2026-11-16', '2026-11-22', 12],
      ['2026-10-25', '2026-11-23', 4],
      ['2026-08-26', '2026-11-23', 26],
      ['2025-01-01', '2026-12-31', 1],
    ] as const) {
      for (const timeZone of ['UTC', 'Europe/Sofia', 'Pacific/Auckland']) {
        const options = { now, timeZone, since, until, weeks };
        const whole = review(examples, options);
        assert.ok(whole.total.promises.due + whole.total.trend.reduce((n, w) => n + w.counted, 0) > 0, 'the examples have promises to count');
        assert.deepEqual(reviewFromParts(examples, options, 0), whole);
        assert.deepEqual(reviewFromParts(examples, options, 3), whole);
        assert.deepEqual(reviewOfReviewed(exampleLogs, options), whole);
      }
    }
  });

  it('on generated logs too, and the trend counts every promise of its weeks (those far from them are not read)', () => {
    fc.assert(
      fc.property(
        fc.array(logText, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: -15, max: 15 }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        (texts, nowDay, nowSecond, length, start, weeks, offset) => {
          const logs = texts.map((t, k) => parse(t, { fileName: `c${k % 3}.clientlog` }));
          const inputs = logs.map(reviewInput);
          const now = new Date((BASE + nowDay) * 86_400_000 + nowSecond * 1000);
          const since = fromDayNumber(BASE + start);
          const options = { now, timeZone: 'UTC', since, until: addDays(since, length), weeks };
          const whole = review(inputs, options);
          assert.deepEqual(reviewFromParts(inputs, options, offset), whole);
          assert.deepEqual(reviewOfReviewed(logs, options), whole);
          // The trend, from its definition: each promise of a trend week counts unless dropped or not yet due.
          whole.total.trend.forEach((w) => {
            let onTime = 0;
            let counted = 0;
            for (const input of inputs) {
              const zoned = zonedNow(now, input.timeZone ?? 'UTC');
              for (const i of input.items) {
                if (i.kind !== 'promise' || i.date < w.start || i.date > w.end) continue;
                const b = promiseBucket(i, zoned).bucket;
                if (b === 'dropped' || b === 'notYetDue') continue;
                counted++;
                if (b === 'onTime') onTime++;
              }
            }
            assert.deepEqual([w.onTime, w.counted], [onTime, counted], w.week);
          });
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// What the editor keeps of each log (`recentInput`: its history from a day on, made where the file is parsed)
// serves every frame that starts on that day or later as the whole history would.

const anyLine = fc.oneof(
  promiseLine,
  fc
    .tuple(day, fc.constantFrom('', ' | received 2026-11-05', ' | received 2026-11-18', ' | dropped 2026-11-10 not needed'))
    .map(([d, h]) => `WAITING ${d} @ivan to send it${h}`),
  fc
    .tuple(day, fc.constantFrom('', ' | confirmed 2026-11-04 by @ivan', ' | declined 2026-11-15 by @ivan', ' | dropped 2026-11-12'))
    .map(([d, h]) => `SCOPE ${d} Add a depot${h}`),
  fc.constantFrom('URGENT crisis: it is down', 'URGENT request: "today"', 'URGENT the board wants it'),
  fc.constantFrom('APOLOGY the late report', 'REFUSAL weekend work', 'ESCALATION the outage'),
);
const richLogText = fc
  .tuple(
    fc.constantFrom('Europe/Sofia', 'America/New_York', 'Pacific/Auckland', 'UTC'),
    fc.array(fc.tuple(day, fc.array(anyLine, { maxLength: 6 })), { maxLength: 6 }),
  )
  .map(([tz, entries]) => `---\ntimezone: ${tz}\n---\n${entries.map(([d, ls]) => `## ${d} entry\n${ls.join('\n')}\n`).join('')}`);

describe("each log's recent review input (issue 14: the Weekly Review opens with no file read)", () => {
  it('serves every frame starting on its day or later as the whole history does, and leaves out what is older', () => {
    let left = 0;
    fc.assert(
      fc.property(
        richLogText,
        fc.integer({ min: -25, max: 25 }),
        fc.integer({ min: -15, max: 15 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (text, fromDay, nowDay, length, start, weeks, onStart) => {
          const log = parse(text, { fileName: 'c.clientlog' });
          const whole = reviewInput(log);
          const since = fromDayNumber(BASE + start);
          const frame = reviewFrame({ now: new Date((BASE + nowDay) * 86_400_000 + 43_200_000), timeZone: 'UTC', since, until: addDays(since, length), weeks });
          // Half the time from the frame's very first day (the edge).
          const from = onStart ? frameStart(frame) : fromDayNumber(BASE + fromDay);
          const recent = recentInput(log, from);
          assert.equal(recent.from, from);
          assert.ok(recent.items.length <= whole.items.length && recent.urgents.length <= whole.urgents.length && recent.notes.length <= whole.notes.length);
          left += whole.items.length - recent.items.length + whole.urgents.length - recent.urgents.length + whole.notes.length - recent.notes.length;
          assert.deepEqual(recent.lastEntry, whole.lastEntry);
          // It crosses to the extension host as JSON.
          assert.deepEqual(JSON.parse(JSON.stringify(recent)), recent);
          assert.equal(covers(recent, frameStart(frame)), from <= frameStart(frame));
          assert.ok(covers(whole, frameStart(frame)));
          if (covers(recent, frameStart(frame))) assert.deepEqual(reviewPart(recent, 0, frame), reviewPart(whole, 0, frame));
        },
      ),
      { numRuns: 600, seed: 20261202 },
    );
    assert.ok(left > 0, 'some history is left out');
  });

  it('a frame starting before its day is not served (the review then reads the whole file)', () => {
    const log = parse(ACME, { fileName: 'acme.clientlog' });
    const recent = recentInput(log, '2026-11-15');
    const frame = reviewFrame({ now: NOW, timeZone: 'Europe/Sofia', since: '2026-11-14', until: '2026-11-20', weeks: 1 });
    assert.equal(frameStart(frame), '2026-11-14');
    assert.equal(covers(recent, frameStart(frame)), false);
    // The kept-late promise due on 11-14 is not in it; the one due on 11-18 and moved is, and so is its move on 11-09.
    assert.ok(!recent.items.some((i) => i.text === 'Data audit'));
    assert.deepEqual(
      recent.items.find((i) => i.text === 'Payroll plan')?.moves.map((m) => m.on),
      ['2026-11-09', '2026-11-15'],
    );
  });
});
