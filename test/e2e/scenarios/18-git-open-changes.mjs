// Issue 13, item 1: in a git workspace, "Open Changes" on a modified log opens its HEAD version (a git:
// document) beside it. That view is not one of the user's logs: it is not indexed, so the overdue badge,
// the status bar, the views and the Problems panel count every promise once, and no quick fix targets it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { T, waitFor } from '../lib/harness.mjs';
import { diagnosticKeys, openClientlogContainer, setNow, views, waitForActivityBadge, waitForOverdueStatus } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'git workspace: Open Changes on a modified log leaves the counts unchanged';

const FILE = 'acme-logistics.clientlog';
const OVERDUE = 'PROMISE 2026-11-20 Send the revised depot cost comparison to @sarah and @rachel #report';

export const session = {
  // The suite turns git off for speed; this scenario is about git.
  settings: { 'git.enabled': true, 'git.openRepositoryInParentFolders': 'always' },
  prepare(dir) {
    const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'add', '-A');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'Client logs');
    // The working copy keeps Acme's overdue promise; HEAD has it too, plus the change is elsewhere: a new
    // promise, overdue, that HEAD does not have. HEAD counted as a second log would add Acme's old overdue one.
    const file = path.join(dir, FILE);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes(OVERDUE));
    fs.writeFileSync(file, text.replace(OVERDUE, `${OVERDUE}\nPROMISE 2026-11-21 Call @tom about the depot lease #lease`));
  },
};

const schemes = (st) => [...new Set((st.diagnostics ?? []).map((d) => d.uri.split(':')[0]))].sort();

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);
  // 8 examples' findings plus the new overdue promise on line 57.
  await probe.waitForState((st) => diagnosticKeys(st).includes(`${FILE}:57:promise.overdue`), { message: 'the new promise is overdue' });
  const before = await views(probe);
  assert.equal(before.overdue, 3, 'Acme (2) and Volga (1)');
  const keysBefore = diagnosticKeys(probe.state());
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '3');

  // Open Changes: the git extension needs to have found the repository first.
  await probe.command('probe.openFile', [FILE]);
  await waitFor(
    async () => {
      try {
        await probe.command('git.openChange', [{ $workspaceFile: FILE }]);
      } catch {
        return false;
      }
      const st = await probe.command('probe.state');
      return st.visibleEditors.some((e) => e.uri.startsWith('git:') && e.fileName === FILE);
    },
    { timeout: T.ui * 2, message: 'the HEAD version of the log to open beside it (git.openChange)' },
  );
  const st = await probe.command('probe.state');
  const head = st.visibleEditors.find((e) => e.uri.startsWith('git:'));
  assert.equal(head.languageId, 'clientlog', 'the HEAD side is a clientlog document');
  await screenshot('open-changes');

  // Give the index time to (wrongly) pick it up, then check every count.
  await new Promise((r) => setTimeout(r, 1500));
  const index = await probe.command('clientlog._test.index');
  assert.deepEqual(
    index.map((e) => e.uri.split(':')[0]).filter((s) => s !== 'file'),
    [],
    'only files are indexed',
  );
  assert.equal(index.filter((e) => e.uri.endsWith(`/${FILE}`)).length, 1, 'the log is indexed once');
  const after = await views(probe);
  assert.equal(after.overdue, before.overdue, 'overdue count unchanged');
  assert.deepEqual(
    after.promises.map((g) => [g.label, g.items.length]),
    before.promises.map((g) => [g.label, g.items.length]),
    'the Promises view lists each promise once',
  );
  assert.deepEqual(schemes(probe.state()), ['file'], 'no diagnostics on the git: document');
  assert.deepEqual(diagnosticKeys(probe.state()), keysBefore);
  await waitForActivityBadge(page, '3');
  await waitForOverdueStatus(page, 3);

  // No quick fix, lens or action targets the HEAD version.
  const actions = await probe.command('vscode.executeCodeActionProvider', [{ $uri: head.uri }, { $range: [55, 0, 55, 10] }]);
  assert.deepEqual(
    (actions ?? []).map((a) => a.title),
    [],
    'no code actions on the git: document',
  );
  const lenses = await probe.command('vscode.executeCodeLensProvider', [{ $uri: head.uri }]);
  assert.deepEqual(lenses ?? [], [], 'no code lenses on the git: document');
  const fileActions = await probe.command('vscode.executeCodeActionProvider', [{ $workspaceFile: FILE }, { $range: [55, 0, 55, 10] }]);
  assert.ok(
    (fileActions ?? []).some((a) => /Mark kept/.test(a.title)),
    'the working copy still has its quick fixes',
  );
}
