import type { Finding, FindingData, Language, NoteKind } from './model';
import type { IcsWords } from './ics';
import { fieldLabel } from './notes';
import { ordinal, type Rule } from './recurrence';

/**
 * A translation function with VS Code's `l10n.t` signature: the English message is the key, `{0}`…
 * are placeholders. The extension passes `vscode.l10n.t`; the CLI passes `formatMessage` (English).
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/**
 * English: fills `{0}`, `{1}`… as `message.replace(/\{(\d+)\}/g, …)` would (a placeholder without its
 * argument stays as written), without a regular expression and a callback per placeholder: the CLI fills
 * one message per finding, tens of thousands in a run (test/core/messages.test.ts holds it to the pattern).
 */
export const formatMessage: Translate = (message, ...args) => {
  let open = message.indexOf('{');
  let out = '';
  let from = 0;
  while (open >= 0) {
    let k = open + 1;
    for (let c = message.charCodeAt(k); c >= 0x30 && c <= 0x39; c = message.charCodeAt(++k));
    if (k > open + 1 && message.charCodeAt(k) === 0x7d) {
      const v = args[+message.slice(open + 1, k)];
      if (v !== undefined) {
        out += message.slice(from, open) + String(v);
        from = k + 1;
      }
      open = message.indexOf('{', k + 1);
    } else {
      open = message.indexOf('{', open + 1);
    }
  }
  return from === 0 ? message : out + message.slice(from);
};

/** The language (of the four) closest to a VS Code display locale such as `bg`, `ru`, `ro-RO`, `en-US`. */
export function languageOfLocale(locale: string | undefined): Language {
  const l = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  return l === 'bg' || l === 'ru' || l === 'ro' ? l : 'en';
}

/**
 * The texts an Intl formatter gave per locale and number of days: a check over 10,000 logs formats the same
 * few hundred day counts tens of thousands of times, and each Intl call costs microseconds (2 % of the run).
 */
function memoDays(make: (locale: string) => (days: number) => string): (days: number, locale: string) => string {
  const byLocale = new Map<string, { format: (days: number) => string; texts: Map<number, string> }>();
  return (days, locale) => {
    let m = byLocale.get(locale);
    if (!m) byLocale.set(locale, (m = { format: make(safeLocale(locale)), texts: new Map() }));
    let text = m.texts.get(days);
    if (text === undefined) {
      text = m.format(days);
      if (m.texts.size < 5000) m.texts.set(days, text);
    }
    return text;
  };
}

/** "3 days ago", "yesterday", "tomorrow", "in 5 days" in the locale, with its own plural rules. */
export const relativeDays = memoDays((locale) => {
  const f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return (days) => f.format(days, 'day');
});

/** "12 days", "12 дни", "12 дней", "12 zile" in the locale. */
export const durationDays = memoDays((locale) => {
  const f = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  return (days) => f.format(days);
});

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function noteName(kind: NoteKind, t: Translate): string {
  return kind === 'apology' ? t('APOLOGY') : kind === 'refusal' ? t('REFUSAL') : t('ESCALATION');
}

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Who an item waits on: the contact's name, else the @handle, else the client. */
const waitedOn = (d: FindingData): string => s(d.contact ?? (d.handle ? `@${s(d.handle)}` : d.client));

/** How a message words a count of days: Intl's (below), or the CLI's English without ICU (core/englishDays.ts). */
export interface DayWords {
  readonly relative: (days: number, locale: string) => string;
  readonly duration: (days: number, locale: string) => string;
}

const intlDays: DayWords = { relative: relativeDays, duration: durationDays };

/**
 * The user-facing message of a finding, in the language `t` translates to. A finding that stands for
 * several of its code on its line (see core/limits.ts) says how many.
 */
export function describeFinding(f: Finding, t: Translate, locale: string, days: DayWords = intlDays): string {
  const message = describeOne(f, t, locale, days);
  const n = f.data.count;
  return typeof n === 'number' && n > 1 ? t('{0} (and {1} more like it on this line)', message, n - 1) : message;
}

function describeOne(f: Finding, t: Translate, locale: string, days: DayWords): string {
  const d = f.data;
  const when = d.time ? `${s(d.date)} ${s(d.time)}` : s(d.date);
  switch (f.code) {
    case 'promise.overdue':
      return Number(d.days) > 0
        ? t('Promise to {0} was due {1} ({2})', s(d.client), days.relative(-Number(d.days), locale), when)
        : t('Promise to {0} was due today at {1}', s(d.client), s(d.time));
    case 'promise.dueToday':
      return d.time ? t('Promise to {0} is due today at {1}', s(d.client), s(d.time)) : t('Promise to {0} is due today', s(d.client));
    case 'promise.dueSoon':
      return t('Promise to {0} is due {1} ({2})', s(d.client), days.relative(Number(d.days), locale), when);
    case 'waiting.followUp':
      return t('No answer from {0} for {1}; follow up (follow-up date {2})', waitedOn(d), days.duration(Number(d.days), locale), s(d.date));
    case 'scope.unconfirmed':
      return t('Scope change not confirmed by {0} for {1}: get their confirmation before doing the work', waitedOn(d), days.duration(Number(d.days), locale));
    case 'urgent.untriaged':
      return t('Urgent request or crisis? Ask what breaks, and for whom, if it waits until tomorrow; then write "URGENT request:" or "URGENT crisis:"');
    case 'refusal.noAlternative':
      return t('A refusal always offers an alternative: add an "Alternative:" field');
    case 'note.missingField': {
      const lang = languageOfLocale(locale);
      const kind = d.kind as NoteKind;
      const missing = (d.missing as readonly string[]).map((k) => fieldLabel(kind, k, lang)).join(', ');
      return t('{0} note is missing: {1}', noteName(kind, t), missing);
    }
    case 'date.invalid':
      return d.time ? t('{0} is not a valid time (HH:MM, 00:00 to 23:59)', s(d.text)) : t('{0} is not a real date', s(d.text));
    case 'date.format':
      return d.suggestion
        ? t('Write dates as YYYY-MM-DD: {0} is {1}', s(d.text), s(d.suggestion))
        : t('Write dates as YYYY-MM-DD: {0} is ambiguous or impossible', s(d.text));
    case 'date.missing':
      return t('{0} needs a date right after the keyword (YYYY-MM-DD)', s(d.kind).toUpperCase());
    case 'history.invalid':
      if (d.why === 'rule')
        return t(
          '"{0}" is not a repeat rule: write every week, every 2 weeks, every month, every month on the last day, every month on the 15th, every weekday, every quarter or every year, optionally followed by "from done"',
          s(d.text),
        );
      if (d.why === 'ruleKind') return t('Only a PROMISE repeats: "{0}" is not understood on a {1} line', s(d.text), s(d.kind).toUpperCase());
      if (d.why === 'ruleTwice') return t('This promise already repeats: "{0}" is a second rule (keep one)', s(d.text));
      return t(
        'This history segment is not understood: "{0}" (see docs/FORMAT.md for kept, moved from, dropped, broken, received, confirmed, declined)',
        s(d.text),
      );
    case 'history.conflict':
      if (d.why === 'beforeEntry') return t('Closed on {0}, before the entry that made it ({1}): one of the dates is wrong', s(d.date), s(d.entryDate));
      return t('This segment comes after the item was closed ("{0}"): an item closes only once', s(d.closedBy));
    case 'history.reference':
      return t('No APOLOGY note in an entry dated {0} in this file', s(d.date));
    case 'keyword.nearMiss':
      switch (d.why) {
        case 'dash':
          return t('The date "{0}" has a Unicode dash and is not read: write {1}', s(d.text), s(d.replacement));
        case 'indent':
          return t('{0} is indented: this line is not tracked', s(d.keyword));
        case 'invisible':
          return t('An invisible character in or next to {0}: this line is not tracked', s(d.keyword));
        case 'lookalike':
          return t('"{0}" has look-alike letters from another alphabet, so this line is not tracked: write {1}', s(d.text).trim(), s(d.keyword));
        default:
          return t('"{0}" is not {1} (keywords are in capitals): this line is not tracked', s(d.text).trim(), s(d.keyword));
      }
    case 'file.encoding':
      return t('This file is not valid {0} (first bad byte at offset {1}): save it as UTF-8', d.encoding === 'utf-16' ? 'UTF-16' : 'UTF-8', s(d.offset));
    case 'file.binary':
      return t('This file holds binary data, not text');
    case 'file.tooManyFindings':
      return t('{0} more findings in this file are not shown (at most {1} per file)', s(d.omitted), s(d.shown));
    case 'frontMatter.invalid':
      if (d.reason === 'unclosed') return t('The front matter is never closed: add a line with --- after it');
      if (d.reason === 'tooLong') return t('The front matter is too long to be a client profile (over 2000 lines) and is not closed');
      return t('Front matter YAML error: {0}', s(d.message));
    case 'frontMatter.value':
      switch (d.expected) {
        case 'timeZone':
          return t('Unknown time zone "{0}": use an IANA name such as Europe/Sofia', s(d.value));
        case 'contactName':
          return t('Each contact needs a name');
        case 'handle':
          return t('"{0}" is not a valid handle: use letters, digits, _, - and .', s(d.value));
        case 'uniqueHandle':
          return t('The handle "{0}" belongs to two contacts', s(d.value));
        case 'list':
          return t('"contacts" should be a list of people');
        case 'cadence':
          return t('"{0}" is not a cadence: write a number of days, weeks or months, such as 14d, 2w or 1m (or off)', s(d.value));
        case 'contact':
          return t('Each contact should have name, handle, role and email fields');
        case 'map':
          return t('The front matter should be a list of "key: value" lines');
        default:
          return t('"{0}" should be text', s(d.key));
      }
    case 'frontMatter.language':
      return t('Drafts can be written in en, bg, ru or ro, not "{0}"', s(d.value));
    case 'frontMatter.unknownKey':
      return t('Unknown front matter key "{0}" (known: client, language, timezone, cadence, contacts, notes)', s(d.key));
    case 'client.quiet':
      return t(
        'No entry for {0} in {1} (you aim for every {2}): check in',
        s(d.client),
        days.duration(Number(d.days), locale),
        days.duration(Number(d.cadence), locale),
      );
    case 'mention.unknown':
      return (d.known as readonly string[]).length
        ? t('@{0} is not a contact of this client (contacts: {1})', s(d.handle), (d.known as readonly string[]).map((h) => `@${h}`).join(', '))
        : t('@{0} is not a contact of this client', s(d.handle));
  }
}

/** The words of the calendar feed (core/ics.ts) in the language `t` writes. */
export function calendarWords(t: Translate): IcsWords {
  return {
    summary: (kind, client, text) => {
      if (kind === 'promise') return client ? t('Promise to {0}: {1}', client, text) : t('Promise: {0}', text);
      if (kind === 'waiting') return client ? t('Waiting on {0}: {1}', client, text) : t('Waiting: {0}', text);
      return client ? t('Scope change to confirm with {0}: {1}', client, text) : t('Scope change to confirm: {0}', text);
    },
    client: (client) => t('Client: {0}', client),
  };
}

/**
 * The plural category of `n` in the language (of the four) of a display locale: en and bg have one/other,
 * ro one/few/other, ru one/few/many. A message with a count has one key per category, each written out
 * as a literal `t(...)` call so the bundles' completeness check sees it; the `[few]` and `[many]` keys are only ever
 * chosen in ro and ru, whose bundles translate them, so their markers are never shown.
 */
export function pluralCategory(n: number, locale: string): 'one' | 'few' | 'many' | 'other' {
  const c = new Intl.PluralRules(languageOfLocale(locale)).select(n);
  return c === 'one' || c === 'few' || c === 'many' ? c : 'other';
}

/** Picks the form of a counted message for `n` (see `pluralCategory`). */
export function plural(n: number, locale: string, forms: { one: () => string; few: () => string; many: () => string; other: () => string }): string {
  return forms[pluralCategory(n, locale)]();
}

/** The digest's figures as `digestMessage` reads them (core/reminders.ts `Digest`). */
export interface DigestFigures {
  readonly dueToday: number;
  readonly overdue: number;
  readonly lateWaits: number;
  readonly longestWait?: { readonly who: string; readonly days: number };
}

/** "3 promises due today, 2 promises overdue, Ivan Petrov has not answered for 6 days" in the display language. */
export function digestMessage(d: DigestFigures, t: Translate, locale: string): string {
  const parts: string[] = [];
  const today = d.dueToday;
  if (today > 0) {
    parts.push(
      plural(today, locale, {
        one: () => t('{0} promise due today', today),
        few: () => t('{0} promises due today [few]', today),
        many: () => t('{0} promises due today [many]', today),
        other: () => t('{0} promises due today', today),
      }),
    );
  }
  const late = d.overdue;
  if (late > 0) {
    parts.push(
      plural(late, locale, {
        one: () => t('{0} promise overdue', late),
        few: () => t('{0} promises overdue [few]', late),
        many: () => t('{0} promises overdue [many]', late),
        other: () => t('{0} promises overdue', late),
      }),
    );
  }
  if (d.longestWait) {
    parts.push(t('{0} has not answered for {1}', d.longestWait.who, durationDays(d.longestWait.days, locale)));
  }
  return parts.join(', ');
}

const UNIT_COUNTS = new Map<string, Intl.NumberFormat>();

/** "2 weeks", "5 недель", "20 de săptămâni": a count of weeks, months or years in the locale, with its own plural rules. */
function unitCount(n: number, unit: 'week' | 'month' | 'year', locale: string): string {
  const key = `${locale}\n${unit}`;
  let f = UNIT_COUNTS.get(key);
  if (!f) UNIT_COUNTS.set(key, (f = new Intl.NumberFormat(safeLocale(locale), { style: 'unit', unit, unitDisplay: 'long' })));
  const text = f.format(n);
  // Russian says "раз в 21 неделю" (the accusative), where the count alone is "21 неделя".
  return text.endsWith(' неделя') ? `${text.slice(0, -1)}ю` : text;
}

/** The Bulgarian neuter ordinal of a day of the month, as dates are written: 1-во, 2-ро, 3-то, 4-то, 5-о, 11-о, 21-во. */
function bgDay(n: number): string {
  const last = n % 100 >= 11 && n % 100 <= 19 ? 0 : n % 10;
  return `${n}-${last === 1 ? 'во' : last === 2 ? 'ро' : last === 3 || last === 4 ? 'то' : 'о'}`;
}

/**
 * A repeat rule in words, in the language `t` translates to (`locale` for the counts): "every 2 weeks",
 * "всеки месец, в последния ден от месеца", "раз в 3 месяца, 15-го числа", "în fiecare zi lucrătoare,
 * socotit de la data îndeplinirii". The wording is in the l10n bundles, the counts from Intl.
 */
export function describeRule(rule: Rule, t: Translate, locale: string): string {
  const n = rule.every;
  let what: string;
  if (n === 1) {
    what =
      rule.unit === 'week'
        ? t('every week')
        : rule.unit === 'weekday'
          ? t('every weekday')
          : rule.unit === 'month'
            ? t('every month')
            : rule.unit === 'quarter'
              ? t('every quarter')
              : t('every year');
  } else {
    // Every N quarters is every 3N months: Intl counts months, not quarters.
    const count = rule.unit === 'quarter' ? unitCount(3 * n, 'month', locale) : unitCount(n, rule.unit === 'weekday' ? 'week' : rule.unit, locale);
    what = t('every {0}', count);
  }
  const lang = languageOfLocale(locale);
  const day =
    rule.day === undefined
      ? ''
      : rule.day === 'last'
        ? t(', on the last day of the month')
        : t(', on the {0}', lang === 'en' ? ordinal(rule.day) : lang === 'bg' ? bgDay(rule.day) : String(rule.day));
  return what + day + (rule.fromDone ? t(', counted from the day it was done') : '');
}
