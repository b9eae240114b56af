import * as vscode from 'vscode';
import {
  digestMessage,
  logSource,
  planReminders,
  readMemory,
  recordDigest,
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
import type { Clock } from '../host/clock';
import { affectsReminders, analyzeOptions, reminderSettings } from '../host/settings';
import type { WorkspaceIndex } from '../host/workspaceIndex';
import type { PromiseActions, TargetArg } from './promiseActions';

/** Where what was shown is kept (`globalState`: every window and every workspace, across restarts). */
const MEMORY_KEY = 'clientlog.reminders';
/** Which window claimed which reminder or digest (see `claim`). */
const CLAIMS_KEY = 'clientlog.reminders.claims';
/**
 * How long a window waits after claiming before it reads the claims back. VS Code propagates a
 * `globalState.update` to the other windows' mementos through the shared storage (batched about every
 * 100 ms, then an IPC round); it offers no compare-and-set, so two windows that claim the same key both
 * write, the later write wins everywhere once propagated, and only the window that reads its own token
 * back shows it. Should propagation take longer than this, both would show it: a duplicate, never a loss.
 */
const CLAIM_WAIT_MS = 800;
/** Typing a promise due soon reminds right away, but a burst of changes is planned once. */
const CHANGE_DEBOUNCE_MS = 1000;
/** At most this many promises are listed in one grouped notification. */
const GROUP_LIST = 5;

type Reminder = DueReminder<Tracked>;

/** What was shown, for the test hooks. */
export interface ShownNotification {
  readonly kind: 'reminder' | 'group' | 'digest';
  readonly message: string;
  readonly buttons: readonly string[];
  readonly keys: readonly string[];
}

/**
 * Reminders a lead time before a timed promise falls due and the morning digest, planned by the core's
 * `planReminders` and armed with the core's `Scheduler` (the clock and timers injected, so the test hooks'
 * clock moves them). Looks again when the window gains focus, a log changes, or a setting changes.
 */
export class Reminders implements vscode.Disposable {
  private readonly scheduler: Scheduler<'reminders'>;
  private readonly disposables: vscode.Disposable[] = [];
  private wake: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** A token naming this window's claims: the session id is per window. */
  readonly token = `${vscode.env.sessionId}:${Math.random().toString(36).slice(2)}`;
  /** Test hook: every notification shown, oldest first. */
  readonly shown: ShownNotification[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly index: WorkspaceIndex,
    private readonly clock: Clock,
    private readonly actions: PromiseActions,
  ) {
    this.scheduler = new Scheduler<'reminders'>(
      () => ({ from: -Infinity, until: this.wake ?? Infinity }),
      () => this.look(vscode.window.state.focused),
      {
        now: () => this.clock.now().getTime(),
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
    );
    this.disposables.push(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.look(true);
      }),
      clock.onDidMove(() => this.look(vscode.window.state.focused)),
      index.onDidChange(() => {
        if (this.debounce !== undefined) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => {
          this.debounce = undefined;
          this.look(false);
        }, CHANGE_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsReminders(e)) this.look(false);
      }),
    );
  }

  /** The first look, at activation: it counts as the user looking (the digest may show). */
  start(): void {
    this.look(true);
  }

  /** The instant the next look is planned for (test hooks). */
  get nextWake(): number | undefined {
    return this.wake;
  }

  memory(): ReminderMemory {
    return readMemory(this.state.get(MEMORY_KEY));
  }

  /** Plans and shows what is due now; `looking`: the user looks (activation, focus), so the digest may show. */
  look(looking: boolean): void {
    this.queue = this.queue.then(() => this.evaluate(looking)).catch((e) => console.error('Clientlog reminders:', e));
  }

  /** Resolves when every look asked for so far has run (test hooks). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async evaluate(looking: boolean): Promise<void> {
    await this.index.ready();
    if (this.disposed) return;
    const now = this.clock.now();
    const settings = reminderSettings();
    const logs = this.index.all();
    const sources = logs.map((e) => logSource(e.log, e.uri.toString(), e.log.client || vscode.workspace.asRelativePath(e.uri)));
    const { horizonDays, confirmationDays } = analyzeOptions(now);
    const plan = planReminders(sources, { now, settings, memory: this.memory(), looking, horizonDays, confirmationDays });
    this.wake = plan.nextWake;
    this.scheduler.changed(['reminders']);

    // A reminder back from a snooze is claimed anew (the window that claimed it first may be gone).
    const snoozes = this.memory().snoozed;
    const claimOf = (r: Reminder) => (r.snoozed ? `${r.key}|${snoozes[r.key]}` : r.key);
    const claimed = await this.claim([...plan.reminders.map(claimOf), ...(plan.digest ? [`digest|${plan.digest.day}`] : [])]);
    if (this.disposed) return;
    const reminders = plan.reminders.filter((r) => claimed.has(claimOf(r)));
    const digest = plan.digest && claimed.has(`digest|${plan.digest.day}`) ? plan.digest : undefined;
    // Recorded before showing: a notification left open must not come back at the next look.
    let memory = this.memory();
    if (reminders.length) memory = recordShown(memory, reminders, now);
    if (digest) memory = recordDigest(memory, digest.day);
    if (reminders.length || digest) await this.state.update(MEMORY_KEY, memory);
    if (reminders.length === 1) this.showOne(reminders[0]);
    else if (reminders.length > 1) this.showGroup(reminders);
    if (digest) this.showDigest(digest);
  }

  /**
   * Claims keys for this window in `globalState`, waits for other windows' claims to arrive, and returns
   * the keys still claimed by this window (see CLAIM_WAIT_MS). Keys another window claimed are skipped.
   */
  private async claim(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const now = this.clock.now().getTime();
    const claims = this.claims(now);
    const mine = keys.filter((k) => claims[k] === undefined || claims[k].by === this.token);
    if (mine.length === 0) return new Set();
    for (const k of mine) claims[k] = { by: this.token, at: now };
    await this.state.update(CLAIMS_KEY, claims);
    await new Promise((r) => setTimeout(r, CLAIM_WAIT_MS));
    const after = this.claims(now);
    return new Set(mine.filter((k) => after[k]?.by === this.token));
  }

  /** The claims of the last two days (older ones are dropped: what they guard is in the memory). */
  private claims(now: number): Record<string, { by: string; at: number }> {
    const raw = this.state.get<unknown>(CLAIMS_KEY);
    const out: Record<string, { by: string; at: number }> = {};
    if (!raw || typeof raw !== 'object') return out;
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const c = v as { by?: unknown; at?: unknown };
      if (c && typeof c.by === 'string' && typeof c.at === 'number' && Math.abs(now - c.at) < 2 * 86_400_000) out[k] = { by: c.by, at: c.at };
    }
    return out;
  }

  private record(n: ShownNotification): void {
    this.shown.push(n);
    if (this.shown.length > 50) this.shown.shift();
  }

  /** "14:00" in the user's zone, else "2026-11-06 14:00 Asia/Tokyo" as the log says. */
  private when(r: Reminder): string {
    const user = reminderSettings().timeZone;
    const today = this.clock.today();
    const date = r.row.item.date === today && r.row.timeZone === user ? '' : `${r.row.item.date} `;
    return `${date}${r.row.item.time ?? ''}${r.row.timeZone === user ? '' : ` ${r.row.timeZone}`}`;
  }

  private showOne(r: Reminder): void {
    const minutes = Math.round((r.dueAt - this.clock.now().getTime()) / 60_000);
    const rel = new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
    const inTime = Math.abs(minutes) >= 120 ? rel.format(Math.round(minutes / 60), 'hour') : rel.format(minutes, 'minute');
    const { item, source } = r.row;
    const message =
      minutes >= 0
        ? vscode.l10n.t('Promise to {0} due {1} ({2}): {3}', source.label, inTime, this.when(r), item.text)
        : vscode.l10n.t('Promise to {0} was due {1} ({2}): {3}', source.label, inTime, this.when(r), item.text);
    const markKept = vscode.l10n.t('Mark kept');
    const reschedule = vscode.l10n.t('Reschedule…');
    const open = vscode.l10n.t('Go to the promise');
    const snooze = vscode.l10n.t('Snooze…');
    // Restricted Mode: nothing that would change a file.
    const buttons = vscode.workspace.isTrusted ? [markKept, reschedule, open, snooze] : [open, snooze];
    this.record({ kind: 'reminder', message, buttons, keys: [r.key] });
    void vscode.window.showInformationMessage(message, ...buttons).then(async (pick) => {
      const uri = vscode.Uri.parse(source.id);
      const arg: TargetArg = { uri: source.id, line: item.line, kind: 'promise', date: item.date, text: item.text };
      if (pick === markKept && vscode.workspace.isTrusted) await this.actions.markKept(arg);
      else if (pick === reschedule && vscode.workspace.isTrusted) await this.actions.reschedule(arg, 'promise');
      else if (pick === open) await openAt(uri, item.line);
      else if (pick === snooze) await this.snooze([r]);
    });
  }

  private showGroup(list: readonly Reminder[]): void {
    const names = list.slice(0, GROUP_LIST).map((r) => `${r.row.item.text} (${r.row.source.label}, ${this.when(r)})`);
    if (list.length > GROUP_LIST) names.push(vscode.l10n.t('and {0} more', list.length - GROUP_LIST));
    const message = vscode.l10n.t('Promises falling due soon: {0}', names.join('; '));
    const open = vscode.l10n.t('Go to a promise…');
    const show = vscode.l10n.t('Show Promises');
    const snooze = vscode.l10n.t('Snooze…');
    const buttons = [open, show, snooze];
    this.record({ kind: 'group', message, buttons, keys: list.map((r) => r.key) });
    void vscode.window.showInformationMessage(message, ...buttons).then(async (pick) => {
      if (pick === show) await vscode.commands.executeCommand('clientlog.showPromises');
      else if (pick === snooze) await this.snooze(list);
      else if (pick === open) {
        const one = await vscode.window.showQuickPick(
          list.map((r) => ({ label: r.row.item.text, description: `${r.row.source.label} · ${this.when(r)}`, r })),
          { placeHolder: vscode.l10n.t('Which one?'), matchOnDescription: true },
        );
        if (one) await openAt(vscode.Uri.parse(one.r.row.source.id), one.r.row.item.line);
      }
    });
  }

  private showDigest(d: Digest): void {
    const message = digestMessage(d, vscode.l10n.t, vscode.env.language);
    const show = vscode.l10n.t('Show Promises');
    const review = vscode.l10n.t('Weekly Review');
    this.record({ kind: 'digest', message, buttons: [show, review], keys: [`digest|${d.day}`] });
    void vscode.window.showInformationMessage(message, show, review).then(async (pick) => {
      if (pick === show) await vscode.commands.executeCommand('clientlog.showPromises');
      else if (pick === review) await vscode.commands.executeCommand('clientlog.review');
    });
  }

  private async snooze(list: readonly Reminder[]): Promise<void> {
    const picks: Array<vscode.QuickPickItem & { choice: SnoozeChoice }> = [
      { label: vscode.l10n.t('15 minutes'), choice: '15m' },
      { label: vscode.l10n.t('1 hour'), choice: '1h' },
      { label: vscode.l10n.t('Tomorrow morning'), description: reminderSettings().morningTime, choice: 'morning' },
    ];
    const pick = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('When should I remind you again?') });
    if (!pick) return;
    const now = this.clock.now();
    await this.state.update(MEMORY_KEY, recordSnooze(this.memory(), list, snoozeUntil(pick.choice, now, reminderSettings()), now));
    this.look(false);
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

async function openAt(uri: vscode.Uri, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), preview: false });
}

/** Reminders and the morning digest (see `Reminders`); `clientlog.reminders.enabled` turns both off. */
export function registerReminders(reminders: Reminders): vscode.Disposable {
  reminders.start();
  return reminders;
}
