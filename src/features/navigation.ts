import * as vscode from 'vscode';
import { declarationRange, handleAt, handleOccurrences, renameHandle } from '../core';
import { lineSource } from '../host/edit';
import { SELECTOR, toRange, type EditorModels } from '../host/editorModel';

/** Renaming was asked for where there is no contact handle. */
const notHandle = () => new Error(vscode.l10n.t('Only a contact handle (@handle) can be renamed here.'));

class HandleNavigation implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider, vscode.RenameProvider {
  constructor(private readonly models: EditorModels) {}

  private at(doc: vscode.TextDocument, position: vscode.Position) {
    const log = this.models.current(doc);
    if (!log) return undefined;
    const src = lineSource(doc);
    const h = handleAt(log, position, src);
    return h ? { log, src, h } : undefined;
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const found = this.at(doc, position);
    if (!found?.h.contact) return undefined;
    const r = declarationRange(found.h.contact, found.src);
    return r ? new vscode.Location(doc.uri, toRange(r)) : undefined;
  }

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const found = this.at(doc, position);
    if (!found) return [];
    return handleOccurrences(found.log, found.h.handle, found.src)
      .filter((o) => context.includeDeclaration || !o.declaration)
      .map((o) => new vscode.Location(doc.uri, toRange(o.range)));
  }

  provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
    const found = this.at(doc, position);
    if (!found) return [];
    return handleOccurrences(found.log, found.h.handle, found.src).map(
      (o) => new vscode.DocumentHighlight(toRange(o.range), o.declaration ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read),
    );
  }

  prepareRename(doc: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const found = this.at(doc, position);
    if (!found) throw notHandle();
    return { range: toRange(found.h.range), placeholder: found.h.handle };
  }

  provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const log = this.models.current(doc);
    if (!log) throw notHandle();
    const result = renameHandle(log, position, newName, lineSource(doc));
    if (!result.ok) {
      switch (result.reason) {
        case 'notHandle':
          throw notHandle();
        case 'invalid':
          throw new Error(vscode.l10n.t('"{0}" is not a valid handle: use letters, digits, _, - and .', newName));
        case 'taken':
          throw new Error(vscode.l10n.t('The handle "{0}" belongs to another contact of this client.', newName.replace(/^@/, '')));
      }
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
    return edit;
  }
}

/** Go to definition, references, highlights and rename for @handles and the front matter's contacts. */
export function registerNavigation(models: EditorModels): vscode.Disposable {
  const nav = new HandleNavigation(models);
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(SELECTOR, nav),
    vscode.languages.registerReferenceProvider(SELECTOR, nav),
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, nav),
    vscode.languages.registerRenameProvider(SELECTOR, nav),
  );
}
