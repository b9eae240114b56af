import * as assert from 'node:assert/strict';
import { insertNote, markBroken, markDropped, markKept, markReceived, markScope, reschedule, trackedAt, type EditResult } from '../../src/core/edits';
import { parse } from '../../src/core/parse';
import { applyEdits, combineEdits, textSource } from '../../src/core/text';

function apply(text: string, r: EditResult): string {
  assert.ok(r.ok, `edit refused: ${!r.ok && r.reason}`);
  return applyEdits(text, r.edits);
}

/** Lines that differ between two texts, by index (the texts must have the same number of lines). */
function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  assert.equal(x.length, y.length);
  return x.map((l, i) => (l === y[i] ? -1 : i)).filter((i) => i >= 0);
}

const DOC = ['## 2026-11-03 Call', 'PROMISE 2026-11-05 Send the pack to @ivan', 'WAITING 2026-11-12 @ivan to reply', 'SCOPE 2026-11-04 Add payroll', ''].join(
  '\n',
);

describe('edit builders', () => {
  it('marks a promise kept by appending to its line only', () => {
    const out = apply(DOC, markKept(textSource(DOC), 1, '2026-11-23'));
    assert.deepEqual(changedLines(DOC, out), [1]);
    assert.equal(out.split('\n')[1], 'PROMISE 2026-11-05 Send the pack to @ivan | kept 2026-11-23');
    assert.equal(parse(out).items[0].state, 'kept');
  });

  it('preserves CRLF, a BOM and the other lines byte for byte', () => {
    const crlf = '\ufeff' + DOC.replace(/\n/g, '\r\n');
    const out = apply(crlf, markKept(textSource(crlf), 1, '2026-11-23'));
    assert.equal(out, '\ufeff' + DOC.replace('@ivan\n', '@ivan | kept 2026-11-23\n').replace(/\n/g, '\r\n'));
  });

  it('refuses when the line changed underneath, is gone, or is already closed', () => {
    const src = textSource(DOC);
    assert.deepEqual(markKept(src, 1, '2026-11-23', { lineText: 'PROMISE 2026-11-05 something else' }), { ok: false, reason: 'changed' });
    assert.deepEqual(markKept(src, 0, '2026-11-23'), { ok: false, reason: 'notFound' });
    assert.deepEqual(markKept(src, 99, '2026-11-23'), { ok: false, reason: 'notFound' });
    assert.deepEqual(markKept(src, 2, '2026-11-23'), { ok: false, reason: 'notFound' }, 'a WAITING line is not a promise');
    const kept = apply(DOC, markKept(src, 1, '2026-11-23'));
    assert.deepEqual(markKept(textSource(kept), 1, '2026-11-24'), { ok: false, reason: 'closed' }, 'applying twice is refused');
    assert.deepEqual(markKept(src, 1, '2026-02-30'), { ok: false, reason: 'invalidDate' });
  });

  it('reschedules, keeping the old date and who agreed', () => {
    const out = apply(DOC, reschedule(textSource(DOC), 1, { newDate: '2026-11-30', agreedBy: 'ivan', today: '2026-11-23' }));
    assert.deepEqual(changedLines(DOC, out), [1]);
    assert.equal(out.split('\n')[1], 'PROMISE 2026-11-30 Send the pack to @ivan | moved from 2026-11-05 by @ivan on 2026-11-23');
    const p = parse(out).items[0];
    assert.equal(p.date, '2026-11-30');
    assert.equal(p.state, 'open');
    assert.deepEqual([p.history[0].from, p.history[0].by, p.history[0].date], ['2026-11-05', 'ivan', '2026-11-23']);
  });

  it('reschedules with times and names with spaces', () => {
    const doc = 'PROMISE 2026-11-05 17:00 Call';
    const out = apply(doc, reschedule(textSource(doc), 0, { newDate: '2026-11-06', newTime: '9:30', agreedBy: 'Ivan Petrov', today: '2026-11-05' }));
    assert.equal(out, 'PROMISE 2026-11-06 09:30 Call | moved from 2026-11-05 17:00 by Ivan Petrov on 2026-11-05');
    const h = parse(out).items[0].history[0];
    assert.deepEqual([h.from, h.fromTime, h.by, h.date], ['2026-11-05', '17:00', 'Ivan Petrov', '2026-11-05']);
    assert.deepEqual(reschedule(textSource(doc), 0, { newDate: '2026-11-05', newTime: '17:00', today: '2026-11-05' }), { ok: false, reason: 'sameDate' });
  });

  it('drops and breaks promises with a reason and a pointer to the apology', () => {
    const dropped = apply(DOC, markDropped(textSource(DOC), 1, '2026-11-23', 'client cancelled\nthe launch | really'));
    assert.equal(dropped.split('\n')[1], 'PROMISE 2026-11-05 Send the pack to @ivan | dropped 2026-11-23 client cancelled the launch / really');
    assert.equal(parse(dropped).items[0].history[0].reason, 'client cancelled the launch / really');
    const broken = apply(DOC, markBroken(textSource(DOC), 1, '2026-11-23', '2026-11-23'));
    const h = parse(broken).items[0];
    assert.equal(h.state, 'broken');
    assert.equal(h.history[0].apology, '2026-11-23');
  });

  it('closes waits and scope changes', () => {
    const r = apply(DOC, markReceived(textSource(DOC), 2, '2026-11-20'));
    assert.equal(parse(r).items[1].state, 'received');
    const c = apply(DOC, markScope(textSource(DOC), 3, 'confirmed', '2026-11-20', 'ivan'));
    assert.equal(c.split('\n')[3], 'SCOPE 2026-11-04 Add payroll | confirmed 2026-11-20 by @ivan');
    assert.equal(parse(c).items[2].state, 'confirmed');
  });

  it("inserts a note under today's entry, after its last line", () => {
    const doc = ['## 2026-11-23 Call', 'Talked.', '', '## 2026-11-24 Later', 'x'].join('\r\n');
    const out = apply(doc, insertNote(textSource(doc), { today: '2026-11-23', entryTitle: 'Refusal', lines: ['REFUSAL x', '  Request: y'] }));
    assert.equal(out, ['## 2026-11-23 Call', 'Talked.', '', 'REFUSAL x', '  Request: y', '', '## 2026-11-24 Later', 'x'].join('\r\n'));
  });

  it("creates today's entry at the end when it is missing", () => {
    const doc = ['---', 'client: A', '---', '', '## 2026-11-20 Call', 'Talked.', '', ''].join('\n');
    const out = apply(doc, insertNote(textSource(doc), { today: '2026-11-23', entryTitle: 'Apology', lines: ['APOLOGY', '  Apology: sorry'] }));
    assert.equal(
      out,
      ['---', 'client: A', '---', '', '## 2026-11-20 Call', 'Talked.', '', '## 2026-11-23 Apology', 'APOLOGY', '  Apology: sorry', '', ''].join('\n'),
    );
    const parsed = parse(out);
    assert.equal(parsed.notes[0].entry, 1);
    const empty = apply('', insertNote(textSource(''), { today: '2026-11-23', entryTitle: 'Apology', lines: ['APOLOGY'] }));
    assert.equal(empty, '## 2026-11-23 Apology\nAPOLOGY\n');
    const noEol = apply('## 2026-11-20 a\nb', insertNote(textSource('## 2026-11-20 a\nb'), { today: '2026-11-23', entryTitle: 'T', lines: ['APOLOGY'] }));
    assert.equal(noEol, '## 2026-11-20 a\nb\n\n## 2026-11-23 T\nAPOLOGY\n');
  });
});

describe('combineEdits', () => {
  it('joins a history segment and a note inserted at the end of the same line, in order', () => {
    const doc = '## 2026-11-23 Call\nPROMISE 2026-11-20 Send it';
    const src = textSource(doc);
    const a = markBroken(src, 1, '2026-11-23', '2026-11-23');
    const b = insertNote(src, { today: '2026-11-23', entryTitle: 'Apology', lines: ['APOLOGY', '  Apology: sorry'] });
    assert.ok(a.ok && b.ok);
    const out = applyEdits(doc, combineEdits([...a.edits, ...b.edits]));
    assert.equal(out, '## 2026-11-23 Call\nPROMISE 2026-11-20 Send it | broken 2026-11-23 see APOLOGY 2026-11-23\n\nAPOLOGY\n  Apology: sorry');
    assert.throws(() =>
      combineEdits([
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, newText: '' },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, newText: '' },
      ]),
    );
  });
});

describe('edit builders read the document as the parser does', () => {
  it("does not take a front-matter line that looks like a heading for today's entry", () => {
    // In YAML, `## …` is a comment: the parser sees no entry there, so insertNote must not either.
    const doc = ['---', 'client: Acme', '## 2026-11-23 kickoff (a YAML comment)', '---', '', '## 2026-11-20 Call', 'Talked.', ''].join('\n');
    const out = apply(doc, insertNote(textSource(doc), { today: '2026-11-23', entryTitle: 'Apology', lines: ['APOLOGY', '  Apology: sorry'] }));
    assert.equal(
      out,
      [
        '---',
        'client: Acme',
        '## 2026-11-23 kickoff (a YAML comment)',
        '---',
        '',
        '## 2026-11-20 Call',
        'Talked.',
        '',
        '## 2026-11-23 Apology',
        'APOLOGY',
        '  Apology: sorry',
        '',
      ].join('\n'),
    );
    const parsed = parse(out);
    assert.equal(parsed.notes.length, 1);
    assert.equal(parsed.entries[parsed.notes[0].entry].date, '2026-11-23');
  });

  it("puts the note under today's entry as the parser reads its heading and its last line", () => {
    // "## 2026-11-23, Call" is today's entry for the parser (a comma after the date is punctuation).
    const doc = ['## 2026-11-23, Call', 'Talked.', '  // a comment is content too', '', '## 2026-11-24 Later', 'x'].join('\n');
    const out = apply(doc, insertNote(textSource(doc), { today: '2026-11-23', entryTitle: 'T', lines: ['APOLOGY', '  Apology: sorry'] }));
    assert.equal(
      out,
      ['## 2026-11-23, Call', 'Talked.', '  // a comment is content too', '', 'APOLOGY', '  Apology: sorry', '', '## 2026-11-24 Later', 'x'].join('\n'),
    );
  });

  it('finds the tracked item on a `PROMISE:` line, which the parser tracks', () => {
    const src = textSource(
      ['## 2026-11-03 Call', 'PROMISE: 2026-11-05 Send the pack', 'WAITING:', 'SCOPEx 2026-11-05', '\ufeffPROMISE 2026-11-05 x'].join('\n'),
    );
    assert.equal(parse('PROMISE: 2026-11-05 Send the pack').items.length, 1, 'the parser tracks the line');
    assert.equal(trackedAt(src, 1)?.kind, 'promise');
    assert.equal(trackedAt(src, 1)?.line, 1);
    assert.equal(trackedAt(src, 2)?.kind, 'waiting');
    assert.equal(trackedAt(src, 3), undefined, 'SCOPEx is no keyword');
    assert.equal(trackedAt(src, 4), undefined, 'a line starting with U+FEFF is no keyword line in a document');
    assert.equal(trackedAt(src, 0), undefined);
  });
});
