// Issue 4: time passing changes findings with no edit. Balkan Foods is in Europe/Sofia (UTC+2): its
// promise due 2026-11-23 (line 58) is "due today" (information) at 21:58Z and overdue (warning) at
// 22:01Z, when it is past midnight in Sofia; the badge and the status bar go from 2 to 3.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { diagnosticsOf, openClientlogContainer, readBytes, setNow, views, waitForActivityBadge, waitForOverdueStatus, waitForRows } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'midnight in the client\'s time zone turns "due today" into overdue, no edit';

const FILE = 'balkan-foods.clientlog';
const LINE = 58;
const TEXT = 'Списък с въпросите за ценовите листи на веригите до @maria #dashboard';

function line58(state) {
  return diagnosticsOf(state, FILE).filter((d) => d.line === LINE);
}

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  const original = readBytes(workspaceDir, FILE);

  await setNow(probe, '2026-11-23T21:58:00Z');
  let s = await probe.waitForState((st) => line58(st).some((d) => d.code === 'promise.dueToday'), { message: `${FILE}:${LINE} due today` });
  assert.deepEqual(
    line58(s).map((d) => [d.code, d.severity]),
    [['promise.dueToday', 'information']],
  );
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '2');
  await waitForOverdueStatus(page, 2);
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label === TEXT && r.description === 'today'), {
    message: 'the Balkan promise listed as due today',
  });
  await screenshot('before-midnight');

  await setNow(probe, '2026-11-23T22:01:00Z');
  s = await probe.waitForState((st) => line58(st).some((d) => d.code === 'promise.overdue'), { message: `${FILE}:${LINE} overdue` });
  assert.deepEqual(
    line58(s).map((d) => [d.code, d.severity]),
    [['promise.overdue', 'warning']],
  );
  assert.match(line58(s)[0].message, /Балкан Фуудс ООД/);
  await waitForActivityBadge(page, '3');
  await waitForOverdueStatus(page, 3);
  const v = await views(probe);
  assert.equal(v.overdue, 3);
  const balkan = v.promises.find((g) => g.label === 'Балкан Фуудс ООД');
  assert.equal(balkan.items[0].band, 'overdue');
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label === TEXT && /overdue/.test(r.description)), {
    message: 'the Balkan promise listed as overdue',
  });
  await screenshot('after-midnight');

  // Nothing was edited or opened.
  assert.ok(readBytes(workspaceDir, FILE).equals(original), `${FILE} is untouched`);
  assert.equal(probe.state().activeEditor, null);

  // And back before midnight: due today again, badge 2 (the clock can move both ways).
  await setNow(probe, '2026-11-23T21:58:00Z');
  await probe.waitForState((st) => line58(st).some((d) => d.code === 'promise.dueToday'), { message: `${FILE}:${LINE} due today again` });
  await waitFor(async () => (await views(probe)).overdue === 2, { message: 'overdue count 2 again' });
  await waitForActivityBadge(page, '2');
}
