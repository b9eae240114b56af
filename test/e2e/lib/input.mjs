// QuickInput helpers for scenarios: the command palette, InputBox and QuickPick steps of guided flows.
// Every step is recognised by its own text (prompt, placeholder or title), never by timing, so a
// scenario never types into the previous step's box.
import { T, waitFor, sleepTick } from './harness.mjs';
import { SEL, escapeRe, focusEditor, waitForActiveTab, waitForExplorerFile } from './workbench.mjs';

export const QI = {
  widget: SEL.quickInput,
  input: SEL.quickInputBox,
  title: `${SEL.quickInput} .quick-input-title`,
  message: `${SEL.quickInput} .quick-input-message`,
  row: `${SEL.quickInput} .quick-input-list .monaco-list-row`,
  focusedRow: `${SEL.quickInput} .quick-input-list .monaco-list-row.focused`,
};

/** Whether the quick input widget is shown. */
export async function quickInputVisible(page) {
  return page
    .locator(QI.widget)
    .isVisible()
    .catch(() => false);
}

/**
 * What the quick input shows now: { visible, value, placeholder, title, message, rows: [label…], focused }.
 * `message` is an InputBox's prompt (or validation message); `placeholder` a QuickPick's placeHolder.
 */
export async function quickInputState(page) {
  return page.evaluate((q) => {
    const w = document.querySelector(q.widget);
    const visible = !!w && w.offsetParent !== null && getComputedStyle(w).display !== 'none';
    const input = document.querySelector(q.input);
    const text = (sel) => (document.querySelector(sel)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    const rowLabel = (r) => (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? r.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    const list = w?.querySelector('.quick-input-list');
    const listVisible = !!list && list.offsetParent !== null && getComputedStyle(list).display !== 'none';
    const rows = listVisible ? [...document.querySelectorAll(q.row)] : [];
    const focused = rows.find((r) => r.classList.contains('focused'));
    return {
      visible,
      value: input?.value ?? '',
      placeholder: input?.getAttribute('placeholder') ?? '',
      ariaLabel: input?.getAttribute('aria-label') ?? '',
      title: text(q.title),
      message: text(q.message),
      listVisible,
      rows: rows.map(rowLabel),
      focused: focused ? rowLabel(focused) : null,
    };
  }, QI);
}

function matches(hay, want) {
  if (!want) return true;
  return want instanceof RegExp ? want.test(hay) : hay.includes(want);
}

/**
 * Waits for the quick input step whose prompt/placeholder contains `text` (string or RegExp).
 * `kind`: 'input' (an InputBox: no list) or 'pick' (a QuickPick: a list). Returns the state.
 */
export async function waitForStep(page, text, { kind, timeout = T.ui } = {}) {
  let last = null;
  try {
    return await waitFor(
      async () => {
        last = await quickInputState(page);
        if (!last.visible) return null;
        if (!matches(ownText(last), text)) return null;
        if (kind === 'input' && last.listVisible) return null;
        // A pick's rows render after its placeholder (later still in the web worker host): wait for them.
        if (kind === 'pick' && (!last.listVisible || last.rows.length === 0)) return null;
        return last;
      },
      { timeout, message: `quick input step ${text}` },
    );
  } catch (e) {
    e.message += `\nquick input now: ${JSON.stringify(last)}`;
    throw e;
  }
}

/** Replaces the quick input's value by typing `text` (select all, then type), and waits for it to show. */
export async function typeIntoQuickInput(page, text) {
  const input = page.locator(QI.input);
  await input.waitFor({ state: 'visible' });
  await input.focus();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
  await waitFor(async () => (await input.inputValue()) === text, { message: `quick input value ${JSON.stringify(text)}` });
}

/**
 * Answers an InputBox step: waits for the step with prompt `prompt`, checks its prefilled value when
 * `expectValue` is given, types `value` (undefined: keep the prefilled value) and presses Enter; then
 * waits until that step is gone (the next one, or none, is shown). Returns the prefilled value.
 */
export async function answerInput(page, prompt, value, { expectValue } = {}) {
  const st = await waitForStep(page, prompt, { kind: 'input' });
  if (expectValue !== undefined && !matches(st.value, expectValue)) {
    throw new Error(`input step "${prompt}" was prefilled with ${JSON.stringify(st.value)}, expected ${expectValue}`);
  }
  if (value !== undefined) await typeIntoQuickInput(page, value);
  await page.keyboard.press('Enter');
  await waitForStepGone(page, prompt);
  return st.value;
}

/**
 * Answers a QuickPick step: waits for the step with placeholder/title `placeholder`, types `filter`
 * (default: the label) to narrow the list, waits for the focused row to be `label` (string: contained,
 * RegExp: matched) and presses Enter. Returns the labels that were offered before filtering.
 */
export async function answerPick(page, placeholder, label, { filter } = {}) {
  const st = await waitForStep(page, placeholder, { kind: 'pick' });
  const offered = st.rows;
  const query = filter ?? (typeof label === 'string' ? label : undefined);
  if (query !== undefined) await typeIntoQuickInput(page, query);
  await focusRow(page, label);
  await page.keyboard.press('Enter');
  await waitForStepGone(page, placeholder);
  return offered;
}

/** Moves the quick pick's focus onto the row whose label matches `label` (keyboard only). */
export async function focusRow(page, label) {
  let last = null;
  try {
    await waitFor(
      async () => {
        last = await quickInputState(page);
        if (last.focused && matches(last.focused, label)) return true;
        const idx = last.rows.findIndex((r) => matches(r, label));
        if (idx >= 0) await page.keyboard.press('ArrowDown');
        return false;
      },
      { message: `quick pick row ${label} to be focused` },
    );
  } catch (e) {
    e.message += `\nquick input now: ${JSON.stringify(last)}`;
    throw e;
  }
}

/** Waits until the step identified by `text` is no longer shown (hidden, or replaced by another step). */
export async function waitForStepGone(page, text, { timeout = T.ui } = {}) {
  await waitFor(
    async () => {
      const st = await quickInputState(page);
      return !st.visible || !matches(ownText(st), text);
    },
    { timeout, message: `quick input step ${text} to close` },
  );
}

/** The text that identifies a step: an InputBox's prompt, a QuickPick's placeholder (not the shared title). */
function ownText(st) {
  return [st.message, st.placeholder, st.ariaLabel].join('\n');
}

/** Waits until no quick input is shown. */
export async function waitForQuickInputHidden(page, { timeout = T.ui } = {}) {
  await waitFor(async () => !(await quickInputVisible(page)), { timeout, message: 'quick input to close' });
}

/**
 * Opens the command palette (F1), types `query`, waits for the entry labelled `label` (default: query)
 * to be focused and runs it with Enter.
 */
export async function runFromPalette(page, query, { label = query } = {}) {
  await openPalette(page);
  await typeIntoQuickInput(page, `>${query}`);
  await focusRow(page, label);
  await page.keyboard.press('Enter');
  // The palette closes (or turns into the command's first step).
  await waitFor(
    async () => {
      const st = await quickInputState(page);
      return !st.visible || !st.value.startsWith('>');
    },
    { message: `command palette to run "${label}"` },
  );
}

/** Opens the command palette with F1 and waits for its ">" prompt. */
export async function openPalette(page) {
  await page.keyboard.press('Escape');
  await waitFor(
    async () => {
      const st = await quickInputState(page);
      if (st.visible && st.value.startsWith('>')) return true;
      if (!st.visible) await page.keyboard.press('F1');
      await sleepTick(150);
      return false;
    },
    { message: 'command palette to open' },
  );
}

/** Labels the command palette lists for `query` (F1, type, read, `onShown(rows)` while shown, Escape). */
export async function paletteEntries(page, query, { until, onShown } = {}) {
  await openPalette(page);
  await typeIntoQuickInput(page, `>${query}`);
  const rows = await waitFor(
    async () => {
      const st = await quickInputState(page);
      if (!st.rows.length) return null;
      return !until || until(st.rows) ? st.rows : null;
    },
    { message: `command palette entries for "${query}"` },
  );
  if (onShown) await onShown(rows);
  await page.keyboard.press('Escape');
  await waitForQuickInputHidden(page);
  return rows;
}

export { escapeRe };

/**
 * The lines of `after` that are not in `before`, when `after` is `before` with lines inserted only (no
 * existing line changed or removed); throws otherwise. Line ends are normalised.
 */
export function insertedLines(before, after) {
  const b = before.replace(/\r\n/g, '\n').split('\n');
  const a = after.replace(/\r\n/g, '\n').split('\n');
  // Longest common subsequence (the logs are small): every line of `before` must be kept.
  const n = b.length;
  const m = a.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = b[i] === a[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  if (dp[0][0] !== n) {
    const lost = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (b[i] === a[j]) {
        i++;
        j++;
      } else if (dp[i + 1][j] >= dp[i][j + 1]) lost.push(`${i + 1}: ${b[i++]}`);
      else j++;
    }
    while (i < n) lost.push(`${i + 1}: ${b[i++]}`);
    throw new Error(`existing lines changed or removed:\n${lost.slice(0, 10).join('\n')}`);
  }
  const added = [];
  let i = 0;
  for (let j = 0; j < m; j++) {
    if (i < n && b[i] === a[j] && dp[i][j] === dp[i + 1][j + 1] + 1) i++;
    else added.push({ line: j, text: a[j] });
  }
  return added;
}

/**
 * The usual start of an editor scenario: the workspace is listed, the extension active, the clock at
 * 2026-11-23 12:00 UTC (so results do not depend on the real date), and `file` open in the editor.
 * With `focus`, keyboard input goes to that editor.
 */
export async function startWithFile(page, probe, file, { focus = true } = {}) {
  await waitForExplorerFile(page, file);
  await probe.waitForActivation();
  await probe.command('clientlog._test.setNow', ['2026-11-23T12:00:00Z']);
  await probe.command('probe.openFile', [file]);
  await waitForActiveTab(page, file);
  if (focus) await focusEditor(page);
}
