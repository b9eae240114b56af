import * as vscode from 'vscode';
import { overdueDateRanges } from '../core';
import type { Clock } from '../host/clock';
import type { TimeScheduler } from '../host/scheduler';
import { toRange, type EditorModels } from '../host/editorModel';
import { affectsAnalysis, userTimeZone } from '../host/settings';
import { isClientLog } from '../host/workspaceIndex';

/**
 * Makes the dates of overdue open promises stand out in visible client log editors. One decoration
 * type, created here once; updates only change the ranges.
 */
export function registerDecorations(models: EditorModels, clock: Clock, time: TimeScheduler): vscode.Disposable {
  const overdue = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('errorForeground'),
    fontWeight: 'bold',
    borderStyle: 'none none solid none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorError.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  const update = (editors: readonly vscode.TextEditor[]) => {
    const now = clock.now();
    const tz = userTimeZone();
    for (const editor of editors) {
      if (!isClientLog(editor.document)) continue;
      const log = models.latest(editor.document);
      const ranges = log ? overdueDateRanges(log, now, tz).filter((r) => r.end.line < editor.document.lineCount) : [];
      editor.setDecorations(
        overdue,
        ranges.map((r) => editor.document.validateRange(toRange(r))),
      );
    }
  };
  const all = () => update(vscode.window.visibleTextEditors);
  const of = (uris: readonly vscode.Uri[]) => {
    const changed = new Set(uris.map((u) => u.toString()));
    update(vscode.window.visibleTextEditors.filter((e) => changed.has(e.document.uri.toString())));
  };
  all();

  return vscode.Disposable.from(
    overdue,
    models.index.onDidChange(of),
    vscode.window.onDidChangeVisibleTextEditors((editors) => update(editors)),
    time.onDidChange(of),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) all();
    }),
  );
}
