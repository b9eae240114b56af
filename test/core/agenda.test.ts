import * as assert from 'node:assert/strict';
import { agenda, dateGroup, logSource, type AgendaOptions } from '../../src/core/agenda';
import { analyze } from '../../src/core/analyze';
import { parse } from '../../src/core/parse';

// Monday 23 November 2026, 10:00 UTC.
const now = new Date('2026-11-23T10:00:00Z');
const base: AgendaOptions = { now, timeZone: 'UTC' };

const acme = parse(
  [
    '---',
    'client: Acme',
    'contacts:',
    '  - name: Ivan Petrov',
    '    handle: ivan',
    '    role: CFO',
    '---',
    'PROMISE 2026-11-25 Send the plan to @ivan', // 7: soon, 2 days
    'PROMISE 2026-11-20 Old one', // 8: overdue, 3 days
    'PROMISE 2026-11-23 17:00 Call back', // 9: today at 17:00
    'PROMISE 2026-11-23 09:00 Standup notes', // 10: overdue since 09:00
    'PROMISE 2026-11-23 Today, some time', // 11: today, no time
    'PROMISE 2026-12-10 Far away', // 12: later
    'PROMISE 2026-11-01 Done | kept 2026-11-01', // 13: closed
    'WAITING 2026-11-23 09:00 @ivan to send the figures', // 14: a wait due today (not late within the day)
    'WAITING 2026-11-20 Signed contract', // 15: late
    'SCOPE 2026-11-19 Add payroll', // 16: 4 days old: unconfirmed (3 days)
    'SCOPE 2026-11-22 Add reporting', // 17: 1 day old
  ].join('\n'),
);
const beta = parse(['---', 'client: Beta', '---', 'PROMISE 2026-11-20 Beta old', 'PROMISE 2026-11-25 Beta soon'].join('\n'));
const sources = () => [logSource(acme, 'file:///acme.clientlog', 'Acme'), logSource(beta, 'file:///beta.clientlog', 'Beta')];
const lines = (rows: readonly { item: { line: number }; source: { label: string } }[]) => rows.map((r) => `${r.source.label}:${r.item.line}`);

describe('agenda', () => {
  it('lists open, dated promises most urgent first: band, days, time, then client and line', () => {
    const a = agenda(sources(), { ...base, kinds: ['promise'] });
    assert.deepEqual(lines(a.rows), ['Acme:8', 'Beta:3', 'Acme:10', 'Acme:9', 'Acme:11', 'Acme:7', 'Beta:4', 'Acme:12']);
    assert.deepEqual(
      a.rows.map((r) => [r.band, r.days]),
      [
        ['overdue', -3],
        ['overdue', -3],
        ['overdue', 0],
        ['today', 0],
        ['today', 0],
        ['soon', 2],
        ['soon', 2],
        ['later', 17],
      ],
    );
    assert.equal(a.overdue, 3);
  });

  it('orders rows of logs in different zones by the instant they are due, not by their wall-clock times', () => {
    const london = parse(['---', 'client: London Co', 'timezone: Europe/London', '---', 'PROMISE 2026-11-23 14:30 Call London back'].join('\n'));
    const sofia = parse(['---', 'client: Sofia Co', 'timezone: Europe/Sofia', '---', 'PROMISE 2026-11-23 16:00 Call Sofia back'].join('\n'));
    const tokyo = parse(['---', 'client: Tokyo Co', 'timezone: Asia/Tokyo', '---', 'PROMISE 2026-11-23 23:30 Call Tokyo back'].join('\n'));
    const a = agenda(
      [
        logSource(london, 'file:///l.clientlog', 'London Co'),
        logSource(sofia, 'file:///s.clientlog', 'Sofia Co'),
        logSource(tokyo, 'file:///t.clientlog', 'Tokyo Co'),
      ],
      {
        ...base,
        now: new Date('2026-11-23T09:00:00Z'),
      },
    );
    // 14:30 UTC (Tokyo, 23:30 JST), 14:00 UTC (Sofia, 16:00 EET) and 14:30 UTC (London): Sofia is due first.
    assert.deepEqual(
      a.rows.map((r) => [r.source.label, r.band, new Date(r.at).toISOString()]),
      [
        ['Sofia Co', 'today', '2026-11-23T14:00:00.000Z'],
        ['London Co', 'today', '2026-11-23T14:30:00.000Z'],
        ['Tokyo Co', 'today', '2026-11-23T14:30:00.000Z'],
      ],
    );
  });

  it('reads waits and scope changes with their own rules, as the findings do', () => {
    const a = agenda(sources(), { ...base, kinds: ['waiting', 'scope'] });
    assert.deepEqual(lines(a.rows), ['Acme:15', 'Acme:16', 'Acme:14', 'Acme:17']);
    assert.deepEqual(
      a.rows.map((r) => [r.item.kind, r.band, r.days, r.age]),
      [
        ['waiting', 'overdue', -3, undefined],
        ['scope', 'overdue', -1, 4],
        ['waiting', 'today', 0, undefined],
        ['scope', 'soon', 2, 1],
      ],
    );
    // Exactly the rows the diagnostics call late.
    const late = analyze(acme, { now, timeZone: 'UTC' })
      .filter((f) => f.code === 'waiting.followUp' || f.code === 'scope.unconfirmed')
      .map((f) => f.range.start.line);
    assert.deepEqual(
      a.rows
        .filter((r) => r.band === 'overdue')
        .map((r) => r.item.line)
        .sort(),
      late.sort(),
    );
  });

  it('groups by client in order of each client’s most urgent row, with overdue counts', () => {
    const a = agenda(sources(), { ...base, kinds: ['promise'], groupBy: 'client' });
    assert.deepEqual(
      a.groups.map((g) => [g.key, g.label, g.rows.length, g.overdue]),
      [
        ['file:///acme.clientlog', 'Acme', 6, 2],
        ['file:///beta.clientlog', 'Beta', 2, 1],
      ],
    );
  });

  it('groups by date: overdue, today, the rest of the user’s week, later; empty groups are left out', () => {
    const a = agenda(sources(), { ...base, kinds: ['promise'], groupBy: 'date' });
    assert.deepEqual(
      a.groups.map((g) => [g.key, lines(g.rows)]),
      [
        ['overdue', ['Acme:8', 'Beta:3', 'Acme:10']],
        ['today', ['Acme:9', 'Acme:11']],
        ['week', ['Acme:7', 'Beta:4']],
        ['later', ['Acme:12']],
      ],
    );
    assert.deepEqual(
      agenda([logSource(beta, 'b', 'Beta')], { ...base, kinds: ['promise'], groupBy: 'date', filter: { overdueOnly: true } }).groups.map((g) => g.key),
      ['overdue'],
    );
    // The week ends on the user's Sunday: on Sunday 29 November, Monday 30 is "later".
    assert.equal(dateGroup({ band: 'soon', days: 1 }, '2026-11-29'), 'later');
    assert.equal(dateGroup({ band: 'soon', days: 6 }, '2026-11-23'), 'week');
    assert.equal(dateGroup({ band: 'later', days: 7 }, '2026-11-23'), 'later');
  });

  it('filters by text (item, client or contact), overdue only and one client; counts stay those of all rows', () => {
    const promises = { ...base, kinds: ['promise' as const] };
    assert.deepEqual(lines(agenda(sources(), { ...promises, filter: { text: 'PETROV' } }).groups.flatMap((g) => g.rows)), ['Acme:7']);
    assert.deepEqual(lines(agenda(sources(), { ...promises, filter: { text: 'beta' } }).groups.flatMap((g) => g.rows)), ['Beta:3', 'Beta:4']);
    const overdue = agenda(sources(), { ...promises, filter: { overdueOnly: true } });
    assert.deepEqual(lines(overdue.groups.flatMap((g) => g.rows)), ['Acme:8', 'Acme:10', 'Beta:3']);
    assert.equal(overdue.rows.length, 8);
    assert.equal(overdue.overdue, 3);
    const one = agenda(sources(), { ...promises, filter: { client: 'file:///beta.clientlog', text: 'soon' } });
    assert.deepEqual(lines(one.groups.flatMap((g) => g.rows)), ['Beta:4']);
  });

  it('shows each item with its first contact, and reads each log in its own zone', () => {
    const a = agenda(sources(), { ...base, kinds: ['promise'] });
    assert.equal(a.rows.find((r) => r.item.line === 7)?.contact, 'Ivan Petrov (CFO)');
    assert.equal(a.rows.find((r) => r.item.line === 8)?.contact, undefined);
    // 23:30 UTC on the 23rd is already the 24th in Tokyo: its promise due the 23rd is overdue, a UTC one is not.
    const tokyo = parse('---\nclient: T\ntimezone: Asia/Tokyo\n---\nPROMISE 2026-11-23 Ship\n');
    const utc = parse('---\nclient: U\n---\nPROMISE 2026-11-23 Ship\n');
    const late = agenda([logSource(tokyo, 't', 'T'), logSource(utc, 'u', 'U')], { now: new Date('2026-11-23T23:30:00Z'), timeZone: 'UTC' });
    assert.deepEqual(
      late.rows.map((r) => [r.source.label, r.band, r.timeZone]),
      [
        ['T', 'overdue', 'Asia/Tokyo'],
        ['U', 'today', 'UTC'],
      ],
    );
    // An unknown zone falls back to the user's.
    const odd = parse('---\nclient: X\ntimezone: Mars/Olympus\n---\nPROMISE 2026-11-23 Ship\n');
    assert.equal(agenda([logSource(odd, 'x', 'X')], { ...base, timeZone: 'Europe/Sofia' }).rows[0].timeZone, 'Europe/Sofia');
  });

  it('groups sources that share a group key (the command line groups by client name)', () => {
    const a = agenda(
      [
        { id: 'a.clientlog', group: 'Acme', label: 'Acme', items: [{ kind: 'promise' as const, line: 0, date: '2026-11-24', text: 'A' }] },
        { id: 'b.clientlog', group: 'Acme', label: 'Acme', items: [{ kind: 'promise' as const, line: 0, date: '2026-11-20', text: 'B' }] },
      ],
      base,
    );
    assert.deepEqual(
      a.groups.map((g) => [g.key, g.rows.map((r) => r.source.id)]),
      [['Acme', ['b.clientlog', 'a.clientlog']]],
    );
  });

  it('lists the clients gone quiet first (the Waiting on clients view), kept by "overdue only", counted as overdue', () => {
    const quietLog = parse(['---', 'client: Quiet Co', 'cadence: 7d', '---', '## 2026-11-01 Last call', 'WAITING 2026-11-30 Figures'].join('\n'));
    const all = [...sources(), logSource(quietLog, 'file:///quiet.clientlog', 'Quiet Co')];
    const waits = { ...base, kinds: ['waiting' as const, 'scope' as const], quiet: true };
    const a = agenda(all, { ...waits, groupBy: 'client' });
    assert.deepEqual(
      a.quiet.map((q) => [q.source.label, q.days, q.cadence, q.lastEntry, q.line]),
      [['Quiet Co', 22, 7, '2026-11-01', 1]],
    );
    assert.deepEqual(
      a.groups.map((g) => [g.label, g.quiet.length, g.rows.length, g.overdue]),
      [
        ['Quiet Co', 1, 1, 1],
        ['Acme', 0, 4, 2],
      ],
    );
    const byDate = agenda(all, { ...waits, groupBy: 'date', filter: { overdueOnly: true } });
    assert.deepEqual(
      byDate.groups.map((g) => [g.key, g.quiet.length, g.rows.length, g.overdue]),
      [['overdue', 1, 2, 3]],
    );
    assert.equal(agenda(all, { ...waits, filter: { text: 'acme' } }).groups.flatMap((g) => g.quiet).length, 0);
    assert.equal(agenda(all, { ...waits, filter: { client: 'file:///acme.clientlog' } }).groups.flatMap((g) => g.quiet).length, 0);
    // The default cadence applies to logs that set none; without `quiet`, no silence is listed.
    assert.deepEqual(agenda([logSource(beta, 'b', 'Beta')], { ...waits, cadenceDays: 7 }).quiet, []);
    assert.deepEqual(agenda(all, { ...base, kinds: ['promise'] }).quiet, []);
  });
});
