import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisInput, analyze, analyzeInput } from '../../src/core/analyze';
import { parse } from '../../src/core/parse';

const dir = path.join(__dirname, '..', '..', 'examples');

describe('examples workspace', () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.clientlog'))
    .sort();
  const logs = files.map((f) => ({ f, log: parse(fs.readFileSync(path.join(dir, f), 'utf8'), { fileName: f }) }));

  it('holds six clients in four languages, with CRLF and BOM variety', () => {
    assert.equal(files.length, 6);
    assert.deepEqual(logs.map(({ log }) => log.frontMatter?.language).sort(), ['bg', 'en', 'en', 'en', 'ro', 'ru']);
    assert.ok(logs.some(({ log }) => log.eol === '\r\n'));
    assert.ok(logs.some(({ log }) => log.bom));
  });

  it('has no format problems', () => {
    for (const { f, log } of logs) assert.deepEqual(log.problems, [], f);
  });

  it('shows, on 2026-11-23, the overdue, due and waiting items the examples were written to show', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const found = logs.flatMap(({ f, log }) => analyze(log, { now, timeZone: 'UTC' }).map((x) => `${f}:${x.range.start.line + 1}:${x.code}`));
    assert.deepEqual(found, [
      'acme-logistics.clientlog:56:promise.overdue',
      'acme-logistics.clientlog:57:promise.dueSoon',
      'balkan-foods.clientlog:52:scope.unconfirmed',
      'balkan-foods.clientlog:58:promise.dueToday',
      'carpathia-design.clientlog:44:promise.dueSoon',
      'harbor-dental.clientlog:2:client.quiet',
      'northwind-legal.clientlog:60:promise.dueSoon',
      'volga-pharma.clientlog:40:waiting.followUp',
      'volga-pharma.clientlog:52:promise.overdue',
    ]);
  });

  it('give the same findings from their cached analysis input as from the parsed log, contacts included', () => {
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    let withContact = 0;
    for (const { f, log } of logs) {
      const input = json(analysisInput(log)) as ReturnType<typeof analysisInput>;
      withContact += input.items.filter((i) => i.contact).length;
      for (const day of ['2026-11-01', '2026-11-23', '2026-12-31']) {
        const o = { now: new Date(`${day}T12:00:00Z`), timeZone: 'America/New_York', horizonDays: 10 };
        assert.deepEqual(json(analyzeInput(input, o)), json(analyze(log, o)), `${f} on ${day}`);
      }
    }
    assert.ok(withContact > 0, 'some open item names a known contact');
  });

  it('records kept, late, dropped, broken and rescheduled promises', () => {
    const all = logs.flatMap(({ log }) => log.items.filter((i) => i.kind === 'promise'));
    const late = all.filter((p) => p.state === 'kept' && p.closedOn! > p.date!);
    assert.equal(late.length, 4);
    assert.ok(all.some((p) => p.state === 'dropped'));
    const broken = all.find((p) => p.state === 'broken')!;
    assert.equal(broken.history.at(-1)!.apology, '2026-11-02');
    assert.ok(all.filter((p) => p.history.some((h) => h.verb === 'moved')).length >= 3);
    // Moved twice, then kept (the weekly review counts it once, not on its first date).
    assert.ok(all.some((p) => p.state === 'kept' && p.history.filter((h) => h.verb === 'moved').length === 2));
  });

  it('has a client gone quiet (cadence 2w, latest entry 34 days before 2026-11-23) and months of history for the review', () => {
    const harbor = logs.find(({ f }) => f === 'harbor-dental.clientlog')!.log;
    assert.equal(harbor.frontMatter?.cadence, 14);
    const dates = logs.flatMap(({ log }) => log.entries.map((e) => e.date!)).sort();
    assert.ok(dates[0] <= '2026-08-31' && dates.at(-1)! >= '2026-11-20', `${dates[0]} … ${dates.at(-1)}`);
  });
});
