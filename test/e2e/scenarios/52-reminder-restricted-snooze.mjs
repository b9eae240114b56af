// Issue 16: in Restricted Mode (untrusted workspace) a reminder offers nothing that would change a file (no
// Mark kept, no Reschedule), only Go to the promise and Snooze; Snooze → 15 minutes brings the same
// reminder back once, when the test hooks move the clock past the snooze, and not before.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { answerPick } from '../lib/input.mjs';
import { setNow } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Restricted Mode: a reminder offers only Go to and Snooze; Snooze 15 minutes brings it back once';

const FILE = 'lagoon-studio.clientlog';
const LOG = `---
client: Lagoon Studio
language: en
timezone: Europe/Sofia
---

## 2026-11-20 Kick-off
PROMISE 2026-11-23 15:00 Send the moodboard
`;
const TEXT = 'Send the moodboard';

export const session = {
  trust: false,
  files: { [FILE]: LOG },
  settings: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'clientlog.reminders.enabled': true,
    'clientlog.reminders.leadMinutes': 30,
    // No morning digest in this scenario (it has its own, 51): the clock moves stay before 23:00 in Sofia.
    'clientlog.reminders.morningTime': '23:00',
    'clientlog.timeZone': 'Europe/Sofia',
    // 05:00 in Sofia: before the lead time and before the 09:00 digest.
    'clientlog._testNow': '2026-11-23T03:00:00Z',
  },
};

const shown = async (probe) => (await probe.command('clientlog._test.reminders')).shown;

export async function run({ page, probe }) {
  await waitForExplorerFile(page, FILE);
  await page
    .locator('.part.statusbar [id="status.workspaceTrust"], .part.statusbar [aria-label*="Restricted Mode"]')
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await probe.waitForActivation();
  assert.deepEqual(await shown(probe), []);

  // 14:40 in Sofia (12:40Z): 20 minutes before the promise, inside the 30-minute lead.
  await setNow(probe, '2026-11-23T12:40:00Z');
  const [n] = await waitFor(async () => ((await shown(probe)).length ? shown(probe) : null), { message: 'the reminder' });
  assert.equal(n.message, `Promise to Lagoon Studio due in 20 minutes (2026-11-23 15:00): ${TEXT}`);
  assert.deepEqual(n.buttons, ['Go to the promise', 'Snooze…'], 'no button that edits a file in Restricted Mode');
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: TEXT });
  await toast.waitFor({ state: 'visible' });
  assert.deepEqual(
    (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()),
    ['Go to the promise', 'Snooze…'],
  );

  await toast.locator('.monaco-button', { hasText: /^Snooze…$/ }).click();
  await answerPick(page, 'When should I remind you again?', '15 minutes');
  const snoozed = await waitFor(
    async () => {
      const r = await probe.command('clientlog._test.reminders');
      return Object.keys(r.memory.snoozed).length ? r : null;
    },
    { message: 'the snooze to be remembered' },
  );
  assert.deepEqual(Object.values(snoozed.memory.snoozed), [Date.parse('2026-11-23T12:55:00Z')]);

  await setNow(probe, '2026-11-23T12:54:00Z');
  assert.equal((await shown(probe)).length, 1, 'quiet during the snooze');
  await setNow(probe, '2026-11-23T12:55:00Z');
  const back = await waitFor(async () => ((await shown(probe)).length === 2 ? shown(probe) : null), { message: 'the reminder back after the snooze' });
  assert.equal(back[1].message, `Promise to Lagoon Studio due in 5 minutes (2026-11-23 15:00): ${TEXT}`);
  await setNow(probe, '2026-11-23T12:58:00Z');
  assert.equal((await shown(probe)).length, 2, 'back once only');
}
