// Issue 16: "Clientlog: Export to Calendar…" from the command palette asks where to save (VS Code's save
// dialog; code-server's is the simple one, a path in a quick input), writes the workspace's .ics file there,
// and the file is what the core's builder gives: ical.js, in this test process, reads exactly the events
// `clientlog ics` writes for the same workspace, day and zone (the same UIDs, times, zones and alarms).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { ROOT, waitFor } from '../lib/harness.mjs';
import { QI, quickInputState, runFromPalette, waitForQuickInputHidden } from '../lib/input.mjs';
import { setNow } from '../lib/promises.mjs';
import { toasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Export to Calendar: the save dialog, then an .ics file ical.js reads with the events clientlog ics writes';
export const web = true;
export const timeout = 180_000;
// The reminders' lead time is the alarms' too: 30 minutes here, so the command line is asked for 30.
export const session = { settings: { 'clientlog.timeZone': 'UTC', 'clientlog.reminders.leadMinutes': 30 } };

/** The events of an iCalendar text as ical.js reads them (its VTIMEZONEs registered while reading). */
export function readEvents(ics) {
  const root = new ICAL.Component(ICAL.parse(ics));
  const zones = root.getAllSubcomponents('vtimezone').map((z) => new ICAL.Timezone(z));
  for (const z of zones) ICAL.TimezoneService.register(z);
  try {
    return root.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        categories: v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
        sequence: e.sequence,
        start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
        tzid: e.startDate.isDate ? null : e.startDate.zone?.tzid,
        alarms: v.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger').toSeconds() / 60),
      };
    });
  } finally {
    for (const z of zones) ICAL.TimezoneService.remove(z.tzid);
  }
}

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  await runFromPalette(page, 'Clientlog: Export to Calendar', { label: /Clientlog: Export to Calendar/ });
  // The save dialog proposes clientlog.ics in the workspace folder; Enter accepts it.
  const dialog = await waitFor(
    async () => {
      const st = await quickInputState(page);
      return st.visible && st.value.endsWith('clientlog.ics') ? st : null;
    },
    { message: 'the save dialog with clientlog.ics' },
  );
  assert.match(dialog.title, /Export to Calendar/);
  await page.locator(QI.input).press('Enter');
  await waitForQuickInputHidden(page);

  const file = path.join(workspaceDir, 'clientlog.ics');
  const text = await waitFor(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null), { message: 'clientlog.ics to be written' });
  const events = readEvents(text);
  await waitFor(async () => (await toasts(page)).some((t) => /Calendar written to clientlog\.ics \(events: \d+\)/.test(t)), {
    message: 'the "Calendar written" notification',
  });
  await screenshot('export-calendar');

  // The command line's calendar for the same files, day and zone (run in the workspace: the same paths).
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'ics', '--today', '2026-11-23', '--tz', 'UTC', '--alarm-minutes', '30'], {
    cwd: workspaceDir,
    encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(events, readEvents(cli.stdout), 'the extension and clientlog ics write the same events');

  // What the examples hold on 2026-11-23: promises, waits and scope deadlines, each with its alarm.
  const kinds = new Set(events.map((e) => e.categories[0]));
  assert.deepEqual([...kinds].sort(), ['promise', 'scope', 'waiting']);
  assert.ok(events.length >= 10, `${events.length} events`);
  for (const e of events) {
    assert.match(e.uid, /^[0-9a-f]{32}@clientlog$/);
    assert.deepEqual(e.alarms, [-30]);
    assert.doesNotMatch(e.summary, /(^|\s)[@#]\w/, `no log syntax in "${e.summary}"`);
    assert.match(e.description, /\.clientlog:\d+$/);
  }
  // A timed promise in a client's own zone keeps it (TZID) and its instant.
  const timed = events.filter((e) => e.tzid && e.tzid !== 'UTC');
  assert.ok(timed.length > 0, 'a timed event with a TZID');
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
}
