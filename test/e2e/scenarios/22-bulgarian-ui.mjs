// Issue 5 (localisation): with the display language set to Bulgarian the extension's own UI is in
// Bulgarian: the Clientlog views' titles (package.nls.bg.json), the command palette entries, and the
// diagnostics for overdue promises (l10n/bundle.l10n.bg.json), shown in the Problems panel.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, waitFor } from '../lib/harness.mjs';
import { paletteEntries } from '../lib/input.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Bulgarian display language: views, command palette and diagnostics in Bulgarian';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;
export const session = { locale: 'bg' };
export const timeout = 120_000;

const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.bg.json'), 'utf8'));
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.bg.json'), 'utf8'));

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  const ready = await probe.waitForActivation();
  assert.equal(ready.uiLanguage, 'bg');
  await probe.command('clientlog._test.setNow', ['2026-11-23T12:00:00Z']);

  // Diagnostics of overdue promises, for files that are not even open, in Bulgarian.
  const overduePrefix = bundle['Promise to {0} was due {1} ({2})'].split('{0}')[0]; // "Срокът на обещанието към "
  assert.equal(overduePrefix, 'Срокът на обещанието към ');
  const state = await probe.waitForState(
    (s) =>
      ['acme-logistics', 'volga-pharma'].every((f) =>
        s.diagnostics.some((d) => d.fsPath?.includes(f) && d.diagnostics.some((x) => x.code === 'promise.overdue' && x.message.startsWith(overduePrefix))),
      ),
    {
      message: 'Bulgarian overdue-promise diagnostics for acme-logistics and volga-pharma',
    },
  );
  const acme = state.diagnostics.find((d) => d.fsPath?.endsWith('acme-logistics.clientlog')).diagnostics;
  const overdue = acme.find((d) => d.code === 'promise.overdue');
  assert.equal(overdue.range.start.line, 55, 'the overdue promise is acme-logistics line 56');
  assert.match(overdue.message, /^Срокът на обещанието към Acme Logistics изтече .+ \(.+\)$/u, overdue.message);
  for (const { diagnostics } of state.diagnostics.filter((d) => d.fsPath?.endsWith('.clientlog'))) {
    for (const d of diagnostics.filter((x) => x.source === 'Clientlog')) {
      assert.match(d.message, /[А-Яа-я]/u, `every Clientlog diagnostic is in Bulgarian: ${d.code} "${d.message}"`);
    }
  }

  // The command palette lists the commands with their Bulgarian titles.
  // (The list is virtualised: ask for a few commands at a time.)
  const drafts = await paletteEntries(page, 'Clientlog: Чернова', { until: (rows) => rows.length >= 3, onShown: () => screenshot('palette') });
  for (const key of ['command.draftRefusal', 'command.draftApology', 'command.draftEscalation']) {
    assert.ok(drafts.includes(`Clientlog: ${nls[key]}`), `palette lists "Clientlog: ${nls[key]}": ${JSON.stringify(drafts)}`);
  }
  const all = await paletteEntries(page, 'Clientlog', { until: (rows) => rows.length >= 5 });
  assert.ok(
    all.every((r) => /^Clientlog: [^A-Za-z]/.test(r)),
    `every Clientlog command title is Bulgarian: ${JSON.stringify(all)}`,
  );
  // The English title still finds the command (VS Code's alias), shown with its Bulgarian title.
  const byEnglish = await paletteEntries(page, 'Draft Refusal', { until: (rows) => rows.includes(`Clientlog: ${nls['command.draftRefusal']}`) });
  assert.ok(!byEnglish.includes('Clientlog: Draft Refusal…'));

  // The Clientlog views, titled in Bulgarian, with the promise tree.
  await probe.command('clientlog.showPromises');
  const header = (title) => page.locator('.pane-header', { hasText: title }).first();
  await header(nls['view.promises']).waitFor({ state: 'visible' });
  await header(nls['view.waiting']).waitFor({ state: 'visible' });
  const tree = page.locator('.pane', { has: header(nls['view.promises']) }).locator('.monaco-list-row');
  await waitFor(async () => (await tree.allInnerTexts()).some((t) => t.includes('Send the revised depot cost comparison')), {
    message: 'the promise tree to list the overdue acme promise',
  });

  // The Problems panel, with the Bulgarian messages.
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: overduePrefix.trim() }).first();
  await problem.waitFor({ state: 'visible' });
  await screenshot('views-and-problems');
}
