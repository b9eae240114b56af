// Issue 14: the Weekly Review with more clients than one page of rows (136: the examples and 130 generated logs).
// The page gets each row's figures, lays out 100 client rows and the total, and a button (keyboard) lays out the
// rest; a number asks the extension for the lines behind it when clicked (a client's beyond the first page too,
// and the total's), and each opens its log at its line. "Copy as Markdown" copies every client, not only the rows
// laid out. A log changed on disk redraws the review, the rows laid out stay, the open list shows the new lines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/harness.mjs';
import { runFromPalette } from '../lib/input.mjs';
import { setNow } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';
import { reviewFrame } from './40-weekly-review.mjs';

export const name = 'weekly review, 136 clients: a page of rows and more on request, lists asked on click, Markdown of all';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;
export const timeout = 240_000;

const N = 130;
const id = (k) => String(k).padStart(3, '0');
const logText = (k, kept = false) =>
  `---\nclient: Client ${id(k)}\ntimezone: UTC\n---\n## 2026-11-16 Weekly call\nPROMISE 2026-11-20 Send report ${k} to the team${kept ? ' | kept 2026-11-20' : ''}\nPROMISE 2026-11-18 Draft plan ${k} | kept 2026-11-19\n`;
const files = {};
for (let k = 1; k <= N; k++) files[`many/client-${id(k)}.clientlog`] = logText(k);
export const session = { files, settings: { 'clientlog.timeZone': 'UTC' } };

const laidOut = (frame) => frame.$$eval('#app tbody tr:not(.more):not(.total)', (trs) => trs.map((tr) => tr.querySelector('th').textContent));

async function drawn(probe, after = 0) {
  return waitFor(
    async () => {
      const s = await probe.command('clientlog._test.review');
      return s?.view && s.seq > after && s.review?.since === '2026-10-25' ? s : null;
    },
    { message: 'the 30-day review to be drawn' },
  );
}

async function listOf(frame, row, column) {
  const b = frame.locator(`#app tbody button.num[data-row="${row}"][data-column="${column}"]`);
  await b.focus();
  await frame.page().keyboard.press('Enter');
  return waitFor(
    async () => {
      const l = await frame.$('#list:not([hidden])');
      if (!l || (await l.getAttribute('data-row')) !== String(row) || (await l.getAttribute('data-column')) !== column) return null;
      return frame.$$eval('#list li', (lis) =>
        lis.map((li) => ({ source: li.querySelector('button')?.dataset.source, line: li.querySelector('button')?.dataset.line, text: li.textContent })),
      );
    },
    { message: `the list behind row ${row}, ${column}` },
  );
}

export async function run({ page, probe, workspaceDir }) {
  // "Copy as Markdown" is read back from the clipboard (the web worker host's goes through the browser's).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  await runFromPalette(page, 'Clientlog: Weekly Review', { label: /Clientlog: Weekly Review/ });
  const frame = await reviewFrame(page);
  const first = await waitFor(async () => (await probe.command('clientlog._test.review'))?.view ?? null, { message: 'the review to be drawn' });
  assert.ok(first);
  // 30 days, from the page's own button.
  await frame.locator('button[data-period="days30"]').focus();
  await page.keyboard.press('Enter');
  const s = await drawn(probe);
  const clients = s.review.clients;
  assert.equal(clients.length, N + 6);
  // The page was sent the figures of the rows it lays out, not of all 136 clients.
  assert.equal(s.view.clients, clients.length);
  assert.equal(s.view.rows.length, 101);

  // A page of rows: the first 100 clients and the total, then a button for the rest.
  await waitFor(async () => (await frame.$eval('button[data-period="days30"]', (b) => b.getAttribute('aria-pressed'))) === 'true');
  assert.deepEqual(
    await laidOut(frame),
    clients.slice(0, 100).map((c) => c.client),
  );
  assert.equal(s.laidOut, 100);
  const total = await frame.$$eval('#app tbody tr.total > *', (xs) => xs.map((x) => x.textContent.trim()));
  assert.deepEqual(
    total.slice(0, -1),
    s.view.rows
      .at(-1)
      .cells.slice(0, -1)
      .map((c) => c.text),
  );
  const more = frame.locator('#app tr.more button');
  assert.equal(await more.textContent(), `Show more clients (100 of ${clients.length} shown)`);
  await more.focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await laidOut(frame)).length === clients.length, { message: 'the rest of the rows' });
  assert.deepEqual(
    await laidOut(frame),
    clients.map((c) => c.client),
  );
  assert.equal(await frame.$('#app tr.more'), null);
  // The focus went on to the first row added.
  assert.equal(await frame.evaluate(() => document.activeElement?.closest('tr')?.querySelector('th')?.textContent), clients[100].client);
  // Every row's cells as the extension computed them (the rest of the rows' figures came on the click).
  const after = await waitFor(
    async () => {
      const x = await probe.command('clientlog._test.review');
      return x.view.rows.length === clients.length + 1 ? x : null;
    },
    { message: 'the page to report every row laid out' },
  );
  assert.equal(after.laidOut, clients.length);
  const rows = await frame.$$eval('#app tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(
    rows.map((r) => r.slice(0, -1)),
    after.view.rows.map((r) => r.cells.slice(0, -1).map((c) => c.text)),
  );

  // The lines behind a number of a client beyond the first page, asked for on the click.
  const k130 = clients.findIndex((c) => c.client === `Client ${id(N)}`);
  assert.ok(k130 >= 100, `Client ${id(N)} is row ${k130}`);
  const overdue = clients[k130].promises.overdue;
  assert.equal(overdue.length, 1);
  const items = await listOf(frame, k130, 'overdue');
  assert.deepEqual(
    items.map((x) => Number(x.line)),
    overdue.map((x) => x.line),
  );
  assert.ok(items[0].text.includes(`Send report ${N} to the team`), items[0].text);
  assert.ok(items[0].text.includes(`many/client-${id(N)}.clientlog:6`), items[0].text);
  // The total's kept late: every client's, as the core counts them (the hook's copy of the total shares its refs
  // with the clients', so they are compared with those).
  const late = await listOf(frame, clients.length, 'late');
  const key = (x) => `${x.source}:${x.line}`;
  assert.ok(late.length >= N);
  assert.deepEqual(
    late.map(key).sort(),
    clients
      .flatMap((c) => c.promises.late)
      .map(key)
      .sort(),
  );
  // Back to the client's overdue list; its line opens the log there.
  await listOf(frame, k130, 'overdue');
  await frame.locator('#list button.ref').first().click();
  const at = (e) => e?.fileName === `client-${id(N)}.clientlog` && e.selection.start.line === overdue[0].line;
  await probe.waitForState((st) => at(st.activeEditor) || st.visibleEditors.some(at), { message: 'the log to open at the promise' });

  // Copy as Markdown: every client (not only the rows laid out), every overdue promise.
  await frame.locator('button.copy').click();
  const md = await waitFor(
    async () => {
      const text = await probe.command('probe.clipboard');
      return text.startsWith('## Weekly review 2026-10-25 – 2026-11-23') ? text : null;
    },
    { message: 'the review on the clipboard as Markdown' },
  );
  for (const c of clients) assert.ok(md.includes(`\n| ${c.client.replace(/[\\`*_[\]<>|~]/g, (x) => `\\${x}`)} | `), `${c.client} in the Markdown`);
  assert.ok(md.includes(`### Open and overdue (${s.review.total.promises.overdue.length})`), md.slice(0, 400));
  assert.ok(md.includes(`many/client-${id(N)}.clientlog:6`));

  // Live: the promise kept on disk; the review is redrawn with the rows laid out as they were, and the open list
  // (Client 130's overdue) is asked for again: empty now.
  fs.writeFileSync(path.join(workspaceDir, `many/client-${id(N)}.clientlog`), logText(N, true));
  const s2 = await drawn(probe, s.seq + 0);
  await waitFor(async () => (await probe.command('clientlog._test.review')).review?.clients[k130].promises.overdue.length === 0, {
    message: 'the review to follow the change on disk',
  });
  assert.ok(s2);
  await waitFor(async () => (await laidOut(frame)).length === clients.length, { message: 'the rows laid out to stay' });
  await waitFor(async () => (await frame.$eval('#list h2', (h) => h.textContent)).endsWith('(0)'), { message: 'the open list to show no overdue promise' });
  const cell = await frame.$eval(`#app tbody tr:nth-child(${k130 + 1}) td:nth-of-type(6)`, (td) => td.textContent.trim());
  assert.equal(cell, '0');
}
