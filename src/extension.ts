import * as vscode from 'vscode';
import { Clock } from './host/clock';
import { Findings, registerDiagnostics } from './features/diagnostics';
import { Drafts, registerDrafts } from './features/drafts';
import { registerEditorFeatures } from './features/editorFeatures';
import { registerNewClientLog } from './features/newClientLog';
import { PromiseActions, registerPromiseActions } from './features/promiseActions';
import { registerPromiseTree } from './features/promiseTree';
import { registerTestHooks } from './features/testHooks';
import { WorkspaceIndex } from './host/workspaceIndex';

/** When this bundle started loading: activation time is measured from here (reported to tests). */
const loaded = performance.now();

export function activate(context: vscode.ExtensionContext): void {
  const index = new WorkspaceIndex();
  const clock = new Clock();
  const findings = new Findings();
  const views = registerPromiseTree(index, clock, context.workspaceState);
  const actions = new PromiseActions(index, clock, views);
  context.subscriptions.push(
    index,
    clock,
    registerDiagnostics(index, clock, findings),
    views,
    registerPromiseActions(actions, findings),
    registerDrafts(new Drafts(index, clock, actions)),
    registerNewClientLog(clock),
    registerEditorFeatures(index, clock),
    registerTestHooks(context, clock, index, views, loaded),
  );
  void index.ready();
}

export function deactivate(): void {}
