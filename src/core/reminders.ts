/**
 * Reminders before a promise falls due, and the morning digest: what to show at an instant, as a pure
 * function of the logs (read through the agenda, so every item's band comes from `standing`), "now", the
 * settings and what was already shown. No clock, no timer: the adapter (features/reminders.ts) calls it
 * again at the instant it returns as `nextWake`, on window focus and when a log changes.
 *
 * - A promise with a time falls due at that minute in its log's zone (`deadlineInstant`, so a DST change
 *   does not move it); its reminder is due `leadMinutes` of real time before, until the promise is overdue.
 *   Date-only promises are not reminded one by one: the digest counts them.
 * - Each reminder has a key naming the log, the promise and the instant it falls due: a rescheduled
 *   promise is reminded again, the same one never twice (the memory holds the keys shown).
 * - A snoozed reminder comes back at the end of its snooze while the promise is open.
 * - Everything due at once is ONE reminder (the adapter shows one notification for the list).
 * - The digest is due once per day of the user's zone, from `morningTime` on, when the user looks (the
 *   window activates or gains focus), and only on a day with something to say.
 */
import { agenda, type AgendaItem, type AgendaRow, type AgendaSource } from './agenda';
import { addDays, deadlineInstant, parseTime, readZone, zonedInstant, zonedNow } from './dates';
import type { ClientLog } from './model';
import type { StandingOptions } from './standing';

export interface ReminderSettings {
  /** `clientlog.reminders.enabled`: false shows nothing at all. */
  readonly enabled: boolean;
  /** Whole minutes before a timed promise falls due (0: no reminders before promises; the digest stays). */
  readonly leadMinutes: number;
  /** `HH:MM` in the user's zone: the digest is due from this time of day on. */
  readonly morningTime: string;
  /** The user's zone (for the digest's day and morning, and logs that name no zone). */
  readonly timeZone: string;
}

export const DEFAULT_LEAD_MINUTES = 60;
export const DEFAULT_MORNING_TIME = '09:00';
/** What was shown is forgotten this long after it stops mattering (the promise's due instant, the snooze). */
export const MEMORY_DAYS = 14;

/** What was shown, as the adapter keeps it (in `globalState`, across windows and restarts). */
export interface ReminderMemory {
  /** Reminder keys shown, each with the instant (ms) its promise falls due (for forgetting old keys). */
  readonly reminded: Readonly<Record<string, number>>;
  /** Snoozed reminder keys, each with the instant (ms) the snooze ends. */
  readonly snoozed: Readonly<Record<string, number>>;
  /** The user's date on which the digest was last shown. */
  readonly digestDay?: string;
}

export const EMPTY_MEMORY: ReminderMemory = { reminded: {}, snoozed: {} };

export interface ReminderOptions extends StandingOptions {
  readonly now: Date;
  readonly settings: ReminderSettings;
  readonly memory: ReminderMemory;
  /** Whether the user is looking now (the extension activated, or the window gained focus): the digest waits for it. */
  readonly looking: boolean;
}

export interface DueReminder<T extends AgendaItem> {
  readonly key: string;
  readonly row: AgendaRow<T>;
  /** The instant (ms) the promise falls due. */
  readonly dueAt: number;
  /** Whether it comes back from a snooze. */
  readonly snoozed: boolean;
}

/** The digest's figures, all from the agenda's rows (bands from `standing`). */
export interface Digest {
  /** The user's date it is for. */
  readonly day: string;
  /** Open promises due today (in their log's zone), not yet overdue. */
  readonly dueToday: number;
  readonly overdue: number;
  /** Follow-ups (WAITING) whose date has passed. */
  readonly lateWaits: number;
  /** The longest-late of them: who (the contact, else the client) and for how many days. */
  readonly longestWait?: { readonly who: string; readonly days: number };
}

export interface ReminderPlan<T extends AgendaItem> {
  /** The reminders due now, most urgent first: one notification (grouped when more than one). */
  readonly reminders: readonly DueReminder<T>[];
  /** The digest, when it is due now. */
  readonly digest?: Digest;
  /** The next instant (ms) at which something may become due (undefined: nothing to wait for). */
  readonly nextWake?: number;
}

/** Minutes after midnight of a `HH:MM` setting (09:00 when it is not one). */
export function morningMinutes(morningTime: string): number {
  return parseTime(morningTime.trim()) ?? parseTime(DEFAULT_MORNING_TIME)!;
}

/** The first `morningTime` in the user's zone strictly after `now` (ms). */
export function nextMorning(now: Date, settings: Pick<ReminderSettings, 'morningTime' | 'timeZone'>): number {
  const minutes = morningMinutes(settings.morningTime);
  const today = zonedNow(now, settings.timeZone).date;
  const m = zonedInstant(today, minutes, settings.timeZone).getTime();
  return m > now.getTime() ? m : zonedInstant(addDays(today, 1), minutes, settings.timeZone).getTime();
}

export type SnoozeChoice = '15m' | '1h' | 'morning';

/** When a snooze chosen at `now` ends: in 15 minutes, in an hour, or at the next morning time. */
export function snoozeUntil(choice: SnoozeChoice, now: Date, settings: Pick<ReminderSettings, 'morningTime' | 'timeZone'>): number {
  return choice === '15m' ? now.getTime() + 15 * 60_000 : choice === '1h' ? now.getTime() + 60 * 60_000 : nextMorning(now, settings);
}

/** The key of a promise's reminder: its log, what it says, and the instant it falls due. */
export function reminderKey(sourceId: string, item: Pick<AgendaItem, 'text'>, dueAt: number): string {
  return `${sourceId}|${new Date(dueAt).toISOString()}|${item.text}`;
}

/** What to show at `options.now`: the reminders due, the digest if due, and when to look again. */
export function planReminders<T extends AgendaItem>(sources: Iterable<AgendaSource<T>>, options: ReminderOptions): ReminderPlan<T> {
  const { settings, memory } = options;
  if (!settings.enabled) return { reminders: [] };
  const now = options.now.getTime();
  const { rows } = agenda(sources, {
    now: options.now,
    timeZone: settings.timeZone,
    kinds: ['promise', 'waiting'],
    horizonDays: options.horizonDays,
    confirmationDays: options.confirmationDays,
  });
  const lead = settings.leadMinutes * 60_000;
  const reminders: DueReminder<T>[] = [];
  let wake = nextMorning(options.now, settings);
  for (const row of rows) {
    const { item } = row;
    if (item.kind !== 'promise' || item.time === undefined || !item.date) continue;
    const dueAt = deadlineInstant(item.date, item.time, row.timeZone).getTime();
    const key = reminderKey(row.source.id, item, dueAt);
    const snoozedUntil = memory.snoozed[key];
    if (snoozedUntil !== undefined) {
      // Snoozed: back at the end of the snooze while the promise is open, overdue or not.
      if (snoozedUntil <= now) reminders.push({ key, row, dueAt, snoozed: true });
      else wake = Math.min(wake, snoozedUntil);
      continue;
    }
    if (lead === 0 || memory.reminded[key] !== undefined || row.band === 'overdue') continue;
    const remindAt = dueAt - lead;
    if (remindAt <= now) reminders.push({ key, row, dueAt, snoozed: false });
    else wake = Math.min(wake, remindAt);
  }

  // By the instant they fall due: the agenda orders by each log's wall-clock time, which across zones is not
  // the order in time (14:30 in London comes after 16:00 in Sofia).
  reminders.sort((a, b) => a.dueAt - b.dueAt);

  let digest: Digest | undefined;
  const user = zonedNow(options.now, settings.timeZone);
  if (options.looking && memory.digestDay !== user.date && user.minutes >= morningMinutes(settings.morningTime)) {
    let dueToday = 0;
    let overdue = 0;
    let lateWaits = 0;
    let longest: AgendaRow<T> | undefined;
    for (const r of rows) {
      if (r.item.kind === 'promise') {
        if (r.band === 'today') dueToday++;
        else if (r.band === 'overdue') overdue++;
      } else if (r.band === 'overdue') {
        lateWaits++;
        if (!longest || r.days < longest.days) longest = r;
      }
    }
    if (dueToday + overdue + lateWaits > 0) {
      digest = {
        day: user.date,
        dueToday,
        overdue,
        lateWaits,
        ...(longest && { longestWait: { who: longest.contact ?? longest.source.label, days: -longest.days } }),
      };
    }
  }
  return { reminders, ...(digest && { digest }), nextWake: wake };
}

/**
 * An open promise due at a time of day: the only items `planReminders` reminds of (the digest counts every open item).
 * Written apart from the plan's own test of its rows (which are open items), which the web bundle's byte budget keeps
 * inline; a property test holds the two to the same plan.
 */
export function timedPromise(item: Pick<AgendaItem, 'kind' | 'date' | 'time' | 'state'>): boolean {
  return item.kind === 'promise' && item.time !== undefined && !!item.date && (item.state ?? 'open') === 'open';
}

/**
 * Which logs `planReminders` reads at these options: none (reminders are off), every log (the digest is due: the user
 * looks, it was not shown on the user's day yet and the morning time has come), or only those with a `timedPromise`:
 * then the plan of those alone is the plan of all of them (a property test holds it).
 */
export function logsToPlan(options: Pick<ReminderOptions, 'now' | 'settings' | 'memory' | 'looking'>): 'none' | 'timed' | 'all' {
  const { settings } = options;
  if (!settings.enabled) return 'none';
  const user = zonedNow(options.now, settings.timeZone);
  return options.looking && options.memory.digestDay !== user.date && user.minutes >= morningMinutes(settings.morningTime) ? 'all' : 'timed';
}

/**
 * The latest instant (ms) at which one of a log's `timedPromise`s falls due, in the log's zone (else `timeZone`, the
 * user's); -Infinity when it has none.
 */
export function lastTimedDue(log: Pick<ClientLog, 'items' | 'frontMatter'>, timeZone: string): number {
  const zone = readZone(log.frontMatter?.timeZone, timeZone);
  let last = -Infinity;
  for (const i of log.items) if (timedPromise(i)) last = Math.max(last, deadlineInstant(i.date!, i.time!, zone).getTime());
  return last;
}

/**
 * Whether a plan that reads only the logs with a timed promise (`logsToPlan`: 'timed') reads the log `id`, whose
 * `lastTimedDue` is `lastDue`: while its last timed promise is less than a day past due (an overdue one is reminded of
 * only back from a snooze; a day is more than any zone's offset from what its minute says), or when one of its
 * reminders is snoozed (`snoozed`: the memory's snoozed keys, which begin with the log's id: `reminderKey`).
 */
export function timedLogNeeded(id: string, lastDue: number, now: Date, snoozed: readonly string[]): boolean {
  return now.getTime() < lastDue + 86_400_000 || snoozed.some((k) => k.startsWith(`${id}|`));
}

type Shown = readonly Pick<DueReminder<AgendaItem>, 'key' | 'dueAt'>[];

/** The memory after showing these reminders (their snoozes end), and forgetting what no longer matters. */
export function recordShown(memory: ReminderMemory, shown: Shown, now: Date): ReminderMemory {
  return record(memory, shown, undefined, now);
}

/** The memory after snoozing these reminders until `until` (ms). */
export function recordSnooze(memory: ReminderMemory, shown: Shown, until: number, now: Date): ReminderMemory {
  return record(memory, shown, until, now);
}

function record(memory: ReminderMemory, shown: Shown, until: number | undefined, now: Date): ReminderMemory {
  const reminded = { ...memory.reminded };
  const snoozed = { ...memory.snoozed };
  for (const r of shown) {
    reminded[r.key] = r.dueAt;
    if (until === undefined) delete snoozed[r.key];
    else snoozed[r.key] = until;
  }
  return forget({ ...memory, reminded, snoozed }, now);
}

/** The memory after showing the digest of `day`. */
export function recordDigest(memory: ReminderMemory, day: string): ReminderMemory {
  return { ...memory, digestDay: day };
}

/** Drops keys whose promise fell due, or whose snooze ended, more than `MEMORY_DAYS` ago. */
function forget(memory: ReminderMemory, now: Date): ReminderMemory {
  const before = now.getTime() - MEMORY_DAYS * 86_400_000;
  const keep = (r: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(r).filter(([, at]) => at >= before));
  return { ...memory, reminded: keep(memory.reminded), snoozed: keep(memory.snoozed) };
}

/** A memory read back from storage (anything else: empty), so a corrupt value never throws. */
export function readMemory(value: unknown): ReminderMemory {
  const v = (value ?? {}) as Partial<Record<keyof ReminderMemory, unknown>>;
  const numbers = (x: unknown): Record<string, number> =>
    Object.fromEntries(Object.entries(x && typeof x === 'object' ? x : {}).filter(([, n]) => typeof n === 'number' && Number.isFinite(n)));
  return { reminded: numbers(v.reminded), snoozed: numbers(v.snoozed), ...(typeof v.digestDay === 'string' && { digestDay: v.digestDay }) };
}
