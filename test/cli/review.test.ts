/** Issue 14: `clientlog review` in every format, and its usage errors. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

const ACME = `---
client: Acme Logistics
timezone: Europe/Sofia
contacts:
  - name: Ivan Petrov
    handle: ivan
---
## 2026-11-15 Call with @ivan
PROMISE 2026-11-16 Send the pack to @ivan | kept 2026-11-16
PROMISE 2026-11-17 Weekly report | kept 2026-11-19
PROMISE 2026-11-18 Payroll plan | moved from 2026-11-14 by @ivan on 2026-11-15 | kept 2026-11-18
PROMISE 2026-11-19 Call <b>Ivan</b> back & confirm
WAITING 2026-11-17 @ivan to sign the NDA
`;
const BALKAN = `---
client: Balkan Foods
---
## 2026-09-01 Kick-off
PROMISE 2026-09-02 Send the plan | kept 2026-09-02
`;

describe('clientlog review (issue 14)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-review-'));
  fs.writeFileSync(path.join(dir, 'acme.clientlog'), ACME);
  fs.writeFileSync(path.join(dir, 'balkan.clientlog'), BALKAN);
  const DAY = ['--today', '2026-11-20', '--tz', 'Europe/Sofia'];

  it('prints the table and what needs attention as text', async () => {
    const r = await cli(['review', ...DAY], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Weekly review 2026-11-14 – 2026-11-20 \(made on 2026-11-20, Europe\/Sofia\)/);
    assert.match(r.stdout, /Acme Logistics +50% \(2\/4\) +25% \(1\/4\) +1 \(median 2 d, worst 2 d\) +0 +0 +1 +1 +0 +2026-11-15 \(5 d ago\)/);
    assert.match(r.stdout, /Balkan Foods +– +– +0/);
    assert.match(r.stdout, /Open and overdue \(1\)\n  2026-11-19  Acme Logistics: Call <b>Ivan<\/b> back & confirm \(1 d\)  \(acme\.clientlog:12\)/);
    assert.match(r.stdout, /Moved \(1\)\n.*from 2026-11-14 to 2026-11-18, agreed by Ivan Petrov/);
    assert.match(r.stdout, /Waiting on the client \(1\)\n.*\(waiting 5 d, Ivan Petrov\)/);
  });

  it('lines the text table up by characters (code points), also for a client name outside the BMP', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-review-wide-'));
    fs.writeFileSync(path.join(d, 'a.clientlog'), ACME.replace('client: Acme Logistics', 'client: "Acme 🚚🚚 Logistics"'));
    fs.writeFileSync(path.join(d, 'b.clientlog'), BALKAN);
    const r = await cli(['review', ...DAY], d);
    assert.equal(r.code, 0, r.stderr);
    const [header, rule, acme, balkan] = r.stdout
      .split('\n')
      .slice(2, 6)
      .map((l) => [...l]);
    const name = [...'Acme 🚚🚚 Logistics'];
    // The first column as wide as that name in characters, then two spaces; the next one right-aligned below it.
    assert.equal(header.slice(0, name.length + 2).join(''), 'Client'.padEnd(name.length + 2), r.stdout);
    assert.equal(rule.slice(0, name.length + 3).join(''), `${'-'.repeat(name.length)}  -`);
    assert.equal(acme.slice(0, name.length + 2).join(''), `${name.join('')}  `);
    assert.equal(acme.slice(name.length + 2, name.length + 11).join(''), '50% (2/4)');
    assert.equal(balkan[name.length + 10], '–', r.stdout);
  });

  it('writes Markdown for the weekly note', async () => {
    const r = await cli(['review', ...DAY, '--format', 'md'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^## Weekly review 2026-11-14 – 2026-11-20\n/);
    assert.match(r.stdout, /\n\| Client \| On time \| On the first date \|/);
    assert.match(r.stdout, /\n\| Acme Logistics \| 50% \(2\/4\) \| 25% \(1\/4\) \| 1 \(median 2 d, worst 2 d\) \|/);
    assert.match(r.stdout, /\n\| \*\*All clients\*\* \| \*\*50% \(2\/4\)\*\* \|/);
    // The user's text is not markup.
    assert.match(r.stdout, /Call \\<b\\>Ivan\\<\/b\\> back & confirm/);
  });

  it('writes one self-contained HTML file: inline SVG, no script, nothing remote, escaped text', async () => {
    const r = await cli(['review', ...DAY, '--format', 'html'], dir);
    assert.equal(r.code, 0);
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script|\bsrc=|\bhref=|url\(|@import/i);
    // The only URL is the SVG namespace.
    assert.deepEqual([...new Set(html.match(/https?:\/\/[^"\s]+/g))], ['http://www.w3.org/2000/svg']);
    assert.match(html, /Call &lt;b&gt;Ivan&lt;\/b&gt; back &amp; confirm/);
    assert.ok((html.match(/<svg /g) ?? []).length >= 3 + 2, 'the three charts and a sparkline per row');
    // The overall trend: one dot per week with a rate (of the 12, two have promises due: W36 and W47).
    const trend = html.slice(html.indexOf('On time, week by week'));
    assert.equal((trend.slice(0, trend.indexOf('</svg>')).match(/<circle /g) ?? []).length, 2);
    assert.match(html, /@media print/);
  });

  it('writes JSON with a versioned schema', async () => {
    const r = await cli(['review', ...DAY, '--format', 'json', '--since', '2026-09-01', '--until', '2026-11-20'], dir);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.stdout);
    assert.equal(j.schema, 'clientlog-review');
    assert.equal(j.version, 1);
    assert.deepEqual([j.since, j.until, j.today, j.timeZone, j.weeks, j.files], ['2026-09-01', '2026-11-20', '2026-11-20', 'Europe/Sofia', 12, 2]);
    assert.deepEqual(
      j.clients.map((c: { client: string }) => c.client),
      ['Acme Logistics', 'Balkan Foods'],
    );
    const acme = j.clients[0];
    assert.deepEqual(acme.files, ['acme.clientlog']);
    assert.deepEqual(acme.lastTouch, { date: '2026-11-15', days: 5, file: 'acme.clientlog', line: 8 });
    assert.equal(acme.promises.due, 4);
    assert.equal(acme.promises.onTimeRate, 0.5);
    assert.deepEqual(acme.promises.overdue[0], {
      file: 'acme.clientlog',
      line: 12,
      kind: 'promise',
      client: 'Acme Logistics',
      date: '2026-11-19',
      text: 'Call <b>Ivan</b> back & confirm',
      days: 1,
    });
    assert.equal(j.total.promises.due, 5);
    assert.equal(j.total.trend.length, 12);
    assert.equal(j.total.trend.at(-1).week, '2026-W47');
    // --json is --format json.
    const k = await cli(['review', ...DAY, '--json', '--since', '2026-09-01', '--until', '2026-11-20'], dir);
    assert.equal(k.stdout, r.stdout);
  });

  it('reads the files named, and -o writes the output to a file', async () => {
    const out = path.join(dir, 'out', 'review.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const r = await cli(['review', 'balkan.clientlog', ...DAY, '--since', '2026-09-01', '--format', 'md', '-o', out], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    const md = fs.readFileSync(out, 'utf8');
    assert.match(md, /\| Balkan Foods \| 100% \(1\/1\) \|/);
    assert.doesNotMatch(md, /Acme/);
  });

  for (const [argv, pattern] of [
    [['review', '--since', '2026-02-30'], /--since expects a real date/],
    [['review', '--until', '20.11.2026'], /--until expects a real date/],
    [['review', '--since', '2026-11-21', '--until', '2026-11-20'], /--since 2026-11-21 is after --until 2026-11-20/],
    [['review', '--format', 'pdf'], /--format expects text, md, html or json/],
    [['review', '--weeks', '0'], /--weeks expects a whole number >= 1/],
    [['review', '--weeks', '521'], /--weeks expects at most 520/],
    [['review', '--json', '--format', 'md'], /--json and --format disagree/],
    [['review', '--cache'], /--cache applies to check, agenda and ics/],
    [['check', '--since', '2026-11-01'], /--since applies to review only/],
    [['agenda', '--format', 'md'], /--format applies to review only/],
  ] as Array<[string[], RegExp]>) {
    it(`exits 2 on bad usage: ${argv.join(' ')}`, async () => {
      const r = await cli(argv, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
    });
  }
});
