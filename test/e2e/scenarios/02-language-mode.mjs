// b. Opening a .clientlog file (Quick Open, by keyboard) shows the "Client Log" language mode and
//    the grammar's tokens: the PROMISE keyword renders in a different colour class than plain text.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { lineTokens, quickOpen, waitForExplorerFile, waitForLanguageStatus } from '../lib/workbench.mjs';

export const name = 'opening a .clientlog file shows the Client Log mode and highlighting';

const FILE = 'acme-logistics.clientlog';
const PLAIN = 'Route-planning review for the Midlands fleet';

export async function run({ page, probe }) {
  await waitForExplorerFile(page, FILE);
  await quickOpen(page, FILE, { query: 'acme-logistics' });
  await waitForLanguageStatus(page, 'Client Log');
  const state = await probe.waitForState((s) => s.activeEditor?.fileName === FILE, { message: `${FILE} to be the active editor` });
  assert.equal(state.activeEditor.languageId, 'clientlog');

  // Tokenization is asynchronous: wait until the keyword has its own colour class.
  const result = await waitFor(async () => {
    const promise = await lineTokens(page, 'PROMISE 2026-09-18');
    const plain = await lineTokens(page, PLAIN);
    if (!promise || !plain) return null;
    const keyword = promise.find((t) => t.text.trim() === 'PROMISE' || t.text.startsWith('PROMISE'));
    const plainClass = plain[0]?.className;
    return keyword && plainClass && keyword.className !== plainClass ? { keyword, plainClass, promise } : null;
  }, { message: 'PROMISE to be highlighted differently from plain text' });
  assert.match(result.keyword.className, /^mtk\d+$/);
  const classes = new Set(result.promise.map((t) => t.className));
  assert.ok(classes.size >= 2, `the PROMISE line has several token colours (${[...classes].join(', ')})`);
}
