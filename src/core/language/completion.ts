/**
 * What completion offers: the context at a position (a contact after `@`, a tag after `#`, a keyword at the
 * start of a line, a date where one is expected, a time zone or a language in the front matter), and the
 * dates, keywords and tags it suggests. The labels are built at the edge with l10n.
 */
import { addDays, addMonths, endOfMonth, endOfWeek, nextWeekday } from '../dates';
import type { ClientLog, Language, NoteKind } from '../model';
import { NOTE_FIELDS, TRIAGE_WORDS } from '../notes';
import { lineRange, type Position, type Range } from '../text';

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

export type CompletionKind = 'mention' | 'tag' | 'keyword' | 'date' | 'timezone' | 'language' | 'contactKey';

/** The fields of a contact in the front matter, in the order a profile usually lists them. */
export const CONTACT_KEYS = ['name', 'handle', 'role', 'email', 'address'] as const;
export type ContactKey = (typeof CONTACT_KEYS)[number];

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
    // An indented key being typed: a contact's field (top-level keys start at column 0).
    const key = /^ {2,}(?:- +)?([a-z]*)$/.exec(before);
    if (key) return make('contactKey', key[1]);
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

/** The keywords offered at the start of a line, as snippets; note blocks and URGENT's triage words are in the log's language. */
export function keywordSuggestions(today: string, lang: Language): KeywordSuggestion[] {
  return [
    { keyword: 'PROMISE', snippet: 'PROMISE ', suggestDate: true },
    { keyword: 'WAITING', snippet: 'WAITING ', suggestDate: true },
    { keyword: 'SCOPE', snippet: `SCOPE \${1:${today}} \${0}`, suggestDate: false },
    { keyword: 'URGENT', snippet: `URGENT \${1|${TRIAGE_WORDS.request[lang]},${TRIAGE_WORDS.crisis[lang]}|}: \${0}`, suggestDate: false },
    { keyword: 'APOLOGY', snippet: noteSnippet('apology', lang), suggestDate: false },
    { keyword: 'REFUSAL', snippet: noteSnippet('refusal', lang), suggestDate: false },
    { keyword: 'ESCALATION', snippet: noteSnippet('escalation', lang), suggestDate: false },
    { keyword: '##', snippet: `## \${1:${today}} \${0}`, suggestDate: false },
  ];
}

/** The languages `language:` accepts. */ /** Tags used across logs, most used first, then alphabetically. */
export function tagCounts(logs: Iterable<ClientLog>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const log of logs) for (const t of log.tags) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
