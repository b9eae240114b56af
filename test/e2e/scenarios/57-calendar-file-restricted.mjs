// Issue 16: in Restricted Mode (an untrusted workspace) the calendar file of `clientlog.calendar.file` is
// never written, and the extension says so where a user looks (a notification, and the Output channel).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sleepTick, waitFor } from '../lib/harness.mjs';
import { setNow } from '../lib/promises.mjs';
import { toasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'clientlog.calendar.file in Restricted Mode: not written, and a notification says why';
const FEED = 'clientlog.ics';
export const session = {
  trust: false,
  // A user setting (the workspace's own would be ignored in Restricted Mode: restrictedConfigurations).
  settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'clientlog.calendar.file': FEED },
};

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);
  const state = await waitFor(
    async () => {
      const c = await probe.command('clientlog._test.calendar');
      return c?.updates >= 1 ? c : null;
    },
    { message: 'the calendar file update to run' },
  );
  assert.equal(state.state, 'untrusted');
  assert.equal(state.writes, 0);
  await waitFor(async () => (await toasts(page)).some((t) => /Restricted Mode: Clientlog does not write the calendar file clientlog\.ics/.test(t)), {
    message: 'the Restricted Mode notification',
  });
  await screenshot('calendar-restricted');
  // A change to a log does not write it either.
  const log = path.join(workspaceDir, 'acme-logistics.clientlog');
  const { updates } = state;
  fs.appendFileSync(log, 'PROMISE 2026-11-30 A new promise\n');
  await waitFor(async () => (await probe.command('clientlog._test.calendar')).updates > updates, { message: 'the update after the edit' });
  await sleepTick(500);
  assert.equal(fs.existsSync(path.join(workspaceDir, FEED)), false, 'no calendar file in an untrusted workspace');
  assert.equal((await probe.command('clientlog._test.calendar')).writes, 0);
}
