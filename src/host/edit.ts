import * as vscode from 'vscode';
import type { EditFailure, EditResult, LineSource } from '../core';

/** A LineSource over a live TextDocument (no copy of the text). */
export function lineSource(doc: vscode.TextDocument): LineSource {
  return {
    lineCount: doc.lineCount,
    lineAt: (i) => doc.lineAt(i).text,
    eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
}

export function failureMessage(reason: EditFailure): string {
  switch (reason) {
    case 'changed':
      return vscode.l10n.t('The line changed since this action was offered; nothing was changed. Try again.');
    case 'notFound':
      return vscode.l10n.t('That line is no longer a matching entry in the file; nothing was changed.');
    case 'closed':
      return vscode.l10n.t('That item is already closed; nothing was changed.');
    case 'invalidDate':
      return vscode.l10n.t('That is not a valid date (YYYY-MM-DD) or time (HH:MM); nothing was changed.');
    case 'sameDate':
      return vscode.l10n.t('The new date is the same as the current one; nothing was changed.');
    case 'notRecurring':
      return vscode.l10n.t('This promise does not repeat, so there is no next one to skip to; nothing was changed. Use Drop instead.');
  }
}

/**
 * Applies a core edit result to a document through a WorkspaceEdit (undoable, only the intended
 * ranges), refusing when the document changed after `version` was read.
 */
export async function applyResult(doc: vscode.TextDocument, result: EditResult, version = doc.version): Promise<boolean> {
  if (!result.ok) {
    void vscode.window.showWarningMessage(failureMessage(result.reason));
    return false;
  }
  if (doc.version !== version) {
    void vscode.window.showWarningMessage(failureMessage('changed'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) void vscode.window.showErrorMessage(vscode.l10n.t('Could not change {0}; the file was left as it was.', vscode.workspace.asRelativePath(doc.uri)));
  return ok;
}
