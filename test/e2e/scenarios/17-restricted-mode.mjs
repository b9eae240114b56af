// Issue 7: in an untrusted workspace (Restricted Mode) the extension still activates and reports
// (it declares `capabilities.untrustedWorkspaces.supported: true`; it never runs workspace code).
import assert from 'node:assert/strict';
import { EXAMPLE_DIAGNOSTICS, openClientlogContainer, setNow, waitForActivityBadge, waitForDiagnostics } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'Restricted Mode (untrusted workspace): the extension activates and shows diagnostics';

export const session = { trust: false, settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } };

export async function run({ page, probe, screenshot }) {
  await waitForExplorerFile(page, 'acme-logistics.clientlog');
  // The workbench must really be in Restricted Mode, else this scenario proves nothing.
  await page
    .locator('.part.statusbar [id="status.workspaceTrust"], .part.statusbar [aria-label*="Restricted Mode"]')
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 })
    .catch(() => {
      throw new Error(
        'the workbench is not in Restricted Mode: the harness starts code-server with --disable-workspace-trust, which overrides security.workspace.trust.enabled',
      );
    });
  await probe.waitForActivation();
  await setNow(probe);
  const s = await waitForDiagnostics(probe, EXAMPLE_DIAGNOSTICS);
  assert.equal(s.extension.activation.ok, true);
  await openClientlogContainer(page);
  await waitForActivityBadge(page, '2');
  await screenshot('restricted-mode');
}
