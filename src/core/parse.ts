import { parseFrontMatter } from './frontMatter';
import { isIsoDate, isoFromOtherSpelling, isValidDate, looksLikeDate, parseTime } from './dates';
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
import { detach, lineRange, splitLines, type Range } from './text';

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
/** `\s` as in JavaScript regular expressions. */
function isJsSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
// ( [ { " ' , ; « „ “
function isOpenerOrComma(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 44 || c === 59 || c === 0xab || c === 0x201e || c === 0x201c;
}
const MENTION_BEFORE = (c: number) => isJsSpace(c) || isOpenerOrComma(c) || c === 58 || c === 47;
const TAG_BEFORE = (c: number) => isJsSpace(c) || isOpenerOrComma(c);
/** The end of a handle starting at `pos`, or -1. */
function handleEnd(s: string, pos: number): number {
  HANDLE_AT.lastIndex = pos;
  return HANDLE_AT.test(s) ? HANDLE_AT.lastIndex : -1;
}
function tagEnd(s: string, pos: number): number {
  TAG_AT.lastIndex = pos;
  return TAG_AT.test(s) ? TAG_AT.lastIndex : -1;
}
const KEYWORD = /^(PROMISE|WAITING|SCOPE|URGENT|APOLOGY|REFUSAL|ESCALATION)(?=[\s:]|$)/;
const FIELD = /^([ \t]+)([^:\s][^:]{0,59}?)\s*:(?:\s+|$)/;
// The space after the bar is looked at, not taken: in "x | | kept 2026-11-05" it also starts the next separator.
const SEGMENT_SEPARATOR = /\s\|(?=\s|$)/g;

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
    if (s.length === 0 || (first <= 32 && s.trim().length === 0)) continue;
    // Comment lines (part of the entry's content, ignored otherwise).
    if (current >= 0 && !(first === 35 && s.startsWith('## '))) entryLast[current] = i;
    if ((first === 47 || first === 32 || first === 9) && s.trimStart().startsWith('//')) continue;


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

    const kw = first >= 65 && first <= 90 ? KEYWORD.exec(s) : null;
    if (kw) {
      const word = kw[1];
      if (word === 'PROMISE' || word === 'WAITING' || word === 'SCOPE') {
        const m0 = mentions.length;
        const t0 = tags.length;
        scanInline(i, s, word.length, s.length);
        items.push(parseTracked(s, i, word.toLowerCase() as TrackedKind, entryIndex(), problems, mentions, m0, tags, t0));
        continue;
      }
      if (word === 'URGENT') {
        urgents.push(parseUrgent(s, i, entryIndex()));
        scanInline(i, s, word.length, s.length);
        continue;
      }
      // A note block: the header and the indented lines under it.
      const kind = word.toLowerCase() as NoteKind;
      const fields: NoteFieldItem[] = [];
      let end = i;
      let fieldIndent = -1;
      for (let j = i + 1; j < to; j++) {
        const t = lines[j - base];
        const c = t.charCodeAt(0);
        if (!(c === 32 || c === 9) || t.trim().length === 0) break;
        end = j;
        const indent = t.length - t.trimStart().length;
        const f = FIELD.exec(t);
        if (f && (fieldIndent < 0 || indent <= fieldIndent)) {
          if (fieldIndent < 0) fieldIndent = indent;
          const labelStart = f[1].length;
          const label = f[2];
          const valueStart = f[0].length;
          // "  Fix: " has an empty value.
          fields.push(new NoteFieldItem(fieldKey(kind, label), detach(label), detach(t.slice(valueStart).trim()), j, labelStart, valueStart, j, Math.max(valueStart, t.trimEnd().length)));
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
      notes.push(new NoteItem(kind, i, end, s.length, detach(s.slice(word.length).trim()), fields, entryIndex()));
      if (current >= 0) entryLast[current] = end;
      scanInline(i, s, word.length, s.length);
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

interface DateAt {
  readonly iso?: string;
  /** Where the token is on the line: `start` (inclusive) to `end` (exclusive). */
  readonly start: number;
  readonly end: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether `s` holds `\d{4}-\d{2}-\d{2}` at `pos` (the caller checks the length). */
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

/**
 * Reads a date token starting at `pos` (after spaces). Reports `date.invalid` / `date.format`;
 * returns undefined when the token does not look like a date at all.
 */
function readDate(s: string, line: number, pos: number, problems: Problem[]): DateAt | undefined {
  while (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9) pos++;
  let end = pos;
  while (end < s.length && s.charCodeAt(end) > 32) end++;
  // A trailing comma, semicolon or colon is punctuation, not part of the date.
  for (let c = s.charCodeAt(end - 1); end > pos && (c === 44 || c === 59 || c === 58); c = s.charCodeAt(end - 1)) end--;
  const token = s.slice(pos, end);
  if (end - pos === 10 && isoShapeAt(s, pos)) {
    // The common case, without regular expressions: what looksLikeDate and isIsoDate check.
    const y = digits2(s, pos) * 100 + digits2(s, pos + 2);
    if (isValidDate(y, digits2(s, pos + 5), digits2(s, pos + 8))) return { iso: token, start: pos, end };
    problems.push({ code: 'date.invalid', range: lineRange(line, pos, end), data: { text: detach(token) } });
    return { start: pos, end };
  }
  if (!looksLikeDate(token)) return undefined;
  const range = lineRange(line, pos, end);
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) {
    if (isIsoDate(token)) return { iso: token, start: pos, end };
    problems.push({ code: 'date.invalid', range, data: { text: detach(token) } });
    return { start: pos, end };
  }
  const suggestion = isoFromOtherSpelling(token);
  problems.push({ code: 'date.format', range, data: { text: detach(token), suggestion: suggestion || undefined } });
  return { start: pos, end };
}

function readTime(s: string, line: number, pos: number, problems: Problem[]): { time?: string; range: Range; end: number } | undefined {
  let p = pos;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  // As after a date, a trailing comma, semicolon or colon is punctuation ("17:00: call"), but "17:00:30" is no time.
  const m = /^(\d{1,2}:\d{2})(?=\s|$|[,;]|:(?!\d))/.exec(s.slice(p, p + 7));
  if (!m) return undefined;
  const range = lineRange(line, p, p + m[1].length);
  const minutes = parseTime(m[1]);
  if (minutes === undefined) {
    problems.push({ code: 'date.invalid', range, data: { text: m[1], time: true } });
    return { range, end: p + m[1].length };
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return { time: `${hh}:${m[1].slice(-2)}`, range, end: p + m[1].length };
}

function parseHeading(s: string, line: number, problems: Problem[]): EntryItem | undefined {
  let pos = 3;
  while (s.charCodeAt(pos) === 32) pos++;
  const local: Problem[] = [];
  const d = readDate(s, line, pos, local);
  if (!d) return undefined; // "## Notes" is a plain heading, not an entry.
  problems.push(...local);
  let p = d.end;
  const t = readTime(s, line, p, problems);
  if (t) p = t.end;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  const title = s.slice(p).trimEnd();
  return new EntryItem(line, s.length, d.iso, t?.time, detach(title), p, line, line);
}

const VERBS: Readonly<Record<TrackedKind, readonly HistoryVerb[]>> = {
  promise: ['kept', 'moved', 'dropped', 'broken'],
  waiting: ['received', 'moved', 'dropped'],
  scope: ['confirmed', 'declined', 'moved', 'dropped'],
};
const ALL_VERBS: readonly HistoryVerb[] = ['kept', 'moved', 'dropped', 'broken', 'received', 'confirmed', 'declined'];
const CLOSING: ReadonlySet<HistoryVerb> = new Set(['kept', 'dropped', 'broken', 'received', 'confirmed', 'declined']);

// Shared by every item without history, handles or tags (frozen: the model is read-only).
const NO_HISTORY: readonly HistoryEvent[] = Object.freeze([]);
const NO_STRINGS: readonly string[] = Object.freeze([]);

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
  const kwLen = kind === 'promise' ? 7 : kind === 'waiting' ? 7 : 5;
  const d = readDate(s, line, kwLen, problems);
  let p = kwLen;
  let time: string | undefined;
  let timeStart = -1;
  let timeEnd = -1;
  if (d) {
    p = d.end;
    const t = readTime(s, line, p, problems);
    if (t) {
      p = t.end;
      time = t.time;
      timeStart = t.range.start.character;
      timeEnd = t.range.end.character;
    }
  } else {
    problems.push({ code: 'date.missing', range: lineRange(line, 0, kwLen), data: { kind } });
  }
  // The text runs to the first " | "; history segments follow.
  SEGMENT_SEPARATOR.lastIndex = p;
  const cuts: number[] = [];
  for (let m = SEGMENT_SEPARATOR.exec(s); m; m = SEGMENT_SEPARATOR.exec(s)) cuts.push(m.index);
  const textEnd = cuts.length ? cuts[0] : s.length;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  const text = detach(s.slice(p, textEnd).trimEnd());
  const history: HistoryEvent[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const end = k + 1 < cuts.length ? cuts[k + 1] : s.length;
    let start = cuts[k] + 2;
    while (start < end && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9)) start++;
    const ev = parseSegment(s, line, start, end, kind, problems);
    if (ev) history.push(ev);
  }
  let state: TrackedState = 'open';
  let closedOn: string | undefined;
  for (const ev of history) {
    if (CLOSING.has(ev.verb)) {
      state = ev.verb as TrackedState;
      closedOn = ev.date;
    }
  }
  const handles: string[] = [];
  const tagList: string[] = [];
  for (let k = m0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.start >= p && m.end <= textEnd) handles.push(m.handle);
  }
  for (let k = t0; k < tags.length; k++) {
    const t = tags[k];
    if (t.start >= p && t.end <= textEnd) tagList.push(t.tag);
  }
  return new TrackedItem(
    kind,
    line,
    s.length,
    d?.iso,
    d ? d.start : -1,
    d ? d.end : -1,
    time,
    timeStart,
    timeEnd,
    text,
    p,
    // Exact-size copies: an array grown by push keeps room for 16 more.
    history.length > 0 ? history.slice() : NO_HISTORY,
    state,
    closedOn,
    entry,
    handles.length > 0 ? handles.slice() : NO_STRINGS,
    tagList.length > 0 ? tagList.slice() : NO_STRINGS,
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
    if (!WHO_CHAR.test(String.fromCodePoint(cp))) return undefined;
    i += cp > 0xffff ? 2 : 1;
    if (i >= tail) return t.slice(0, i);
    if (isSpace(t[i])) {
      if (runEnd < i) for (runEnd = i; runEnd < t.length && isSpace(t[runEnd]); ) runEnd++;
      if (t.startsWith('on', runEnd) && isSpace(t.charAt(runEnd + 2))) return t.slice(0, i);
    }
  }
  return undefined;
}

function parseSegment(s: string, line: number, start: number, end: number, kind: TrackedKind, problems: Problem[]): HistoryEvent | undefined {
  const seg = s.slice(start, end).trimEnd();
  const range = lineRange(line, start, start + seg.length);
  const bad = (why: string) => {
    problems.push({ code: 'history.invalid', range, data: { text: detach(seg), kind, why } });
    return undefined;
  };
  const vm = /^([A-Za-z]+)\b/.exec(seg);
  const word = vm?.[1].toLowerCase();
  // The constant, not a copy per event.
  const verb = (ALL_VERBS.find((v) => v === word) ?? word) as HistoryVerb | undefined;
  if (!verb || !(VERBS[kind] as readonly string[]).includes(verb)) {
    return bad(verb && Object.values(VERBS).some((v) => (v as readonly string[]).includes(verb)) ? 'verbForKind' : 'verb');
  }
  let p = start + verb.length;
  const readDateAt = (): DateAt | undefined => {
    const local: Problem[] = [];
    const d = readDate(s, line, p, local);
    problems.push(...local);
    if (d) p = d.end;
    return d;
  };
  const rest = () => s.slice(p, end).trim();
  if (verb === 'moved') {
    const fm = /^\s+from(?=\s)/.exec(s.slice(p, end));
    if (!fm) return bad('movedFrom');
    p += fm[0].length;
    const from = readDateAt();
    if (!from) return bad('date');
    const t = readTime(s, line, p, problems);
    if (t) p = t.end;
    let by: string | undefined;
    let on: string | undefined;
    const byM = /^\s+by\s+/.exec(s.slice(p, end));
    if (byM) {
      p += byM[0].length;
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
    const onM = /^\s+on(?=\s)/.exec(s.slice(p, end));
    if (onM) {
      p += onM[0].length;
      on = readDateAt()?.iso;
    }
    return { verb, range, from: from.iso, fromTime: t?.time, by: by === undefined ? by : detach(by), date: on };
  }
  const d = readDateAt();
  if (!d) return bad('date');
  if (verb === 'confirmed' || verb === 'declined') {
    const byM = /^\s+by\s+@?([\p{L}\p{N}_.\-]+)/u.exec(s.slice(p, end));
    return { verb, range, date: d.iso, by: byM ? detach(byM[1]) : undefined };
  }
  if (verb === 'broken' || verb === 'dropped') {
    let reason = rest();
    let apology: string | undefined;
    const see = /(?:^|\s)see\s+APOLOGY\s+(\S+)/i.exec(reason);
    if (see) {
      apology = isIsoDate(see[1]) ? see[1] : undefined;
      reason = (reason.slice(0, see.index) + reason.slice(see.index + see[0].length)).trim();
    }
    return { verb, range, date: d.iso, reason: reason ? detach(reason) : undefined, apology };
  }
  return { verb, range, date: d.iso };
}

function parseUrgent(s: string, line: number, entry: number): Urgent {
  const m = /^URGENT[\s:]+([\p{L}]+)/u.exec(s);
  const triage = m ? triageOf(m[1]) : undefined;
  return new UrgentItem(line, s.length, triage, detach(s.slice(6).replace(/^[\s:]+/, '')), entry);
}
