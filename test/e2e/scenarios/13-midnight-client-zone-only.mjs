// Issue 12, bug 1: a log's date-only promise turns overdue at midnight in the LOG's time zone, on the
// extension's own timer, while the user's date does not change. The user is in Sofia (clientlog.timeZone);
// the client is in Tokyo (UTC+9), whose 2026-11-24 starts at 15:00Z (17:00 in Sofia, still the 23rd). The
// clock is moved to 14:59:50Z and left RUNNING: nothing but the scheduler's timer can make the change.
import assert from 'node:assert/strict';
import { T, waitFor } from '../lib/harness.mjs';
import { diagnosticsOf, openClientlogContainer, views, waitForActivityBadge, waitForOverdueStatus } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = "a Tokyo client's promise turns overdue at Tokyo's midnight, the Sofia user's date unchanged";

const FILE = 'hoshino-trading.clientlog';
const LOG = `---
client: Hoshino Trading
language: en
timezone: Asia/Tokyo
contacts:
  - name: Kenji Sato
    handle: kenji
---

## 2026-11-20 Call with @kenji
PROMISE 2026-11-23 Send the revised quote to @kenji #quote
`;
const LINE = 11;

export const session = { files: { [FILE]: LOG }, settings: { 'clientlog.timeZone': 'Europe/Sofia' } };

const codesOf = (st) =>
  diagnosticsOf(st, FILE)
    .filter((d) => d.line === LINE)
    .map((d) => d.code);
const sofiaDate = (iso) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Sofia', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();

  const start = '2026-11-23T14:59:50Z';
  const got = await probe.command('clientlog._test.setNow', [start, true]);
  assert.ok(Math.abs(Date.parse(got) - Date.parse(start)) < 2000, `the clock runs from ${start} (${got})`);
  await probe.waitForState((st) => codesOf(st).includes('promise.dueToday'), { message: `${FILE}:${LINE} due today before Tokyo's midnight` });
  let v = await views(probe);
  assert.ok(Date.parse(v.now) < Date.parse('2026-11-23T15:00:00Z'), `still before 15:00Z (${v.now})`);
  assert.equal(v.nextCheck, '2026-11-23T15:00:00.000Z', "the scheduler is armed at Tokyo's midnight");
  const before = v.overdue;
  await openClientlogContainer(page);
  await waitForOverdueStatus(page, before);
  await screenshot('before-tokyo-midnight');

  // No command, no edit: the scheduler's timer alone turns it overdue, within seconds of 15:00Z.
  const s = await probe.waitForState((st) => codesOf(st).includes('promise.overdue'), {
    timeout: 20_000 + T.ui,
    message: `${FILE}:${LINE} overdue after Tokyo's midnight`,
  });
  assert.deepEqual(codesOf(s), ['promise.overdue']);
  v = await views(probe);
  assert.ok(Date.parse(v.now) >= Date.parse('2026-11-23T15:00:00Z'), v.now);
  assert.equal(sofiaDate(v.now), '2026-11-23', "the user's date did not change");
  await waitFor(async () => (await views(probe)).overdue === before + 1, { message: `overdue count ${before} -> ${before + 1}` });
  v = await views(probe);
  const hoshino = v.promises.find((g) => g.label === 'Hoshino Trading');
  assert.equal(hoshino?.items[0].band, 'overdue');
  await waitForActivityBadge(page, String(before + 1));
  await waitForOverdueStatus(page, before + 1);
  // Next: Moscow's midnight (21:00Z), the earliest day end among the other logs (Volga Pharma).
  assert.equal(v.nextCheck, '2026-11-23T21:00:00.000Z');
  await screenshot('after-tokyo-midnight');
}
