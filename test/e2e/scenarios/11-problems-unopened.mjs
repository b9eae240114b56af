// Issue 4: overdue promises are reported for files that were never opened. Without opening any file,
// the Problems panel (Ctrl+Shift+M) lists the overdue warnings of Acme Logistics and Волга Фарма, and
// the probe confirms every example's findings exist while no .clientlog document is open.
import assert from 'node:assert/strict';
import { waitFor } from '../lib/harness.mjs';
import { EXAMPLE_DIAGNOSTICS, diagnosticsOf, setNow, waitForDiagnostics } from '../lib/promises.mjs';
import { focusWorkbench, waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Problems panel shows overdue promises of files never opened';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;

const ACME = 'Promise to Acme Logistics was due 3 days ago (2026-11-20)';

async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows
      .map((r) => ({
        top: parseFloat(r.style.top || '0'),
        level: Number(r.getAttribute('aria-level') || '0'),
        text: r.textContent.replace(/\s+/g, ' ').trim(),
        label: r.getAttribute('aria-label') ?? '',
      }))
      .sort((a, b) => a.top - b.top),
  );
}

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  await probe.waitForActivation();
  await setNow(probe);

  const state = await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS);
  assert.equal(state.activeEditor, null, 'no editor is open');
  assert.deepEqual(
    state.openDocuments.filter((d) => d.uri.endsWith('.clientlog')),
    [],
    'no .clientlog document was opened',
  );
  const acme = diagnosticsOf(state, 'acme-logistics.clientlog').find((d) => d.code === 'promise.overdue');
  assert.equal(acme.message, ACME);
  assert.equal(acme.severity, 'warning');
  const volga = diagnosticsOf(state, 'volga-pharma.clientlog').find((d) => d.code === 'promise.overdue');
  assert.equal(volga.severity, 'warning');
  assert.equal(volga.line, 52);
  assert.match(volga.message, /2026-11-19/);

  // Problems panel, by keyboard; maximised so every row is rendered.
  await focusWorkbench(page);
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  await probe.command('workbench.action.toggleMaximizedPanel');
  let rows = [];
  await waitFor(
    async () => {
      rows = await problemRows(page);
      const text = rows.map((r) => r.text).join('\n');
      return text.includes(ACME) && text.includes(volga.message) && text.includes('acme-logistics.clientlog') && text.includes('volga-pharma.clientlog');
    },
    { message: 'the Problems panel to list both overdue promises' },
  ).catch((e) => {
    e.message += `\nrows: ${JSON.stringify(rows.map((r) => r.text))}`;
    throw e;
  });
  await screenshot('problems-panel');

  // Each warning sits under its file, with the 1-based line and the Clientlog source.
  const fileIndex = (f) => rows.findIndex((r) => r.level === 1 && r.text.includes(f));
  const rowIndex = (msg) => rows.findIndex((r) => r.level === 2 && r.text.includes(msg));
  for (const [file, msg, line] of [
    ['acme-logistics.clientlog', ACME, 56],
    ['volga-pharma.clientlog', volga.message, 52],
  ]) {
    const f = fileIndex(file);
    const m = rowIndex(msg);
    assert.ok(f >= 0 && m > f, `"${msg}" is listed under ${file}`);
    assert.ok(
      rows.slice(f + 1, m).every((r) => r.level === 2),
      `no other file between ${file} and its warning`,
    );
    assert.match(rows[m].text, new RegExp(`Clientlog.*\\[Ln ${line}, Col \\d+\\]`), `row shows source and line: ${rows[m].text}`);
    assert.match(rows[m].label, /warning/i, `row is a warning: ${rows[m].label}`);
  }
  // Still nothing opened by looking at the Problems panel.
  const after = probe.state();
  assert.equal(after.activeEditor, null);
}
