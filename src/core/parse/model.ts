import type { Recurrence } from '../recurrence';
import type { Entry, HistoryEvent, Mention, Note, NoteField, NoteKind, Tag, Tracked, TrackedKind, TrackedState, Triage, Urgent } from '../model';
import { lineRange as lr, range, shiftRange, type Range } from '../text';

// The model objects the parser makes keep their positions as numbers and build a plain `Range` on each
// read (prototype getters): a Range is three heap objects, and a log holds millions of them otherwise.
// Own properties are data only, so models still compare with deepStrictEqual; never spread one of these
// into a model (a spread loses the getters): use the constructors or the `shift…` helpers below. (A
// spread is a valid *fields* object for the constructors, which is what the shift helpers do.)

/** What a TrackedItem is made of: positions are characters on `line`; -1 for a date or time not written. */
export interface TrackedFields {
  readonly kind: TrackedKind;
  readonly line: number;
  readonly lineLength: number;
  readonly date: string | undefined;
  readonly dateStart: number;
  readonly dateEnd: number;
  readonly time: string | undefined;
  readonly timeStart: number;
  readonly timeEnd: number;
  readonly text: string;
  readonly textStart: number;
  readonly history: readonly HistoryEvent[];
  readonly state: TrackedState;
  readonly closedOn: string | undefined;
  readonly entry: number;
  readonly handles: readonly string[];
  readonly tags: readonly string[];
  readonly recur: Recurrence | undefined;
}

export class TrackedItem implements Tracked, TrackedFields {
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
  declare readonly recur: Recurrence | undefined;
  constructor(f: TrackedFields) {
    // Assigned one by one, always in this order: every item has the same shape (and the same own keys).
    this.kind = f.kind;
    this.line = f.line;
    this.lineLength = f.lineLength;
    this.date = f.date;
    this.dateStart = f.dateStart;
    this.dateEnd = f.dateEnd;
    this.time = f.time;
    this.timeStart = f.timeStart;
    this.timeEnd = f.timeEnd;
    this.text = f.text;
    this.textStart = f.textStart;
    this.history = f.history;
    this.state = f.state;
    this.closedOn = f.closedOn;
    this.entry = f.entry;
    this.handles = f.handles;
    this.tags = f.tags;
    this.recur = f.recur;
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

/** What an EntryItem is made of (the heading line, and the lines the entry spans). */
export interface EntryFields {
  readonly line: number;
  readonly lineLength: number;
  readonly date: string | undefined;
  readonly time: string | undefined;
  readonly title: string;
  readonly titleStart: number;
  readonly endLine: number;
  readonly lastContentLine: number;
}

export class EntryItem implements Entry, EntryFields {
  declare readonly line: number;
  declare readonly lineLength: number;
  declare readonly date: string | undefined;
  declare readonly time: string | undefined;
  declare readonly title: string;
  declare readonly titleStart: number;
  /** Set by the body parser once the next heading (or the end) is known. */
  declare endLine: number;
  declare lastContentLine: number;
  constructor(f: EntryFields) {
    this.line = f.line;
    this.lineLength = f.lineLength;
    this.date = f.date;
    this.time = f.time;
    this.title = f.title;
    this.titleStart = f.titleStart;
    this.endLine = f.endLine;
    this.lastContentLine = f.lastContentLine;
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

/** What a NoteFieldItem is made of: the label on `line`, the value from `valueStart` to `valueEnd` on `valueEndLine`. */
export interface NoteFieldFields {
  readonly key: string | undefined;
  readonly label: string;
  readonly value: string;
  readonly line: number;
  readonly labelStart: number;
  readonly valueStart: number;
  readonly valueEndLine: number;
  readonly valueEnd: number;
}

export class NoteFieldItem implements NoteField, NoteFieldFields {
  declare readonly key: string | undefined;
  declare readonly label: string;
  /** The value and its end grow while the body parser reads continuation lines. */
  declare value: string;
  declare readonly line: number;
  declare readonly labelStart: number;
  declare readonly valueStart: number;
  declare valueEndLine: number;
  declare valueEnd: number;
  constructor(f: NoteFieldFields) {
    this.key = f.key;
    this.label = f.label;
    this.value = f.value;
    this.line = f.line;
    this.labelStart = f.labelStart;
    this.valueStart = f.valueStart;
    this.valueEndLine = f.valueEndLine;
    this.valueEnd = f.valueEnd;
  }
  get labelRange(): Range {
    return lr(this.line, this.labelStart, this.labelStart + this.label.length);
  }
  get valueRange(): Range {
    return range(this.line, this.valueStart, this.valueEndLine, this.valueEnd);
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

/** The line a parsed model object starts on (cheaper than `x.range.start.line` for the parser's objects). */
export function startLine(x: Mention | Tag): number {
  return x instanceof MentionItem || x instanceof TagItem ? x.line : x.range.start.line;
}

/** A copy `d` lines further down, in entry `entry`. */
export function shiftTracked(t: Tracked, d: number, entry: number): Tracked {
  const x = t as TrackedItem;
  const history = x.history.length > 0 ? x.history.map((h): HistoryEvent => ({ ...h, range: shiftRange(h.range, d) })) : x.history;
  const recur = x.recur && { ...x.recur, range: shiftRange(x.recur.range, d) };
  return new TrackedItem({ ...x, line: x.line + d, history, entry, recur });
}

export function shiftEntry(e: Entry, d: number): Entry {
  const x = e as EntryItem;
  return new EntryItem({ ...x, line: x.line + d, endLine: x.endLine + d, lastContentLine: x.lastContentLine + d });
}

export function shiftUrgent(u: Urgent, d: number, entry: number): Urgent {
  const x = u as UrgentItem;
  return new UrgentItem(x.line + d, x.lineLength, x.triage, x.text, entry);
}

export function shiftNote(n: Note, d: number, entry: number): Note {
  const x = n as NoteItem;
  const fields = x.fields.map((f) => {
    const y = f as NoteFieldItem;
    return new NoteFieldItem({ ...y, line: y.line + d, valueEndLine: y.valueEndLine + d });
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
