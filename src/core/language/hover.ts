/** What a hover shows on a PROMISE / WAITING / SCOPE line (due date, state, history) or an `@handle`. */
import { logTimeZone } from '../analyze';
import { deadlineInstant, formatTime, zonedNow } from '../dates';
import { contactOf, type ClientLog, type Contact, type HistoryEvent, type Tracked, type TrackedKind } from '../model';
import { standing, type DueStatus, type ItemState } from '../standing';
import type { LineSource, Position, Range } from '../text';
import { handleAt } from './handles';

export interface WallClock {
  readonly date: string;
  /** `HH:MM`. */
  readonly time: string;
}

export interface MoveInfo {
  readonly from?: string;
  readonly fromTime?: string;
  /** Who agreed: a handle or a name as written. */
  readonly by?: string;
  /** The contact's name when `by` is one of the client's handles. */
  readonly byName?: string;
  /** When the move was agreed. */
  readonly on?: string;
}

export interface ItemHover {
  readonly type: 'item';
  readonly kind: TrackedKind;
  readonly item: Tracked;
  readonly client: string;
  /** The time zone the log's dates are in, and the user's. */
  readonly timeZone: string;
  readonly userTimeZone: string;
  readonly date?: string;
  readonly time?: string;
  /**
   * When the zones differ and the item has a date: the last moment it is on time, on the user's clock
   * (for a date without a time, the end of that day in the log's zone).
   */
  readonly userDeadline?: WallClock;
  /** Open items: where the date stands today. */
  readonly status?: DueStatus;
  readonly state: ItemState;
  readonly closedOn?: string;
  readonly reason?: string;
  readonly apology?: string;
  readonly moves: readonly MoveInfo[];
  /** The contacts the text mentions (names when known, else handles). */
  readonly people: readonly string[];
}

export interface ContactHover {
  readonly type: 'contact';
  readonly handle: string;
  readonly range: Range;
  readonly contact?: Contact;
  /** Whether the log lists contacts at all (an unknown handle is then worth pointing out). */
  readonly hasContacts: boolean;
}

export interface HoverOptions {
  readonly now: Date;
  readonly userTimeZone: string;
  readonly horizonDays?: number;
  readonly confirmationDays?: number;
}

function toWallClock(d: Date, tz: string): WallClock {
  const z = zonedNow(d, tz);
  return { date: z.date, time: formatTime(z.minutes) };
}

function moveInfo(log: ClientLog, h: HistoryEvent): MoveInfo {
  const c = h.by ? contactOf(log, h.by) : undefined;
  return { from: h.from, fromTime: h.fromTime, by: h.by, byName: c?.name, on: h.date };
}

/** What to show when hovering a PROMISE / WAITING / SCOPE line, or an `@handle`. */
export function hoverInfo(log: ClientLog, pos: Position, options: HoverOptions, src?: LineSource): ItemHover | ContactHover | undefined {
  const h = handleAt(log, pos, src);
  if (h) return { type: 'contact', handle: h.handle, range: h.range, contact: h.contact, hasContacts: (log.frontMatter?.contacts.length ?? 0) > 0 };
  const item = log.items.find((i) => i.line === pos.line);
  if (!item) return undefined;
  const tz = logTimeZone(log, options.userTimeZone);
  const now = zonedNow(options.now, tz);
  const { state, status } = standing(item, now, options);
  let userDeadline: WallClock | undefined;
  if (item.date && tz !== options.userTimeZone) {
    const deadline = deadlineInstant(item.date, item.time, tz);
    // A date without a time is on time until the end of the day: show the last minute, not the next midnight.
    userDeadline = toWallClock(item.time !== undefined ? deadline : new Date(deadline.getTime() - 60_000), options.userTimeZone);
  }
  const closing = [...item.history].reverse().find((e) => e.verb !== 'moved');
  return {
    type: 'item',
    kind: item.kind,
    item,
    client: log.client,
    timeZone: tz,
    userTimeZone: options.userTimeZone,
    date: item.date,
    time: item.time,
    userDeadline,
    status,
    state,
    closedOn: item.closedOn,
    reason: item.state !== 'open' ? closing?.reason : undefined,
    apology: item.state !== 'open' ? closing?.apology : undefined,
    moves: item.history.filter((e) => e.verb === 'moved').map((e) => moveInfo(log, e)),
    people: item.handles.map((x) => contactOf(log, x)?.name ?? `@${x}`),
  };
}
