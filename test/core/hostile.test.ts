/**
 * Issue 7, "nothing lost, nothing crashes": a hostile corpus. Small files are committed in
 * test/fixtures/hostile/ (see its README.md); large and deep inputs are generated here, at test time.
 *
 * Every input must parse and analyze without an exception and within mocha's timeout, give findings
 * with a message at a position inside the document, and let the edit builders work without losing a byte.
 * Times are compared with a baseline measured in the same run (never against a fixed budget): the
 * absolute numbers belong to the benchmark.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { markKept, reschedule } from '../../src/core/edits';
import type { ClientLog, FindingCode } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { applyEdits, textSource } from '../../src/core/text';
import { ENTRIES, examplesBody, manyEntries, repeatedFile, SINGLE_LINES } from '../fixtures/hostile/growth';
import { checkDocument, checkEdit, checkParsed, linesOf, NOW } from '../fixtures/hostile/harness';

const DIR = join(__dirname, '..', 'fixtures', 'hostile');
/** Bytes as an editor would show them: UTF-8, invalid sequences as U+FFFD, a BOM kept as U+FEFF. */
const decode = (buf: Uint8Array) => new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buf);
const fixture = (name: string) => decode(readFileSync(join(DIR, name)));
const codes = (fs: readonly { code: FindingCode }[]) => new Set(fs.map((f) => f.code));

/** Marks every open tracked line kept and reschedules it, checking that nothing else changes. */
function editEverything(text: string, log: ClientLog): number {
  let n = 0;
  for (const item of log.items) {
    const kind = item.kind;
    if (kind === 'promise') n += checkEdit(text, { kind: 'kept', today: '2026-11-23' }, item.line) === 'applied' ? 1 : 0;
    if (kind === 'waiting') n += checkEdit(text, { kind: 'received', today: '2026-11-23' }, item.line) === 'applied' ? 1 : 0;
    if (kind === 'scope') n += checkEdit(text, { kind: 'scope', verdict: 'confirmed', today: '2026-11-23', by: '@ivan' }, item.line) === 'applied' ? 1 : 0;
    if (kind !== 'scope')
      checkEdit(text, { kind: 'reschedule', today: '2026-11-23', newDate: '2026-12-01', newTime: '9:30', agreedBy: 'Иван Петров', on: kind }, item.line);
  }
  checkEdit(text, { kind: 'note', today: '2026-11-23', title: 'Apology', lines: ['APOLOGY hostile', '  Apology: sorry'] }, 0);
  return n;
}

describe('hostile inputs', function () {
  this.timeout(60_000);

  describe('committed fixtures', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.clientlog') || f.endsWith('.bin'));

    it('are all here', () => {
      assert.ok(files.length >= 11, files.join(', '));
    });

    for (const name of files) {
      it(`${name}: findings with messages inside the document, edits that lose nothing`, () => {
        const text = fixture(name);
        const { log } = checkDocument(text, name);
        editEverything(text, log);
      });
    }

    it('binary garbage: a parse, not an exception', () => {
      const { log } = checkDocument(fixture('binary-garbage.bin'));
      assert.ok(log.lineCount > 1);
      assert.ok(log.items.length >= 1, 'the PROMISE lines sprinkled in are still read');
    });

    it('invalid UTF-8 decodes to U+FFFD and the good parts are still read', () => {
      const text = fixture('invalid-utf8.clientlog');
      assert.ok(text.includes('\ufffd'));
      const { log, findings } = checkDocument(text);
      assert.equal(log.frontMatter?.client, 'Caf\ufffd Ren\ufffd');
      const send = log.items.find((i) => i.text.startsWith('Send the pack'));
      assert.equal(send?.date, '2026-11-05');
      assert.deepEqual(send?.handles, ['ivan']);
      assert.ok(
        codes(findings).has('date.missing') || codes(findings).has('date.format') || codes(findings).has('date.invalid'),
        'the date with a bad byte is reported',
      );
      const scope = log.items.find((i) => i.kind === 'scope');
      assert.equal(scope?.state, 'confirmed');
    });

    it('NUL bytes: never a keyword, a date or a time zone, and still text', () => {
      const { log, findings } = checkDocument(fixture('nul-bytes.clientlog'));
      assert.equal(log.client, 'Nul\u0000Corp');
      assert.equal(log.frontMatter?.timeZone, undefined);
      assert.ok(findings.some((f) => f.code === 'frontMatter.value' && f.data.expected === 'timeZone'));
      assert.equal(log.items.filter((i) => i.kind === 'promise').length, 2, 'PROM\\0ISE is not a promise');
      assert.equal(log.items[0].text, 'Send\u0000the pack');
    });

    it('a YAML alias bomb ("billion laughs") is never expanded', () => {
      const text = fixture('alias-bomb.clientlog');
      const { log, findings } = checkDocument(text);
      assert.equal(log.client, 'Bomb Corp');
      assert.ok(findings.some((f) => f.code === 'frontMatter.unknownKey' && f.data.key === 'bomb'));
      assert.ok(
        findings.some((f) => f.code === 'frontMatter.value' && f.data.key === 'contacts'),
        'an alias is not a list of contacts',
      );
      assert.equal(log.items.length, 1);
      // 9^9 strings expanded would take minutes and gigabytes: what the model holds stays the size of the file
      // (its time is one of npm run bench's hostile inputs).
      assert.ok(JSON.stringify({ frontMatter: log.frontMatter, findings }).length < 20 * text.length, 'nothing was expanded');
    });

    it('YAML tags run nothing and are read as plain values or reported', () => {
      const { log, findings } = checkDocument(fixture('yaml-tags.clientlog'));
      assert.equal(typeof log.client, 'string');
      assert.equal(log.frontMatter?.language, undefined);
      assert.ok(findings.length > 0);
      assert.equal(log.items.length, 1);
    });

    it('duplicate keys are a YAML error at their position', () => {
      const { log, findings } = checkDocument(fixture('duplicate-keys.clientlog'));
      const dup = findings.filter((f) => f.code === 'frontMatter.invalid' && f.data.yamlCode === 'DUPLICATE_KEY');
      assert.ok(dup.length >= 1);
      assert.equal(dup[0].range.start.line, 2, 'the second "client:"');
      assert.equal(log.items.length, 1, 'the body is still read');
    });

    it('impossible and far-off dates: errors for impossible ones, and the calendar holds from 0001 to 9999', () => {
      const text = fixture('dates.clientlog');
      const { log, findings } = checkDocument(text);
      const lines = linesOf(text);
      const invalid = new Set(findings.filter((f) => f.code === 'date.invalid').map((f) => String(f.data.text)));
      for (const d of [
        '0000-01-01',
        '2026-02-29',
        '2100-02-29',
        '2026-02-30',
        '2026-13-01',
        '2026-00-10',
        '24:00',
        '23:60',
        '99:99',
        '0000-12-31',
        '0000-00-00',
      ]) {
        assert.ok(invalid.has(d), `${d} is reported as invalid (got ${[...invalid].join(', ')})`);
      }
      const valid = log.items.map((i) => i.date).filter(Boolean);
      for (const d of ['0001-01-01', '9999-12-31', '2024-02-29', '2000-02-29']) assert.ok(valid.includes(d), `${d} is a real date`);
      // "## 10000-01-01" does not look like a date at all: a plain heading, not an entry.
      assert.deepEqual(
        log.entries.map((e) => e.date),
        [undefined, '0001-01-01', '9999-12-31'],
      );
      const format = findings.filter((f) => f.code === 'date.format').map((f) => [f.data.text, f.data.suggestion]);
      assert.deepEqual(format, [
        ['31/02/2026', undefined],
        ['29.02.2024', '2024-02-29'],
      ]);
      // Due in 9999 is "later" (no finding), due in 0001 is overdue by about 739,000 days, and says so.
      const overdue = findings.filter((f) => f.code === 'promise.overdue');
      assert.ok(overdue.some((f) => lines[f.range.start.line].text.includes('Ancient') && Number(f.data.days) > 700_000));
      assert.ok(!findings.some((f) => f.code.startsWith('promise.') && lines[f.range.start.line].text.includes('Last minute')));
      // At the last minute of 9999 nothing overflows.
      const end = analyze(log, { now: new Date(Date.UTC(9999, 11, 31, 23, 59)), timeZone: 'UTC' });
      assert.ok(end.some((f) => f.code === 'promise.dueToday' || f.code === 'promise.overdue'));
    });

    it('right-to-left text, emoji, mixed scripts, tabs and bidi controls keep exact positions', () => {
      const text = fixture('scripts.clientlog');
      const { log, findings } = checkDocument(text);
      assert.equal(log.bom, true);
      assert.equal(log.eol, '\r\n');
      assert.equal(log.client, 'שלום Ltd 🙂');
      const lines = linesOf(text);
      for (const m of log.mentions) {
        const l = lines[m.range.start.line].text;
        assert.equal(l.slice(m.range.start.character, m.range.end.character), `@${m.handle}`);
      }
      assert.ok(log.mentions.some((m) => m.handle === 'דוד'));
      assert.ok(log.mentions.some((m) => m.handle === 'ștefan'));
      assert.ok(log.tags.some((t) => t.tag === 'הצעה'));
      const tabbed = log.items.find((i) => i.text.startsWith('Tabbed'));
      assert.equal(tabbed?.state, 'kept');
      assert.equal(log.items.find((i) => i.kind === 'scope')?.state, 'confirmed');
      assert.equal(log.urgents[0]?.triage, 'crisis');
      // Every handle written matches its contact, in any script; only the made-up mathematical one does not.
      assert.deepEqual(
        findings.filter((f) => f.code === 'mention.unknown').map((f) => f.data.handle),
        ['\u{1d400}bc'],
      );
      assert.ok(!codes(findings).has('refusal.noAlternative'), 'the tab-indented Alternative: is read');
    });

    it('a front matter that never closes is reported, and the body is still read', () => {
      const { log, findings } = checkDocument(fixture('unclosed-front-matter.clientlog'));
      const f = findings.find((x) => x.code === 'frontMatter.invalid');
      assert.equal(f?.data.reason, 'unclosed');
      assert.deepEqual(f?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
      assert.equal(log.items.length, 2);
      assert.equal(log.entries.length, 1);
    });

    it('control characters and Unicode separators are text, not line breaks', () => {
      const text = fixture('control-chars.clientlog');
      const { log } = checkDocument(text);
      assert.equal(log.lineCount, 7);
      const dates = log.items.map((i) => i.date);
      assert.deepEqual(dates, ['2026-11-05', '2026-11-06'], 'a line starting with U+2028, U+FEFF or ESC is no PROMISE');
      assert.equal(log.items[1].state, 'kept');
      // The edit builders agree: a line starting with U+FEFF is not a promise to them either.
      assert.deepEqual(markKept(textSource(text), 3, '2026-11-23'), { ok: false, reason: 'notFound' });
      assert.deepEqual(reschedule(textSource(text), 3, { newDate: '2026-12-01', today: '2026-11-23' }), { ok: false, reason: 'notFound' });
    });

    it('a BOM and every kind of line break, mixed, are kept by an edit', () => {
      const text = fixture('mixed-eol-bom.clientlog');
      const { log } = checkDocument(text);
      assert.equal(log.items.length, 3);
      const r = markKept(textSource(text), log.items[1].line, '2026-11-23');
      assert.ok(r.ok);
      assert.equal(applyEdits(text, r.edits), text.replace('CR line\r', 'CR line | kept 2026-11-23\r'));
    });
  });

  describe('generated at test time', () => {
    const fm = (yaml: string) => `---\n${yaml}\n---\nPROMISE 2026-11-05 Still read\n`;
    /** One line each: cheap, so they run in alternation a few times (that is what once aborted the process). */
    const deepLines: Array<[string, () => string]> = [
      ['10,000 unclosed [', () => fm(`a: ${'['.repeat(10_000)}`)],
      ['10,000 [ then 10,000 ]', () => fm(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`)],
      ['10,000 {a: ', () => fm(`a: ${'{a: '.repeat(10_000)}${'}'.repeat(10_000)}`)],
      ['10,000 levels of "- " on one line', () => fm(`${'- '.repeat(10_000)}x`)],
      ['10,000 levels of "? " on one line', () => fm(`${'? '.repeat(10_000)}x`)],
      ['10,000 levels of "a: " on one line', () => fm(`${'a: '.repeat(10_000)}x`)],
    ];
    /** Levels of indentation need ever longer lines (1,999 levels: 2 M characters), so these run once. */
    const deepBlocks: Array<[string, () => string]> = [
      ['1,999 levels of indentation (maps)', () => fm(Array.from({ length: 1999 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'))],
      ['1,999 levels of indentation (lists)', () => fm(Array.from({ length: 1999 }, (_, i) => `${' '.repeat(i)}-`).join('\n'))],
      ['1,500 levels of tab-and-space indentation', () => fm(Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}- \tk:`).join('\n'))],
      [
        '2,500 levels of indentation (over the line limit, never closed in time)',
        () => fm(Array.from({ length: 2500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')),
      ],
    ];

    it('deeply nested YAML is reported, never parsed into a stack overflow (which can abort the process)', () => {
      // Unclosed then closed nesting, parsed one after the other, once made V8 abort inside the YAML
      // composer ("FATAL ERROR: RegExpCompiler Allocation failed - process out of memory"), which no
      // try/catch can stop: the extension host would die with the file open.
      const runs = [...deepLines, ...deepLines, ...deepLines, ...deepBlocks];
      for (const [what, make] of runs) {
        const text = make();
        const { log, findings } = checkDocument(text, what);
        const f = findings.find((x) => x.code === 'frontMatter.invalid');
        assert.ok(f, `${what}: reported`);
        assert.ok(f.data.yamlCode === 'RESOURCE_EXHAUSTION' || f.data.reason === 'tooLong', `${what}: ${JSON.stringify(f.data)}`);
        assert.equal(log.items.length, 1, `${what}: the body is still read`);
      }
    });

    it('front matter over 100,000 characters is reported, not handed to the YAML parser', () => {
      const text = fm(`client: [${'a, '.repeat(40_000)}]\nnotes: ok`);
      const { log, findings } = checkDocument(text);
      assert.deepEqual(
        findings.filter((f) => f.code.startsWith('frontMatter')).map((f) => [f.code, f.data.yamlCode]),
        [['frontMatter.invalid', 'RESOURCE_EXHAUSTION']],
      );
      assert.equal(log.items.length, 1);
      assert.equal(log.client, 'hostile', 'the client is named after the file');
    });

    it('nesting a profile really uses (a few levels, brackets inside quotes and block text) is not taken for deep', () => {
      const text = fm(
        [
          'client: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
          'notes: |',
          `  ${'{'.repeat(150)}`,
          `  ${'- '.repeat(150)}`,
          `# ${'['.repeat(150)}`,
          'contacts:',
          '  - name: Ivan',
          '    handle: ivan',
          `    role: ${'['.repeat(3)}a, [b, {c: [d]}]]]]`,
        ].join('\n'),
      );
      const { log, findings } = checkDocument(text);
      assert.deepEqual(
        findings.filter((f) => f.code.startsWith('frontMatter')),
        [],
      );
      assert.equal(log.frontMatter?.contacts[0].handle, 'ivan');
    });

    it('a 5,000-promise client: every promise read, every finding placed, edits at the far end lose nothing', () => {
      const lines = ['---', 'client: Busy Client', 'timezone: Europe/Sofia', 'contacts:', '  - name: Ivan', '    handle: ivan', '---'];
      for (let i = 0; i < 5000; i++) {
        if (i % 50 === 0) lines.push(`## 2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} Batch ${i}`);
        const d = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        lines.push(`PROMISE ${d} Promise number ${i} to @ivan #batch${i % 7}${i % 3 === 0 ? ` | kept ${d}` : ''}`);
      }
      const text = lines.join('\r\n');
      const { log, findings } = checkDocument(text, '5,000 promises');
      assert.equal(log.items.length, 5000);
      // Over 2,500 overdue promises: the first 1,000 findings are shown, and one more says how many are not.
      assert.equal(findings.length, 1001);
      const more = findings[1000];
      assert.equal(more.code, 'file.tooManyFindings');
      assert.ok(findings.filter((f) => f.code === 'promise.overdue').length + Number(more.data.omitted) > 2500);
      const last = log.items[log.items.length - 2];
      checkEdit(text, { kind: 'kept', today: '2026-11-23' }, last.line);
      checkEdit(text, { kind: 'note', today: '2026-11-23', title: 'Apology', lines: ['APOLOGY'] }, 0);
    });

    it('a YAML alias bomb twenty levels deep is still never expanded', () => {
      const yaml = ['client: Deep Bomb', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i <= 20; i++)
        yaml.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      yaml.push('contacts: *a20', 'notes: *a20');
      const { log } = checkDocument(fm(yaml.join('\n')), 'alias bomb 10^20');
      assert.equal(log.client, 'Deep Bomb');
    });
  });

  // Issue 13's growing inputs: right at their biggest size here; how their time grows (ten times the input,
  // at most 50 times the time) is a budget of `npm run bench` (bench/core.ts `growth`), not a timed unit test,
  // which a machine busy with other work made fail now and then.
  describe('big inputs (their time is measured by npm run bench)', () => {
    for (const input of SINGLE_LINES) {
      it(`a 1 MB single line: ${input.what}`, () => {
        // Every check on a tenth of it; at 1 MB, every finding placed and nothing lost.
        checkDocument(input.make(100_000), input.what);
        const big = input.make(1_000_000);
        assert.ok(linesOf(big).length <= 5);
        const log = parse(big);
        checkParsed(big, log);
        assert.equal(log.lineCount, linesOf(big).length);
      });
    }

    const realistic = examplesBody();

    it('a 10 MB file (the examples, over and over)', () => {
      const big = repeatedFile(realistic, 10_000_000);
      const log = parse(big);
      assert.equal(log.lineCount, linesOf(big).length);
      assert.ok(log.items.length > 10_000);
      analyze(log, { now: NOW, timeZone: 'Europe/Sofia' });
    });

    it('100,000 entries', () => {
      checkDocument(manyEntries(10_000), ENTRIES.what);
      const big = manyEntries(100_000);
      const log = parse(big);
      assert.equal(log.lineCount, linesOf(big).length);
      analyze(log, { now: NOW, timeZone: 'Europe/Sofia' });
      assert.equal(log.entries.length, 100_000);
      assert.equal(log.items.length, 100_000);
    });
  });
});
