// Bulgarian display language: code-server --locale bg (with the stub language pack from
// test/e2e/langpack-bg, since VS Code ships none for Bulgarian) gives the extension host
// vscode.env.language === 'bg', and the extension still activates. Drafting scenarios in Bulgarian
// start from `session = { locale: 'bg' }` like this one.
import assert from 'node:assert/strict';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Bulgarian display language reaches the extension host';
export const session = { locale: 'bg' };

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'balkan-foods.clientlog');
  const state = await probe.waitForActivation();
  assert.equal(state.uiLanguage, 'bg', 'vscode.env.language');
  await screenshot('workbench-bg');
}
