import * as vscode from 'vscode';
import type { Clock } from '../host/clock';
import type { TimeScheduler } from '../host/scheduler';
import { overdueCount, relative, type ItemsProvider, type Node, type TreeViews } from './promiseTree';
import type { WorkspaceIndex } from '../host/workspaceIndex';
import type { ReviewPanel } from './review';
import { typingHooks } from './typingHooks';
import type { Reminders } from './reminders';
import { reminderSettings } from '../host/settings';

const hooksWanted = (context: vscode.ExtensionContext): boolean =>
  vscode.workspace.getConfiguration('clientlog').get<boolean>('_testHooks', false) === true || context.extensionMode === vscode.ExtensionMode.Test;

/**
 * Under tests only: the instant "now" starts at when the extension activates (the undeclared setting
 * `clientlog._testNow`), so what activation itself shows (the morning digest) sees the scenario's day.
 */
export function testClockStart(context: vscode.ExtensionContext): string | undefined {
  if (!hooksWanted(context)) return undefined;
  const at = vscode.workspace.getConfiguration('clientlog').get<string>('_testNow', '');
  return typeof at === 'string' && at ? at : undefined;
}

/**
 * Hooks for the end-to-end suite only: registered when the extension runs under tests (the undeclared
 * user setting `"clientlog._testHooks": true`, which the suite writes, or VS Code's test mode). A setting,
 * not an environment variable, because the web extension's host (a browser web worker) has no environment.
 * They move the clock and report the index and the views, so tests wait on conditions instead of
 * sleeping. Users never see them.
 */
export function registerTestHooks(
  context: vscode.ExtensionContext,
  clock: Clock,
  time: TimeScheduler,
  index: WorkspaceIndex,
  views: TreeViews,
  loaded: number,
  review?: ReviewPanel,
  reminders?: Reminders,
): vscode.Disposable {
  // Called at the end of activate(): from bundle load to here is the activation time.
  const activationMs = performance.now() - loaded;
  const scan = index.ready().then(() => performance.now() - loaded);
  if (!hooksWanted(context)) return new vscode.Disposable(() => undefined);
  const dump = async (p: ItemsProvider) =>
    (await p.getChildren()).map((g) => ({
      label: g.type === 'group' ? g.label : '',
      description: g.type === 'group' ? (g.description ?? '') : '',
      tooltip: g.type === 'group' ? (g.tooltip ?? '') : '',
      items: (p.getChildren(g) as Node[]).map((n) =>
        n.type === 'item'
          ? {
              text: n.item.text,
              client: n.client,
              band: n.band,
              days: n.days,
              description: relative(n),
              uri: n.uri.toString(),
              line: n.item.line,
              // A recurring promise: its rule as written, and the row's description and tooltip as the view shows them.
              ...(n.item.recur ? { rule: n.item.recur.text, ...shown(p.getTreeItem(n)) } : {}),
            }
          : n.type === 'quiet'
            ? { quiet: true, text: '', client: n.client, band: 'overdue', days: n.days, cadence: n.cadence, uri: n.uri.toString(), line: n.line }
            : undefined,
      ),
    }));
  const shown = (t: vscode.TreeItem) => ({
    row: String(t.description ?? ''),
    tooltipText: typeof t.tooltip === 'string' ? t.tooltip : (t.tooltip?.value ?? ''),
    contextValue: t.contextValue,
  });
  return vscode.Disposable.from(
    // Reminders: what was remembered, when the next look is, and every notification shown (after the looks
    // asked for so far have run). `look`: look now, as on window focus (true) or as a timer (false).
    // `look` a number: look as the user does at that real instant (Date.now() ms), so that two windows look at once.
    vscode.commands.registerCommand('clientlog._test.reminders', async (look?: boolean | number) => {
      if (!reminders) return null;
      if (typeof look === 'number') setTimeout(() => reminders.look(true), look - Date.now());
      else if (look !== undefined) reminders.look(look);
      await reminders.settled();
      return {
        host: reminders.token,
        enabled: reminderSettings().enabled,
        memory: reminders.memory(),
        nextWake: reminders.nextWake() === undefined ? null : new Date(reminders.nextWake()!).toISOString(),
        shown: reminders.shown,
      };
    }),
    // The Weekly Review as last shown: its figures, the view sent to the webview, and when the webview drew it. The
    // figures only once it is drawn: the editor benchmark polls this every 5 ms until then, and copying a thousand
    // clients' figures out of the extension host each time slowed the very host it was timing.
    vscode.commands.registerCommand('clientlog._test.review', () => {
      const s = review?.lastShown;
      // `stored`: how many logs' inputs were made so far of the persisted index's recent ones (no file read).
      return s && { ...s, review: s.drawnAt && s.review, stored: review?.inputs.fromStore };
    }),
    vscode.commands.registerCommand('clientlog._test.timing', async () => ({
      activationMs,
      indexReadyMs: await scan,
      files: index.size,
      persisted: index.persisted?.counts,
    })),
    // `running`: time goes on from `iso` at the real pace (the scheduler's own timer then has to see it pass).
    vscode.commands.registerCommand('clientlog._test.setNow', (iso?: string, running?: boolean) => {
      clock.setNow(iso, running === true);
      return clock.now().toISOString();
    }),
    // Per-keystroke cost: how long each editor change took the index (`reset`: start a new series), and
    // whether the index's model of a document equals a full parse of its text (the incremental path is exact).
    // The typing scenario (27) runs in the Node host only: the web bundle carries neither (./typingHooks.web.ts).
    ...typingHooks(index),
    vscode.commands.registerCommand('clientlog._test.index', async () => {
      await index.ready();
      return index.all().map((e) => ({ uri: e.uri.toString(), client: e.log.client, items: e.log.items.length, fromEditor: e.fromEditor }));
    }),
    vscode.commands.registerCommand('clientlog._test.views', async () => {
      await index.ready();
      return {
        now: clock.now().toISOString(),
        nextCheck: time.nextCheck === undefined ? null : new Date(time.nextCheck).toISOString(),
        groupBy: views.promises.groupBy,
        overdue: overdueCount(views.promises),
        promises: await dump(views.promises),
        waiting: await dump(views.waiting),
      };
    }),
  );
}
