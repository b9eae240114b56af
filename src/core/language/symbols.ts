/** Workspace symbols (Ctrl+T): clients and promises matched fuzzily. */
import type { ClientLog, TrackedState } from '../model';
import { lineRange, type Range } from '../text';

/** Whether every character of `query` appears in `text` in order (case-insensitive); empty matches all. */
export function fuzzyMatch(query: string, text: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  let i = 0;
  for (let k = 0; k < t.length && i < q.length; k++) if (t[k] === q[i]) i++;
  return i === q.length;
}

export interface WorkspaceSymbolInfo {
  readonly kind: 'client' | 'promise';
  readonly name: string;
  readonly client: string;
  readonly range: Range;
  readonly state?: TrackedState;
  readonly date?: string;
}

/** The clients and promises of a log whose name matches `query`. */
export function workspaceSymbols(log: ClientLog, query: string): WorkspaceSymbolInfo[] {
  const out: WorkspaceSymbolInfo[] = [];
  if (log.client && fuzzyMatch(query, log.client)) {
    out.push({ kind: 'client', name: log.client, client: log.client, range: log.frontMatter?.range ?? lineRange(0, 0, 0) });
  }
  for (const it of log.items) {
    if (it.kind !== 'promise' || !it.text || !fuzzyMatch(query, it.text)) continue;
    out.push({ kind: 'promise', name: it.text, client: log.client, range: it.range, state: it.state, date: it.date });
  }
  return out;
}
