import type { Recurrence } from './recurrence';
import type { Range } from './text';

/** The languages drafts and labels exist in. */
export const LANGUAGES = ['en', 'bg', 'ru', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

export interface Contact {
  readonly name: string;
  readonly handle?: string;
  readonly role?: string;
  readonly email?: string;
  /** How letters address them (`Елена Викторовна`, `domnule Ionescu`, `Mr Petrov`): the greeting uses it as written. */
  readonly address?: string;
  /** Where the contact is written in the front matter (the list item). */
  readonly range: Range;
  /** Where its handle value is written, for go-to-definition and rename. */
  readonly handleRange?: Range;
}

export interface FrontMatter {
  /** The `---` lines: opening at 0 (after a BOM), closing at `endLine`. */
  readonly startLine: number;
  readonly endLine: number;
  readonly range: Range;
  readonly client?: string;
  /** Where `client: …` is written. */
  readonly clientRange?: Range;
  readonly language?: Language;
  readonly timeZone?: string;
  /** `cadence`: how often, in days, we want to be in touch (0: never reminded). */
  readonly cadence?: number;
  readonly contacts: readonly Contact[];
  readonly notes?: string;
}

export interface Entry {
  readonly line: number;
  /** The heading line. */
  readonly range: Range;
  /** ISO date when valid. */
  readonly date?: string;
  readonly time?: string;
  readonly title: string;
  readonly titleRange: Range;
  /** Last line of the entry (inclusive), before the next heading. */
  readonly endLine: number;
  /** Last non-blank line of the entry (the heading itself when it is empty). */
  readonly lastContentLine: number;
}

export type TrackedKind = 'promise' | 'waiting' | 'scope';
export type HistoryVerb = 'kept' | 'moved' | 'dropped' | 'broken' | 'received' | 'confirmed' | 'declined';
export type TrackedState = 'open' | 'kept' | 'dropped' | 'broken' | 'received' | 'confirmed' | 'declined';

export interface HistoryEvent {
  readonly verb: HistoryVerb;
  readonly range: Range;
  /** The date the event happened (for `moved`, the date it was agreed, when given). */
  readonly date?: string;
  /** `moved`: the previous due date (and time). */
  readonly from?: string;
  readonly fromTime?: string;
  /** `moved`, `confirmed`, `declined`: who agreed (a handle without `@`, or a name). */
  readonly by?: string;
  /** `dropped`, `broken`: the reason or remark. */
  readonly reason?: string;
  /** `broken`, `dropped`: the date of the entry holding the apology (`see APOLOGY <date>`). */
  readonly apology?: string;
}

/** A PROMISE, WAITING or SCOPE line. */
export interface Tracked {
  readonly kind: TrackedKind;
  readonly line: number;
  /** The whole line. */
  readonly range: Range;
  /** The due date (promise), follow-up date (waiting), or date raised (scope): ISO when valid. */
  readonly date?: string;
  readonly dateRange?: Range;
  /** `HH:MM` when given and valid. */
  readonly time?: string;
  readonly timeRange?: Range;
  /** What was promised / awaited / changed, without the history. */
  readonly text: string;
  readonly textRange: Range;
  readonly history: readonly HistoryEvent[];
  readonly state: TrackedState;
  /** The date of the closing event (kept, received, confirmed, …). */
  readonly closedOn?: string;
  /** Index into `entries` of the entry holding the line, or -1. */
  readonly entry: number;
  /** Handles mentioned in the text, in order. */
  readonly handles: readonly string[];
  readonly tags: readonly string[];
  /** A recurring promise's rule segment (`| every week`), when it has one. */
  readonly recur?: Recurrence;
}

export type Triage = 'request' | 'crisis';

export interface Urgent {
  readonly line: number;
  readonly range: Range;
  readonly triage?: Triage;
  readonly text: string;
  readonly entry: number;
}

export type NoteKind = 'apology' | 'refusal' | 'escalation';

export interface NoteField {
  /** Canonical key (`what`, `alternative`, …) when the label is known in any language. */
  readonly key?: string;
  readonly label: string;
  readonly value: string;
  readonly line: number;
  readonly labelRange: Range;
  readonly valueRange: Range;
}

export interface Note {
  readonly kind: NoteKind;
  readonly line: number;
  readonly endLine: number;
  /** The header line. */
  readonly range: Range;
  readonly title: string;
  readonly fields: readonly NoteField[];
  readonly entry: number;
}

export interface Mention {
  readonly handle: string;
  /** Range of `@handle`, including the `@`. */
  readonly range: Range;
}

export interface Tag {
  readonly tag: string;
  /** Range of `#tag`, including the `#`. */
  readonly range: Range;
}

/** A finding the parser makes (format problems); `analyze` adds the time-dependent ones and levels. */
export interface Problem {
  readonly code: FindingCode;
  readonly range: Range;
  readonly data: FindingData;
}

export interface ClientLog {
  /** The client's name: front matter `client`, else the file name without extension, else "". */
  readonly client: string;
  readonly frontMatter?: FrontMatter;
  readonly entries: readonly Entry[];
  readonly items: readonly Tracked[];
  readonly urgents: readonly Urgent[];
  readonly notes: readonly Note[];
  readonly mentions: readonly Mention[];
  readonly tags: readonly Tag[];
  readonly problems: readonly Problem[];
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /**
   * Set by `compactLog`: only open items, the entries they belong to and one Tag per name are kept, and
   * the time-independent findings are in `problems` (urgents, notes and mentions are empty).
   */
  readonly compact?: boolean;
}

export const FINDING_CODES = [
  'promise.overdue',
  'promise.dueToday',
  'promise.dueSoon',
  'waiting.followUp',
  'scope.unconfirmed',
  'urgent.untriaged',
  'refusal.noAlternative',
  'note.missingField',
  'date.invalid',
  'date.format',
  'date.missing',
  'history.invalid',
  'history.conflict',
  'history.reference',
  'keyword.nearMiss',
  'file.encoding',
  'file.binary',
  'file.tooManyFindings',
  'frontMatter.invalid',
  'frontMatter.value',
  'frontMatter.language',
  'frontMatter.unknownKey',
  'mention.unknown',
  'client.quiet',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Level = 'error' | 'warning' | 'information' | 'hint';
export type LevelSetting = Level | 'off';

export const DEFAULT_LEVELS: Readonly<Record<FindingCode, Level>> = {
  'promise.overdue': 'warning',
  'promise.dueToday': 'information',
  'promise.dueSoon': 'information',
  'waiting.followUp': 'warning',
  'scope.unconfirmed': 'warning',
  'urgent.untriaged': 'information',
  'refusal.noAlternative': 'warning',
  'note.missingField': 'information',
  'date.invalid': 'error',
  'date.format': 'error',
  'date.missing': 'error',
  'history.invalid': 'warning',
  'history.conflict': 'warning',
  'history.reference': 'warning',
  'keyword.nearMiss': 'warning',
  'file.encoding': 'error',
  'file.binary': 'error',
  'file.tooManyFindings': 'warning',
  'frontMatter.invalid': 'error',
  'frontMatter.value': 'error',
  'frontMatter.language': 'warning',
  'frontMatter.unknownKey': 'warning',
  'mention.unknown': 'warning',
  'client.quiet': 'warning',
};

/**
 * The payload a finding carries for messages and quick fixes. Only plain JSON values, so it can
 * cross to VS Code diagnostics, the CLI's --json, and worker threads.
 */
export type FindingData = { readonly [key: string]: string | number | boolean | readonly string[] | undefined };

/** At most this many findings per file; past it, one `file.tooManyFindings` says how many more there are. */
export const MAX_FINDINGS_PER_FILE = 1000;

export interface Finding {
  readonly code: FindingCode;
  readonly level: Level;
  readonly range: Range;
  readonly data: FindingData;
}

/** The contact of a log's front matter with this handle (case-insensitive, without the `@`). */
export function contactOf(log: Pick<ClientLog, 'frontMatter'>, handle: string): Contact | undefined {
  const h = handle.toLowerCase();
  return log.frontMatter?.contacts.find((c) => c.handle?.toLowerCase() === h);
}
