// Issue 16: the setting `clientlog.calendar.file` keeps one .ics file up to date (for a calendar that
// subscribes to a synced file). A relative path is in the first workspace folder (also in the browser,
// where only the workspace can be written). Rescheduling a promise on disk moves its event (same UID,
// SEQUENCE 1, the new start); an edit that changes no event does not write the file again. A path outside
// the workspace is written in the Node extension host, and in the browser's says it is not available there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/harness.mjs';
import { setNow } from '../lib/promises.mjs';
import { toasts, waitForExplorerFile } from '../lib/workbench.mjs';
import { readEvents } from './55-export-calendar.mjs';

export const name = 'clientlog.calendar.file: written in the workspace, updated when a promise moves, not rewritten when nothing changed';
export const web = true;
export const timeout = 180_000;
const FEED = 'calendar/clientlog.ics';
export const session = { settings: { 'clientlog.timeZone': 'UTC', 'clientlog.calendar.file': FEED } };

const LOG = 'northwind-legal.clientlog';
const LINE = 'PROMISE 2026-11-24 17:00 Send the go-live runbook and the partner cut-over schedule to @margaret and @lisa #golive';

export async function run({ page, probe, workspaceDir, web }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);
  const calendar = () => probe.command('clientlog._test.calendar');
  const file = path.join(workspaceDir, FEED);

  const first = await waitFor(async () => ((await calendar())?.writes >= 1 && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null), {
    message: `${FEED} to be written`,
  });
  const before = readEvents(first);
  const runbook = before.find((e) => e.summary.includes('go-live runbook'));
  assert.ok(runbook, 'the timed Northwind promise is in the feed');
  assert.deepEqual([runbook.start, runbook.tzid, runbook.sequence], ['2026-11-24T22:00:00.000Z', 'America/New_York', 0]);
  const writes = (await calendar()).writes;

  // Reschedule it by hand on disk, recording the move (what Reschedule… writes).
  const logPath = path.join(workspaceDir, LOG);
  const text = fs.readFileSync(logPath, 'utf8');
  assert.ok(text.includes(LINE));
  fs.writeFileSync(
    logPath,
    text.replace(LINE, LINE.replace('2026-11-24 17:00', '2026-11-26 10:00') + ' | moved from 2026-11-24 17:00 on 2026-11-23 by @margaret'),
  );
  const after = await waitFor(
    async () => {
      const c = await calendar();
      return c.writes > writes && c.state === 'written' ? readEvents(fs.readFileSync(file, 'utf8')) : null;
    },
    { message: 'the feed to be written again after the move' },
  );
  const moved = after.filter((e) => e.summary.includes('go-live runbook'));
  assert.equal(moved.length, 1, 'one event: it moved, no second one');
  assert.deepEqual([moved[0].uid, moved[0].start, moved[0].sequence], [runbook.uid, '2026-11-26T15:00:00.000Z', 1]);
  assert.equal(after.length, before.length);
  const others = (list) => list.filter((e) => e.uid !== runbook.uid);
  assert.deepEqual(others(after), others(before), 'the other events are as they were');

  // A line after the log's last item changes no event: the file is not written again.
  const { writes: written, updates } = await calendar();
  const stamp = fs.statSync(file).mtimeMs;
  fs.appendFileSync(logPath, 'A note at the end, no new item.\n');
  await waitFor(
    async () => {
      const c = await calendar();
      return c.updates > updates && c.state === 'unchanged';
    },
    { message: 'the update after the note to find nothing changed' },
  );
  assert.equal((await calendar()).writes, written);
  assert.equal(fs.statSync(file).mtimeMs, stamp, 'the file was not touched');

  // Outside the workspace.
  const outside = path.join(path.dirname(workspaceDir), 'outside.ics');
  const before2 = await calendar();
  await probe.command('probe.updateConfiguration', ['clientlog', 'calendar.file', outside]);
  const ended = await waitFor(
    async () => {
      const c = await calendar();
      return c.updates > before2.updates && c.state !== 'unchanged' ? c : null;
    },
    { message: 'the update after the setting changed' },
  );
  if (web) {
    assert.equal(ended.state, 'unavailable');
    await waitFor(async () => (await toasts(page)).some((t) => t.includes('is outside the workspace: not available in the browser')), {
      message: 'the "not available in the browser" notification',
    });
    assert.equal(fs.existsSync(outside), false);
  } else {
    assert.equal(ended.state, 'written');
    assert.equal(readEvents(fs.readFileSync(outside, 'utf8')).length, after.length);
  }
}
