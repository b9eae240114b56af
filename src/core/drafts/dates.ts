import { formatTime, isIsoDate, parseDateTime, parseTime } from '../dates';
import type { Language } from '../model';
import { CODE } from './books';
import type { DateParts } from './phrasebook';

/** Dates as people write them in a letter, in each draft language. */

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isoParts(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
}

export interface DateOptions {
  /** Today's ISO date: the year is written when it differs. */
  readonly today?: string;
  /** Always write the year. */
  readonly year?: boolean;
}

/** The weekday, the day and month (with the year when asked, or when it is not today's year). */
function parts(iso: string, lang: Language, opts: DateOptions): { weekday: string; dayMonth: string } {
  const [y, m, d] = isoParts(iso);
  const withYear = opts.year === true || (opts.today !== undefined && opts.today.slice(0, 4) !== iso.slice(0, 4));
  const key = `${lang}:${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(CODE[lang].locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' as const } : {}),
    });
    formatters.set(key, f);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(12, 0, 0, 0);
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(date)) p[x.type] = x.value;
  const dayMonth = `${p.day} ${p.month}`;
  return { weekday: p.weekday, dayMonth: withYear ? `${dayMonth} ${p.year}${CODE[lang].yearSuffix}` : dayMonth };
}

/**
 * A calendar date as people write it in a letter, with the weekday: "Thursday, 26 November",
 * "четвъртък, 26 ноември", "четверг, 26 ноября", "joi, 26 noiembrie" (and the year when asked, or when it
 * is not today's year). Independent of the machine's time zone: the date is built in UTC from its parts.
 * Throws a RangeError for a string that is not a real `YYYY-MM-DD` date.
 */
export function formatDate(iso: string, lang: Language, opts: DateOptions = {}): string {
  const p = parts(iso, lang, opts);
  return `${p.weekday}, ${p.dayMonth}`;
}

function hhmm(time: string): string {
  const minutes = parseTime(time);
  if (minutes === undefined) throw new RangeError(`not a time of day: ${time}`);
  return formatTime(minutes);
}

/** `YYYY-MM-DD[ HH:MM]` (or `YYYY-MM-DDTHH:MM`), or a RangeError. */
function dateTime(value: string): { date: string; time?: string } {
  const due = parseDateTime(value, { allowT: true });
  if (!due) throw new RangeError(`not a date and time: ${value}`);
  return due;
}

/**
 * `YYYY-MM-DD HH:MM` for a letter: "Thursday, 12 November, 15:00", "четвъртък, 12 ноември, 15:00 ч.",
 * "четверг, 12 ноября, 15:00", "joi, 12 noiembrie, la ora 15:00". A date alone is formatted as by `formatDate`.
 */
export function formatDateTime(value: string, lang: Language, opts: DateOptions = {}): string {
  const due = dateTime(value);
  const day = formatDate(due.date, lang, opts);
  return due.time ? CODE[lang].dateTime(day, hhmm(due.time)) : day;
}

/** `YYYY-MM-DD[ HH:MM]` as the time something happens: "on Thursday, 12 November, at 15:00", "в четверг, …". */
export function formatOnDate(value: string, lang: Language, opts: DateOptions = {}): string {
  const due = dateTime(value);
  const d: DateParts = { ...parts(due.date, lang, opts), ...(due.time ? { time: hhmm(due.time) } : {}) };
  return CODE[lang].onDate(d);
}

/** A date inside a sentence of the user's, without the weekday: "14 November", "14 ноября, 15:00". */
export function inlineDate(iso: string, time: string | undefined, lang: Language, opts: DateOptions = {}): string {
  const day = parts(iso, lang, opts).dayMonth;
  return time ? CODE[lang].dateTime(day, hhmm(time)) : day;
}

/** A due value as a PROMISE line writes it: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`. */
export function checkDue(due: string): string {
  const d = parseDateTime(due);
  if (!d) throw new RangeError(`not a due date: ${due}`);
  return d.time === undefined ? d.date : `${d.date} ${hhmm(d.time)}`;
}
