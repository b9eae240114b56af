/**
 * Where a tracked item stands at an instant: the one answer to "is it overdue, due today, due soon, and by
 * how many days" that the findings, the views, the code lenses, the decorations, the hovers and the command
 * line all read. Pure: "now" is the wall clock in the log's zone (`zonedNow(instant, logTimeZone(...))`).
 *
 * The rules, per kind:
 * - PROMISE: due until the end of its date in the log's zone, or, with a time, until that minute; late
 *   from the next minute on.
 * - WAITING: the client is late from the day after the follow-up date (a time on the line says when you
 *   expect to hear, it does not make the client late within the day).
 * - SCOPE: the client should confirm within `confirmationDays` of the change; it is late from the day after.
 */
import { dayNumber, parseTime, type ZonedNow } from './dates';
import type { Tracked } from './model';

export type Band = 'overdue' | 'today' | 'soon' | 'later';

export interface DueStatus {
  readonly band: Band;
  /**
   * Whole calendar days from today to the day the item is due by, negative when overdue: a promise's or a
   * wait's date, a scope change's date plus the confirmation period.
   */
  readonly days: number;
  /** Scope changes only: days since the change was raised (what "unconfirmed for" counts). */
  readonly age?: number;
}

/** What an item looks like to a reader: open (or overdue), kept on time or late, dropped, broken, … */
export type ItemState = 'open' | 'overdue' | 'keptOnTime' | 'keptLate' | 'dropped' | 'broken' | 'received' | 'confirmed' | 'declined';

export interface Standing {
  readonly state: ItemState;
  /** Open items with a valid date: where the date stands. */
  readonly status?: DueStatus;
}

export interface StandingOptions {
  /** Open items due within this many days are "soon" (default 3; 0 turns "soon" off). */
  readonly horizonDays?: number;
  /** A scope change is due for confirmation this many days after it was raised (default 3). */
  readonly confirmationDays?: number;
}

/** What `standing` reads of an item; an item without a `state` is open (as `OpenItem`s are). */
export type StandingItem = Pick<Tracked, 'kind' | 'date' | 'time'> & Partial<Pick<Tracked, 'state' | 'closedOn'>>;

export const DEFAULT_HORIZON_DAYS = 3;
export const DEFAULT_CONFIRMATION_DAYS = 3;

/** The band of an item due in `days` (negative: overdue) for which the day itself has not run out. */
function bandOf(days: number, horizonDays: number): Band {
  return days < 0 ? 'overdue' : days === 0 ? 'today' : days <= horizonDays ? 'soon' : 'later';
}

/**
 * The promise rule on its own: a date without a time is due until the end of that day in the log's zone;
 * with a time, until that minute. (`standing` applies it to promises; other kinds have their own rules.)
 */
export function dueStatus(item: Pick<Tracked, 'date' | 'time'>, now: ZonedNow, horizonDays: number): DueStatus | undefined {
  if (!item.date) return undefined;
  const days = dayNumber(item.date) - dayNumber(now.date);
  if (days === 0) {
    const t = item.time !== undefined ? parseTime(item.time) : undefined;
    if (t !== undefined && now.minutes > t) return { band: 'overdue', days };
  }
  return { band: bandOf(days, horizonDays), days };
}

/** Where an item stands at `now` (the wall clock in the log's zone). */
export function standing(item: StandingItem, now: ZonedNow, options: StandingOptions = {}): Standing {
  const state = item.state ?? 'open';
  if (state !== 'open') {
    if (state === 'kept') return { state: item.closedOn && item.date && item.closedOn > item.date ? 'keptLate' : 'keptOnTime' };
    return { state };
  }
  const status = openStatus(item, now, options);
  return status ? { state: status.band === 'overdue' ? 'overdue' : 'open', status } : { state: 'open' };
}

function openStatus(item: StandingItem, now: ZonedNow, options: StandingOptions): DueStatus | undefined {
  if (!item.date) return undefined;
  const horizon = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  switch (item.kind) {
    case 'promise':
      return dueStatus(item, now, horizon);
    case 'waiting': {
      const days = dayNumber(item.date) - dayNumber(now.date);
      return { band: bandOf(days, horizon), days };
    }
    case 'scope': {
      const age = dayNumber(now.date) - dayNumber(item.date);
      const days = (options.confirmationDays ?? DEFAULT_CONFIRMATION_DAYS) - age;
      return { band: bandOf(days, horizon), days, age };
    }
  }
}
