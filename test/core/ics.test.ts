import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { zonedInstant, zonedNow } from '../../src/core/dates';
import { buildCalendar, calendarEvents, escapeText, eventUid, foldLine, plainText, withoutStamps, type IcsOptions, type IcsSource } from '../../src/core/ics';
import { calendarWords, formatMessage } from '../../src/core/messages';
import { contactOf, type Tracked } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { observances, parseCalendar, wallClocks } from '../ical';

const NOW = new Date('2026-11-23T10:00:00Z');

/** A log as the extension hands it to the builder: its items, its zone, its contacts' names. */
function source(body: string, { id = 'acme.clientlog', zone = 'Europe/Sofia', client = 'Acme' } = {}): IcsSource<Tracked> {
  const fm =
    `---\nclient: ${client}\n${zone ? `timezone: ${zone}\n` : ''}` +
    'contacts:\n  - name: Иван Петров\n    handle: ivan\n  - name: Ana Popescu\n    handle: ana\n---\n## 2026-11-20 Call\n';
  const log = parse(fm + body, { fileName: id });
  return { id, label: log.client, timeZone: log.frontMatter?.timeZone, items: log.items, name: (h) => contactOf(log, h)?.name };
}

const build = (sources: IcsSource<Tracked>[], o: Partial<IcsOptions> = {}) => buildCalendar(sources, { now: NOW, timeZone: 'UTC', ...o });

describe('calendar feed (core/ics)', () => {
  it('round-trips every event through ical.js: times with TZID and offset, all-day dates, alarms, UIDs, categories, text', () => {
    const s = source(
      [
        'PROMISE 2026-11-25 17:00 Изпрати офертата на @ivan #proposal, с цените',
        'PROMISE 2026-11-27 Trimite planul către @ana; apoi sună-l #plan',
        'WAITING 2026-11-30 09:30 @ivan to confirm the budget',
        'WAITING 2026-12-02 Signed contract',
        'SCOPE 2026-11-24 Add payroll review to phase 1',
        'PROMISE 2026-11-20 Old | kept 2026-11-20',
      ].join('\n'),
    );
    const ics = build([s]);
    const cal = parseCalendar(ics);
    assert.equal(cal.props.version, '2.0');
    assert.equal(cal.props.method, 'PUBLISH');
    assert.deepEqual(cal.zones, ['Europe/Sofia']);
    assert.equal(cal.events.length, 5, 'the kept promise is not in the feed');
    const [p1, p2, scope, w1, w2] = cal.events;

    assert.deepEqual(p1.start, { value: '2026-11-25T15:00:00.000Z', allDay: false, tzid: 'Europe/Sofia', offset: 120, wall: '2026-11-25T17:00:00' });
    assert.equal(p1.end.value, '2026-11-25T15:30:00.000Z');
    assert.equal(p1.summary, 'Promise to Acme: Изпрати офертата на Иван Петров, с цените');
    assert.equal(p1.description, 'Client: Acme\nИзпрати офертата на @ivan #proposal, с цените\nacme.clientlog:11');
    assert.deepEqual(p1.categories, ['promise', 'proposal']);
    assert.deepEqual(p1.alarms, [{ minutes: -60, action: 'DISPLAY', description: p1.summary }]);
    assert.match(p1.uid, /^[0-9a-f]{32}@clientlog$/);
    assert.equal(p1.sequence, 0);
    assert.equal(p1.stamp, '2026-11-23T10:00:00Z');

    // The scope change raised on the 24th is to be confirmed within 3 days: by the 27th, all day.
    assert.deepEqual(scope.start, { value: '2026-11-27', allDay: true, wall: '2026-11-27' });
    assert.equal(scope.end.value, '2026-11-28');
    assert.equal(scope.summary, 'Scope change to confirm with Acme: Add payroll review to phase 1');
    assert.deepEqual(scope.categories, ['scope']);

    assert.deepEqual(p2.start, { value: '2026-11-27', allDay: true, wall: '2026-11-27' });
    assert.equal(p2.end.value, '2026-11-28', 'DTEND of an all-day event is the day after (exclusive)');
    assert.equal(p2.summary, 'Promise to Acme: Trimite planul către Ana Popescu; apoi sună-l');
    assert.deepEqual(p2.categories, ['promise', 'plan']);

    assert.equal(w1.start.value, '2026-11-30T07:30:00.000Z');
    assert.equal(w1.summary, 'Waiting on Acme: Иван Петров to confirm the budget');
    assert.deepEqual(w1.categories, ['waiting']);
    assert.deepEqual(w2.start, { value: '2026-12-02', allDay: true, wall: '2026-12-02' });
    assert.equal(new Set(cal.events.map((e) => e.uid)).size, 5);
  });

  it('escapes commas, semicolons, backslashes and newlines, and drops other control characters', () => {
    const src: IcsSource = {
      id: 'dir\\odd;name,.clientlog',
      label: 'Smith, Jones; Partners \\ Co',
      items: [{ kind: 'promise', line: 0, date: '2026-11-25', text: 'a\\b;c,d\ne\r\nf\u0007g', tags: ['x,y'] }],
    };
    assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
    const [e] = parseCalendar(buildCalendar([src], { now: NOW, timeZone: 'UTC' })).events;
    assert.equal(e.summary, 'Promise to Smith, Jones; Partners \\ Co: a\\b;c,d e fg');
    assert.equal(e.description, 'Client: Smith, Jones; Partners \\ Co\na\\b;c,d\ne\nfg\ndir\\odd;name,.clientlog:1');
    assert.deepEqual(e.categories, ['promise', 'x,y']);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, with CRLF line ends', () => {
    const long = `${'Подготвя се пълният пакет документи за одита — ș, ț, 😀 и още думи, '.repeat(6)}край`;
    const ics = build([source(`PROMISE 2026-11-25 ${long}`)]);
    assert.ok(ics.endsWith('\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends in CRLF');
    const lines = ics.split('\r\n').slice(0, -1);
    for (const l of lines) {
      assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `${Buffer.byteLength(l, 'utf8')} octets: ${l}`);
      assert.doesNotMatch(l, /^[\udc00-\udfff]|[\ud800-\udbff]$/, 'a surrogate pair is never split');
    }
    assert.ok(lines.filter((l) => l.startsWith(' ')).length > 10);
    assert.equal(parseCalendar(ics).events[0].summary, `Promise to Acme: ${long}`);
    // Folding alone: a line of 2-octet letters breaks before 75 octets, every continuation starts with a space.
    const f = foldLine(`SUMMARY:${'ж'.repeat(100)}`).split('\r\n');
    assert.deepEqual(
      f.map((l) => Buffer.byteLength(l)),
      [74, 75, 61],
    );
    assert.equal(f.map((l, i) => (i ? l.slice(1) : l)).join(''), `SUMMARY:${'ж'.repeat(100)}`);
  });

  it('writes the alarm at the lead time asked, and none with 0; --include picks the kinds', () => {
    const s = source('PROMISE 2026-11-25 17:00 One\nWAITING 2026-11-26 Two\nSCOPE 2026-11-24 Three');
    assert.deepEqual(
      parseCalendar(build([s], { alarmMinutes: 90 })).events.map((e) => e.alarms.map((a) => a.minutes)),
      [[-90], [-90], [-90]],
    );
    const none = build([s], { alarmMinutes: 0 });
    assert.doesNotMatch(none, /VALARM/);
    assert.deepEqual(
      parseCalendar(build([s], { include: ['waiting', 'scope'] })).events.map((e) => e.categories[0]),
      ['waiting', 'scope'],
    );
  });

  it('writes words in the language asked', () => {
    const t = (m: string, ...a: Array<string | number | boolean>) => formatMessage(m === 'Promise to {0}: {1}' ? 'Обещание към {0}: {1}' : m, ...a);
    const [e] = parseCalendar(build([source('PROMISE 2026-11-25 Send it')], { words: calendarWords(t) })).events;
    assert.equal(e.summary, 'Обещание към Acme: Send it');
  });

  it('writes times in UTC for a log in UTC, and reads logs without a zone in the user’s', () => {
    const utc = parseCalendar(build([source('PROMISE 2026-11-25 17:00 One', { zone: 'UTC' })]));
    assert.deepEqual(utc.zones, []);
    assert.deepEqual(utc.events[0].start, { value: '2026-11-25T17:00:00.000Z', allDay: false, tzid: 'UTC', offset: 0, wall: '2026-11-25T17:00:00Z' });
    const user = parseCalendar(build([source('PROMISE 2026-11-25 17:00 One', { zone: '' })], { timeZone: 'America/New_York' }));
    assert.deepEqual(user.zones, ['America/New_York']);
    assert.equal(user.events[0].start.value, '2026-11-25T22:00:00.000Z');
  });

  describe('zones with and without daylight saving time', () => {
    const KNOWN: Array<[string, string, number, string]> = [
      // zone, local date and time, offset (minutes), the instant
      ['Europe/Sofia', '2026-01-15 10:00', 120, '2026-01-15T08:00:00.000Z'],
      ['Europe/Sofia', '2026-07-15 10:00', 180, '2026-07-15T07:00:00.000Z'],
      ['Europe/Sofia', '2026-03-29 04:00', 180, '2026-03-29T01:00:00.000Z'],
      ['Europe/Sofia', '2026-10-25 05:00', 120, '2026-10-25T03:00:00.000Z'],
      ['America/New_York', '2026-01-15 10:00', -300, '2026-01-15T15:00:00.000Z'],
      ['America/New_York', '2026-07-15 10:00', -240, '2026-07-15T14:00:00.000Z'],
      ['America/New_York', '2026-03-08 03:30', -240, '2026-03-08T07:30:00.000Z'],
      ['America/New_York', '2026-11-01 09:00', -300, '2026-11-01T14:00:00.000Z'],
      ['Asia/Kolkata', '2026-01-15 10:00', 330, '2026-01-15T04:30:00.000Z'],
      ['Asia/Kolkata', '2026-07-15 10:00', 330, '2026-07-15T04:30:00.000Z'],
      ['Australia/Lord_Howe', '2026-01-15 10:00', 660, '2026-01-14T23:00:00.000Z'],
      ['Australia/Lord_Howe', '2026-07-15 10:00', 630, '2026-07-14T23:30:00.000Z'],
      ['Australia/Lord_Howe', '2027-01-15 10:00', 660, '2027-01-14T23:00:00.000Z'],
    ];
    for (const zone of new Set(KNOWN.map((k) => k[0]))) {
      it(`resolves ${zone} through its VTIMEZONE to the right offsets and instants`, () => {
        const rows = KNOWN.filter((k) => k[0] === zone);
        const body = rows.map(([, at], i) => `PROMISE ${at} Item ${i}`).join('\n');
        const ics = build([source(body, { zone })], { now: new Date('2025-12-01T00:00:00Z') });
        const cal = parseCalendar(ics);
        assert.deepEqual(cal.zones, [zone]);
        for (const [, at, offset, instant] of rows) {
          const e = cal.events.find((x) => x.summary.endsWith(`Item ${rows.findIndex((r) => r[1] === at)}`))!;
          assert.equal(e.start.tzid, zone);
          assert.equal(e.start.offset, offset, `${zone} ${at}`);
          assert.equal(e.start.value, instant, `${zone} ${at}`);
        }
        if (zone === 'Asia/Kolkata') {
          assert.doesNotMatch(ics, /BEGIN:DAYLIGHT/, 'a zone without DST has STANDARD observances only');
          assert.match(ics, /TZOFFSETTO:\+0530/);
        } else assert.match(ics, /BEGIN:DAYLIGHT/);
      });
    }

    it('has an observance at every change of offset the runtime knows, and gives every other instant its wall-clock time', () => {
      const offset = (ms: number, zone: string) => {
        const z = zonedNow(new Date(ms), zone);
        return (Date.UTC(+z.date.slice(0, 4), +z.date.slice(5, 7) - 1, +z.date.slice(8, 10), 0, z.minutes) - ms) / 60_000;
      };
      for (const zone of ['Europe/Sofia', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
        const ics = build([source('PROMISE 2026-06-01 10:00 A\nPROMISE 2027-06-01 10:00 B', { zone })]);
        const obs = observances(ics, zone);
        const changes = obs.filter((o) => o.from !== o.to);
        assert.equal(changes.length, zone === 'Asia/Kolkata' ? 0 : 4, zone);
        for (const o of obs) {
          assert.equal(offset(o.at, zone), o.to, `${zone}: ${o.kind} at ${new Date(o.at).toISOString()} is at ${o.to}`);
          assert.equal(offset(o.at - 60_000, zone), o.from, `${zone}: before ${new Date(o.at).toISOString()} it was ${o.from}`);
          if (o.from !== o.to) assert.equal(o.kind, o.to > o.from ? 'daylight' : 'standard');
        }
        // Every three hours (and a minute) of both years, but for the hours around a change (ical.js converts from UTC with
        // the offset of the UTC time read as local, which lags a change by up to the offset).
        const instants: Date[] = [];
        for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 3 * 3_600_000 + 60_000) {
          if (!changes.some((c) => Math.abs(c.at - t) <= 15 * 3_600_000)) instants.push(new Date(t));
        }
        const got = wallClocks(ics, zone, instants);
        instants.forEach((d, i) => {
          const z = zonedNow(d, zone);
          const want = `${z.date}T${String(Math.floor(z.minutes / 60)).padStart(2, '0')}:${String(z.minutes % 60).padStart(2, '0')}:00`;
          if (got[i] !== want) assert.fail(`${zone} at ${d.toISOString()}: ${got[i]}, not ${want}`);
        });
      }
    });

    it('writes a time the clocks show twice (DST ending) in UTC, the instant the log means', () => {
      const cases: Array<[string, string]> = [
        ['Europe/Sofia', '2026-10-25 03:30'],
        ['America/New_York', '2026-11-01 01:30'],
        ['Australia/Lord_Howe', '2026-04-05 01:45'],
      ];
      for (const [zone, at] of cases) {
        const [e] = parseCalendar(build([source(`PROMISE ${at} Twice`, { zone })])).events;
        const [date, time] = at.split(' ');
        assert.equal(e.start.tzid, 'UTC', `${zone} ${at}`);
        assert.equal(e.start.value, zonedInstant(date, +time.slice(0, 2) * 60 + +time.slice(3), zone).toISOString());
      }
      const [plain] = parseCalendar(build([source('PROMISE 2026-10-25 05:30 Once')])).events;
      assert.equal(plain.start.tzid, 'Europe/Sofia');
    });

    it('agrees with the core’s zoned instants for any time in 2026–2028 (property)', () => {
      const zones = ['Europe/Sofia', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Chisinau', 'America/Sao_Paulo'];
      fc.assert(
        fc.property(
          fc.constantFrom(...zones),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 1439 })), { minLength: 1, maxLength: 8 }),
          (zone, times) => {
            const lines = times.map(([d, m], i) => {
              const date = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
              return { date, m, line: `PROMISE ${date} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} Item ${i}` };
            });
            const cal = parseCalendar(build([source(lines.map((l) => l.line).join('\n'), { zone })], { now: new Date('2025-06-01T00:00:00Z') }));
            lines.forEach((l, i) => {
              const e = cal.events.find((x) => x.summary.endsWith(`: Item ${i}`))!;
              assert.equal(e.start.value, zonedInstant(l.date, l.m, zone).toISOString(), `${zone} ${l.line}`);
              assert.equal(new Date(e.end.value).getTime() - new Date(e.start.value).getTime(), 30 * 60_000);
            });
          },
        ),
        { numRuns: 60 },
      );
    });

    it('writes events in UTC beyond the years a VTIMEZONE covers, and never hangs on far-flung years', () => {
      const years = Array.from({ length: 30 }, (_, i) => 1990 + i * 3).concat([9999]);
      const body = years.map((y, i) => `PROMISE ${y}-07-01 10:00 Item ${i}`).join('\n');
      const ics = build([source(body)], { now: new Date('2026-11-23T00:00:00Z') });
      const cal = parseCalendar(ics);
      assert.equal(cal.events.length, years.length);
      for (const [i, y] of years.entries()) {
        const e = cal.events.find((x) => x.summary.endsWith(`: Item ${i}`))!;
        assert.equal(e.start.value, zonedInstant(`${y}-07-01`, 600, 'Europe/Sofia').toISOString(), String(y));
      }
      // In the VTIMEZONE: the years within 30 of 2026, at most the 20 nearest; the others in UTC.
      const near = years
        .filter((y) => Math.abs(y - 2026) <= 30)
        .sort((a, b) => Math.abs(a - 2026) - Math.abs(b - 2026) || a - b)
        .slice(0, 20);
      assert.deepEqual(
        cal.events.filter((e) => e.start.tzid === 'Europe/Sofia').map((e) => +e.start.wall.slice(0, 4)),
        near.sort((a, b) => a - b),
      );
      assert.equal(cal.events.filter((e) => e.start.tzid === 'UTC').length, years.length - near.length);
    });
  });

  describe('UIDs', () => {
    const uids = (body: string) =>
      calendarEvents([source(body)], { now: NOW, timeZone: 'UTC' }).map((e) => [
        e.row.item.text,
        e.uid,
        e.properties.find((p) => p.name === 'SEQUENCE')!.value,
      ]);

    it('hash the file, the kind, the text and the ordinal among identical texts, not the date or the line', () => {
      assert.equal(eventUid('a.clientlog', 'promise', ' Send  it '), eventUid('a.clientlog', 'promise', 'Send it'));
      const all = new Set([
        eventUid('a.clientlog', 'promise', 'Send it'),
        eventUid('b.clientlog', 'promise', 'Send it'),
        eventUid('a.clientlog', 'waiting', 'Send it'),
        eventUid('a.clientlog', 'promise', 'Send it', 1),
        eventUid('a.clientlog', 'promise', 'Send it!'),
      ]);
      assert.equal(all.size, 5);
      const [a, b] = uids('PROMISE 2026-11-25 Same\nPROMISE 2026-11-26 Same');
      assert.notEqual(a[1], b[1], 'identical texts get distinct UIDs');
    });

    /** A log's items as [kind, text] (distinct texts), each with a date offset in days. */
    const items = fc.uniqueArray(
      fc.tuple(
        fc.constantFrom('PROMISE', 'WAITING', 'SCOPE'),
        fc.stringMatching(/^[A-Za-zА-Яа-я][A-Za-zА-Яа-я ]{0,20}[a-zа-я]$/),
        fc.integer({ min: 0, max: 60 }),
      ),
      {
        minLength: 2,
        maxLength: 8,
        selector: (x) => `${x[0]} ${x[1].replace(/\s+/g, ' ')}`,
      },
    );
    const day = (n: number) => new Date(Date.UTC(2026, 10, 24) + n * 86_400_000).toISOString().slice(0, 10);
    const line = ([kw, t, d]: [string, string, number]) => `${kw} ${day(d)} ${t}`;

    it('stay when other lines change, and when an item is rescheduled; distinct items differ (property)', () => {
      fc.assert(
        fc.property(
          items,
          fc.array(fc.constantFrom('Noted the call.', '## 2026-11-21 Another call', 'PROMISE 2026-12-30 Inserted one', ''), { maxLength: 5 }),
          fc.nat(),
          fc.integer({ min: 1, max: 20 }),
          (list, noise, pick, by) => {
            const base = new Map(uids(list.map(line).join('\n')).map(([t, u]) => [t, u]));
            assert.equal(new Set(base.values()).size, list.length, 'distinct items, distinct UIDs');
            // Other lines before, between and after, and one item's line edited (rescheduled, with its move recorded).
            const k = pick % list.length;
            const moved = list.map((x, i) => (i === k ? `${line([x[0], x[1], x[2] + by])} | moved from ${day(x[2])} on 2026-11-22` : line(x)));
            const edited = [...noise, ...moved.flatMap((l, i) => (i % 2 ? [l, ...noise] : [l]))].join('\n');
            for (const [t, u, seq] of uids(edited)) {
              if (t === 'Inserted one') continue;
              assert.equal(u, base.get(t), `the UID of "${t}" stays`);
              assert.equal(seq, t === list[k][1].trim().replace(/\s+/g, ' ') || t === list[k][1] ? '1' : '0');
            }
          },
        ),
        { numRuns: 100 },
      );
    });

    it('a rescheduled promise moves its event: same UID, a higher SEQUENCE, the new start', () => {
      const before = parseCalendar(build([source('PROMISE 2026-11-25 10:00 Send the plan to @ivan #plan')])).events[0];
      const after = parseCalendar(
        build([source('Noted.\nPROMISE 2026-11-28 15:00 Send the plan to @ivan #plan | moved from 2026-11-25 10:00 on 2026-11-23 by @ivan')]),
      ).events;
      assert.equal(after.length, 1);
      assert.equal(after[0].uid, before.uid);
      assert.equal(after[0].sequence, before.sequence + 1);
      assert.equal(after[0].start.value, '2026-11-28T13:00:00.000Z');
    });
  });

  it('writes summaries without log syntax: @handle as the contact’s name, no #tags', () => {
    const names = (h: string) => ({ ivan: 'Иван Петров' })[h];
    assert.equal(plainText('Send #tag the pack to @ivan (#urgent) #a/b, then @bob.', names), 'Send the pack to Иван Петров, then bob.');
    assert.equal(plainText('Mail ops@acme.com about issue#4', names), 'Mail ops@acme.com about issue#4');
    assert.equal(plainText('#only #tags'), '');
  });

  it('is the same feed at another instant but for DTSTAMP, in an order that does not depend on the day', () => {
    const s = source('PROMISE 2026-11-25 Later\nPROMISE 2026-11-24 10:00 Sooner\nWAITING 2026-11-24 Wait\nSCOPE 2026-11-20 Old scope');
    const a = build([s], { now: new Date('2026-11-21T10:00:00Z') });
    const b = build([s], { now: new Date('2026-11-26T10:00:00Z') });
    assert.notEqual(a, b);
    assert.equal(withoutStamps(a), withoutStamps(b));
    assert.doesNotMatch(withoutStamps(a), /DTSTAMP/);
  });

  it('writes a valid empty calendar when nothing is open', () => {
    const cal = parseCalendar(build([source('PROMISE 2026-11-20 Done | kept 2026-11-20')]));
    assert.deepEqual(cal.events, []);
    assert.equal(cal.props.prodid, '-//Clientlog//Clientlog//EN');
  });
});
