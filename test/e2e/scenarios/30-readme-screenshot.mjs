// The README's picture, taken from the real thing: the Promises view with its badge beside an
// overdue promise whose quick fixes are open (Mark kept, Reschedule, Own it, Drop). It also checks
// what it shows, so a picture of a broken state cannot slip into the README.
import assert from 'node:assert/strict';
import { focusActiveEditor, openClientlogContainer, openFile, openQuickFix, setNow, waitForActivityBadge, widenSideBar } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'README screenshot: the promise tree beside an overdue promise and its quick fixes';

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '2');
  await widenSideBar(page, 470);
  await openFile(page, probe, 'acme-logistics.clientlog', 55);
  await focusActiveEditor(page);
  const titles = await openQuickFix(page, ['Mark kept (today)', 'Reschedule…', 'Own it: draft an apology…', 'Drop…']);
  assert.ok(titles.includes('Own it: draft an apology…'));
  await screenshot('readme');
}
