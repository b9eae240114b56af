// Issue 13: a log saved as UTF-16 with a byte order mark (as some Windows editors write it) is read by the
// workspace index: its overdue promise is in the Promises view and in Problems without opening it. Marked
// kept from the view and saved, the file is still UTF-16 LE with its BOM, with exactly that line changed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/harness.mjs';
import { EXAMPLE_DIAGNOSTICS, TODAY, openClientlogContainer, readBytes, setNow, views, waitForDiagnostics, waitForRows } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'a UTF-16 log shows its promises in the view and keeps its encoding when edited';

const FILE = 'wide-chars.clientlog';
const TEXT = [
  '---',
  'client: Wide Chars SRL',
  'timezone: Europe/Bucharest',
  '---',
  '## 2026-11-03 Apel',
  'PROMISE 2026-11-05 Trimite oferta revizuită',
  'WAITING 2026-11-30 Răspuns de la client',
  '',
].join('\r\n');

const utf16le = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);
  await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS);

  // ---- Written on disk, never opened: the index decodes it.
  fs.writeFileSync(path.join(workspaceDir, FILE), utf16le(TEXT));
  await waitForDiagnostics(probe, [...EXAMPLE_DIAGNOSTICS, `${FILE}:6:promise.overdue`], { message: "the UTF-16 log's overdue promise in Problems" });
  const state = probe.state();
  assert.deepEqual(
    state.openDocuments.filter((d) => d.uri.endsWith(FILE)),
    [],
    `${FILE} was not opened`,
  );
  await openClientlogContainer(page);
  await waitForRows(page, 'Promises', (rows) => rows.some((r) => r.label === 'Wide Chars SRL'), { message: 'Wide Chars SRL in the Promises view' });
  const v = await views(probe);
  const group = v.promises.find((g) => g.label === 'Wide Chars SRL');
  assert.ok(group, 'a group for the UTF-16 client');
  assert.deepEqual(
    group.items.map((i) => i.text ?? i.label),
    ['Trimite oferta revizuită'],
  );
  await screenshot('utf16-promise-in-view');

  // ---- Mark kept through the command (as the view's inline action does), then save.
  const uri = group.items[0].uri;
  await probe.command('clientlog.promise.markKept', [{ uri, line: 5, kind: 'promise', date: '2026-11-05', text: 'Trimite oferta revizuită' }]);
  await probe.waitForState((s) => s.openDocuments.some((d) => d.uri.endsWith(FILE) && d.isDirty), { message: `${FILE} to be edited` });
  await probe.command('workbench.action.files.saveAll');
  const after = await waitFor(
    () => {
      const b = readBytes(workspaceDir, FILE);
      return b.equals(utf16le(TEXT)) ? null : b;
    },
    { message: `${FILE} to change on disk` },
  );
  assert.deepEqual([...after.subarray(0, 2)], [0xff, 0xfe], 'still UTF-16 LE with its BOM');
  assert.equal(
    after.subarray(2).toString('utf16le'),
    TEXT.replace('revizuită\r\n', `revizuită | kept ${TODAY}\r\n`),
    'exactly the promise line changed, CRLF kept',
  );
  await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS, { message: "the kept promise's diagnostic to go" });
}
