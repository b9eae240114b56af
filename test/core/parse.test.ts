import * as assert from 'node:assert/strict';
import { parse } from '../../src/core/parse';

const SAMPLE = [
  '---',
  'client: Acme Logistics',
  'language: bg',
  'timezone: Europe/Sofia',
  'contacts:',
  '  - name: Ivan Petrov',
  '    handle: ivan',
  '    role: CFO',
  '    email: ivan@acme.example',
  'notes: Prefers calls.',
  '---',
  '',
  '## 2026-11-03 Call with @ivan about process simplification',
  'Ivan wants three projects started "immediately". Mail ivan@acme.example #ops',
  'URGENT request: "start tomorrow", but nothing breaks if it waits.',
  'PROMISE 2026-11-05 Send the pack to @ivan #proposal',
  'PROMISE 2026-11-12 17:30 Draft the plan | moved from 2026-11-05 by @ivan on 2026-11-04 | kept 2026-11-12',
  'PROMISE 2026-11-10 Book the room | dropped 2026-11-09 workshop cancelled',
  'PROMISE 2026-11-01 Fix the totals | broken 2026-11-02 see APOLOGY 2026-11-02',
  'WAITING 2026-11-12 @ivan to name the next steps',
  'SCOPE 2026-11-04 Add payroll review | confirmed 2026-11-06 by @ivan',
  '// a comment with @nobody',
  '',
  '## 2026-11-02 Apology',
  'APOLOGY late totals',
  '  What happened: The totals were wrong;',
  '    a formula was off.',
  '  Apology: Sorry.',
  '  Fix: Corrected by 2026-11-03.',
  'after the block',
  '',
].join('\n');

describe('parse', () => {
  const log = parse(SAMPLE, { fileName: '/w/acme.clientlog' });

  it('reads the front matter profile', () => {
    const fm = log.frontMatter!;
    assert.equal(log.client, 'Acme Logistics');
    assert.equal(fm.language, 'bg');
    assert.equal(fm.timeZone, 'Europe/Sofia');
    assert.equal(fm.endLine, 10);
    assert.deepEqual(
      fm.contacts.map((c) => [c.name, c.handle, c.role, c.email]),
      [['Ivan Petrov', 'ivan', 'CFO', 'ivan@acme.example']],
    );
    assert.deepEqual(fm.contacts[0].handleRange, { start: { line: 6, character: 12 }, end: { line: 6, character: 16 } });
    assert.equal(fm.notes, 'Prefers calls.');
    assert.deepEqual(log.problems, []);
  });

  it('reads entries with their extent', () => {
    assert.deepEqual(
      log.entries.map((e) => [e.line, e.date, e.title, e.endLine, e.lastContentLine]),
      [
        [12, '2026-11-03', 'Call with @ivan about process simplification', 22, 21],
        [23, '2026-11-02', 'Apology', 30, 29],
      ],
    );
  });

  it('reads promises with their whole life', () => {
    const p = log.items.filter((i) => i.kind === 'promise');
    assert.deepEqual(
      p.map((i) => [i.line, i.date, i.time, i.state, i.closedOn]),
      [
        [15, '2026-11-05', undefined, 'open', undefined],
        [16, '2026-11-12', '17:30', 'kept', '2026-11-12'],
        [17, '2026-11-10', undefined, 'dropped', '2026-11-09'],
        [18, '2026-11-01', undefined, 'broken', '2026-11-02'],
      ],
    );
    assert.equal(p[0].text, 'Send the pack to @ivan #proposal');
    assert.deepEqual(p[0].handles, ['ivan']);
    assert.deepEqual(p[0].tags, ['proposal']);
    assert.deepEqual(p[0].dateRange, { start: { line: 15, character: 8 }, end: { line: 15, character: 18 } });
    assert.deepEqual(p[1].history[0], {
      verb: 'moved',
      range: { start: { line: 16, character: 42 }, end: { line: 16, character: 86 } },
      from: '2026-11-05',
      fromTime: undefined,
      by: 'ivan',
      date: '2026-11-04',
    });
    assert.equal(p[2].history[0].reason, 'workshop cancelled');
    assert.equal(p[3].history[0].apology, '2026-11-02');
    assert.equal(
      p.every((i) => i.entry === 0),
      true,
    );
  });

  it('reads waits, scope changes and urgency triage', () => {
    const w = log.items.find((i) => i.kind === 'waiting')!;
    assert.equal(w.date, '2026-11-12');
    assert.equal(w.state, 'open');
    const s = log.items.find((i) => i.kind === 'scope')!;
    assert.equal(s.state, 'confirmed');
    assert.equal(s.history[0].by, 'ivan');
    assert.deepEqual(
      log.urgents.map((u) => [u.line, u.triage]),
      [[14, 'request']],
    );
  });

  it('reads note blocks with labelled fields and continuation lines', () => {
    assert.equal(log.notes.length, 1);
    const n = log.notes[0];
    assert.equal(n.kind, 'apology');
    assert.equal(n.title, 'late totals');
    assert.equal(n.endLine, 28);
    assert.deepEqual(
      n.fields.map((f) => [f.key, f.value]),
      [
        ['what', 'The totals were wrong; a formula was off.'],
        ['apology', 'Sorry.'],
        ['fix', 'Corrected by 2026-11-03.'],
      ],
    );
    assert.equal(n.entry, 1);
  });

  it('finds mentions and tags, but not e-mail addresses, headings or comments', () => {
    assert.deepEqual(
      log.mentions.map((m) => m.handle),
      ['ivan', 'ivan', 'ivan', 'ivan', 'ivan'],
    );
    assert.deepEqual(
      log.tags.map((t) => t.tag),
      ['ops', 'proposal'],
    );
    assert.deepEqual(log.mentions[0].range, { start: { line: 12, character: 24 }, end: { line: 12, character: 29 } });
  });

  it('reads field labels in Bulgarian, Russian and Romanian', () => {
    const l = parse(
      [
        'REFUSAL',
        '  Искане: работа през уикенда',
        '  Алтернатива: понеделник',
        'ESCALATION',
        '  Тип: кризис',
        '  Что сломается: зарплата',
        'APOLOGY',
        '  Ce s-a întâmplat: întârziere',
        '  Compensație: o zi gratuită',
      ].join('\n'),
    );
    assert.deepEqual(
      l.notes.map((n) => n.fields.map((f) => f.key)),
      [
        ['request', 'alternative'],
        ['kind', 'breaks'],
        ['what', 'makeup'],
      ],
    );
  });

  it('keeps positions right with CRLF, lone CR and a BOM', () => {
    const crlf = parse('\ufeff---\r\nclient: X\r\n---\r\nPROMISE 2026-11-05 a @b\r\n');
    assert.equal(crlf.bom, true);
    assert.equal(crlf.eol, '\r\n');
    assert.equal(crlf.client, 'X');
    assert.deepEqual(crlf.items[0].dateRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
    assert.equal(crlf.items[0].text, 'a @b');
    assert.equal(crlf.lineCount, 5);
    const lf = parse('---\nclient: X\n---\nPROMISE 2026-11-05 a @b\n');
    assert.deepEqual(lf.items, crlf.items);
  });

  it('names the client after the file when there is no front matter', () => {
    const l = parse('PROMISE 2026-11-05 x', { fileName: 'C:\\notes\\Balkan Foods.clientlog' });
    assert.equal(l.client, 'Balkan Foods');
    assert.equal(l.frontMatter, undefined);
  });

  it('reports bad dates as findings with exact ranges', () => {
    const l = parse(['PROMISE 2026-02-30 a', 'PROMISE 25.11.2026 b', 'WAITING soon c', 'PROMISE 2026-11-05 25:00 d', '## 03/04/2026 meeting'].join('\n'));
    assert.deepEqual(
      l.problems.map((p) => [p.code, p.range.start.line, p.range.start.character, p.range.end.character, p.data.suggestion]),
      [
        ['date.invalid', 0, 8, 18, undefined],
        ['date.format', 1, 8, 18, '2026-11-25'],
        ['date.missing', 2, 0, 7, undefined],
        ['date.invalid', 3, 19, 24, undefined],
        ['date.format', 4, 3, 13, undefined],
      ],
    );
    assert.equal(l.items[1].date, undefined);
    assert.equal(l.items[1].text, 'b');
  });

  it('reports YAML errors at their position in the file', () => {
    const l = parse(['---', 'client: Acme', 'contacts: [a, b', '---', 'PROMISE 2026-11-05 x'].join('\n'));
    const p = l.problems.find((x) => x.code === 'frontMatter.invalid')!;
    assert.ok(p, 'a YAML error is reported');
    assert.ok(p.range.start.line >= 2 && p.range.start.line <= 3, `line ${p.range.start.line}`);
    assert.equal(l.items.length, 1, 'the body is still read');
  });

  it('reads front matter as YAML 1.2 core, without the YAML 1.1 types, whatever a %YAML directive says', () => {
    // `yes` is text in YAML 1.2 (1.1 made it a boolean); !!binary and !!timestamp are 1.1 types, read as written.
    const l = parse(['---', '%YAML 1.1', '--- {client: yes, notes: !!binary aGVsbG8=, cadence: !!timestamp 14d}', '---', 'PROMISE 2026-11-05 x'].join('\n'));
    assert.equal(l.frontMatter?.client, 'yes');
    assert.equal(l.frontMatter?.notes, 'aGVsbG8=');
    assert.equal(l.frontMatter?.cadence, 14);
    assert.deepEqual(l.problems, []);
  });

  it('reports front matter that never closes, and still reads the body', () => {
    const l = parse(['---', 'client: Acme', 'PROMISE 2026-11-05 x'].join('\n'));
    assert.deepEqual(
      l.problems.map((p) => [p.code, p.data.reason]),
      [['frontMatter.invalid', 'unclosed']],
    );
    assert.equal(l.items.length, 1);
  });

  it('reports bad front matter values', () => {
    const l = parse(
      [
        '---',
        'client: Acme',
        'language: de',
        'timezone: Mars/Base',
        'contacts:',
        '  - role: CFO',
        '  - name: A',
        '    handle: "a b"',
        'colour: red',
        '---',
      ].join('\n'),
    );
    assert.deepEqual(
      l.problems.map((p) => [p.code, p.data.expected ?? p.data.value ?? p.data.key, p.range.start.line]),
      [
        ['frontMatter.language', 'de', 2],
        ['frontMatter.value', 'timeZone', 3],
        ['frontMatter.value', 'contactName', 5],
        ['frontMatter.value', 'handle', 7],
        ['frontMatter.unknownKey', 'colour', 8],
      ],
    );
  });

  it('reports history it does not understand', () => {
    const l = parse('PROMISE 2026-11-05 x | finished 2026-11-06 | received 2026-11-06 | kept');
    assert.deepEqual(
      l.problems.map((p) => [p.code, p.data.why]),
      [
        ['history.invalid', 'verb'],
        ['history.invalid', 'verbForKind'],
        ['history.invalid', 'date'],
      ],
    );
    assert.equal(l.items[0].state, 'open');
  });

  it('handles Unicode text, handles and tags', () => {
    const l = parse('PROMISE 2026-11-05 Изпращане на офертата до @иван 🙂 #оферта ș ț');
    assert.deepEqual(l.items[0].handles, ['иван']);
    assert.deepEqual(l.items[0].tags, ['оферта']);
  });

  it('does not take a heading without a date for an entry', () => {
    const l = parse('## Notes\nPROMISE 2026-11-05 x');
    assert.equal(l.entries.length, 0);
    assert.equal(l.items[0].entry, -1);
  });

  it('ends note blocks and dates where their lines end: an empty line, a blank one, the end of the text', () => {
    // The parser looks at no character past a line's end (an empty line's first, the one after a date that ends
    // its line): these are the places where it stops.
    const text = [
      'APOLOGY one',
      '  Fix: a',
      '',
      'REFUSAL two',
      '  Reason: budget',
      '   \t',
      'after the blocks @ivan #tag',
      'PROMISE 2026-11-05 x | kept 2026-11-06',
      'PROMISE 2026-11-05 y | kept 2026-11-06,;',
      'WAITING 2026-11-07',
      '#',
      '@',
      'ESCALATION three',
      '  Kind: crisis',
    ].join('\n');
    const l = parse(text);
    assert.deepEqual(
      l.notes.map((n) => [n.kind, n.line, n.endLine, n.fields.map((f) => [f.label, f.value])]),
      [
        ['apology', 0, 1, [['Fix', 'a']]],
        ['refusal', 3, 4, [['Reason', 'budget']]],
        ['escalation', 12, 13, [['Kind', 'crisis']]],
      ],
    );
    assert.deepEqual(
      l.items.map((i) => [i.kind, i.date, i.text, i.state, i.closedOn, i.history.map((h) => [h.verb, h.date, h.range.end.character])]),
      [
        ['promise', '2026-11-05', 'x', 'kept', '2026-11-06', [['kept', '2026-11-06', 38]]],
        ['promise', '2026-11-05', 'y', 'kept', '2026-11-06', [['kept', '2026-11-06', 40]]],
        ['waiting', '2026-11-07', '', 'open', undefined, []],
      ],
    );
    assert.deepEqual(
      l.mentions.map((m) => [m.handle, m.range.start.line, m.range.start.character]),
      [['ivan', 6, 17]],
    );
    assert.deepEqual(
      l.tags.map((t) => [t.tag, t.range.start.line, t.range.start.character]),
      [['tag', 6, 23]],
    );
    assert.deepEqual(
      l.problems.map((p) => p.code),
      [],
    );
    assert.equal(l.lineCount, 14);
  });
});
