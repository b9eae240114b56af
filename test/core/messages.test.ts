import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { englishDays } from '../../src/core/englishDays';
import { describeFinding, durationDays, formatMessage, languageOfLocale, relativeDays } from '../../src/core/messages';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/core/model';
import { parse } from '../../src/core/parse';

describe('messages', () => {
  it('names the client and how long ago a promise was due', () => {
    const l = parse(['---', 'client: Acme Logistics', '---', 'PROMISE 2026-11-05 Send the pack'].join('\n'));
    const [f] = analyze(l, { now: new Date('2026-11-08T12:00:00Z'), timeZone: 'UTC' });
    assert.equal(describeFinding(f, formatMessage, 'en'), 'Promise to Acme Logistics was due 3 days ago (2026-11-05)');
  });

  it("uses the locale's own plural rules for days", () => {
    assert.equal(relativeDays(-3, 'ru'), '3 дня назад');
    assert.equal(relativeDays(-5, 'ru'), '5 дней назад');
    assert.equal(relativeDays(-1, 'bg'), 'вчера');
    assert.equal(relativeDays(2, 'ro'), 'poimâine');
    assert.equal(durationDays(12, 'bg'), '12 дни');
    assert.equal(durationDays(21, 'ru'), '21 день');
    assert.equal(durationDays(20, 'ro'), '20 de zile');
    assert.equal(relativeDays(-2, 'not a locale!'), '2 days ago');
  });

  it('words English day counts without ICU exactly as Intl does: today, tomorrow, yesterday, one day, grouped digits (property)', () => {
    const rel = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const dur = new Intl.NumberFormat('en', { style: 'unit', unit: 'day', unitDisplay: 'long' });
    const same = (n: number) => {
      assert.equal(englishDays.relative(n, 'en'), rel.format(n, 'day'), `relative ${n}`);
      assert.equal(englishDays.duration(n, 'en'), dur.format(n), `duration ${n}`);
    };
    // The edges of the wording (0, ±1, ±2) and of the grouping (999, 1,000, 999,999, …), and the largest counts.
    for (const n of [0, 1, 2, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 999999, 1000000, 1234567, Number.MAX_SAFE_INTEGER]) {
      same(n);
      if (n !== 0) same(-n);
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.integer(), fc.maxSafeInteger()), (n) => same(n || 0)),
      { numRuns: 5000 },
    );
    // Not a whole count, or not English: Intl words it.
    for (const n of [1.5, -2.25, 2 ** 53 + 2, 1e21]) same(n);
    assert.equal(englishDays.relative(-3, 'ru'), '3 дня назад');
    assert.equal(englishDays.duration(21, 'ru'), '21 день');
    assert.throws(() => englishDays.relative(NaN, 'en'), RangeError);
  });

  it("the CLI's English messages are those of Intl's wording (property over findings with day counts)", () => {
    const days = fc.integer({ min: -2500, max: 2500 });
    fc.assert(
      fc.property(days, days, (a, b) => {
        for (const code of ['promise.overdue', 'promise.dueSoon', 'waiting.followUp', 'scope.unconfirmed', 'client.quiet'] as const) {
          const f: Finding = {
            code,
            level: 'warning',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            data: { client: 'Acme', date: '2026-11-05', days: a || 0, cadence: b || 0, contact: 'Ana', line: 0 },
          };
          assert.equal(describeFinding(f, formatMessage, 'en', englishDays), describeFinding(f, formatMessage, 'en'));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('fills placeholders as the regular expression /\\{(\\d+)\\}/g does, leaving those without an argument (property)', () => {
    const byPattern = (m: string, args: ReadonlyArray<string | number | boolean>) =>
      m.replace(/\{(\d+)\}/g, (x, i: string) => (args[+i] !== undefined ? String(args[+i]) : x));
    // Messages built from the characters that matter: braces, digits, and a little text.
    const piece = fc.constantFrom('{', '}', '0', '1', '2', '9', '{0}', '{1}', '{2}', '{10}', '{01}', '{}', 'a', ' ', 'é', '{{0}}');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean()), { maxLength: 4 }),
        (parts, args) => {
          const m = parts.join('');
          assert.equal(formatMessage(m, ...args), byPattern(m, args));
        },
      ),
      { numRuns: 3000 },
    );
    assert.equal(formatMessage('{0} and {1}, {0} again; {2} stays', 'a', 7), 'a and 7, a again; {2} stays');
    assert.equal(formatMessage('no placeholder'), 'no placeholder');
    assert.equal(formatMessage('{{0}}', 'x'), '{x}');
  });

  it('maps display locales to draft languages', () => {
    assert.equal(languageOfLocale('bg'), 'bg');
    assert.equal(languageOfLocale('ro-RO'), 'ro');
    assert.equal(languageOfLocale('de'), 'en');
    assert.equal(languageOfLocale(undefined), 'en');
  });

  it('has a message for every code, passed through the translator', () => {
    const seen: string[] = [];
    const t = (m: string, ...a: Array<string | number | boolean>) => {
      seen.push(m);
      return formatMessage(m, ...a);
    };
    const data = {
      client: 'A',
      days: 2,
      date: '2026-11-05',
      text: 'x',
      kind: 'apology',
      missing: ['fix'],
      known: ['ivan'],
      handle: 'h',
      key: 'k',
      value: 'v',
      reason: 'yaml',
      message: 'm',
      expected: 'timeZone',
    };
    for (const code of FINDING_CODES) {
      const f: Finding = { code: code as FindingCode, level: 'warning', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, data };
      const msg = describeFinding(f, t, 'en');
      assert.ok(msg.length > 5 && !/\{\d\}/.test(msg), `${code}: ${msg}`);
    }
    assert.equal(seen.length >= FINDING_CODES.length, true);
  });
});
