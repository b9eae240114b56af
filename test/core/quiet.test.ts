/** Issue 14: "client gone quiet" (`client.quiet`) and the front matter `cadence`. */
import * as assert from 'node:assert/strict';
import { analysisInput, analyze, analyzeInput, compactLog, stableSpan } from '../../src/core/analyze';
import { zonedInstant } from '../../src/core/dates';
import { parseCadence } from '../../src/core/frontMatter';
import { describeFinding, formatMessage } from '../../src/core/messages';
import { parse } from '../../src/core/parse';
import { newEntryEdit } from '../../src/core/quiet';
import { applyEdits, textSource } from '../../src/core/text';

const ACME = (cadence: string) => `---
client: Acme Logistics
timezone: Europe/Sofia
${cadence}contacts:
  - name: Ivan Petrov
    handle: ivan
---
## 2026-10-20 Call
PROMISE 2026-10-22 Send the pack | kept 2026-10-22
## 2026-11-01 Steering committee
Went well.
`;
const sofia = (date: string, minutes = 12 * 60) => zonedInstant(date, minutes, 'Europe/Sofia');
const quietOf = (text: string, now: Date, cadenceDays?: number) =>
  analyze(parse(text), { now, timeZone: 'UTC', cadenceDays }).filter((f) => f.code === 'client.quiet');

describe('client.quiet (issue 14)', () => {
  it('reads cadence as days, weeks, months of 30 days, a bare number of days, or off', () => {
    const cases: Array<[string, number | undefined]> = [
      ['14d', 14],
      ['2w', 14],
      ['1m', 30],
      ['3M', 90],
      ['10', 10],
      ['2 w', 14],
      ['off', 0],
      ['0', 0],
      ['0d', 0],
      ['weekly', undefined],
      ['-1', undefined],
      ['1y', undefined],
      ['', undefined],
      ['14 days', undefined],
      ['1.5w', undefined],
    ];
    for (const [text, days] of cases) assert.equal(parseCadence(text), days, text);
  });

  it('reads cadence from the front matter, in the quick reading and in the YAML one alike', () => {
    assert.equal(parse(ACME('cadence: 2w\n')).frontMatter?.cadence, 14);
    // A comment sends the front matter through the YAML parser.
    assert.equal(parse(ACME('cadence: 2w # every fortnight\n')).frontMatter?.cadence, 14);
    assert.equal(parse(ACME('cadence: 21\n')).frontMatter?.cadence, 21);
    assert.equal(parse(ACME('')).frontMatter?.cadence, undefined);
    assert.deepEqual(parse(ACME('cadence: 2w\n')).frontMatter?.clientRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
    for (const bad of ['cadence: weekly\n', 'cadence: weekly # typo\n']) {
      const p = parse(ACME(bad)).problems.filter((x) => x.code === 'frontMatter.value');
      assert.equal(p.length, 1, bad);
      assert.equal(p[0].range.start.line, 3);
      assert.equal(p[0].range.start.character, 9);
      assert.equal(
        describeFinding({ ...p[0], level: 'error' }, formatMessage, 'en'),
        '"weekly" is not a cadence: write a number of days, weeks or months, such as 14d, 2w or 1m (or off)',
      );
    }
    assert.equal(parse(ACME('cadence: 2w\n')).problems.filter((x) => x.code === 'frontMatter.unknownKey').length, 0);
  });

  it('warns on the client line once the latest entry is older than the cadence', () => {
    const text = ACME('cadence: 14d\n');
    assert.deepEqual(quietOf(text, sofia('2026-11-15')), []); // 14 days: not yet
    const [f] = quietOf(text, sofia('2026-11-20'));
    assert.equal(f.level, 'warning');
    assert.deepEqual(f.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
    assert.deepEqual(f.data, { client: 'Acme Logistics', line: 1, days: 19, cadence: 14, lastEntry: '2026-11-01' });
    assert.equal(describeFinding(f, formatMessage, 'en'), 'No entry for Acme Logistics in 19 days (you aim for every 14 days): check in');
  });

  it("rolls over at the log's midnight, not the user's", () => {
    const text = ACME('cadence: 14d\n');
    // 23:59 on 15 November in Sofia (21:59 UTC): 14 days; a minute later, the 16th there: 15 days.
    assert.deepEqual(quietOf(text, sofia('2026-11-15', 23 * 60 + 59)), []);
    assert.equal(quietOf(text, sofia('2026-11-16', 0)).length, 1);
    // The span in which check's cached output holds ends at that midnight.
    const input = analysisInput(parse(text));
    const span = stableSpan(input, { now: sofia('2026-11-15', 10 * 60), timeZone: 'UTC' });
    assert.equal(span.until, sofia('2026-11-16', 0).getTime());
    const at = (ms: number) => analyzeInput(input, { now: new Date(ms), timeZone: 'UTC', cadenceDays: 0 }).filter((f) => f.code === 'client.quiet').length;
    assert.deepEqual([at(span.from), at(span.until - 1), at(span.until)], [0, 0, 1]);
  });

  it('uses the default cadence when the front matter sets none; cadence off silences one client', () => {
    assert.equal(quietOf(ACME(''), sofia('2026-11-20'), 14).length, 1);
    assert.equal(quietOf(ACME(''), sofia('2026-11-20'), 0).length, 0);
    assert.equal(quietOf(ACME(''), sofia('2026-11-20')).length, 0);
    assert.equal(quietOf(ACME('cadence: off\n'), sofia('2026-11-20'), 14).length, 0);
    assert.equal(quietOf(ACME('cadence: 1m\n'), sofia('2026-11-20'), 7).length, 0);
  });

  it('goes on the first line without front matter, and says nothing for a log without dated entries', () => {
    const [f] = quietOf('## 2026-11-01 Call\nTalked.\n', new Date('2026-11-30T12:00:00Z'), 14);
    assert.deepEqual([f.range.start.line, f.data.client, f.data.days], [0, '', 29]);
    assert.deepEqual(quietOf('Just notes, no entries.\n', new Date('2026-11-30T12:00:00Z'), 14), []);
    // A dated entry ahead (a planned meeting) counts as the latest entry.
    assert.deepEqual(quietOf('## 2026-10-01 Call\n## 2026-12-05 Workshop\n', new Date('2026-11-30T12:00:00Z'), 14), []);
  });

  it('gives the same finding from the analysis input and the compact log', () => {
    for (const text of [ACME('cadence: 14d\n'), '## 2026-11-01 Call\nPROMISE 2026-11-02 x | kept 2026-11-02\n', 'x\n## 2026-11-01 Call\n']) {
      const o = { now: sofia('2026-11-25'), timeZone: 'UTC', cadenceDays: 7 };
      const log = parse(text);
      const full = analyze(log, o);
      assert.ok(
        full.some((f) => f.code === 'client.quiet'),
        text,
      );
      assert.deepEqual(analyzeInput(JSON.parse(JSON.stringify(analysisInput(log))), o), JSON.parse(JSON.stringify(full)));
      assert.deepEqual(analyze(compactLog(log), o), full);
    }
  });

  it('quick fix: a new entry under today’s heading, the cursor after it, nothing else written', () => {
    const text = ACME('cadence: 14d\n');
    const e = newEntryEdit(textSource(text), '2026-11-20');
    assert.ok(e.ok);
    const out = applyEdits(text, e.edits);
    assert.equal(out, `${text}\n## 2026-11-20 \n`);
    assert.deepEqual(e.cursor, { line: 13, character: 14 });
    // CRLF and no final line break: kept as they are.
    const crlf = '## 2026-11-01 Call\r\nTalked.';
    const c = newEntryEdit(textSource(crlf), '2026-11-20');
    assert.ok(c.ok);
    assert.equal(applyEdits(crlf, c.edits), '## 2026-11-01 Call\r\nTalked.\r\n\r\n## 2026-11-20 ');
    assert.deepEqual(c.cursor, { line: 3, character: 14 });
    // Today's entry exists: a new line at its end, under it.
    const today = '## 2026-11-20 Call\nFirst note.\n\n## 2026-11-21 Later\n';
    const t = newEntryEdit(textSource(today), '2026-11-20');
    assert.ok(t.ok);
    assert.equal(applyEdits(today, t.edits), '## 2026-11-20 Call\nFirst note.\n\n\n## 2026-11-21 Later\n');
    assert.deepEqual(t.cursor, { line: 2, character: 0 });
    // An empty file.
    const empty = newEntryEdit(textSource(''), '2026-11-20');
    assert.ok(empty.ok);
    assert.equal(applyEdits('', empty.edits), '## 2026-11-20 ');
    assert.equal(newEntryEdit(textSource(''), '2026-02-30').ok, false);
  });
});
