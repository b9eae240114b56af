// Issue 18: a window opened again (the same workspace storage, a new extension host) takes each unchanged closed
// log's model from the persisted index without restoring it, and its diagnostics, its span and its overdue counts
// from what the last window showed. It must show exactly what the first window showed: the Problems, the badges'
// count, the time scheduler's next check and the Promises view; and a reminder still comes, from a model restored only
// when the reminders read it (the log has a promise due at a time ahead).
import assert from 'node:assert/strict';
import { T, waitFor } from '../lib/harness.mjs';
import { setNow } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'a window opened again shows what the first showed without restoring the closed logs, and still reminds';

const files = {
  'alpha-trading.clientlog': `---
client: Alpha Trading
timezone: Europe/Sofia
contacts:
  - name: Maria Ivanova
    handle: maria
---

## 2026-11-16 Call
PROMISE 2026-11-20 Send the revised quote @maria
WAITING 2026-11-19 Signed order from @maria
PROMISE 2026-11-23 16:00 Confirm the delivery window
PROMISE 2026-11-30 Share the December plan
`,
  'beta-logistics.clientlog': `---
client: Beta Logistics
---

## 2026-11-10 Kick-off
PROMISE 2026-11-18 Send the onboarding pack
SCOPE 2026-11-12 Two more depots
PROMISE 2026-11-24 Book the site visit
`,
};

export const session = {
  files,
  settings: {
    'clientlog.reminders.enabled': true,
    // No morning digest (51 has it): the clock stays before 23:00 in Sofia.
    'clientlog.reminders.morningTime': '23:00',
    'clientlog.timeZone': 'Europe/Sofia',
    // 10:00 in Sofia: the 16:00 promise's reminder (an hour before) is not due yet.
    'clientlog._testNow': '2026-11-23T08:00:00Z',
  },
};

/** What the window shows once its findings settled: the diagnostics (a digest), the badges' count, the scheduler's next check. */
async function settled(probe) {
  await probe.command('clientlog._test.timing', [], { timeout: T.activation });
  let last;
  return waitFor(
    async () => {
      const d = await probe.command('probe.diagnosticsDigest');
      const same = last && d.digest === last.digest && d.files >= 8;
      last = d;
      if (!same) throw new Error(`not settled yet: ${JSON.stringify(d)}`);
      return d;
    },
    { interval: 700, message: 'the diagnostics to settle' },
  );
}

export async function run({ page, probe }) {
  await waitForExplorerFile(page, 'alpha-trading.clientlog');
  await probe.waitForActivation();
  const first = await settled(probe);
  const firstReminders = await probe.command('clientlog._test.reminders');
  assert.deepEqual(firstReminders.shown, [], 'nothing due at 10:00');
  const firstViews = await probe.command('clientlog._test.views');
  assert.ok(firstViews.overdue >= 3, `overdue items at 10:00: ${firstViews.overdue}`);
  // The index and what the diagnostics showed are written 2 s after the last of them.
  await waitFor(async () => (await probe.command('clientlog._test.timing')).persisted.saves > 0, { message: 'the persisted index to be written' });

  // Opened again: a new window session and extension host on the same workspace storage, at the same instant.
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T.workbench });
  await waitFor(
    async () => {
      const x = await probe.command('clientlog._test.reminders', [], { timeout: 10_000 }).catch(() => null);
      return x && x.host !== firstReminders.host ? x : null;
    },
    { timeout: T.activation, message: 'the extension to activate again in a new extension host' },
  );
  const again = await settled(probe);
  assert.equal(again.digest, first.digest, 'the same diagnostics as the first window');
  const timing = await probe.command('clientlog._test.timing');
  // The workspace: these two logs and the six examples.
  assert.equal(timing.files, 8);
  assert.equal(timing.persisted.stored, 8, 'every log from the persisted index');
  assert.equal(timing.persisted.shown, 8, "every log's diagnostics as the first window showed them");
  // Only the reminders read models: those of the logs with a promise due at a time ahead, Alpha's (16:00 today) and
  // Northwind Legal's (an example: tomorrow 17:00). Beta and the other examples have none.
  assert.equal(timing.persisted.restored, 2, 'two models restored: the diagnostics, the spans and the badges took the rows');

  // 15:30 in Sofia: the 16:00 promise's reminder comes (the clock moved directly: the views' dump would restore Beta).
  await probe.command('clientlog._test.setNow', ['2026-11-23T13:30:00Z']);
  const shown = await waitFor(
    async () => {
      const r = await probe.command('clientlog._test.reminders');
      return r.shown.length ? r.shown : null;
    },
    { message: 'the reminder of the 16:00 promise' },
  );
  assert.equal(shown.length, 1);
  assert.match(shown[0].message, /Confirm the delivery window/);
  assert.equal((await probe.command('clientlog._test.timing')).persisted.restored, 2, 'still only those two');

  // Back at 10:00: what the first window showed, the views included (which restore the models they read).
  await setNow(probe, '2026-11-23T08:00:00Z');
  const views = await probe.command('clientlog._test.views');
  assert.equal(views.overdue, firstViews.overdue, "the badges' count");
  assert.equal(views.nextCheck, firstViews.nextCheck, "the time scheduler's next check");
  // The groups and their rows (a group's description and tooltip add the client's on-time record once the histories
  // are read, which the first window had not yet done when it was asked).
  const rows = (groups) => groups.map((g) => ({ label: g.label, items: g.items }));
  assert.deepEqual(rows(views.promises), rows(firstViews.promises), 'the Promises view');
  assert.deepEqual(rows(views.waiting), rows(firstViews.waiting), 'the Waiting on clients view');
  assert.equal((await probe.command('clientlog._test.timing')).persisted.restored, 8, 'the views read every model');
  assert.equal((await probe.command('probe.diagnosticsDigest')).digest, first.digest);
}
