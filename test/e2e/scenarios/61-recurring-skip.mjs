// Issue 17: "Skip this one…" from the lightbulb (quick-fix menu) on a recurring promise: it asks why, drops
// the occurrence with that reason and writes the next one right below it; one Undo removes both. A promise
// that does not repeat is not offered the action.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { answerInput } from '../lib/input.mjs';
import { TODAY, focusActiveEditor, openFile, openQuickFix, pickQuickFix, setNow, views } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'recurring promise: Skip this one from the lightbulb drops it with a reason and writes the next';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const FILE = 'monthly-report.clientlog';
const LINES = [
  '---',
  'client: Monthly Report Ltd',
  'timezone: Europe/London',
  '---',
  '## 2026-11-02 Kick-off',
  'PROMISE 2026-11-30 Monthly report to the board | every month on the last day',
  'PROMISE 2026-11-27 Send the kick-off minutes',
  '',
];
const OPEN_LINE = 5;
export const session = { files: { [FILE]: LINES.join('\n') } };

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);
  const original = LINES.join('\n');

  // A promise that does not repeat: no Skip.
  await openFile(page, probe, FILE, OPEN_LINE + 1);
  await focusActiveEditor(page);
  const plain = await openQuickFix(page, ['Mark kept (today)', 'Drop…']);
  assert.ok(!plain.includes('Skip this one…'), `no Skip for a one-off promise: ${JSON.stringify(plain)}`);
  await page.keyboard.press('Escape');

  // The recurring one.
  await probe.command('probe.setCursor', [OPEN_LINE, 8]);
  await probe.waitForState((s) => s.activeEditor?.selection?.start?.line === OPEN_LINE, { message: 'cursor on the recurring promise' });
  await openQuickFix(page, ['Mark kept (today)', 'Reschedule…', 'Drop…', 'Skip this one…']);
  await screenshot('skip-in-menu');
  await pickQuickFix(page, 'Skip this one…');
  await answerInput(page, 'Why is this one skipped?', 'the board meets in January');
  const want = [
    ...LINES.slice(0, OPEN_LINE),
    `${LINES[OPEN_LINE]} | dropped ${TODAY} the board meets in January`,
    'PROMISE 2026-12-31 Monthly report to the board | every month on the last day',
    ...LINES.slice(OPEN_LINE + 1),
  ].join('\n');
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.text === want, {
    message: 'the occurrence dropped with its reason and the next one below it',
  });
  // The view lists the next occurrence (31 December), not the skipped one.
  await waitFor(
    async () => {
      const xs = (await views(probe)).promises.flatMap((g) => g.items).filter((i) => i.text === 'Monthly report to the board');
      return xs.length === 1 && xs[0].line === OPEN_LINE + 1 && xs[0].rule === 'every month on the last day';
    },
    { message: 'the next occurrence in the Promises view' },
  );

  // One Undo removes both changes.
  await focusActiveEditor(page);
  await page.keyboard.press('Control+Z');
  await probe.waitForState((s) => s.activeEditor?.fileName === FILE && s.activeEditor.text === original, { message: 'one Undo to restore the text' });
}
