/**
 * The parser's character scanners: small readers over one line that work on character codes, each the
 * linear equivalent of a regular expression named in its comment (test/core/parseScanners.test.ts holds
 * them to it). The readers that give back more than an end position are methods of `Scanner`, one per
 * parse, which holds what they read and the problems they report.
 */
import { isoFromOtherSpelling, isValidDate, looksLikeDate } from '../dates';
import type { NoteKind, Problem, TrackedKind } from '../model';
import { PerLineCap } from '../limits';
import { detach, isJsSpace, lineRange } from '../text';
import { Ch, isBlankChar, isDigit, isWordAscii } from './chars';

export const HANDLE_SOURCE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?';
// A mention is `@handle` after the line start or one of \s ( [ { " ' « „ “ , ; : /, a tag `#tag` after the
// line start or one of \s ( [ { " ' « „ “ , ;: the same as matching
// /(?<=^|[\s(\[{"'«„“,;:/])@(HANDLE_SOURCE)/gu and /(?<=^|[\s([{"'«„“,;])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu,
// without running a look-behind at every position of every line.
const HANDLE_AT = new RegExp(HANDLE_SOURCE, 'uy');
const TAG_AT = /[\p{L}\p{N}_][\p{L}\p{N}_/-]*/uy;

/** ( [ { " ' , ; « „ “ */
function isOpenerOrComma(c: number): boolean {
  return (
    c === Ch.OpenParen ||
    c === Ch.OpenBracket ||
    c === Ch.OpenBrace ||
    c === Ch.DoubleQuote ||
    c === Ch.Apostrophe ||
    c === Ch.Comma ||
    c === Ch.Semicolon ||
    c === Ch.LeftGuillemet ||
    c === Ch.LowDoubleQuote ||
    c === Ch.LeftDoubleQuote
  );
}
/** Whether a mention may start after the character `c`. */
export const mentionMayFollow = (c: number): boolean => isJsSpace(c) || isOpenerOrComma(c) || c === Ch.Colon || c === Ch.Slash;
/** Whether a tag may start after the character `c`. */
export const tagMayFollow = (c: number): boolean => isJsSpace(c) || isOpenerOrComma(c);

/** The end of a handle starting at `pos`, or -1. */
export function handleEnd(s: string, pos: number): number {
  // Most handles are ASCII: the last letter, digit or `_` of the run of those, `.` and `-` that starts
  // with one. A run reaching any other character leaves the decision to the regular expression.
  let end = -1;
  for (let k = pos; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= Ch.NonAscii) {
      HANDLE_AT.lastIndex = pos;
      return HANDLE_AT.test(s) ? HANDLE_AT.lastIndex : -1;
    }
    if (isWordAscii(c)) end = k + 1;
    else if (k === pos || (c !== Ch.Dot && c !== Ch.Hyphen)) break;
  }
  return end;
}

/** The end of a tag starting at `pos`, or -1. */
export function tagEnd(s: string, pos: number): number {
  // As handleEnd: the run of ASCII letters, digits, `_`, `/` and `-` that starts with one of the first three.
  let k = pos;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= Ch.NonAscii) {
      TAG_AT.lastIndex = pos;
      return TAG_AT.test(s) ? TAG_AT.lastIndex : -1;
    }
    if (!(isWordAscii(c) || (k > pos && (c === Ch.Slash || c === Ch.Hyphen)))) break;
  }
  return k > pos ? k : -1;
}

/** Whether a line is whitespace only (as `s.trim() === ''`). */
export function isBlank(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isJsSpace(s.charCodeAt(k))) return false;
  return true;
}

/** The length of the whitespace a line starts with (as `s.length - s.trimStart().length`). */
export function leadingSpace(s: string): number {
  let k = 0;
  while (k < s.length && isJsSpace(s.charCodeAt(k))) k++;
  return k;
}

/** `from` moved over spaces and tabs. */
export function skipBlanks(s: string, from: number): number {
  while (isBlankChar(s.charCodeAt(from))) from++;
  return from;
}

/** `to` moved back over the whitespace before it, not past `from` (as `trimEnd` on `s.slice(from, to)`). */
export function trimmedEnd(s: string, from: number, to: number): number {
  while (to > from && isJsSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

/** `from` moved over whitespace, not past `to`. */
export function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isJsSpace(s.charCodeAt(from))) from++;
  return from;
}

/** Whether `word` is at `at`, followed by whitespace before `end` (as /^word(?=\s)/ on `s.slice(at, end)`). */
export function wordAt(s: string, at: number, word: string, end: number): boolean {
  return at + word.length < end && s.startsWith(word, at) && isJsSpace(s.charCodeAt(at + word.length));
}

/** The keyword of a line, lower-cased: a tracked kind, `urgent`, or a note kind. */
export type Keyword = TrackedKind | 'urgent' | NoteKind;
/** The keywords a line can start with, as written. */
export const KEYWORDS = ['PROMISE', 'WAITING', 'SCOPE', 'URGENT', 'APOLOGY', 'REFUSAL', 'ESCALATION'] as const;
const KEYWORD_KINDS: readonly Keyword[] = ['promise', 'waiting', 'scope', 'urgent', 'apology', 'refusal', 'escalation'];
/** The index in KEYWORDS of the keyword starting with an ASCII letter, or -1 (the seven start with seven letters). */
const KEYWORD_BY_FIRST = new Int8Array(Ch.NonAscii).fill(-1);
KEYWORDS.forEach((w, k) => (KEYWORD_BY_FIRST[w.charCodeAt(0)] = k));

/**
 * The keyword a line starts with, lower-cased (the same length as written), when it is followed by
 * whitespace, ":" or the end of the line: /^(PROMISE|WAITING|SCOPE|URGENT|APOLOGY|REFUSAL|ESCALATION)(?=[\s:]|$)/
 * without running a regular expression on every line that starts with a capital letter. `first` is the
 * line's first character code.
 */
export function keywordOf(s: string, first: number = s.charCodeAt(0)): Keyword | undefined {
  const k = first < Ch.NonAscii ? KEYWORD_BY_FIRST[first] : -1;
  if (k < 0) return undefined;
  const word = KEYWORDS[k];
  // The first letter matched; the rest compared code by code (a startsWith call cost more, on every line
  // starting with one of the seven letters: "Agreed", "Sent", "Prices"…).
  for (let j = 1; j < word.length; j++) if (s.charCodeAt(j) !== word.charCodeAt(j)) return undefined;
  const c = s.charCodeAt(word.length);
  return word.length === s.length || c === Ch.Colon || isJsSpace(c) ? KEYWORD_KINDS[k] : undefined;
}

/** Whether `kw` names a tracked item (PROMISE, WAITING, SCOPE). */
export function isTrackedKeyword(kw: Keyword | undefined): kw is TrackedKind {
  return kw === 'promise' || kw === 'waiting' || kw === 'scope';
}

/** Whether `s` holds `\d{4}-\d{2}-\d{2}` at `pos` (past the end, `charCodeAt` gives NaN, no digit). */
export function isoShapeAt(s: string, pos: number): boolean {
  return (
    isDigit(s.charCodeAt(pos)) &&
    isDigit(s.charCodeAt(pos + 1)) &&
    isDigit(s.charCodeAt(pos + 2)) &&
    isDigit(s.charCodeAt(pos + 3)) &&
    s.charCodeAt(pos + 4) === Ch.Hyphen &&
    isDigit(s.charCodeAt(pos + 5)) &&
    isDigit(s.charCodeAt(pos + 6)) &&
    s.charCodeAt(pos + 7) === Ch.Hyphen &&
    isDigit(s.charCodeAt(pos + 8)) &&
    isDigit(s.charCodeAt(pos + 9))
  );
}

const digits2 = (s: string, at: number) => (s.charCodeAt(at) - Ch.Digit0) * 10 + s.charCodeAt(at + 1) - Ch.Digit0;

/** A comma, semicolon or colon: punctuation after a date or time, not part of it. */
const isTrailingPunctuation = (c: number) => c === Ch.Comma || c === Ch.Semicolon || c === Ch.Colon;

// The strings of the dates from 1900-01-01 to 2099-12-31 that readDate has met, by day (31 slots a month):
// a log repeats its dates, so one string each rather than one per date written, and no slice to make.
// Ten characters: strings of their own, which keep no file's text alive. (A cache shared by every parse:
// the same date always maps to the same string.)
const FIRST_CACHED_YEAR = 1900;
const CACHED_YEARS = 200;
const DAYS_A_YEAR_SLOTS = 12 * 31;
const DATE_STRINGS: (string | undefined)[] = new Array<string | undefined>(CACHED_YEARS * DAYS_A_YEAR_SLOTS);

/** The longest note field label, in characters (a longer "label" is a sentence with a colon in it). */
const MAX_LABEL = 60;

/**
 * One per parse: the readers that report problems and give back more than an end position. What a
 * reader read stays in the scanner's fields until the next call of the same reader (read them right after
 * the call): no object per date, time or field.
 */
export class Scanner {
  /** readDate: where the date token starts, and the ISO date (undefined unless a valid ISO date). */
  dateStart = 0;
  dateIso: string | undefined = undefined;
  /** readTime: where the time starts, and `HH:MM` (undefined when no real time of day). */
  timeStart = 0;
  timeValue: string | undefined = undefined;
  /** fieldAt: the label of the note field. */
  labelStart = 0;
  labelEnd = 0;

  /** Where the problems go: at most KEPT_PER_LINE of a code per line (see core/limits.ts). */
  private readonly sink: PerLineCap;

  constructor(problems: Problem[]) {
    this.sink = new PerLineCap(problems);
  }

  /** Reports a problem of the line being read. */
  report(p: Problem): void {
    this.sink.push(p);
  }

  /** Call once the last line is read (writes the counts of the problems left out). */
  done(): void {
    this.sink.flush();
  }

  /**
   * Reads a date token starting at `pos` (after spaces): returns its end, or -1 when the token does not
   * look like a date at all; sets dateStart and dateIso. Reports `date.invalid` / `date.format` (only
   * when it returns an end).
   */
  readDate(s: string, line: number, pos: number): number {
    pos = skipBlanks(s, pos);
    this.dateStart = pos;
    this.dateIso = undefined;
    // The common case, without regular expressions and reading each character once: ten characters of
    // `\d{4}-\d{2}-\d{2}` (what looksLikeDate and isIsoDate check) and then, up to a space or control
    // character or the end, only the punctuation that is not part of the token.
    if (isoShapeAt(s, pos)) {
      let after = pos + 10;
      // (Not past the end: one charCodeAt there, NaN, would throw readDate out of optimised code.)
      while (after < s.length && isTrailingPunctuation(s.charCodeAt(after))) after++;
      if (after >= s.length || s.charCodeAt(after) <= Ch.Space) {
        const end = pos + 10;
        const y = digits2(s, pos) * 100 + digits2(s, pos + 2);
        const m = digits2(s, pos + 5);
        const d = digits2(s, pos + 8);
        if (isValidDate(y, m, d)) {
          const slot =
            y >= FIRST_CACHED_YEAR && y < FIRST_CACHED_YEAR + CACHED_YEARS ? (y - FIRST_CACHED_YEAR) * DAYS_A_YEAR_SLOTS + (m - 1) * 31 + (d - 1) : -1;
          this.dateIso = slot >= 0 ? (DATE_STRINGS[slot] ??= s.slice(pos, end)) : s.slice(pos, end);
        } else {
          this.report({ code: 'date.invalid', range: lineRange(line, pos, end), data: { text: s.slice(pos, end) } });
        }
        return end;
      }
    }
    // Every spelling looksLikeDate accepts starts with a digit.
    if (!isDigit(s.charCodeAt(pos))) return -1;
    let end = pos;
    while (end < s.length && s.charCodeAt(end) > Ch.Space) end++;
    // A trailing comma, semicolon or colon is punctuation, not part of the date.
    while (end > pos && isTrailingPunctuation(s.charCodeAt(end - 1))) end--;
    const token = s.slice(pos, end);
    if (!looksLikeDate(token)) return -1;
    const suggestion = isoFromOtherSpelling(token);
    this.report({ code: 'date.format', range: lineRange(line, pos, end), data: { text: detach(token), suggestion: suggestion || undefined } });
    return end;
  }

  /**
   * Reads `H:MM` or `HH:MM` at `pos` (after spaces), as /^(\d{1,2}:\d{2})(?=\s|$|[,;]|:(?!\d))/ (a trailing
   * comma, semicolon or colon is punctuation, as after a date: "17:00: call", but "17:00:30" is no time).
   * Returns its end, or -1; sets timeStart and timeValue (`HH:MM`, undefined when no real time of day,
   * which is reported as `date.invalid`).
   */
  readTime(s: string, line: number, pos: number): number {
    const p = skipBlanks(s, pos);
    if (!isDigit(s.charCodeAt(p))) return -1;
    const colon = isDigit(s.charCodeAt(p + 1)) ? p + 2 : p + 1;
    if (s.charCodeAt(colon) !== Ch.Colon || !isDigit(s.charCodeAt(colon + 1)) || !isDigit(s.charCodeAt(colon + 2))) return -1;
    const end = colon + 3;
    const after = s.charCodeAt(end);
    if (!(end === s.length || isJsSpace(after) || after === Ch.Comma || after === Ch.Semicolon || (after === Ch.Colon && !isDigit(s.charCodeAt(end + 1)))))
      return -1;
    const text = s.slice(p, end);
    const hours = colon === p + 2 ? digits2(s, p) : s.charCodeAt(p) - Ch.Digit0;
    this.timeStart = p;
    if (hours <= 23 && digits2(s, colon + 1) <= 59) {
      this.timeValue = colon === p + 2 ? text : `0${text}`;
    } else {
      this.timeValue = undefined;
      this.report({ code: 'date.invalid', range: lineRange(line, p, end), data: { text, time: true } });
    }
    return end;
  }

  /**
   * A note field line `  Label: value`: the value's start, or -1; the label is at labelStart to labelEnd.
   * The same as matching /^([ \t]+)([^:\s][^:]{0,59}?)\s*:(?:\s+|$)/ (the label group is the text up to the
   * first colon without its trailing whitespace, at most 60 characters; the match ends after the
   * whitespace following the colon), without the match arrays.
   */
  fieldAt(t: string): number {
    const k = skipBlanks(t, 0);
    const c = t.charCodeAt(k);
    if (k === 0 || k === t.length || c === Ch.Colon || isJsSpace(c)) return -1;
    const colon = t.indexOf(':', k);
    if (colon < 0) return -1;
    const labelEnd = trimmedEnd(t, k, colon);
    if (labelEnd - k > MAX_LABEL) return -1;
    let v = colon + 1;
    if (v < t.length) {
      if (!isJsSpace(t.charCodeAt(v))) return -1;
      v = skipSpace(t, v, t.length);
    }
    this.labelStart = k;
    this.labelEnd = labelEnd;
    return v;
  }
}
