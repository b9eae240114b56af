// Issue 5: "Draft Refusal" from the command palette on a Bulgarian client (balkan-foods, language: bg),
// every step answered by typing into the QuickInput. The REFUSAL note (Bulgarian labels) lands under a
// new "## 2026-11-23 Отказ" entry, only lines are inserted, and the client-facing message in Bulgarian
// opens beside the log in an untitled editor.
import assert from 'node:assert/strict';
import { answerInput, answerPick, runFromPalette, waitForQuickInputHidden, insertedLines } from '../lib/input.mjs';
import { focusEditor, waitForActiveTab, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'draft refusal from the command palette writes a Bulgarian REFUSAL note and message';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;
export const timeout = 120_000;

const FILE = 'balkan-foods.clientlog';
const REQUEST = 'Отчетът за маржовете всеки ден до 9:00 сутринта за @maria';
const FACTS = 'Счетоводството затваря деня едва в 18:00, а отстъпките за веригите все още се коригират на ръка.';
const ALTERNATIVE = 'Цялата работа на по-късна дата, която можем да гарантираме.';

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  assert.equal(await probe.command('clientlog._test.setNow', ['2026-11-23T12:00:00Z']), '2026-11-23T12:00:00.000Z');

  await probe.command('probe.openFile', [FILE]);
  await waitForActiveTab(page, FILE);
  await focusEditor(page);
  const before = await probe.command('probe.getText', [FILE]);
  assert.ok(!before.includes('## 2026-11-23'), 'the example has no entry for today yet');

  await runFromPalette(page, 'Clientlog: Draft Refusal', { label: /Clientlog: Draft Refusal/ });
  await answerInput(page, 'What did Балкан Фуудс ООД ask for?', REQUEST);
  const reasons = await answerPick(page, 'Why not? Pick the reason', /The timeline cannot hold/, { filter: 'timeline' });
  assert.equal(reasons.length, 5, `five reasons are offered: ${JSON.stringify(reasons)}`);
  await answerInput(page, 'The facts behind the "no"', FACTS);
  const alternatives = await answerPick(page, 'What do you offer instead?', /^Цялата работа на по-късна дата/, { filter: 'Цялата работа' });
  assert.ok(
    alternatives.some((a) => /Write my own alternative/.test(a)),
    `"Write my own alternative…" is offered: ${JSON.stringify(alternatives)}`,
  );
  await answerInput(page, 'The alternative, as close as possible', undefined, { expectValue: ALTERNATIVE });
  const contacts = await answerPick(page, 'Who is the message to?', /^Мария Георгиева/, { filter: 'Мария' });
  assert.match(contacts[0], /Мария Георгиева/, 'the contact mentioned in the request (@maria) is offered first');
  await waitForQuickInputHidden(page);

  // The untitled message beside the log, in Bulgarian.
  const state = await probe.waitForState(
    (s) => s.activeEditor?.uri.startsWith('untitled:') && s.activeEditor.text.includes('Здравейте') && s.visibleEditors.some((e) => e.fileName === FILE),
    { message: 'the untitled draft message to open beside the log' },
  );
  const message = state.activeEditor.text;
  assert.equal(state.activeEditor.languageId, 'markdown');
  assert.notEqual(state.activeEditor.viewColumn, state.visibleEditors.find((e) => e.fileName === FILE).viewColumn, 'the message opens beside the log');
  const lines = message.split('\n');
  assert.match(lines[0], /^Относно Вашето искане: /, `Bulgarian subject line: ${lines[0]}`);
  assert.equal(lines[2], 'Здравейте, Мария,', 'greets the chosen contact in Bulgarian');
  assert.ok(
    message.includes('Благодарим Ви за отправеното искане: „Отчетът за маржовете всеки ден до 9:00 сутринта за Мария Георгиева“.'),
    `quotes the request, @maria as her name:\n${message}`,
  );
  assert.ok(message.includes(FACTS), `contains the facts verbatim:\n${message}`);
  assert.ok(message.includes(`Вместо това можем да Ви предложим следното:\n${ALTERNATIVE}`), `contains the alternative verbatim:\n${message}`);
  assert.ok(message.includes('С уважение,'), 'Bulgarian sign-off');

  // The log: only inserted lines, a new entry for today with the REFUSAL block in Bulgarian labels.
  const after = await probe.command('probe.getText', [FILE]);
  const added = insertedLines(before, after).map((l) => l.text);
  assert.deepEqual(
    added.filter((l) => l !== ''),
    [
      '## 2026-11-23 Отказ',
      'REFUSAL Отчетът за маржовете всеки ден',
      `  Искане: ${REQUEST}`,
      '  Причина: срок',
      `  Факти: ${FACTS}`,
      `  Алтернатива: ${ALTERNATIVE}`,
    ],
    `inserted lines:\n${added.join('\n')}`,
  );
  assert.equal(added.length, 7, 'one blank line separates the new entry');
  assert.match(after, /\n\n## 2026-11-23 Отказ\nREFUSAL /, "the note sits right under today's new entry");
  const log = state.visibleEditors.find((e) => e.fileName === FILE);
  assert.ok(log.isDirty, 'the log has unsaved changes (nothing is saved or sent)');

  // Both editors visible for the README screenshot.
  await page.locator('.editor-group-container').nth(1).locator('.view-line', { hasText: 'Здравейте' }).first().waitFor({ state: 'visible' });
  await page.locator('.editor-group-container').first().locator('.view-line', { hasText: 'Алтернатива:' }).first().waitFor({ state: 'visible' });
  await screenshot('result');
}
