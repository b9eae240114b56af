import * as assert from 'node:assert/strict';
import {
  addMonths,
  contextAt,
  dateSuggestions,
  deadlineInstant,
  endOfMonth,
  endOfWeek,
  foldingRanges,
  fuzzyMatch,
  handleAt,
  handleOccurrences,
  hoverInfo,
  keywordSuggestions,
  nextWeekday,
  openPromises,
  outline,
  overdueDateRanges,
  renameHandle,
  tagCounts,
  workspaceSymbols,
  type ContactHover,
  type ItemHover,
} from '../../src/core';
import { parse } from '../../src/core/parse';
import { applyEdits, textSource } from '../../src/core/text';

const LINES = [
  '---', // 0
  'client: Acme Logistics', // 1
  'timezone: Europe/Sofia', // 2
  'language: bg', // 3
  'contacts:', // 4
  '  - name: Ivan Petrov', // 5
  '    handle: ivan', // 6
  '    role: CFO', // 7
  '    email: ivan.petrov@acme.example', // 8
  '  - name: Maria Ilieva', // 9
  '    handle: "@maria"', // 10
  '---', // 11
  '', // 12
  '## 2026-11-03 Call with @ivan about process simplification', // 13
  'Ivan wants three projects started #proposal', // 14
  'URGENT request: "start tomorrow"', // 15
  'PROMISE 2026-11-05 Send the pack to @ivan #proposal', // 16
  'PROMISE 2026-11-30 17:00 Draft the plan | moved from 2026-11-20 by @ivan on 2026-11-19', // 17
  'PROMISE 2026-11-05 Fix totals | kept 2026-11-07', // 18
  'WAITING 2026-11-12 @ivan to name next steps', // 19
  '', // 20
  '## 2026-11-10 Apology', // 21
  'APOLOGY late pack', // 22
  '  What happened: late, told @Ivan', // 23
  '  Apology: sorry', // 24
  '', // 25
  'SCOPE 2026-11-04 Add payroll | confirmed 2026-11-05 by @maria', // 26
  '', // 27
];
const TEXT = LINES.join('\n');
const log = parse(TEXT, { fileName: 'acme.clientlog' });
const src = textSource(TEXT);
const len = (l: number) => LINES[l]?.length ?? 0;
const pos = (line: number, character: number) => ({ line, character });

describe('editor: outline', () => {
  const o = outline(log, len);

  it('starts with the client and its contacts', () => {
    assert.equal(o[0].kind, 'client');
    assert.equal(o[0].name, 'Acme Logistics');
    assert.deepEqual(o[0].range.start, pos(0, 0));
    assert.deepEqual(o[0].range.end.line, 11);
    assert.deepEqual(
      o[0].children.map((c) => [c.name, c.handle, c.role]),
      [
        ['Ivan Petrov', 'ivan', 'CFO'],
        ['Maria Ilieva', 'maria', undefined],
      ],
    );
  });

  it('lists entries with their items, urgent lines and notes, in order, with states', () => {
    assert.deepEqual(
      o.slice(1).map((n) => [n.kind, n.name]),
      [
        ['entry', '2026-11-03 Call with @ivan about process simplification'],
        ['entry', '2026-11-10 Apology'],
      ],
    );
    const first = o[1];
    assert.deepEqual(first.range, { start: pos(13, 0), end: pos(20, 0) });
    assert.deepEqual(
      first.children.map((c) => [c.kind, c.state ?? c.triage ?? '']),
      [
        ['urgent', 'request'],
        ['promise', 'open'],
        ['promise', 'open'],
        ['promise', 'kept'],
        ['waiting', 'open'],
      ],
    );
    assert.equal(first.children[1].name, 'Send the pack to @ivan #proposal');
    assert.equal(first.children[1].date, '2026-11-05');
    const second = o[2];
    assert.deepEqual(
      second.children.map((c) => [c.kind, c.name, c.state]),
      [
        ['apology', 'late pack', undefined],
        ['scope', 'Add payroll', 'confirmed'],
      ],
    );
    assert.deepEqual(second.children[0].range, { start: pos(22, 0), end: pos(24, len(24)) });
  });

  it('keeps every selection range and child inside its parent', () => {
    const within = (outer: { start: { line: number; character: number }; end: { line: number; character: number } }, inner: typeof outer) =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (nodes: typeof o) => {
      for (const n of nodes) {
        assert.ok(within(n.range, n.selectionRange), n.name);
        for (const c of n.children) assert.ok(within(n.range, c.range), `${n.name} > ${c.name}`);
        check(n.children);
      }
    };
    check(o);
  });

  it('puts items before the first entry at the top level, and works without front matter', () => {
    const l = parse('PROMISE 2026-11-05 Loose one\n\n## 2026-11-06 Call\nWAITING 2026-11-07 Answer\n', { fileName: 'x.clientlog' });
    const lines = 'PROMISE 2026-11-05 Loose one\n\n## 2026-11-06 Call\nWAITING 2026-11-07 Answer\n'.split('\n');
    const out = outline(l, (i) => lines[i]?.length ?? 0);
    assert.deepEqual(
      out.map((n) => [n.kind, n.name]),
      [
        ['promise', 'Loose one'],
        ['entry', '2026-11-06 Call'],
      ],
    );
    assert.equal(out[1].children[0].kind, 'waiting');
  });
});

describe('editor: folding', () => {
  it('folds the front matter, entries to their last content line, and note blocks', () => {
    assert.deepEqual(foldingRanges(log), [
      { start: 0, end: 11, kind: 'frontMatter' },
      { start: 13, end: 19, kind: 'entry' },
      { start: 21, end: 26, kind: 'entry' },
      { start: 22, end: 24, kind: 'note' },
    ]);
  });

  it('does not fold a heading without content', () => {
    assert.deepEqual(foldingRanges(parse('## 2026-11-03 Empty\n\n## 2026-11-04 Next\nText')), [{ start: 2, end: 3, kind: 'entry' }]);
  });
});

describe('editor: date suggestions', () => {
  it('computes next weekdays strictly after today', () => {
    // 2026-11-23 is a Monday.
    assert.equal(nextWeekday('2026-11-23', 0), '2026-11-30');
    assert.equal(nextWeekday('2026-11-23', 1), '2026-11-24');
    assert.equal(nextWeekday('2026-11-28', 4), '2026-12-04');
  });

  it('ends the week on Friday (the coming one at the weekend) and the month on its last day', () => {
    assert.equal(endOfWeek('2026-11-23'), '2026-11-27');
    assert.equal(endOfWeek('2026-11-27'), '2026-11-27');
    assert.equal(endOfWeek('2026-11-29'), '2026-12-04');
    assert.equal(endOfMonth('2026-11-23'), '2026-11-30');
    assert.equal(endOfMonth('2028-02-03'), '2028-02-29');
    assert.equal(endOfMonth('2026-12-31'), '2026-12-31');
  });

  it('adds months, clamping to the end of the month and crossing years', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-11-23', 14), '2028-01-23');
  });

  it('offers today, tomorrow, next weekdays, end of week/month, +1w, +2w, +1m', () => {
    assert.deepEqual(
      dateSuggestions('2026-11-23').map((s) => [s.key, s.date]),
      [
        ['today', '2026-11-23'],
        ['tomorrow', '2026-11-24'],
        ['nextMonday', '2026-11-30'],
        ['nextTuesday', '2026-11-24'],
        ['nextWednesday', '2026-11-25'],
        ['nextThursday', '2026-11-26'],
        ['nextFriday', '2026-11-27'],
        ['endOfWeek', '2026-11-27'],
        ['endOfMonth', '2026-11-30'],
        ['plus1w', '2026-11-30'],
        ['plus2w', '2026-12-07'],
        ['plus1m', '2026-12-23'],
      ],
    );
    assert.equal(dateSuggestions('2026-12-31').find((s) => s.key === 'tomorrow')?.date, '2027-01-01');
  });
});

describe('editor: completion context', () => {
  const at = (line: number, text: string, ch = text.length) => contextAt(log, text, pos(line, ch));

  it('offers contacts after @ and tags after #, replacing the typed word', () => {
    assert.deepEqual(at(14, 'Told @iv'), { kind: 'mention', prefix: 'iv', range: { start: pos(14, 6), end: pos(14, 8) } });
    assert.deepEqual(at(14, 'Told @ and more', 6), { kind: 'mention', prefix: '', range: { start: pos(14, 6), end: pos(14, 6) } });
    assert.deepEqual(at(14, 'Told (@ivan) x', 8), { kind: 'mention', prefix: 'i', range: { start: pos(14, 7), end: pos(14, 11) } });
    assert.equal(at(14, 'mail me at ivan@acme'), undefined);
    assert.deepEqual(at(14, 'See #prop'), { kind: 'tag', prefix: 'prop', range: { start: pos(14, 5), end: pos(14, 9) } });
    assert.deepEqual(at(14, '#pro'), { kind: 'tag', prefix: 'pro', range: { start: pos(14, 1), end: pos(14, 4) } });
  });

  it('offers keywords at the start of a line', () => {
    assert.equal(at(14, '')?.kind, 'keyword');
    assert.deepEqual(at(14, 'PRO'), { kind: 'keyword', prefix: 'PRO', range: { start: pos(14, 0), end: pos(14, 3) } });
    assert.equal(at(14, '##')?.kind, 'keyword');
    assert.equal(at(14, 'Ivan'), undefined);
    assert.equal(at(14, '  Fix'), undefined);
  });

  it('offers dates after PROMISE, WAITING, SCOPE and ## and in history segments', () => {
    assert.deepEqual(at(16, 'PROMISE '), { kind: 'date', prefix: '', range: { start: pos(16, 8), end: pos(16, 8) } });
    assert.deepEqual(at(16, 'PROMISE 2026-1 Send', 14), { kind: 'date', prefix: '2026-1', range: { start: pos(16, 8), end: pos(16, 14) } });
    assert.equal(at(16, 'WAITING ')?.kind, 'date');
    assert.equal(at(16, 'SCOPE +1')?.kind, 'date');
    assert.equal(at(16, '## ')?.kind, 'date');
    assert.equal(at(16, 'PROMISE 2026-11-05 Send | kept ')?.kind, 'date');
    assert.equal(at(16, 'PROMISE 2026-11-05 Send | moved from ')?.kind, 'date');
    assert.equal(at(16, 'PROMISE 2026-11-05 Send | moved from 2026-11-01 by @ivan on ')?.kind, 'date');
    assert.equal(at(16, 'PROMISE 2026-11-05 Send | broken 2026-11-06 see APOLOGY ')?.kind, 'date');
    assert.equal(at(16, 'WAITING 2026-11-05 Data | received 2026')?.kind, 'date');
    assert.equal(at(16, 'PROMISE 2026-11-05 Send the ')?.kind, undefined);
    assert.equal(at(16, 'Notes | kept '), undefined);
  });

  it('offers time zones and languages in the front matter, and nothing else there', () => {
    assert.deepEqual(at(2, 'timezone: Eur'), { kind: 'timezone', prefix: 'Eur', range: { start: pos(2, 10), end: pos(2, 13) } });
    assert.equal(at(2, 'timezone: ')?.kind, 'timezone');
    assert.deepEqual(at(3, 'language: b'), { kind: 'language', prefix: 'b', range: { start: pos(3, 10), end: pos(3, 11) } });
    assert.equal(at(1, 'client: @x'), undefined);
    assert.equal(at(4, ''), undefined);
    assert.equal(at(0, ''), undefined);
    assert.equal(at(11, ''), undefined);
  });

  it('offers nothing in comments', () => {
    assert.equal(at(14, '// note @iv'), undefined);
  });
});

describe('editor: keywords and tags', () => {
  it('offers every keyword, with note fields in the log language', () => {
    const k = keywordSuggestions('2026-11-23', 'bg');
    assert.deepEqual(
      k.map((x) => x.keyword),
      ['PROMISE', 'WAITING', 'SCOPE', 'URGENT', 'APOLOGY', 'REFUSAL', 'ESCALATION', '##'],
    );
    assert.ok(k[0].suggestDate);
    assert.match(k.find((x) => x.keyword === 'APOLOGY')!.snippet, /^APOLOGY \$\{1\}\n {2}Какво се случи: \$2\n/);
    assert.equal(k.find((x) => x.keyword === '##')!.snippet, '## ${1:2026-11-23} ${0}');
    assert.match(keywordSuggestions('2026-11-23', 'en').find((x) => x.keyword === 'REFUSAL')!.snippet, /Alternative: \$5/);
  });

  it('counts tags across logs, most used first', () => {
    const other = parse('Some #budget and #proposal and #budget');
    assert.deepEqual(tagCounts([log, other]), [
      { tag: 'proposal', count: 3 },
      { tag: 'budget', count: 2 },
    ]);
  });
});

describe('editor: handles', () => {
  it('finds the handle under the cursor in a mention, including on the @', () => {
    const h = handleAt(log, pos(16, 36), src);
    assert.equal(h?.handle, 'ivan');
    assert.equal(h?.declaration, false);
    assert.equal(h?.contact?.name, 'Ivan Petrov');
    assert.deepEqual(h?.range, { start: pos(16, 37), end: pos(16, 41) });
    assert.equal(handleAt(log, pos(16, 42), src), undefined);
  });

  it('finds the declaration in the front matter, without quotes or @', () => {
    const h = handleAt(log, pos(6, 14), src);
    assert.deepEqual([h?.handle, h?.declaration], ['ivan', true]);
    assert.deepEqual(h?.range, { start: pos(6, 12), end: pos(6, 16) });
    const m = handleAt(log, pos(10, 15), src);
    assert.equal(m?.handle, 'maria');
    assert.deepEqual(m?.range, { start: pos(10, 14), end: pos(10, 19) });
  });

  it('lists every occurrence, case-insensitively, declaration first', () => {
    const occ = handleOccurrences(log, 'IVAN', src);
    assert.deepEqual(
      occ.map((o) => [o.range.start.line, o.range.start.character, o.declaration]),
      [
        [6, 12, true],
        [13, 25, false],
        [16, 37, false],
        [17, 68, false],
        [19, 20, false],
        [23, 29, false],
      ],
    );
  });

  it('renames a handle in the front matter and every mention, and only there', () => {
    const r = renameHandle(log, pos(19, 21), '@jvan', src);
    assert.ok(r.ok);
    const out = applyEdits(TEXT, r.edits);
    assert.equal(out.split('\n')[6], '    handle: jvan');
    assert.equal(out.split('\n')[23], '  What happened: late, told @jvan');
    assert.equal(out.split('\n')[5], '  - name: Ivan Petrov');
    assert.equal(out.split('\n')[8], '    email: ivan.petrov@acme.example');
    assert.equal(out.replace(/jvan/g, 'ivan').replace(/@ivan, told/, ''), TEXT.replace(/@Ivan/, '@ivan'));
  });

  it('keeps quotes around a quoted handle when renaming', () => {
    const r = renameHandle(log, pos(26, 55), 'mia', src);
    assert.ok(r.ok);
    const out = applyEdits(TEXT, r.edits).split('\n');
    assert.equal(out[10], '    handle: "@mia"');
    assert.match(out[26], /by @mia$/);
  });

  it('refuses invalid names, names of other contacts, and positions off a handle', () => {
    assert.deepEqual(renameHandle(log, pos(16, 38), 'a b', src), { ok: false, reason: 'invalid' });
    assert.deepEqual(renameHandle(log, pos(16, 38), 'maria', src), { ok: false, reason: 'taken' });
    assert.deepEqual(renameHandle(log, pos(16, 2), 'x', src), { ok: false, reason: 'notHandle' });
    assert.ok(renameHandle(log, pos(16, 38), 'IVAN', src).ok);
  });
});

describe('editor: hover', () => {
  const now = new Date('2026-11-23T08:00:00Z'); // 10:00 in Sofia
  const opts = { now, userTimeZone: 'America/New_York' };

  it('describes an overdue promise with the deadline on the user clock', () => {
    const h = hoverInfo(log, pos(16, 2), opts, src) as ItemHover;
    assert.equal(h.type, 'item');
    assert.equal(h.state, 'overdue');
    assert.equal(h.timeZone, 'Europe/Sofia');
    assert.deepEqual(h.status, { band: 'overdue', days: -18 });
    // End of 5 November in Sofia (UTC+2) is 16:59 in New York (UTC-5).
    assert.deepEqual(h.userDeadline, { date: '2026-11-05', time: '16:59' });
    assert.deepEqual(h.people, ['Ivan Petrov']);
  });

  it('describes a rescheduled promise with a time and its history', () => {
    const h = hoverInfo(log, pos(17, 0), opts, src) as ItemHover;
    assert.equal(h.state, 'open');
    assert.deepEqual(h.status, { band: 'later', days: 7 });
    assert.deepEqual(h.userDeadline, { date: '2026-11-30', time: '10:00' });
    assert.deepEqual(h.moves, [{ from: '2026-11-20', fromTime: undefined, by: 'ivan', byName: 'Ivan Petrov', on: '2026-11-19' }]);
  });

  it('tells kept late from kept on time, and shows no user clock in the same zone', () => {
    const h = hoverInfo(log, pos(18, 0), { now, userTimeZone: 'Europe/Sofia' }, src) as ItemHover;
    assert.equal(h.state, 'keptLate');
    assert.equal(h.closedOn, '2026-11-07');
    assert.equal(h.userDeadline, undefined);
    assert.equal(h.status, undefined);
    const onTime = parse('PROMISE 2026-11-05 X | kept 2026-11-05');
    assert.equal((hoverInfo(onTime, pos(0, 0), opts) as ItemHover).state, 'keptOnTime');
    const broken = parse('PROMISE 2026-11-05 X | broken 2026-11-06 see APOLOGY 2026-11-06');
    const b = hoverInfo(broken, pos(0, 0), opts) as ItemHover;
    assert.deepEqual([b.state, b.apology], ['broken', '2026-11-06']);
    const dropped = parse('PROMISE 2026-11-05 X | dropped 2026-11-04 no longer needed');
    const d = hoverInfo(dropped, pos(0, 0), opts) as ItemHover;
    assert.deepEqual([d.state, d.reason], ['dropped', 'no longer needed']);
  });

  it('describes a contact when hovering a handle', () => {
    const h = hoverInfo(log, pos(19, 21), opts, src) as ContactHover;
    assert.equal(h.type, 'contact');
    assert.equal(h.contact?.email, 'ivan.petrov@acme.example');
    assert.equal(h.contact?.role, 'CFO');
    const unknown = hoverInfo(parse('Hi @nobody'), pos(0, 5), opts) as ContactHover;
    assert.deepEqual([unknown.handle, unknown.contact, unknown.hasContacts], ['nobody', undefined, false]);
  });

  it('returns nothing on plain text', () => {
    assert.equal(hoverInfo(log, pos(14, 2), opts, src), undefined);
  });

  it('computes deadlines across a DST change', () => {
    // 2026-03-29: Europe/Sofia moves to UTC+3 at 03:00; the end of the 28th is 22:00 UTC.
    assert.equal(deadlineInstant('2026-03-28', undefined, 'Europe/Sofia').toISOString(), '2026-03-28T22:00:00.000Z');
    assert.equal(deadlineInstant('2026-03-30', '09:00', 'Europe/Sofia').toISOString(), '2026-03-30T06:00:00.000Z');
  });
});

describe('editor: lenses and decorations', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it('lists open promises with where they stand', () => {
    assert.deepEqual(
      openPromises(log, now, 'UTC').map((l) => [l.item.line, l.status.band, l.status.days]),
      [
        [16, 'overdue', -18],
        [17, 'later', 7],
      ],
    );
  });

  it('marks the dates (and times) of overdue open promises only', () => {
    assert.deepEqual(overdueDateRanges(log, now, 'UTC'), [{ start: pos(16, 8), end: pos(16, 18) }]);
    const timed = parse('PROMISE 2026-11-23 09:00 Call back\nPROMISE 2026-11-23 Today\nWAITING 2026-11-01 Old');
    assert.deepEqual(overdueDateRanges(timed, now, 'Europe/Sofia'), [{ start: pos(0, 8), end: pos(0, 24) }]);
  });
});

describe('editor: workspace symbols', () => {
  it('matches clients and promises by name, fuzzily', () => {
    assert.ok(fuzzyMatch('acl', 'Acme Logistics'));
    assert.ok(!fuzzyMatch('xyz', 'Acme Logistics'));
    assert.deepEqual(
      workspaceSymbols(log, 'acme').map((s) => [s.kind, s.name]),
      [['client', 'Acme Logistics']],
    );
    assert.deepEqual(
      workspaceSymbols(log, 'draft').map((s) => [s.kind, s.name, s.client]),
      [['promise', 'Draft the plan', 'Acme Logistics']],
    );
    assert.equal(workspaceSymbols(log, '').length, 4);
  });
});
