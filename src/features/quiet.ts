import * as vscode from 'vscode';
import { newEntryEdit, parse } from '../core';
import type { Clock } from '../host/clock';
import { applyResult, lineSource } from '../host/edit';
import { SELECTOR } from '../host/editorModel';

/**
 * "Client gone quiet" (`client.quiet`): the quick fix and the command `clientlog.newEntryToday`, which open
 * somewhere to write today's note in a log (a new line under today's entry, or a new `## <today> ` heading)
 * and put the cursor there. Nothing else is written: the note is the user's to type.
 */
class QuietActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diags = context.diagnostics.filter((d) => d.source === 'Clientlog' && d.code === 'client.quiet');
    if (diags.length === 0) return [];
    const title = vscode.l10n.t("Write today's entry");
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.command = { title, command: 'clientlog.newEntryToday', arguments: [doc.uri] };
    a.diagnostics = diags;
    a.isPreferred = true;
    return [a];
  }
}

async function newEntryToday(clock: Clock, arg?: unknown): Promise<boolean> {
  // A URI (the quick fix), a row of the Waiting on clients view, or the active editor.
  const fromNode = (arg as { uri?: unknown } | undefined)?.uri;
  const uri = arg instanceof vscode.Uri ? arg : fromNode instanceof vscode.Uri ? fromNode : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  const version = doc.version;
  const today = clock.todayFor(parse(doc.getText(), { fileName: doc.fileName }));
  const result = newEntryEdit(lineSource(doc), today);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (!(await applyResult(doc, result, version)) || !result.ok) return false;
  const at = new vscode.Position(result.cursor.line, result.cursor.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

export function registerQuiet(clock: Clock): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuietActions(), { providedCodeActionKinds: QuietActions.kinds }),
    vscode.commands.registerCommand('clientlog.newEntryToday', (arg?: unknown) => newEntryToday(clock, arg)),
  );
}
