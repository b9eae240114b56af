// a. The workbench opens the examples workspace, the extension activates (workspaceContains:**/*.clientlog),
//    the language is registered, and no error notification is shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, RESULTS_DIR } from '../lib/harness.mjs';
import { errorToasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'workbench loads the examples workspace and activates the extension';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

export async function run({ page, probe, screenshot, web }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  const state = await probe.waitForActivation();
  assert.equal(state.extension.id, EXTENSION_ID);
  // The probe is a Node extension: in web mode the extension runs in the other host (the web worker).
  assert.equal(state.extension.host, web ? 'other' : 'this');
  assert.ok(state.languages.includes('clientlog'), `language "clientlog" is not registered (languages: ${state.languages.length})`);
  assert.equal(state.workspaceFolders.length, 1, 'one workspace folder is open');
  // Activation time (bundle load to the end of activate()) and the first workspace scan, for the
  // benchmark report (bench/run.mjs reads this file).
  const timing = await probe.command('clientlog._test.timing');
  assert.ok(timing.activationMs > 0 && timing.files === 6, JSON.stringify(timing));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, web ? 'activation-web.json' : 'activation.json'),
    JSON.stringify({ activationMs: Math.round(timing.activationMs * 10) / 10, indexReadyMs: Math.round(timing.indexReadyMs), files: timing.files }, null, 2),
  );
  await screenshot('workbench');
  const errors = await errorToasts(page);
  assert.deepEqual(errors, [], `error notifications are shown:\n${errors.join('\n')}`);
}
