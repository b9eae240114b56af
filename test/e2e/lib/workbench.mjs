// Workbench (DOM) helpers for scenarios. Every wait is on a condition, with a timeout.
import { T, waitFor } from './harness.mjs';

/** Selectors into the VS Code 1.100 workbench DOM. */
export const SEL = {
  explorerRow: '.explorer-folders-view .monaco-list-row',
  toast: '.notifications-toasts .notification-toast',
  errorToastIcon: '.notifications-toasts .notification-toast .codicon-error',
  languageStatus: '[id="status.editor.mode"]',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  activeEditor: '.editor-group-container.active .monaco-editor',
  viewLine: '.editor-group-container.active .monaco-editor .view-lines .view-line',
  suggestWidget: '.editor-widget.suggest-widget.visible',
  suggestRow: '.editor-widget.suggest-widget.visible .monaco-list-row',
};

/** Waits until the Explorer lists `fileName` (the workbench has loaded the workspace). */
export async function waitForExplorerFile(page, fileName, { timeout = T.workbench } = {}) {
  await page.locator(SEL.explorerRow, { hasText: fileName }).first().waitFor({ state: 'visible', timeout });
}

/** Texts of the notification toasts with an error icon. */
export async function errorToasts(page) {
  return page
    .locator(SEL.toast)
    .filter({ has: page.locator('.codicon-error') })
    .allInnerTexts();
}

/** Texts of all visible notification toasts. */
export async function toasts(page) {
  return page.locator(SEL.toast).allInnerTexts();
}

/** Opens a file through Quick Open (Ctrl+P), typing `query` and picking the entry labelled `fileName`. */
export async function quickOpen(page, fileName, { query = fileName } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  const input = page.locator(SEL.quickInputBox);
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  const row = page.locator(`${SEL.quickInput} .monaco-list-row`, { hasText: fileName }).first();
  await row.waitFor({ state: 'visible' });
  await waitFor(async () => (await row.getAttribute('class'))?.includes('focused') || (await pressDownIfNotFocused(page, row)), {
    message: `Quick Open entry ${fileName} to be selected`,
  });
  await page.keyboard.press('Enter');
  await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
  await waitForActiveTab(page, fileName);
}

async function pressDownIfNotFocused(page, row) {
  await page.keyboard.press('ArrowDown');
  return (await row.getAttribute('class'))?.includes('focused');
}

/** Waits until the active editor tab is `fileName`. */
export async function waitForActiveTab(page, fileName, { timeout = T.ui } = {}) {
  await page.locator('.editor-group-container.active .tab.active', { hasText: fileName }).first().waitFor({ state: 'visible', timeout });
}

/** Closes whatever transient UI has focus (quick input, suggest, hover) so shortcuts reach the workbench. */
export async function focusWorkbench(page) {
  await page.keyboard.press('Escape');
}

/** Puts keyboard focus into the active text editor. */
export async function focusEditor(page) {
  const editor = page.locator(SEL.activeEditor).first();
  await editor.waitFor({ state: 'visible' });
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), { message: 'editor focus' });
}

/** Waits for the status bar language indicator to read `name` (e.g. "Client Log"). */
export async function waitForLanguageStatus(page, name, { timeout = T.ui } = {}) {
  const item = page.locator(SEL.languageStatus);
  return waitFor(async () => ((await item.innerText().catch(() => '')).trim() === name ? name : null), {
    timeout,
    message: `status bar language mode "${name}" (now: "${(await item.innerText().catch(() => '?')).trim()}")`,
  });
}

/**
 * Tokens of the first rendered editor line containing `text`: [{ text, className }].
 * Monaco renders each token as a span with a class mtk<N> (N = colour index).
 */
export async function lineTokens(page, text) {
  return page.evaluate(
    ({ sel, text }) => {
      const line = [...document.querySelectorAll(sel)].find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(text));
      if (!line) return null;
      return [...line.querySelectorAll('span > span')].map((s) => ({
        text: s.textContent.replace(/\u00a0/g, ' '),
        className: [...s.classList].find((c) => /^mtk\d+$/.test(c)) ?? '',
        classes: s.className,
      }));
    },
    { sel: SEL.viewLine, text },
  );
}

/** Triggers suggestions (Ctrl+Space) and waits for the suggest widget to list `label`; returns the row locator. */
export async function triggerSuggest(page, label, { icon } = {}) {
  await page.keyboard.press('Control+Space');
  await page.locator(SEL.suggestWidget).waitFor({ state: 'visible' });
  let row = page.locator(SEL.suggestRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) });
  if (icon) row = row.filter({ has: page.locator(`.suggest-icon.codicon-${icon}`) });
  row = row.first();
  await row.waitFor({ state: 'visible' });
  return row;
}

/** Moves the suggest selection onto `row` with the keyboard and accepts it with Enter. */
export async function acceptSuggestion(page, row) {
  await waitFor(
    async () => {
      if ((await row.getAttribute('class'))?.includes('focused')) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { message: 'suggestion to be focused' },
  );
  await page.keyboard.press('Enter');
  await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
