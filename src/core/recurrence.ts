/**
 * Recurring promises: the rule segment (`| every week`, `| every month on the last day`, `| every weekday
 * from done`), and the next occurrence's date. Pure calendar arithmetic on ISO dates (see dates.ts): a
 * date is a calendar day in the log's zone and a time is a wall-clock time there, so a daylight-saving
 * change never moves an occurrence's local time (the next line is written with the same `HH:MM`).
 *
 * The schedule never drifts: the k-th date is computed from the base date and k, not by stepping from the
 * previous (clamped) date. The base is the date the occurrence was first due (the `from` of its first
 * `moved from` segment, else its due date); with `from done`, the day it was closed. A month-like rule
 * without a day keeps the base's day as its anchor: when the next date had to be clamped to a month's end
 * (31 January → 28 February), the next line spells the anchor in its rule (`every month on the 31st`), so
 * the one after goes back to the 31st. The anchor is thus always on the line itself.
 */
import { dayNumber, daysInMonth, fromDayNumber, isIsoDate, parseTime, weekday } from './dates';
import type { HistoryEvent } from './model';
import type { Range } from './text';

export type RecurUnit = 'week' | 'weekday' | 'month' | 'quarter' | 'year';

/** A rule, as data. */
export interface Rule {
  readonly unit: RecurUnit;
  /** Every how many units (1 for `every week`, 2 for `every 2 weeks`); always 1 for `weekday`. */
  readonly every: number;
  /** Month, quarter, year: the day of the month (1 to 31, clamped to the month's end) or its last day. */
  readonly day?: number | 'last';
  /** `from done`: counted from the day the occurrence was closed, not from its due date. */
  readonly fromDone: boolean;
}

/** A rule segment on a PROMISE line: the rule, the segment as written, and where it is. */
export interface Recurrence extends Rule {
  readonly text: string;
  readonly range: Range;
}

const UNIT_WORDS: Readonly<Record<string, readonly [RecurUnit, boolean]>> = {
  week: ['week', false],
  weeks: ['week', true],
  month: ['month', false],
  months: ['month', true],
  quarter: ['quarter', false],
  quarters: ['quarter', true],
  year: ['year', false],
  years: ['year', true],
  weekday: ['weekday', false],
};

/** The largest `every N`: the rules are for a working rhythm, and dates stay within year 9999. */
export const MAX_EVERY = 99;

const ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/;

/** Whether a history segment (from its first character) is a rule segment: it starts with the word `every`. */
export function isRuleSegment(segment: string): boolean {
  return /^every(?![\p{L}\p{N}_])/iu.test(segment);
}

/**
 * A rule segment's text read as a rule (words in any case, separated by blanks), or undefined when it is
 * not one of: `every [N] week|month|quarter|year[s]`, `every weekday`, optionally `on the last day` or
 * `on the <Nth>` (month, quarter, year), optionally `from done`.
 */
export function parseRule(text: string): Rule | undefined {
  const w = text.trim().toLowerCase().split(/\s+/);
  let i = 0;
  if (w[i++] !== 'every') return undefined;
  let every = 1;
  let counted = false;
  if (/^[1-9]\d*$/.test(w[i] ?? '')) {
    every = +w[i++];
    counted = true;
    if (every < 2 || every > MAX_EVERY) return undefined;
  }
  const u = UNIT_WORDS[w[i++] ?? ''];
  if (!u) return undefined;
  const [unit, plural] = u;
  if (plural !== counted) return undefined;
  let day: number | 'last' | undefined;
  if (w[i] === 'on') {
    if (unit === 'week' || unit === 'weekday' || w[i + 1] !== 'the') return undefined;
    if (w[i + 2] === 'last' && w[i + 3] === 'day') {
      day = 'last';
      i += 4;
    } else {
      const m = ORDINAL.exec(w[i + 2] ?? '');
      if (!m || +m[1] < 1 || +m[1] > 31 || m[1].startsWith('0')) return undefined;
      day = +m[1];
      i += 3;
    }
  }
  let fromDone = false;
  if (w[i] === 'from' && w[i + 1] === 'done') {
    fromDone = true;
    i += 2;
  }
  if (i !== w.length) return undefined;
  return day === undefined ? { unit, every, fromDone } : { unit, every, day, fromDone };
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st, 22nd, 23rd, … 31st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** A rule written the canonical way (`every 2 weeks`, `every month on the 31st from done`). */
export function formatRule(rule: Rule): string {
  const unit = rule.every > 1 ? `${rule.every} ${rule.unit}s` : rule.unit;
  const day = rule.day === undefined ? '' : rule.day === 'last' ? ' on the last day' : ` on the ${ordinal(rule.day)}`;
  return `every ${unit}${day}${rule.fromDone ? ' from done' : ''}`;
}

/** Months per unit of a month-like rule; 0 for week and weekday. */
function monthsPerUnit(unit: RecurUnit): number {
  return unit === 'month' ? 1 : unit === 'quarter' ? 3 : unit === 'year' ? 12 : 0;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The k-th date (k ≥ 0; 0 is `base` itself for week and month-like rules) of the schedule `rule` makes
 * from `base`, or undefined past year 9999. Month-like rules keep the anchor day (the rule's day, else
 * the base's) in every month, clamped to that month's end; `every weekday` steps over Saturday and Sunday.
 */
export function scheduleDate(rule: Rule, base: string, k: number): string | undefined {
  const n = dayNumber(base);
  let out: string | undefined;
  if (rule.unit === 'week') {
    out = fromDayNumber(n + 7 * rule.every * k);
  } else if (rule.unit === 'weekday') {
    // From a Saturday or Sunday, count from the Friday before (its next weekday is the same Monday).
    let wd = weekday(base);
    let n0 = n;
    if (wd > 4) {
      n0 -= wd - 4;
      wd = 4;
    }
    if (k === 0) return base;
    const p = wd + k;
    out = fromDayNumber(n0 - wd + 7 * Math.floor(p / 5) + (p % 5));
  } else {
    const y0 = +base.slice(0, 4);
    const m0 = +base.slice(5, 7) - 1;
    const idx = y0 * 12 + m0 + monthsPerUnit(rule.unit) * rule.every * k;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    if (y > 9999) return undefined;
    const dim = daysInMonth(y, m);
    const anchor = rule.day === 'last' ? dim : (rule.day ?? +base.slice(8, 10));
    out = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(Math.min(anchor, dim))}`;
  }
  return out.length === 10 && out <= '9999-12-31' ? out : undefined;
}

/** The longest gap between two dates of a schedule, in days (to jump close to a far date). */
function longestStep(rule: Rule): number {
  if (rule.unit === 'week') return 7 * rule.every;
  if (rule.unit === 'weekday') return 3;
  return 31 * monthsPerUnit(rule.unit) * rule.every;
}

/** The first date of the schedule from `base` (k ≥ 1) that is after `after`, or undefined past year 9999. */
export function firstAfter(rule: Rule, base: string, after: string): string | undefined {
  const gap = dayNumber(after) - dayNumber(base);
  // No step is longer than longestStep, so the k-th date is at most k steps' worth after the base.
  let k = Math.max(1, Math.floor(gap / longestStep(rule)));
  // An anchor day after the base's own (from the 1st to "on the 31st") may put a date up to a step
  // further: go back while the date before is still after `after`.
  while (k > 1 && (scheduleDate(rule, base, k - 1) ?? '') > after) k--;
  for (;;) {
    const d = scheduleDate(rule, base, k);
    if (d === undefined || d > after) return d;
    k++;
  }
}

/** What the next occurrence is computed from: an item's date, time, history and state. */
export interface OccurrenceSource {
  readonly date?: string;
  readonly time?: string;
  readonly history: readonly HistoryEvent[];
  readonly state: string;
  readonly closedOn?: string;
}

export interface NextOccurrence {
  readonly date: string;
  /** `HH:MM` as the schedule has it (the base's time), or undefined for a date-only promise. */
  readonly time?: string;
  /** The rule segment for the next line: the one written, or with the anchor day spelled (see above). */
  readonly ruleText: string;
}

/**
 * The base of an occurrence's schedule: the day it was closed (`from done`, when closed), else the date it
 * was first due (before any `moved from`), and the time that goes with it.
 */
export function scheduleBase(item: OccurrenceSource, rule: Rule): { date: string; time?: string } | undefined {
  if (!item.date) return undefined;
  if (rule.fromDone) {
    const done = item.state !== 'open' && item.closedOn && isIsoDate(item.closedOn) ? item.closedOn : item.date;
    return { date: done, time: item.time };
  }
  const firstMove = item.history.find((h) => h.verb === 'moved' && h.from !== undefined);
  if (firstMove?.from && isIsoDate(firstMove.from)) {
    const t = firstMove.fromTime;
    return { date: firstMove.from, time: t !== undefined && parseTime(t) !== undefined ? t : undefined };
  }
  return { date: item.date, time: item.time };
}

/**
 * The occurrence after this one: the first date of its schedule after both its due date and its base, with
 * the base's time. Undefined without a due date, or past year 9999.
 */
export function nextOccurrence(item: OccurrenceSource, rec: Rule & { readonly text: string }): NextOccurrence | undefined {
  const base = scheduleBase(item, rec);
  if (!base || !item.date) return undefined;
  const after = base.date > item.date ? base.date : item.date;
  const date = firstAfter(rec, base.date, after);
  if (date === undefined) return undefined;
  let ruleText = rec.text;
  const baseDay = +base.date.slice(8, 10);
  if (!rec.fromDone && rec.day === undefined && monthsPerUnit(rec.unit) > 0 && +date.slice(8, 10) < baseDay) {
    ruleText = formatRule({ ...rec, day: baseDay });
  }
  return base.time !== undefined ? { date, time: base.time, ruleText } : { date, ruleText };
}

/**
 * An open recurring promise's rule as plain data for the views and the command line: the rule, the
 * segment as written, and the base of its schedule when it is not the due date (a moved occurrence).
 */
export interface RecurInfo extends Rule {
  readonly text: string;
  readonly base?: string;
}

/** The `RecurInfo` of an open item with a rule. */
export function recurInfo(item: OccurrenceSource & { readonly recur?: Recurrence }): RecurInfo | undefined {
  const rec = item.recur;
  if (!rec) return undefined;
  const base = scheduleBase({ ...item, state: 'open' }, rec)?.date;
  const info: RecurInfo = { unit: rec.unit, every: rec.every, fromDone: rec.fromDone, text: rec.text };
  return { ...info, ...(rec.day !== undefined ? { day: rec.day } : {}), ...(base !== undefined && base !== item.date ? { base } : {}) };
}

/**
 * The coming occurrences of an open recurring item due `due`, after it and up to `until` (inclusive), each
 * counted as if the one before were kept on its due date. At most `max` of them. Computed, never written.
 */
export function comingOccurrences(rec: RecurInfo, due: string, until: string, max = 400): string[] {
  const out: string[] = [];
  if (rec.fromDone) {
    // Kept on each due date: every next one counts from the one before.
    for (let d: string | undefined = due; out.length < max;) {
      d = firstAfter(rec, d, d);
      if (d === undefined || d > until) break;
      out.push(d);
    }
    return out;
  }
  // The schedule from the base: its own dates, never one derived from a clamped one.
  const base = rec.base ?? due;
  let d = firstAfter(rec, base, base > due ? base : due);
  while (d !== undefined && d <= until && out.length < max) {
    out.push(d);
    d = firstAfter(rec, base, d);
  }
  return out;
}

/** An open occurrence's schedule as a calendar repeats it (RFC 5545). */
export interface RepeatRule {
  /** The RRULE's value, without UNTIL. */
  readonly rrule: string;
  /** Dates of the schedule the RRULE skips (a February for an anchor on the 29th or 30th), up to `until`: RDATEs. */
  readonly extra: readonly string[];
  /** Whether the RRULE must end at `until` (it has extra dates only that far). */
  readonly bounded: boolean;
}

/**
 * How a calendar repeats an open occurrence due `due` as the log will, or undefined: not for `from done` (the
 * next date depends on the day it is done), nor for an occurrence moved off its schedule (`base`), nor when
 * the due date is not on the rule's day. RFC 5545 skips a month without the day (and calendars, ical.js
 * among them, take BYSETPOS with BYDAY only), so an anchor on the 31st is the month's last day
 * (`BYMONTHDAY=-1`), and one on the 29th or 30th is that day plus the Februaries that lack it, as extra
 * dates up to `until`.
 */
export function rruleOf(rec: RecurInfo, due: string, until: string): RepeatRule | undefined {
  if (rec.fromDone || rec.base !== undefined || !isIsoDate(due)) return undefined;
  const parts: string[] = [];
  const extra: string[] = [];
  let bounded = false;
  if (rec.unit === 'weekday') {
    if (weekday(due) > 4) return undefined;
    parts.push('FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR');
  } else if (rec.unit === 'week') {
    parts.push('FREQ=WEEKLY');
    if (rec.every > 1) parts.push(`INTERVAL=${rec.every}`);
  } else {
    const m = +due.slice(5, 7);
    const d = +due.slice(8, 10);
    const dim = daysInMonth(+due.slice(0, 4), m);
    if (rec.day === 'last' ? d !== dim : rec.day !== undefined && d !== Math.min(rec.day, dim)) return undefined;
    const anchor = rec.day ?? d;
    const interval = rec.unit === 'year' ? rec.every : monthsPerUnit(rec.unit) * rec.every;
    parts.push(rec.unit === 'year' ? 'FREQ=YEARLY' : 'FREQ=MONTHLY');
    if (interval > 1) parts.push(`INTERVAL=${interval}`);
    if (rec.unit === 'year') {
      // The same month and day every year, but a February anchored past the 28th: its last day.
      if (m === 2 && (anchor === 'last' || anchor >= 29)) parts.push('BYMONTH=2', 'BYMONTHDAY=-1');
    } else if (anchor === 'last' || anchor >= 31) {
      parts.push('BYMONTHDAY=-1');
    } else {
      parts.push(`BYMONTHDAY=${anchor}`);
      if (anchor > 28) {
        bounded = true;
        // The due date itself too, when it is such a February: a calendar takes DTSTART only where the RRULE matches.
        if (d < anchor) extra.push(due);
        for (let k = 1, x = scheduleDate(rec, due, 1); x !== undefined && x <= until; x = scheduleDate(rec, due, ++k)) {
          if (+x.slice(8, 10) < anchor) extra.push(x);
        }
      }
    }
  }
  return { rrule: parts.join(';'), extra, bounded };
}
