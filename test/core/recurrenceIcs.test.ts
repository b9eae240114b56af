/** Issue 17: the calendar feed repeats a recurring promise's open occurrence (RRULE), checked with ical.js. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { zonedNow } from '../../src/core/dates';
import { buildCalendar, type IcsSource } from '../../src/core/ics';
import type { Tracked } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { formatRule, recurInfo, scheduleDate, type Rule } from '../../src/core/recurrence';
import { withFeedZones } from '../ical';

const NOW = new Date('2026-11-23T10:00:00Z');

function source(body: string, zone = 'Europe/Sofia'): IcsSource<Tracked> {
  const log = parse(`---\nclient: Acme\ntimezone: ${zone}\n---\n## 2026-01-01 Call\n${body}`, { fileName: 'acme.clientlog' });
  return { id: 'acme.clientlog', label: log.client, timeZone: log.frontMatter?.timeZone, items: log.items };
}

interface Expanded {
  readonly summary: string;
  readonly rrule?: string;
  /** The first occurrences as ical.js expands them: all-day dates, or instants (ISO, UTC). */
  readonly dates: string[];
}

/** Each event of the feed, expanded by ical.js (its VTIMEZONEs registered while it expands). */
function expand(ics: string, count: number): Expanded[] {
  return withFeedZones(ics, (root) =>
    root.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      const rrule = v.getFirstPropertyValue('rrule');
      const it = e.iterator();
      const dates: string[] = [];
      for (let t = it.next(); t && dates.length < count; t = it.next()) dates.push(t.isDate ? t.toString() : t.toJSDate().toISOString());
      return { summary: e.summary, rrule: rrule ? String(rrule) : undefined, dates };
    }),
  );
}

/** The schedule of a line's rule from its due date: the open occurrence and the ones after it. */
function schedule(line: string, count: number): string[] {
  const item = parse(line).items[0];
  return Array.from({ length: count }, (_, k) => scheduleDate(item.recur!, item.date!, k)!);
}

describe('calendar feed: recurring promises (RRULE, checked with ical.js)', () => {
  it('repeats the open occurrence as the log will, month ends and leap days included, and nothing else', () => {
    const lines = [
      'PROMISE 2026-11-27 Weekly status | every week',
      'PROMISE 2026-11-20 Weekly status | every week | kept 2026-11-20',
      'PROMISE 2027-01-31 Invoice | every month',
      'PROMISE 2027-02-28 Fees | every month on the 30th',
      'PROMISE 2026-11-30 Report | every month on the last day',
      'PROMISE 2028-02-29 Filing | every year',
      'PROMISE 2026-12-15 Board pack | every quarter on the 15th',
      'PROMISE 2026-11-24 Stand-up notes | every weekday',
      'PROMISE 2026-12-04 Steering notes | every 2 weeks',
      'PROMISE 2026-11-25 Plants | every week from done',
      'PROMISE 2026-11-26 Moved status | every week | moved from 2026-11-25 on 2026-11-24',
      'PROMISE 2026-11-26 Plain one-off',
    ];
    const events = expand(buildCalendar([source(lines.join('\n'))], { now: NOW, timeZone: 'UTC', include: ['promise'] }), 14);
    const by = (s: string) => events.find((e) => e.summary === `Promise to Acme: ${s}`)!;
    assert.equal(events.length, 11, 'the kept occurrence is history, not an event');
    for (const line of lines.slice(2, 9).concat(lines[0])) {
      const text = parse(line).items[0].text;
      assert.ok(by(text).rrule, `${text} repeats`);
      assert.deepEqual(by(text).dates, schedule(line, 14), `${text}: ${by(text).rrule}`);
    }
    assert.equal(by('Invoice').rrule, 'FREQ=MONTHLY;BYMONTHDAY=-1');
    // The 30th, and the Februaries that have none, as extra dates until the end of the second year after.
    assert.equal(by('Fees').rrule, 'FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20291231');
    assert.deepEqual(by('Invoice').dates.slice(0, 4), ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    assert.deepEqual(by('Filing').dates.slice(0, 5), ['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
    assert.equal(by('Stand-up notes').rrule, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    assert.equal(by('Steering notes').rrule, 'FREQ=WEEKLY;INTERVAL=2');
    // "from done" depends on the day it is done; a moved occurrence is off its schedule: one event each.
    for (const s of ['Plants', 'Moved status', 'Plain one-off']) {
      assert.equal(by(s).rrule, undefined, s);
      assert.equal(by(s).dates.length, 1, s);
    }
  });

  it('a timed occurrence repeats at its local time across daylight-saving changes, for two more years', () => {
    const [e] = expand(buildCalendar([source('PROMISE 2026-11-27 09:30 Weekly call | every week')], { now: NOW, timeZone: 'UTC' }), 200);
    assert.equal(e.rrule, 'FREQ=WEEKLY;UNTIL=20281231T073000Z');
    // Every Friday at 09:30 in Sofia, winter (UTC+2) and summer (UTC+3) alike, until the end of 2028.
    const fridays = schedule('PROMISE 2026-11-27 09:30 Weekly call | every week', 200).filter((d) => d <= '2028-12-31');
    assert.deepEqual(
      e.dates.map((d) => zonedNow(new Date(d), 'Europe/Sofia').date),
      fridays,
    );
    for (const at of e.dates) {
      const w = zonedNow(new Date(at), 'Europe/Sofia');
      assert.equal(w.minutes, 9 * 60 + 30, at);
    }
    assert.ok(e.dates.some((d) => d.endsWith('T06:30:00.000Z')) && e.dates.some((d) => d.endsWith('T07:30:00.000Z')), 'both offsets occur');
  });

  it('a timed occurrence anchored on the 30th takes the Februaries as extra dates, at the same local time', () => {
    const line = 'PROMISE 2027-01-30 10:00 Fees call | every month';
    const [e] = expand(buildCalendar([source(line)], { now: NOW, timeZone: 'UTC' }), 100);
    assert.equal(e.rrule, 'FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20291231T080000Z');
    const walls = e.dates.map((d) => zonedNow(new Date(d), 'Europe/Sofia'));
    assert.deepEqual(
      walls.map((w) => w.date),
      schedule(line, 100).filter((d) => d <= '2029-12-31'),
    );
    assert.ok(walls.every((w) => w.minutes === 600));
    assert.deepEqual(walls[1].date, '2027-02-28');
  });

  it('for any rule and due date on its schedule, ical.js expands the RRULE into the log’s own schedule', () => {
    const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
      fc.record({ unit: fc.constant('week' as const), every: fc.integer({ min: 1, max: 6 }), fromDone: fc.constant(false) }),
      fc.record({ unit: fc.constant('weekday' as const), every: fc.constant(1), fromDone: fc.constant(false) }),
      fc
        .record({
          unit: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
          every: fc.integer({ min: 1, max: 4 }),
          day: fc.option(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('last' as const)), { nil: undefined }),
          fromDone: fc.constant(false),
        })
        .map((r) => (r.day === undefined ? { unit: r.unit, every: r.every, fromDone: false } : r)),
    );
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2090, 0, 1) / 86_400_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(ruleArb, day, (rule, start) => {
        // The due date: the first date of the rule's schedule from `start` (so it is on the rule's day).
        const due = scheduleDate(rule, start, 1)!;
        const line = `PROMISE ${due} Report | ${formatRule(rule)}`;
        const info = recurInfo(parse(line).items[0])!;
        const [e] = expand(buildCalendar([source(line, 'UTC')], { now: NOW, timeZone: 'UTC' }), 30);
        if (rule.unit === 'weekday' && new Date(`${due}T00:00:00Z`).getUTCDay() % 6 === 0) return;
        assert.ok(e.rrule, `${formatRule(rule)} from ${due} (${JSON.stringify(info)})`);
        // A rule that needs extra dates (an anchor on the 29th or 30th) ends with them, at the end of the second year after.
        const u = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(e.rrule!);
        const want = schedule(line, 30).filter((x) => !u || x <= `${u[1]}-${u[2]}-${u[3]}`);
        assert.deepEqual(e.dates, want, `${formatRule(rule)} from ${due}: ${e.rrule}`);
        assert.equal(
          !!u,
          (rule.unit === 'month' || rule.unit === 'quarter') && typeof rule.day !== 'string' && [29, 30].includes(rule.day ?? +due.slice(8, 10)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
