import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { documentText, lineAt, parseDocument, reanalyze, reparse, setChunkSize, type ParsedDocument, type TextChange } from '../../src/core/incremental';
import { parse } from '../../src/core/parse';
import { applyEdits, type Position } from '../../src/core/text';

const LINES = [
  '---',
  'client: Acme',
  'timezone: Europe/Sofia',
  'contacts:',
  '  - name: Ivan',
  '    handle: ivan',
  '...',
  '',
  '   ',
  '## 2026-11-03 Call with @ivan #kickoff',
  '## 2026-11-04 14:30 Steering',
  '## 2026-02-30 Bad date',
  '## Notes',
  '## 25.11.2026 Dotted',
  'PROMISE 2026-11-05 Send the pack to @ivan #proposal',
  'PROMISE 2026-11-05 17:00 Send | kept 2026-11-07',
  'PROMISE 2026-11-12 Draft | moved from 2026-11-05 by @ivan on 2026-11-04',
  'PROMISE 2026-11-10 Book | dropped 2026-11-09 cancelled',
  'PROMISE 2026-11-01 Fix | broken 2026-11-02 see APOLOGY 2026-11-02',
  'PROMISE Без дата за @мария',
  'PROMISE 2026-11-05 x | bogus 2026-11-01',
  'PROMISE 2026-11-06 Weekly status to @ivan | every week | kept 2026-11-06',
  'PROMISE 2026-11-13 Weekly status to @ivan | every week',
  'PROMISE 2026-11-30 Invoice | every month on the last day from done | moved from 2026-11-28 on 2026-11-20',
  'WAITING 2026-11-12 @ivan | every fortnight',
  'WAITING 2026-11-12 @petar to reply | received 2026-11-10',
  'SCOPE 2026-11-04 Add payroll | confirmed 2026-11-05 by @ivan',
  'URGENT request: soon',
  'URGENT something',
  'URGENT криза: всё сломалось',
  'APOLOGY late pack',
  'REFUSAL weekend',
  'ESCALATION export down',
  '  What happened: late @ivan',
  '  Apology: sorry',
  '    continued #tag',
  '  Alternative: Monday',
  '  Kind: crisis',
  '\tOwner: @maria',
  '// a comment @x',
  '  // indented comment',
  'Plain text with @ivan and #tag, e-mail a@b.c',
  'Текст на кирилица @иван',
];
const FRAGMENTS = [
  '',
  'x',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '#',
  '@',
  '## ',
  '## 2026-11-09 ',
  'PROMISE 2026-11-05 ',
  '  ',
  ' | kept 2026-11-06',
  ' | every week',
  ' | every 2 months on the 31st',
  '---',
  '\ufeff',
  'я',
  '2026-13-01',
];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

const textArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...BREAKS)), { minLength: 0, maxLength: 40 }), fc.constantFrom(...LINES))
  .map(([bom, body, last]) => (bom ? '\ufeff' : '') + body.map(([l, b]) => l + b).join('') + last);

const changeArb = (doc: ParsedDocument) =>
  fc
    .tuple(fc.nat(doc.log.lineCount - 1), fc.nat(200), fc.nat(3), fc.nat(200), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }))
    .map(([line, ch, extra, ch2, parts]): TextChange => {
      const start: Position = { line, character: Math.min(ch, lineAt(doc, line).length) };
      const endLine = Math.min(doc.log.lineCount - 1, line + (extra === 3 ? 0 : extra));
      let end: Position = { line: endLine, character: Math.min(ch2, lineAt(doc, endLine).length) };
      if (end.line === start.line && end.character < start.character) end = start;
      return { range: { start, end }, text: parts.join('') };
    });

const OPTIONS = { now: new Date('2026-11-06T12:00:00Z'), timeZone: 'Europe/Sofia', cadenceDays: 10 };

function check(text: string, changes: readonly TextChange[]) {
  let doc = parseDocument(text, { fileName: 'x.clientlog' });
  let findings = analyze(doc.log, OPTIONS);
  let current = text;
  assert.deepEqual(doc.log, parse(current, { fileName: 'x.clientlog' }));
  for (const c of changes) {
    doc = reparse(doc, c);
    findings = reanalyze(doc, findings, OPTIONS);
    current = applyEdits(current, [{ range: c.range, newText: c.text }]);
    assert.equal(documentText(doc), current);
    const full = parse(current, { fileName: 'x.clientlog' });
    assert.deepEqual(doc.log, full);
    assert.deepEqual(findings, analyze(full, OPTIONS));
  }
}

describe('incremental reparse', () => {
  let chunk = 0;
  beforeEach(() => (chunk = setChunkSize(3)));
  afterEach(() => setChunkSize(chunk));

  it('equals a full parse after any edit (property)', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => {
          const doc = parseDocument(t);
          return fc.tuple(fc.constant(t), changeArb(doc));
        }),
        ([text, change]) => check(text, [change]),
      ),
      { numRuns: 3000 },
    );
  });

  it('equals a full parse after a sequence of edits (property)', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3), fc.nat(), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 })), { maxLength: 8 }),
        (text, raw) => {
          let doc = parseDocument(text);
          let findings = analyze(doc.log, OPTIONS);
          let current = text;
          for (const [l, c1, extra, c2, parts] of raw) {
            const line = l % doc.log.lineCount;
            const start = { line, character: c1 % (lineAt(doc, line).length + 1) };
            const endLine = Math.min(doc.log.lineCount - 1, line + (extra === 3 ? 0 : extra));
            let end = { line: endLine, character: c2 % (lineAt(doc, endLine).length + 1) };
            if (end.line === start.line && end.character < start.character) end = start;
            const change = { range: { start, end }, text: parts.join('') };
            doc = reparse(doc, change);
            findings = reanalyze(doc, findings, OPTIONS);
            current = applyEdits(current, [{ range: change.range, newText: change.text }]);
            const full = parse(current);
            assert.deepEqual(doc.log, full);
            assert.deepEqual(findings, analyze(full, OPTIONS));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('re-parses only the slice around a one-character edit', () => {
    const text = ['## 2026-11-01 a', 'PROMISE 2026-11-02 x', '', '## 2026-11-03 b', 'PROMISE 2026-11-04 y', '', '## 2026-11-05 c', 'z'].join('\n');
    const doc = reparse(parseDocument(text), { range: { start: { line: 4, character: 20 }, end: { line: 4, character: 20 } }, text: 'q' });
    assert.deepEqual(doc.edit, { from: 3, oldTo: 6, newTo: 6, delta: 0 });
    assert.equal(reparse(doc, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }).edit, undefined);
  });

  it('handles the examples: typing a character, a new line, a new entry', () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.clientlog'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const doc = parseDocument(text);
      const n = doc.log.lineCount;
      const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
      check(text, [
        { range: at(n - 5, 3), text: 'x' },
        { range: at(n - 10, 0), text: '## 2026-12-01 New entry\nPROMISE 2026-12-02 Call @nobody\n' },
        { range: { start: { line: n - 20, character: 0 }, end: { line: n - 15, character: 2 } }, text: '' },
        { range: at(25, 0), text: 'URGENT\n' },
      ]);
    }
  });
});
