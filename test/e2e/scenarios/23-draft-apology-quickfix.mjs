// Issue 5: "Own it: draft an apology…" from the quick fix (Ctrl+.) of an overdue promise (acme-logistics
// line 56, due 2026-11-20, clock at 2026-11-23). The steps are seeded from the promise, in words the client
// reads (issue 15). The APOLOGY note has English labels, the promise line
// gets " | broken 2026-11-23 see APOLOGY 2026-11-23", the fix becomes a new PROMISE, the message opens
// beside, and one Ctrl+Z in the log restores the original text.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { answerInput, answerPick, insertedLines, startWithFile, waitForQuickInputHidden } from '../lib/input.mjs';
import { cursorOnLine, openQuickFix, pickQuickFix } from '../lib/promises.mjs';

export const name = "draft apology from an overdue promise's quick fix; one Ctrl+Z undoes it all";
export const timeout = 120_000;
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const FILE = 'acme-logistics.clientlog';
const LINE = 55; // 0-based: "PROMISE 2026-11-20 Send the revised depot cost comparison …"
const PROMISE_TEXT = 'Send the revised depot cost comparison to @sarah and @rachel #report';
const CLIENT_TEXT = 'Send the revised depot cost comparison to Sarah Whitfield and Rachel Hughes';
const FIX = 'Send the revised depot cost comparison with the Leeds figures checked';
const PREVENTION = 'Every report date now goes in the shared calendar with a reminder two days before.';

const OWN_IT = 'Own it: draft an apology…';

export async function run({ page, probe, screenshot }) {
  await startWithFile(page, probe, FILE, { focus: false });
  const original = await probe.command('probe.getText', [FILE]);
  assert.equal(original.split('\n')[LINE], `PROMISE 2026-11-20 ${PROMISE_TEXT}`);
  await probe.waitForState(
    (s) => s.diagnostics.some((d) => d.fsPath?.endsWith(FILE) && d.diagnostics.some((x) => x.code === 'promise.overdue' && x.range.start.line === LINE)),
    {
      message: 'the overdue diagnostic on line 56',
    },
  );

  // Cursor on the promise line, then the quick fix menu with the keyboard.
  await cursorOnLine(page, probe, LINE, 'Send the revised depot cost comparison');
  await openQuickFix(page, [OWN_IT]);
  await screenshot('quick-fix');
  await pickQuickFix(page, OWN_IT);

  // The seeds describe the promise as the client reads it (names for handles, no tag, the date in words).
  const what = await answerInput(page, 'What happened, in one or two sentences', undefined, {
    expectValue: `We missed the date we promised (Friday, 20 November) for “${CLIENT_TEXT}”.`,
  });
  await answerInput(page, 'What are you doing to fix it?', FIX, {
    expectValue: `We are completing the promised work (“${CLIENT_TEXT}”) as our first priority.`,
  });
  await answerInput(page, 'By when will it be fixed?', '2026-11-25', { expectValue: '2026-11-24' });
  await answerInput(page, 'What will prevent a repeat?', PREVENTION);
  await answerInput(page, 'What do you offer to make up for the trouble?', '');
  const choices = await answerPick(page, 'What happens to the promise?', /^Mark it broken/, { filter: 'broken' });
  assert.ok(
    choices.some((c) => c.startsWith('Reschedule it to 2026-11-25')),
    `rescheduling to the fix date is offered: ${JSON.stringify(choices)}`,
  );
  const contacts = await answerPick(page, 'Who is the message to?', /^Sarah Whitfield/, { filter: 'Sarah' });
  assert.ok(/Sarah Whitfield|Rachel Hughes/.test(contacts[0]), `the promise's contacts come first: ${JSON.stringify(contacts)}`);
  await waitForQuickInputHidden(page);

  const state = await probe.waitForState((s) => s.activeEditor?.uri.startsWith('untitled:') && s.activeEditor.text.includes('Hi Sarah,'), {
    message: 'the untitled apology message',
  });
  const message = state.activeEditor.text;
  assert.match(message, /^Our apology: /);
  assert.ok(message.includes('I owe you an apology.') && message.includes(what), `the message says what happened, verbatim:\n${message}`);
  assert.ok(message.includes('All of it will be in place by Wednesday, 25 November.'), `the fix date in words:\n${message}`);
  assert.ok(message.includes(PREVENTION), message);

  const changed = await probe.command('probe.getText', [FILE]);
  const lines = changed.split('\n');
  assert.equal(lines[LINE], `PROMISE 2026-11-20 ${PROMISE_TEXT} | broken 2026-11-23 see APOLOGY 2026-11-23`);
  // Everything else: only inserted lines (the promise line aside).
  const added = insertedLines(
    original
      .split('\n')
      .filter((_, i) => i !== LINE)
      .join('\n'),
    lines.filter((_, i) => i !== LINE).join('\n'),
  ).map((l) => l.text);
  const nonEmpty = added.filter((l) => l);
  assert.equal(nonEmpty[0], '## 2026-11-23 Apology', `a new entry for today:\n${added.join('\n')}`);
  assert.equal(nonEmpty[1], 'APOLOGY Send the revised depot cost comparison', 'the note header: the promise, cut at a phrase boundary');
  assert.deepEqual(
    nonEmpty.slice(2),
    [
      `  What happened: ${what}`,
      '  Apology: The mistake is ours, and I am sorry for the trouble it has caused you.',
      `  Fix: ${FIX} (by 2026-11-25)`,
      `  Prevention: ${PREVENTION}`,
      `PROMISE 2026-11-25 ${FIX}`,
    ],
    `inserted lines:\n${added.join('\n')}`,
  );

  // The promise is no longer open: no code lens offers to mark it kept.
  const lenses = await probe.command('vscode.executeCodeLensProvider', [{ $workspaceFile: FILE }]);
  assert.ok(
    !lenses.some((l) => l.range.start.line === LINE),
    `no code lens on the broken promise (provider): ${JSON.stringify(lenses.filter((l) => l.range.start.line === LINE))}`,
  );

  // Both editors for the record, then one Ctrl+Z in the log undoes the note and the line edit together.
  await page.locator('.editor-group-container').first().locator('.view-line', { hasText: 'What happened:' }).first().waitFor({ state: 'visible' });
  await screenshot('result');
  await probe.command('probe.openFile', [FILE, { viewColumn: 1 }]);
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE, { message: 'the log to be the active editor' });
  await waitFor(
    () =>
      page.evaluate(() => {
        const group = document.activeElement?.closest('.editor-group-container');
        return !!group && group === document.querySelector('.editor-group-container') && !!document.activeElement.closest('.monaco-editor');
      }),
    { message: 'keyboard focus in the log editor (the left group)' },
  );
  // Back in the log, its lenses are current. (VS Code does not re-request code lenses while an editor
  // is unfocused, and the message editor took the focus: until then the old lens may linger.)
  const overdueLens = page.locator('.editor-group-container').first().locator('.codelens-decoration', { hasText: 'overdue' });
  await waitFor(async () => (await overdueLens.count()) === 0, { message: 'the "3 days overdue" code lens to disappear from the log editor' });
  await page.keyboard.press('Control+Z');
  const undone = await waitFor(
    async () => {
      const t = await probe.command('probe.getText', [FILE]);
      return t !== changed ? t : null;
    },
    { message: 'Ctrl+Z to change the log' },
  );
  assert.equal(undone, original, 'one Ctrl+Z restores the original text (the note and the promise line edit are one undo step)');
  const s = await probe.command('probe.state');
  assert.equal(s.openDocuments.find((d) => d.uri.endsWith(FILE)).isDirty, false, 'the log is back to its saved state');
}
