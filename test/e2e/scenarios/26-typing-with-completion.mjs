// Completion must never eat what a fast typist writes: with quick suggestions on (the default), a
// whole PROMISE line typed at full speed (keyword, date, text, mention, tag) lands exactly as typed.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { focusActiveEditor, openFile, setNow } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'typing a promise at full speed with completion on loses nothing';

const FILE = 'acme-logistics.clientlog';
const TYPED = [
  'PROMISE 2026-11-21 Typed but not saved @sarah #e2e',
  'WAITING 2026-12-01 @tom to send the depot list',
  'PROMISE 2026-11-30 17:00 Call @rachel about #budget',
];

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);
  const text = await probe.command('probe.getText', [FILE]);
  const last = text.split('\n').length - 1;
  await openFile(page, probe, FILE, last);
  await focusActiveEditor(page);
  const position = page.locator('[id="status.editor.selection"]');
  await waitFor(async () => (await position.innerText().catch(() => '')).includes(`Ln ${last + 1},`), { message: `the cursor on line ${last + 1}` });
  for (const line of TYPED) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  const lines = await waitFor(
    async () => {
      const now = (await probe.command('probe.getText', [FILE])).split('\n');
      const got = now.slice(last, last + TYPED.length).map((l) => l.trimEnd());
      return got.every((l, i) => l === TYPED[i]) ? got : null;
    },
    { message: 'every typed line to be in the file exactly as typed' },
  ).catch(async (e) => {
    const now = (await probe.command('probe.getText', [FILE])).split('\n');
    e.message += `\n got: ${JSON.stringify(now.slice(last, last + TYPED.length + 1))}`;
    throw e;
  });
  assert.deepEqual(lines, TYPED);
  await screenshot('typed');
}
