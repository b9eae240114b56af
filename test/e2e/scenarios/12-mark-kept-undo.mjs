// Issue 4/7: "Mark kept" changes exactly one line, keeps the file's line endings and BOM, and Undo
// restores the file byte for byte. northwind-legal is CRLF (done through the lightbulb / quick-fix
// menu, Ctrl+.); carpathia-design starts with a UTF-8 BOM (done through the tree's inline action).
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import {
  TODAY,
  differingLines,
  focusActiveEditor,
  openClientlogContainer,
  openFile,
  openQuickFix,
  pickQuickFix,
  readBytes,
  setNow,
  viewPane,
  waitForActivityBadge,
  waitForRows,
} from '../lib/promises.mjs';
import { waitForActiveTab, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Mark kept changes one line (CRLF, BOM) and Undo restores the bytes';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Saves the active editor with Ctrl+S and waits until the disk holds something other than `before`. */
async function saveAndRead(page, probe, workspaceDir, file, before) {
  await page.keyboard.press('Control+S');
  await probe.waitForState((s) => s.activeEditor?.fileName === file && !s.activeEditor.isDirty, { message: `${file} to be saved` });
  return waitFor(
    () => {
      const b = readBytes(workspaceDir, file);
      return b.equals(before) ? null : b;
    },
    { message: `${file} to change on disk` },
  );
}

function checkOneLineKept(before, after, { eol, bom, line, file }) {
  assert.equal(after.subarray(0, 3).equals(BOM), bom, `${file}: BOM ${bom ? 'kept' : 'not added'}`);
  const a = before.toString('utf8');
  const b = after.toString('utf8');
  const { lines, before: la, after: lb } = differingLines(a, b);
  assert.deepEqual(lines, [line], `${file}: exactly line ${line + 1} changed (changed: ${lines.map((i) => i + 1)})`);
  assert.equal(la.length, lb.length, `${file}: same number of lines`);
  assert.equal(lb[line], la[line].replace(/\r?\n$/, '') + ` | kept ${TODAY}` + eol, `${file}: the line gains " | kept ${TODAY}" and keeps its ending`);
  const endings = (t) => splitEndings(t);
  assert.deepEqual(endings(b), endings(a), `${file}: line endings unchanged`);
}

function splitEndings(t) {
  return (t.match(/\r\n|\n|\r/g) ?? []).join(',');
}

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, 'northwind-legal.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  // ---- northwind-legal (CRLF): lightbulb / quick-fix menu on the open promise at line 60.
  const NW = 'northwind-legal.clientlog';
  const NW_LINE = 59;
  const NW_TEXT = 'Send the go-live runbook';
  const nwOriginal = readBytes(workspaceDir, NW);
  assert.ok(nwOriginal.includes(Buffer.from('\r\n')), `${NW} is CRLF`);
  await openFile(page, probe, NW);
  await focusActiveEditor(page);
  await probe.command('probe.setCursor', [NW_LINE, 8]);
  await probe.waitForState((s) => s.activeEditor?.selection?.start?.line === NW_LINE, { message: 'cursor on line 60' });
  const titles = await openQuickFix(page, ['Mark kept (today)', 'Reschedule…', 'Drop…']);
  assert.ok(!titles.includes('Own it: draft an apology…'), 'no apology offered for a promise that is not overdue');
  await screenshot('quick-fix-menu');
  await pickQuickFix(page, 'Mark kept (today)');
  await probe.waitForState((s) => s.activeEditor?.isDirty && s.activeEditor.text.split(/\r?\n/)[NW_LINE].endsWith(`| kept ${TODAY}`), {
    message: 'the promise line to be marked kept',
  });
  const nwKept = await saveAndRead(page, probe, workspaceDir, NW, nwOriginal);
  checkOneLineKept(nwOriginal, nwKept, { eol: '\r\n', bom: false, line: NW_LINE, file: NW });
  // The diagnostic for that promise is gone.
  await probe.waitForState((s) => !(s.diagnostics.find((d) => d.fsPath?.endsWith(NW))?.diagnostics ?? []).some((d) => d.range.start.line === NW_LINE), {
    message: `no diagnostic left on ${NW}:60`,
  });

  // Undo (Ctrl+Z in the editor) and save: the original bytes.
  await focusActiveEditor(page);
  await page.keyboard.press('Control+Z');
  await probe.waitForState((s) => s.activeEditor?.isDirty && !s.activeEditor.text.includes(`| kept ${TODAY}`), { message: 'Undo to remove the kept mark' });
  const nwUndone = await saveAndRead(page, probe, workspaceDir, NW, nwKept);
  assert.ok(nwUndone.equals(nwOriginal), `${NW}: after Undo + save the bytes equal the original`);

  // ---- carpathia-design (BOM): the Promises view's inline "Mark Promise Kept" on the promise at line 44.
  const CD = 'carpathia-design.clientlog';
  const CD_LINE = 43;
  const cdOriginal = readBytes(workspaceDir, CD);
  assert.ok(cdOriginal.subarray(0, 3).equals(BOM), `${CD} starts with a BOM`);
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '2');
  // Northwind's promise comes back to the view after the Undo, one row above Carpathia's: wait for it,
  // or the view can re-render between the hover and the click and the click lands on Northwind's row.
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label.startsWith(NW_TEXT)), {
    message: `"${NW_TEXT}" back in the Promises view after the Undo`,
  });
  const text = cdOriginal
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    [CD_LINE].replace(/^PROMISE \d{4}-\d{2}-\d{2} /, '');
  const row = viewPane(page, 'Promises')
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: text }) })
    .first();
  const marked = (s) => s.activeEditor?.fileName === CD && s.activeEditor.isDirty && s.activeEditor.text.split(/\r?\n/)[CD_LINE].endsWith(`| kept ${TODAY}`);
  const inline = row.locator('.actions .action-label[aria-label="Mark Promise Kept"]');
  let pictured = false;
  // The view redraws when the clients' on-time records arrive (the row under the pointer is replaced, and a click
  // then meets nothing): hover and click again until the edit is made. A click that did land leaves the view without
  // the row, so it is never clicked twice.
  await waitFor(
    async () => {
      if (marked(probe.state() ?? {})) return true;
      if (await row.isVisible()) {
        await row.hover();
        await inline.waitFor({ state: 'visible', timeout: 2000 });
        if (!pictured) await screenshot('tree-inline-actions');
        pictured = true;
        await inline.click({ timeout: 2000 });
      }
      await probe.waitForState(marked, { timeout: 3000, message: `${CD}:44 to be marked kept` });
      return true;
    },
    { interval: 200, message: `${CD}:44 to be marked kept from the view's inline action` },
  );
  await waitForActiveTab(page, CD);
  await focusActiveEditor(page);
  const cdKept = await saveAndRead(page, probe, workspaceDir, CD, cdOriginal);
  checkOneLineKept(cdOriginal, cdKept, { eol: '\n', bom: true, line: CD_LINE, file: CD });
  await waitFor(async () => !(await row.isVisible()), { message: 'the kept promise to leave the Promises view' });

  await focusActiveEditor(page);
  await page.keyboard.press('Control+Z');
  await probe.waitForState((s) => s.activeEditor?.fileName === CD && s.activeEditor.isDirty && !s.activeEditor.text.includes(`| kept ${TODAY}`), {
    message: `Undo in ${CD}`,
  });
  const cdUndone = await saveAndRead(page, probe, workspaceDir, CD, cdKept);
  assert.ok(cdUndone.equals(cdOriginal), `${CD}: after Undo + save the bytes equal the original`);
  await row.waitFor({ state: 'visible' }); // and the promise is back in the view
}
