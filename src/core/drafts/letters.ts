import { isIsoDate, parseTime } from '../dates';
import type { Language, Triage } from '../model';
import { fieldLabel, REASON_WORDS, TRIAGE_WORDS, type RefusalReason } from '../notes';
import { bg } from './bg';
import { en } from './en';
import type { Phrasebook } from './phrasebook';
import { ro } from './ro';
import { ru } from './ru';

/**
 * Pure builders behind the "Draft refusal / apology / escalation" commands: logic only, the wording is in
 * one phrasebook per language (en.ts, bg.ts, ru.ts, ro.ts). Each returns the note block for the client's log (keyword in English, field labels in the draft language) and the message to send
 * the client, in the draft language. User text is inserted verbatim: it either stands as its own sentence
 * (only its first letter may be raised to a capital, and a full stop added), follows a colon in a
 * "Label: value" line, or is quoted. No clock: `today` is a parameter.
 */

const BOOKS: Readonly<Record<Language, Phrasebook>> = { en, bg, ru, ro };

export interface Recipient {
  /** The contact's full name, e.g. "Ivan Petrov". The greeting uses the first name. */
  readonly name?: string;
  /** How to address them when the first name is not right ("Иван Сергеевич", "Mr Petrov"). */
  readonly address?: string;
}

interface Common {
  readonly lang: Language;
  /** Absent, or without a name: a neutral greeting. */
  readonly recipient?: Recipient;
  /** Signs the message. */
  readonly sender?: string;
  /** The note's title (after the keyword) and the subject's; defaults to a short form of the main text. */
  readonly title?: string;
  /** Today's ISO date: dates in another year are written with the year; escalation requests get a SCOPE line. */
  readonly today?: string;
}

export interface RefusalInput extends Common {
  /** What the client asked for. */
  readonly request: string;
  readonly reason: RefusalReason;
  /** Why not: facts and experience, written as a sentence. */
  readonly facts: string;
  /** What we offer instead, as close as possible to the request. A refusal always has one. */
  readonly alternative: string;
}

export interface ApologyInput extends Common {
  /** What happened, in one or two sentences. */
  readonly what: string;
  /** The apology itself; absent, a plain one in the draft language. */
  readonly apology?: string;
  /** What we are doing to fix it. */
  readonly fix: string;
  /** ISO date by which the fix is done. */
  readonly fixDate?: string;
  /** What prevents a repeat. */
  readonly prevention: string;
  /** What we offer to make up for the trouble. */
  readonly makeup?: string;
  /** A new promise to track (usually the fix): becomes a PROMISE line in `trackLines`. `due` is `YYYY-MM-DD[ HH:MM]`. */
  readonly promise?: { readonly text: string; readonly due: string };
}

export interface EscalationInput extends Common {
  readonly kind: Triage;
  /** What breaks, and for whom, if it waits until tomorrow. */
  readonly breaks: string;
  /** Where the deadline comes from. */
  readonly deadlineSource: string;
  /** Who owns it, as written in the log (a handle such as `@maria`, or a name). */
  readonly owner?: string;
  /** The owner as the client should read it (a full name); defaults to `owner` without its `@`. */
  readonly ownerName?: string;
  /** `YYYY-MM-DD HH:MM` (or a date). */
  readonly nextUpdate?: string;
  /** What the client asked for or reported. */
  readonly request: string;
  /** For a request: the realistic date we propose instead of dropping everything (ISO). */
  readonly proposedDate?: string;
}

export interface Draft {
  /** The note block: header line and one indented `Label: value` line per field, no line breaks inside. */
  readonly noteLines: string[];
  /**
   * PROMISE / SCOPE lines to record next to the note (an apology's new promise; the date proposed for an
   * urgent request, awaiting the client's confirmation). Insert `[...noteLines, ...trackLines]`.
   */
  readonly trackLines: string[];
  /** The title written after the keyword. */
  readonly title: string;
  readonly subject: string;
  /** The message to the client, lines joined with "\n". */
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------------
// Text helpers

/** One line: every run of white space (line breaks included) becomes one space. */
function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

const TERMINAL = /[.!?…][\s"'”“»«„’)\]]*$/u;

/** The text as a sentence of its own: a capital first letter and final punctuation when missing. */
function sentence(s: string): string {
  const t = oneLine(s);
  if (!t) return '';
  const first = String.fromCodePoint(t.codePointAt(0)!);
  const head = first.toLocaleLowerCase() === first && first.toLocaleUpperCase() !== first ? first.toLocaleUpperCase() : first;
  const body = head + t.slice(first.length);
  return TERMINAL.test(body) ? body : `${body}.`;
}

/** The text without one final full stop, for quotes, parentheses and "Label: value" lines. */
function bare(s: string): string {
  const t = oneLine(s);
  return t.endsWith('.') && !t.endsWith('..') ? t.slice(0, -1) : t;
}

function quote(s: string, lang: Language): string {
  const [o, c] = BOOKS[lang].quotes;
  return `${o}${bare(s)}${c}`;
}

/** Joins sentences with single spaces, skipping empty ones. */
function join(...parts: string[]): string {
  return parts.filter((p) => p).join(' ');
}

/** A short title from longer text: the first words, at most 48 characters, no final punctuation. */
export function shortTitle(text: string): string {
  const t = oneLine(text);
  const words = t.split(' ');
  let out = '';
  for (const w of words.slice(0, 7)) {
    if (out && out.length + 1 + w.length > 48) break;
    out = out ? `${out} ${w}` : w;
  }
  if (out.length > 48) out = out.slice(0, 48).trimEnd();
  return out.replace(/[\s.,;:!?…—–-]+$/u, '');
}

const PATRONYMIC = /(?:ович|евич|ьич|ична|овна|евна|инична)$/u;

/** How the greeting addresses the recipient: `address`, else the first name (Russian: name and patronymic). */
export function addressOf(r: Recipient | undefined, lang: Language): string {
  const a = oneLine(r?.address);
  if (a) return a;
  const words = oneLine(r?.name).split(' ').filter((w) => w);
  if (words.length === 0) return '';
  if (lang === 'ru') {
    const k = words.findIndex((w, i) => i > 0 && PATRONYMIC.test(w.toLocaleLowerCase()));
    if (k > 0) return `${words[k - 1]} ${words[k]}`;
  }
  // Skip a leading title such as "Dr." or "г-н".
  const first = words.find((w) => !/[.]$/.test(w) && !/^(г-н|г-жа|mr|mrs|ms|dr)$/i.test(w));
  return first ?? words[0];
}

function greeting(r: Recipient | undefined, lang: Language): string {
  const who = addressOf(r, lang);
  return who ? BOOKS[lang].greeting(who) : BOOKS[lang].greetingNeutral;
}

function letter(lang: Language, recipient: Recipient | undefined, sender: string | undefined, paragraphs: string[]): string {
  const lines = [greeting(recipient, lang), ''];
  for (const p of paragraphs) if (p) lines.push(p, '');
  lines.push(BOOKS[lang].signOff);
  const s = oneLine(sender);
  if (s) lines.push(s);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Dates

const formatters = new Map<string, Intl.DateTimeFormat>();

function isoParts(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
}

export interface DateOptions {
  /** Today's ISO date: the year is written when it differs. */
  readonly today?: string;
  /** Always write the year. */
  readonly year?: boolean;
}

/**
 * A calendar date as people write it in a letter, with the weekday: "Thursday, 26 November",
 * "четвъртък, 26 ноември", "четверг, 26 ноября", "joi, 26 noiembrie" (and the year when asked, or when it
 * is not today's year). Independent of the machine's time zone: the date is built in UTC from its parts.
 * Throws a RangeError for a string that is not a real `YYYY-MM-DD` date.
 */
export function formatDate(iso: string, lang: Language, opts: DateOptions = {}): string {
  const [y, m, d] = isoParts(iso);
  const withYear = opts.year === true || (opts.today !== undefined && opts.today.slice(0, 4) !== iso.slice(0, 4));
  const key = `${lang}:${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(BOOKS[lang].locale, {
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
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  const text = `${parts.weekday}, ${parts.day} ${parts.month}`;
  return withYear ? `${text} ${parts.year}${BOOKS[lang].yearSuffix}` : text;
}

/**
 * `YYYY-MM-DD HH:MM` for a letter: "Thursday, 12 November, 15:00", "четвъртък, 12 ноември, 15:00 ч.",
 * "четверг, 12 ноября, 15:00", "joi, 12 noiembrie, ora 15:00". A date alone is formatted as by `formatDate`.
 */
export function formatDateTime(value: string, lang: Language, opts: DateOptions = {}): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:(?:\s+|T)(\d{1,2}:\d{2}))?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a date and time: ${value}`);
  const day = formatDate(m[1], lang, opts);
  if (!m[2]) return day;
  const minutes = parseTime(m[2]);
  if (minutes === undefined) throw new RangeError(`not a time of day: ${m[2]}`);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return BOOKS[lang].dateTime(day, hhmm);
}

function checkDue(due: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{1,2}:\d{2}))?$/.exec(oneLine(due));
  if (!m || !isIsoDate(m[1]) || (m[2] !== undefined && parseTime(m[2]) === undefined)) throw new RangeError(`not a due date: ${due}`);
  return m[2] === undefined ? m[1] : `${m[1]} ${m[2].padStart(5, '0')}`;
}

/** Text for a PROMISE / SCOPE line: one line, and no ` | ` that would read as a history segment. */
function trackText(s: string): string {
  return oneLine(s).replace(/\s\|\s/g, ' / ');
}

// ---------------------------------------------------------------------------------------------------
// Note blocks

function block(keyword: string, title: string, fields: ReadonlyArray<[string, string | undefined]>): string[] {
  const lines = [title ? `${keyword} ${title}` : keyword];
  for (const [label, value] of fields) {
    const v = oneLine(value);
    if (v) lines.push(`  ${label}: ${v}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Refusal

/** A reason as the user picks it: "Out of the agreed scope", "Извън договорения обхват", … */
export function reasonLabel(reason: RefusalReason, lang: Language): string {
  return BOOKS[lang].reasonLabels[reason];
}

/**
 * Starting points for the Alternative field, worded for the reason: a smaller version, a later date, a
 * paid change, someone better placed. Each is a complete sentence the user can pick and then edit.
 */
export function suggestAlternatives(reason: RefusalReason, lang: Language): string[] {
  return [...BOOKS[lang].alternatives[reason]];
}

/** A REFUSAL note and a warm, firm message: thanks, the clear no with its reason and facts, the alternative. */
export function draftRefusal(i: RefusalInput): Draft {
  const { lang } = i;
  const title = oneLine(i.title) || shortTitle(i.request);
  const t = BOOKS[lang].refusal;
  const noteLines = block('REFUSAL', title, [
    [fieldLabel('refusal', 'request', lang), i.request],
    [fieldLabel('refusal', 'reason', lang), REASON_WORDS[i.reason][lang]],
    [fieldLabel('refusal', 'facts', lang), i.facts],
    [fieldLabel('refusal', 'alternative', lang), i.alternative],
  ]);
  const message = letter(lang, i.recipient, i.sender, [
    join(`${t.thanks}${quote(i.request, lang)}.`, BOOKS[lang].refusalNo[i.reason], sentence(i.facts)),
    oneLine(i.alternative) ? `${t.instead}\n${sentence(i.alternative)}` : '',
    t.close,
  ]);
  return { noteLines, trackLines: [], title, subject: t.subject + title, message };
}

// ---------------------------------------------------------------------------------------------------
// Apology

/** An APOLOGY note and a brief message: what happened, the apology, the fix and its date, prevention, make-up. */
export function draftApology(i: ApologyInput): Draft {
  const { lang } = i;
  const t = BOOKS[lang].apology;
  if (i.fixDate !== undefined) isoParts(i.fixDate);
  const title = oneLine(i.title) || shortTitle(i.what);
  const apology = oneLine(i.apology) || t.apology;
  const fix = oneLine(i.fix);
  // The note keeps the fix date in ISO (greppable); only when the fix text does not already say it.
  const fixNote = i.fixDate && fix && !fix.includes(i.fixDate) ? `${bare(fix)} (${t.fixBy} ${i.fixDate})` : fix;
  const noteLines = block('APOLOGY', title, [
    [fieldLabel('apology', 'what', lang), i.what],
    [fieldLabel('apology', 'apology', lang), apology],
    [fieldLabel('apology', 'fix', lang), fixNote],
    [fieldLabel('apology', 'prevention', lang), i.prevention],
    [fieldLabel('apology', 'makeup', lang), i.makeup],
  ]);
  const trackLines = i.promise && oneLine(i.promise.text) ? [`PROMISE ${checkDue(i.promise.due)} ${trackText(i.promise.text)}`] : [];
  const message = letter(lang, i.recipient, i.sender, [
    join(t.owe, sentence(i.what), sentence(apology)),
    join(fix ? t.fix : '', sentence(fix), i.fixDate ? t.by(formatDate(i.fixDate, lang, { today: i.today })) : ''),
    oneLine(i.prevention) ? join(t.prevent, sentence(i.prevention)) : '',
    oneLine(i.makeup) ? join(t.makeup, sentence(i.makeup ?? '')) : '',
    t.close,
  ]);
  return { noteLines, trackLines, title, subject: t.subject + title, message };
}

// ---------------------------------------------------------------------------------------------------
// Escalation

/**
 * An ESCALATION note and its message. A crisis: acknowledge, what is at stake, the deadline, the owner and
 * the next update. A request: acknowledge the urgency, what waiting a day means, and a realistic date to
 * agree instead of dropping everything (with a SCOPE line awaiting confirmation when `today` is given).
 */
export function draftEscalation(i: EscalationInput): Draft {
  const { lang } = i;
  if (i.proposedDate !== undefined) isoParts(i.proposedDate);
  const next = oneLine(i.nextUpdate);
  const nextText = next ? formatDateTime(next, lang, { today: i.today }) : '';
  const title = oneLine(i.title) || shortTitle(i.request) || shortTitle(i.breaks);
  const noteLines = block('ESCALATION', title, [
    [fieldLabel('escalation', 'kind', lang), TRIAGE_WORDS[i.kind][lang]],
    [fieldLabel('escalation', 'breaks', lang), i.breaks],
    [fieldLabel('escalation', 'deadline', lang), i.deadlineSource],
    [fieldLabel('escalation', 'owner', lang), i.owner],
    [fieldLabel('escalation', 'next', lang), next],
  ]);
  const trackLines: string[] = [];
  let subject: string;
  let message: string;
  if (i.kind === 'crisis') {
    const t = BOOKS[lang].crisis;
    const owner = oneLine(i.ownerName) || oneLine(i.owner).replace(/^@/, '');
    const facts = [
      oneLine(i.breaks) ? `${t.stake}: ${bare(i.breaks)}` : '',
      oneLine(i.deadlineSource) ? `${t.deadline}: ${bare(i.deadlineSource)}` : '',
      owner ? `${t.owner}: ${owner}` : '',
      nextText ? `${t.next}: ${nextText}` : '',
    ].filter((l) => l);
    subject = t.subject + title;
    message = letter(lang, i.recipient, i.sender, [
      join(oneLine(i.request) ? `${t.thanks}${quote(i.request, lang)}.` : '', t.onIt),
      facts.join('\n'),
      nextText ? t.closeNext : t.close,
    ]);
  } else {
    const t = BOOKS[lang].request;
    const src = bare(i.deadlineSource);
    subject = t.subject + title;
    message = letter(lang, i.recipient, i.sender, [
      join(`${t.thanks}${quote(i.request, lang)}.`, t.urgent),
      join(t.checked, sentence(i.breaks), src ? t.deadline(src) : ''),
      i.proposedDate
        ? join(t.propose(formatDate(i.proposedDate, lang, { today: i.today })), t.ask)
        : nextText
          ? t.later(nextText)
          : t.soon,
      t.close,
    ]);
    if (i.proposedDate && i.today && isIsoDate(i.today)) trackLines.push(`SCOPE ${i.today} ${trackText(t.scope(i.proposedDate, title))}`);
  }
  return { noteLines, trackLines, title, subject, message };
}
