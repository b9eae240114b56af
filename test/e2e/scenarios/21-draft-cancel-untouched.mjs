// Issue 5: cancelling a draft at any step leaves every file untouched. Escape at the facts step (after
// answering two steps, started from the palette), at the very last step (the recipient, everything else
// answered), and at the client pick (no client log active): the log's text and dirty state are unchanged,
// no untitled editor opens, and the command reports that nothing was written.
import assert from 'node:assert/strict';
import { answerInput, answerPick, runFromPalette, startWithFile, waitForQuickInputHidden, waitForStep } from '../lib/input.mjs';
import { waitForActiveTab } from '../lib/workbench.mjs';

export const name = 'cancelling a draft at any step leaves every file untouched';
export const timeout = 150_000;

const FILE = 'acme-logistics.clientlog';

/** Files and editors as the probe sees them, for before/after comparison. */
async function snapshot(probe) {
  const s = await probe.command('probe.state');
  return {
    text: await probe.command('probe.getText', [FILE]),
    dirty: s.openDocuments.filter((d) => d.isDirty).map((d) => d.uri),
    untitled: s.openDocuments.filter((d) => d.uri.startsWith('untitled:')).map((d) => d.uri),
    editors: s.visibleEditors.map((e) => e.uri),
  };
}

async function escapeAndCheck(page, probe, running, before, what) {
  await page.keyboard.press('Escape');
  await waitForQuickInputHidden(page);
  // The command resolves once the flow has ended: from here nothing more can be written.
  assert.equal(await running, false, `${what}: the command reports nothing was written`);
  const after = await snapshot(probe);
  assert.equal(after.text, before.text, `${what}: the log's text is unchanged`);
  assert.deepEqual(after.dirty, before.dirty, `${what}: no document became dirty`);
  assert.deepEqual(after.untitled, [], `${what}: no untitled editor was opened`);
  assert.deepEqual(after.editors, before.editors, `${what}: the visible editors are unchanged`);
}

export async function run({ page, probe, screenshot }) {
  await startWithFile(page, probe, FILE);
  const before = await snapshot(probe);
  assert.deepEqual(before.dirty, [], 'nothing is dirty at the start');

  // 1. From the palette: answer the request and the reason, Escape at the facts.
  //    (The palette runs the command in the workbench: its result is observed through the probe
  //    by running a no-op round trip after the quick input closed.)
  await runFromPalette(page, 'Clientlog: Draft Refusal', { label: /Clientlog: Draft Refusal/ });
  await answerInput(page, 'What did Acme Logistics ask for?', 'A live dashboard of every van, by Friday');
  await answerPick(page, 'Why not? Pick the reason', /The timeline cannot hold/, { filter: 'timeline' });
  await waitForStep(page, 'The facts behind the "no"', { kind: 'input' });
  await screenshot('before-escape');
  await escapeAndCheck(
    page,
    probe,
    probe.command('clientlog._test.index').then(() => false),
    before,
    'Escape at the facts step',
  );

  // 2. Escape at the last step: every question answered except the recipient.
  let running = probe.command('clientlog.draftRefusal', [], { timeout: 120_000 });
  await answerInput(page, 'What did Acme Logistics ask for?', 'Add the Manchester depot to the route model');
  await answerPick(page, 'Why not? Pick the reason', /Out of the agreed scope/, { filter: 'agreed scope' });
  await answerPick(page, 'What was agreed? The log says:', /Add the Leeds depot to discovery/, { filter: 'Leeds' });
  await answerInput(page, 'The facts behind the "no"', undefined, {
    expectValue: 'As agreed earlier, the work covers “Add the Leeds depot to discovery: two more interview days, same fee”.',
  });
  await answerPick(page, 'What do you offer instead?', /^Write my own alternative/, { filter: 'Write my own' });
  await answerInput(page, 'The alternative, as close as possible', 'Manchester as the first item of phase 2', { expectValue: '' });
  await waitForStep(page, 'Who is the message to?', { kind: 'pick' });
  await escapeAndCheck(page, probe, running, before, 'Escape at the recipient step');

  // 3. Escape at the client pick, with no client log in the active editor.
  await probe.command('probe.openFile', ['README.md']);
  await waitForActiveTab(page, 'README.md');
  const beforeReadme = await snapshot(probe);
  running = probe.command('clientlog.draftRefusal', [], { timeout: 120_000 });
  const clients = await waitForStep(page, 'Which client?', { kind: 'pick' });
  assert.ok(
    clients.rows.some((r) => r.includes('Acme Logistics')) && clients.rows.some((r) => r.includes('Балкан Фуудс ООД')),
    `the client pick lists the logs: ${JSON.stringify(clients.rows)}`,
  );
  await escapeAndCheck(page, probe, running, beforeReadme, 'Escape at the client pick');
  assert.equal(beforeReadme.text, before.text);
}
