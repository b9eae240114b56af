import * as vscode from 'vscode';
import { languageOfLocale } from '../core';
import type { Clock } from '../host/clock';
import { userTimeZone } from '../host/settings';

/** A file name from a client's name: letters and digits kept (any script), the rest folded to dashes. */
export function fileNameFor(client: string): string {
  const base = client
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLocaleLowerCase();
  return `${base || 'client'}.clientlog`;
}

/** "New client log": asks the client's name and creates a file with a profile and a first entry. */
export function registerNewClientLog(clock: Clock): vscode.Disposable {
  return vscode.commands.registerCommand('clientlog.newClientLog', async (folderArg?: vscode.Uri) => {
    const client = await vscode.window.showInputBox({
      title: vscode.l10n.t('New client log'),
      prompt: vscode.l10n.t("The client's name"),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name')),
    });
    if (!client) return undefined;
    let folder = folderArg instanceof vscode.Uri ? folderArg : vscode.workspace.workspaceFolders?.[0]?.uri;
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1 && !(folderArg instanceof vscode.Uri)) {
      const f = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the log go?') });
      if (!f) return undefined;
      folder = f.uri;
    }
    const lang = languageOfLocale(vscode.env.language);
    const today = clock.today();
    const text = [
      '---',
      `client: ${yamlString(client.trim())}`,
      `language: ${lang}`,
      `timezone: ${userTimeZone()}`,
      'contacts:',
      '  - name: ',
      '    handle: ',
      '    role: ',
      '    email: ',
      'notes: ',
      '---',
      '',
      `## ${today} ${vscode.l10n.t('First conversation')}`,
      '',
    ].join('\n');
    if (!folder) {
      const doc = await vscode.workspace.openTextDocument({ language: 'clientlog', content: text });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }
    const uri = vscode.Uri.joinPath(folder, fileNameFor(client));
    try {
      await vscode.workspace.fs.stat(uri);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; it was opened instead.', vscode.workspace.asRelativePath(uri)));
    } catch {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(uri)));
        return undefined;
      }
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = Math.min(5, doc.lineCount - 1);
    editor.selection = new vscode.Selection(line, doc.lineAt(line).text.length, line, doc.lineAt(line).text.length);
    return uri;
  });
}

function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,&'-]*$/u.test(s) && !/:\s|\s#/.test(s) ? s : JSON.stringify(s);
}
