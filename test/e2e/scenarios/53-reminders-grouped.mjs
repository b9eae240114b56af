// Issue 16: no storm. Three promises of two clients (in two time zones) that fall due within the same
// lead time raise ONE notification listing them, when the clock reaches the lead time of the first.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { setNow } from '../lib/promises.mjs';
import { toasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'three promises falling due together raise one grouped notification, not three';

const files = {
  'delta-freight.clientlog': `---
client: Delta Freight
timezone: Europe/Sofia
---

## 2026-11-20 Call
PROMISE 2026-11-23 16:00 Send the tariff sheet
PROMISE 2026-11-23 16:15 Confirm the pickup slots
`,
  'harbor-west.clientlog': `---
client: Harbor West
timezone: Europe/London
---

## 2026-11-20 Call
PROMISE 2026-11-23 14:30 Share the customs checklist
`,
};

export const session = {
  files,
  settings: {
    'clientlog.reminders.enabled': true,
    // No morning digest in this scenario (it has its own, 51): the clock moves stay before 23:00 in Sofia.
    'clientlog.reminders.morningTime': '23:00',
    'clientlog.timeZone': 'Europe/Sofia',
    'clientlog._testNow': '2026-11-23T03:00:00Z',
  },
};

export async function run({ page, probe }) {
  await waitForExplorerFile(page, 'harbor-west.clientlog');
  await probe.waitForActivation();
  assert.deepEqual((await probe.command('clientlog._test.reminders')).shown, []);
  // 13:30Z: 15:30 in Sofia, 13:30 in London; all three fall due within the hour (14:00Z, 14:15Z, 14:30Z).
  await setNow(probe, '2026-11-23T13:30:00Z');
  const shown = await waitFor(
    async () => {
      const r = await probe.command('clientlog._test.reminders');
      return r.shown.length ? r.shown : null;
    },
    { message: 'the grouped reminder' },
  );
  assert.equal(shown.length, 1, 'one notification');
  assert.equal(shown[0].kind, 'group');
  assert.equal(shown[0].keys.length, 3);
  assert.equal(
    shown[0].message,
    'Promises falling due soon: Send the tariff sheet (Delta Freight, 2026-11-23 16:00); Confirm the pickup slots (Delta Freight, 2026-11-23 16:15); ' +
      'Share the customs checklist (Harbor West, 2026-11-23 14:30 Europe/London)',
    'most urgent first: 14:00Z, 14:15Z, 14:30Z',
  );
  await page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Promises falling due soon' }).waitFor({ state: 'visible' });
  assert.equal((await toasts(page)).filter((t) => t.includes('Send the tariff sheet')).length, 1, 'one toast');
}
