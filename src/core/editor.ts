/**
 * Pure logic behind the editor features (outline, folding, completion, hover, code lenses, navigation,
 * rename, overdue decorations). Everything is computed from a parsed `ClientLog`; "now", "today" and
 * time zones are parameters. User-visible strings are built at the edge (src/features) with l10n.
 */
import { logTimeZone } from './analyze';
import { standing, type DueStatus, type ItemState } from './standing';
import { addDays, daysInMonth, parseTime, weekday, zonedInstant, zonedNow, type ZonedNow } from './dates';
import { HANDLE_SOURCE } from './parse';
import {
  LANGUAGES,
  type ClientLog,
  type Contact,
  type HistoryEvent,
  type Language,
  type NoteKind,
  type Tracked,
  type TrackedKind,
  type TrackedState,
} from './model';
import { NOTE_FIELDS } from './notes';
import { lineRange, range, type LineSource, type Position, type Range, type TextEdit } from './text';

// ---------------------------------------------------------------------------------------------------
// Positions

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Outline

export type OutlineKind = 'client' | 'contact' | 'entry' | 'promise' | 'waiting' | 'scope' | 'urgent' | 'apology' | 'refusal' | 'escalation';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The name shown (client name, entry "date [time] title", item text, note title, contact name). */
  readonly name: string;
  /** The whole extent (for an entry: heading to its last line). */
  readonly range: Range;
  /** What is revealed and highlighted (the heading, the line, the handle). */
  readonly selectionRange: Range;
  /** Tracked items: their state, and their date. Entries: their date. */
  readonly state?: TrackedState;
  readonly date?: string;
  readonly time?: string;
  /** Contacts: role and handle. URGENT: the triage. */
  readonly role?: string;
  readonly handle?: string;
  readonly triage?: string;
  readonly children: OutlineNode[];
}

/**
 * The document outline: the client (front matter, with its contacts), then each dated entry holding its
 * promises, waits, scope changes, urgent lines and notes. Items before the first entry are top-level.
 * `lineLength` gives the length of a line, so ranges end at the end of their last line.
 */
export function outline(log: ClientLog, lineLength: (line: number) => number): OutlineNode[] {
  const out: OutlineNode[] = [];
  const fm = log.frontMatter;
  if (fm) {
    out.push({
      kind: 'client',
      name: log.client,
      range: fm.range,
      selectionRange: lineRange(fm.startLine, 0, lineLength(fm.startLine)),
      children: fm.contacts.map((c) => ({
        kind: 'contact' as const,
        name: c.name,
        range: c.range,
        selectionRange: c.handleRange && inside(c.handleRange, c.range) ? c.handleRange : c.range,
        role: c.role,
        handle: c.handle,
        children: [],
      })),
    });
  }
  const entryNodes: OutlineNode[] = log.entries.map((e) => ({
    kind: 'entry',
    name: [e.date ?? '', e.time ?? '', e.title].filter(Boolean).join(' ') || e.title,
    range: range(e.line, 0, e.endLine, lineLength(e.endLine)),
    selectionRange: e.range,
    date: e.date,
    time: e.time,
    children: [],
  }));
  type Child = { line: number; entry: number; node: OutlineNode };
  const children: Child[] = [];
  for (const it of log.items) {
    children.push({
      line: it.line,
      entry: it.entry,
      node: { kind: it.kind, name: it.text, range: it.range, selectionRange: it.textRange.end.character > it.textRange.start.character ? it.textRange : it.range, state: it.state, date: it.date, time: it.time, children: [] },
    });
  }
  for (const u of log.urgents) {
    children.push({ line: u.line, entry: u.entry, node: { kind: 'urgent', name: u.text, range: u.range, selectionRange: u.range, triage: u.triage, children: [] } });
  }
  for (const n of log.notes) {
    children.push({
      line: n.line,
      entry: n.entry,
      node: { kind: n.kind, name: n.title, range: range(n.line, 0, n.endLine, lineLength(n.endLine)), selectionRange: n.range, children: [] },
    });
  }
  children.sort((a, b) => a.line - b.line);
  const top: Child[] = [];
  for (const c of children) {
    const parent = c.entry >= 0 ? entryNodes[c.entry] : undefined;
    if (parent && inside(c.node.range, parent.range)) parent.children.push(c.node);
    else top.push(c);
  }
  // Top level in document order: the client, then entries and loose items by line.
  const rest = [...entryNodes.map((n) => ({ line: n.range.start.line, node: n })), ...top.map((c) => ({ line: c.line, node: c.node }))].sort((a, b) => a.line - b.line);
  out.push(...rest.map((r) => r.node));
  return out;
}

function inside(inner: Range, outer: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

// ---------------------------------------------------------------------------------------------------
// Folding

export interface Fold {
  readonly start: number;
  readonly end: number;
  readonly kind: 'frontMatter' | 'entry' | 'note';
}

/** Folding ranges: the front matter, each entry (heading to last content line), each note block. */
export function foldingRanges(log: ClientLog): Fold[] {
  const out: Fold[] = [];
  const fm = log.frontMatter;
  if (fm && fm.endLine > fm.startLine) out.push({ start: fm.startLine, end: fm.endLine, kind: 'frontMatter' });
  for (const e of log.entries) if (e.lastContentLine > e.line) out.push({ start: e.line, end: e.lastContentLine, kind: 'entry' });
  for (const n of log.notes) if (n.endLine > n.line) out.push({ start: n.line, end: n.endLine, kind: 'note' });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---------------------------------------------------------------------------------------------------
// Date suggestions

export type DateSuggestionKey =
  | 'today'
  | 'tomorrow'
  | 'nextMonday'
  | 'nextTuesday'
  | 'nextWednesday'
  | 'nextThursday'
  | 'nextFriday'
  | 'endOfWeek'
  | 'endOfMonth'
  | 'plus1w'
  | 'plus2w'
  | 'plus1m';

export interface DateSuggestion {
  readonly key: DateSuggestionKey;
  /** The ISO date inserted. */
  readonly date: string;
  /** What a user types to pick it (`+1w`), for filtering. */
  readonly shorthand?: string;
}

const NEXT_WEEKDAY: readonly DateSuggestionKey[] = ['nextMonday', 'nextTuesday', 'nextWednesday', 'nextThursday', 'nextFriday'];

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

/** Dates offered where a date is expected, computed from `today` (an ISO date). */
export function dateSuggestions(today: string): DateSuggestion[] {
  return [
    { key: 'today', date: today },
    { key: 'tomorrow', date: addDays(today, 1) },
    ...NEXT_WEEKDAY.map((key, wd) => ({ key, date: nextWeekday(today, wd) })),
    { key: 'endOfWeek', date: endOfWeek(today) },
    { key: 'endOfMonth', date: endOfMonth(today) },
    { key: 'plus1w', date: addDays(today, 7), shorthand: '+1w' },
    { key: 'plus2w', date: addDays(today, 14), shorthand: '+2w' },
    { key: 'plus1m', date: addMonths(today, 1), shorthand: '+1m' },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Completion context

export type CompletionKind = 'mention' | 'tag' | 'keyword' | 'date' | 'timezone' | 'language';

export interface CompletionContext {
  readonly kind: CompletionKind;
  /** The text typed so far (after `@` / `#` for mentions and tags). */
  readonly prefix: string;
  /** The range the completion replaces: from the start of the typed text to the end of the token. */
  readonly range: Range;
}

const HISTORY_DATE = /\s\|\s*(?:kept|dropped|broken|received|confirmed|declined|moved\s+from)\s+(\S*)$/i;
const HISTORY_ON = /\s\|\s*moved\s+from\s+\S+(?:\s+\d{1,2}:\d{2})?\s+by\s+.+?\s+on\s+(\S*)$/i;
const SEE_APOLOGY = /\ssee\s+APOLOGY\s+(\S*)$/;
const TRACKED_DATE = /^(?:PROMISE|WAITING|SCOPE)\s+(\S*)$/;
const HEADING_DATE = /^##\s+(\S*)$/;
const MENTION_PREFIX = /(?:^|[\s(\[{"'«„“,;:/])@([\p{L}\p{N}_.-]*)$/u;
const TAG_PREFIX = /(?:^|[\s([{"'«„“,;])#([\p{L}\p{N}_/-]*)$/u;

/**
 * What completion applies at `position` in a line of the log: a contact after `@`, a tag after `#`, a
 * keyword at the start of a line, a date where one is expected (after PROMISE / WAITING / SCOPE, after
 * `## `, in history segments), a time zone or a language in the front matter. Undefined elsewhere.
 */
export function contextAt(log: ClientLog | undefined, lineText: string, position: Position): CompletionContext | undefined {
  const ch = Math.min(position.character, lineText.length);
  const before = lineText.slice(0, ch);
  const tokenEnd = (() => {
    let e = ch;
    while (e < lineText.length && !/\s/.test(lineText[e])) e++;
    return e;
  })();
  const make = (kind: CompletionKind, prefix: string): CompletionContext => ({
    kind,
    prefix,
    range: lineRange(position.line, ch - prefix.length, kind === 'mention' || kind === 'tag' ? wordEnd(lineText, ch, kind) : tokenEnd),
  });
  const fm = log?.frontMatter;
  if (fm && position.line > fm.startLine && position.line < fm.endLine) {
    const tz = /^\s*timezone:\s+(\S*)$/.exec(before) ?? /^\s*timezone:()$/.exec(before);
    if (tz) return make('timezone', tz[1]);
    const lang = /^\s*language:\s+(\S*)$/.exec(before) ?? /^\s*language:()$/.exec(before);
    if (lang) return make('language', lang[1]);
    return undefined;
  }
  if (fm && position.line <= fm.endLine && position.line >= fm.startLine) return undefined;
  if (/^\s*\/\//.test(before)) return undefined;

  // Dates where a date is expected.
  const d = TRACKED_DATE.exec(before) ?? HEADING_DATE.exec(before);
  if (d) return make('date', d[1]);
  if (/^(?:PROMISE|WAITING|SCOPE)\s/.test(lineText)) {
    const h = HISTORY_DATE.exec(before) ?? HISTORY_ON.exec(before) ?? SEE_APOLOGY.exec(before);
    if (h) return make('date', h[1]);
  }
  // Keywords (and the entry heading) at the start of a line.
  if (/^[A-Z]*$/.test(before) || /^#{1,2}$/.test(before)) return make('keyword', before);
  const m = MENTION_PREFIX.exec(before);
  if (m) return make('mention', m[1]);
  const t = TAG_PREFIX.exec(before);
  if (t) return make('tag', t[1]);
  return undefined;
}

function wordEnd(lineText: string, ch: number, kind: 'mention' | 'tag'): number {
  const re = kind === 'mention' ? /[\p{L}\p{N}_.-]/u : /[\p{L}\p{N}_/-]/u;
  let e = ch;
  while (e < lineText.length && re.test(lineText[e])) e++;
  return e;
}

// ---------------------------------------------------------------------------------------------------
// Keywords

export type KeywordName = 'PROMISE' | 'WAITING' | 'SCOPE' | 'URGENT' | 'APOLOGY' | 'REFUSAL' | 'ESCALATION' | '##';

export interface KeywordSuggestion {
  readonly keyword: KeywordName;
  /** The text inserted at the start of the line, as a VS Code snippet. */
  readonly snippet: string;
  /** Whether completion should open again right after (a date is expected next). */
  readonly suggestDate: boolean;
}

const snippetEscape = (s: string) => s.replace(/[$}\\]/g, '\\$&');

function noteSnippet(kind: NoteKind, lang: Language): string {
  const fields = NOTE_FIELDS[kind].map((f, i) => `  ${snippetEscape(f.labels[lang][0])}: $${i + 2}`);
  return [`${kind.toUpperCase()} \${1}`, ...fields].join('\n') + '\n$0';
}

/** The keywords offered at the start of a line, as snippets; note blocks use the log's language for field labels. */
export function keywordSuggestions(today: string, lang: Language): KeywordSuggestion[] {
  return [
    { keyword: 'PROMISE', snippet: 'PROMISE ', suggestDate: true },
    { keyword: 'WAITING', snippet: 'WAITING ', suggestDate: true },
    { keyword: 'SCOPE', snippet: `SCOPE \${1:${today}} \${0}`, suggestDate: false },
    { keyword: 'URGENT', snippet: 'URGENT ${1|request,crisis|}: ${0}', suggestDate: false },
    { keyword: 'APOLOGY', snippet: noteSnippet('apology', lang), suggestDate: false },
    { keyword: 'REFUSAL', snippet: noteSnippet('refusal', lang), suggestDate: false },
    { keyword: 'ESCALATION', snippet: noteSnippet('escalation', lang), suggestDate: false },
    { keyword: '##', snippet: `## \${1:${today}} \${0}`, suggestDate: false },
  ];
}

/** The languages `language:` accepts. */
export const DRAFT_LANGUAGES: readonly Language[] = LANGUAGES;

/** Tags used across logs, most used first, then alphabetically. */
export function tagCounts(logs: Iterable<ClientLog>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const log of logs) for (const t of log.tags) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

// ---------------------------------------------------------------------------------------------------
// Handles: definition, references, rename

export interface HandleAt {
  readonly handle: string;
  /** The handle's characters, without the `@`. */
  readonly range: Range;
  /** Whether it is the contact's `handle:` in the front matter. */
  readonly declaration: boolean;
  readonly contact?: Contact;
}

export function contactOf(log: ClientLog, handle: string): Contact | undefined {
  const h = handle.toLowerCase();
  return log.frontMatter?.contacts.find((c) => c.handle?.toLowerCase() === h);
}

/**
 * The exact characters of a contact's handle in the front matter: its `handleRange` may include quotes
 * or a leading `@`, which are not the handle.
 */
export function declarationRange(contact: Contact, src?: LineSource): Range | undefined {
  const r = contact.handleRange;
  if (!r || !contact.handle) return undefined;
  if (!src || r.start.line !== r.end.line || r.start.line >= src.lineCount) return r;
  const text = src.lineAt(r.start.line).slice(r.start.character, r.end.character);
  const i = text.toLowerCase().indexOf(contact.handle.toLowerCase());
  if (i < 0) return r;
  return lineRange(r.start.line, r.start.character + i, r.start.character + i + contact.handle.length);
}

/** The `@handle` mention or the front matter handle at a position (the `@` counts as part of a mention). */
export function handleAt(log: ClientLog, pos: Position, src?: LineSource): HandleAt | undefined {
  for (const m of log.mentions) {
    if (m.range.start.line === pos.line && contains(m.range, pos)) {
      const r = m.range;
      return { handle: m.handle, range: lineRange(r.start.line, r.start.character + 1, r.end.character), declaration: false, contact: contactOf(log, m.handle) };
    }
  }
  for (const c of log.frontMatter?.contacts ?? []) {
    const r = declarationRange(c, src);
    if (r && c.handle && contains(c.handleRange ?? r, pos)) return { handle: c.handle, range: r, declaration: true, contact: c };
  }
  return undefined;
}

export interface Occurrence {
  /** The handle's characters, without the `@`. */
  readonly range: Range;
  readonly declaration: boolean;
}

/** Every place a handle is written in the log (case-insensitive): the front matter declaration first, then the mentions. */
export function handleOccurrences(log: ClientLog, handle: string, src?: LineSource): Occurrence[] {
  const out: Occurrence[] = [];
  const c = contactOf(log, handle);
  const decl = c ? declarationRange(c, src) : undefined;
  if (decl) out.push({ range: decl, declaration: true });
  const h = handle.toLowerCase();
  for (const m of log.mentions) {
    if (m.handle.toLowerCase() !== h) continue;
    const r = m.range;
    out.push({ range: lineRange(r.start.line, r.start.character + 1, r.end.character), declaration: false });
  }
  return out;
}

const HANDLE_ONLY = new RegExp(`^${HANDLE_SOURCE}$`, 'u');

export type RenameResult = { ok: true; edits: TextEdit[]; handle: string } | { ok: false; reason: 'notHandle' | 'invalid' | 'taken' };

/**
 * Renames the handle at `pos` to `newName` (a leading `@` is ignored): the front matter `handle:` and
 * every mention in this log; nothing else is touched.
 */
export function renameHandle(log: ClientLog, pos: Position, newName: string, src?: LineSource): RenameResult {
  const at = handleAt(log, pos, src);
  if (!at) return { ok: false, reason: 'notHandle' };
  const name = newName.trim().replace(/^@/, '');
  if (!HANDLE_ONLY.test(name)) return { ok: false, reason: 'invalid' };
  const other = contactOf(log, name);
  if (other && other.handle?.toLowerCase() !== at.handle.toLowerCase()) return { ok: false, reason: 'taken' };
  const edits = handleOccurrences(log, at.handle, src).map((o) => ({ range: o.range, newText: name }));
  return { ok: true, edits, handle: at.handle };
}

// ---------------------------------------------------------------------------------------------------
// Hover and lenses

export interface WallClock {
  readonly date: string;
  /** `HH:MM`. */
  readonly time: string;
}

export interface MoveInfo {
  readonly from?: string;
  readonly fromTime?: string;
  /** Who agreed: a handle or a name as written. */
  readonly by?: string;
  /** The contact's name when `by` is one of the client's handles. */
  readonly byName?: string;
  /** When the move was agreed. */
  readonly on?: string;
}

export interface ItemHover {
  readonly type: 'item';
  readonly kind: TrackedKind;
  readonly item: Tracked;
  readonly client: string;
  /** The time zone the log's dates are in, and the user's. */
  readonly timeZone: string;
  readonly userTimeZone: string;
  readonly date?: string;
  readonly time?: string;
  /**
   * When the zones differ and the item has a date: the last moment it is on time, on the user's clock
   * (for a date without a time, the end of that day in the log's zone).
   */
  readonly userDeadline?: WallClock;
  /** Open items: where the date stands today. */
  readonly status?: DueStatus;
  readonly state: ItemState;
  readonly closedOn?: string;
  readonly reason?: string;
  readonly apology?: string;
  readonly moves: readonly MoveInfo[];
  /** The contacts the text mentions (names when known, else handles). */
  readonly people: readonly string[];
}

export interface ContactHover {
  readonly type: 'contact';
  readonly handle: string;
  readonly range: Range;
  readonly contact?: Contact;
  /** Whether the log lists contacts at all (an unknown handle is then worth pointing out). */
  readonly hasContacts: boolean;
}

export interface HoverOptions {
  readonly now: Date;
  readonly userTimeZone: string;
  readonly horizonDays?: number;
  readonly confirmationDays?: number;
}

function toWallClock(d: Date, tz: string): WallClock {
  const z = zonedNow(d, tz);
  return { date: z.date, time: `${String(Math.floor(z.minutes / 60)).padStart(2, '0')}:${String(z.minutes % 60).padStart(2, '0')}` };
}

/** The instant after which an item with this date (and time) in this zone is late. */
export function deadlineInstant(date: string, time: string | undefined, timeZone: string): Date {
  const minutes = time !== undefined ? parseTime(time) : undefined;
  return minutes !== undefined ? zonedInstant(date, minutes, timeZone) : zonedInstant(addDays(date, 1), 0, timeZone);
}

function moveInfo(log: ClientLog, h: HistoryEvent): MoveInfo {
  const c = h.by ? contactOf(log, h.by) : undefined;
  return { from: h.from, fromTime: h.fromTime, by: h.by, byName: c?.name, on: h.date };
}

/** What to show when hovering a PROMISE / WAITING / SCOPE line, or an `@handle`. */
export function hoverInfo(log: ClientLog, pos: Position, options: HoverOptions, src?: LineSource): ItemHover | ContactHover | undefined {
  const h = handleAt(log, pos, src);
  if (h) return { type: 'contact', handle: h.handle, range: h.range, contact: h.contact, hasContacts: (log.frontMatter?.contacts.length ?? 0) > 0 };
  const item = log.items.find((i) => i.line === pos.line);
  if (!item) return undefined;
  const tz = logTimeZone(log, options.userTimeZone);
  const now = zonedNow(options.now, tz);
  const { state, status } = standing(item, now, options);
  let userDeadline: WallClock | undefined;
  if (item.date && tz !== options.userTimeZone) {
    const deadline = deadlineInstant(item.date, item.time, tz);
    // A date without a time is on time until the end of the day: show the last minute, not the next midnight.
    userDeadline = toWallClock(item.time !== undefined ? deadline : new Date(deadline.getTime() - 60_000), options.userTimeZone);
  }
  const closing = [...item.history].reverse().find((e) => e.verb !== 'moved');
  return {
    type: 'item',
    kind: item.kind,
    item,
    client: log.client,
    timeZone: tz,
    userTimeZone: options.userTimeZone,
    date: item.date,
    time: item.time,
    userDeadline,
    status,
    state,
    closedOn: item.closedOn,
    reason: item.state !== 'open' ? closing?.reason : undefined,
    apology: item.state !== 'open' ? closing?.apology : undefined,
    moves: item.history.filter((e) => e.verb === 'moved').map((e) => moveInfo(log, e)),
    people: item.handles.map((x) => contactOf(log, x)?.name ?? `@${x}`),
  };
}

export interface LensInfo {
  readonly item: Tracked;
  readonly status: DueStatus;
}

/** The open promises with a valid date and where each stands, for code lenses. */
export function openPromises(log: ClientLog, now: Date, userTimeZone: string, horizonDays = 3): LensInfo[] {
  const z: ZonedNow = zonedNow(now, logTimeZone(log, userTimeZone));
  const out: LensInfo[] = [];
  for (const item of log.items) {
    if (item.kind !== 'promise' || item.state !== 'open') continue;
    const { status } = standing(item, z, { horizonDays });
    if (status) out.push({ item, status });
  }
  return out;
}

/** The date (and time) ranges of open promises that are overdue, to make them stand out. */
export function overdueDateRanges(log: ClientLog, now: Date, userTimeZone: string): Range[] {
  const out: Range[] = [];
  for (const { item, status } of openPromises(log, now, userTimeZone)) {
    if (status.band !== 'overdue' || !item.dateRange) continue;
    const end = item.timeRange ?? item.dateRange;
    out.push(range(item.dateRange.start.line, item.dateRange.start.character, end.end.line, end.end.character));
  }
  return out;
}

/** Whether any open promise is due at a time today (the view then changes on the minute). */
export function hasTimedDueToday(log: ClientLog, now: Date, userTimeZone: string): boolean {
  return openPromises(log, now, userTimeZone).some((l) => l.item.time !== undefined && l.status.days === 0);
}

// ---------------------------------------------------------------------------------------------------
// Workspace symbols

/** Whether every character of `query` appears in `text` in order (case-insensitive); empty matches all. */
export function fuzzyMatch(query: string, text: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  let i = 0;
  for (let k = 0; k < t.length && i < q.length; k++) if (t[k] === q[i]) i++;
  return i === q.length;
}

export interface WorkspaceSymbolInfo {
  readonly kind: 'client' | 'promise';
  readonly name: string;
  readonly client: string;
  readonly range: Range;
  readonly state?: TrackedState;
  readonly date?: string;
}

/** The clients and promises of a log whose name matches `query`. */
export function workspaceSymbols(log: ClientLog, query: string): WorkspaceSymbolInfo[] {
  const out: WorkspaceSymbolInfo[] = [];
  if (log.client && fuzzyMatch(query, log.client)) {
    out.push({ kind: 'client', name: log.client, client: log.client, range: log.frontMatter?.range ?? lineRange(0, 0, 0) });
  }
  for (const it of log.items) {
    if (it.kind !== 'promise' || !it.text || !fuzzyMatch(query, it.text)) continue;
    out.push({ kind: 'promise', name: it.text, client: log.client, range: it.range, state: it.state, date: it.date });
  }
  return out;
}
