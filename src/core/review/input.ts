import { contactOf, type ClientLog, type NoteKind, type TrackedKind, type TrackedState, type Triage } from '../model';

/** A move of a promise's (or a wait's, or a scope change's) date, as the history records it. */
export interface ReviewMove {
  /** The date it was moved from. */
  readonly from: string;
  /** Who agreed, when written: the contact's name for a handle of one, else as written (without `@`). */
  readonly by?: string;
  /** When it was agreed, when written. */
  readonly on?: string;
}

/** A dated PROMISE, WAITING or SCOPE line with the part of its history the review reads. */
export interface ReviewItem {
  readonly kind: TrackedKind;
  /** 0-based line. */
  readonly line: number;
  /** The current due date (promise), follow-up date (waiting), or date raised (scope). */
  readonly date: string;
  readonly time?: string;
  readonly text: string;
  readonly state: TrackedState;
  /** The date of the closing event (kept, received, confirmed, …). */
  readonly closedOn?: string;
  /** Who confirmed or declined a scope change. */
  readonly closedBy?: string;
  readonly moves: readonly ReviewMove[];
  /** The date of the entry holding the line. */
  readonly entryDate?: string;
  /** The first contact mentioned: its name in the front matter, else its handle. */
  readonly who?: string;
}

export interface ReviewUrgent {
  readonly line: number;
  /** The date of the entry holding the line. */
  readonly date?: string;
  readonly triage?: Triage;
  readonly text: string;
}

export interface ReviewNote {
  readonly kind: NoteKind;
  readonly line: number;
  /** The date of the entry holding the note. */
  readonly date?: string;
  readonly title: string;
}

/**
 * Everything the weekly review reads of one log: plain JSON data (it crosses to worker threads, and into a
 * webview), independent of the date the review is made on.
 */
export interface ReviewInput {
  readonly client: string;
  /**
   * Set by `recentInput`: only what is dated on or after this day is here (the input serves the frames that
   * start there or later: `covers`); unset, the whole history is.
   */
  readonly from?: string;
  /** The zone written in the front matter (a valid one), if any. */
  readonly timeZone?: string;
  /** The latest dated entry: its date and its heading's line. */
  readonly lastEntry?: { readonly date: string; readonly line: number };
  readonly items: readonly ReviewItem[];
  readonly urgents: readonly ReviewUrgent[];
  readonly notes: readonly ReviewNote[];
}

const NO_MOVES: readonly ReviewMove[] = Object.freeze([]);

/** What the review reads of a parsed log (a full one: `compactLog` drops the closed items it needs). */
export function reviewInput(log: ClientLog): ReviewInput {
  const entryDate = (k: number) => (k >= 0 ? log.entries[k]?.date : undefined);
  const who = (handle: string | undefined) => (handle ? (contactOf(log, handle)?.name ?? handle) : undefined);
  const items: ReviewItem[] = [];
  for (const i of log.items) {
    if (!i.date) continue;
    const moves: ReviewMove[] = [];
    let closedBy: string | undefined;
    for (const ev of i.history) {
      if (ev.verb === 'moved' && ev.from) moves.push(defined({ from: ev.from, by: who(ev.by), on: ev.date }));
      else if ((ev.verb === 'confirmed' || ev.verb === 'declined') && ev.by) closedBy = who(ev.by);
    }
    items.push(
      defined({
        kind: i.kind,
        line: i.line,
        date: i.date,
        time: i.time,
        text: i.text,
        state: i.state,
        closedOn: i.state === 'open' ? undefined : i.closedOn,
        closedBy: i.state === 'open' ? undefined : closedBy,
        // One shared empty list for the items never moved (most of them): at 10,000 logs, 385,000 items.
        moves: moves.length ? moves : NO_MOVES,
        entryDate: entryDate(i.entry),
        who: who(i.handles[0]),
      }),
    );
  }
  let lastEntry: { date: string; line: number } | undefined;
  for (const e of log.entries) {
    if (e.date && (!lastEntry || e.date > lastEntry.date)) lastEntry = { date: e.date, line: e.line };
  }
  return defined({
    client: log.client,
    timeZone: log.frontMatter?.timeZone,
    lastEntry,
    items,
    urgents: log.urgents.map((u) => defined({ line: u.line, date: entryDate(u.entry), triage: u.triage, text: u.text })),
    notes: log.notes.map((n) => defined({ kind: n.kind, line: n.line, date: entryDate(n.entry), title: n.title })),
  });
}

/**
 * How far back the editor keeps each log's review input (`recentInput`, made where the file is parsed): the widest
 * frame it makes (90 days, or the 12 trend weeks before last week, about 97 days) with a month to spare, so that a
 * window opened again within the month needs none of the files read again.
 */
export const RECENT_DAYS = 130;

/**
 * What the review reads of a log, for the frames that start on `from` or later: the input less the items dated
 * before `from` (a promise moved on or after it stays: the review lists its move), and the urgent lines and notes of
 * entries before it. For such a frame its share (`reviewPart`) is that of the whole input (a property test holds it);
 * most of a long history is left out.
 */
export function recentInput(log: ClientLog, from: string): ReviewInput {
  const on = (x: { readonly entry: number }) => (log.entries[x.entry]?.date ?? '') >= from;
  const input = reviewInput({
    ...log,
    items: log.items.filter(
      (i) =>
        i.date !== undefined &&
        (i.date >= from || (i.kind === 'promise' && i.history.some((ev) => ev.verb === 'moved' && ev.date !== undefined && ev.date >= from))),
    ),
    urgents: log.urgents.filter(on),
    notes: log.notes.filter(on),
  });
  return { ...input, from };
}

/** Whether the input serves a frame that starts on `start` (see `ReviewInput.from`). */
export const covers = (input: ReviewInput, start: string): boolean => input.from === undefined || input.from <= start;

/**
 * `o` without its undefined values (what JSON would drop anyway), as a new object: `delete` would turn each into a
 * slow dictionary (over the benchmark's 10,000 logs, reviewInput took about twice as long, and copying rather than
 * deleting took review() from about 0.9 s to 0.45 s).
 */
export function defined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
