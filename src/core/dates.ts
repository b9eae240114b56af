/**
 * Calendar dates without a clock. A date is an ISO string `YYYY-MM-DD`; arithmetic goes through a day
 * number (days since 1970-01-01 in the proleptic Gregorian calendar), never through a Date at UTC midnight.
 * "Now" and the time zone are always parameters.
 */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME = /^(\d{1,2}):(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1];
}

/** Whether year, month and day make a real date in years 1 to 9999 (the parser's hot path calls it). */
export function isValidDate(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && (d <= MONTH_DAYS[m - 1] || (m === 2 && d === 29 && isLeapYear(y)));
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return !!m && isValidDate(+m[1], +m[2], +m[3]);
}

/** `HH:MM` for minutes after midnight (0 to 1439). */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A date, optionally followed by a time, as typed into a prompt or a draft's field: `YYYY-MM-DD` or
 * `YYYY-MM-DD HH:MM` (spaces around and between allowed; with `allowT`, also `YYYY-MM-DDTHH:MM`).
 */
const DATE_TIME = /^\s*(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2}))?\s*$/;
const DATE_T_TIME = /^\s*(\d{4}-\d{2}-\d{2})(?:(?:\s+|T)(\d{1,2}:\d{2}))?\s*$/;

/**
 * `YYYY-MM-DD[ HH:MM]` read into a real date and time of day (the time as written, `9:30` or `09:30`), or
 * undefined when it is not one (`2026-02-30`, `24:00`, other text).
 */
export function parseDateTime(text: string, options: { allowT?: boolean } = {}): { date: string; time?: string } | undefined {
  const m = (options.allowT ? DATE_T_TIME : DATE_TIME).exec(text);
  if (!m || !isIsoDate(m[1]) || (m[2] !== undefined && parseTime(m[2]) === undefined)) return undefined;
  return m[2] === undefined ? { date: m[1] } : { date: m[1], time: m[2] };
}

/** Minutes after midnight for `HH:MM`, or undefined when it is not a real time of day. */
export function parseTime(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const h = +m[1];
  const min = +m[2];
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

// Howard Hinnant's days_from_civil / civil_from_days.
export function dayNumber(iso: string): number {
  let y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday (ISO weekday minus one). */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

/** The next date after `today` (1 to 7 days later) that falls on `wd` (0 = Monday). */
export function nextWeekday(today: string, wd: number): string {
  const diff = (((wd - weekday(today)) % 7) + 7) % 7;
  return addDays(today, diff === 0 ? 7 : diff);
}

/** Friday of this week; on Saturday and Sunday, the coming Friday. */
export function endOfWeek(today: string): string {
  const wd = weekday(today);
  return wd <= 4 ? addDays(today, 4 - wd) : nextWeekday(today, 4);
}

/** The last day of `today`'s month. */
export function endOfMonth(today: string): string {
  const y = +today.slice(0, 4);
  const m = +today.slice(5, 7);
  return `${today.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** The same day `n` months later, clamped to the end of that month (31 January + 1 month = 28/29 February). */
export function addMonths(today: string, n: number): string {
  const y0 = +today.slice(0, 4);
  const m0 = +today.slice(5, 7) - 1 + n;
  const y = y0 + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(+today.slice(8, 10), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const zoneCache = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = zoneCache.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch {
      f = null;
    }
    zoneCache.set(timeZone, f);
  }
  return f;
}

/** 0001-01-01 and 10000-01-01 as instants: the years `fromDayNumber` writes in four digits. */
const MIN_FAST_UTC = dayNumber('0001-01-01') * 86_400_000;
const MAX_FAST_UTC = (dayNumber('9999-12-31') + 1) * 86_400_000;

/** Whether the runtime knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && (timeZone === 'UTC' || formatter(timeZone) !== null);
}

/** The zone a log's dates are read in: the one it names when the runtime knows it, else the user's. */
export function readZone(logZone: string | undefined, userTimeZone: string): string {
  return logZone && isValidTimeZone(logZone) ? logZone : userTimeZone;
}

export interface ZonedNow {
  /** The calendar date in the zone. */
  readonly date: string;
  /** Minutes after midnight in the zone. */
  readonly minutes: number;
}

/** The wall-clock date and time of an instant in a time zone (UTC when the zone is unknown). */
export function zonedNow(now: Date, timeZone: string): ZonedNow {
  // UTC is plain arithmetic: no ICU formatter (creating the first one costs about 10 ms of start-up, a
  // tenth of a command-line run answered from its cache).
  const ms = now.getTime();
  if (timeZone === 'UTC' && ms >= MIN_FAST_UTC && ms < MAX_FAST_UTC) {
    const day = Math.floor(ms / 86_400_000);
    return { date: fromDayNumber(day), minutes: Math.floor((ms - day * 86_400_000) / 60_000) };
  }
  // Every log of a workspace is analysed at the same instant, most in one or two zones: ICU's
  // formatToParts is the costly part (about 15 µs), so the last answer per zone is kept.
  const last = lastZoned.get(timeZone);
  if (last && last.ms === ms) return last.z;
  const z = zonedNowIcu(now, timeZone);
  if (lastZoned.size > 64) lastZoned.clear();
  lastZoned.set(timeZone, { ms, z });
  return z;
}

const lastZoned = new Map<string, { ms: number; z: ZonedNow }>();

function zonedNowIcu(now: Date, timeZone: string): ZonedNow {
  const f = formatter(timeZone) ?? formatter('UTC')!;
  let y = '';
  let mo = '';
  let d = '';
  let h = 0;
  let mi = 0;
  for (const p of f.formatToParts(now)) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') mo = p.value;
    else if (p.type === 'day') d = p.value;
    else if (p.type === 'hour') h = +p.value % 24;
    else if (p.type === 'minute') mi = +p.value;
  }
  return { date: `${y.padStart(4, '0')}-${mo}-${d}`, minutes: h * 60 + mi };
}

/**
 * The instant at which a wall-clock time in a zone happens (for deadlines, reminders and calendars), read as
 * RFC 5545 (3.3.5) reads a DATE-TIME with a TZID, so that a calendar that imports our feed agrees with every
 * view: a time that happens twice (the hour repeated when DST ends) is its first occurrence, and a time that
 * never happens (the hour skipped when DST starts) is read with the UTC offset in force before the gap (in
 * Sofia, 03:30 on 29 March 2026 is 01:30 UTC, which the clocks show as 04:30).
 */
export function zonedInstant(iso: string, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 0, minutes);
  // The offsets a day before and a day after: no zone changes its offset twice within two days.
  const offset = (ms: number) => zoneOffsetMinutes(ms, timeZone) * 60_000;
  const before = offset(asUtc - 86_400_000);
  const after = offset(asUtc + 86_400_000);
  const first = asUtc - Math.max(before, after);
  const second = asUtc - Math.min(before, after);
  if (offset(first) === asUtc - first) return new Date(first);
  if (second !== first && offset(second) === asUtc - second) return new Date(second);
  return new Date(asUtc - before);
}

/** A zone's offset from UTC at an instant on a whole minute, in minutes (wall clock minus UTC). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const z = zonedNow(new Date(ms), timeZone);
  return (Date.UTC(+z.date.slice(0, 4), +z.date.slice(5, 7) - 1, +z.date.slice(8, 10), 0, z.minutes) - ms) / 60_000;
}

/** The instant after which an item with this date (and time) in this zone is late. */
export function deadlineInstant(date: string, time: string | undefined, timeZone: string): Date {
  const minutes = time !== undefined ? parseTime(time) : undefined;
  return minutes !== undefined ? zonedInstant(date, minutes, timeZone) : zonedInstant(addDays(date, 1), 0, timeZone);
}

/** Common non-ISO spellings of a date: 25.11.2026, 25/11/2026, 11/25/2026, 2026/11/25, 2026.11.25. */
const OTHER_SPELLING = /^(?:(\d{1,2})[./](\d{1,2})[./](\d{4})|(\d{4})[./](\d{1,2})[./](\d{1,2}))$/;

/**
 * For a token that looks like a date written another way, the ISO spelling when it is unambiguous
 * (`""` when it is a date but ambiguous or impossible); undefined when it does not look like a date.
 */
export function isoFromOtherSpelling(token: string): string | undefined {
  const m = OTHER_SPELLING.exec(token);
  if (!m) return undefined;
  const iso = (y: number, mo: number, d: number) => (isValidDate(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : '');
  if (m[4]) return iso(+m[4], +m[5], +m[6]);
  const a = +m[1];
  const b = +m[2];
  const y = +m[3];
  const dotted = token.includes('.');
  if (dotted) return iso(y, b, a); // 25.11.2026 is day-first everywhere it is written with dots
  if (a > 12) return iso(y, b, a); // 25/11/2026
  if (b > 12) return iso(y, a, b); // 11/25/2026
  return a === b ? iso(y, a, b) : ''; // 03/04/2026: ambiguous
}

/** Whether a token looks like an attempt at a date (ISO-shaped or another spelling). */
export function looksLikeDate(token: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(token) || OTHER_SPELLING.test(token);
}
