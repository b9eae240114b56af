/**
 * The agenda: the open, dated items of many logs, most urgent first, filtered and grouped, as the Promises
 * and Waiting on clients views and `clientlog agenda` show them. Pure: "now" and the user's zone are
 * parameters, each log is read in its own zone, and every item's band and days come from `standing`.
 * Labels ("Overdue", "3 of 5 overdue", "in 2 days") are written at the edge.
 */
import { addDays, parseTime, readZone, weekday, zonedInstant, zonedNow } from './dates';
import { quiet, touchOf, type Touch } from './analyze';
import { contactOf, type ClientLog, type Tracked, type TrackedKind } from './model';
import { standing, type Band, type StandingItem, type StandingOptions } from './standing';

/** What the agenda reads of an item (a parsed `Tracked`, or an `OpenItem` of an analysis input). */
export type AgendaItem = StandingItem & { readonly line: number; readonly text: string };

/** One log, as the agenda reads it. */
export interface AgendaSource<T extends AgendaItem> {
  /** The log's identity (a URI, a path): the "one client" filter matches it, and it breaks ties in the order. */
  readonly id: string;
  /** The client group the log's rows go in when grouping by client (default: `id`). */
  readonly group?: string;
  /** The client as shown. */
  readonly label: string;
  /** The zone the log's front matter names, if any (an unknown zone falls back to the user's). */
  readonly timeZone?: string;
  readonly items: Iterable<T>;
  /** The contact shown with an item, which the text filter also matches. */
  readonly contact?: (item: T) => string | undefined;
  /** When the client was last written about, for `quiet` rows. */
  readonly touch?: Pick<Touch, 'lastEntry' | 'cadence' | 'range'>;
}

/** A client gone quiet (`client.quiet`): no entry for longer than its cadence. */
export interface QuietRow<T extends AgendaItem> {
  readonly source: AgendaSource<T>;
  /** Days since the latest entry, and the cadence they exceed. */
  readonly days: number;
  readonly cadence: number;
  readonly lastEntry: string;
  /** Where the finding is (the `client:` line, or the first line). */
  readonly line: number;
}

export interface AgendaRow<T extends AgendaItem> {
  readonly item: T;
  readonly source: AgendaSource<T>;
  readonly band: Band;
  /** Days from today (in the log's zone) to the day the item is due by; negative when overdue. */
  readonly days: number;
  /** Scope changes: days since the change was raised. */
  readonly age?: number;
  /** The zone the item's date is read in. */
  readonly timeZone: string;
  readonly contact?: string;
  /** When the item is due by, as an instant (a date-only item: its day's end in the log's zone): the order across zones. */
  readonly at: number;
}

export type AgendaGroupBy = 'client' | 'date';

/** The groups by date: overdue, due today, due by Sunday of the user's ISO week, later. */
export type DateGroup = 'overdue' | 'today' | 'week' | 'later';

export const DATE_GROUPS: readonly DateGroup[] = ['overdue', 'today', 'week', 'later'];

export interface AgendaGroup<T extends AgendaItem> {
  /** Grouped by client: the sources' `group`; by date: a `DateGroup`. */
  readonly key: string;
  /** Grouped by client: the first row's client label. */
  readonly label?: string;
  readonly rows: readonly AgendaRow<T>[];
  /** The quiet clients in the group, shown before its rows. */
  readonly quiet: readonly QuietRow<T>[];
  /** How many of `rows` are overdue, plus the quiet clients (a silence is late contact). */
  readonly overdue: number;
}

export interface AgendaFilter {
  /** Rows whose text, client or contact contains this (case-insensitive). */
  readonly text?: string;
  readonly overdueOnly?: boolean;
  /** Only the rows of the source with this `id`. */
  readonly client?: string;
}

export interface AgendaOptions extends StandingOptions {
  readonly now: Date;
  /** The user's zone: for logs that name none, and for the week of the date groups. */
  readonly timeZone: string;
  /** The kinds listed (default: all). */
  readonly kinds?: Iterable<TrackedKind>;
  readonly groupBy?: AgendaGroupBy;
  readonly filter?: AgendaFilter;
  /** Whether to list the clients gone quiet (the Waiting on clients view). */
  readonly quiet?: boolean;
  /** The cadence of logs whose front matter sets none (0 or undefined: none). */
  readonly cadenceDays?: number;
}

export interface Agenda<T extends AgendaItem> {
  /** Every open, dated item of the kinds asked, most urgent first, before the filter. */
  readonly rows: readonly AgendaRow<T>[];
  /** The rows the filter lets through, grouped, the groups in order. */
  readonly groups: readonly AgendaGroup<T>[];
  /** With `quiet`: the clients gone quiet, longest silence first, before the filter. */
  readonly quiet: readonly QuietRow<T>[];
  /** How many of `rows` are overdue (the badge and status bar count). */
  readonly overdue: number;
}

const BAND_ORDER: Readonly<Record<Band, number>> = { overdue: 0, today: 1, soon: 2, later: 3 };

/** Minutes after midnight of an item's time; an item without one comes after every time of its day. */
const minuteOf = (t: string | undefined): number => (t !== undefined ? parseTime(t) : undefined) ?? 1440;

/**
 * The instant a row is due by, for the order: the start of its day in the log's zone (kept per zone and day,
 * as there are few of them and ICU is slow) plus its time of day (the day's end without one). On a day a DST
 * change shortens or lengthens, the times after the change are off by the change for this order only; within
 * one zone the order is the order of the times.
 */
function dueAt(date: string, minutes: number, timeZone: string): number {
  const key = `${timeZone}\n${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = zonedInstant(date, 0, timeZone).getTime();
    if (dayStarts.size > 4096) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start + minutes * 60_000;
}

const dayStarts = new Map<string, number>();

/**
 * Most urgent first: band, then the instant it is due by (so 14:30 in London comes after 16:00 in Sofia the
 * same day), then client, log and line, so the order is total.
 */
export function compareRows<T extends AgendaItem>(a: AgendaRow<T>, b: AgendaRow<T>): number {
  return (
    BAND_ORDER[a.band] - BAND_ORDER[b.band] ||
    a.at - b.at ||
    a.source.label.localeCompare(b.source.label) ||
    a.source.id.localeCompare(b.source.id) ||
    a.item.line - b.item.line
  );
}

/** The date group of a row, `userToday` being the user's date (the week ends on its Sunday). */
export function dateGroup(row: Pick<AgendaRow<AgendaItem>, 'band' | 'days'>, userToday: string): DateGroup {
  if (row.band === 'overdue') return 'overdue';
  if (row.band === 'today') return 'today';
  return row.days <= 6 - weekday(userToday) ? 'week' : 'later';
}

/** The open, dated items of `sources`, most urgent first, filtered and grouped. */
export function agenda<T extends AgendaItem>(sources: Iterable<AgendaSource<T>>, options: AgendaOptions): Agenda<T> {
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const rows: AgendaRow<T>[] = [];
  const quietRows: QuietRow<T>[] = [];
  for (const source of sources) {
    const timeZone = readZone(source.timeZone, options.timeZone);
    const now = zonedNow(options.now, timeZone);
    const q = options.quiet && source.touch ? quiet(source.touch, now.date, options.cadenceDays) : undefined;
    if (q) quietRows.push({ source, ...q, line: source.touch!.range.start.line });
    for (const item of source.items) {
      if (kinds && !kinds.has(item.kind)) continue;
      const { status } = standing(item, now, options);
      if (!status || (item.state ?? 'open') !== 'open') continue;
      const contact = source.contact?.(item);
      rows.push({
        item,
        source,
        band: status.band,
        days: status.days,
        at: dueAt(addDays(now.date, status.days), item.kind === 'scope' ? 1440 : minuteOf(item.time), timeZone),
        ...(status.age !== undefined && { age: status.age }),
        timeZone,
        ...(contact !== undefined && { contact }),
      });
    }
  }
  rows.sort(compareRows);
  quietRows.sort((a, b) => b.days - a.days || a.source.label.localeCompare(b.source.label) || a.source.id.localeCompare(b.source.id));

  const f = options.filter ?? {};
  const needle = f.text?.toLocaleLowerCase();
  const shown = rows.filter(
    (r) =>
      (!f.overdueOnly || r.band === 'overdue') &&
      (f.client === undefined || r.source.id === f.client) &&
      (!needle || `${r.item.text} ${r.source.label} ${r.contact ?? ''}`.toLocaleLowerCase().includes(needle)),
  );

  type Group = { key: string; label?: string; rows: AgendaRow<T>[]; quiet: QuietRow<T>[]; overdue: number };
  const byKey = new Map<string, Group>();
  const userToday = zonedNow(options.now, options.timeZone).date;
  const byDate = options.groupBy === 'date';
  if (byDate) for (const key of DATE_GROUPS) byKey.set(key, { key, rows: [], quiet: [], overdue: 0 });
  const groupOf = (source: AgendaSource<T>, key: string): Group => {
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, label: source.label, rows: [], quiet: [], overdue: 0 }));
    return g;
  };
  // A silence stays under "overdue only", and its client's group comes first.
  for (const q of quietRows) {
    if ((f.client !== undefined && q.source.id !== f.client) || (needle && !q.source.label.toLocaleLowerCase().includes(needle))) continue;
    const g = groupOf(q.source, byDate ? 'overdue' : (q.source.group ?? q.source.id));
    g.quiet.push(q);
    g.overdue++;
  }
  for (const r of shown) {
    const g = groupOf(r.source, byDate ? dateGroup(r, userToday) : (r.source.group ?? r.source.id));
    g.rows.push(r);
    if (r.band === 'overdue') g.overdue++;
  }
  const groups = [...byKey.values()].filter((g) => g.rows.length + g.quiet.length > 0);
  return { rows, groups, quiet: quietRows, overdue: rows.reduce((n, r) => n + (r.band === 'overdue' ? 1 : 0), 0) };
}

/** A parsed log as an agenda source: its tracked items, each shown with its first contact ("Name (role)"). */
export function logSource(log: ClientLog, id: string, label: string): AgendaSource<Tracked> {
  return {
    id,
    label,
    timeZone: log.frontMatter?.timeZone,
    items: log.items,
    touch: touchOf(log),
    contact: (item) => {
      const c = item.handles[0] !== undefined ? contactOf(log, item.handles[0]) : undefined;
      return c && (c.role ? `${c.name} (${c.role})` : c.name);
    },
  };
}

/** The kinds of `overdueByKind`'s counts, in order. */
export const OVERDUE_KINDS: readonly TrackedKind[] = ['promise', 'waiting', 'scope'];

/**
 * How many of a log's open items are overdue, by kind (`OVERDUE_KINDS`): a view's badge counts, for the kinds it
 * shows, what the agenda of those kinds counts (`agenda(…).overdue` with no quiet clients). Within the span of
 * instants its findings hold in (`logSpan`), every item keeps its band, so the counts hold there too.
 */
export function overdueByKind(log: ClientLog, options: AgendaOptions): [number, number, number] {
  const n: [number, number, number] = [0, 0, 0];
  for (const r of agenda([logSource(log, '', '')], { ...options, kinds: undefined, filter: undefined, quiet: false }).rows)
    if (r.band === 'overdue') n[OVERDUE_KINDS.indexOf(r.item.kind)]++;
  return n;
}
