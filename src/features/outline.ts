import * as vscode from 'vscode';
import { outline, workspaceSymbols, type OutlineKind, type OutlineNode, type TrackedState } from '../core';
import { SELECTOR, toRange, type EditorModels } from '../host/editorModel';

const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  client: vscode.SymbolKind.Package,
  contact: vscode.SymbolKind.Property,
  entry: vscode.SymbolKind.Namespace,
  promise: vscode.SymbolKind.Method,
  waiting: vscode.SymbolKind.Event,
  scope: vscode.SymbolKind.EnumMember,
  urgent: vscode.SymbolKind.Key,
  apology: vscode.SymbolKind.String,
  refusal: vscode.SymbolKind.String,
  escalation: vscode.SymbolKind.String,
};

/** The state of a PROMISE / WAITING / SCOPE line, as a short word. */
export function stateWord(state: TrackedState): string {
  switch (state) {
    case 'open':
      return vscode.l10n.t('open');
    case 'kept':
      return vscode.l10n.t('kept');
    case 'dropped':
      return vscode.l10n.t('dropped');
    case 'broken':
      return vscode.l10n.t('broken');
    case 'received':
      return vscode.l10n.t('received');
    case 'confirmed':
      return vscode.l10n.t('confirmed');
    case 'declined':
      return vscode.l10n.t('declined');
  }
}

function keyword(kind: OutlineKind): string {
  return kind === 'client' || kind === 'contact' || kind === 'entry' ? '' : kind.toUpperCase();
}

function toSymbol(n: OutlineNode): vscode.DocumentSymbol {
  let name = n.name.trim();
  let detail = '';
  switch (n.kind) {
    case 'client':
      name = name || vscode.l10n.t('Client');
      detail = vscode.l10n.t('client profile');
      break;
    case 'contact':
      detail = [n.handle ? `@${n.handle}` : '', n.role ?? ''].filter(Boolean).join(' · ');
      break;
    case 'entry':
      break;
    case 'promise':
    case 'waiting':
    case 'scope':
      detail = [keyword(n.kind), [n.date, n.time].filter(Boolean).join(' '), n.state ? stateWord(n.state) : ''].filter(Boolean).join(' · ');
      break;
    case 'urgent':
      detail = [keyword(n.kind), n.triage ?? vscode.l10n.t('not triaged')].join(' · ');
      break;
    default:
      detail = keyword(n.kind);
  }
  // VS Code refuses symbols without a name.
  if (!name) name = keyword(n.kind) || vscode.l10n.t('(no text)');
  const s = new vscode.DocumentSymbol(name, detail, KINDS[n.kind], toRange(n.range), toRange(n.selectionRange));
  s.children = n.children.map(toSymbol);
  return s;
}

class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly models: EditorModels) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const log = this.models.current(doc);
    if (!log) return [];
    const length = (line: number) => (line < doc.lineCount ? doc.lineAt(line).text.length : 0);
    return outline(log, length).map(toSymbol);
  }
}

const MAX_WORKSPACE_SYMBOLS = 1000;

class ClientSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly models: EditorModels) {}

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const out: vscode.SymbolInformation[] = [];
    for (const e of this.models.index.all()) {
      if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_SYMBOLS) break;
      for (const s of workspaceSymbols(e.log, query)) {
        const kind = s.kind === 'client' ? vscode.SymbolKind.Package : vscode.SymbolKind.Method;
        const container = s.kind === 'client' ? vscode.workspace.asRelativePath(e.uri) : s.client;
        out.push(new vscode.SymbolInformation(s.name, kind, container, new vscode.Location(e.uri, toRange(s.range))));
      }
    }
    return out.slice(0, MAX_WORKSPACE_SYMBOLS);
  }
}

/** Outline and breadcrumbs of a client log, and clients and promises in Go to Symbol in Workspace. */
export function registerOutline(models: EditorModels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new OutlineProvider(models), { label: 'Clientlog' }),
    vscode.languages.registerWorkspaceSymbolProvider(new ClientSymbols(models)),
  );
}
