import * as vscode from 'vscode';
import { analyze, describeFinding, type Finding, type Level } from '../core';
import type { Clock } from '../host/clock';
import type { TimeScheduler } from '../host/scheduler';
import { affectsAnalysis, analyzeOptions } from '../host/settings';
import type { WorkspaceIndex } from '../host/workspaceIndex';

const SEVERITY: Record<Level, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** The findings behind the diagnostics, for quick fixes (which receive copies of the diagnostics). */
export class Findings {
  private readonly byUri = new Map<string, Finding[]>();
  set(uri: vscode.Uri, f: Finding[]): void {
    if (f.length) this.byUri.set(uri.toString(), f);
    else this.byUri.delete(uri.toString());
  }
  get(uri: vscode.Uri): readonly Finding[] {
    return this.byUri.get(uri.toString()) ?? [];
  }
  /** The finding a diagnostic was made from. */
  match(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return this.get(uri).find((f) => f.code === code && f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character);
  }
}

/**
 * Diagnostics for every indexed file, open or not. Recomputed for the files that changed, for all of
 * them when settings change, and for the logs whose findings time changed (the scheduler says which, when).
 */
export function registerDiagnostics(index: WorkspaceIndex, clock: Clock, time: TimeScheduler, findings: Findings): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('clientlog');

  const update = (uris: readonly vscode.Uri[]) => {
    const options = analyzeOptions(clock.now());
    const locale = vscode.env.language;
    for (const uri of uris) {
      const entry = index.get(uri);
      if (!entry) {
        collection.delete(uri);
        findings.set(uri, []);
        continue;
      }
      const found = analyze(entry.log, options);
      findings.set(uri, found);
      collection.set(
        uri,
        found.map((f) => {
          const d = new vscode.Diagnostic(toRange(f.range), describeFinding(f, vscode.l10n.t, locale), SEVERITY[f.level]);
          d.code = f.code;
          d.source = 'Clientlog';
          return d;
        }),
      );
    }
  };
  const all = () => update(index.all().map((e) => e.uri));

  return vscode.Disposable.from(
    collection,
    index.onDidChange(update),
    time.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) all();
    }),
  );
}
