// Issue 14: "Clientlog: Weekly Review" from the command palette on the examples. Its numbers are the core's
// (the same figures `clientlog review --format json` prints for the same day, zone and period); the trend
// chart has 12 points; a number opens the list of the promises behind it, and a promise opens its log at its
// line. The period buttons redraw it. The picture for the README is taken here (test-results/e2e/40-…-review.png).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXAMPLES_DIR, ROOT, waitFor } from '../lib/harness.mjs';
import { runFromPalette } from '../lib/input.mjs';
import { setNow, views } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'weekly review: opens from the palette, shows the core figures, lists and opens promises';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;
export const timeout = 180_000;
// The clock from the start (the scan keeps each closed log's review input from 130 days before it).
export const session = { settings: { 'clientlog.timeZone': 'UTC', 'clientlog._testNow': '2026-11-23T12:00:00Z' } };

/** The frame holding the review's page (code-server nests a webview in two iframes). */
export async function reviewFrame(page) {
  return waitFor(
    async () => {
      for (const f of page.frames()) {
        try {
          if (await f.$('#app table')) return f;
        } catch {
          // a frame that went away
        }
      }
      return null;
    },
    { message: 'the Weekly Review webview to show its table' },
  );
}

function cliReview(since, until) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/cli.js'), 'review', EXAMPLES_DIR, '--today', '2026-11-23', '--tz', 'UTC', '--since', since, '--until', until, '--format', 'json'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

export async function run({ page, probe, screenshot, web }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  await runFromPalette(page, 'Clientlog: Weekly Review', { label: /Clientlog: Weekly Review/ });
  const shown = await waitFor(
    async () => {
      const s = await probe.command('clientlog._test.review');
      return s && s.drawnMs !== undefined ? s : null;
    },
    { message: 'the review to be drawn' },
  );
  // This week, on Monday 2026-11-23: the period is that day.
  assert.deepEqual([shown.review.since, shown.review.until], ['2026-11-23', '2026-11-23']);
  // The Node host's scan kept every closed log's recent review input (its parse worker made it of the same read):
  // the review read no file. The web worker host has no parse worker: it reads them (and keeps none).
  if (web) assert.equal(shown.stored, 0);
  else assert.ok(shown.stored >= shown.logs && shown.logs >= 6, `${shown.stored} of ${shown.logs} logs' inputs from the persisted index`);

  // 90 days (the page's button): the same figures as the command line's, client by client.
  const frame = await reviewFrame(page);
  await frame.locator('button[data-period="days90"]').click();
  const s90 = await waitFor(
    async () => {
      const s = await probe.command('clientlog._test.review');
      return s?.view && s.review.since === '2026-08-26' && s.view.period === 'days90' ? s : null;
    },
    { message: 'the 90-day review to be drawn' },
  );
  const cli = cliReview('2026-08-26', '2026-11-23');
  assert.deepEqual([s90.review.since, s90.review.until], [cli.since, cli.until]);
  const figures = (c) => [
    c.client,
    c.promises.due,
    c.promises.onTime.length,
    c.promises.late.length,
    c.promises.broken.length,
    c.promises.dropped.length,
    c.promises.overdue.length,
    c.promises.onTimeRate,
    c.waiting.open.length,
    c.scope.unconfirmed.length,
  ];
  assert.deepEqual(s90.review.clients.map(figures), cli.clients.map(figures));
  assert.deepEqual(figures({ client: 'total', ...s90.review.total }), figures({ client: 'total', ...cli.total }));
  assert.ok(cli.total.promises.due > 0, 'the examples have promises due in 90 days');

  // The webview shows those numbers: one row per client and the total, the cells the view model's.
  await waitFor(async () => (await frame.$eval('button[data-period="days90"]', (b) => b.getAttribute('aria-pressed'))) === 'true', {
    message: 'the 90 days button to be pressed',
  });
  const rows = await frame.$$eval('#app tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(
    rows.map((r) => r.slice(0, -1)),
    s90.view.rows.map((r) => r.cells.slice(0, -1).map((c) => c.text)),
  );
  assert.equal(rows.length, cli.clients.length + 1);
  // The trend: 12 weeks, drawn on a canvas.
  assert.equal(await frame.$eval('#trend', (d) => d.getAttribute('data-points')), '12');
  assert.ok(await frame.$('#trend canvas'), 'the trend chart is drawn');
  assert.equal(s90.view.trend.rates.length, 12);
  await screenshot('review');

  // A number lists the promises behind it; the first opens its log at its line.
  const acme = s90.review.clients.find((c) => c.client === 'Acme Logistics');
  const overdue = acme.promises.overdue[0];
  assert.ok(overdue, 'Acme has an overdue promise');
  const col = s90.view.columns.indexOf('Open, overdue');
  const acmeRow = s90.view.rows.findIndex((r) => r.cells[0].text === 'Acme Logistics');
  const button = frame
    .locator('#app tbody tr')
    .nth(acmeRow)
    .locator('td')
    .nth(col - 1)
    .locator('button.num');
  await button.focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await frame.$$('#list button.ref')).length === acme.promises.overdue.length, { message: 'the list of Acme’s overdue promises' });
  const listed = await frame.$$eval('#list button.ref', (bs) => bs.map((b) => [b.dataset.line, b.textContent]));
  assert.equal(Number(listed[0][0]), overdue.line);
  assert.ok(listed[0][1].includes(overdue.text), listed[0][1]);
  await frame.locator('#list button.ref').first().click();
  // The log is shown beside the review with the cursor on the promise. (In the web worker host the focus can
  // stay in the webview that was clicked, so the shown editor is looked for among the visible ones.)
  const atPromise = (e) => e?.fileName === 'acme-logistics.clientlog' && e.selection.start.line === overdue.line;
  await probe.waitForState((s) => atPromise(s.activeEditor) || s.visibleEditors.some(atPromise), { message: 'the log to open at the promise' });
  assert.ok(shown.drawnMs < 5000, `drawn in ${shown.drawnMs} ms`);

  // The Promises view: each client's on-time rate over the last 90 days (the same 90 days as above), its
  // breakdown in the tooltip.
  const v = await waitFor(
    async () => {
      const x = await views(probe);
      return x.promises.every((g) => / on time$/.test(g.description) || !cli.clients.find((c) => c.client === g.label)?.promises.onTimeRate) ? x : null;
    },
    { message: 'the Promises view to show each client’s on-time rate' },
  );
  for (const g of v.promises) {
    const c = cli.clients.find((x) => x.client === g.label);
    if (c.promises.onTimeRate === null) continue;
    assert.match(g.description, new RegExp(` · ${Math.round(c.promises.onTimeRate * 100)}% on time$`), `${g.label}: ${g.description}`);
    assert.match(
      g.tooltip,
      new RegExp(
        `Last 90 days: ${c.promises.onTime.length} kept on time \\(${c.promises.firstDate.length} on the first date\\), ${c.promises.late.length} kept late`,
      ),
    );
  }
}
