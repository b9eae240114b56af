/**
 * The calendar feed (RFC 5545): the open promises, WAITING follow-ups and SCOPE confirmation deadlines of
 * many logs as one iCalendar text, for `clientlog ics` and the extension's Export to Calendar alike. Pure:
 * "now" (DTSTAMP, and where each item stands) and the user's zone are parameters.
 *
 * - Which items, and the day each is due by, come from the agenda (`standing`): a scope change's event is on
 *   the day its confirmation is due, not the day it was raised.
 * - A timed item is at its time in the log's zone, written with that zone's TZID and a VTIMEZONE built from
 *   the runtime's offsets (one observance per change, for the years the events fall in); in UTC when the
 *   zone is UTC, and for a time the zone's clocks show twice (the hour repeated when DST ends), which a
 *   TZID cannot tell apart. A date-only item is an all-day event (VALUE=DATE, DTEND the day after).
 * - UIDs hash the file, the kind, the item's text (without its date, time and history) and its ordinal
 *   among open items of the same kind and text in the file: an edit of another line, or rescheduling the
 *   item, keeps its UID (the event moves), and SEQUENCE counts the recorded moves so a calendar takes the
 *   new time over the old one.
 * - Text is escaped, lines are folded at 75 octets without splitting a UTF-8 character, lines end in CRLF.
 *
 * Events are built as data first (`calendarEvents`: each event's start, end, properties in order, alarm)
 * and written by `calendarText`, so a property of one event's own (the RRULE of a recurring promise's open
 * occurrence, say) is one more entry of its `properties`, added where `calendarEvents` builds them.
 */
import { agenda, type AgendaItem, type AgendaRow, type AgendaSource } from './agenda';
import { addDays, parseTime, zonedInstant, zonedNow, zoneOffsetMinutes } from './dates';
import type { HistoryEvent, TrackedKind } from './model';
import { calendarWords, formatMessage } from './messages';
import { recurInfo, rruleOf, type RecurInfo, type Recurrence } from './recurrence';
import type { StandingOptions } from './standing';
import { readable } from './text';

export const ICS_KINDS: readonly TrackedKind[] = ['promise', 'waiting', 'scope'];

/** An open item as the calendar reads it (a parsed `Tracked`, or an `OpenItem` of an analysis input). */
export type IcsItem = AgendaItem & {
  readonly tags: readonly string[];
  /** How many times the item was moved (its recorded `moved` events): its SEQUENCE. */
  readonly moves?: number;
  readonly history?: readonly { readonly verb: string }[];
  /** A recurring promise's rule: a parsed line's (with its history), or an analysis input's `RecurInfo`. */
  readonly recur?: Recurrence | RecurInfo;
};

/** One log. */
export interface IcsSource<T extends IcsItem = IcsItem> {
  /** The file as shown (a path relative to the workspace or working directory): in UIDs and descriptions. */
  readonly id: string;
  /** The client. */
  readonly label: string;
  /** The zone the log's front matter names, if any (an unknown one falls back to the user's). */
  readonly timeZone?: string;
  readonly items: Iterable<T>;
  /** The contact's name for a handle (front matter), for summaries without `@handle`. */
  readonly name?: (handle: string) => string | undefined;
}

/** The words of the feed, in the user's language (`calendarWords` in messages.ts). */
export interface IcsWords {
  /** An event's title: "Promise to Acme: Send the plan". `client` may be empty. */
  readonly summary: (kind: TrackedKind, client: string, text: string) => string;
  /** The description's first line: "Client: Acme". */
  readonly client: (client: string) => string;
}

export interface IcsOptions extends StandingOptions {
  readonly now: Date;
  /** The user's zone: logs that name none are read in it. */
  readonly timeZone: string;
  /** The kinds written (default: all three). */
  readonly include?: Iterable<TrackedKind>;
  /** Each event's reminder, this many minutes before it starts (default 60; 0: none). */
  readonly alarmMinutes?: number;
  /** A timed event's length (default 30 minutes). */
  readonly durationMinutes?: number;
  /** Default: English (`calendarWords(formatMessage)`). */
  readonly words?: IcsWords;
  /** The calendar's name (X-WR-CALNAME; default "Clientlog"). */
  readonly name?: string;
}

export const DEFAULT_ALARM_MINUTES = 60;
/** The longest lead time an alarm may have: four weeks. */
export const MAX_ALARM_MINUTES = 40_320;

/** A content line before escaping of its value: the value is written as given (TEXT values go through `escapeText`). */
export interface IcsProperty {
  readonly name: string;
  readonly params?: readonly (readonly [string, string])[];
  readonly value: string;
}

/**
 * An all-day date (YYYY-MM-DD), or a timed instant (`at`, ms) with its wall-clock date and `minutes` in
 * `zone`: written with the zone's TZID when its VTIMEZONE covers the year, else in UTC.
 */
export interface IcsTime {
  readonly date: string;
  readonly minutes?: number;
  readonly at?: number;
  readonly zone?: string;
  /** The wall-clock time happens twice (the hour a DST change repeats): only UTC says which is meant. */
  readonly ambiguous?: boolean;
}

export interface IcsEvent<T extends IcsItem = IcsItem> {
  readonly uid: string;
  readonly kind: TrackedKind;
  readonly row: AgendaRow<T>;
  /** When it starts and ends (DTSTART, DTEND). */
  readonly start: IcsTime;
  readonly end: IcsTime;
  /** The VEVENT's other properties, in order (DTSTART and DTEND are written before them, VALARM after). */
  readonly properties: IcsProperty[];
  readonly alarm?: IcsProperty[];
  /** A timed recurring event: the year its RRULE ends in (its zone's VTIMEZONE covers the years up to it). */
  readonly repeatsUntil?: number;
}

/** A TEXT value escaped (RFC 5545 3.3.11): `\`, `;`, `,` and newlines; other control characters go. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

const UTF8_LEAD = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** A content line folded at 75 octets (RFC 5545 3.1): continuation lines start with a space; a UTF-8 character is never split. */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  let start = 0;
  let k = 0;
  while (k < line.length) {
    const cp = line.codePointAt(k)!;
    const units = cp > 0xffff ? 2 : 1;
    const n = UTF8_LEAD(cp);
    if (octets + n > 75) {
      out += line.slice(start, k) + '\r\n ';
      start = k;
      octets = 1; // the leading space
    }
    octets += n;
    k += units;
  }
  return out + line.slice(start);
}

function contentLine(p: IcsProperty): string {
  const params = (p.params ?? []).map(([k, v]) => `;${k}=${/[;:,]/.test(v) ? `"${v.replace(/"/g, '')}"` : v}`).join('');
  return foldLine(`${p.name}${params}:${p.value}`);
}

/**
 * A 128-bit hash of a string as 32 hex digits: two cyrb53-style passes (multiply-xorshift over the UTF-16
 * code units), each giving 64 bits. Not cryptographic; it tells apart the few thousand items of a workspace.
 */
export function hash128(s: string): string {
  const pass = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  };
  return pass(0x9e3779b9) + pass(0x85ebca6b);
}

/** What identifies an item across edits: its text with whitespace collapsed (the date, time and history are not in it). */
const identity = (t: string) => t.trim().replace(/\s+/g, ' ');

/** An event's UID: file, kind, the item's text and its ordinal among open items of the same kind and text in the file. */
export function eventUid(file: string, kind: TrackedKind, itemText: string, ordinal = 0): string {
  return `${hash128(`${file.replace(/\\/g, '/')}\u0000${kind}\u0000${identity(itemText)}\u0000${ordinal}`)}@clientlog`;
}

/** A title's text: the log's text `readable` (names for `@handles`, no `#tags`), without a separator left at its end. */
export function plainText(s: string, name: (handle: string) => string | undefined = () => undefined): string {
  return readable(s, (h) => name(h) ?? h).replace(/[\s,;:]+$/, '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (iso: string) => iso.replace(/-/g, '');
const wall = (iso: string, minutes: number) => `${ymd(iso)}T${pad2(Math.floor(minutes / 60))}${pad2(minutes % 60)}00`;
const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** Zones written as UTC (`…Z`) rather than with a TZID. */
const UTC_ZONE = /^(?:Etc\/)?(?:UTC|UCT|GMT|GMT[+-]?0|Universal|Zulu|Greenwich)$/;

/**
 * A zone's VTIMEZONE carries the observances of at most MAX_ZONE_YEARS years, those of its events nearest to
 * this year and within NEAR_YEARS of it: events in other years are written in UTC (the same instants).
 */
const MAX_ZONE_YEARS = 20;
const NEAR_YEARS = 30;

/** The events of `sources`, sorted by start, then file and line. */
export function calendarEvents<T extends IcsItem>(sources: Iterable<IcsSource<T>>, options: IcsOptions): IcsEvent<T>[] {
  const words = options.words ?? calendarWords(formatMessage);
  const alarm = options.alarmMinutes ?? DEFAULT_ALARM_MINUTES;
  const duration = options.durationMinutes ?? 30;
  // Each source's items read once (they may be a one-pass iterable), and the source an agenda row comes from.
  const list = [...sources].map((s) => ({ s, items: [...s.items] }));
  // Ordinals among the open, dated items of the same kind and text, in line order, per file.
  const ordinal = new Map<T, number>();
  for (const { items } of list) {
    const seen = new Map<string, number>();
    const open = items.filter((i) => i.date && (i.state ?? 'open') === 'open').sort((x, y) => x.line - y.line);
    for (const i of open) {
      const key = `${i.kind}\u0000${identity(i.text)}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      ordinal.set(i, n);
    }
  }
  const bySource = new Map<AgendaSource<T>, IcsSource<T>>();
  const a = agenda(
    list.map(({ s, items }) => {
      const src: AgendaSource<T> = { id: s.id, label: s.label, timeZone: s.timeZone, items };
      bySource.set(src, s);
      return src;
    }),
    { ...options, kinds: options.include ?? ICS_KINDS },
  );
  const stamp = utcStamp(options.now.getTime());
  const nowYear = options.now.getUTCFullYear();
  const events = a.rows.map((row): IcsEvent<T> => {
    const item = row.item;
    const source = bySource.get(row.source)!;
    // The day it is due by, as `standing` counts it from today in the log's zone.
    const due = addDays(zonedNow(options.now, row.timeZone).date, row.days);
    const minutes = item.kind !== 'scope' && item.time !== undefined ? parseTime(item.time) : undefined;
    let start: IcsTime;
    let end: IcsTime;
    if (minutes === undefined) {
      start = { date: due };
      end = { date: addDays(due, 1) };
    } else {
      const at = zonedInstant(due, minutes, row.timeZone).getTime();
      // The wall-clock times the instants have (for a time a DST change skips, the instant zonedInstant gives).
      start = wallClock(at, row.timeZone, nowYear);
      end = wallClock(at + duration * 60_000, row.timeZone, nowYear);
    }
    const uid = eventUid(source.id, item.kind, item.text, ordinal.get(item) ?? 0);
    const summary = words.summary(
      item.kind,
      source.label,
      plainText(item.text, (h) => source.name?.(h)),
    );
    const moves = item.moves ?? item.history?.filter((h) => h.verb === 'moved').length ?? 0;
    // A recurring promise's open occurrence repeats in the calendar as in the log. A timed one repeats for two
    // more years, the years its zone's VTIMEZONE then covers (a calendar that reads the feed again goes on).
    const r = item.kind === 'promise' ? item.recur : undefined;
    const rec = r && 'range' in r ? recurInfo({ date: item.date, history: (item.history ?? []) as readonly HistoryEvent[], state: 'open', recur: r }) : r;
    const lastYear = +due.slice(0, 4) + 2;
    const repeat = rec && rruleOf(rec, due, `${lastYear}-12-31`);
    const repeatsUntil = repeat && start.at !== undefined ? lastYear : undefined;
    // UNTIL is a UTC time for a timed event, a date for an all-day one (RFC 5545 3.3.10).
    const until = repeatsUntil ? utcStamp(zonedInstant(`${lastYear}-12-31`, start.minutes ?? 0, row.timeZone).getTime()) : `${lastYear}1231`;
    const rrule = repeat && (repeat.bounded || repeatsUntil ? `${repeat.rrule};UNTIL=${until}` : repeat.rrule);
    const rdate: IcsProperty | undefined =
      repeat && repeat.extra.length > 0
        ? start.at === undefined
          ? { name: 'RDATE', params: [['VALUE', 'DATE']], value: repeat.extra.map(ymd).join(',') }
          : { name: 'RDATE', params: [['TZID', row.timeZone]], value: repeat.extra.map((d) => wall(d, start.minutes!)).join(',') }
        : undefined;
    const description = [source.label && words.client(source.label), item.text, `${source.id}:${item.line + 1}`].filter(Boolean).join('\n');
    const properties: IcsProperty[] = [
      { name: 'UID', value: uid },
      { name: 'DTSTAMP', value: stamp },
      { name: 'SEQUENCE', value: String(moves) },
      ...(rrule ? [{ name: 'RRULE', value: rrule }] : []),
      ...(rdate ? [rdate] : []),
      { name: 'SUMMARY', value: escapeText(summary) },
      { name: 'DESCRIPTION', value: escapeText(description) },
      { name: 'CATEGORIES', value: [item.kind, ...item.tags].map(escapeText).join(',') },
      { name: 'TRANSP', value: minutes === undefined ? 'TRANSPARENT' : 'OPAQUE' },
    ];
    const reminder: IcsProperty[] | undefined =
      alarm > 0
        ? [
            { name: 'ACTION', value: 'DISPLAY' },
            { name: 'DESCRIPTION', value: escapeText(summary) },
            { name: 'TRIGGER', value: `-PT${alarm}M` },
          ]
        : undefined;
    return { uid, kind: item.kind, row, start, end, properties, ...(reminder && { alarm: reminder }), ...(rrule && repeatsUntil && { repeatsUntil }) };
  });
  return events.sort(
    (x, y) =>
      (x.start.date < y.start.date ? -1 : x.start.date > y.start.date ? 1 : 0) ||
      (x.start.minutes ?? -1) - (y.start.minutes ?? -1) ||
      x.row.source.id.localeCompare(y.row.source.id) ||
      x.row.item.line - y.row.item.line,
  );
}

/**
 * The wall-clock time of an instant in a zone, read from the zone's changes in that year (`zoneYear`, kept per
 * zone and year: a feed of thousands of events asks the runtime a few hundred times, not for each event),
 * and whether that time happens twice (it falls in the hour a change back repeats).
 */
function wallClock(ms: number, zone: string, nowYear: number): IcsTime {
  const year = new Date(ms).getUTCFullYear();
  // Far from now (in UTC in the feed, see calendarText): the runtime's answer for this instant alone.
  if (Math.abs(year - nowYear) > NEAR_YEARS) return { ...zonedNow(new Date(ms), zone), at: ms, zone };
  const { first, transitions } = zoneYear(zone, year);
  let offset = first;
  for (const t of transitions) if (ms >= t.at) offset = t.to;
  const w = ms + offset * 60_000;
  const ambiguous = transitions.some((t) => t.to < t.from && w >= t.at + t.to * 60_000 && w < t.at + t.from * 60_000);
  const day = Math.floor(w / 86_400_000);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return { date, minutes: (w - day * 86_400_000) / 60_000, at: ms, zone, ...(ambiguous && { ambiguous }) };
}

interface Transition {
  /** The first instant (a whole minute) at the new offset. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

const yearCache = new Map<string, { readonly first: number; readonly transitions: readonly Transition[] }>();

/**
 * A zone's offset changes in a year: sampled every day from the eve of 1 January to the day after 31
 * December, each change found to the minute by bisection. Kept per zone and year.
 */
export function zoneYear(zone: string, year: number): { readonly first: number; readonly transitions: readonly Transition[] } {
  const key = `${zone}\n${year}`;
  let y = yearCache.get(key);
  if (y) return y;
  const DAY = 86_400_000;
  const begin = Date.UTC(year, 0, 1) - DAY;
  const end = Date.UTC(year + 1, 0, 1) + DAY;
  const first = zoneOffsetMinutes(begin, zone);
  const transitions: Transition[] = [];
  let prev = first;
  for (let t = begin + DAY; t <= end; t += DAY) {
    const o = zoneOffsetMinutes(t, zone);
    if (o === prev) continue;
    let lo = t - DAY; // at `prev`
    let hi = t; // at `o`
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffsetMinutes(mid, zone) === prev) lo = mid;
      else hi = mid;
    }
    transitions.push({ at: hi, from: prev, to: o });
    prev = o;
  }
  y = { first, transitions };
  if (yearCache.size > 2000) yearCache.clear();
  yearCache.set(key, y);
  return y;
}

const offsetText = (m: number) => `${m < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(m) / 60))}${pad2(Math.abs(m) % 60)}`;

/** The wall-clock time of an instant at an offset, as a DATE-TIME without zone. */
function wallAt(ms: number, offset: number): string {
  const d = new Date(ms + offset * 60_000).toISOString();
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}00`;
}

/**
 * A VTIMEZONE for the zone covering `years`: per year, an observance from its eve at the offset then
 * (DAYLIGHT when the year's first change lowers the offset), and one per change in it (DAYLIGHT when the
 * offset grows, STANDARD when it shrinks). A zone without changes has one STANDARD observance per year.
 */
export function vtimezone(zone: string, years: readonly number[]): string[] {
  const lines = ['BEGIN:VTIMEZONE', contentLine({ name: 'TZID', value: zone })];
  const observance = (daylight: boolean, startWall: string, from: number, to: number) => {
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${startWall}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  };
  for (const year of [...years].sort((a, b) => a - b)) {
    const { first, transitions } = zoneYear(zone, year);
    observance(transitions.length > 0 && transitions[0].to < transitions[0].from, wallAt(Date.UTC(year, 0, 1) - 86_400_000, first), first, first);
    for (const t of transitions) observance(t.to > t.from, wallAt(t.at, t.from), t.from, t.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The calendar of `events`: VCALENDAR, a VTIMEZONE per zone timed events use, then the events, CRLF line ends. */
export function calendarText<T extends IcsItem>(events: readonly IcsEvent<T>[], options: Pick<IcsOptions, 'now' | 'name'>): string {
  const nowYear = options.now.getUTCFullYear();
  // Per zone, the years its events fall in; at most MAX_ZONE_YEARS of them, near this year (see MAX_ZONE_YEARS).
  const zoneYears = new Map<string, Set<number>>();
  for (const e of events) {
    for (const t of [e.start, e.end]) {
      if (!t.zone || UTC_ZONE.test(t.zone)) continue;
      let s = zoneYears.get(t.zone);
      if (!s) zoneYears.set(t.zone, (s = new Set()));
      s.add(+t.date.slice(0, 4));
      for (let y = +t.date.slice(0, 4) + 1; e.repeatsUntil !== undefined && y <= e.repeatsUntil; y++) s.add(y);
    }
  }
  const covered = new Map<string, number[]>();
  for (const [zone, ys] of zoneYears) {
    const years = [...ys].filter((y) => Math.abs(y - nowYear) <= NEAR_YEARS).sort((a, b) => Math.abs(a - nowYear) - Math.abs(b - nowYear) || a - b);
    if (years.length) covered.set(zone, years.slice(0, MAX_ZONE_YEARS));
  }
  const inZone = (t: IcsTime, until = +t.date.slice(0, 4)) => {
    const years = t.zone !== undefined && !t.ambiguous ? covered.get(t.zone) : undefined;
    for (let y = +t.date.slice(0, 4); years && y <= until; y++) if (!years.includes(y)) return false;
    return years !== undefined;
  };
  const time = (name: string, t: IcsTime, zoned: boolean): string =>
    t.at === undefined
      ? `${name};VALUE=DATE:${ymd(t.date)}`
      : zoned
        ? contentLine({ name, params: [['TZID', t.zone!]], value: wall(t.date, t.minutes!) })
        : `${name}:${utcStamp(t.at)}`;
  const out = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clientlog//Clientlog//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    contentLine({ name: 'X-WR-CALNAME', value: escapeText(options.name ?? 'Clientlog') }),
  ];
  for (const zone of [...covered.keys()].sort()) out.push(...vtimezone(zone, covered.get(zone)!));
  for (const e of events) {
    // Both ends in the zone, or both in UTC.
    const zoned = inZone(e.start, e.repeatsUntil) && inZone(e.end);
    out.push('BEGIN:VEVENT', time('DTSTART', e.start, zoned), time('DTEND', e.end, zoned));
    // A timed event written in UTC repeats in UTC, which a daylight-saving change would move: it does not repeat.
    for (const p of e.properties) {
      if ((p.name === 'RRULE' || p.name === 'RDATE') && !zoned && e.start.at !== undefined && !UTC_ZONE.test(e.start.zone ?? '')) continue;
      out.push(contentLine(p));
    }
    if (e.alarm) {
      out.push('BEGIN:VALARM');
      for (const p of e.alarm) out.push(contentLine(p));
      out.push('END:VALARM');
    }
    out.push('END:VEVENT');
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}

/** The calendar of `sources` (see the module comment). */
export function buildCalendar<T extends IcsItem>(sources: Iterable<IcsSource<T>>, options: IcsOptions): string {
  return calendarText(calendarEvents(sources, options), options);
}

/** A calendar's text without its DTSTAMP lines: two feeds that differ only in when they were written compare equal. */
export function withoutStamps(ics: string): string {
  return ics.replace(/^DTSTAMP:[^\r\n]*\r?\n/gm, '');
}
