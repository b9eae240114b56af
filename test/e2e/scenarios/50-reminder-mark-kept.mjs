// Issue 16: a timed promise raises ONE notification a lead time (60 min) before it falls due, in its log's
// zone (a Tokyo client, the user in Sofia); its "Mark kept" edits exactly that line through a WorkspaceEdit,
// and one Undo restores the document. The clock starts before the lead time (clientlog._testNow) and the
// test hooks move it to 30 minutes before the promise; nothing but the move can raise the reminder.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { focusActiveEditor, readBytes, setNow } from '../lib/promises.mjs';
import { toasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'a promise due in 30 minutes raises one reminder; its Mark kept edits the line, one Undo restores it';
// Also in the web worker extension host (run.mjs --web), as in vscode.dev: no Node API on this path.
export const web = true;

const FILE = 'kaito-trading.clientlog';
const LOG = `---
client: Kaito Trading
language: en
timezone: Asia/Tokyo
contacts:
  - name: Aiko Mori
    handle: aiko
---

## 2026-11-20 Call with @aiko
PROMISE 2026-11-23 14:00 Send the signed order form to @aiko #order
PROMISE 2026-11-23 Date-only promises wait for the digest
`;
const LINE = 10;
const TEXT = 'Send the signed order form to @aiko #order';

export const session = {
  files: { [FILE]: LOG },
  settings: {
    'clientlog.reminders.enabled': true,
    'clientlog.timeZone': 'Europe/Sofia',
    // 03:00Z: 12:00 in Tokyo (two hours before the promise), 05:00 in Sofia (before the 09:00 digest).
    'clientlog._testNow': '2026-11-23T03:00:00Z',
  },
};

const reminderToast = (page) => page.locator('.notifications-toasts .notification-toast').filter({ hasText: TEXT });

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  const first = await probe.command('clientlog._test.reminders', [true]);
  assert.deepEqual(first.shown, [], 'nothing shown two hours before the promise (and no digest before 09:00)');
  assert.equal(first.nextWake, '2026-11-23T04:00:00.000Z', 'the next look is 13:00 in Tokyo, an hour before the promise');

  // 30 minutes before 14:00 in Tokyo.
  await setNow(probe, '2026-11-23T04:30:00Z');
  const after = await waitFor(
    async () => {
      const r = await probe.command('clientlog._test.reminders');
      return r.shown.length ? r : null;
    },
    { message: 'the reminder to be shown' },
  );
  assert.equal(after.shown.length, 1, 'one notification');
  const [n] = after.shown;
  assert.equal(n.kind, 'reminder');
  assert.equal(n.message, `Promise to Kaito Trading due in 30 minutes (2026-11-23 14:00 Asia/Tokyo): ${TEXT}`);
  assert.deepEqual(n.buttons, ['Mark kept', 'Reschedule…', 'Go to the promise', 'Snooze…']);
  const toast = reminderToast(page);
  await toast.waitFor({ state: 'visible' });
  assert.match(await toast.innerText(), /due in 30 minutes/);
  await screenshot('reminder-notification');

  // Once only: another look (as on window focus) and another clock move show nothing new.
  await probe.command('clientlog._test.reminders', [true]);
  await setNow(probe, '2026-11-23T04:40:00Z');
  assert.equal((await probe.command('clientlog._test.reminders')).shown.length, 1, 'the same reminder is never shown twice');
  assert.equal((await toasts(page)).filter((t) => t.includes(TEXT)).length, 1, 'one toast');

  // Mark kept: the line gains "| kept 2026-11-23" (today in Tokyo), nothing else changes.
  const original = readBytes(workspaceDir, FILE).toString('utf8');
  await toast.locator('.monaco-button', { hasText: /^Mark kept$/ }).click();
  const kept = await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.isDirty && s.activeEditor.text.includes('| kept'), {
    message: 'the promise line to be marked kept',
  });
  const before = original.split('\n');
  const now = kept.activeEditor.text.split('\n');
  assert.equal(now.length, before.length, 'same number of lines');
  const changed = now.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
  assert.deepEqual(changed, [LINE], 'exactly the promise line changed');
  assert.equal(now[LINE], `${before[LINE]} | kept 2026-11-23`);
  await waitFor(async () => !(await reminderToast(page).isVisible()), { message: 'the reminder to close' });

  // One Undo restores the document as it was.
  await focusActiveEditor(page);
  await page.keyboard.press('Control+Z');
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.text === original && !s.activeEditor.isDirty, {
    message: 'one Undo to restore the text (and the document to be clean again)',
  });
  assert.equal(readBytes(workspaceDir, FILE).toString('utf8'), original, 'the file on disk was never written');
}
