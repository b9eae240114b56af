// Issue 7 (safety): a file changed on disk while the user has unsaved changes in its editor keeps the
// user's text. The editor still holds what was typed, the extension keeps running (probe commands
// answer, diagnostics present) and its model follows the editor's text, not the disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/harness.mjs';
import { diagnosticsOf, focusActiveEditor, openFile, setNow, views, waitForDiagnostics, EXAMPLE_DIAGNOSTICS } from '../lib/promises.mjs';
import { errorToasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'a file changed on disk while dirty keeps the unsaved text; the extension keeps working';

const FILE = 'acme-logistics.clientlog';
const TYPED = 'PROMISE 2026-11-21 Typed but not saved #e2e';
const SENTINEL = 'northwind-legal.clientlog';

// Completion pops up while typing (space is a trigger character); keep it out of the way of the typing.
export const session = {
  settings: { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' }, 'editor.suggestOnTriggerCharacters': false },
};

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);
  await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS);

  // Type a new promise on the last (empty) line of the file, by keyboard.
  const original = fs.readFileSync(path.join(workspaceDir, FILE), 'utf8');
  assert.ok(original.endsWith('\n'));
  await openFile(page, probe, FILE);
  await focusActiveEditor(page);
  const lastLine = original.split('\n').length - 1;
  await page.keyboard.press('Control+End'); // the last line is empty: the file ends with a line break
  await probe.waitForState((s) => s.activeEditor?.selection.start.line === lastLine, { message: 'cursor on the last line' });
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Escape'); // close a suggestion list, if any
  await probe.waitForState((s) => s.activeEditor?.isDirty && s.activeEditor.text.endsWith(TYPED), { message: 'the typed promise in the editor' });
  // The extension sees the unsaved text: a third overdue promise.
  await waitFor(async () => (await views(probe)).overdue === 3, { message: 'the typed promise to count as overdue' });

  // Now the file changes on disk behind the editor's back (another tool, a sync client...).
  const disk = original.replace('Send the revised depot cost comparison', 'DISK VERSION: send the comparison');
  fs.writeFileSync(path.join(workspaceDir, FILE), disk);
  // A later disk change to another file is the sentinel: once the extension has seen it, it has seen ours.
  const sentinelPath = path.join(workspaceDir, SENTINEL);
  fs.writeFileSync(sentinelPath, fs.readFileSync(sentinelPath, 'utf8').replace('PROMISE 2026-12-07 Go-live', 'PROMISE 2026-11-22 Go-live'));
  await probe.waitForState((s) => diagnosticsOf(s, SENTINEL).some((d) => d.line === 62 && d.code === 'promise.overdue'), {
    message: 'the sentinel change on disk to be picked up',
  });

  // The editor still holds the user's text, dirty; the disk holds the other version.
  const s = await probe.command('probe.state');
  assert.equal(s.activeEditor.fileName, FILE);
  assert.equal(s.activeEditor.isDirty, true, 'the editor is still dirty');
  assert.ok(s.activeEditor.text.endsWith(TYPED), 'the typed text is still in the editor');
  assert.ok(s.activeEditor.text.includes('Send the revised depot cost comparison'), 'the editor was not reloaded from disk');
  assert.equal(fs.readFileSync(path.join(workspaceDir, FILE), 'utf8'), disk, 'the disk keeps the other version (nothing saved over it)');

  // The extension is alive and follows the editor's text.
  const st = await probe.waitForActivation();
  assert.equal(st.extension.activation.ok, true);
  const v = await views(probe);
  const acme = v.promises.find((g) => g.label === 'Acme Logistics').items.map((i) => i.text);
  assert.ok(acme.includes('Typed but not saved #e2e'), 'the typed promise is in the tree');
  assert.ok(
    acme.some((t) => t.startsWith('Send the revised depot cost comparison')),
    'the tree shows the editor text, not the disk',
  );
  assert.ok(!acme.some((t) => t.startsWith('DISK VERSION')), 'the disk version does not replace the unsaved text');
  const diags = diagnosticsOf(s, FILE);
  assert.ok(
    diags.some((d) => d.line === 56 && d.code === 'promise.overdue'),
    'diagnostics still present for the file',
  );
  assert.ok(
    diags.some((d) => d.line === lastLine + 1 && d.code === 'promise.overdue'),
    'and for the typed promise',
  );
  assert.equal(v.overdue, 4, 'Acme (2, from the editor) + Volga + the sentinel');
  await screenshot('dirty-after-disk-change');
  assert.deepEqual(await errorToasts(page), [], 'no error notification');
}
