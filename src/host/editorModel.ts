import * as vscode from 'vscode';
import type { ClientLog } from '../core';
import { isUserLog, type WorkspaceIndex } from './workspaceIndex';

/**
 * The WorkspaceIndex's parse of an open document, for the editor features. `current` guarantees the
 * model matches the document's text (re-parsing through the index when the document changed after the
 * index's last parse); `latest` takes whatever the index holds, for views refreshed on index events.
 * There is no second parser: every model comes from the index, so a read-only view of a log (the HEAD
 * side of Open Changes, a diff) has no model and gets no lenses, quick fixes or other editor features.
 */
export class EditorModels implements vscode.Disposable {
  /** The model we know to match a document version (the index's log object at that version). */
  private readonly known = new Map<string, { log: ClientLog; version: number }>();
  private readonly subscription: vscode.Disposable;

  constructor(readonly index: WorkspaceIndex) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.known.delete(doc.uri.toString()));
  }

  /** The model of the document's current text. */
  current(doc: vscode.TextDocument): ClientLog | undefined {
    if (!isUserLog(doc)) return undefined;
    const key = doc.uri.toString();
    const indexed = this.index.get(doc.uri);
    const k = this.known.get(key);
    if (indexed && k && k.log === indexed.log && k.version === doc.version) return indexed.log;
    const fresh = this.index.refreshDocument(doc);
    if (!fresh) return indexed?.log;
    this.known.set(key, { log: fresh.log, version: doc.version });
    return fresh.log;
  }

  /** The index's model of the document, parsing it only when the index has none yet. */
  latest(doc: vscode.TextDocument): ClientLog | undefined {
    if (!isUserLog(doc)) return undefined;
    const log = this.index.get(doc.uri)?.log;
    // A compact model (the file was closed until now) lacks what editor features show: parse it in full.
    return log && !log.compact ? log : this.current(doc);
  }

  dispose(): void {
    this.subscription.dispose();
    this.known.clear();
  }
}

export const SELECTOR: vscode.DocumentSelector = [{ language: 'clientlog' }, { pattern: '**/*.clientlog' }];

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
