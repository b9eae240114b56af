import { parseFrontMatter } from './frontMatter';
import { isIsoDate, isLeapYear, isoFromOtherSpelling, looksLikeDate } from './dates';
import type {
  ClientLog,
  Entry,
  FrontMatter,
  HistoryEvent,
  HistoryVerb,
  Mention,
  Note,
  NoteField,
  NoteKind,
  Problem,
  Tag,
  Tracked,
  TrackedKind,
  TrackedState,
  Triage,
  Urgent,
} from './model';
import { fieldKey, triageOf } from './notes';
import { detach, isJsSpace, lineRange, splitLines, type Range } from './text';

export interface ParseOptions {
  /** The file name or path; its base name without `.clientlog` names the client when the front matter does not. */
  readonly fileName?: string;
}

export const HANDLE_SOURCE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?';
// A mention is `@handle` after the line start or one of \s ( [ { " ' « „ “ , ; : /, a tag `#tag` after the
// line start or one of \s ( [ { " ' « „ “ , ;: the same as matching
// /(?<=^|[\s(\[{"'«„“,;:/])@(HANDLE_SOURCE)/gu and /(?<=^|[\s([{"'«„“,;])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu,
// without running a look-behind at every position of every line.
const HANDLE_AT = new RegExp(HANDLE_SOURCE, 'uy');
const TAG_AT = /[\p{L}\p{N}_][\p{L}\p{N}_/-]*/uy;
// ( [ { " ' , ; « „ “
function isOpenerOrComma(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 44 || c === 59 || c === 0xab || c === 0x201e || c === 0x201c;
}
const MENTION_BEFORE = (c: number) => isJsSpace(c) || isOpenerOrComma(c) || c === 58 || c === 47;
const TAG_BEFORE = (c: number) => isJsSpace(c) || isOpenerOrComma(c);
/** Letters, digits and `_` of ASCII (what `\w` matches). */
function isWordAscii(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
/** The end of a handle starting at `pos`, or -1. */
function handleEnd(s: string, pos: number): number {
  // Most handles are ASCII: the last letter, digit or `_` of the run of those, `.` and `-` that starts
  // with one. A run reaching any other character leaves the decision to the regular expression.
  let end = -1;
  for (let k = pos; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) {
      HANDLE_AT.lastIndex = pos;
      return HANDLE_AT.test(s) ? HANDLE_AT.lastIndex : -1;
    }
    if (isWordAscii(c)) end = k + 1;
    else if (k === pos || (c !== 46 && c !== 45)) break;
  }
  return end;
}
/** The end of a tag starting at `pos`, or -1. */
function tagEnd(s: string, pos: number): number {
  // As handleEnd: the run of ASCII letters, digits, `_`, `/` and `-` that starts with one of the first three.
  let k = pos;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) {
      TAG_AT.lastIndex = pos;
      return TAG_AT.test(s) ? TAG_AT.lastIndex : -1;
    }
    if (!(isWordAscii(c) || (k > pos && (c === 47 || c === 45)))) break;
  }
  return k > pos ? k : -1;
}

// The model objects the parser makes keep their positions as numbers and build a plain `Range` on each
// read (prototype getters): a Range is three heap objects, and a log holds millions of them otherwise.
// Own properties are data only, so models still compare with deepStrictEqual; never spread one of these
// (a spread loses the getters): use the constructors or the `shift…` helpers below.

function lr(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export class TrackedItem implements Tracked {
  declare readonly kind: TrackedKind;
  declare readonly line: number;
  declare readonly lineLength: number;
  declare readonly date: string | undefined;
  declare readonly dateStart: number;
  declare readonly dateEnd: number;
  declare readonly time: string | undefined;
  declare readonly timeStart: number;
  declare readonly timeEnd: number;
  declare readonly text: string;
  declare readonly textStart: number;
  declare readonly history: readonly HistoryEvent[];
  declare readonly state: TrackedState;
  declare readonly closedOn: string | undefined;
  declare readonly entry: number;
  declare readonly handles: readonly string[];
  declare readonly tags: readonly string[];
  constructor(
    kind: TrackedKind,
    line: number,
    lineLength: number,
    date: string | undefined,
    dateStart: number,
    dateEnd: number,
    time: string | undefined,
    timeStart: number,
    timeEnd: number,
    text: string,
    textStart: number,
    history: readonly HistoryEvent[],
    state: TrackedState,
    closedOn: string | undefined,
    entry: number,
    handles: readonly string[],
    tags: readonly string[],
  ) {
    this.kind = kind;
    this.line = line;
    this.lineLength = lineLength;
    this.date = date;
    this.dateStart = dateStart;
    this.dateEnd = dateEnd;
    this.time = time;
    this.timeStart = timeStart;
    this.timeEnd = timeEnd;
    this.text = text;
    this.textStart = textStart;
    this.history = history;
    this.state = state;
    this.closedOn = closedOn;
    this.entry = entry;
    this.handles = handles;
    this.tags = tags;
  }
  get range(): Range {
    return lr(this.line, 0, this.lineLength);
  }
  get dateRange(): Range | undefined {
    return this.dateStart < 0 ? undefined : lr(this.line, this.dateStart, this.dateEnd);
  }
  get timeRange(): Range | undefined {
    return this.timeStart < 0 ? undefined : lr(this.line, this.timeStart, this.timeEnd);
  }
  get textRange(): Range {
    return lr(this.line, this.textStart, this.textStart + this.text.length);
  }
}

export class EntryItem implements Entry {
  declare readonly line: number;
  declare readonly lineLength: number;
  declare readonly date: string | undefined;
  declare readonly time: string | undefined;
  declare readonly title: string;
  declare readonly titleStart: number;
  declare endLine: number;
  declare lastContentLine: number;
  constructor(line: number, lineLength: number, date: string | undefined, time: string | undefined, title: string, titleStart: number, endLine: number, lastContentLine: number) {
    this.line = line;
    this.lineLength = lineLength;
    this.date = date;
    this.time = time;
    this.title = title;
    this.titleStart = titleStart;
    this.endLine = endLine;
    this.lastContentLine = lastContentLine;
  }
  get range(): Range {
    return lr(this.line, 0, this.lineLength);
  }
  get titleRange(): Range {
    return lr(this.line, this.titleStart, this.titleStart + this.title.length);
  }
}

export class UrgentItem implements Urgent {
  declare readonly line: number;
  declare readonly lineLength: number;
  declare readonly triage: Triage | undefined;
  declare readonly text: string;
  declare readonly entry: number;
  constructor(line: number, lineLength: number, triage: Triage | undefined, text: string, entry: number) {
    this.line = line;
    this.lineLength = lineLength;
    this.triage = triage;
    this.text = text;
    this.entry = entry;
  }
  get range(): Range {
    return lr(this.line, 0, this.lineLength);
  }
}

export class NoteFieldItem implements NoteField {
  declare readonly key: string | undefined;
  declare readonly label: string;
  declare value: string;
  declare readonly line: number;
  declare readonly labelStart: number;
  declare readonly valueStart: number;
  declare valueEndLine: number;
  declare valueEnd: number;
  constructor(key: string | undefined, label: string, value: string, line: number, labelStart: number, valueStart: number, valueEndLine: number, valueEnd: number) {
    this.key = key;
    this.label = label;
    this.value = value;
    this.line = line;
    this.labelStart = labelStart;
    this.valueStart = valueStart;
    this.valueEndLine = valueEndLine;
    this.valueEnd = valueEnd;
  }
  get labelRange(): Range {
    return lr(this.line, this.labelStart, this.labelStart + this.label.length);
  }
  get valueRange(): Range {
    return { start: { line: this.line, character: this.valueStart }, end: { line: this.valueEndLine, character: this.valueEnd } };
  }
}

export class NoteItem implements Note {
  declare readonly kind: NoteKind;
  declare readonly line: number;
  declare readonly endLine: number;
  declare readonly lineLength: number;
  declare readonly title: string;
  declare readonly fields: readonly NoteField[];
  declare readonly entry: number;
  constructor(kind: NoteKind, line: number, endLine: number, lineLength: number, title: string, fields: readonly NoteField[], entry: number) {
    this.kind = kind;
    this.line = line;
    this.endLine = endLine;
    this.lineLength = lineLength;
    this.title = title;
    this.fields = fields;
    this.entry = entry;
  }
  get range(): Range {
    return lr(this.line, 0, this.lineLength);
  }
}

export class MentionItem implements Mention {
  declare readonly handle: string;
  declare readonly line: number;
  declare readonly start: number;
  declare readonly end: number;
  constructor(handle: string, line: number, start: number, end: number) {
    this.handle = handle;
    this.line = line;
    this.start = start;
    this.end = end;
  }
  get range(): Range {
    return lr(this.line, this.start, this.end);
  }
}

export class TagItem implements Tag {
  declare readonly tag: string;
  declare readonly line: number;
  declare readonly start: number;
  declare readonly end: number;
  constructor(tag: string, line: number, start: number, end: number) {
    this.tag = tag;
    this.line = line;
    this.start = start;
    this.end = end;
  }
  get range(): Range {
    return lr(this.line, this.start, this.end);
  }
}

function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

/** The line a parsed model object starts on (cheaper than `x.range.start.line` for the parser's objects). */
export function startLine(x: Mention | Tag): number {
  return x instanceof MentionItem || x instanceof TagItem ? x.line : x.range.start.line;
}

/** A copy `d` lines further down, in entry `entry`. */
export function shiftTracked(t: Tracked, d: number, entry: number): Tracked {
  const x = t as TrackedItem;
  return new TrackedItem(
    x.kind,
    x.line + d,
    x.lineLength,
    x.date,
    x.dateStart,
    x.dateEnd,
    x.time,
    x.timeStart,
    x.timeEnd,
    x.text,
    x.textStart,
    x.history.length > 0 ? x.history.map((h): HistoryEvent => ({ ...h, range: shiftRange(h.range, d) })) : x.history,
    x.state,
    x.closedOn,
    entry,
    x.handles,
    x.tags,
  );
}

export function shiftEntry(e: Entry, d: number): Entry {
  const x = e as EntryItem;
  return new EntryItem(x.line + d, x.lineLength, x.date, x.time, x.title, x.titleStart, x.endLine + d, x.lastContentLine + d);
}

export function shiftUrgent(u: Urgent, d: number, entry: number): Urgent {
  const x = u as UrgentItem;
  return new UrgentItem(x.line + d, x.lineLength, x.triage, x.text, entry);
}

export function shiftNote(n: Note, d: number, entry: number): Note {
  const x = n as NoteItem;
  const fields = x.fields.map((f) => {
    const y = f as NoteFieldItem;
    return new NoteFieldItem(y.key, y.label, y.value, y.line + d, y.labelStart, y.valueStart, y.valueEndLine + d, y.valueEnd);
  });
  return new NoteItem(x.kind, x.line + d, x.endLine + d, x.lineLength, x.title, fields, entry);
}

export function shiftMention(m: Mention, d: number): Mention {
  const x = m as MentionItem;
  return new MentionItem(x.handle, x.line + d, x.start, x.end);
}

export function shiftTag(t: Tag, d: number): Tag {
  const x = t as TagItem;
  return new TagItem(x.tag, x.line + d, x.start, x.end);
}

/** Turns the text of a `.clientlog` file into its model. Linear in the text; never throws. */
export function parse(text: string, options: ParseOptions = {}): ClientLog {
  const { lines, eol, bom } = splitLines(text);
  return parseLines(lines, eol, bom, options);
}

/** `parse` over text already split into lines (see `splitLines`). */
export function parseLines(lines: readonly string[], eol: '\n' | '\r\n', bom: boolean, options: ParseOptions = {}): ClientLog {
  const problems: Problem[] = [];
  let frontMatter: FrontMatter | undefined;
  let bodyStart = 0;
  try {
    const fm = parseFrontMatter(lines, problems);
    frontMatter = fm.frontMatter;
    bodyStart = fm.bodyStart;
  } catch {
    // parseFrontMatter reports its own problems; a failure here must not stop the body from parsing.
  }

  const body = parseBody(lines, bodyStart, lines.length, 0, problems);

  let client = frontMatter?.client ?? '';
  if (!client && options.fileName) {
    const base = options.fileName.replace(/\\/g, '/').split('/').pop() ?? '';
    client = base.replace(/\.clientlog$/i, '');
  }

  return {
    client,
    frontMatter,
    entries: body.entries,
    items: body.items,
    urgents: body.urgents,
    notes: body.notes,
    mentions: body.mentions,
    tags: body.tags,
    problems,
    lineCount: lines.length,
    eol,
    bom,
  };
}

/** What the body lines `from`..`to-1` hold (see `parseBody`). */
export interface BodyPart {
  readonly entries: Entry[];
  readonly items: Tracked[];
  readonly urgents: Urgent[];
  readonly notes: Note[];
  readonly mentions: Mention[];
  readonly tags: Tag[];
}

/**
 * Parses the body lines `from` (inclusive) to `to` (exclusive), appending format problems to `problems`.
 * Entry indices start at `entryBase`. The result equals the matching part of a whole-file parse when
 * `from` is the body start or an entry heading line, and `to` is an entry heading line or the line count:
 * nothing in the format crosses an entry heading (used by the incremental re-parser). `lines[k]` holds
 * line `base + k` (the incremental re-parser passes only the lines it re-parses).
 */
export function parseBody(lines: readonly string[], from: number, to: number, entryBase: number, problems: Problem[], base = 0): BodyPart {
  const entries: EntryItem[] = [];
  const items: Tracked[] = [];
  const urgents: Urgent[] = [];
  const notes: Note[] = [];
  const mentions: MentionItem[] = [];
  const tags: TagItem[] = [];

  const entryEnds: number[] = [];
  let current = -1;
  const closeEntry = (endLine: number) => {
    if (current >= 0) entryEnds[current] = endLine;
  };
  const entryLast: number[] = [];
  const entryIndex = () => (current >= 0 ? entryBase + current : -1);

  const scanInline = (line: number, s: string, from: number, to: number) => {
    for (let at = s.indexOf('@', from); at !== -1 && at < to; ) {
      const end = at === 0 || MENTION_BEFORE(s.charCodeAt(at - 1)) ? handleEnd(s, at + 1) : -1;
      if (end > 0) {
        mentions.push(new MentionItem(detach(s.slice(at + 1, end)), line, at, end));
        at = s.indexOf('@', end);
      } else {
        at = s.indexOf('@', at + 1);
      }
    }
    for (let at = s.indexOf('#', from); at !== -1 && at < to; ) {
      const end = at === 0 || TAG_BEFORE(s.charCodeAt(at - 1)) ? tagEnd(s, at + 1) : -1;
      if (end > 0) {
        tags.push(new TagItem(detach(s.slice(at + 1, end)), line, at, end));
        at = s.indexOf('#', end);
      } else {
        at = s.indexOf('#', at + 1);
      }
    }
  };

  for (let i = from; i < to; i++) {
    const s = lines[i - base];
    const first = s.charCodeAt(0);
    if (s.length === 0 || (first <= 32 && isBlank(s))) continue;
    // Comment lines (part of the entry's content, ignored otherwise).
    if (current >= 0 && !(first === 35 && s.startsWith('## '))) entryLast[current] = i;
    if ((first === 47 || first === 32 || first === 9) && s.startsWith('//', leadingSpace(s))) continue;

    // Entry heading.
    if (first === 35 && s.startsWith('## ')) {
      const e = parseHeading(s, i, problems);
      if (e) {
        closeEntry(i - 1);
        current = entries.length;
        entries.push(e);
        entryLast[current] = i;
        scanInline(i, s, e.titleStart, s.length);
        continue;
      }
    }

    const kw = keywordOf(s, first);
    if (kw !== undefined) {
      if (kw === 'promise' || kw === 'waiting' || kw === 'scope') {
        const m0 = mentions.length;
        const t0 = tags.length;
        scanInline(i, s, kw.length, s.length);
        items.push(parseTracked(s, i, kw, entryIndex(), problems, mentions, m0, tags, t0));
        continue;
      }
      if (kw === 'urgent') {
        urgents.push(parseUrgent(s, i, entryIndex()));
        scanInline(i, s, kw.length, s.length);
        continue;
      }
      // A note block: the header and the indented lines under it.
      const kind = kw;
      const fields: NoteFieldItem[] = [];
      let end = i;
      let fieldIndent = -1;
      for (let j = i + 1; j < to; j++) {
        const t = lines[j - base];
        const c = t.charCodeAt(0);
        if (!(c === 32 || c === 9) || isBlank(t)) break;
        end = j;
        const valueStart = fieldAt(t);
        // The label starts after the indentation, so fieldLabelStart is the line's indent.
        if (valueStart >= 0 && (fieldIndent < 0 || fieldLabelStart <= fieldIndent)) {
          if (fieldIndent < 0) fieldIndent = fieldLabelStart;
          const label = detach(t.slice(fieldLabelStart, fieldLabelEnd));
          // "  Fix: " has an empty value.
          const valueEnd = trimmedEnd(t, valueStart, t.length);
          fields.push(new NoteFieldItem(fieldKey(kind, label), label, detach(t.slice(valueStart, valueEnd)), j, fieldLabelStart, valueStart, j, valueEnd));
          scanInline(j, t, valueStart, t.length);
        } else if (fields.length > 0) {
          const prev = fields[fields.length - 1];
          const more = t.trim();
          prev.value = detach(prev.value ? `${prev.value} ${more}` : more);
          prev.valueEndLine = j;
          prev.valueEnd = t.trimEnd().length;
          scanInline(j, t, 0, t.length);
        } else {
          scanInline(j, t, 0, t.length);
        }
      }
      notes.push(new NoteItem(kind, i, end, s.length, detach(s.slice(kind.length).trim()), fields, entryIndex()));
      if (current >= 0) entryLast[current] = end;
      scanInline(i, s, kind.length, s.length);
      i = end;
      continue;
    }

    scanInline(i, s, 0, s.length);
  }
  closeEntry(to - 1);

  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    e.endLine = entryEnds[k] ?? e.line;
    e.lastContentLine = entryLast[k] ?? e.line;
  }
  return { entries, items, urgents, notes, mentions, tags };
}

/** Whether a line is whitespace only (as `s.trim() === ''`). */
function isBlank(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isJsSpace(s.charCodeAt(k))) return false;
  return true;
}

/** The length of the whitespace a line starts with (as `s.length - s.trimStart().length`). */
function leadingSpace(s: string): number {
  let k = 0;
  while (k < s.length && isJsSpace(s.charCodeAt(k))) k++;
  return k;
}

/** `to` moved back over the whitespace before it, not past `from` (as `trimEnd` on `s.slice(from, to)`). */
function trimmedEnd(s: string, from: number, to: number): number {
  while (to > from && isJsSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

/** `from` moved over whitespace, not past `to`. */
function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isJsSpace(s.charCodeAt(from))) from++;
  return from;
}

/** Whether `word` is at `at`, followed by whitespace before `end` (as /^word(?=\s)/ on `s.slice(at, end)`). */
function wordAt(s: string, at: number, word: string, end: number): boolean {
  return at + word.length < end && s.startsWith(word, at) && isJsSpace(s.charCodeAt(at + word.length));
}

type Keyword = TrackedKind | 'urgent' | NoteKind;
const KEYWORDS = ['PROMISE', 'WAITING', 'SCOPE', 'URGENT', 'APOLOGY', 'REFUSAL', 'ESCALATION'];
const KEYWORD_KINDS: readonly Keyword[] = ['promise', 'waiting', 'scope', 'urgent', 'apology', 'refusal', 'escalation'];

/**
 * The keyword a line starts with, lower-cased (the same length as written), when it is followed by
 * whitespace, ":" or the end of the line: /^(PROMISE|WAITING|SCOPE|URGENT|APOLOGY|REFUSAL|ESCALATION)(?=[\s:]|$)/
 * without running a regular expression on every line that starts with a capital letter.
 */
function keywordOf(s: string, first: number): Keyword | undefined {
  // The seven keywords start with seven different letters.
  const k = first === 80 ? 0 : first === 87 ? 1 : first === 83 ? 2 : first === 85 ? 3 : first === 65 ? 4 : first === 82 ? 5 : first === 69 ? 6 : -1;
  if (k < 0) return undefined;
  const word = KEYWORDS[k];
  if (!s.startsWith(word)) return undefined;
  const c = s.charCodeAt(word.length);
  return word.length === s.length || c === 58 || isJsSpace(c) ? KEYWORD_KINDS[k] : undefined;
}

// Where fieldAt found the label (module state rather than an object per line; read right after the call).
let fieldLabelStart = 0;
let fieldLabelEnd = 0;

/**
 * A note field line `  Label: value`: the value's start, or -1; the label is at fieldLabelStart to
 * fieldLabelEnd. The same as matching /^([ \t]+)([^:\s][^:]{0,59}?)\s*:(?:\s+|$)/ (the label group is the
 * text up to the first colon without its trailing whitespace, at most 60 characters; the match ends after
 * the whitespace following the colon), without the match arrays.
 */
function fieldAt(t: string): number {
  let k = 0;
  while (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 9) k++;
  const c = t.charCodeAt(k);
  if (k === 0 || k === t.length || c === 58 || isJsSpace(c)) return -1;
  const colon = t.indexOf(':', k);
  if (colon < 0) return -1;
  const labelEnd = trimmedEnd(t, k, colon);
  if (labelEnd - k > 60) return -1;
  let v = colon + 1;
  if (v < t.length) {
    if (!isJsSpace(t.charCodeAt(v))) return -1;
    v = skipSpace(t, v, t.length);
  }
  fieldLabelStart = k;
  fieldLabelEnd = labelEnd;
  return v;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether `s` holds `\d{4}-\d{2}-\d{2}` at `pos` (past the end, `charCodeAt` gives NaN, no digit). */
function isoShapeAt(s: string, pos: number): boolean {
  return (
    isDigit(s.charCodeAt(pos)) &&
    isDigit(s.charCodeAt(pos + 1)) &&
    isDigit(s.charCodeAt(pos + 2)) &&
    isDigit(s.charCodeAt(pos + 3)) &&
    s.charCodeAt(pos + 4) === 45 &&
    isDigit(s.charCodeAt(pos + 5)) &&
    isDigit(s.charCodeAt(pos + 6)) &&
    s.charCodeAt(pos + 7) === 45 &&
    isDigit(s.charCodeAt(pos + 8)) &&
    isDigit(s.charCodeAt(pos + 9))
  );
}

const digits2 = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `isValidDate` for a four-digit year, without its array per call. */
function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && (d <= MONTH_DAYS[m - 1] || (m === 2 && d === 29 && isLeapYear(y)));
}

// The strings of the dates from 1900-01-01 to 2099-12-31 that readDate has met, by day (31 slots a month):
// a log repeats its dates, so one string each rather than one per date written, and no slice to make.
// Ten characters: strings of their own, which keep no file's text alive.
const DATE_STRINGS: (string | undefined)[] = new Array<string | undefined>(200 * 372);

// What readDate and readTime read besides the end they return: module state rather than an object per
// date (the parser is synchronous; each caller reads these right after the call that set them).
let dateStart = 0;
let dateIso: string | undefined;
let timeStart = 0;
let timeValue: string | undefined;

/**
 * Reads a date token starting at `pos` (after spaces): returns its end, or -1 when the token does not
 * look like a date at all; sets dateStart and dateIso (undefined unless a valid ISO date). Reports
 * `date.invalid` / `date.format` (only when it returns an end).
 */
function readDate(s: string, line: number, pos: number, problems: Problem[]): number {
  for (let c = s.charCodeAt(pos); c === 32 || c === 9; c = s.charCodeAt(++pos));
  dateStart = pos;
  dateIso = undefined;
  // The common case, without regular expressions and reading each character once: ten characters of
  // `\d{4}-\d{2}-\d{2}` (what looksLikeDate and isIsoDate check) and then, up to a space or control
  // character or the end, only the punctuation that is not part of the token.
  if (isoShapeAt(s, pos)) {
    let after = pos + 10;
    for (let c = s.charCodeAt(after); c === 44 || c === 59 || c === 58; c = s.charCodeAt(++after));
    if (after >= s.length || s.charCodeAt(after) <= 32) {
      const end = pos + 10;
      const y = digits2(s, pos) * 100 + digits2(s, pos + 2);
      const m = digits2(s, pos + 5);
      const d = digits2(s, pos + 8);
      if (isValidYmd(y, m, d)) {
        const slot = y >= 1900 && y < 2100 ? (y - 1900) * 372 + m * 31 + d - 32 : -1;
        dateIso = slot >= 0 ? (DATE_STRINGS[slot] ??= s.slice(pos, end)) : s.slice(pos, end);
      } else {
        problems.push({ code: 'date.invalid', range: lineRange(line, pos, end), data: { text: s.slice(pos, end) } });
      }
      return end;
    }
  }
  // Every spelling looksLikeDate accepts starts with a digit.
  if (!isDigit(s.charCodeAt(pos))) return -1;
  let end = pos;
  while (end < s.length && s.charCodeAt(end) > 32) end++;
  // A trailing comma, semicolon or colon is punctuation, not part of the date.
  for (let c = s.charCodeAt(end - 1); end > pos && (c === 44 || c === 59 || c === 58); c = s.charCodeAt(end - 1)) end--;
  const token = s.slice(pos, end);
  if (!looksLikeDate(token)) return -1;
  const suggestion = isoFromOtherSpelling(token);
  problems.push({ code: 'date.format', range: lineRange(line, pos, end), data: { text: detach(token), suggestion: suggestion || undefined } });
  return end;
}

/**
 * Reads `H:MM` or `HH:MM` at `pos` (after spaces), as /^(\d{1,2}:\d{2})(?=\s|$|[,;]|:(?!\d))/ (a trailing
 * comma, semicolon or colon is punctuation, as after a date: "17:00: call", but "17:00:30" is no time).
 * Returns its end, or -1; sets timeStart and timeValue (`HH:MM`, undefined when no real time of day,
 * which is reported as `date.invalid`).
 */
function readTime(s: string, line: number, pos: number, problems: Problem[]): number {
  let p = pos;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  if (!isDigit(s.charCodeAt(p))) return -1;
  const colon = isDigit(s.charCodeAt(p + 1)) ? p + 2 : p + 1;
  if (s.charCodeAt(colon) !== 58 || !isDigit(s.charCodeAt(colon + 1)) || !isDigit(s.charCodeAt(colon + 2))) return -1;
  const end = colon + 3;
  const after = s.charCodeAt(end);
  if (!(end === s.length || isJsSpace(after) || after === 44 || after === 59 || (after === 58 && !isDigit(s.charCodeAt(end + 1))))) return -1;
  const text = s.slice(p, end);
  const hours = colon === p + 2 ? digits2(s, p) : s.charCodeAt(p) - 48;
  timeStart = p;
  if (hours <= 23 && digits2(s, colon + 1) <= 59) {
    timeValue = colon === p + 2 ? text : `0${text}`;
  } else {
    timeValue = undefined;
    problems.push({ code: 'date.invalid', range: lineRange(line, p, end), data: { text, time: true } });
  }
  return end;
}

function parseHeading(s: string, line: number, problems: Problem[]): EntryItem | undefined {
  let pos = 3;
  while (s.charCodeAt(pos) === 32) pos++;
  let p = readDate(s, line, pos, problems);
  if (p < 0) return undefined; // "## Notes" is a plain heading, not an entry.
  const date = dateIso;
  let time: string | undefined;
  const t = readTime(s, line, p, problems);
  if (t >= 0) {
    p = t;
    time = timeValue;
  }
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  return new EntryItem(line, s.length, date, time, detach(s.slice(p, trimmedEnd(s, p, s.length))), p, line, line);
}

const VERBS: Readonly<Record<TrackedKind, readonly HistoryVerb[]>> = {
  promise: ['kept', 'moved', 'dropped', 'broken'],
  waiting: ['received', 'moved', 'dropped'],
  scope: ['confirmed', 'declined', 'moved', 'dropped'],
};

// Shared by every item without history, handles or tags (frozen: the model is read-only).
const NO_HISTORY: readonly HistoryEvent[] = Object.freeze([]);
const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * Where the next history separator ` |` (whitespace, a bar, then whitespace or the end) starts at or
 * after `from`, or -1: a match of /\s\|(?=\s|$)/g with lastIndex `from`. The space after the bar is looked
 * at, not taken: in "x | | kept 2026-11-05" it also starts the next separator (the caller goes on from the bar).
 */
function nextCut(s: string, from: number): number {
  for (let bar = s.indexOf('|', from + 1); bar !== -1; bar = s.indexOf('|', bar + 1)) {
    if (isJsSpace(s.charCodeAt(bar - 1)) && (bar + 1 === s.length || isJsSpace(s.charCodeAt(bar + 1)))) return bar - 1;
  }
  return -1;
}

/**
 * A PROMISE, WAITING or SCOPE line. `mentions` from `m0` and `tags` from `t0` are those `scanInline` found
 * on the line after the keyword: the text's handles and tags are the ones inside it. (Scanning the text
 * alone gives the same: the character before the text is a space, or the text starts with no `@`/`#`.)
 */
function parseTracked(
  s: string,
  line: number,
  kind: TrackedKind,
  entry: number,
  problems: Problem[],
  mentions: readonly MentionItem[],
  m0: number,
  tags: readonly TagItem[],
  t0: number,
): Tracked {
  const kwLen = kind.length;
  const dEnd = readDate(s, line, kwLen, problems);
  let p = kwLen;
  let date: string | undefined;
  let dStart = -1;
  let time: string | undefined;
  let tStart = -1;
  let tEnd = -1;
  if (dEnd >= 0) {
    date = dateIso;
    dStart = dateStart;
    p = dEnd;
    const t = readTime(s, line, p, problems);
    if (t >= 0) {
      p = t;
      time = timeValue;
      tStart = timeStart;
      tEnd = t;
    }
  } else {
    problems.push({ code: 'date.missing', range: lineRange(line, 0, kwLen), data: { kind } });
  }
  // The text runs to the first " | " (looked for before the spaces after the date are skipped); history
  // segments follow.
  let cut = nextCut(s, p);
  const textEnd = cut >= 0 ? cut : s.length;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  const text = p < textEnd ? detach(s.slice(p, trimmedEnd(s, p, textEnd))) : '';
  // Arrays are made only when needed, and at their exact size (an array grown by push keeps room for 16 more).
  let history: HistoryEvent[] | undefined;
  let state: TrackedState = 'open';
  let closedOn: string | undefined;
  while (cut >= 0) {
    const next = nextCut(s, cut + 2);
    const end = next >= 0 ? next : s.length;
    let start = cut + 2;
    while (start < end && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9)) start++;
    const ev = parseSegment(s, line, start, end, kind, problems);
    if (ev) {
      if (history) history.push(ev);
      else history = [ev];
      if (ev.verb !== 'moved') {
        // Every other verb closes the item.
        state = ev.verb;
        closedOn = ev.date;
      }
    }
    cut = next;
  }
  let handles: string[] | undefined;
  let tagList: string[] | undefined;
  for (let k = m0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.start >= p && m.end <= textEnd) {
      if (handles) handles.push(m.handle);
      else handles = [m.handle];
    }
  }
  for (let k = t0; k < tags.length; k++) {
    const t = tags[k];
    if (t.start >= p && t.end <= textEnd) {
      if (tagList) tagList.push(t.tag);
      else tagList = [t.tag];
    }
  }
  return new TrackedItem(
    kind,
    line,
    s.length,
    date,
    dStart,
    dEnd,
    time,
    tStart,
    tEnd,
    text,
    p,
    history === undefined ? NO_HISTORY : history.length > 1 ? history.slice() : history,
    state,
    closedOn,
    entry,
    handles === undefined ? NO_STRINGS : handles.length > 1 ? handles.slice() : handles,
    tagList === undefined ? NO_STRINGS : tagList.length > 1 ? tagList.slice() : tagList,
  );
}

const WHO_CHAR = /^[\p{L}\p{N}_.'’\- ]$/u;
const isSpace = (c: string) => c !== '' && /\s/.test(c);

/**
 * Who agreed to a move: the shortest run of name characters (after an optional `@`) that is followed by
 * ` on ` or by nothing but spaces. The same as matching /^(@?[\p{L}\p{N}_.'’\- ]+?)(?=\s+on\s|\s*$)/u,
 * but linear: that lazy pattern rescans a run of spaces at every position in it (quadratic on long lines).
 */
function readWho(t: string): string | undefined {
  let tail = t.length;
  while (tail > 0 && isSpace(t[tail - 1])) tail--;
  let runEnd = -1;
  let i = t.charCodeAt(0) === 64 ? 1 : 0;
  while (i < t.length) {
    const cp = t.codePointAt(i)!;
    if (!(isWordAscii(cp) || cp === 46 || cp === 39 || cp === 45 || cp === 32 || (cp >= 128 && WHO_CHAR.test(String.fromCodePoint(cp))))) return undefined;
    i += cp > 0xffff ? 2 : 1;
    if (i >= tail) return t.slice(0, i);
    if (isSpace(t[i])) {
      if (runEnd < i) for (runEnd = i; runEnd < t.length && isSpace(t[runEnd]); ) runEnd++;
      if (t.startsWith('on', runEnd) && isSpace(t.charAt(runEnd + 2))) return t.slice(0, i);
    }
  }
  return undefined;
}

/**
 * The verb a segment starts with, as the constant: the word /^([A-Za-z]+)\b/ matches, in any case, when
 * it is a verb of any kind; else undefined. The first letter names the candidates.
 */
function verbAt(s: string, start: number): HistoryVerb | undefined {
  const c = s.charCodeAt(start) | 32;
  if (c === 107) return verbIs(s, start, 'kept');
  if (c === 109) return verbIs(s, start, 'moved');
  if (c === 98) return verbIs(s, start, 'broken');
  if (c === 114) return verbIs(s, start, 'received');
  if (c === 99) return verbIs(s, start, 'confirmed');
  if (c === 100) return verbIs(s, start, 'dropped') ?? verbIs(s, start, 'declined');
  return undefined;
}

/** `verb` when the segment's word is it in any case (and not followed by another letter, digit or `_`). */
function verbIs(s: string, start: number, verb: HistoryVerb): HistoryVerb | undefined {
  // `c | 32` lower-cases an ASCII letter and maps nothing else onto one.
  for (let k = 1; k < verb.length; k++) if ((s.charCodeAt(start + k) | 32) !== verb.charCodeAt(k)) return undefined;
  return isWordAscii(s.charCodeAt(start + verb.length)) ? undefined : verb;
}

const BY_NAME = /^[\p{L}\p{N}_.\-]+/u;

/** A history segment: `s` from `start` to `end` (the next separator or the line's end). */
function parseSegment(s: string, line: number, start: number, end: number, kind: TrackedKind, problems: Problem[]): HistoryEvent | undefined {
  const segEnd = trimmedEnd(s, start, end);
  const range = lineRange(line, start, segEnd);
  const verb = verbAt(s, start);
  if (verb === undefined || !VERBS[kind].includes(verb)) {
    // verbAt knows the verbs of every kind.
    return badSegment(s, start, segEnd, range, kind, verb === undefined ? 'verb' : 'verbForKind', problems);
  }
  let p = start + verb.length;
  if (verb === 'moved') {
    let q = skipSpace(s, p, end);
    if (q === p || !wordAt(s, q, 'from', end)) return badSegment(s, start, segEnd, range, kind, 'movedFrom', problems);
    p = readDate(s, line, q + 4, problems);
    if (p < 0) return badSegment(s, start, segEnd, range, kind, 'date', problems);
    const from = dateIso;
    let fromTime: string | undefined;
    const t = readTime(s, line, p, problems);
    if (t >= 0) {
      p = t;
      fromTime = timeValue;
    }
    let by: string | undefined;
    let on: string | undefined;
    q = skipSpace(s, p, end);
    if (q > p && s.startsWith('by', q) && skipSpace(s, q + 2, end) > q + 2) {
      p = skipSpace(s, q + 2, end);
      const rest = s.slice(p, end);
      const w = readWho(rest);
      if (w !== undefined) {
        by = w.trim().replace(/^@/, '');
        p += w.length;
      } else {
        // A name with other characters ("the CFO (Ivan)"): it runs to " on " or to the end.
        const k = rest.search(/\son\s/);
        const name = (k < 0 ? rest : rest.slice(0, k)).trim();
        if (name) by = name.replace(/^@/, '');
        p += k < 0 ? rest.length : k;
      }
    }
    q = skipSpace(s, p, end);
    if (q > p && wordAt(s, q, 'on', end) && readDate(s, line, q + 2, problems) >= 0) on = dateIso;
    return { verb, range, from, fromTime, by: by === undefined ? by : detach(by), date: on };
  }
  p = readDate(s, line, p, problems);
  if (p < 0) return badSegment(s, start, segEnd, range, kind, 'date', problems);
  const date = dateIso;
  if (verb === 'confirmed' || verb === 'declined') {
    // /^\s+by\s+@?([\p{L}\p{N}_.\-]+)/u
    let by: string | undefined;
    const q = skipSpace(s, p, end);
    if (q > p && s.startsWith('by', q)) {
      let r = skipSpace(s, q + 2, end);
      if (r > q + 2) {
        if (s.charCodeAt(r) === 64) r++;
        let e = r;
        while (e < end && (isWordAscii(s.charCodeAt(e)) || s.charCodeAt(e) === 46 || s.charCodeAt(e) === 45)) e++;
        // Past the ASCII characters, the regular expression decides.
        if (e < end && s.charCodeAt(e) >= 128) e = r + (BY_NAME.exec(s.slice(r, end))?.[0].length ?? 0);
        if (e > r) by = detach(s.slice(r, e));
      }
    }
    return { verb, range, date, by };
  }
  if (verb === 'broken' || verb === 'dropped') {
    let reason = s.slice(p, end).trim();
    let apology: string | undefined;
    const see = /(?:^|\s)see\s+APOLOGY\s+(\S+)/i.exec(reason);
    if (see) {
      apology = isIsoDate(see[1]) ? see[1] : undefined;
      reason = (reason.slice(0, see.index) + reason.slice(see.index + see[0].length)).trim();
    }
    return { verb, range, date, reason: reason ? detach(reason) : undefined, apology };
  }
  return { verb, range, date };
}

function badSegment(s: string, start: number, end: number, range: Range, kind: TrackedKind, why: string, problems: Problem[]): undefined {
  problems.push({ code: 'history.invalid', range, data: { text: detach(s.slice(start, end)), kind, why } });
  return undefined;
}

const TRIAGE_WORD = /\p{L}+/uy;

function parseUrgent(s: string, line: number, entry: number): Urgent {
  // /^URGENT[\s:]+(\p{L}+)/u, and the text after the keyword without the whitespace and colons that follow it.
  let k = 6;
  while (k < s.length && (s.charCodeAt(k) === 58 || isJsSpace(s.charCodeAt(k)))) k++;
  let triage: Triage | undefined;
  if (k > 6) {
    TRIAGE_WORD.lastIndex = k;
    const m = TRIAGE_WORD.exec(s);
    if (m) triage = triageOf(m[0]);
  }
  return new UrgentItem(line, s.length, triage, detach(s.slice(k)), entry);
}
