import { formatTime, isIsoDate, parseTime } from './dates';
import type { FindingData, Tracked, TrackedKind } from './model';
import { isTrackedKeyword, keywordOf, parse, parseLines } from './parse';
import { nextOccurrence } from './recurrence';
import { lineRange, type LineSource, type Range, type TextEdit } from './text';

/**
 * Pure edit builders. Each reads the current text of the line it changes, checks that the line is still
 * what the caller saw (`expect`), and returns edits that touch that line only: appending a history
 * segment, and for a reschedule replacing the due date. Line breaks and everything else stay as they are.
 */

export type EditFailure =
  /** The line is not there any more, or is no longer the expected kind of line. */
  | 'notFound'
  /** The line's text differs from what the caller computed the edit for. */
  | 'changed'
  /** The item is already kept, dropped, received, … */
  | 'closed'
  /** An argument is not a valid ISO date or time. */
  | 'invalidDate'
  /** The new due date equals the current one. */
  | 'sameDate'
  /** Skip this one: the promise has no rule, so there is no next occurrence to skip to. */
  | 'notRecurring';

export type EditResult = { readonly ok: true; readonly edits: TextEdit[] } | { readonly ok: false; readonly reason: EditFailure };

/**
 * The item parsed from a lone line, as a plain object on line `line` (its ranges stay those of the lone
 * line). Written out field by field: the parser's objects keep their ranges in prototype getters,
 * which a spread would drop.
 */
function onLine(item: Tracked, line: number): Tracked {
  return {
    kind: item.kind,
    line,
    range: item.range,
    date: item.date,
    dateRange: item.dateRange,
    time: item.time,
    timeRange: item.timeRange,
    text: item.text,
    textRange: item.textRange,
    history: item.history,
    state: item.state,
    closedOn: item.closedOn,
    entry: item.entry,
    handles: item.handles,
    tags: item.tags,
    recur: item.recur,
  };
}

export interface LineExpectation {
  /** The exact line text the edit was computed against (from a finding, a tree item, a code lens). */
  readonly lineText?: string;
}

/** Reads the tracked item on a line of a document, as the parser sees it. */
export function trackedAt(doc: LineSource, line: number): Tracked | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  const text = doc.lineAt(line);
  // The parser's own keyword test (`PROMISE:` is tracked too); a line starting with U+FEFF is not a
  // tracked line in the document, though parse() alone would strip it as a BOM.
  if (!isTrackedKeyword(keywordOf(text))) return undefined;
  const item = parse(text).items[0];
  return item && onLine(item, line);
}

function open(doc: LineSource, line: number, kind: TrackedKind, expect: LineExpectation): { item: Tracked; text: string } | EditFailure {
  if (line < 0 || line >= doc.lineCount) return 'notFound';
  const text = doc.lineAt(line);
  if (expect.lineText !== undefined && expect.lineText !== text) return 'changed';
  // A line starting with U+FEFF is not a tracked line in the document, though parse() alone would
  // strip it as a BOM (and shift every range by one).
  const item = text.charCodeAt(0) === 0xfeff ? undefined : parse(text).items[0];
  if (!item || item.kind !== kind) return 'notFound';
  if (item.state !== 'open') return 'closed';
  return { item: onLine(item, line), text };
}

function append(line: number, text: string, segment: string): TextEdit {
  const trimmed = text.trimEnd();
  // Append after the last visible character; trailing spaces (if any) are replaced by the segment's own.
  return { range: lineRange(line, trimmed.length, text.length), newText: ` | ${segment}` };
}

function fail(reason: EditFailure): EditResult {
  return { ok: false, reason };
}

function single(doc: LineSource, line: number, kind: TrackedKind, expect: LineExpectation, segment: (item: Tracked) => string): EditResult {
  const r = open(doc, line, kind, expect);
  if (typeof r === 'string') return fail(r);
  const edit = append(line, r.text, segment(r.item));
  if (!r.item.recur) return { ok: true, edits: [edit] };
  // A recurring promise: the closed line, and right below it the next occurrence, in one edit.
  const next = nextLine(r.text.slice(0, edit.range.start.character) + edit.newText);
  return { ok: true, edits: [next === undefined ? edit : { range: edit.range, newText: edit.newText + doc.eol + next }] };
}

/**
 * The line of the occurrence after the one on `closed` (a PROMISE line with its closing segment): same
 * text and rule, the next date (and the time) of its schedule. Undefined when there is none (past 9999).
 */
export function nextLine(closed: string): string | undefined {
  const item = parse(closed).items[0];
  if (!item?.recur) return undefined;
  const next = nextOccurrence(item, item.recur);
  if (!next) return undefined;
  const head = `PROMISE ${next.date}${next.time ? ` ${next.time}` : ''}`;
  return `${item.text ? `${head} ${item.text}` : head} | ${next.ruleText}`;
}

/**
 * Skip this one: `| dropped <today> <why>` on a recurring promise, and the next occurrence below it (the
 * same edit as Drop, refused for a promise that does not repeat).
 */
export function skipOccurrence(doc: LineSource, line: number, today: string, reason: string, expect: LineExpectation = {}): EditResult {
  const item = trackedAt(doc, line);
  if (item && item.kind === 'promise' && item.state === 'open' && !item.recur) return fail('notRecurring');
  return markDropped(doc, line, today, reason, expect);
}

/** `| kept <today>` */
export function markKept(doc: LineSource, line: number, today: string, expect: LineExpectation = {}): EditResult {
  if (!isIsoDate(today)) return fail('invalidDate');
  return single(doc, line, 'promise', expect, () => `kept ${today}`);
}

/** `| dropped <today> <why>` */
export function markDropped(doc: LineSource, line: number, today: string, reason: string, expect: LineExpectation = {}): EditResult {
  if (!isIsoDate(today)) return fail('invalidDate');
  const why = oneLine(reason);
  return single(doc, line, 'promise', expect, () => `dropped ${today}${why ? ` ${why}` : ''}`);
}

/** `| broken <today> see APOLOGY <date of the apology's entry>` */
export function markBroken(doc: LineSource, line: number, today: string, apologyDate: string | undefined, expect: LineExpectation = {}): EditResult {
  if (!isIsoDate(today) || (apologyDate !== undefined && !isIsoDate(apologyDate))) return fail('invalidDate');
  return single(doc, line, 'promise', expect, () => `broken ${today}${apologyDate ? ` see APOLOGY ${apologyDate}` : ''}`);
}

/** `| received <today>` on a WAITING line. */
export function markReceived(doc: LineSource, line: number, today: string, expect: LineExpectation = {}): EditResult {
  if (!isIsoDate(today)) return fail('invalidDate');
  return single(doc, line, 'waiting', expect, () => `received ${today}`);
}

/** `| confirmed <today> by @x` / `| declined …` on a SCOPE line. */
export function markScope(
  doc: LineSource,
  line: number,
  verdict: 'confirmed' | 'declined',
  today: string,
  by?: string,
  expect: LineExpectation = {},
): EditResult {
  if (!isIsoDate(today)) return fail('invalidDate');
  return single(doc, line, 'scope', expect, () => `${verdict} ${today}${by ? ` by ${who(by)}` : ''}`);
}

export interface Reschedule {
  readonly newDate: string;
  /** `HH:MM`; omitted keeps no time (a date-only due). */
  readonly newTime?: string;
  /** Who agreed: a handle (with or without `@`) or a name. */
  readonly agreedBy?: string;
  readonly today: string;
}

/**
 * Moves a promise (or a wait's follow-up date): the due date at the front becomes the new one, and
 * `| moved from <old> [<old time>] by <who> on <today>` records the old one.
 */
export function reschedule(doc: LineSource, line: number, r: Reschedule, expect: LineExpectation = {}, kind: TrackedKind = 'promise'): EditResult {
  if (!isIsoDate(r.newDate) || !isIsoDate(r.today)) return fail('invalidDate');
  if (r.newTime !== undefined && parseTime(r.newTime) === undefined) return fail('invalidDate');
  const o = open(doc, line, kind, expect);
  if (typeof o === 'string') return fail(o);
  const { item, text } = o;
  if (!item.date || !item.dateRange) return fail('notFound');
  const newTime = r.newTime !== undefined ? normaliseTime(r.newTime) : undefined;
  if (item.date === r.newDate && item.time === newTime) return fail('sameDate');
  const end = item.timeRange ? item.timeRange.end.character : item.dateRange.end.character;
  const edits: TextEdit[] = [{ range: lineRange(line, item.dateRange.start.character, end), newText: newTime ? `${r.newDate} ${newTime}` : r.newDate }];
  const by = r.agreedBy && r.agreedBy.trim() ? ` by ${who(r.agreedBy)}` : '';
  // An invalid old time ("24:00") is not dropped: it goes into the history as written.
  const oldTime = item.time ?? (item.timeRange ? text.slice(item.timeRange.start.character, item.timeRange.end.character) : undefined);
  const from = oldTime ? `${item.date} ${oldTime}` : item.date;
  edits.push(append(line, text, `moved from ${from}${by} on ${r.today}`));
  return { ok: true, edits };
}

function normaliseTime(t: string): string {
  return formatTime(parseTime(t)!);
}

function oneLine(s: string): string {
  // A "|" between spaces (or at either end) would start a new history segment: write "/" instead.
  return s
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/(^|\s)\|(?=\s|$)/g, '$1/');
}

function who(s: string): string {
  // " on " would end the name early when the line is read back.
  const t = oneLine(s)
    .replace(/(?:\s+on)+(?:\s+|$)/g, ' ')
    .trim();
  return /^@?[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(t) && !t.includes(' ') ? `@${t.replace(/^@/, '')}` : t;
}

export interface NoteInsertion {
  /** Today's date: the note goes under today's entry, which is created when missing. */
  readonly today: string;
  /** Title for today's entry when it must be created. */
  readonly entryTitle: string;
  /** The note block's lines (header and indented fields), without line breaks. */
  readonly lines: readonly string[];
}

/**
 * Inserts a note block under today's entry (after its last non-blank line, separated by a blank
 * line), or appends a new entry for today at the end of the file. Only inserts; no existing line changes.
 */
export function insertNote(doc: LineSource, n: NoteInsertion): EditResult {
  if (!isIsoDate(n.today)) return fail('invalidDate');
  const eol = doc.eol;
  const block = n.lines.map((l) => l.replace(/[\r\n]+/g, ' '));
  // Today's entry as the parser reads the document (a `## …` line in the front matter is YAML, not an
  // entry heading), and its last non-blank line.
  const lines: string[] = [];
  for (let i = 0; i < doc.lineCount; i++) lines.push(doc.lineAt(i));
  const today = parseLines(lines, eol === '\r\n' ? '\r\n' : '\n', false).entries.find((e) => e.date === n.today);
  const entryLine = today ? today.line : -1;
  const last = today ? today.lastContentLine : -1;
  if (entryLine >= 0) {
    const text = doc.lineAt(last);
    return { ok: true, edits: [{ range: lineRange(last, text.length, text.length), newText: eol + eol + block.join(eol) }] };
  }
  // No entry for today: append one after the last non-blank line of the file.
  let lastLine = doc.lineCount - 1;
  while (lastLine > 0 && doc.lineAt(lastLine).trim() === '') lastLine--;
  const lastText = doc.lineAt(lastLine);
  const heading = `## ${n.today} ${oneLine(n.entryTitle)}`.trimEnd();
  if (lastLine === 0 && lastText.trim() === '') {
    // A blank document: the entry goes first, as whole lines, before whatever blank lines are there.
    return { ok: true, edits: [{ range: lineRange(0, 0, 0), newText: heading + eol + block.join(eol) + eol }] };
  }
  const lead = lastText.trim() === '' && lastLine === 0 ? '' : eol + eol;
  const tail = lastLine === doc.lineCount - 1 ? eol : '';
  return {
    ok: true,
    edits: [{ range: lineRange(lastLine, lastText.length, lastText.length), newText: lead + heading + eol + block.join(eol) + tail }],
  };
}

/**
 * The quick fix of a `keyword.nearMiss` finding: the misspelled keyword (or dashed date) at its range
 * becomes the canonical spelling in its payload (`text` → `replacement`); nothing else on the line changes.
 * Refuses when the range no longer holds `text`.
 */
export function fixNearMiss(doc: LineSource, finding: { readonly range: Range; readonly data: FindingData }): EditResult {
  const { range, data } = finding;
  const line = range.start.line;
  if (line < 0 || line >= doc.lineCount || range.end.line !== line) return fail('notFound');
  if (typeof data.text !== 'string' || typeof data.replacement !== 'string') return fail('notFound');
  if (doc.lineAt(line).slice(range.start.character, range.end.character) !== data.text) return fail('changed');
  return { ok: true, edits: [{ range: lineRange(line, range.start.character, range.end.character), newText: data.replacement }] };
}
