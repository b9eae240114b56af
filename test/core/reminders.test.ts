import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { logSource } from '../../src/core/agenda';
import { digestMessage, formatMessage, pluralCategory, type Translate } from '../../src/core/messages';
import { parse } from '../../src/core/parse';
import { documentArb } from './property.test';
import {
  EMPTY_MEMORY,
  lastTimedDue,
  logsToPlan,
  nextMorning,
  planReminders,
  readMemory,
  recordDigest,
  recordShown,
  recordSnooze,
  snoozeUntil,
  timedLogNeeded,
  timedPromise,
  type ReminderMemory,
  type ReminderSettings,
} from '../../src/core/reminders';

const settings: ReminderSettings = { enabled: true, leadMinutes: 60, morningTime: '09:00', timeZone: 'Europe/Sofia' };

function log(zone: string | undefined, ...lines: string[]) {
  return parse(
    ['---', 'client: Acme', ...(zone ? [`timezone: ${zone}`] : []), 'contacts:', '  - name: Ivan Petrov', '    handle: ivan', '---', ...lines].join('\n'),
  );
}
const src = (zone: string | undefined, ...lines: string[]) => [logSource(log(zone, ...lines), 'file:///acme.clientlog', 'Acme')];

function plan(sources: ReturnType<typeof src>, iso: string, o: { memory?: ReminderMemory; looking?: boolean; settings?: Partial<ReminderSettings> } = {}) {
  return planReminders(sources, {
    now: new Date(iso),
    settings: { ...settings, ...o.settings },
    memory: o.memory ?? EMPTY_MEMORY,
    looking: o.looking ?? false,
  });
}
const texts = (p: ReturnType<typeof plan>) => p.reminders.map((r) => r.row.item.text);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('reminders: lead times', () => {
  it("reminds a lead time before a timed promise, at the time in the log's own zone (Tokyo 14:00 = 05:00 UTC)", () => {
    const s = src('Asia/Tokyo', 'PROMISE 2026-11-06 14:00 Send the figures to @ivan');
    const before = plan(s, '2026-11-06T03:59:00Z');
    assert.deepEqual(texts(before), []);
    assert.equal(iso(before.nextWake), '2026-11-06T04:00:00.000Z', 'wakes at 13:00 Tokyo');
    const at = plan(s, '2026-11-06T04:00:00Z');
    assert.deepEqual(texts(at), ['Send the figures to @ivan']);
    assert.equal(iso(at.reminders[0].dueAt), '2026-11-06T05:00:00.000Z');
    assert.deepEqual(texts(plan(s, '2026-11-06T05:00:30Z')), ['Send the figures to @ivan'], 'still within the due minute');
    assert.deepEqual(texts(plan(s, '2026-11-06T05:01:00Z')), [], 'overdue: no reminder any more (the diagnostics and digest say it)');
  });

  it('follows leadMinutes, and 0 turns reminders before promises off', () => {
    const s = src('UTC', 'PROMISE 2026-11-06 14:00 Call back');
    assert.deepEqual(texts(plan(s, '2026-11-06T13:30:00Z', { settings: { leadMinutes: 15 } })), []);
    assert.deepEqual(texts(plan(s, '2026-11-06T13:45:00Z', { settings: { leadMinutes: 15 } })), ['Call back']);
    const off = plan(s, '2026-11-06T13:59:00Z', { settings: { leadMinutes: 0 } });
    assert.deepEqual(texts(off), []);
    assert.equal(iso(off.nextWake), '2026-11-07T07:00:00.000Z', 'only the next morning (Sofia 09:00) to wait for');
  });

  it('Europe/Sofia, last Sunday of October: the same wall time is an hour later in UTC after the change, and the lead is real time', () => {
    const s = src(
      'Europe/Sofia',
      'PROMISE 2026-10-24 14:00 Before the change',
      'PROMISE 2026-10-25 14:00 After the change',
      'PROMISE 2026-10-25 04:30 Early after the change',
    );
    const before = plan(s, '2026-10-24T10:00:00Z');
    assert.deepEqual(texts(before), ['Before the change'], '14:00 EEST = 11:00 UTC, reminded at 10:00 UTC');
    assert.equal(iso(before.reminders[0].dueAt), '2026-10-24T11:00:00.000Z');
    assert.deepEqual(texts(plan(s, '2026-10-25T10:59:00Z')), []);
    const after = plan(s, '2026-10-25T11:00:00Z');
    assert.deepEqual(texts(after), ['After the change'], '14:00 EET = 12:00 UTC, reminded at 11:00 UTC');
    // 04:30 EET is 02:30 UTC; two hours of real time before is 00:30 UTC (03:30 EEST, before the clocks went back).
    const two = { settings: { leadMinutes: 120 } };
    assert.deepEqual(texts(plan(s, '2026-10-25T00:29:00Z', two)), []);
    const early = plan(s, '2026-10-25T00:30:00Z', two);
    assert.deepEqual(texts(early), ['Early after the change']);
    assert.equal(iso(early.reminders[0].dueAt), '2026-10-25T02:30:00.000Z');
  });

  it('America/New_York: the November fall-back and the March spring-forward', () => {
    const fall = src('America/New_York', 'PROMISE 2026-10-31 09:00 Saturday before', 'PROMISE 2026-11-01 09:00 Sunday after');
    assert.deepEqual(texts(plan(fall, '2026-10-31T12:00:00Z')), ['Saturday before'], '09:00 EDT = 13:00 UTC');
    assert.deepEqual(texts(plan(fall, '2026-11-01T12:59:00Z')), []);
    assert.deepEqual(texts(plan(fall, '2026-11-01T13:00:00Z')), ['Sunday after'], '09:00 EST = 14:00 UTC');
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT. 03:30 EDT is 07:30 UTC; an hour before is 06:30 UTC (01:30 EST).
    const spring = src('America/New_York', 'PROMISE 2026-03-08 03:30 Right after the jump');
    const p = plan(spring, '2026-03-08T06:29:00Z', { settings: { timeZone: 'America/New_York' } });
    assert.deepEqual(texts(p), []);
    assert.equal(iso(p.nextWake), '2026-03-08T06:30:00.000Z');
    const q = plan(spring, '2026-03-08T06:30:00Z', { settings: { timeZone: 'America/New_York' } });
    assert.equal(iso(q.reminders[0].dueAt), '2026-03-08T07:30:00.000Z');
  });

  it('a log without a zone is read in the user zone', () => {
    const s = src(undefined, 'PROMISE 2026-11-06 14:00 Call back');
    assert.equal(iso(plan(s, '2026-11-06T11:00:00Z').reminders[0]?.dueAt), '2026-11-06T12:00:00.000Z', 'Sofia 14:00 = 12:00 UTC');
  });

  it('does not remind date-only promises, closed ones, or waits one by one', () => {
    const s = src(
      'UTC',
      'PROMISE 2026-11-06 Date only',
      'PROMISE 2026-11-06 14:00 Kept already | kept 2026-11-05',
      'WAITING 2026-11-06 14:00 @ivan to call',
      'PROMISE 2026-11-06 14:30 Timed and open',
    );
    assert.deepEqual(texts(plan(s, '2026-11-06T13:45:00Z')), ['Timed and open']);
  });
});

describe('reminders: once only, snooze, grouping', () => {
  const s = src('UTC', 'PROMISE 2026-11-06 14:00 Call back');

  it('never shows the same reminder twice, but a rescheduled promise again', () => {
    const first = plan(s, '2026-11-06T13:10:00Z');
    assert.equal(first.reminders.length, 1);
    const memory = recordShown(EMPTY_MEMORY, first.reminders, new Date('2026-11-06T13:10:00Z'));
    assert.deepEqual(texts(plan(s, '2026-11-06T13:20:00Z', { memory })), []);
    assert.deepEqual(texts(plan(s, '2026-11-06T14:00:00Z', { memory })), []);
    const moved = src('UTC', 'PROMISE 2026-11-06 15:00 Call back | moved from 2026-11-06 14:00');
    const again = plan(moved, '2026-11-06T14:05:00Z', { memory });
    assert.deepEqual(texts(again), ['Call back']);
    assert.notEqual(again.reminders[0].key, first.reminders[0].key);
    // The key names the file and the promise: another log's identical promise is its own reminder.
    const other = [...s, logSource(log('UTC', 'PROMISE 2026-11-06 14:00 Call back'), 'file:///beta.clientlog', 'Beta')];
    assert.deepEqual(
      plan(other, '2026-11-06T13:20:00Z', { memory }).reminders.map((r) => r.row.source.label),
      ['Beta'],
    );
  });

  it('snoozes for 15 minutes, an hour, or until the next morning in the user zone', () => {
    const now = new Date('2026-11-06T13:10:00Z');
    const shown = plan(s, now.toISOString()).reminders;
    for (const [choice, until] of [
      ['15m', '2026-11-06T13:25:00.000Z'],
      ['1h', '2026-11-06T14:10:00.000Z'],
      ['morning', '2026-11-07T07:00:00.000Z'], // 09:00 in Sofia (EET)
    ] as const) {
      const end = snoozeUntil(choice, now, settings);
      assert.equal(iso(end), until, choice);
      const memory = recordSnooze(EMPTY_MEMORY, shown, end, now);
      const during = plan(s, new Date(end - 60_000).toISOString(), { memory });
      assert.deepEqual(texts(during), [], `${choice}: quiet during the snooze`);
      assert.ok(during.nextWake !== undefined && during.nextWake <= end, `${choice}: wakes by the end of the snooze`);
      const back = plan(s, new Date(end).toISOString(), { memory });
      assert.deepEqual(texts(back), ['Call back'], `${choice}: back when it ends (even once overdue)`);
      assert.equal(back.reminders[0].snoozed, true);
      const after = recordShown(memory, back.reminders, new Date(end));
      assert.deepEqual(texts(plan(s, new Date(end + 60_000).toISOString(), { memory: after })), [], `${choice}: shown again once only`);
    }
  });

  it('the next morning is the next morningTime in the user zone (today when it is still ahead)', () => {
    assert.equal(iso(nextMorning(new Date('2026-11-06T05:00:00Z'), settings)), '2026-11-06T07:00:00.000Z');
    assert.equal(iso(nextMorning(new Date('2026-11-06T07:00:00Z'), settings)), '2026-11-07T07:00:00.000Z');
    assert.equal(iso(nextMorning(new Date('2026-10-24T12:00:00Z'), settings)), '2026-10-25T07:00:00.000Z', 'after the change: EET');
    assert.equal(iso(nextMorning(new Date('2026-11-06T12:00:00Z'), { morningTime: '08:30', timeZone: 'America/New_York' })), '2026-11-06T13:30:00.000Z');
  });

  it('groups everything due at once into one plan, most urgent first, with one wake for the rest', () => {
    const many = src(
      'UTC',
      'PROMISE 2026-11-06 14:30 Third',
      'PROMISE 2026-11-06 14:00 First',
      'PROMISE 2026-11-06 14:10 Second',
      'PROMISE 2026-11-06 16:00 Later',
    );
    const p = plan(many, '2026-11-06T13:30:00Z');
    assert.deepEqual(texts(p), ['First', 'Second', 'Third']);
    assert.equal(iso(p.nextWake), '2026-11-06T15:00:00.000Z');
  });

  it('lists the grouped reminders in the order they fall due, across zones', () => {
    const sofia = logSource(log('Europe/Sofia', 'PROMISE 2026-11-23 16:00 Sofia at four'), 'file:///sofia.clientlog', 'Sofia');
    const london = logSource(log('Europe/London', 'PROMISE 2026-11-23 14:30 London at half past two'), 'file:///london.clientlog', 'London');
    const p = plan([london, sofia], '2026-11-23T13:45:00Z');
    assert.deepEqual(texts(p), ['Sofia at four', 'London at half past two'], '14:00Z before 14:30Z');
  });

  it('shows nothing, and waits for nothing, when disabled', () => {
    const p = plan(s, '2026-11-06T13:30:00Z', { looking: true, settings: { enabled: false } });
    assert.deepEqual(p, { reminders: [] });
  });

  it('reads a corrupt memory as empty, and forgets keys two weeks after they stop mattering', () => {
    assert.deepEqual(readMemory('nonsense'), EMPTY_MEMORY);
    assert.deepEqual(readMemory({ reminded: { a: 'x', b: 5 }, snoozed: null, digestDay: 7 }), { reminded: { b: 5 }, snoozed: {} });
    const old = { reminded: { old: Date.parse('2026-10-01T00:00:00Z'), recent: Date.parse('2026-11-01T00:00:00Z') }, snoozed: {} };
    const m = recordShown(old, [], new Date('2026-11-06T00:00:00Z'));
    assert.deepEqual(Object.keys(m.reminded), ['recent']);
  });
});

describe('reminders: the morning digest', () => {
  const s = src(
    'UTC',
    'PROMISE 2026-11-06 Due today, no time',
    'PROMISE 2026-11-06 17:00 Due today at five',
    'PROMISE 2026-11-06 18:00 Due today at six',
    'PROMISE 2026-11-02 Four days late',
    'PROMISE 2026-11-05 One day late',
    'WAITING 2026-10-31 @ivan to send the contract',
    'WAITING 2026-11-04 @ivan to send the invoice',
    'PROMISE 2026-11-20 Later',
  );

  it('is due once the user looks after morningTime, with the agenda figures', () => {
    assert.equal(plan(s, '2026-11-06T06:59:00Z', { looking: true }).digest, undefined, 'before 09:00 in Sofia');
    assert.equal(plan(s, '2026-11-06T07:30:00Z', { looking: false }).digest, undefined, 'nobody looking (a timer)');
    const p = plan(s, '2026-11-06T07:30:00Z', { looking: true });
    assert.deepEqual(p.digest, {
      day: '2026-11-06',
      dueToday: 3,
      overdue: 2,
      lateWaits: 2,
      longestWait: { who: 'Ivan Petrov', days: 6 },
    });
    assert.equal(digestMessage(p.digest!, formatMessage, 'en'), '3 promises due today, 2 promises overdue, Ivan Petrov has not answered for 6 days');
  });

  it('at most once a day (a second activation or focus shows nothing), and again the next day', () => {
    const memory = recordDigest(EMPTY_MEMORY, '2026-11-06');
    assert.equal(plan(s, '2026-11-06T15:00:00Z', { looking: true, memory }).digest, undefined);
    assert.equal(plan(s, '2026-11-07T07:00:00Z', { looking: true, memory }).digest?.day, '2026-11-07');
  });

  it('not on a day with nothing to say', () => {
    const quiet = src('UTC', 'PROMISE 2026-11-20 Later', 'PROMISE 2026-11-02 Done | kept 2026-11-02');
    assert.equal(plan(quiet, '2026-11-06T10:00:00Z', { looking: true }).digest, undefined);
  });

  it("morning is in the user's zone, the day too, whatever the log's zone", () => {
    // User in New York (09:00 EST = 14:00 UTC), the client in Tokyo, where it is already 7 November.
    const tokyo = src('Asia/Tokyo', 'PROMISE 2026-11-07 Tokyo today');
    const ny = { timeZone: 'America/New_York' };
    assert.equal(plan(tokyo, '2026-11-06T13:59:00Z', { looking: true, settings: ny }).digest, undefined);
    assert.equal(
      plan(tokyo, '2026-11-06T14:00:00Z', { looking: true, settings: ny }).digest,
      undefined,
      'nothing to say yet: 23:00 in Tokyo, the promise is tomorrow there',
    );
    // 10:30 in New York, 00:30 on 7 November in Tokyo.
    const p = plan(tokyo, '2026-11-06T15:30:00Z', { looking: true, settings: ny });
    assert.equal(p.digest?.day, '2026-11-06', "the user's date");
    assert.equal(p.digest?.dueToday, 1, "due today in the client's zone (the agenda's band)");
    // The next wake for the digest is the user's next morning.
    assert.equal(iso(plan(tokyo, '2026-11-06T15:00:00Z', { settings: ny }).nextWake), '2026-11-07T14:00:00.000Z');
  });

  it('an invalid morningTime falls back to 09:00', () => {
    assert.equal(plan(s, '2026-11-06T06:30:00Z', { looking: true, settings: { morningTime: '25:99' } }).digest, undefined);
    assert.ok(plan(s, '2026-11-06T07:00:00Z', { looking: true, settings: { morningTime: '25:99' } }).digest);
  });
});

describe('digest message plurals', () => {
  const bundle = (lang: string): Translate => {
    const b = JSON.parse(fs.readFileSync(path.join(__dirname, `../../l10n/bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;
    return (m, ...args) => formatMessage(b[m] ?? `MISSING ${m}`, ...args);
  };

  it('picks the plural category of each language', () => {
    assert.deepEqual(
      [1, 2, 5, 21, 22].map((n) => pluralCategory(n, 'ru')),
      ['one', 'few', 'many', 'one', 'few'],
    );
    assert.deepEqual(
      [1, 2, 19, 20].map((n) => pluralCategory(n, 'ro-RO')),
      ['one', 'few', 'few', 'other'],
    );
    assert.deepEqual(
      [1, 2, 5].map((n) => pluralCategory(n, 'bg')),
      ['one', 'other', 'other'],
    );
    assert.deepEqual(
      [1, 2].map((n) => pluralCategory(n, 'pl')),
      ['one', 'other'],
      'a language without a bundle counts as English',
    );
  });

  it('writes the digest in each language with the right forms', () => {
    const d = (dueToday: number, overdue: number) => ({ dueToday, overdue, lateWaits: 1, longestWait: { who: 'Ivan', days: 6 } });
    assert.equal(digestMessage(d(1, 0), formatMessage, 'en'), '1 promise due today, Ivan has not answered for 6 days');
    assert.equal(digestMessage(d(0, 1), formatMessage, 'en'), '1 promise overdue, Ivan has not answered for 6 days');
    const ru = bundle('ru');
    assert.equal(digestMessage(d(1, 2), ru, 'ru'), '1 обещание на сегодня, 2 просроченных обещания, Ivan не отвечает уже 6 дней');
    assert.equal(digestMessage(d(3, 5), ru, 'ru'), '3 обещания на сегодня, 5 просроченных обещаний, Ivan не отвечает уже 6 дней');
    assert.equal(digestMessage(d(5, 0), ru, 'ru').split(',')[0], '5 обещаний на сегодня');
    assert.equal(digestMessage(d(0, 21), ru, 'ru').split(',')[0], '21 просроченное обещание');
    const bg = bundle('bg');
    assert.equal(digestMessage(d(1, 3), bg, 'bg'), '1 обещание за днес, 3 просрочени обещания, Ivan не отговаря от 6 дни');
    assert.equal(digestMessage(d(0, 1), bg, 'bg').split(',')[0], '1 просрочено обещание');
    const ro = bundle('ro');
    assert.equal(digestMessage(d(1, 0), ro, 'ro').split(',')[0], '1 promisiune scadentă azi');
    assert.equal(digestMessage(d(3, 0), ro, 'ro').split(',')[0], '3 promisiuni scadente azi');
    assert.equal(digestMessage(d(20, 0), ro, 'ro').split(',')[0], '20 de promisiuni scadente azi');
    assert.equal(digestMessage(d(1, 2), ro, 'ro'), '1 promisiune scadentă azi, 2 promisiuni restante, Ivan nu a răspuns de 6 zile');
  });
});

describe('reminders: which logs a plan reads (the Node host leaves the others closed)', () => {
  const examples = fs
    .readdirSync(path.join(__dirname, '../../examples'))
    .filter((f) => f.endsWith('.clientlog'))
    .map((f) => parse(fs.readFileSync(path.join(__dirname, '../../examples', f), 'utf8'), { fileName: f }));
  const timed = [
    log('Asia/Tokyo', '## 2026-11-20 Call', 'PROMISE 2026-11-24 14:00 Send the draft @ivan', 'PROMISE 2026-11-25 09:30 Call back'),
    log(undefined, '## 2026-11-20 Call', 'PROMISE 2026-11-24 16:30 Quote', 'WAITING 2026-11-21 Sign-off @ivan'),
  ];
  const result = (p: { reminders: readonly { key: string; dueAt: number; snoozed: boolean }[]; nextWake?: number; digest?: unknown }) =>
    JSON.stringify({ r: p.reminders.map((r) => [r.key, r.dueAt, r.snoozed]), w: p.nextWake, d: p.digest });

  it('reads every log for the digest, none when off, else only those with a timed promise: their plan is the plan of all', () => {
    const seen = { timedReminders: 0, snoozed: 0, all: 0, none: 0, fewer: 0 };
    fc.assert(
      fc.property(
        fc.array(documentArb, { maxLength: 6 }),
        fc.oneof(
          fc.integer({ min: Date.parse('2026-11-23T00:00:00Z'), max: Date.parse('2026-11-26T00:00:00Z') }),
          // Around the timed promises' deadlines (14:00 in Tokyo, 16:30 and 09:30 in Sofia), to the minute.
          fc
            .tuple(fc.constantFrom('2026-11-24T05:00:00Z', '2026-11-24T14:30:00Z', '2026-11-25T07:30:00Z'), fc.integer({ min: -90, max: 90 }))
            .map(([t, m]) => Date.parse(t) + m * 60_000 + 30_000),
        ),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('07:00', '09:00', '13:30'),
        fc.boolean(),
        (docs, at, looking, shownToday, morningTime, enabled) => {
          const logs = [...examples, ...timed, ...docs.map((d, i) => parse(d, { fileName: `g${i}.clientlog` }))];
          const sources = logs.map((l, i) => logSource(l, `file:///l${i}.clientlog`, l.client));
          const s = { ...settings, enabled, morningTime };
          const now = new Date(at);
          // A memory with a snooze of what was due an hour before, and a digest shown today or not.
          const before = planReminders(sources, { now: new Date(at - 3_600_000), settings: s, memory: EMPTY_MEMORY, looking: false });
          let memory = recordSnooze(EMPTY_MEMORY, before.reminders.slice(0, 1), at - 60_000, new Date(at - 3_600_000));
          if (shownToday) memory = recordDigest(memory, new Date(at).toISOString().slice(0, 10));
          const options = { now, settings: s, memory, looking };
          const all = planReminders(sources, options);
          const reads = logsToPlan(options);
          if (reads === 'none') assert.equal(result(all), result({ reminders: [] }));
          if (all.digest) assert.equal(reads, 'all');
          if (reads === 'timed') {
            const some = sources.filter((_, i) => logs[i].items.some(timedPromise));
            assert.ok(some.length < sources.length);
            assert.equal(result(planReminders(some, options)), result(all));
            // Fewer still: those whose last timed promise is not a day past due, or with a snoozed reminder.
            const snoozed = Object.keys(memory.snoozed);
            const fewer = sources.filter((x, i) => timedLogNeeded(x.id, lastTimedDue(logs[i], s.timeZone), now, snoozed));
            assert.equal(result(planReminders(fewer, options)), result(all));
            if (fewer.length < some.length) seen.fewer++;
            if (all.reminders.length) seen.timedReminders++;
            if (all.reminders.some((r) => r.snoozed)) seen.snoozed++;
          }
          if (reads === 'all') seen.all++;
          if (reads === 'none') seen.none++;
        },
      ),
      { seed: 20261202, numRuns: 250 },
    );
    // Every case was met: reminders (some back from a snooze) from the timed logs alone, the digest's reading, reminders off.
    assert.ok(seen.timedReminders > 0 && seen.snoozed > 0 && seen.all > 0 && seen.none > 0 && seen.fewer > 0, JSON.stringify(seen));
  });
});
