import { parseFrontMatter } from './frontMatter';
import { isIsoDate, isoFromOtherSpelling, looksLikeDate, parseTime } from './dates';
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
  Urgent,
} from './model';
import { fieldKey, triageOf } from './notes';
import { lineRange, splitLines, type Range } from './text';

export interface ParseOptions {
  /** The file name or path; its base name without `.clientlog` names the client when the front matter does not. */
  readonly fileName?: string;
}

export const HANDLE_SOURCE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?';
const MENTION = new RegExp(`(?<=^|[\\s(\\[{"'«„“,;:/])@(${HANDLE_SOURCE})`, 'gu');
const TAG = /(?<=^|[\s([{"'«„“,;])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;
const KEYWORD = /^(PROMISE|WAITING|SCOPE|URGENT|APOLOGY|REFUSAL|ESCALATION)(?=[\s:]|$)/;
const FIELD = /^([ \t]+)([^:\s][^:]{0,59}?)\s*:(?:\s+|$)/;
// The space after the bar is looked at, not taken: in "x | | kept 2026-11-05" it also starts the next separator.
const SEGMENT_SEPARATOR = /\s\|(?=\s|$)/g;

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
  const entries: Entry[] = [];
  const items: Tracked[] = [];
  const urgents: Urgent[] = [];
  const notes: Note[] = [];
  const mentions: Mention[] = [];
  const tags: Tag[] = [];

  const entryEnds: number[] = [];
  let current = -1;
  const closeEntry = (endLine: number) => {
    if (current >= 0) entryEnds[current] = endLine;
  };
  const entryLast: number[] = [];
  const entryIndex = () => (current >= 0 ? entryBase + current : -1);

  const scanInline = (line: number, s: string, from: number, to: number) => {
    if (s.indexOf('@', from) !== -1) {
      MENTION.lastIndex = from;
      for (let m = MENTION.exec(s); m && m.index < to; m = MENTION.exec(s)) {
        mentions.push({ handle: m[1], range: lineRange(line, m.index, m.index + m[0].length) });
      }
    }
    if (s.indexOf('#', from) !== -1) {
      TAG.lastIndex = from;
      for (let m = TAG.exec(s); m && m.index < to; m = TAG.exec(s)) {
        tags.push({ tag: m[1], range: lineRange(line, m.index, m.index + m[0].length) });
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
        scanInline(i, s, e.titleRange.start.character, s.length);
        continue;
      }
    }

    const kw = first >= 65 && first <= 90 ? KEYWORD.exec(s) : null;
    if (kw) {
      const word = kw[1];
      if (word === 'PROMISE' || word === 'WAITING' || word === 'SCOPE') {
        const item = parseTracked(s, i, word.toLowerCase() as TrackedKind, entryIndex(), problems);
        items.push(item);
        scanInline(i, s, word.length, s.length);
        continue;
      }
      if (word === 'URGENT') {
        urgents.push(parseUrgent(s, i, entryIndex()));
        scanInline(i, s, word.length, s.length);
        continue;
      }
      // A note block: the header and the indented lines under it.
      const kind = word.toLowerCase() as NoteKind;
      const fields: NoteField[] = [];
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
          fields.push({
            key: fieldKey(kind, label),
            label,
            value: t.slice(valueStart).trim(),
            line: j,
            labelRange: lineRange(j, labelStart, labelStart + label.length),
            valueRange: lineRange(j, valueStart, Math.max(valueStart, t.trimEnd().length)), // "  Fix: " has an empty value
          });
          scanInline(j, t, valueStart, t.length);
        } else if (fields.length > 0) {
          const prev = fields[fields.length - 1];
          const more = t.trim();
          fields[fields.length - 1] = {
            ...prev,
            value: prev.value ? `${prev.value} ${more}` : more,
            valueRange: { start: prev.valueRange.start, end: { line: j, character: t.trimEnd().length } },
          };
          scanInline(j, t, 0, t.length);
        } else {
          scanInline(j, t, 0, t.length);
        }
      }
      notes.push({
        kind,
        line: i,
        endLine: end,
        range: lineRange(i, 0, s.length),
        title: s.slice(word.length).trim(),
        fields,
        entry: entryIndex(),
      });
      if (current >= 0) entryLast[current] = end;
      scanInline(i, s, word.length, s.length);
      i = end;
      continue;
    }

    scanInline(i, s, 0, s.length);
  }
  closeEntry(to - 1);

  const finalEntries = entries.map((e, k) => ({ ...e, endLine: entryEnds[k] ?? e.line, lastContentLine: entryLast[k] ?? e.line }));
  return { entries: finalEntries, items, urgents, notes, mentions, tags };
}

interface DateAt {
  readonly iso?: string;
  readonly range: Range;
  readonly end: number;
}

/**
 * Reads a date token starting at `pos` (after spaces). Reports `date.invalid` / `date.format`;
 * returns undefined when the token does not look like a date at all.
 */
function readDate(s: string, line: number, pos: number, problems: Problem[]): DateAt | undefined {
  while (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9) pos++;
  let end = pos;
  while (end < s.length && s.charCodeAt(end) > 32) end++;
  let token = s.slice(pos, end);
  // A trailing comma or colon is punctuation, not part of the date.
  while (token.length > 0 && /[,;:]$/.test(token)) {
    token = token.slice(0, -1);
    end--;
  }
  if (!looksLikeDate(token)) return undefined;
  const range = lineRange(line, pos, end);
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) {
    if (isIsoDate(token)) return { iso: token, range, end };
    problems.push({ code: 'date.invalid', range, data: { text: token } });
    return { range, end };
  }
  const suggestion = isoFromOtherSpelling(token);
  problems.push({ code: 'date.format', range, data: { text: token, suggestion: suggestion || undefined } });
  return { range, end };
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

function parseHeading(s: string, line: number, problems: Problem[]): Entry | undefined {
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
  return {
    line,
    range: lineRange(line, 0, s.length),
    date: d.iso,
    time: t?.time,
    title,
    titleRange: lineRange(line, p, p + title.length),
    endLine: line,
    lastContentLine: line,
  };
}

const VERBS: Readonly<Record<TrackedKind, readonly HistoryVerb[]>> = {
  promise: ['kept', 'moved', 'dropped', 'broken'],
  waiting: ['received', 'moved', 'dropped'],
  scope: ['confirmed', 'declined', 'moved', 'dropped'],
};
const CLOSING: ReadonlySet<HistoryVerb> = new Set(['kept', 'dropped', 'broken', 'received', 'confirmed', 'declined']);

function parseTracked(s: string, line: number, kind: TrackedKind, entry: number, problems: Problem[]): Tracked {
  const kwLen = kind === 'promise' ? 7 : kind === 'waiting' ? 7 : 5;
  const d = readDate(s, line, kwLen, problems);
  let p = kwLen;
  let time: string | undefined;
  let timeRange: Range | undefined;
  if (d) {
    p = d.end;
    const t = readTime(s, line, p, problems);
    if (t) {
      p = t.end;
      time = t.time;
      timeRange = t.range;
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
  const text = s.slice(p, textEnd).trimEnd();
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
  const body = s.slice(p, textEnd);
  for (const m of body.matchAll(MENTION)) handles.push(m[1]);
  for (const m of body.matchAll(TAG)) tagList.push(m[1]);
  return {
    kind,
    line,
    range: lineRange(line, 0, s.length),
    date: d?.iso,
    dateRange: d?.range,
    time,
    timeRange,
    text,
    textRange: lineRange(line, p, p + text.length),
    history,
    state,
    closedOn,
    entry,
    handles,
    tags: tagList,
  };
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
    problems.push({ code: 'history.invalid', range, data: { text: seg, kind, why } });
    return undefined;
  };
  const vm = /^([A-Za-z]+)\b/.exec(seg);
  const verb = vm?.[1].toLowerCase() as HistoryVerb | undefined;
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
    return { verb, range, from: from.iso, fromTime: t?.time, by, date: on };
  }
  const d = readDateAt();
  if (!d) return bad('date');
  if (verb === 'confirmed' || verb === 'declined') {
    const byM = /^\s+by\s+@?([\p{L}\p{N}_.\-]+)/u.exec(s.slice(p, end));
    return { verb, range, date: d.iso, by: byM?.[1] };
  }
  if (verb === 'broken' || verb === 'dropped') {
    let reason = rest();
    let apology: string | undefined;
    const see = /(?:^|\s)see\s+APOLOGY\s+(\S+)/i.exec(reason);
    if (see) {
      apology = isIsoDate(see[1]) ? see[1] : undefined;
      reason = (reason.slice(0, see.index) + reason.slice(see.index + see[0].length)).trim();
    }
    return { verb, range, date: d.iso, reason: reason || undefined, apology };
  }
  return { verb, range, date: d.iso };
}

function parseUrgent(s: string, line: number, entry: number): Urgent {
  const m = /^URGENT[\s:]+([\p{L}]+)/u.exec(s);
  const triage = m ? triageOf(m[1]) : undefined;
  return { line, range: lineRange(line, 0, s.length), triage, text: s.slice(6).replace(/^[\s:]+/, ''), entry };
}
