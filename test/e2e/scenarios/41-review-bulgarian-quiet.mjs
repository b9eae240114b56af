// Issue 14: the Weekly Review in Bulgarian (title, columns, period buttons from l10n/bundle.l10n.bg.json), and
// "client gone quiet": with clientlog.cadence.defaultDays at 14, a month after the examples' last entries each
// log warns on its client line; the quick fix "Write today's entry" adds only the heading of today's entry and
// leaves the cursor after it, ready to type; the Waiting on clients view lists the quiet clients.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, waitFor } from '../lib/harness.mjs';
import { insertedLines, runFromPalette } from '../lib/input.mjs';
import { focusActiveEditor, openFile, openQuickFix, pickQuickFix, setNow, views } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';
import { reviewFrame } from './40-weekly-review.mjs';

export const name = 'weekly review in Bulgarian; client.quiet and its quick fix';
// Also run in the web worker extension host (run.mjs --web), as in vscode.dev.
export const web = true;
export const timeout = 180_000;
export const session = { locale: 'bg', settings: { 'clientlog.timeZone': 'UTC', 'clientlog.cadence.defaultDays': 14 } };

const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.bg.json'), 'utf8'));
const FILE = 'acme-logistics.clientlog';

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe, '2026-12-20T12:00:00Z');

  // The review, in Bulgarian.
  await runFromPalette(page, 'Clientlog: Седмичен преглед', { label: /Седмичен преглед/ });
  const frame = await reviewFrame(page);
  const title = await frame.$eval('h1', (h) => h.textContent);
  assert.match(title, /^Седмичен преглед 2026-12-14 – 2026-12-20$/);
  const heads = await frame.$$eval('thead th', (ths) => ths.map((t) => t.textContent));
  assert.equal(heads[0], bundle['Client']);
  assert.equal(heads[1], bundle['On time']);
  const periods = await frame.$$eval('.periods button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(periods, [bundle['This week'], bundle['Last week'], bundle['30 days'], bundle['90 days']]);
  assert.equal(await frame.$eval('button.copy', (b) => b.textContent), bundle['Copy as Markdown']);
  await screenshot('review-bg');

  // client.quiet on the client line of a log, in Bulgarian.
  const st = await probe.waitForState((s) => s.diagnostics.some((d) => d.fsPath?.endsWith(FILE) && d.diagnostics.some((x) => x.code === 'client.quiet')), {
    message: 'client.quiet on acme-logistics',
  });
  const diag = st.diagnostics.find((d) => d.fsPath.endsWith(FILE)).diagnostics.find((x) => x.code === 'client.quiet');
  assert.equal(diag.range.start.line, 1);
  assert.match(diag.message, /^Няма запис за Acme Logistics от 34 дни \(целта ви е на всеки 14 дни\)/);

  // The Waiting on clients view lists the quiet clients.
  const v = await views(probe);
  assert.ok(
    v.waiting.some((g) => g.label === 'Acme Logistics'),
    JSON.stringify(v.waiting.map((g) => g.label)),
  );

  // The quick fix: today's heading, nothing else, the cursor after it.
  const before = await probe.command('probe.getText', [FILE]);
  await openFile(page, probe, FILE, 1);
  await focusActiveEditor(page);
  const fix = bundle["Write today's entry"];
  await openQuickFix(page, [fix]);
  await pickQuickFix(page, fix);
  await probe.waitForState((s) => s.activeEditor?.text.includes('## 2026-12-20 '), { message: 'today’s heading to be written' });
  const after = await probe.command('probe.getText', [FILE]);
  assert.deepEqual(
    insertedLines(before, after)
      .map((l) => l.text)
      .filter((l) => l !== ''),
    ['## 2026-12-20 '],
  );
  const s2 = await waitFor(async () => {
    const s = await probe.command('probe.state');
    return s.activeEditor?.fileName === FILE ? s : null;
  });
  const last = after.split('\n').findIndex((l) => l === '## 2026-12-20 ');
  assert.deepEqual([s2.activeEditor.selection.start.line, s2.activeEditor.selection.start.character], [last, 14]);
  // Writing there ends the silence: the warning goes.
  await probe.waitForState((s) => !s.diagnostics.some((d) => d.fsPath?.endsWith(FILE) && d.diagnostics.some((x) => x.code === 'client.quiet')), {
    message: 'client.quiet to go once today has an entry',
  });
}
