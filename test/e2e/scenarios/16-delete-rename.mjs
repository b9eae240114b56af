// Issue 7: deleting a .clientlog on disk removes its diagnostics and its items from the views (and the
// badge follows); renaming a file keeps its items and diagnostics under the new name, whether the file
// is renamed on disk or in the Explorer (F2).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/harness.mjs';
import {
  diagnosticKeys,
  openClientlogContainer,
  setNow,
  views,
  waitForActivityBadge,
  waitForDiagnostics,
  waitForOverdueStatus,
  waitForRows,
  EXAMPLE_DIAGNOSTICS,
} from '../lib/promises.mjs';
import { SEL, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'deleting and renaming .clientlog files updates diagnostics and views';

const uriEnds = (name) => (i) => i.uri.endsWith(`/${name}`);

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, 'volga-pharma.clientlog');
  await probe.waitForActivation();
  await setNow(probe);
  await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS);
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '2');

  // ---- Delete volga-pharma on disk.
  fs.rmSync(path.join(workspaceDir, 'volga-pharma.clientlog'));
  await waitForDiagnostics(
    probe,
    EXAMPLE_DIAGNOSTICS.filter((k) => !k.startsWith('volga-pharma')),
    { message: 'volga diagnostics to disappear' },
  );
  await waitForActivityBadge(page, '1');
  await waitForOverdueStatus(page, 1);
  await waitForRows(page, 'Promises', (rows) => rows.length > 0 && rows[0].label === 'Acme Logistics' && !rows.some((r) => r.label === 'Волга Фарма'), {
    message: 'Волга Фарма to leave the Promises view',
  });
  await waitForRows(page, 'Waiting on clients', (rows) => rows.length > 0 && !rows.some((r) => r.label === 'Волга Фарма'), {
    message: 'Волга Фарма to leave the Waiting view',
  });
  let v = await views(probe);
  assert.ok(![...v.promises, ...v.waiting].some((g) => g.items.some(uriEnds('volga-pharma.clientlog'))));
  assert.equal(v.overdue, 1);
  await screenshot('after-delete');

  // ---- Rename carpathia-design on disk.
  fs.renameSync(path.join(workspaceDir, 'carpathia-design.clientlog'), path.join(workspaceDir, 'carpathia-renamed.clientlog'));
  const afterDiskRename = EXAMPLE_DIAGNOSTICS.filter((k) => !k.startsWith('volga-pharma')).map((k) => k.replace('carpathia-design', 'carpathia-renamed'));
  await waitForDiagnostics(probe, afterDiskRename, { message: 'carpathia diagnostics under the new name' });
  v = await waitFor(
    async () => {
      const x = await views(probe);
      const g = x.promises.find((gr) => gr.label === 'Carpathia Design SRL');
      return g && g.items.length === 3 && g.items.every(uriEnds('carpathia-renamed.clientlog')) ? x : null;
    },
    { message: 'Carpathia items under carpathia-renamed.clientlog' },
  );
  assert.ok(!v.promises.some((g) => g.items.some(uriEnds('carpathia-design.clientlog'))), 'nothing left under the old name');

  // ---- Rename northwind-legal in the Explorer (F2): VS Code's rename, with onDidRenameFiles.
  await page
    .locator('.part.activitybar .action-item')
    .filter({ has: page.locator('[aria-label^="Explorer"]') })
    .first()
    .click();
  await waitForExplorerFile(page, 'carpathia-renamed.clientlog'); // the list is settled after the disk rename
  const row = page.locator(SEL.explorerRow, { hasText: 'northwind-legal.clientlog' }).first();
  await waitFor(
    async () => {
      if (/\bselected\b/.test((await row.getAttribute('class')) ?? '') && probe.state()?.activeEditor?.fileName === 'northwind-legal.clientlog') return true;
      await row.click();
      return false;
    },
    { message: 'northwind-legal.clientlog to be selected (and previewed) in the Explorer', interval: 500 },
  );
  await row.focus();
  await page.keyboard.press('F2');
  const box = page.locator('.explorer-folders-view .monaco-inputbox input').first();
  await box.waitFor({ state: 'visible' });
  assert.equal(await box.inputValue(), 'northwind-legal.clientlog', 'F2 renames the selected file');
  await box.fill('northwind-renamed.clientlog');
  await page.keyboard.press('Enter');
  await waitForExplorerFile(page, 'northwind-renamed.clientlog');
  assert.ok(fs.existsSync(path.join(workspaceDir, 'northwind-renamed.clientlog')));
  const afterBoth = afterDiskRename.map((k) => k.replace('northwind-legal', 'northwind-renamed'));
  await waitForDiagnostics(probe, afterBoth, { message: 'northwind diagnostics under the new name' }).catch(async (e) => {
    e.message += `\nDEBUG files: ${fs.readdirSync(workspaceDir).join(', ')}\nindex: ${JSON.stringify(await probe.command('clientlog._test.index'))}\ndiags: ${JSON.stringify(diagnosticKeys(probe.state()))}`;
    throw e;
  });
  v = await waitFor(
    async () => {
      const x = await views(probe);
      const g = x.promises.find((gr) => gr.label === 'Northwind Legal LLP');
      return g && g.items.length === 2 && g.items.every(uriEnds('northwind-renamed.clientlog')) ? x : null;
    },
    { message: 'Northwind items under northwind-renamed.clientlog' },
  );
  assert.equal(v.overdue, 1);
  const idx = await probe.command('clientlog._test.index');
  assert.deepEqual(idx.map((e) => e.uri.split('/').pop()).sort(), [
    'acme-logistics.clientlog',
    'balkan-foods.clientlog',
    'carpathia-renamed.clientlog',
    'harbor-dental.clientlog',
    'northwind-renamed.clientlog',
  ]);
  assert.deepEqual(diagnosticKeys(probe.state()), afterBoth.sort());
  await screenshot('after-rename');
}
