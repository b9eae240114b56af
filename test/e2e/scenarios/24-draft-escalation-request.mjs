// Issue 5: "Draft Escalation" on an English client (acme-logistics), triaged as an "Urgent request":
// the ESCALATION note says "Kind: request", a SCOPE line records the proposed date awaiting the client's
// confirmation, and the reply proposes the date entered, in words.
import assert from 'node:assert/strict';
import { answerInput, answerPick, insertedLines, runFromPalette, startWithFile, waitForQuickInputHidden } from '../lib/input.mjs';

export const name = 'draft escalation triaged as an urgent request proposes the date entered';
export const timeout = 120_000;

const FILE = 'acme-logistics.clientlog';
const REQUEST = 'Tom wants the Leeds depot added to the route model today';
const BREAKS = 'Nothing: the Leeds site manager meets Sarah on 2 December.';
const SOURCE = 'Sarah’s meeting with the Leeds site manager';

export async function run({ page, probe, screenshot }) {
  await startWithFile(page, probe, FILE);
  const before = await probe.command('probe.getText', [FILE]);

  await runFromPalette(page, 'Clientlog: Draft Escalation', { label: /Clientlog: Draft Escalation/ });
  await answerInput(page, 'What did the client ask for or report as urgent?', REQUEST);
  await answerInput(page, 'If this waits until tomorrow, what breaks, and for whom?', BREAKS);
  await answerInput(page, 'Where does the deadline come from?', SOURCE);
  const kinds = await answerPick(page, 'Crisis or urgent request?', /^Urgent request/, { filter: 'Urgent request' });
  assert.deepEqual(
    kinds.map((k) => k.split(/\s{2,}|\n/)[0]),
    ['Urgent request', 'Crisis'],
    `the two triage choices: ${JSON.stringify(kinds)}`,
  );
  await answerInput(page, 'What date can you realistically agree?', '2026-11-27', { expectValue: '2026-11-25' });
  await answerPick(page, 'Who is the message to?', /^Tom Okafor/, { filter: 'Tom' });
  await waitForQuickInputHidden(page);

  const state = await probe.waitForState((s) => s.activeEditor?.uri.startsWith('untitled:') && s.activeEditor.text.includes('Hi Tom,'), {
    message: 'the untitled reply to the urgent request',
  });
  const message = state.activeEditor.text;
  assert.match(message, /^Your urgent request: Tom wants the Leeds depot added\n/, message);
  assert.ok(message.includes(`Thank you for your request: “${REQUEST}”.`), message);
  assert.ok(message.includes('I suggest we have it ready by Friday, 27 November.'), `proposes the date entered, in words:\n${message}`);
  assert.ok(message.includes('Does that date work for you?'), message);
  assert.ok(!/crisis/i.test(message), 'a request is not treated as a crisis');

  const after = await probe.command('probe.getText', [FILE]);
  const added = insertedLines(before, after)
    .map((l) => l.text)
    .filter((l) => l);
  assert.deepEqual(
    added,
    [
      '## 2026-11-23 Escalation',
      'ESCALATION Tom wants the Leeds depot added',
      '  Kind: request',
      `  What breaks: ${BREAKS}`,
      `  Deadline source: ${SOURCE}`,
      'SCOPE 2026-11-23 Proposed 2026-11-27 for: Tom wants the Leeds depot added (awaiting confirmation)',
    ],
    `inserted lines:\n${added.join('\n')}`,
  );
  await page.locator('.editor-group-container').first().locator('.view-line', { hasText: 'Kind:' }).first().waitFor({ state: 'visible' });
  await screenshot('result');
}
