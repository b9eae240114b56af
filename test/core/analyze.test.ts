import * as assert from 'node:assert/strict';
import { analyze, compactLog } from '../../src/core/analyze';
import { dueStatus } from '../../src/core/standing';
import type { Finding } from '../../src/core/model';
import { parse } from '../../src/core/parse';

const at = (iso: string) => new Date(iso);
const codes = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.code}:${f.level}`);

function log(body: string[], fm: string[] = ['client: Acme', 'timezone: Europe/Sofia', 'contacts: [{ name: Ivan Petrov, handle: ivan }]']) {
  return parse(['---', ...fm, '---', ...body].join('\n'));
}

describe('analyze', () => {
  const l = log([
    '## 2026-11-03 Call', // 5
    'PROMISE 2026-11-05 Send the pack to @ivan', // 6 overdue
    'PROMISE 2026-11-23 Call back', // 7 today
    'PROMISE 2026-11-25 Draft plan', // 8 soon (2 days)
    'PROMISE 2026-12-10 Workshop', // 9 later
    'PROMISE 2026-11-05 Kept one | kept 2026-11-06', // 10 closed
    'WAITING 2026-11-12 @ivan to name next steps', // 11 follow-up passed
    'WAITING 2026-11-30 @ivan to send data', // 12 not yet
    'SCOPE 2026-11-18 Add payroll', // 13 unconfirmed 5 days
    'SCOPE 2026-11-21 Add audit', // 14 within period
    'SCOPE 2026-11-01 Drop reports | confirmed 2026-11-02', // 15 closed
  ]);
  // 10:00 in Sofia on Monday 23 November 2026.
  const now = at('2026-11-23T08:00:00Z');

  it('tells overdue, due today, due soon and later promises apart', () => {
    const f = analyze(l, { now, timeZone: 'UTC' });
    assert.deepEqual(codes(f), [
      '6:promise.overdue:warning',
      '7:promise.dueToday:information',
      '8:promise.dueSoon:information',
      '11:waiting.followUp:warning',
      '13:scope.unconfirmed:warning',
    ]);
    const overdue = f[0];
    assert.equal(overdue.data.days, 18);
    assert.equal(overdue.data.client, 'Acme');
    assert.equal(overdue.data.contact, 'Ivan Petrov');
    assert.equal(overdue.data.date, '2026-11-05');
    assert.equal(overdue.data.line, 6);
    assert.equal(f[2].data.days, 2);
    const wait = f[3];
    assert.equal(wait.data.since, '2026-11-03');
    assert.equal(wait.data.days, 20);
    assert.equal(f[4].data.days, 5);
  });

  it('is due until the end of the day in the client time zone, not UTC', () => {
    const l2 = log(['PROMISE 2026-11-23 Call back']);
    // 23:30 in Sofia: still today. 00:30 the next day in Sofia (22:30 UTC): overdue, though UTC says 23rd.
    assert.deepEqual(codes(analyze(l2, { now: at('2026-11-23T21:30:00Z'), timeZone: 'UTC' })), ['5:promise.dueToday:information']);
    assert.deepEqual(codes(analyze(l2, { now: at('2026-11-23T22:30:00Z'), timeZone: 'UTC' })), ['5:promise.overdue:warning']);
    // Without a zone in the front matter, the user's zone decides.
    const l3 = parse('PROMISE 2026-11-23 Call back');
    assert.deepEqual(codes(analyze(l3, { now: at('2026-11-24T02:00:00Z'), timeZone: 'America/New_York' })), ['0:promise.dueToday:information']);
    assert.deepEqual(codes(analyze(l3, { now: at('2026-11-24T02:00:00Z'), timeZone: 'Europe/Sofia' })), ['0:promise.overdue:warning']);
  });

  it('turns a promise with a time overdue after that minute', () => {
    const l2 = log(['PROMISE 2026-11-23 17:00 Call back']);
    assert.deepEqual(codes(analyze(l2, { now: at('2026-11-23T15:00:00Z'), timeZone: 'UTC' })), ['5:promise.dueToday:information']);
    const f = analyze(l2, { now: at('2026-11-23T15:01:00Z'), timeZone: 'UTC' });
    assert.deepEqual(codes(f), ['5:promise.overdue:warning']);
    assert.equal(f[0].data.days, 0);
  });

  it('applies levels from settings, including off', () => {
    const f = analyze(l, {
      now,
      timeZone: 'UTC',
      levels: { 'promise.overdue': 'error', 'promise.dueSoon': 'off', 'waiting.followUp': 'hint' },
    });
    assert.deepEqual(codes(f), ['6:promise.overdue:error', '7:promise.dueToday:information', '11:waiting.followUp:hint', '13:scope.unconfirmed:warning']);
  });

  it('uses the horizon and confirmation periods', () => {
    const f = analyze(l, { now, timeZone: 'UTC', horizonDays: 30, confirmationDays: 10 });
    assert.deepEqual(codes(f), [
      '6:promise.overdue:warning',
      '7:promise.dueToday:information',
      '8:promise.dueSoon:information',
      '9:promise.dueSoon:information',
      '11:waiting.followUp:warning',
    ]);
  });

  it('asks to triage untriaged urgency and checks note blocks', () => {
    const l2 = log([
      'URGENT need it now', // 5
      'URGENT crisis: payroll down', // 6
      'URGENT криза: заплатите спряха', // 7
      'REFUSAL weekend go-live', // 8
      '  Request: Saturday', // 9
      '  Reason: timeline',
      'ESCALATION payroll', // 11
      '  Kind: crisis',
      '  What breaks: pay',
      'APOLOGY', // 14
      '  What happened: late',
      '  Apology: sorry',
      '  Fix: today',
    ]);
    const f = analyze(l2, { now, timeZone: 'UTC' });
    assert.deepEqual(codes(f), ['5:urgent.untriaged:information', '8:refusal.noAlternative:warning', '11:note.missingField:information']);
    assert.deepEqual(f[2].data.missing, ['owner', 'next']);
  });

  it('warns about mentions of unknown contacts only when contacts are listed', () => {
    const l2 = log(['PROMISE 2026-12-10 Call @ivan and @maria']);
    const f = analyze(l2, { now, timeZone: 'UTC' });
    assert.deepEqual(codes(f), ['5:mention.unknown:warning']);
    assert.deepEqual(f[0].data, { handle: 'maria', known: ['ivan'] });
    assert.deepEqual(analyze(parse('PROMISE 2026-12-10 Call @maria'), { now, timeZone: 'UTC' }), []);
  });

  it('passes parse problems through with their levels', () => {
    const f = analyze(parse('PROMISE 2026-02-30 x'), { now, timeZone: 'UTC' });
    assert.deepEqual(codes(f), ['0:date.invalid:error']);
  });

  it('computes due status bands', () => {
    const z = { date: '2026-11-23', minutes: 600 };
    assert.deepEqual(dueStatus({ date: '2026-11-20' }, z, 3), { band: 'overdue', days: -3 });
    assert.deepEqual(dueStatus({ date: '2026-11-23' }, z, 3), { band: 'today', days: 0 });
    assert.deepEqual(dueStatus({ date: '2026-11-23', time: '09:00' }, z, 3), { band: 'overdue', days: 0 });
    assert.deepEqual(dueStatus({ date: '2026-11-26' }, z, 3), { band: 'soon', days: 3 });
    assert.deepEqual(dueStatus({ date: '2026-11-27' }, z, 3), { band: 'later', days: 4 });
    assert.equal(dueStatus({}, z, 3), undefined);
  });
});

describe('compactLog', () => {
  it('keeps the open items, their entries, one tag per name, and the findings', () => {
    const l = parse(
      [
        '---',
        'client: Acme',
        'contacts: [{ name: Ivan Petrov, handle: ivan }]',
        '---',
        '## 2026-11-01 Old',
        'PROMISE 2026-11-02 Done #a | kept 2026-11-02',
        '## 2026-11-03 Call',
        'URGENT do it now',
        'PROMISE 2026-11-05 Send the pack to @ivan and @maria #a #b',
        'REFUSAL',
        '  Request: x',
      ].join('\n'),
    );
    const c = compactLog(l);
    assert.equal(c.compact, true);
    assert.deepEqual(
      c.items.map((i) => i.line),
      [8],
    );
    assert.equal(c.entries[1].title, 'Call');
    assert.equal(c.entries[0].line, -1, 'an entry with no open item is a placeholder');
    assert.deepEqual(
      c.tags.map((t) => t.tag),
      ['a', 'b'],
    );
    assert.deepEqual([c.notes.length, c.urgents.length, c.mentions.length], [0, 0, 0]);
    const now = new Date('2026-11-23T12:00:00Z');
    assert.deepEqual(analyze(c, { now, timeZone: 'UTC' }), analyze(l, { now, timeZone: 'UTC' }));
    assert.deepEqual(codes(analyze(c, { now, timeZone: 'UTC' })), [
      '7:urgent.untriaged:information',
      '8:promise.overdue:warning',
      '8:mention.unknown:warning',
      '9:refusal.noAlternative:warning',
    ]);
    assert.equal(compactLog(c), c, 'compacting twice changes nothing');
  });
});
