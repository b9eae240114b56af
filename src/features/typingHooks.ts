/**
 * The typing scenario's test hooks (test/e2e/scenarios/27-typing-big-log.mjs, Node host only; registered with the other
 * test hooks, ./testHooks.ts): how long each editor change took the index, and whether its model of a document equals
 * a full parse of the text. The web bundle takes ./typingHooks.web.ts (none).
 */
import * as vscode from 'vscode';
import { parse } from '../core';
import type { WorkspaceIndex } from '../host/workspaceIndex';

export function typingHooks(index: WorkspaceIndex): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('clientlog._test.editTimes', (reset?: boolean) => {
      const times = [...index.editTimes];
      if (reset) index.editTimes.length = 0;
      return times;
    }),
    vscode.commands.registerCommand('clientlog._test.indexMatches', async (uri: string, fullParses = 0) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const entry = doc && index.get(doc.uri);
      if (!doc || !entry) return { matches: false, fullParseMs: [] };
      const fresh = parse(doc.getText(), { fileName: doc.uri.path });
      // What the index did before it followed changes: a full parse of the document after each pause.
      const fullParseMs: number[] = [];
      for (let i = 0; i < fullParses; i++) {
        const t0 = performance.now();
        parse(doc.getText(), { fileName: doc.uri.path });
        fullParseMs.push(performance.now() - t0);
      }
      return { matches: JSON.stringify(entry.log) === JSON.stringify(fresh), version: doc.version, lines: doc.lineCount, fullParseMs };
    }),
  ];
}
