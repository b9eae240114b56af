import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { markBroken, markDropped, markKept, nextLine, reschedule, skipOccurrence, type EditResult } from '../../src/core/edits';
import { analyze } from '../../src/core/analyze';
import { describeFinding, describeRule, formatMessage, type Translate } from '../../src/core/messages';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../src/core/parse';
import { comingOccurrences, formatRule, nextOccurrence, ordinal, parseRule, recurInfo, scheduleDate, type Rule } from '../../src/core/recurrence';
import { applyEdits, textSource } from '../../src/core/text';
import { zonedInstant, zonedNow } from '../../src/core/dates';
import { review, reviewInput } from '../../src/core/review';

function apply(text: string, r: EditResult): string {
  assert.ok(r.ok, `edit refused: ${!r.ok && r.reason}`);
  return applyEdits(text, r.edits);
}

/** The next occurrence of a one-line log, as the line the edit writes. */
const after = (line: string) => nextLine(`${line} | kept 2026-01-01`);

describe('recurrence: the rule segment', () => {
  it('reads every rule the format lists, in any case, with "from done"', () => {
    const cases: [string, Rule][] = [
      ['every week', { unit: 'week', every: 1, fromDone: false }],
      ['every 2 weeks', { unit: 'week', every: 2, fromDone: false }],
      ['every month', { unit: 'month', every: 1, fromDone: false }],
      ['every month on the last day', { unit: 'month', every: 1, day: 'last', fromDone: false }],
      ['every month on the 15th', { unit: 'month', every: 1, day: 15, fromDone: false }],
      ['every weekday', { unit: 'weekday', every: 1, fromDone: false }],
      ['every quarter', { unit: 'quarter', every: 1, fromDone: false }],
      ['every year', { unit: 'year', every: 1, fromDone: false }],
      ['every 3 months on the 1st from done', { unit: 'month', every: 3, day: 1, fromDone: true }],
      ['Every  Week   FROM done', { unit: 'week', every: 1, fromDone: true }],
      ['every 2 quarters on the 31st', { unit: 'quarter', every: 2, day: 31, fromDone: false }],
    ];
    for (const [text, rule] of cases) assert.deepEqual(parseRule(text), rule, text);
  });

  it('refuses what it does not understand', () => {
    for (const text of [
      'every',
      'every 1 week',
      'every weeks',
      'every 2 week',
      'every 0 weeks',
      'every 100 weeks',
      'every 02 weeks',
      'every fortnight',
      'every week on the 15th',
      'every weekday on the last day',
      'every month on the 32nd',
      'every month on the 0th',
      'every month on the 15',
      'every month on 15th',
      'every month on the last',
      'every month from',
      'every month from done please',
      'every 2 weekdays',
    ]) {
      assert.equal(parseRule(text), undefined, text);
    }
  });

  it('puts the rule on the promise, not in its history, and keeps the text and the state', () => {
    const log = parse('PROMISE 2026-11-06 Weekly status to @ivan | every week | moved from 2026-11-05 by @ivan on 2026-11-04');
    const item = log.items[0];
    assert.equal(item.text, 'Weekly status to @ivan');
    assert.equal(item.state, 'open');
    assert.deepEqual(
      item.history.map((h) => h.verb),
      ['moved'],
    );
    assert.equal(item.recur?.text, 'every week');
    assert.deepEqual(item.recur?.range, { start: { line: 0, character: 44 }, end: { line: 0, character: 54 } });
    assert.deepEqual(log.problems, []);
  });

  it('reports a rule it does not understand, a rule off a PROMISE and a second rule as history.invalid, saying what is understood', () => {
    const log = parse(
      [
        'PROMISE 2026-11-06 Status | every fortnight',
        'WAITING 2026-11-06 @ivan to reply | every week',
        'PROMISE 2026-11-06 Status | every week | every month',
        'PROMISE 2026-11-06 Status | everything kept',
      ].join('\n'),
    );
    const f = analyze(log, { now: new Date('2026-11-01T12:00:00Z'), timeZone: 'UTC' }).filter((x) => x.code === 'history.invalid');
    assert.deepEqual(
      f.map((x) => [x.range.start.line, x.data.why, x.data.text]),
      [
        [0, 'rule', 'every fortnight'],
        [1, 'ruleKind', 'every week'],
        [2, 'ruleTwice', 'every month'],
        [3, 'verb', 'everything kept'],
      ],
    );
    assert.match(describeFinding(f[0], formatMessage, 'en'), /"every fortnight" is not a repeat rule: write every week, every 2 weeks, .* "from done"/);
    assert.match(describeFinding(f[1], formatMessage, 'en'), /Only a PROMISE repeats: "every week" is not understood on a WAITING line/);
    // The first rule stays.
    assert.equal(log.items[2].recur?.unit, 'week');
  });

  it('writes rules canonically and ordinals in English', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
    assert.equal(formatRule({ unit: 'month', every: 1, day: 31, fromDone: false }), 'every month on the 31st');
    assert.equal(formatRule({ unit: 'week', every: 2, fromDone: true }), 'every 2 weeks from done');
    fc.assert(
      fc.property(ruleArb, (rule) => {
        assert.deepEqual(parseRule(formatRule(rule)), { ...rule });
      }),
    );
  });

  it('says a rule in the four languages', () => {
    // The extension passes vscode.l10n.t: here, the same bundles.
    const tr = (lang: string): Translate => {
      if (lang === 'en') return formatMessage;
      const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '../../l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;
      return (m, ...args) => formatMessage(bundle[m] ?? `MISSING ${m}`, ...args);
    };
    const say = (text: string, lang: string) => describeRule(parseRule(text)!, tr(lang), lang);
    assert.equal(say('every 2 weeks', 'en'), 'every 2 weeks');
    assert.equal(say('every month on the 22nd from done', 'en'), 'every month, on the 22nd, counted from the day it was done');
    assert.equal(say('every 2 quarters', 'en'), 'every 6 months');
    assert.equal(say('every month on the last day', 'bg'), 'всеки месец, в последния ден от месеца');
    assert.equal(say('every month on the 1st', 'bg'), 'всеки месец, на 1-во число');
    assert.equal(say('every month on the 15th', 'bg'), 'всеки месец, на 15-о число');
    assert.equal(say('every 2 weeks', 'bg'), 'на всеки 2 седмици');
    assert.equal(say('every 5 weeks', 'ru'), 'раз в 5 недель');
    assert.equal(say('every 21 weeks', 'ru'), 'раз в 21 неделю');
    assert.equal(say('every 3 months on the 15th', 'ru'), 'раз в 3 месяца, 15-го числа');
    assert.equal(say('every week', 'ru'), 'каждую неделю');
    assert.equal(say('every weekday from done', 'ro'), 'în fiecare zi lucrătoare, socotit de la data îndeplinirii');
    assert.equal(say('every 20 weeks', 'ro'), 'la fiecare 20 de săptămâni');
    assert.equal(say('every 2 years', 'ro'), 'la fiecare 2 ani');
  });
});

describe('recurrence: the next date', () => {
  const next = (line: string) => {
    const item = parse(line).items[0];
    return nextOccurrence(item, item.recur!);
  };

  it('keeps the anchor day through month ends and leap days', () => {
    assert.equal(after('PROMISE 2026-01-31 Invoice | every month'), 'PROMISE 2026-02-28 Invoice | every month on the 31st');
    assert.equal(after('PROMISE 2026-02-28 Invoice | every month on the 31st'), 'PROMISE 2026-03-31 Invoice | every month on the 31st');
    assert.equal(after('PROMISE 2028-01-31 Invoice | every month'), 'PROMISE 2028-02-29 Invoice | every month on the 31st');
    assert.equal(after('PROMISE 2026-03-31 Invoice | every month'), 'PROMISE 2026-04-30 Invoice | every month on the 31st');
    assert.equal(after('PROMISE 2026-01-15 Invoice | every month'), 'PROMISE 2026-02-15 Invoice | every month');
    assert.equal(after('PROMISE 2028-02-29 Filing | every year'), 'PROMISE 2029-02-28 Filing | every year on the 29th');
    assert.equal(after('PROMISE 2031-02-28 Filing | every year on the 29th'), 'PROMISE 2032-02-29 Filing | every year on the 29th');
    assert.equal(after('PROMISE 2026-11-30 Review | every quarter'), 'PROMISE 2027-02-28 Review | every quarter on the 30th');
  });

  it('lands exactly on the last day and on the 15th', () => {
    assert.equal(after('PROMISE 2026-01-31 Invoice | every month on the last day'), 'PROMISE 2026-02-28 Invoice | every month on the last day');
    assert.equal(after('PROMISE 2026-02-28 Invoice | every month on the last day'), 'PROMISE 2026-03-31 Invoice | every month on the last day');
    assert.equal(after('PROMISE 2026-11-06 Fees | every month on the 15th'), 'PROMISE 2026-12-15 Fees | every month on the 15th');
  });

  it('steps over weekends and keeps the week day', () => {
    assert.equal(after('PROMISE 2026-11-06 Stand-up notes | every weekday'), 'PROMISE 2026-11-09 Stand-up notes | every weekday'); // Friday → Monday
    assert.equal(after('PROMISE 2026-11-07 Stand-up notes | every weekday'), 'PROMISE 2026-11-09 Stand-up notes | every weekday'); // Saturday → Monday
    assert.equal(after('PROMISE 2026-11-03 Stand-up notes | every weekday'), 'PROMISE 2026-11-04 Stand-up notes | every weekday');
    assert.equal(after('PROMISE 2026-11-06 Weekly status to @ivan | every week'), 'PROMISE 2026-11-13 Weekly status to @ivan | every week');
    assert.equal(after('PROMISE 2026-12-25 Steering committee | every 2 weeks'), 'PROMISE 2027-01-08 Steering committee | every 2 weeks');
  });

  it('keeps the time of a timed promise', () => {
    assert.equal(after('PROMISE 2026-03-27 09:30 Call @ivan | every week'), 'PROMISE 2026-04-03 09:30 Call @ivan | every week');
  });

  it('counts from the day it was done with "from done", else from the date it was first due', () => {
    assert.deepEqual(next('PROMISE 2026-11-06 Water the plants | every week from done | kept 2026-11-10'), {
      date: '2026-11-17',
      ruleText: 'every week from done',
    });
    assert.deepEqual(next('PROMISE 2026-11-06 Status | every week | kept 2026-11-10'), { date: '2026-11-13', ruleText: 'every week' });
    // Moved by two days: the schedule stays on Fridays (the date first due), and the time goes with it.
    assert.deepEqual(next('PROMISE 2026-11-08 10:00 Status | every week | moved from 2026-11-06 09:00 by @ivan on 2026-11-05 | kept 2026-11-08'), {
      date: '2026-11-13',
      time: '09:00',
      ruleText: 'every week',
    });
    // Moved past the next Friday: the next one is the first Friday after the moved date.
    assert.equal(next('PROMISE 2026-11-16 Status | every week | moved from 2026-11-06 on 2026-11-05 | kept 2026-11-16')?.date, '2026-11-20');
    // Moved from a 31st: the anchor is the 31st.
    assert.deepEqual(next('PROMISE 2026-04-02 Invoice | every month | moved from 2026-03-31 | kept 2026-04-02'), {
      date: '2026-04-30',
      ruleText: 'every month on the 31st',
    });
  });

  it('lists the coming occurrences without drift', () => {
    const info = (line: string) => recurInfo(parse(line).items[0])!;
    const monthly = info('PROMISE 2026-01-31 Invoice | every month');
    assert.deepEqual(comingOccurrences(monthly, '2026-01-31', '2026-06-30'), ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    assert.deepEqual(comingOccurrences(monthly, '2026-01-31', '2026-01-31'), []);
    assert.deepEqual(comingOccurrences(info('PROMISE 2026-11-06 Plants | every 2 weeks from done'), '2026-11-06', '2026-12-10'), ['2026-11-20', '2026-12-04']);
    // Moved from Friday 6 to Monday 9 November: the rhythm stays on Fridays.
    const moved = info('PROMISE 2026-11-09 Status | every week | moved from 2026-11-06 on 2026-11-05');
    assert.deepEqual(moved, { unit: 'week', every: 1, fromDone: false, text: 'every week', base: '2026-11-06' });
    assert.deepEqual(comingOccurrences(moved, '2026-11-09', '2026-11-30'), ['2026-11-13', '2026-11-20', '2026-11-27']);
  });

  it('stops at year 9999', () => {
    assert.equal(after('PROMISE 9999-12-01 End | every month'), undefined);
    const out = apply('PROMISE 9999-12-01 End | every month\n', markKept(textSource('PROMISE 9999-12-01 End | every month\n'), 0, '9999-12-01'));
    assert.equal(out, 'PROMISE 9999-12-01 End | every month | kept 9999-12-01\n');
  });
});

// --- Properties -------------------------------------------------------------------------------------

const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ unit: fc.constant('week' as const), every: fc.integer({ min: 1, max: 8 }), fromDone: fc.boolean() }),
  fc.record({ unit: fc.constant('weekday' as const), every: fc.constant(1), fromDone: fc.boolean() }),
  fc
    .record({
      unit: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
      every: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('last' as const)), { nil: undefined }),
      fromDone: fc.boolean(),
    })
    .map((r) => (r.day === undefined ? { unit: r.unit, every: r.every, fromDone: r.fromDone } : r)),
);

/** A date from 1990 to 2200, written independently of dates.ts (through Date at UTC, which the core never uses). */
const dateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

// An independent computation: JavaScript's Date at UTC, month by month, for the reference schedule.
function refDaysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function refSchedule(rule: Rule, base: string, k: number): string {
  const b = new Date(`${base}T00:00:00Z`);
  if (rule.unit === 'week') return new Date(b.getTime() + k * rule.every * 7 * 86_400_000).toISOString().slice(0, 10);
  if (rule.unit === 'weekday') {
    let d = b;
    for (let i = 0; i < k;) {
      d = new Date(d.getTime() + 86_400_000);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) i++;
    }
    return d.toISOString().slice(0, 10);
  }
  const months = (rule.unit === 'month' ? 1 : rule.unit === 'quarter' ? 3 : 12) * rule.every * k;
  const y = b.getUTCFullYear() + Math.floor((b.getUTCMonth() + months) / 12);
  const m = ((b.getUTCMonth() + months) % 12) + 1;
  const want = rule.day === 'last' ? 31 : (rule.day ?? b.getUTCDate());
  return new Date(Date.UTC(y, m - 1, Math.min(want, refDaysInMonth(y, m)))).toISOString().slice(0, 10);
}
/** Whether `date` is on the rule's day, for the schedule from `base`. */
function onRuleDay(rule: Rule, base: string, date: string): boolean {
  const b = new Date(`${base}T00:00:00Z`);
  const d = new Date(`${date}T00:00:00Z`);
  if (rule.unit === 'week') return d.getUTCDay() === b.getUTCDay() && ((d.getTime() - b.getTime()) / 86_400_000) % (7 * rule.every) === 0;
  if (rule.unit === 'weekday') return d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  const dim = refDaysInMonth(d.getUTCFullYear(), d.getUTCMonth() + 1);
  const want = rule.day === 'last' ? dim : Math.min(rule.day ?? b.getUTCDate(), dim);
  const monthStep = (rule.unit === 'month' ? 1 : rule.unit === 'quarter' ? 3 : 12) * rule.every;
  const monthsApart = (d.getUTCFullYear() - b.getUTCFullYear()) * 12 + d.getUTCMonth() - b.getUTCMonth();
  return d.getUTCDate() === want && monthsApart % monthStep === 0;
}

const lineOf = (date: string, rule: Rule, time = '') => `PROMISE ${date}${time ? ` ${time}` : ''} Report to @ivan | ${formatRule(rule)}`;

describe('recurrence: properties', () => {
  it('the next date is after the due date, on the rule day, and agrees with an independent computation', () => {
    fc.assert(
      fc.property(
        ruleArb.filter((r) => !r.fromDone),
        dateArb,
        (rule, date) => {
          const item = parse(lineOf(date, rule)).items[0];
          const next = nextOccurrence(item, item.recur!)!;
          assert.ok(next.date > date);
          assert.ok(onRuleDay(rule, date, next.date), `${next.date} is not on the day of ${formatRule(rule)} from ${date}`);
          assert.equal(next.date, refSchedule(rule, date, 1));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the k-th date of a schedule agrees with the independent computation, for k up to 1,200', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, fc.integer({ min: 0, max: 1200 }), (rule, date, k) => {
        const want = refSchedule(rule, date, k);
        assert.equal(scheduleDate(rule, date, k), /^\d{4}-\d{2}-\d{2}$/.test(want) ? want : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('a chain of 100 occurrences closed one after the other never drifts from the schedule', () => {
    fc.assert(
      fc.property(
        ruleArb.filter((r) => !r.fromDone),
        dateArb,
        fc.constantFrom('kept', 'dropped', 'broken'),
        (rule, date, how) => {
          let line = lineOf(date, rule);
          for (let k = 1; k <= 100; k++) {
            const src = textSource(line);
            const due = parse(line).items[0].date!;
            const r = how === 'kept' ? markKept(src, 0, due) : how === 'dropped' ? markDropped(src, 0, due, 'not needed') : markBroken(src, 0, due, undefined);
            const out = apply(line, r).split('\n');
            assert.equal(out.length, 2);
            line = out[1];
            const want = refSchedule(rule, date, k);
            assert.equal(parse(line).items[0].date, want, `occurrence ${k} of ${formatRule(rule)} from ${date}`);
            assert.ok(onRuleDay(rule, date, want));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('"from done" counts from the day it was closed, and the next date is after it and after the due date', () => {
    fc.assert(
      fc.property(
        ruleArb.map((r) => ({ ...r, fromDone: true })),
        dateArb,
        fc.integer({ min: -20, max: 40 }),
        (rule, date, late) => {
          const done = new Date(new Date(`${date}T00:00:00Z`).getTime() + late * 86_400_000).toISOString().slice(0, 10);
          const next = nextLine(`${lineOf(date, rule)} | kept ${done}`)!;
          const got = parse(next).items[0].date!;
          assert.ok(got > date && got > done);
          // The first date of the schedule from the day it was done that is after the due date.
          let k = 1;
          while (refSchedule(rule, done, k) <= date) k++;
          assert.equal(got, refSchedule(rule, done, k));
          assert.equal(parse(next).items[0].recur?.text, formatRule(rule));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a timed occurrence keeps its local time in every zone, across daylight-saving changes', () => {
    const zones = ['Europe/Sofia', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(
        ruleArb.filter((r) => !r.fromDone),
        fc
          .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 })
          .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.constantFrom(...zones),
        (rule, date, h, m, zone) => {
          // Times a zone skips in a DST change (02:00 to 03:59 in these zones) are not the point here.
          if (h === 2 || h === 3) return;
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          let line = lineOf(date, rule, time);
          for (let k = 0; k < 12; k++) {
            const item = parse(line).items[0];
            line = nextLine(`${line} | kept ${item.date}`)!;
            const n = parse(line).items[0];
            assert.equal(n.time, time);
            const back = zonedNow(zonedInstant(n.date!, h * 60 + m, zone), zone);
            assert.deepEqual(back, { date: n.date, minutes: h * 60 + m });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a closing edit changes exactly the closed line and inserts exactly one line, keeping line breaks and the BOM', () => {
    const lineBreaks = fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(
        ruleArb,
        dateArb,
        fc.boolean(),
        lineBreaks,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('kept', 'dropped', 'broken', 'skip'),
        (rule, date, bom, brs, at, how) => {
          const crlf = brs.every((b) => b === '\r\n');
          const lines = ['## 2026-01-01 Call', 'Said we would report.', 'WAITING 2026-01-09 @ivan to reply', 'Notes.', 'Last line'];
          lines.splice(at, 0, lineOf(date, rule));
          const eol = crlf ? '\r\n' : '\n';
          // Either all CRLF or LF-only breaks (a document has one line break in VS Code), and a final one or not.
          const text = (bom ? '\ufeff' : '') + lines.join(eol) + (brs[0] === '\r\n' ? eol : '');
          const src = textSource(text);
          const r =
            how === 'kept'
              ? markKept(src, at, '2026-01-05')
              : how === 'dropped'
                ? markDropped(src, at, '2026-01-05', 'no need')
                : how === 'broken'
                  ? markBroken(src, at, '2026-01-05', undefined)
                  : skipOccurrence(src, at, '2026-01-05', 'client away');
          const out = apply(text, r);
          assert.equal(out.startsWith('\ufeff'), bom);
          const before = text.replace(/^\ufeff/, '').split(eol);
          const got = out.replace(/^\ufeff/, '').split(eol);
          assert.ok(
            !out
              .replace(/^\ufeff/, '')
              .split('\r\n')
              .join('')
              .includes('\r'),
          );
          if (!crlf) assert.ok(!out.includes('\r'));
          else assert.equal(out.split('\n').length, out.split('\r\n').length);
          assert.equal(got.length, before.length + 1);
          assert.deepEqual([...got.slice(0, at), ...got.slice(at + 2)], [...before.slice(0, at), ...before.slice(at + 1)]);
          assert.ok(got[at].startsWith(before[at]));
          const closed = parse(got[at]).items[0];
          assert.notEqual(closed.state, 'open');
          const inserted = parse(got[at + 1]).items[0];
          assert.equal(inserted.state, 'open');
          assert.equal(inserted.text, 'Report to @ivan');
          assert.ok(inserted.date! > date);
          assert.deepEqual({ ...parseRule(inserted.recur!.text)!, day: undefined }, { ...rule, day: undefined });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('recurrence: closing edits', () => {
  const DOC = ['## 2026-11-03 Call', 'PROMISE 2026-11-06 Weekly status to @ivan | every week', 'Notes.', ''].join('\r\n');

  it('Mark kept closes the line and writes the next week below it, in one edit', () => {
    const r = markKept(textSource(DOC), 1, '2026-11-06');
    assert.ok(r.ok);
    assert.equal(r.edits.length, 1);
    assert.equal(
      applyEdits(DOC, r.edits),
      [
        '## 2026-11-03 Call',
        'PROMISE 2026-11-06 Weekly status to @ivan | every week | kept 2026-11-06',
        'PROMISE 2026-11-13 Weekly status to @ivan | every week',
        'Notes.',
        '',
      ].join('\r\n'),
    );
  });

  it('Skip drops the occurrence with a reason and writes the next; it refuses a promise that does not repeat', () => {
    assert.equal(
      apply(DOC, skipOccurrence(textSource(DOC), 1, '2026-11-05', 'Ivan is on holiday')).split('\r\n')[1] + '\n',
      'PROMISE 2026-11-06 Weekly status to @ivan | every week | dropped 2026-11-05 Ivan is on holiday\n',
    );
    const plain = 'PROMISE 2026-11-06 Send the pack\n';
    assert.deepEqual(skipOccurrence(textSource(plain), 0, '2026-11-05', 'x'), { ok: false, reason: 'notRecurring' });
  });

  it('refuses when the line changed underneath, and a reschedule moves only this occurrence', () => {
    assert.deepEqual(markKept(textSource(DOC), 1, '2026-11-06', { lineText: 'PROMISE 2026-11-06 Weekly status | every week' }), {
      ok: false,
      reason: 'changed',
    });
    const moved = apply(DOC, reschedule(textSource(DOC), 1, { newDate: '2026-11-09', today: '2026-11-05', agreedBy: 'ivan' }));
    assert.equal(moved.split('\r\n').length, DOC.split('\r\n').length);
    assert.equal(moved.split('\r\n')[1], 'PROMISE 2026-11-09 Weekly status to @ivan | every week | moved from 2026-11-06 by @ivan on 2026-11-05');
  });

  it('only the open occurrence is seen: the closed ones raise no overdue finding', () => {
    const text = apply(DOC, markKept(textSource(DOC), 1, '2026-11-06'));
    const f = analyze(parse(text), { now: new Date('2026-11-20T12:00:00Z'), timeZone: 'UTC' });
    assert.deepEqual(
      f.filter((x) => x.code === 'promise.overdue').map((x) => x.range.start.line),
      [2],
    );
  });
});

describe('recurrence: the weekly review counts every occurrence', () => {
  it('each closed occurrence line is one promise of the record: on time, late, broken, dropped', () => {
    let text = '## 2026-10-01 Kick-off\nPROMISE 2026-10-02 Weekly status to @ivan | every week\n';
    // Four weeks closed one after the other through the edit builders, the fifth left open.
    const closes = [
      (src: ReturnType<typeof textSource>, line: number) => markKept(src, line, '2026-10-02'),
      (src: ReturnType<typeof textSource>, line: number) => markKept(src, line, '2026-10-12'),
      (src: ReturnType<typeof textSource>, line: number) => markBroken(src, line, '2026-10-17', undefined),
      (src: ReturnType<typeof textSource>, line: number) => skipOccurrence(src, line, '2026-10-20', 'client on holiday'),
    ];
    closes.forEach((close, k) => (text = apply(text, close(textSource(text), 1 + k))));
    assert.deepEqual(text.split('\n').slice(1, 6), [
      'PROMISE 2026-10-02 Weekly status to @ivan | every week | kept 2026-10-02',
      'PROMISE 2026-10-09 Weekly status to @ivan | every week | kept 2026-10-12',
      'PROMISE 2026-10-16 Weekly status to @ivan | every week | broken 2026-10-17',
      'PROMISE 2026-10-23 Weekly status to @ivan | every week | dropped 2026-10-20 client on holiday',
      'PROMISE 2026-10-30 Weekly status to @ivan | every week',
    ]);
    const r = review([reviewInput(parse(text))], { now: new Date('2026-11-02T12:00:00Z'), timeZone: 'UTC', since: '2026-10-01', until: '2026-11-02' });
    const p = r.total.promises;
    assert.deepEqual([p.due, p.onTime.length, p.late.length, p.broken.length, p.dropped.length, p.overdue.length], [5, 1, 1, 1, 1, 1]);
  });
});
