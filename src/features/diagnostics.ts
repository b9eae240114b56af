import * as vscode from 'vscode';
import { analyze, describeFinding, type Finding, type Level } from '../core';
import { WEB_BUNDLE } from '../host/bundle';
import type { Clock } from '../host/clock';
// Only the Node host's bundle has these (its ./indexStore.ts; every use is in a branch the web bundle folds away).
import * as nodeStore from '../host/indexStore';
import { toRange } from '../host/editorModel';
import type { TimeScheduler } from '../host/scheduler';
import { affectsAnalysis, analyzeOptions } from '../host/settings';
import type { WorkspaceIndex } from '../host/workspaceIndex';

const SEVERITY: Record<Level, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

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

/** How long one slice of diagnostics work may run before the extension host gets its event loop back. */
const SLICE_MS = 15;

/**
 * Diagnostics for every indexed file, open or not. Recomputed for the files that changed, for all of
 * them when settings change, and for the logs whose findings time changed (the scheduler says which, when).
 * The work runs in slices of about SLICE_MS, each handing its files' diagnostics to VS Code in one call
 * (one message to the workbench, not one per file): over 10,000 files, one pass took 1.9 s in one task
 * and sent 10,000 messages. A file is analysed when its slice comes, so it is always its latest model.
 */
export function registerDiagnostics(index: WorkspaceIndex, clock: Clock, time: TimeScheduler, findings: Findings): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('clientlog');
  const queue = new Map<string, vscode.Uri>();
  let later: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const drain = () => {
    later = undefined;
    if (disposed) return;
    const started = performance.now();
    const options = analyzeOptions(clock.now());
    const locale = vscode.env.language;
    const batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [key, uri] of queue) {
      queue.delete(key);
      const entry = index.get(uri);
      if (!entry) {
        collection.delete(uri);
        findings.set(uri, []);
      } else if (WEB_BUNDLE || !nodeStore.shownBefore(index.persisted, uri, entry.log, options, batch, findings)) {
        // (The Node host's persisted index keeps what a closed file's model showed, for the next window: ../host/indexStore.ts.)
        const found = analyze(entry.log, options);
        findings.set(uri, found);
        batch.push([
          uri,
          found.map((f) => {
            const d = new vscode.Diagnostic(toRange(f.range), describeFinding(f, vscode.l10n.t, locale), SEVERITY[f.level]);
            d.code = f.code;
            d.source = 'Clientlog';
            return d;
          }),
        ]);
        void (WEB_BUNDLE ? undefined : nodeStore.keepShown(index.persisted, uri, entry.log, options, batch));
      }
      if (performance.now() - started > SLICE_MS) break;
    }
    if (batch.length > 0) collection.set(batch);
    if (queue.size > 0) later = setTimeout(drain, 0);
  };
  /** Queues files; the first slice runs now (a single edited file gets its diagnostics at once). */
  const update = (uris: readonly vscode.Uri[]) => {
    for (const uri of uris) queue.set(uri.toString(), uri);
    if (!later) drain();
  };
  const all = () => update(index.all().map((e) => e.uri));

  return vscode.Disposable.from(
    {
      dispose: () => {
        disposed = true;
        if (later) clearTimeout(later);
      },
    },
    collection,
    index.onDidChange(update),
    time.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) all();
    }),
  );
}
