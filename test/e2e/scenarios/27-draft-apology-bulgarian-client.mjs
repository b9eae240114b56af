// Issue 15: English UI, Bulgarian client (balkan-foods, `language: bg`), "Own it" from the quick fix of an
// overdue promise (line 58, due 2026-11-23, clock at 2026-11-24). The steps speak the user's language
// (English), but every word of the letter and of the note written into the log is Bulgarian: the seeds are
// built from the client's phrasebook, @maria reads as her name, the tag goes, the date is in words.
import assert from 'node:assert/strict';
import { answerInput, answerPick, insertedLines, startWithFile, waitForQuickInputHidden } from '../lib/input.mjs';
import { cursorOnLine, openQuickFix, pickQuickFix } from '../lib/promises.mjs';

export const name = 'English UI, Bulgarian client: "Own it" drafts a letter and a note in Bulgarian throughout';
export const timeout = 120_000;

const FILE = 'balkan-foods.clientlog';
const LINE = 57; // 0-based: "PROMISE 2026-11-23 Списък с въпросите за ценовите листи на веригите до @maria #dashboard"
const PROMISE_TEXT = 'Списък с въпросите за ценовите листи на веригите до @maria #dashboard';
const CLIENT_TEXT = 'Списък с въпросите за ценовите листи на веригите до Мария Георгиева';
const PREVENTION = 'Всеки срок към клиент вече влиза в общия календар с напомняне два дни по-рано.';

const OWN_IT = 'Own it: draft an apology…';

export async function run({ page, probe, screenshot }) {
  await startWithFile(page, probe, FILE, { focus: false });
  const ready = await probe.waitForActivation();
  assert.equal(ready.uiLanguage, 'en', 'VS Code speaks English');
  await probe.command('clientlog._test.setNow', ['2026-11-24T12:00:00Z']);
  const original = await probe.command('probe.getText', [FILE]);
  assert.equal(original.split('\n')[LINE], `PROMISE 2026-11-23 ${PROMISE_TEXT}`);
  await probe.waitForState(
    (s) => s.diagnostics.some((d) => d.fsPath?.endsWith(FILE) && d.diagnostics.some((x) => x.code === 'promise.overdue' && x.range.start.line === LINE)),
    {
      message: 'the overdue diagnostic on line 58',
    },
  );

  await cursorOnLine(page, probe, LINE, 'Списък с въпросите за ценовите листи');
  await openQuickFix(page, [OWN_IT]);
  await pickQuickFix(page, OWN_IT);

  // English prompts, Bulgarian seeds.
  const what = await answerInput(page, 'What happened, in one or two sentences', undefined, {
    expectValue: `Не спазихме обещания срок (понеделник, 23 ноември) за задачата „${CLIENT_TEXT}“.`,
  });
  const fixText = await answerInput(page, 'What are you doing to fix it?', undefined, {
    expectValue: `С предимство довършваме обещаната задача „${CLIENT_TEXT}“.`,
  });
  await answerInput(page, 'By when will it be fixed?', '2026-11-25', { expectValue: '2026-11-25' });
  await answerInput(page, 'What will prevent a repeat?', PREVENTION);
  await answerInput(page, 'What do you offer to make up for the trouble?', '');
  await answerPick(page, 'What happens to the promise?', /^Mark it broken/, { filter: 'broken' });
  const contacts = await answerPick(page, 'Who is the message to?', /^Мария Георгиева/, { filter: 'Мария' });
  assert.ok(contacts[0].startsWith('Мария Георгиева'), `the promise's contact comes first: ${JSON.stringify(contacts)}`);
  await waitForQuickInputHidden(page);

  const state = await probe.waitForState((s) => s.activeEditor?.uri.startsWith('untitled:') && s.activeEditor.text.includes('Здравейте, Мария,'), {
    message: 'the untitled apology message, in Bulgarian',
  });
  const message = state.activeEditor.text;
  await screenshot('letter');
  assert.match(message, /^Нашето извинение: Списък с въпросите за ценовите листи/u, message);
  assert.ok(message.includes('Дължим Ви извинение.') && message.includes(what), `what happened, as seeded:\n${message}`);
  assert.ok(message.includes('Всичко ще бъде готово до сряда, 25 ноември.'), `the fix date in Bulgarian words:\n${message}`);
  assert.doesNotMatch(message, /\p{Script=Latin}/u, `not one Latin letter in the letter:\n${message}`);
  assert.doesNotMatch(message, /[@#]|\d{4}-\d{2}-\d{2}/u, `no log syntax in the letter:\n${message}`);

  // The note in the log is Bulgarian too: labels, apology and seeds (only the keywords are English).
  const lines = (await probe.command('probe.getText', [FILE])).split('\n');
  assert.equal(lines[LINE], `PROMISE 2026-11-23 ${PROMISE_TEXT} | broken 2026-11-24 see APOLOGY 2026-11-24`);
  const added = insertedLines(
    original
      .split('\n')
      .filter((_, i) => i !== LINE)
      .join('\n'),
    lines.filter((_, i) => i !== LINE).join('\n'),
  )
    .map((l) => l.text)
    .filter((l) => l);
  assert.deepEqual(
    added,
    [
      '## 2026-11-24 Извинение',
      'APOLOGY Списък с въпросите за ценовите листи',
      `  Какво се случи: ${what}`,
      '  Извинение: Грешката е наша и искрено съжаляваме за неудобството, което Ви причинихме.',
      `  Решение: ${fixText.replace(/\.$/, '')} (до 2026-11-25)`,
      `  Превенция: ${PREVENTION}`,
      `PROMISE 2026-11-25 ${fixText}`,
    ],
    `inserted lines:\n${added.join('\n')}`,
  );
}
