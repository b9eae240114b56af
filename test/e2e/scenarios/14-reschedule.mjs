// Issue 4/7: Reschedule from the Promises view's context menu asks for the new date (InputBox) and who
// agreed (QuickPick of the client's contacts); the line gets the new date and
// " | moved from <old> by @<handle> on 2026-11-23", nothing else changes. Cancelling (Escape) at the
// second step, from the Command Palette with the cursor on a promise, leaves the file untouched; a click into
// the editor during that step does not close it.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import {
  TODAY,
  differingLines,
  focusActiveEditor,
  openClientlogContainer,
  openFile,
  readBytes,
  setNow,
  viewPane,
  waitForQuickInput,
  waitForRows,
} from '../lib/promises.mjs';
import { waitForActiveTab, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'reschedule from the tree context menu; Escape at the second step changes nothing';

const ACME = 'acme-logistics.clientlog';
const ACME_LINE = 55; // 0-based: "PROMISE 2026-11-20 Send the revised depot cost comparison ..."
const ACME_TEXT = 'Send the revised depot cost comparison to @sarah and @rachel #report';
const VOLGA = 'volga-pharma.clientlog';
const VOLGA_LINE = 51; // 0-based: "PROMISE 2026-11-19 Смета на запись ..."

async function chooseQuickPick(page, label) {
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
  await row.waitFor({ state: 'visible' });
  await waitFor(
    async () => {
      if ((await row.getAttribute('class'))?.includes('focused')) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { message: `quick pick "${label}" to be selected`, interval: 150 },
  );
  await page.keyboard.press('Enter');
}

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, ACME);
  await probe.waitForActivation();
  await setNow(probe);

  // ---- Reschedule through the context menu of the tree item.
  const acmeOriginal = readBytes(workspaceDir, ACME).toString('utf8');
  await openClientlogContainer(page);
  // Rows as rendered (the list is virtualised): on a timeout the message lists what the view showed instead.
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label === ACME_TEXT), { message: `"${ACME_TEXT}" in the Promises view` });
  const row = viewPane(page, 'Promises')
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: ACME_TEXT }) })
    .first();
  await row.waitFor({ state: 'visible' });
  await row.click({ button: 'right' });
  const menuItem = page.locator('.context-view .monaco-menu .action-label', { hasText: 'Reschedule Promise…' }).first();
  await menuItem.waitFor({ state: 'visible' });
  await screenshot('tree-context-menu');
  await menuItem.click();

  // Step 1: the new date, prefilled with today + 7 for an overdue promise.
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitForQuickInput(page, 'Reschedule: Send the revised depot cost comparison');
  await waitFor(async () => (await input.inputValue()) === '2026-11-30', { message: 'the date prefilled with 2026-11-30' });
  await input.fill('2026-11-not-a-date');
  await page.locator('.quick-input-widget .quick-input-message', { hasText: 'Write a new date as YYYY-MM-DD' }).first().waitFor({ state: 'visible' });
  await input.fill('2026-11-27');
  await page.keyboard.press('Enter');
  // Step 2: who agreed, among the client's contacts.
  await waitForQuickInput(page, 'Who agreed to the new date?');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Sarah Whitfield' }).first().waitFor({ state: 'visible' });
  await screenshot('reschedule-who-agreed');
  await chooseQuickPick(page, 'Sarah Whitfield');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

  // The file opens with the edit applied (unsaved); save it and compare bytes.
  await waitForActiveTab(page, ACME);
  const expected = `PROMISE 2026-11-27 ${ACME_TEXT} | moved from 2026-11-20 by @sarah on ${TODAY}`;
  await probe.waitForState((s) => s.activeEditor?.fileName === ACME && s.activeEditor.text.split('\n')[ACME_LINE] === expected, {
    message: `line ${ACME_LINE + 1} to read ${expected}`,
  });
  await focusActiveEditor(page);
  await page.keyboard.press('Control+S');
  const saved = await waitFor(
    () => {
      const t = readBytes(workspaceDir, ACME).toString('utf8');
      return t !== acmeOriginal ? t : null;
    },
    { message: `${ACME} saved` },
  );
  const diff = differingLines(acmeOriginal, saved);
  assert.deepEqual(diff.lines, [ACME_LINE], 'exactly one line changed');
  assert.equal(diff.after[ACME_LINE], `${expected}\n`);
  // No longer overdue: badge / tree / diagnostics follow.
  await probe.waitForState((s) => !(s.diagnostics.find((d) => d.fsPath?.endsWith(ACME))?.diagnostics ?? []).some((d) => d.code === 'promise.overdue'), {
    message: 'the Acme overdue warning to go',
  });

  // ---- Cancel at the second step, from the Command Palette with the cursor on Volga's overdue promise.
  const volgaOriginal = readBytes(workspaceDir, VOLGA);
  await openFile(page, probe, VOLGA);
  await focusActiveEditor(page);
  await probe.command('probe.setCursor', [VOLGA_LINE, 0]);
  await probe.waitForState((s) => s.activeEditor?.fileName === VOLGA && s.activeEditor.selection.start.line === VOLGA_LINE, {
    message: 'cursor on Volga line 52',
  });
  const textBefore = probe.state().activeEditor.text;
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Clientlog: Reschedule Promise');
  await chooseQuickPick(page, 'Clientlog: Reschedule Promise…');
  await waitForQuickInput(page, 'Reschedule: Смета на запись и монтаж вебинара');
  await input.fill('2026-11-26');
  await page.keyboard.press('Enter');
  await waitForQuickInput(page, 'Who agreed to the new date?');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Елена Смирнова' }).first().waitFor({ state: 'visible' });
  // Looking at the log meanwhile (a click into its editor) keeps the step open: the date typed at the first
  // step is not lost to a change of focus (nor to one the workbench makes by itself while the step shows).
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor') && !document.activeElement?.closest('.quick-input-widget')), {
    message: 'the focus in the editor',
  });
  assert.ok(await page.locator('.quick-input-widget').isVisible(), 'the second step is still open after the editor took the focus');
  await page.locator('.quick-input-widget .quick-input-box input').click();
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // Give the command a chance to (wrongly) apply something, then check: the probe's state is rewritten
  // on every document change, so wait for a fresh state after the Escape.
  const seq = probe.state().seq;
  await probe.command('probe.state');
  await probe.waitForState((s) => s.seq >= seq);
  const s = await probe.command('probe.state');
  assert.equal(s.activeEditor.fileName, VOLGA);
  assert.equal(s.activeEditor.isDirty, false, 'the document is not dirty');
  assert.equal(s.activeEditor.text, textBefore, 'the document text is unchanged');
  assert.ok(readBytes(workspaceDir, VOLGA).equals(volgaOriginal), `${VOLGA} is byte-for-byte unchanged`);
  assert.equal(s.openDocuments.filter((d) => d.isDirty).length, 0, 'no dirty document anywhere');
}
