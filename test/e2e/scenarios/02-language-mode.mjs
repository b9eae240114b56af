// b. Opening a .clientlog file (Quick Open, by keyboard) shows the "Client Log" language mode and
//    the grammar's tokens: the PROMISE keyword renders in a different colour class than plain text. Closing
//    it keeps its findings (the index reads it from its file system again).
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { diagnosticsOf } from '../lib/promises.mjs';
import { lineTokens, quickOpen, waitForExplorerFile, waitForLanguageStatus } from '../lib/workbench.mjs';

export const name = 'opening a .clientlog file shows the Client Log mode and highlighting; closed, it keeps its findings';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const FILE = 'acme-logistics.clientlog';
const PLAIN = 'Route-planning review for the Midlands fleet';

export async function run({ page, probe }) {
  await waitForExplorerFile(page, FILE);
  await quickOpen(page, FILE, { query: 'acme-logistics' });
  await waitForLanguageStatus(page, 'Client Log');
  const state = await probe.waitForState((s) => s.activeEditor?.fileName === FILE, { message: `${FILE} to be the active editor` });
  assert.equal(state.activeEditor.languageId, 'clientlog');

  // Tokenization is asynchronous: wait until the keyword has its own colour class.
  const result = await waitFor(
    async () => {
      const promise = await lineTokens(page, 'PROMISE 2026-09-18');
      const plain = await lineTokens(page, PLAIN);
      if (!promise || !plain) return null;
      const keyword = promise.find((t) => t.text.trim() === 'PROMISE' || t.text.startsWith('PROMISE'));
      const plainClass = plain[0]?.className;
      return keyword && plainClass && keyword.className !== plainClass ? { keyword, plainClass, promise } : null;
    },
    { message: 'PROMISE to be highlighted differently from plain text' },
  );
  assert.match(result.keyword.className, /^mtk\d+$/);
  const classes = new Set(result.promise.map((t) => t.className));
  assert.ok(classes.size >= 2, `the PROMISE line has several token colours (${[...classes].join(', ')})`);

  // Closed again, the log goes back to the index's copy read from its file system, with its findings: also
  // in the web host, where the workspace's files are not file: URIs (there it used to leave the index).
  // Waited for, not read once: the open editor's model is analysed a moment after the editor shows (on a loaded
  // machine, after the highlighting above).
  const findings = await waitFor(
    async () => {
      const f = diagnosticsOf(await probe.command('probe.state'), FILE);
      return f.length > 0 ? f : null;
    },
    { message: `${FILE} to have findings while open` },
  );
  await probe.command('workbench.action.closeActiveEditor');
  await waitFor(
    async () => {
      const entry = (await probe.command('clientlog._test.index')).find((e) => e.uri.endsWith(`/${FILE}`));
      return entry && !entry.fromEditor;
    },
    { message: `${FILE} to be indexed from its file once its editor is closed` },
  );
  const state2 = await probe.waitForState((s) => !s.openDocuments.some((d) => d.uri.endsWith(`/${FILE}`)), { message: `${FILE} to be closed` });
  assert.deepEqual(diagnosticsOf(state2, FILE), findings, 'the closed log keeps its findings');
}
