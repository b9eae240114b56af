// Page and probe helpers for the promise scenarios (10–19): the Clientlog activity-bar item and its
// badge, the Promises / Waiting views, the overdue status bar item, the Problems panel, the quick-fix
// menu, and byte-level file comparisons. Every wait is on a condition, with a timeout.
import fs from 'node:fs';
import path from 'node:path';
import { T, waitFor } from './harness.mjs';
import { SEL, escapeRe } from './workbench.mjs';

/** The instant the examples were written for (see test/core/examples.test.ts). */
export const NOW = '2026-11-23T12:00:00Z';
export const TODAY = '2026-11-23';

/** Moves the extension's clock (call first in every scenario) and waits until the views use it. */
export async function setNow(probe, iso = NOW) {
  const got = await probe.command('clientlog._test.setNow', [iso]);
  if (Date.parse(got) !== Date.parse(iso)) throw new Error(`clientlog._test.setNow(${iso}) returned ${got}`);
  await waitFor(async () => Date.parse((await probe.command('clientlog._test.views')).now) === Date.parse(iso), { message: `the views to use now = ${iso}` });
}

/** `clientlog._test.views`: { now, groupBy, overdue, promises: [{ label, items }], waiting }. */
export function views(probe) {
  return probe.command('clientlog._test.views');
}

// ------------------------------------------------------------------ probe state

/** Diagnostics of a workspace file (by base name) in a probe state: [{ line (1-based), code, severity, message }]. */
export function diagnosticsOf(state, fileName) {
  const entry = (state?.diagnostics ?? []).find((d) => d.fsPath && path.basename(d.fsPath) === fileName);
  return (entry?.diagnostics ?? [])
    .filter((d) => d.source === 'Clientlog')
    .map((d) => ({ line: d.range.start.line + 1, code: d.code, severity: d.severity, message: d.message }));
}

/** All Clientlog diagnostics as sorted "file:line:code" strings. */
export function diagnosticKeys(state) {
  return (state?.diagnostics ?? [])
    .filter((d) => d.fsPath)
    .flatMap((d) => d.diagnostics.filter((x) => x.source === 'Clientlog').map((x) => `${path.basename(d.fsPath)}:${x.range.start.line + 1}:${x.code}`))
    .sort();
}

/** What the examples show as of NOW. */
export const EXAMPLE_DIAGNOSTICS = [
  'acme-logistics.clientlog:56:promise.overdue',
  'acme-logistics.clientlog:57:promise.dueSoon',
  'balkan-foods.clientlog:52:scope.unconfirmed',
  'balkan-foods.clientlog:58:promise.dueToday',
  'carpathia-design.clientlog:44:promise.dueSoon',
  'harbor-dental.clientlog:2:client.quiet',
  'northwind-legal.clientlog:60:promise.dueSoon',
  'volga-pharma.clientlog:40:waiting.followUp',
  'volga-pharma.clientlog:52:promise.overdue',
];

/** Waits until the probe reports exactly `keys` (see diagnosticKeys). */
export async function waitForDiagnostics(probe, keys, { timeout = T.ui, message } = {}) {
  const want = [...keys].sort();
  return probe.waitForState((s) => JSON.stringify(diagnosticKeys(s)) === JSON.stringify(want), {
    timeout,
    message: message ?? `diagnostics ${JSON.stringify(want)}`,
  });
}

// ------------------------------------------------------------------ files

/** Splits text into lines that keep their endings ("a\r\n", "b\n", "c"). */
export function splitKeepingEndings(text) {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

export function readBytes(workspaceDir, rel) {
  return fs.readFileSync(path.join(workspaceDir, rel));
}

/** Indices of the lines that differ between two texts (same line count expected). */
export function differingLines(a, b) {
  const la = splitKeepingEndings(a);
  const lb = splitKeepingEndings(b);
  const out = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) out.push(i);
  return { lines: out, before: la, after: lb };
}

// ------------------------------------------------------------------ activity bar, views, status bar

/** The Clientlog item of the activity bar. */
export function activityItem(page) {
  return page
    .locator('.part.activitybar .action-item')
    .filter({ has: page.locator('[aria-label^="Clientlog"]') })
    .first();
}

/** Text of the badge on the Clientlog activity-bar item ('' when none is shown). */
export async function activityBadge(page) {
  const badge = activityItem(page).locator('.badge .badge-content');
  if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return '';
  return (await badge.first().textContent())?.trim() ?? '';
}

export async function waitForActivityBadge(page, text, { timeout = T.ui } = {}) {
  let last = '';
  await waitFor(async () => (last = await activityBadge(page)) === text, { timeout, message: `activity-bar badge "${text}" (now "${last}")` }).catch((e) => {
    e.message += ` (now "${last}")`;
    throw e;
  });
}

/** Opens the Clientlog container by clicking its activity-bar icon (unless it is already open). */
export async function openClientlogContainer(page) {
  const item = activityItem(page);
  await item.waitFor({ state: 'visible' });
  const pane = viewPane(page, 'Promises');
  if (!(await pane.isVisible().catch(() => false))) await item.click();
  await pane.waitFor({ state: 'visible' });
}

/** The view pane titled `title` ("Promises", "Waiting on clients") in the side bar. */
export function viewPane(page, title) {
  return page
    .locator('.part.sidebar .pane')
    .filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^\\s*${escapeRe(title)}\\s*$`, 'i') }) })
    .first();
}

/** Rows of a tree view as the user sees them: [{ level, label, description, text }]. */
export async function viewRows(page, title) {
  return viewPane(page, title)
    .locator('.pane-body .monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .map((r) => ({
          top: parseFloat(r.style.top || '0'),
          level: Number(r.getAttribute('aria-level') || '0'),
          label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
          text: r.textContent.replace(/\s+/g, ' ').trim(),
        }))
        .sort((a, b) => a.top - b.top)
        .map((r) => ({ level: r.level, label: r.label, description: r.description, text: r.text })),
    );
}

/** Waits until `pred(rows)` holds for the rows of a view; returns them. */
export async function waitForRows(page, title, pred, { timeout = T.ui, message = `rows of ${title}` } = {}) {
  let last = [];
  try {
    return await waitFor(
      async () => {
        last = await viewRows(page, title);
        return pred(last) ? last : null;
      },
      { timeout, message },
    );
  } catch (e) {
    e.message += `\nlast rows: ${JSON.stringify(last.map((r) => `${r.level}:${r.label}|${r.description}`))}`;
    throw e;
  }
}

/** Clicks a title action (by its tooltip / aria-label) of a view pane. */
export async function clickViewTitleAction(page, title, label) {
  const pane = viewPane(page, title);
  await pane.locator('.pane-header').hover();
  const action = pane.locator(`.pane-header .actions .action-label[aria-label="${label}"]`).first();
  await action.waitFor({ state: 'visible' });
  await action.click();
}

/** The overdue-promises status bar item. */
export function overdueStatusItem(page) {
  return page.locator('.part.statusbar [id$="clientlog.overdue"]').first();
}

export async function waitForOverdueStatus(page, count, { timeout = T.ui } = {}) {
  const item = overdueStatusItem(page);
  let last = '';
  await waitFor(
    async () => {
      last = ((await item.textContent().catch(() => '')) ?? '').trim();
      return (await item.isVisible().catch(() => false)) && last === String(count);
    },
    { timeout, message: `status bar overdue count "${count}"` },
  ).catch((e) => {
    e.message += ` (now "${last}")`;
    throw e;
  });
}

// ------------------------------------------------------------------ editor, quick fix, quick input

/** Opens a workspace file through the probe and waits for it to be the active tab. */
export async function openFile(page, probe, rel, line) {
  await probe.command('probe.openFile', [rel]);
  await page
    .locator('.editor-group-container.active .tab.active', { hasText: path.basename(rel) })
    .first()
    .waitFor({ state: 'visible' });
  await probe.waitForState((s) => s.activeEditor?.fileName === path.basename(rel), { message: `${rel} to be the active editor` });
  if (line !== undefined) {
    await probe.command('probe.setCursor', [line, 0]);
    await probe.waitForState((s) => s.activeEditor?.selection?.start?.line === line, { message: `cursor on line ${line + 1}` });
  }
}

/** Clicks into the active editor's text at the cursor's line so keyboard input goes to the editor. */
export async function focusActiveEditor(page) {
  const ta = page
    .locator('.editor-group-container.active .monaco-editor textarea.inputarea, .editor-group-container.active .monaco-editor .native-edit-context')
    .first();
  await ta.focus();
  await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), { message: 'editor focus' });
}

/**
 * Puts the cursor at the start of `line` (0-based) of the active editor, shows that line and gives the editor the
 * focus, without a click: a click lands wherever the line was a moment before, and code lenses appearing above it
 * move it down (in the web worker host they often arrive after the text).
 */
export async function cursorOnLine(page, probe, line, lineText) {
  await probe.command('probe.setCursor', [line, 0]);
  if (lineText) await page.locator(SEL.viewLine, { hasText: lineText }).first().waitFor({ state: 'visible' });
  await focusActiveEditor(page);
  await probe.waitForState((s) => s.activeEditor?.selection.start.line === line && s.activeEditor.selection.end.line === line, {
    message: `the cursor on line ${line + 1}`,
  });
}

/** Opens the quick-fix menu (Ctrl+.) and returns the titles it lists. */
export async function openQuickFix(page, expected) {
  const menu = page.locator('.action-widget');
  // Ctrl+. right after the cursor moved can find the code actions not computed yet ("No code actions
  // available"): press again until the menu shows.
  await waitFor(
    async () => {
      await page.keyboard.press('Control+.');
      return menu.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
    },
    { message: 'the quick-fix menu to open (Ctrl+.)' },
  );
  return waitFor(
    async () => {
      const titles = (await menu.locator('.monaco-list-row .title').allTextContents()).map((t) => t.trim());
      return expected.every((e) => titles.includes(e)) ? titles : null;
    },
    { message: `quick-fix menu listing ${JSON.stringify(expected)}` },
  );
}

/** Picks an entry of the open quick-fix menu with the keyboard (arrows, then Enter), as a user does. */
export async function pickQuickFix(page, title) {
  const menu = page.locator('.action-widget');
  const focusedTitle = async () =>
    (
      (await menu
        .locator('.monaco-list-row.focused .title')
        .first()
        .textContent()
        .catch(() => '')) ?? ''
    ).trim();
  let seen = '';
  await waitFor(
    async () => {
      seen = await focusedTitle();
      if (seen === title) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { message: `quick fix "${title}" to be selected`, interval: 150 },
  ).catch((e) => {
    e.message += ` (selected: "${seen}")`;
    throw e;
  });
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

export const QUICK_INPUT = '.quick-input-widget';

/** Waits for the quick input (InputBox or QuickPick) whose title / placeholder / prompt mentions `text`. */
export async function waitForQuickInput(page, text) {
  const w = page.locator(QUICK_INPUT);
  await w.waitFor({ state: 'visible' });
  await waitFor(
    async () => {
      const all = await w.evaluate(
        (el) =>
          `${el.textContent} ${el.querySelector('input')?.getAttribute('placeholder') ?? ''} ${el.querySelector('input')?.getAttribute('aria-label') ?? ''}`,
      );
      return all.includes(text);
    },
    { message: `quick input about "${text}"` },
  );
  return w;
}

/** Collapses or expands a view pane of the side bar by clicking its header. */
export async function setPaneExpanded(page, title, expanded) {
  const header = page.locator(`.part.sidebar .pane-header[aria-label="${title} Section"]`).first();
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === String(expanded), {
    message: `${title} to be ${expanded ? 'expanded' : 'collapsed'}`,
  });
}

/** Widens the side bar by dragging its sash, so tree descriptions are readable in screenshots. */
export async function widenSideBar(page, width = 560) {
  const bar = page.locator('.part.sidebar');
  const box = await bar.boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
  await waitFor(async () => ((await bar.boundingBox())?.width ?? 0) > box.width + 50, { message: 'the side bar to widen' }).catch(() => {});
}
