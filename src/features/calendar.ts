import * as vscode from 'vscode';
import { calendarEvents, calendarText, calendarWords, contactOf, withoutStamps } from '../core';
import type { Clock } from '../host/clock';
import { output } from '../host/output';
import { affectsAnalysis, analyzeOptions, reminderSettings, SECTION } from '../host/settings';
import type { WorkspaceIndex } from '../host/workspaceIndex';

/**
 * The calendar feed in VS Code (issue 16), on the core's one builder (core/ics.ts) that `clientlog ics` uses:
 * - "Clientlog: Export to Calendar…" asks where (a save dialog) and writes the workspace's .ics file there;
 * - the setting `clientlog.calendar.file` keeps one file up to date: after the index changes (debounced),
 *   written only when the calendar changed (DTSTAMP aside), never in Restricted Mode, and in the browser
 *   only inside the workspace (the web worker reaches no other file).
 * Files are written through `vscode.workspace.fs`, so it works on any file system VS Code has.
 */

const FILE_SETTING = `${SECTION}.calendar.file`;
const DEBOUNCE_MS = 1500;
const multiRoot = () => (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
/** A file as the user knows it: relative to the workspace when in it. */
const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, multiRoot());
const bytes = (text: string) => new TextEncoder().encode(text);

/** The workspace's calendar, in the UI's language, and how many events it holds. */
export function workspaceCalendar(index: WorkspaceIndex, clock: Clock): { text: string; events: number } {
  // File ids as `clientlog ics` run in the workspace folder shows them, so both give the same UIDs.
  const sources = index
    .all()
    .map((e) => ({
      id: shown(e.uri),
      label: e.log.client,
      timeZone: e.log.frontMatter?.timeZone,
      items: e.log.items,
      name: (h: string) => contactOf(e.log, h)?.name,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const now = clock.now();
  const o = analyzeOptions(now);
  // The alarms ring at the reminders' lead time (clientlog.reminders.leadMinutes; 0 = no alarm), as in VS Code.
  const events = calendarEvents(sources, { ...o, alarmMinutes: reminderSettings().leadMinutes, words: calendarWords(vscode.l10n.t) });
  const name = vscode.workspace.name;
  return { text: calendarText(events, { now, name: name ? `Clientlog: ${name}` : 'Clientlog' }), events: events.length };
}

async function exportCalendar(index: WorkspaceIndex, clock: Clock, target?: unknown): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export to Calendar'),
          saveLabel: vscode.l10n.t('Export'),
          filters: { iCalendar: ['ics'] },
          defaultUri: folder && vscode.Uri.joinPath(folder, 'clientlog.ics'),
        });
  if (!uri) return undefined;
  await index.ready();
  const { text, events } = workspaceCalendar(index, clock);
  try {
    await vscode.workspace.fs.writeFile(uri, bytes(text));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the calendar to {0}: {1}', shown(uri), (e as Error).message));
    return undefined;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Calendar written to {0} (events: {1}).', shown(uri), events));
  return uri;
}

/**
 * Where `clientlog.calendar.file` points: a path relative to the first workspace folder, or absolute. A
 * path outside the workspace needs the extension host to see the machine's files, which a browser's does
 * not (undefined: not here).
 */
function targetOf(p: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri | undefined {
  const absolute = /^([\\/]|[A-Za-z]:[\\/])/.test(p);
  const uri = absolute || !folders[0] ? vscode.Uri.file(p) : vscode.Uri.joinPath(folders[0].uri, p.replace(/\\/g, '/'));
  // Inside a workspace folder it is written through that folder's file system (in the browser too).
  const folder = folders.find((f) => uri.path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`));
  if (folder) return folder.uri.with({ path: uri.path });
  return folders[0]?.uri.scheme !== 'file' ? undefined : uri;
}

/** Keeps `clientlog.calendar.file` up to date; `state` is for the tests. */
function calendarFile(index: WorkspaceIndex, clock: Clock) {
  const state = { state: 'off', updates: 0, writes: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy: Promise<unknown> | undefined;
  /** The calendar last written or found in the file, without DTSTAMP. */
  let last: { uri: string; body: string } | undefined;
  /** The last warning shown, so each is shown once. */
  let said = '';
  const warn = (what: string, message: string, button: string, command: string, ...args: string[]) => {
    if (said === what) return;
    said = what;
    output.warn(message);
    void vscode.window.showWarningMessage(message, button).then((b) => b && vscode.commands.executeCommand(command, ...args));
  };

  async function update(): Promise<void> {
    const p = vscode.workspace.getConfiguration().get<string>(FILE_SETTING, '').trim();
    if (!p) return void (state.state = 'off');
    if (!vscode.workspace.isTrusted) {
      state.state = 'untrusted';
      return warn(
        'untrusted',
        vscode.l10n.t('Restricted Mode: Clientlog does not write the calendar file {0}.', p),
        vscode.l10n.t('Manage Workspace Trust'),
        'workbench.trust.manage',
      );
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    // A relative path with no folder open: nothing it is relative to.
    if (!folders.length && !/^([\\/]|[A-Za-z]:[\\/])/.test(p)) return void (state.state = 'off');
    const uri = targetOf(p, folders);
    if (!uri) {
      state.state = 'unavailable';
      return warn(
        'unavailable',
        vscode.l10n.t('The calendar file {0} is outside the workspace: not available in the browser.', p),
        vscode.l10n.t('Open Settings'),
        'workbench.action.openSettings',
        FILE_SETTING,
      );
    }
    await index.ready();
    const { text } = workspaceCalendar(index, clock);
    const body = withoutStamps(text);
    const key = uri.toString();
    if (last?.uri !== key) {
      // What the file holds (from an earlier window, say): the same calendar is not written again.
      last = await vscode.workspace.fs.readFile(uri).then(
        (b) => ({ uri: key, body: withoutStamps(new TextDecoder().decode(b)) }),
        () => undefined,
      );
    }
    if (last?.body === body) return void (state.state = 'unchanged');
    try {
      await vscode.workspace.fs.writeFile(uri, bytes(text));
    } catch (e) {
      state.state = 'error';
      const message = vscode.l10n.t('Could not write the calendar to {0}: {1}', shown(uri), (e as Error).message);
      return warn(message, message, vscode.l10n.t('Open Settings'), 'workbench.action.openSettings', FILE_SETTING);
    }
    last = { uri: key, body };
    state.writes++;
    said = '';
    state.state = 'written';
  }

  /** Runs an update `ms` from now, one at a time (a change during one runs another after it). */
  const schedule = (ms = DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      busy = Promise.resolve(busy)
        .then(update)
        .catch((e: Error) => output.error(`calendar file: ${e.message}`))
        .finally(() => state.updates++);
    }, ms);
  };
  void index.ready().then(() => schedule(0));
  const disposable = vscode.Disposable.from(
    index.onDidChange(() => schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(FILE_SETTING)) said = '';
      if (e.affectsConfiguration(FILE_SETTING) || e.affectsConfiguration(`${SECTION}.reminders.leadMinutes`) || affectsAnalysis(e)) schedule(0);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => schedule(0)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => schedule(0)),
    { dispose: () => clearTimeout(timer) },
  );
  return { state, disposable };
}

export function registerCalendar(index: WorkspaceIndex, clock: Clock): vscode.Disposable {
  const file = calendarFile(index, clock);
  return vscode.Disposable.from(
    file.disposable,
    vscode.commands.registerCommand('clientlog.exportCalendar', (target?: unknown) => exportCalendar(index, clock, target)),
    // For the end-to-end suite (with features/testHooks.ts's setting): what the calendar file did last.
    ...(vscode.workspace.getConfiguration(SECTION).get('_testHooks') === true
      ? [vscode.commands.registerCommand('clientlog._test.calendar', () => file.state)]
      : []),
  );
}
