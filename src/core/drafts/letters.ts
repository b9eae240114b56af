import { isIsoDate } from '../dates';
import { readable } from '../text';
import type { Language, Triage } from '../model';
import { fieldLabel, REASON_WORDS, TRIAGE_WORDS, type RefusalReason } from '../notes';
import { greeting, type Recipient } from './address';
import { BOOKS } from './books';
import { checkDue, formatDate, formatDateTime, formatOnDate, inlineDate, isoParts } from './dates';
import { bare, join, oneLine, sentence, shortTitle } from './words';

/**
 * Pure builders behind the "Draft refusal / apology / escalation" commands: logic only, the wording is in
 * one phrasebook per language (en.ts, bg.ts, ru.ts, ro.ts). Each returns the note block for the client's
 * log (keyword in English, field labels in the draft language, the user's text as typed) and the message
 * to send the client, in the draft language. In the message, the user's text reads as the client should
 * read it (see `forClient`): names for `@handles`, no `#tags`, the language's dates and quotation marks.
 * It either stands as its own sentence (only its first letter may be raised to a capital, and a full stop
 * added), follows a colon in a "Label: value" line, or is quoted after the template's own noun, so that no
 * sentence's grammar depends on it. No clock: `today` is a parameter.
 */

/** A person of the client's, for writing `@handle` as a name. */
export interface Person {
  readonly name: string;
  readonly handle?: string;
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
  /** The client's contacts: `@handle` in the user's text becomes their name in the message. */
  readonly people?: readonly Person[];
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
  /** The owner as the client should read it (a full name); defaults to `owner`, a handle written as its contact's name. */
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
// The user's text as the client reads it

interface Reader {
  readonly lang: Language;
  readonly today?: string;
  readonly people?: readonly Person[];
}

const ISO = /(?<![\p{L}\p{N}-])(\d{4}-\d{2}-\d{2})(?:(?:\s+|T)(\d{1,2}:\d{2}))?(?![\p{L}\p{N}])/gu;

/**
 * User text for the client's eyes: `@handle` becomes the contact's name (or the bare handle), a `#tag`
 * goes, an ISO date reads "14 November" (in the letter's language, with the year when not this year), and
 * straight double quotes become the language's quotation marks.
 */
export function forClient(text: string | undefined, r: Reader): string {
  const [open, close] = BOOKS[r.lang].quotes;
  const named = (h: string) => r.people?.find((p) => p.handle?.toLowerCase() === h.toLowerCase())?.name ?? h;
  return oneLine(
    readable(text ?? '', named)
      .replace(ISO, (m, d: string, t: string | undefined) => (isIsoDate(d) ? inlineDate(d, t, r.lang, { today: r.today }) : m))
      .replace(/"([^"]+)"/g, (_m, q: string) => `${open}${q}${close}`),
  );
}

/** The text in the language's quotation marks; a quotation inside it takes the inner marks. */
function quote(s: string, lang: Language): string {
  const [o, c] = BOOKS[lang].quotes;
  const [io, ic] = BOOKS[lang].innerQuotes;
  const text = bare(s);
  const inner = text.includes(o) ? text.split(o).join(io).split(c).join(ic) : text;
  return `${o}${inner}${c}`;
}

function letter(lang: Language, recipient: Recipient | undefined, sender: string | undefined, paragraphs: string[]): string {
  const lines = [greeting(recipient, lang), ''];
  for (const p of paragraphs) if (p) lines.push(p, '');
  lines.push(BOOKS[lang].signOff);
  const s = oneLine(sender);
  if (s) lines.push(s);
  return lines.join('\n');
}

/** Text for a PROMISE / SCOPE line: one line, and no ` | ` that would read as a history segment. */
function trackText(s: string): string {
  return oneLine(s).replace(/\s\|\s/g, ' / ');
}

function block(keyword: string, title: string, fields: ReadonlyArray<[string, string | undefined]>): string[] {
  const lines = [title ? `${keyword} ${title}` : keyword];
  for (const [label, value] of fields) {
    const v = oneLine(value);
    if (v) lines.push(`  ${label}: ${v}`);
  }
  return lines;
}

/** The note's title as typed (or made from the main text), and the subject's, made from what the client reads. */
function titles(i: Common, main: string, fallback = ''): { title: string; subjectTitle: string } {
  const title = oneLine(i.title) || shortTitle(main) || shortTitle(fallback);
  const subjectTitle = shortTitle(forClient(oneLine(i.title) || main || fallback, i));
  return { title, subjectTitle };
}

// ---------------------------------------------------------------------------------------------------
// Seeds: starting points for the guided steps, in the client's language

/** Facts for a refusal, from an item agreed earlier (a confirmed scope change or a kept promise). */
export function agreedSeed(text: string, r: Reader): string {
  return BOOKS[r.lang].seeds.agreed(quote(forClient(text, r), r.lang));
}

/** What happened, for a promise that was missed: its text and the date it was due. */
export function missedSeed(promise: { readonly text: string; readonly date?: string }, r: Reader): string {
  const date = promise.date && isIsoDate(promise.date) ? formatDate(promise.date, r.lang, { today: r.today }) : '';
  const q = quote(forClient(promise.text, r), r.lang);
  return date ? BOOKS[r.lang].seeds.missed(q, date) : BOOKS[r.lang].seeds.fix(q);
}

/** The fix, for a promise that was missed. */
export function fixSeed(promise: { readonly text: string }, r: Reader): string {
  return BOOKS[r.lang].seeds.fix(quote(forClient(promise.text, r), r.lang));
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
  const { title, subjectTitle } = titles(i, i.request);
  const t = BOOKS[lang].refusal;
  const c = (s: string | undefined) => forClient(s, i);
  const noteLines = block('REFUSAL', title, [
    [fieldLabel('refusal', 'request', lang), i.request],
    [fieldLabel('refusal', 'reason', lang), REASON_WORDS[i.reason][lang]],
    [fieldLabel('refusal', 'facts', lang), i.facts],
    [fieldLabel('refusal', 'alternative', lang), i.alternative],
  ]);
  const message = letter(lang, i.recipient, i.sender, [
    join(`${t.thanks}${quote(c(i.request), lang)}.`, BOOKS[lang].refusalNo[i.reason], sentence(c(i.facts))),
    c(i.alternative) ? `${t.instead}\n${sentence(c(i.alternative))}` : '',
    t.close,
  ]);
  return { noteLines, trackLines: [], title, subject: t.subject + subjectTitle, message };
}

// ---------------------------------------------------------------------------------------------------
// Apology

/** An APOLOGY note and a brief message: what happened, the apology, the fix and its date, prevention, make-up. */
export function draftApology(i: ApologyInput): Draft {
  const { lang } = i;
  const t = BOOKS[lang].apology;
  if (i.fixDate !== undefined) isoParts(i.fixDate);
  const { title, subjectTitle } = titles(i, i.what);
  const c = (s: string | undefined) => forClient(s, i);
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
    join(t.owe, sentence(c(i.what)), sentence(c(apology))),
    join(fix ? t.fix : '', sentence(c(fix)), i.fixDate ? t.by(formatDate(i.fixDate, lang, { today: i.today })) : ''),
    c(i.prevention) ? join(t.prevent, sentence(c(i.prevention))) : '',
    c(i.makeup) ? join(t.makeup, sentence(c(i.makeup))) : '',
    t.close,
  ]);
  return { noteLines, trackLines, title, subject: t.subject + subjectTitle, message };
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
  const c = (s: string | undefined) => forClient(s, i);
  const next = oneLine(i.nextUpdate);
  const { title, subjectTitle } = titles(i, i.request, i.breaks);
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
    const nextText = next ? formatDateTime(next, lang, { today: i.today }) : '';
    const owner = oneLine(i.ownerName) || c(i.owner);
    const facts = [
      c(i.breaks) ? `${t.stake}: ${bare(c(i.breaks))}` : '',
      c(i.deadlineSource) ? `${t.deadline}: ${bare(c(i.deadlineSource))}` : '',
      owner ? `${t.owner}: ${owner}` : '',
      nextText ? `${t.next}: ${nextText}` : '',
    ].filter((l) => l);
    subject = t.subject + subjectTitle;
    message = letter(lang, i.recipient, i.sender, [
      join(c(i.request) ? `${t.thanks}${quote(c(i.request), lang)}.` : '', t.onIt),
      facts.join('\n'),
      nextText ? t.closeNext : t.close,
    ]);
  } else {
    const t = BOOKS[lang].request;
    const src = bare(c(i.deadlineSource));
    subject = t.subject + subjectTitle;
    message = letter(lang, i.recipient, i.sender, [
      join(`${t.thanks}${quote(c(i.request), lang)}.`, t.urgent),
      join(t.checked, sentence(c(i.breaks)), src ? t.deadline(src) : ''),
      i.proposedDate
        ? join(t.propose(formatDate(i.proposedDate, lang, { today: i.today })), t.ask)
        : next
          ? t.later(formatOnDate(next, lang, { today: i.today }))
          : t.soon,
      t.close,
    ]);
    if (i.proposedDate && i.today && isIsoDate(i.today)) trackLines.push(`SCOPE ${i.today} ${trackText(t.scope(i.proposedDate, title))}`);
  }
  return { noteLines, trackLines, title, subject, message };
}
