import * as vscode from 'vscode';
import {
  digestMessage,
  logSource,
  planReminders,
  readMemory,
  recordShown,
  recordSnooze,
  Scheduler,
  snoozeUntil,
  type Digest,
  type DueReminder,
  type ReminderMemory,
  type SnoozeChoice,
  type Tracked,
} from '../core';
import { WEB_BUNDLE } from '../host/bundle';
import type { Clock } from '../host/clock';
// Only the Node host's bundle has it (its ./indexStore.ts; the use is in a branch the web bundle folds away).
import * as nodeStore from '../host/indexStore';
import { reminderSettings } from '../host/settings';
import type { WorkspaceIndex } from '../host/workspaceIndex';
import type { PromiseActions, TargetArg } from './promiseActions';

/** Where what was shown is kept (`globalState`: every window and every workspace, across restarts). */
const MEMORY_KEY = 'clientlog.reminders';
/** Which window claimed which reminder or digest (see `claim`). */
const CLAIMS_KEY = 'clientlog.reminders.claims';
/**
 * How long a window waits after claiming before it reads the claims back. What VS Code guarantees: an
 * extension's `globalState` is one value per extension in the shared (profile) storage; `update` replaces it
 * whole, and every other window's memento is replaced by it when the change arrives (batched about every
 * 100 ms, then an IPC round). There is no compare-and-set and no order across windows: when two windows claim
 * at once, each ends up seeing the OTHER's write (measured in e2e 54), so "the last writer wins" would make
 * both give up. Hence a tie-break both can compute: a window shows a key when the claim it reads back is its
 * own, gone, or another window's with a greater token, so of two concurrent claimants the smaller token
 * shows it. Should propagation take longer than the wait, both may show it: a duplicate, never a loss.
 */
const CLAIM_WAIT_MS = 800;

type Reminder = DueReminder<Tracked>;

/** What was shown, for the test hooks. */
export interface ShownNotification {
  readonly kind: 'reminder' | 'group' | 'digest';
  readonly message: string;
  readonly buttons: readonly string[];
  readonly keys: readonly string[];
}

/** The reminders of a window, as the test hooks see them. */
export interface Reminders extends vscode.Disposable {
  /** Names this window's claims (the session id is per window). */
  readonly token: string;
  /** Every notification shown, oldest first. */
  readonly shown: ShownNotification[];
  /** The instant the next look is planned for. */
  nextWake(): number | undefined;
  memory(): ReminderMemory;
  /** Plans and shows what is due now; `looking`: the user looks (activation, focus), so the digest may show. */
  look(looking: boolean): void;
  /** Resolves when every look asked for so far has run. */
  settled(): Promise<void>;
}

/**
 * Reminders a lead time before a timed promise falls due and the morning digest, planned by the core's
 * `planReminders` and armed with the core's `Scheduler` (the clock and timers injected, so the test hooks'
 * clock moves them). Looks at activation (as the user looking), when the window gains focus, when a log or a
 * setting changes, and when the scheduler's timer ends (counting as looking when the window has focus). Written
 * as a closure rather than a class: the web bundle has a byte budget, and local names minify, properties not.
 */
export function registerReminders(state: vscode.Memento, index: WorkspaceIndex, clock: Clock, actions: PromiseActions): Reminders {
  const token = Math.random().toString(36).slice(2);
  const shown: ShownNotification[] = [];
  const t = vscode.l10n.t;
  let wake: number | undefined;
  let queue: Promise<void> = Promise.resolve();
  let disposed = false;
  const memory = () => readMemory(state.get(MEMORY_KEY));
  /** A look queued and not started yet (and whether the user looks): later ones join it, so a burst of index changes plans once. */
  let waiting: boolean | undefined;
  /**
   * Whether a look was asked for since the last plan started reading: a plan reads the index, the clock and the
   * settings when it starts, so a look asked for before (the scan's reports, which the first plan awaits) finds
   * nothing new, unless the user looks.
   */
  let unread: boolean | undefined;
  /** The day of the digest this window showed. */
  let digested: string | undefined;
  const look = (looking: boolean) => {
    unread = true;
    if (waiting !== undefined) {
      waiting ||= looking;
      return;
    }
    waiting = looking;
    queue = queue
      .then(() => {
        const l = waiting!;
        waiting = undefined;
        if (l || unread) return evaluate(l);
      })
      .catch(console.error);
  };
  const scheduler = new Scheduler<0>(
    () => ({ from: -Infinity, until: wake ?? Infinity }),
    () => look(vscode.window.state.focused),
    clock.timers(),
  );

  /**
   * Claims keys for this window in `globalState` (key -> window token, only the keys being claimed: what
   * was shown is in the memory), waits for other windows' claims to arrive, and returns the keys this window
   * shows (see CLAIM_WAIT_MS). A key another window is claiming right now is skipped.
   */
  const claim = async (keys: readonly string[]): Promise<Set<string>> => {
    const now = (state.get(CLAIMS_KEY) ?? {}) as Record<string, string>;
    const mine = keys.filter((k) => (now[k] ?? token) === token);
    await state.update(CLAIMS_KEY, Object.fromEntries(mine.map((k) => [k, token])));
    await new Promise((r) => setTimeout(r, CLAIM_WAIT_MS));
    const after = (state.get(CLAIMS_KEY) ?? {}) as Record<string, string>;
    return new Set(mine.filter((k) => (after[k] ?? token) >= token));
  };

  const evaluate = async (looking: boolean): Promise<void> => {
    await index.ready();
    if (disposed) return;
    unread = false;
    const now = clock.now();
    const options = { now, settings: reminderSettings(), memory: memory(), looking };
    // The Node host reads only the logs the plan needs, and of closed files only those whose shown row says they need it
    // (their models are not restored then, and those it reads are restored between yields: ../host/indexStore.ts).
    const logs = WEB_BUNDLE ? index.all() : await nodeStore.reminderLogs(index, options);
    if (disposed) return;
    const sources = logs.map((e) => logSource(e.log, e.uri.toString(), e.log.client || vscode.workspace.asRelativePath(e.uri)));
    const plan = planReminders(sources, options);
    wake = plan.nextWake;
    scheduler.changed([0]);
    // A reminder back from a snooze is claimed anew (the window that claimed it first may be gone).
    const snoozes = memory().snoozed;
    const claimOf = (r: Reminder) => (r.snoozed ? `${r.key}|${snoozes[r.key]}` : r.key);
    const digestKey = plan.digest && `digest|${plan.digest.day}`;
    const keys = plan.reminders.map(claimOf);
    if (digestKey) keys.push(digestKey);
    if (keys.length === 0) return;
    const claimed = await claim(keys);
    if (disposed) return;
    const reminders = plan.reminders.filter((r) => claimed.has(claimOf(r)));
    const digest = digestKey && claimed.has(digestKey) ? plan.digest : undefined;
    // Recorded before showing: a notification left open must not come back at the next look.
    let m = memory();
    if (reminders.length) m = recordShown(m, reminders, now);
    if (digest) m = { ...m, digestDay: digest.day };
    if (reminders.length || digest) await state.update(MEMORY_KEY, m);
    if (reminders.length === 1) showOne(reminders[0]);
    else if (reminders.length > 1) showGroup(reminders);
    // Recorded again but never shown twice by one window: another window's write of globalState replaces this
    // one's whole (its memory too, which may not have today's digest yet), so a later look here plans it again.
    if (digest && digested !== digest.day) {
      digested = digest.day;
      showDigest(digest);
    }
  };

  /** Shows a notification, remembers it for the test hooks, and runs the action of the button picked. */
  const show = (kind: ShownNotification['kind'], message: string, keys: string[], buttons: Array<[string, () => unknown]>) => {
    shown.push({ kind, message, buttons: buttons.map((b) => b[0]), keys });
    void vscode.window.showInformationMessage(message, ...buttons.map((b) => b[0])).then((pick) => buttons.find((b) => b[0] === pick)?.[1]());
  };

  /** "2026-11-06 14:00", and the log's zone when it is not the user's ("2026-11-06 14:00 Asia/Tokyo"). */
  const when = ({ row }: Reminder): string => {
    return `${row.item.date} ${row.item.time}${row.timeZone === reminderSettings().timeZone ? '' : ` ${row.timeZone}`}`;
  };

  const showPromises = () => vscode.commands.executeCommand('clientlog.showPromises');

  const showOne = (r: Reminder) => {
    const minutes = Math.round((r.dueAt - clock.now().getTime()) / 60_000);
    const rel = new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
    const inTime = Math.abs(minutes) >= 120 ? rel.format(Math.round(minutes / 60), 'hour') : rel.format(minutes, 'minute');
    const { item, source } = r.row;
    const arg: TargetArg = { uri: source.id, line: item.line, kind: 'promise', date: item.date, text: item.text };
    const buttons: Array<[string, () => unknown]> = [
      [
        t('Go to the promise'),
        () => vscode.window.showTextDocument(vscode.Uri.parse(source.id), { selection: new vscode.Range(item.line, 0, item.line, 0), preview: false }),
      ],
      [t('Snooze…'), () => snooze([r])],
    ];
    // Restricted Mode: nothing that would change a file.
    if (vscode.workspace.isTrusted)
      buttons.unshift([t('Mark kept'), () => actions.markKept(arg)], [t('Reschedule…'), () => actions.reschedule(arg, 'promise')]);
    show('reminder', t('Promise to {0} due {1} ({2}): {3}', source.label, inTime, when(r), item.text), [r.key], buttons);
  };

  const showGroup = (list: readonly Reminder[]) => {
    const names = list.map((r) => `${r.row.item.text} (${r.row.source.label}, ${when(r)})`);
    show(
      'group',
      t('Promises falling due soon: {0}', names.join('; ')),
      list.map((r) => r.key),
      [
        [t('Show Promises'), showPromises],
        [t('Snooze…'), () => snooze(list)],
      ],
    );
  };

  const showDigest = (d: Digest) =>
    show(
      'digest',
      digestMessage(d, t, vscode.env.language),
      [`digest|${d.day}`],
      [
        [t('Show Promises'), showPromises],
        [t('Weekly Review'), () => vscode.commands.executeCommand('clientlog.review')],
      ],
    );

  const snooze = async (list: readonly Reminder[]) => {
    const settings = reminderSettings();
    const choices: SnoozeChoice[] = ['15m', '1h', 'morning'];
    const labels = [t('15 minutes'), t('1 hour'), t('Tomorrow morning')];
    const pick = await vscode.window.showQuickPick(
      choices.map((choice, i) => ({ label: labels[i], choice })),
      { placeHolder: t('When should I remind you again?') },
    );
    if (!pick) return;
    const now = clock.now();
    await state.update(MEMORY_KEY, recordSnooze(memory(), list, snoozeUntil(pick.choice, now, settings), now));
    look(false);
  };

  const disposables = [
    vscode.window.onDidChangeWindowState((s) => s.focused && look(true)),
    clock.onDidMove(() => look(vscode.window.state.focused)),
    // The index reports changes after a pause in typing: no debounce of its own.
    index.onDidChange(() => look(false)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('clientlog') && look(false)),
  ];

  // The first look, at activation: the user is looking (the digest may show).
  look(true);
  return {
    token,
    shown,
    nextWake: () => wake,
    memory,
    look,
    settled: () => queue,
    dispose() {
      disposed = true;
      scheduler.dispose();
      for (const d of disposables) d.dispose();
    },
  };
}
