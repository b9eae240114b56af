import * as vscode from 'vscode';
import { foldingRanges } from '../core';
import { SELECTOR, type EditorModels } from '../host/editorModel';

class Folding implements vscode.FoldingRangeProvider {
  constructor(private readonly models: EditorModels) {}

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const log = this.models.current(doc);
    if (!log) return [];
    return foldingRanges(log)
      .filter((f) => f.end < doc.lineCount)
      .map((f) => new vscode.FoldingRange(f.start, f.end));
  }
}

/** Folding of the front matter, entries (heading to last content line) and note blocks. */
export function registerFolding(models: EditorModels): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(SELECTOR, new Folding(models));
}
