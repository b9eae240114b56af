// Issue 16: two windows on the same workspace do not both remind. Two windows are open after the morning
// time with reminders off; once they are turned on (through the workspace's settings file; a setting change is no "look": no digest yet), the test
// hooks make BOTH windows look at the same real instant, as when both come to the foreground: both plan the
// same digest at once, each claims it in globalState, waits and reads the claims back, and exactly one of
// the two shows it. (Without the claim both show it: checked by bypassing `claim`.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { T, waitFor } from '../lib/harness.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'two windows on the same workspace looking at once: the digest is shown by one of them, not both';

export const session = {
  settings: {
    'clientlog.reminders.enabled': false,
    'clientlog.timeZone': 'Europe/Sofia',
    // 10:00 in Sofia on the examples' day: the digest has something to say.
    'clientlog._testNow': '2026-11-23T08:00:00Z',
  },
};

export async function run({ page, probe, server, workspaceDir }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  const second = await page.context().newPage();
  await second.goto(server.url, { timeout: T.workbench });
  await waitForExplorerFile(second, 'acme-logistics.clientlog');

  // Both windows' probes answer requests from the same directory (whichever takes one first): ask until
  // both extension hosts have answered, keeping each host's latest answer.
  const byHost = new Map();
  const poll = (args, pred, message) =>
    waitFor(
      async () => {
        const r = await probe.command('clientlog._test.reminders', args);
        byHost.set(r.host, r);
        return byHost.size === 2 && pred([...byHost.values()]) ? [...byHost.values()] : null;
      },
      { timeout: T.activation, interval: 50, message },
    );
  await poll([], () => true, 'both windows to have activated');
  // The workspace's settings file: both windows watch it.
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode/settings.json'), JSON.stringify({ 'clientlog.reminders.enabled': true }));
  // Until both windows have the setting (the other one hears of it through the settings file).
  byHost.clear();
  await poll([], (rs) => rs.every((r) => r.enabled), 'both windows to have reminders on');
  for (const r of byHost.values()) assert.deepEqual(r.shown, [], 'nothing shown yet: turning reminders on is no look');

  // Both look at the same real instant, a few seconds ahead (each request is taken by one window's probe:
  // send it until both windows have armed it).
  const at = Date.now() + 6000;
  const armed = new Set();
  await waitFor(
    async () => {
      armed.add((await probe.command('clientlog._test.reminders', [at])).host);
      return armed.size === 2;
    },
    { timeout: 5000, interval: 20, message: 'both windows to arm the look' },
  );
  await new Promise((r) => setTimeout(r, at - Date.now() + 3000));
  byHost.clear();
  const last = await poll([], (rs) => rs.every((r) => r.memory.digestDay === '2026-11-23'), 'both windows to remember the digest');
  const digests = last.flatMap((r) => r.shown.filter((n) => n.kind === 'digest'));
  assert.equal(digests.length, 1, `one digest across both windows (${last.map((r) => r.shown.length).join(' + ')})`);
  await second.close();
}
