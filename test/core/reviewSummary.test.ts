/**
 * Issue 14, the Weekly Review's page: the extension sends each row's figures (`reviewSummary`), not the lines
 * behind the numbers; the page's table made from them is the command line's, cell for cell, and each clickable
 * number names the lines `cellRefs` gives it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatMessage } from '../../src/core/messages';
import { parse } from '../../src/core/parse';
import { REVIEW_COLUMNS, cellRefs, SLIP_BANDS, review, reviewInput, reviewRow, slipCounts, type ReviewListColumn } from '../../src/core/review';
import { listView, readSummary, reviewSummary, reviewView, translator } from '../../src/webview/view';

const examples = path.join(__dirname, '../../examples');
const inputs = fs
  .readdirSync(examples)
  .filter((f) => f.endsWith('.clientlog'))
  .sort()
  .map((f) => reviewInput(parse(fs.readFileSync(path.join(examples, f), 'utf8'), { fileName: f })));
const r = review(inputs, { now: new Date('2026-11-23T12:00:00Z'), timeZone: 'UTC', since: '2026-08-26', until: '2026-11-23' });
const en = translator(null);

describe('the Weekly Review page: summary, table, lists on request (issue 14)', () => {
  const s = reviewSummary(r, 'days90', 100);
  const v = reviewView(readSummary(s), en, 'en');

  it('has a row per client and the total, with the cells the command line prints', () => {
    assert.equal(v.rows.length, r.clients.length + 1);
    const cli = [...r.clients, r.total].map((f) => REVIEW_COLUMNS.map((c) => reviewRow(f, formatMessage, 'en')[c].text));
    assert.deepEqual(
      v.rows.map((row) => row.cells.map((c) => c.text)),
      cli,
    );
    assert.ok(v.rows[v.rows.length - 1].total);
    assert.equal(v.rows[v.rows.length - 1].cells[0].text, 'All clients');
  });

  it('sends the first rows asked for, and the total', () => {
    const some = reviewView(readSummary(reviewSummary(r, 'days90', 2)), en, 'en');
    assert.equal(some.clients, r.clients.length);
    assert.deepEqual(
      some.rows.map((row) => row.cells[0].text),
      [r.clients[0].client, r.clients[1].client, 'All clients'],
    );
    assert.deepEqual(some.rows.at(-1), v.rows.at(-1));
    // The total's lists are named by its row after the last client's, whatever the rows sent.
    assert.equal(some.rows.at(-1)?.cells[1].list?.row, r.clients.length);
    assert.deepEqual(some.overdue, v.overdue);
  });

  it('sends no line behind any number: a few hundred bytes a client', () => {
    const json = s;
    assert.ok(!json.includes('"text"'), 'no refs in the summary');
    assert.ok(json.length < 1500 * (r.clients.length + 1), `${json.length} bytes for ${r.clients.length + 1} rows`);
    assert.ok(JSON.stringify(r).length > 3 * json.length, 'the whole review is much bigger');
  });

  it('makes a number clickable exactly when lines are behind it, and names them by row and column', () => {
    let lists = 0;
    v.rows.forEach((row, k) => {
      const f = k < r.clients.length ? r.clients[k] : r.total;
      REVIEW_COLUMNS.forEach((c, j) => {
        const refs = c === 'client' || c === 'lastTouch' || c === 'trend' ? [] : cellRefs(f, c);
        const list = row.cells[j].list;
        if (refs.length === 0) return assert.equal(list, undefined, `${row.cells[0].text} ${c}`);
        lists++;
        assert.deepEqual([list?.row, list?.column], [k, c as ReviewListColumn]);
        assert.equal(list?.title, `${row.cells[0].text} · ${v.columns[j]}`);
      });
    });
    assert.ok(lists > 10);
  });

  it('charts the total trend, the slips by band, the overdue by client (each bar naming its row)', () => {
    assert.equal(v.trend.rates.length, 12);
    assert.deepEqual(
      v.trend.rates,
      r.total.trend.map((w) => w.rate),
    );
    assert.deepEqual(
      v.slips.labels,
      SLIP_BANDS.map(([l]) => l),
    );
    assert.deepEqual(v.slips.values, slipCounts(r.total.promises.late.map((x) => x.days ?? 0)));
    assert.equal(
      v.slips.values.reduce((a, b) => a + b, 0),
      r.total.promises.late.length,
    );
    assert.deepEqual(v.slips.list, { row: r.clients.length, column: 'late', title: 'Slip of the promises kept late' });
    const withOverdue = r.clients.filter((c) => c.promises.overdue.length > 0);
    assert.ok(withOverdue.length > 0);
    assert.deepEqual(
      v.overdue.labels,
      withOverdue.map((c) => c.client),
    );
    assert.deepEqual(
      v.overdue.values,
      withOverdue.map((c) => c.promises.overdue.length),
    );
    assert.deepEqual(
      v.overdue.lists.map((l) => r.clients[l.row].client),
      withOverdue.map((c) => c.client),
    );
  });

  it('lists the lines it is sent, naming each place', () => {
    const refs = r.total.promises.overdue;
    const items = listView(
      refs,
      refs.map((x) => `f${x.source}:${x.line + 1}`),
      en,
    );
    assert.equal(items.length, refs.length);
    items.forEach((it, k) => {
      assert.deepEqual([it.source, it.line], [refs[k].source, refs[k].line]);
      assert.ok(it.label.includes(refs[k].text));
      assert.ok(it.detail.endsWith(` · f${refs[k].source}:${refs[k].line + 1}`), it.detail);
      assert.ok(it.detail.includes(`${refs[k].days} d`), it.detail);
    });
  });

  it('counts the slips in bands that cover every late promise once', () => {
    assert.deepEqual(slipCounts([1, 2, 3, 4, 7, 8, 14, 15, 90]), [1, 1, 1, 2, 2, 2]);
  });
});
