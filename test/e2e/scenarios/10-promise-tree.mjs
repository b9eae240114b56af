// Issue 4: the Promises view lists the examples' open promises, most urgent first (overdue, today,
// soon, later), grouped by client by default with the client of the most urgent promise first; the
// Clientlog activity-bar item carries the overdue count as a badge and the status bar shows it too;
// "Group by Date" regroups into the bands Overdue / Today / This week / Later.
import assert from 'node:assert/strict';
import {
  activityItem,
  clickViewTitleAction,
  openClientlogContainer,
  overdueStatusItem,
  setNow,
  setPaneExpanded,
  views,
  waitForActivityBadge,
  waitForOverdueStatus,
  waitForRows,
  widenSideBar,
} from '../lib/promises.mjs';
import { waitFor } from '../lib/harness.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'promise tree: order, groups, badge, status bar and Group by Date';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const BAND_ORDER = { overdue: 0, today: 1, soon: 2, later: 3 };

// As of 2026-11-23T12:00Z (client, band, 1-based line), in the order the view must show them.
const EXPECTED_BY_CLIENT = [
  [
    'Волга Фарма',
    [
      ['overdue', 52],
      ['later', 56],
      ['later', 58],
    ],
  ],
  [
    'Acme Logistics',
    [
      ['overdue', 56],
      ['soon', 57],
      ['later', 60],
    ],
  ],
  [
    'Балкан Фуудс ООД',
    [
      ['today', 58],
      ['later', 60],
    ],
  ],
  [
    'Northwind Legal LLP',
    [
      ['soon', 60],
      ['later', 62],
    ],
  ],
  [
    'Carpathia Design SRL',
    [
      ['soon', 44],
      ['later', 39],
      ['later', 45],
    ],
  ],
  // The open occurrence of the monthly invoice (the one before it, on line 43, is kept: history).
  ['Harbor Dental Group', [['later', 44]]],
];

/** Rows the DOM must show for a views() dump: group label, then its item texts. */
function expectedRows(groups) {
  return groups.flatMap((g) => [`1:${g.label}`, ...g.items.map((i) => `2:${i.text}`)]);
}
const rowKeys = (rows) => rows.map((r) => `${r.level}:${r.label}`);

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  // Exact model: groups, order, bands.
  const v = await views(probe);
  assert.equal(v.groupBy, 'client');
  assert.equal(v.overdue, 2);
  assert.deepEqual(
    v.promises.map((g) => [g.label, g.items.map((i) => [i.band, i.line + 1])]),
    EXPECTED_BY_CLIENT,
  );
  // Globally most urgent first: each group's first item is at least as urgent as the next group's.
  const firsts = v.promises.map((g) => g.items[0]);
  for (let i = 1; i < firsts.length; i++) {
    const a = firsts[i - 1];
    const b = firsts[i];
    assert.ok(BAND_ORDER[a.band] < BAND_ORDER[b.band] || (a.band === b.band && a.days <= b.days), `group ${i} (${b.client}) is not after a more urgent one`);
  }
  for (const g of v.promises) {
    for (let i = 1; i < g.items.length; i++)
      assert.ok(BAND_ORDER[g.items[i - 1].band] <= BAND_ORDER[g.items[i].band], `items of ${g.label} are most urgent first`);
  }
  assert.equal(v.promises[0].items[0].description, '4 days overdue');
  assert.equal(v.promises[1].items[0].description, '3 days overdue');
  assert.equal(v.promises[2].items[0].description, 'today');
  // The Waiting view counts an unconfirmed scope change like its diagnostic does (raised 2026-11-12: 11 days).
  const scope = v.waiting.flatMap((g) => g.items).find((i) => i.client === 'Балкан Фуудс ООД' && i.line === 51);
  assert.equal(scope?.description, 'unconfirmed for 11 days');

  // Open the container the way a user does: its activity-bar icon.
  await openClientlogContainer(page);
  await widenSideBar(page);
  await waitForActivityBadge(page, '2');
  assert.match(await activityItem(page).locator('.action-label').getAttribute('aria-label'), /2 overdue promises/);
  await waitForOverdueStatus(page, 2);
  assert.match(await overdueStatusItem(page).getAttribute('aria-label'), /2 overdue promises/);
  await waitForRows(page, 'Promises', (rows) => rows.length >= 6 && rows[0].label === 'Волга Фарма', {
    message: 'the Promises view to list Волга Фарма first',
  });
  await screenshot('tree-with-badge');

  // All rows, in order (collapse the other view so nothing is virtualised away).
  await setPaneExpanded(page, 'Waiting on clients', false);
  const want = expectedRows(v.promises);
  const rows = await waitForRows(page, 'Promises', (r) => JSON.stringify(rowKeys(r)) === JSON.stringify(want), {
    message: 'the Promises view to list every open promise in order',
  });
  const overdueRows = rows.filter((r) => r.level === 2 && /overdue/.test(r.description));
  assert.deepEqual(
    overdueRows.map((r) => r.description),
    ['4 days overdue', '3 days overdue'],
  );
  // (and, once the logs' history is read, its on-time rate over 90 days: scenario 40 checks that figure)
  assert.match(rows.find((r) => r.label === 'Волга Фарма').description, /^1 of 3 overdue( · 50% on time)?$/);

  // Group by Date (title action): the bands, in order.
  await clickViewTitleAction(page, 'Promises', 'Group by Date');
  await waitFor(async () => (await views(probe)).groupBy === 'date', { message: 'groupBy = date' });
  const d = await views(probe);
  assert.deepEqual(
    d.promises.map((g) => g.label),
    ['Overdue', 'Today', 'This week', 'Later'],
  );
  assert.deepEqual(
    d.promises[0].items.map((i) => i.client),
    ['Волга Фарма', 'Acme Logistics'],
  );
  assert.deepEqual(
    d.promises[1].items.map((i) => i.client),
    ['Балкан Фуудс ООД'],
  );
  assert.equal(
    d.promises.reduce((n, g) => n + g.items.length, 0),
    14,
  );
  const dateRows = await waitForRows(page, 'Promises', (r) => JSON.stringify(rowKeys(r)) === JSON.stringify(expectedRows(d.promises)), {
    message: 'the Promises view grouped by date',
  });
  assert.deepEqual(
    dateRows.filter((r) => r.level === 1).map((r) => r.label),
    ['Overdue', 'Today', 'This week', 'Later'],
  );
  assert.match(dateRows[1].description, /4 days overdue · Волга Фарма/);
  await screenshot('tree-by-date');

  // And back: the title action now offers Group by Client.
  await clickViewTitleAction(page, 'Promises', 'Group by Client');
  await waitForRows(page, 'Promises', (r) => r[0]?.label === 'Волга Фарма' && r[0]?.level === 1, { message: 'the Promises view grouped by client again' });
  await waitForActivityBadge(page, '2');
}
