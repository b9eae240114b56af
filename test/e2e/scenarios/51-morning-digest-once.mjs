// Issue 16: the morning digest. The extension activates at 10:00 in Sofia (clientlog._testNow), after the
// 09:00 morning time: ONE notification with the day's figures (from the agenda) and Show / Weekly Review.
// A later look that day (as on window focus) shows nothing, and neither does a second activation: the
// window is reloaded (a new extension host) and the extension activates again on the same day,
// reading what was shown from globalState.
import assert from 'node:assert/strict';
import { T, waitFor } from '../lib/harness.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'the morning digest shows once on the first activation after 09:00, not on a focus or second activation that day';

export const session = {
  settings: {
    'clientlog.reminders.enabled': true,
    'clientlog.timeZone': 'Europe/Sofia',
    // 08:00Z is 10:00 in Sofia on Monday 23 November 2026, the day the examples were written for.
    'clientlog._testNow': '2026-11-23T08:00:00Z',
  },
};

const digestToasts = (page) => page.locator('.notifications-toasts .notification-toast').filter({ hasText: /promises? (due today|overdue)/ });

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  const r = await waitFor(
    async () => {
      const x = await probe.command('clientlog._test.reminders');
      return x.shown.length ? x : null;
    },
    { message: 'the digest to be shown at activation' },
  );
  assert.equal(r.shown.length, 1, 'one notification');
  const [d] = r.shown;
  assert.equal(d.kind, 'digest');
  // The examples as of 10:00 Sofia: Balkan Foods' promise due today, Acme's and Volga's overdue, and
  // Volga's WAITING past its follow-up date (see test/e2e/lib/promises.mjs EXAMPLE_DIAGNOSTICS).
  assert.match(d.message, /^\d+ promises? due today, \d+ promises? overdue, .+ has not answered for \d+ days?/);
  assert.deepEqual(d.buttons, ['Show Promises', 'Weekly Review']);
  assert.equal(r.memory.digestDay, '2026-11-23');
  const toast = digestToasts(page);
  await toast.first().waitFor({ state: 'visible' });
  assert.equal(await toast.count(), 1, 'one digest toast');
  assert.ok((await toast.first().innerText()).includes(d.message.split(',')[0]));
  await screenshot('morning-digest');

  // A look later the same day, as when the window gains focus: nothing new.
  const again = await probe.command('clientlog._test.reminders', [true]);
  assert.equal(again.shown.length, 1, 'no second digest on focus');

  // "Show Promises" opens the Promises view.
  await toast
    .first()
    .locator('.monaco-button', { hasText: /^Show Promises$/ })
    .click();
  await page
    .locator('.part.sidebar .pane-header h3.title', { hasText: /^\s*Promises\s*$/i })
    .first()
    .waitFor({ state: 'visible' });

  // A second activation the same day: reload the window (a new window session and extension host, as
  // when VS Code is started again); the new host starts at the same instant (clientlog._testNow) and reads
  // what was shown from globalState.
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T.workbench });
  const second = await waitFor(
    async () => {
      const x = await probe.command('clientlog._test.reminders', [], { timeout: 10_000 }).catch(() => null);
      return x && x.host !== r.host ? x : null;
    },
    { timeout: T.activation, message: 'the extension to activate again in a new extension host' },
  );
  assert.deepEqual(second.shown, [], 'no digest on the second activation that day');
  assert.equal(second.memory.digestDay, '2026-11-23', 'what was shown survived the restart (globalState)');
  assert.equal(await digestToasts(page).count(), 0, 'no digest toast');
}
