// a. The workbench opens the examples workspace, the extension activates (workspaceContains:**/*.clientlog),
//    the language is registered, and no error notification is shown.
import assert from 'node:assert/strict';
import { EXTENSION_ID } from '../lib/harness.mjs';
import { errorToasts, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'workbench loads the examples workspace and activates the extension';

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  const state = await probe.waitForActivation();
  assert.equal(state.extension.id, EXTENSION_ID);
  assert.ok(state.languages.includes('clientlog'), `language "clientlog" is not registered (languages: ${state.languages.length})`);
  assert.equal(state.workspaceFolders.length, 1, 'one workspace folder is open');
  await screenshot('workbench');
  const errors = await errorToasts(page);
  assert.deepEqual(errors, [], `error notifications are shown:\n${errors.join('\n')}`);
}
