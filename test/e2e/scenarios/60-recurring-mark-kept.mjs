// Issue 17: a recurring promise (`| every week`). The Promises view marks it as recurring (the rule after
// when it is due, and in its tooltip); its inline "Mark Promise Kept" closes the line and writes the next
// week's occurrence right below it, in one edit, keeping the file's CRLF line breaks and BOM; one Undo
// restores the file byte for byte. The closed occurrences are history: only the open one is in the view.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import {
  TODAY,
  focusActiveEditor,
  openClientlogContainer,
  readBytes,
  setNow,
  setPaneExpanded,
  viewPane,
  views,
  waitForRows,
  widenSideBar,
} from '../lib/promises.mjs';
import { waitForActiveTab, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'recurring promise: Mark kept from the tree writes the next week; Undo restores the bytes';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const FILE = 'weekly-status.clientlog';
const TEXT = 'Weekly status to @ivan';
const LINES = [
  '---',
  'client: Weekly Status Co',
  'timezone: Europe/Sofia',
  '---',
  '',
  '## 2026-11-16 Kick-off',
  'We agreed on a weekly status report on Fridays.',
  `PROMISE 2026-11-20 ${TEXT} | every week | kept 2026-11-20`,
  `PROMISE 2026-11-27 ${TEXT} | every week`,
  'Notes after the promise.',
  '',
];
const OPEN_LINE = 8;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const session = { files: { [FILE]: '\uFEFF' + LINES.join('\r\n') } };

/** Saves the active editor with Ctrl+S and waits until the disk holds something other than `before`. */
async function saveAndRead(page, probe, workspaceDir, before) {
  await page.keyboard.press('Control+S');
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && !s.activeEditor.isDirty, { message: `${FILE} to be saved` });
  return waitFor(
    () => {
      const b = readBytes(workspaceDir, FILE);
      return b.equals(before) ? null : b;
    },
    { message: `${FILE} to change on disk` },
  );
}

const recurringItems = async (probe) => (await views(probe)).promises.flatMap((g) => g.items).filter((i) => i.text === TEXT);

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);

  // Only the open occurrence is listed, marked as recurring.
  const [item] = await waitFor(
    async () => {
      const xs = await recurringItems(probe);
      return xs.length === 1 ? xs : null;
    },
    { message: 'the open occurrence in the Promises view' },
  );
  assert.equal(item.line, OPEN_LINE);
  assert.equal(item.rule, 'every week');
  assert.equal(item.row, 'in 4 days · every week');
  assert.equal(item.contextValue, 'promise.open.recurring');
  assert.match(item.tooltipText, /Repeats every week; closing it adds the next one/);

  const original = readBytes(workspaceDir, FILE);
  assert.ok(original.subarray(0, 3).equals(BOM), `${FILE} starts with a BOM`);

  // The tree's inline "Mark Promise Kept".
  await openClientlogContainer(page);
  await widenSideBar(page);
  // The examples' promises come first: collapse the other view so the row is not virtualised away.
  await setPaneExpanded(page, 'Waiting on clients', false);
  const row = viewPane(page, 'Promises')
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: TEXT }) })
    .first();
  await row.waitFor({ state: 'visible' });
  assert.match(await row.locator('.label-description').textContent(), /every week/);
  await row.hover();
  const inline = row.locator('.actions .action-label[aria-label="Mark Promise Kept"]');
  await inline.waitFor({ state: 'visible' });
  await screenshot('recurring-in-tree');
  await inline.click();
  await waitForActiveTab(page, FILE);
  const NEXT = `PROMISE 2026-12-04 ${TEXT} | every week`;
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.isDirty && s.activeEditor.text.split(/\r?\n/)[OPEN_LINE + 1] === NEXT, {
    message: 'the occurrence kept and the next week written below it',
  });
  await focusActiveEditor(page);
  const kept = await saveAndRead(page, probe, workspaceDir, original);

  // Exactly the closed line changed, exactly one line inserted after it; CRLF everywhere, the BOM kept.
  assert.ok(kept.subarray(0, 3).equals(BOM), 'BOM kept');
  const a = original.toString('utf8');
  const b = kept.toString('utf8');
  assert.equal(b.split('\r\n').length, a.split('\r\n').length + 1, 'one more CRLF line');
  assert.ok(!/[^\r]\n/.test(b), 'no LF-only line break');
  const aLines = a.split('\r\n');
  const bLines = b.split('\r\n');
  assert.deepEqual(bLines.slice(0, OPEN_LINE), aLines.slice(0, OPEN_LINE), 'the lines before are unchanged');
  assert.equal(bLines[OPEN_LINE], `${aLines[OPEN_LINE]} | kept ${TODAY}`);
  assert.equal(bLines[OPEN_LINE + 1], NEXT);
  assert.deepEqual(bLines.slice(OPEN_LINE + 2), aLines.slice(OPEN_LINE + 1), 'the lines after are unchanged');

  // The view now lists the next occurrence only.
  await waitFor(
    async () => {
      const xs = await recurringItems(probe);
      return xs.length === 1 && xs[0].line === OPEN_LINE + 1 && xs[0].row === 'in 11 days · every week' ? xs : null;
    },
    { message: 'the next occurrence in the Promises view' },
  );
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label === TEXT && /in 11 days · every week/.test(r.description)), {
    message: 'the row of the next occurrence',
  });
  await screenshot('next-occurrence');

  // One Undo removes both changes: the file's bytes are the original.
  await focusActiveEditor(page);
  await page.keyboard.press('Control+Z');
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.isDirty && !s.activeEditor.text.includes('2026-12-04'), {
    message: 'one Undo to remove the kept mark and the next line',
  });
  const undone = await saveAndRead(page, probe, workspaceDir, kept);
  assert.ok(undone.equals(original), 'after one Undo and a save, the bytes equal the original');
  await waitFor(
    async () => {
      const xs = await recurringItems(probe);
      return xs.length === 1 && xs[0].line === OPEN_LINE ? xs : null;
    },
    { message: 'the open occurrence back in the view' },
  );
}
