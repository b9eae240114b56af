import * as vscode from 'vscode';
import { openPromises } from '../core';
import type { Clock } from '../host/clock';
import type { TimeScheduler } from '../host/scheduler';
import { SELECTOR, toRange, type EditorModels } from '../host/editorModel';
import { targetArg } from './promiseActions';
import { relative } from './promiseTree';
import { affectsAnalysis, analyzeOptions, SECTION } from '../host/settings';

export const CODE_LENS_SETTING = 'codeLens.enabled';

function enabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>(CODE_LENS_SETTING, true) !== false;
}

class PromiseLenses implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly models: EditorModels,
    private readonly clock: Clock,
  ) {}

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!enabled()) return [];
    const log = this.models.latest(doc);
    if (!log) return [];
    const options = analyzeOptions(this.clock.now());
    const out: vscode.CodeLens[] = [];
    for (const { item, status } of openPromises(log, options.now, options.timeZone, options.horizonDays)) {
      // The index may be a keystroke behind the editor: only put lenses on lines that are still promises.
      if (item.line >= doc.lineCount || !doc.lineAt(item.line).text.startsWith('PROMISE')) continue;
      const range = toRange(item.range);
      const when = relative({ band: status.band, days: status.days, item });
      const title = status.band === 'overdue' ? when : vscode.l10n.t('due {0}', when);
      const arg = targetArg(doc.uri, item);
      out.push(
        new vscode.CodeLens(range, { title, command: '', tooltip: `${item.date}${item.time ? ` ${item.time}` : ''}` }),
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Mark kept'),
          command: 'clientlog.promise.markKept',
          arguments: [arg],
          tooltip: vscode.l10n.t('Mark kept (today)'),
        }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Reschedule…'), command: 'clientlog.promise.reschedule', arguments: [arg] }),
      );
      if (item.recur) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Skip this one…'), command: 'clientlog.promise.skip', arguments: [arg] }));
    }
    return out;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * "due in 3 days · Mark kept · Reschedule…" above each open promise (setting `clientlog.codeLens.enabled`),
 * refreshed when the index changes, and when time changed a visible log's findings (the scheduler says when).
 */
export function registerCodeLens(models: EditorModels, clock: Clock, time: TimeScheduler): vscode.Disposable {
  const lenses = new PromiseLenses(models, clock);
  const onTime = (uris: readonly vscode.Uri[]) => {
    if (!enabled()) return;
    const changed = new Set(uris.map((u) => u.toString()));
    if (vscode.window.visibleTextEditors.some((e) => changed.has(e.document.uri.toString()))) lenses.refresh();
  };
  return vscode.Disposable.from(
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    models.index.onDidChange(() => lenses.refresh()),
    time.onDidChange(onTime),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${CODE_LENS_SETTING}`) || affectsAnalysis(e)) lenses.refresh();
    }),
  );
}
