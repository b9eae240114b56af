import * as vscode from 'vscode';
import { Clock } from './host/clock';
import { output } from './host/output';
import { TimeScheduler } from './host/scheduler';
import { registerCalendar } from './features/calendar';
import { Findings, registerDiagnostics } from './features/diagnostics';
import { Drafts, registerDrafts } from './features/drafts';
import { registerEditorFeatures } from './features/editorFeatures';
import { registerNewClientLog } from './features/newClientLog';
import { PromiseActions, registerPromiseActions } from './features/promiseActions';
import { registerPromiseTree } from './features/promiseTree';
import { registerQuiet } from './features/quiet';
import { registerReview, ReviewPanel } from './features/review';
import { ReviewInputs } from './host/reviewInputs';
import { registerReminders } from './features/reminders';
import { registerTestHooks, testClockStart } from './features/testHooks';
import { addDays, RECENT_DAYS, type Checksum } from './core';
import type { Files, LogReader } from './host/files';
import { WEB_BUNDLE } from './host/bundle';
import { PersistedIndex } from './host/persistedIndex';
import { WorkspaceIndex } from './host/workspaceIndex';

/** When this bundle started loading: activation time is measured from here (reported to tests). */
const loaded = performance.now();

/**
 * The web worker host runs this bundle as it is; the Node host's entry (src/node/extension.ts) passes what needs Node.
 * @param files how files are stat'ed and read: `workspace.fs` unless given (the Node host's is on node:fs)
 * @param reader parses closed files off this thread (the Node host's worker thread), if given
 * @param checksum the persisted index's checksum, if not FNV-1a in JavaScript (the Node host's native crc32)
 */
export function activate(context: vscode.ExtensionContext, files: Files = vscode.workspace.fs, reader?: LogReader, checksum?: Checksum): void {
  const persisted = new PersistedIndex(context.storageUri, context.extension, files, checksum);
  const clock = new Clock(testClockStart(context));
  // The reader (the Node host's parse worker) keeps each closed file's review input of the last RECENT_DAYS too.
  const index = new WorkspaceIndex(files, persisted, reader, WEB_BUNDLE ? undefined : () => addDays(clock.today(), -RECENT_DAYS));
  const time = new TimeScheduler(index, clock);
  const findings = new Findings();
  const reviewInputs = new ReviewInputs(index);
  const reviewPanel = new ReviewPanel(context.extensionUri, reviewInputs, clock);
  const views = registerPromiseTree(index, clock, time, context.workspaceState, reviewInputs);
  const actions = new PromiseActions(index, clock, views);
  const reminders = registerReminders(context.globalState, index, clock, actions);
  context.subscriptions.push(
    output,
    persisted,
    index,
    clock,
    time,
    registerDiagnostics(index, clock, time, findings),
    views,
    registerPromiseActions(actions, findings),
    registerDrafts(new Drafts(index, clock, actions, context.extensionUri)),
    registerNewClientLog(clock),
    registerQuiet(clock),
    reviewInputs,
    registerReview(reviewPanel),
    registerEditorFeatures(index, clock, time),
    registerCalendar(index, clock),
    reminders,
    registerTestHooks(context, clock, time, index, views, loaded, reviewPanel, reminders),
  );
  void index.ready();
}

export function deactivate(): void {}
