import * as vscode from 'vscode';
import { logSpan, Scheduler } from '../core';
import { WEB_BUNDLE } from './bundle';
import type { Clock } from './clock';
// Only the Node host's bundle has it (its ./indexStore.ts; the use is in a branch the web bundle folds away).
import * as nodeStore from './indexStore';
import { SECTION, userTimeZone } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * The one place that knows when time passing changes findings: the core's `Scheduler` over every indexed
 * log's `logSpan`, armed at the earliest instant any of them changes (a Tokyo client's midnight, the minute
 * a promise due at 16:30 falls overdue), looked at again when the window regains focus and at least once a
 * minute (timers stall while the machine sleeps). Features redraw on `onDidChange` with the logs concerned.
 */
export class TimeScheduler implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private readonly scheduler: Scheduler<string>;
  private readonly disposables: vscode.Disposable[];

  /** Fires with the logs whose findings changed because time passed (or tests moved "now"). */
  readonly onDidChange = this.emitter.event;

  constructor(index: WorkspaceIndex, clock: Clock) {
    /** The user's zone, read once until the setting changes (a pass over 10,000 logs read the settings 10,000 times). */
    let zone: string | undefined;
    this.scheduler = new Scheduler<string>(
      (key, now) => {
        const entry = index.get(vscode.Uri.parse(key));
        // The Node host: a closed file's span as an earlier window kept it with its diagnostics, in the same zone (the
        // model is then not restored: ./indexStore.ts).
        return entry
          ? ((WEB_BUNDLE ? undefined : nodeStore.shownSpan(index.persisted, key, entry.log, (zone ??= userTimeZone()), now.getTime())) ??
              logSpan(entry.log, { now, timeZone: (zone ??= userTimeZone()) }))
          : undefined;
      },
      (keys) => this.emitter.fire(keys.map((k) => vscode.Uri.parse(k))),
      clock.timers(),
    );
    this.disposables = [
      index.onDidChange((uris) => this.scheduler.changed(uris.map((u) => u.toString()))),
      clock.onDidMove(() => this.scheduler.check()),
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.scheduler.check();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.timeZone`)) {
          zone = undefined;
          this.scheduler.reset();
        }
      }),
      this.emitter,
    ];
    this.scheduler.changed(index.all().map((e) => e.uri.toString()));
  }

  /** The instant the scheduler looks at the clock next (test hooks). */
  get nextCheck(): number | undefined {
    return this.scheduler.nextCheck;
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
