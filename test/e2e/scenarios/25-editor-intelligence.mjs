// Issue 8: editor intelligence in a .clientlog file (acme-logistics, clock at 2026-11-23 12:00 UTC):
//  a. the Outline view shows the client and the dated entries (and the symbol provider returns them);
//  b. a date completion after "PROMISE " ("tomorrow" -> 2026-11-24, in the log's time zone);
//  c. "@" in a PROMISE text completes the client's contacts (accept inserts the handle);
//  d. hovering a PROMISE's date shows its due date and state;
//  e. the "Mark kept" code lens above an open promise.
import assert from 'node:assert/strict';
import { startWithFile } from '../lib/input.mjs';
import { waitFor } from '../lib/harness.mjs';
import { SEL } from '../lib/workbench.mjs';

export const name = 'editor intelligence: outline, date and contact completion, hover, code lens';
export const timeout = 150_000;

const FILE = 'acme-logistics.clientlog';
const LINE = 55; // "PROMISE 2026-11-20 Send the revised depot cost comparison to @sarah and @rachel #report" (overdue)

/** Waits for the suggest widget to show a row containing `text`; returns the row. */
async function suggestRow(page, text) {
  const row = page.locator(SEL.suggestRow, { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

async function acceptFocused(page, row) {
  await waitFor(
    async () => {
      if ((await row.getAttribute('class'))?.includes('focused')) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { message: 'the suggestion to be focused' },
  );
  await page.keyboard.press('Enter');
  await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
}

async function lineText(probe, line) {
  return (await probe.command('probe.getText', [FILE])).split('\n')[line];
}

export async function run({ page, probe, screenshot }) {
  await startWithFile(page, probe, FILE, { focus: false });

  // e. Code lenses above the open promises. (VS Code requests lenses while the editor has focus: a
  //    user looking at the log, not at another view.)
  await probe.command('probe.setCursor', [LINE, 0]);
  await page.locator(SEL.viewLine, { hasText: 'The board liked the model' }).first().click();
  const lenses = await probe.command('vscode.executeCodeLensProvider', [{ $workspaceFile: FILE }]);
  assert.ok(
    lenses.some((l) => l.range.start.line === LINE && l.command?.title === 'Mark kept'),
    `a "Mark kept" lens on line 56: ${JSON.stringify(lenses.map((l) => [l.range.start.line, l.command?.title]))}`,
  );
  assert.ok(!lenses.some((l) => l.range.start.line === 26), 'no lens on a kept promise (line 27)');
  const lens = page.locator(`${SEL.activeEditor} .codelens-decoration`, { hasText: 'Mark kept' }).first();
  await lens.waitFor({ state: 'visible' });
  const lensText = (await page.locator(`${SEL.activeEditor} .codelens-decoration`, { hasText: 'overdue' }).first().innerText()).replace(/\s+/g, ' ');
  assert.match(lensText, /3 days overdue \| Mark kept \| Reschedule…/, lensText);

  // d. Hover over the overdue promise's date.
  const hover = await probe.command('vscode.executeHoverProvider', [{ $workspaceFile: FILE }, { $position: [LINE, 10] }]);
  const hoverText = hover.flatMap((h) => h.contents).join('\n');
  assert.ok(hoverText.includes('2026-11-20') && /Open, overdue/.test(hoverText), `the hover provider gives the due date and state:\n${hoverText}`);
  await probe.command('probe.setCursor', [LINE, 0]);
  const promiseLine = page.locator(SEL.viewLine, { hasText: 'PROMISE 2026-11-20 Send the revised depot' }).first();
  await promiseLine.waitFor({ state: 'visible' });
  const date = promiseLine.locator('span > span', { hasText: '2026-11-20' }).first();
  const hoverWidget = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Due' }).first();
  await waitFor(
    async () => {
      await date.hover();
      await hoverWidget.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
      return hoverWidget.isVisible();
    },
    { message: 'the hover on the promise date' },
  );
  const shown = (await hoverWidget.innerText()).replace(/\s+/g, ' ');
  assert.ok(
    shown.includes('2026-11-20') && shown.includes('Open, overdue') && shown.includes('Mark kept'),
    `the hover shows the due date, the state and the actions: ${shown}`,
  );
  await screenshot('hover');
  await page.mouse.move(5, 400);

  // a. Outline: the provider, then the Outline view in the Explorer.
  const symbols = await probe.command('vscode.executeDocumentSymbolProvider', [{ $workspaceFile: FILE }]);
  const names = symbols.map((s) => s.name);
  assert.equal(names[0], 'Acme Logistics', `the client comes first: ${JSON.stringify(names)}`);
  for (const entry of ['2026-09-14 Kick-off at the Daventry depot with @sarah and @tom', '2026-11-16 Weekly call with @sarah and @tom']) {
    assert.ok(names.includes(entry), `the entry "${entry}" is a top-level symbol: ${JSON.stringify(names)}`);
  }
  const weekly = symbols.find((s) => s.name.startsWith('2026-11-16'));
  assert.ok(
    weekly.children.some((c) => c.name.startsWith('Send the revised depot cost comparison') && /PROMISE · 2026-11-20 · open/.test(c.detail)),
    `the entry's promises are its children: ${JSON.stringify(weekly.children.map((c) => [c.name, c.detail]))}`,
  );
  assert.ok(
    symbols[0].children.some((c) => c.name === 'Sarah Whitfield'),
    'the contacts are under the client',
  );

  await probe.command('outline.focus');
  // Give the Outline the Explorer's height (its list is virtualised: only visible rows are rendered).
  const folders = page.locator('.pane-header', { hasText: /^\s*Workspace/i }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Outline/i }) }).locator('.monaco-list-row');
  await waitFor(
    async () => {
      const rows = (await outline.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      return rows.some((r) => r.includes('Acme Logistics')) && rows.some((r) => r.includes('2026-11-16 Weekly call with @sarah and @tom')) ? rows : null;
    },
    { message: 'the Outline view to list the client and the dated entries' },
  );
  await screenshot('outline');

  // b. + c. A new promise typed at the end: the date, then a contact.
  const text = await probe.command('probe.getText', [FILE]);
  const last = text.split('\n').length - 1;
  await probe.command('probe.insertText', ['\n', { $position: [last, 0] }]);
  await probe.command('probe.setCursor', [last, 0]);
  await page.locator(SEL.viewLine, { hasText: 'Send the phase 2 proposal' }).first().click();
  await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), { message: 'editor focus' });
  await probe.command('probe.setCursor', [last, 0]);
  // The selection reaches the renderer asynchronously: type only once the status bar shows it.
  const position = page.locator('[id="status.editor.selection"]');
  await waitFor(async () => (await position.innerText().catch(() => '')).includes(`Ln ${last + 1}, Col 1`), { message: `the cursor on line ${last + 1}` });
  await page.keyboard.type('PROMISE');
  await waitFor(async () => (await lineText(probe, last)) === 'PROMISE', { message: '"PROMISE" to be typed' });
  await page.keyboard.press('Escape');
  await page.keyboard.type(' ');
  await suggestRow(page, 'tomorrow');
  await page.keyboard.type('tomo');
  const tomorrow = await suggestRow(page, 'tomorrow');
  assert.match((await tomorrow.innerText()).replace(/\s+/g, ' '), /2026-11-24.*tomorrow/, "tomorrow is 2026-11-24 in the log's time zone");
  await screenshot('date-completion');
  await acceptFocused(page, tomorrow);
  await waitFor(async () => (await lineText(probe, last)) === 'PROMISE 2026-11-24', { message: 'the date completion to insert 2026-11-24' });

  await page.keyboard.type(' Call');
  await page.keyboard.press('Escape');
  await page.keyboard.type(' @');
  const sarah = await suggestRow(page, 'Sarah Whitfield');
  const offered = (await page.locator(SEL.suggestRow).allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  for (const who of ['Sarah Whitfield', 'Tom Okafor', 'Rachel Hughes'])
    assert.ok(
      offered.some((o) => o.includes(who)),
      `contact ${who} is offered: ${JSON.stringify(offered)}`,
    );
  assert.ok(sarah);
  await page.keyboard.type('Rach');
  const rachel = await suggestRow(page, 'Rachel Hughes');
  await screenshot('contact-completion');
  await acceptFocused(page, rachel);
  await waitFor(async () => (await lineText(probe, last)) === 'PROMISE 2026-11-24 Call @rachel', {
    message: 'the contact completion to insert @rachel',
  });
}
