import * as vscode from 'vscode';
import type { Clock } from './clock';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Hooks for the end-to-end suite only: registered when the extension runs under tests
 * (`CLIENTLOG_TEST=1` in the environment, or VS Code's test mode). They move the clock and report
 * the index, so tests wait on conditions instead of sleeping. Users never see them.
 */
export function registerTestHooks(context: vscode.ExtensionContext, clock: Clock, index: WorkspaceIndex): vscode.Disposable {
  if (process.env.CLIENTLOG_TEST !== '1' && context.extensionMode !== vscode.ExtensionMode.Test) return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('clientlog._test.setNow', (iso?: string) => {
      clock.setNow(iso);
      return clock.now().toISOString();
    }),
    vscode.commands.registerCommand('clientlog._test.index', async () => {
      await index.ready();
      return index.all().map((e) => ({ uri: e.uri.toString(), client: e.log.client, items: e.log.items.length, fromEditor: e.fromEditor }));
    }),
  );
}
