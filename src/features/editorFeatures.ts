import * as vscode from 'vscode';
import type { Clock } from '../host/clock';
import type { TimeScheduler } from '../host/scheduler';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerDecorations } from './decorations';
import { EditorModels } from '../host/editorModel';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerOutline } from './outline';
import type { WorkspaceIndex } from '../host/workspaceIndex';

/**
 * Editor intelligence for `.clientlog` files: outline and workspace symbols, folding, completion, hovers,
 * code lenses, handle navigation and rename, and overdue-date decorations. Everything reads the
 * WorkspaceIndex's parse.
 */
export function registerEditorFeatures(index: WorkspaceIndex, clock: Clock, time: TimeScheduler): vscode.Disposable {
  const models = new EditorModels(index);
  return vscode.Disposable.from(
    models,
    registerOutline(models),
    registerFolding(models),
    registerCompletion(models, clock),
    registerHover(models, clock),
    registerCodeLens(models, clock, time),
    registerNavigation(models),
    registerDecorations(models, clock, time),
  );
}
