import * as vscode from 'vscode';
import { hasTimedDueToday, openPromises } from '../core/editor';
import type { Clock } from '../host/clock';
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
        new vscode.CodeLens(range, { title: vscode.l10n.t('Mark kept'), command: 'clientlog.promise.markKept', arguments: [arg], tooltip: vscode.l10n.t('Mark kept (today)') }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Reschedule…'), command: 'clientlog.promise.reschedule', arguments: [arg] }),
      );
    }
    return out;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * "due in 3 days · Mark kept · Reschedule…" above each open promise (setting `clientlog.codeLens.enabled`),
 * refreshed when the index changes, the day changes, and on the minute while a promise is due at a time today.
 */
export function registerCodeLens(models: EditorModels, clock: Clock): vscode.Disposable {
  const lenses = new PromiseLenses(models, clock);
  const onMinute = () => {
    if (!enabled()) return;
    const now = clock.now();
    const tz = analyzeOptions(now).timeZone;
    const timed = vscode.window.visibleTextEditors.some((e) => {
      const log = models.index.get(e.document.uri)?.log;
      return !!log && hasTimedDueToday(log, now, tz);
    });
    if (timed) lenses.refresh();
  };
  clock.minuteListeners.add(onMinute);
  return vscode.Disposable.from(
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    models.index.onDidChange(() => lenses.refresh()),
    clock.onDidChangeDay(() => lenses.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${CODE_LENS_SETTING}`) || affectsAnalysis(e)) lenses.refresh();
    }),
    { dispose: () => clock.minuteListeners.delete(onMinute) },
  );
}
