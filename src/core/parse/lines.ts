/**
 * The line parsers: an entry heading, a PROMISE / WAITING / SCOPE line with its history, an URGENT line.
 * Each reads one line through the parse's `Scanner` and makes the model object for it.
 */
import { isIsoDate, looksLikeDate } from '../dates';
import type { HistoryEvent, HistoryVerb, Tracked, TrackedKind, TrackedState, Triage, Urgent } from '../model';
import { triageOf } from '../notes';
import { isRuleSegment, parseRule, type Recurrence } from '../recurrence';
import { detach, isJsSpace, lineRange, type Range } from '../text';
import { ASCII_LOWER_BIT, Ch, isBlankChar, isWordAscii } from './chars';
import { dashedDateNearMiss, invisibleAfterKeyword } from './nearMiss';
import { EntryItem, TrackedItem, UrgentItem, type MentionItem, type TagItem } from './model';
import { skipBlanks, skipSpace, trimmedEnd, wordAt, type Scanner } from './scan';

/** The length of `## `, the start of an entry heading. */
const HEADING_MARK = 3;

/** An entry heading `## <date> [<time>] <title>`, or undefined for a heading without a date ("## Notes"). */
export function parseHeading(sc: Scanner, s: string, line: number): EntryItem | undefined {
  let p = sc.readDate(s, line, HEADING_MARK);
  if (p < 0) {
    // "## 2026–11–05 Call" (Unicode dashes) is meant as an entry: say so.
    const miss = dashedDateNearMiss(s, line, HEADING_MARK, '##');
    if (miss) sc.report(miss);
    return undefined;
  }
  const date = sc.dateIso;
  let time: string | undefined;
  const t = sc.readTime(s, line, p);
  if (t >= 0) {
    p = t;
    time = sc.timeValue;
  }
  p = skipBlanks(s, p);
  return new EntryItem({
    line,
    lineLength: s.length,
    date,
    time,
    title: detach(s.slice(p, trimmedEnd(s, p, s.length))),
    titleStart: p,
    endLine: line,
    lastContentLine: line,
  });
}

const VERBS: Readonly<Record<TrackedKind, readonly HistoryVerb[]>> = {
  promise: ['kept', 'moved', 'dropped', 'broken'],
  waiting: ['received', 'moved', 'dropped'],
  scope: ['confirmed', 'declined', 'moved', 'dropped'],
};

// Shared by every item without history, handles or tags (frozen: the model is read-only).
const NO_HISTORY: readonly HistoryEvent[] = Object.freeze([]);
const NO_STRINGS: readonly string[] = Object.freeze([]);

/** The bar between history segments. */
const BAR = '|';

/**
 * Where the next history separator ` |` (whitespace, a bar, then whitespace or the end) starts at or
 * after `from`, or -1: a match of /\s\|(?=\s|$)/g with lastIndex `from`. The space after the bar is looked
 * at, not taken: in "x | | kept 2026-11-05" it also starts the next separator (the caller goes on from the bar).
 */
export function nextCut(s: string, from: number): number {
  for (let bar = s.indexOf(BAR, from + 1); bar !== -1; bar = s.indexOf(BAR, bar + 1)) {
    if (isJsSpace(s.charCodeAt(bar - 1)) && (bar + 1 === s.length || isJsSpace(s.charCodeAt(bar + 1)))) return bar - 1;
  }
  return -1;
}

/** Arrays are made only when needed, and at their exact size (an array grown by push keeps room for 16 more). */
function exact<T>(xs: T[] | undefined, none: readonly T[]): readonly T[] {
  return xs === undefined ? none : xs.length > 1 ? xs.slice() : xs;
}

/**
 * A PROMISE, WAITING or SCOPE line. `mentions` from `m0` and `tags` from `t0` are those the inline scan
 * found on the line after the keyword: the text's handles and tags are the ones inside it. (Scanning the
 * text alone gives the same: the character before the text is a space, or the text starts with no `@`/`#`.)
 */
export function parseTracked(
  sc: Scanner,
  s: string,
  line: number,
  kind: TrackedKind,
  entry: number,
  inline: { readonly mentions: readonly MentionItem[]; readonly m0: number; readonly tags: readonly TagItem[]; readonly t0: number },
): Tracked {
  const kwLen = kind.length;
  const dEnd = sc.readDate(s, line, kwLen);
  let p = kwLen;
  let date: string | undefined;
  let dStart = -1;
  let time: string | undefined;
  let tStart = -1;
  let tEnd = -1;
  if (dEnd >= 0) {
    date = sc.dateIso;
    dStart = sc.dateStart;
    p = dEnd;
    const t = sc.readTime(s, line, p);
    if (t >= 0) {
      p = t;
      time = sc.timeValue;
      tStart = sc.timeStart;
      tEnd = t;
    }
  } else {
    // A date with Unicode dashes is a near miss (with its fix), not a missing date.
    // So is an invisible character right after the keyword.
    const keyword = kind.toUpperCase();
    sc.report(
      dashedDateNearMiss(s, line, kwLen, keyword) ??
        invisibleAfterKeyword(s, line, kwLen, keyword) ?? { code: 'date.missing', range: lineRange(line, 0, kwLen), data: { kind } },
    );
  }
  // The text runs to the first " | " (looked for before the spaces after the date are skipped); history
  // segments follow.
  let cut = nextCut(s, p);
  const textEnd = cut >= 0 ? cut : s.length;
  p = skipBlanks(s, p);
  const text = p < textEnd ? detach(s.slice(p, trimmedEnd(s, p, textEnd))) : '';
  let history: HistoryEvent[] | undefined;
  let state: TrackedState = 'open';
  let closedOn: string | undefined;
  let recur: Recurrence | undefined;
  while (cut >= 0) {
    // A separator is a space, the bar and a space: the segment starts after the bar.
    const next = nextCut(s, cut + 2);
    const end = next >= 0 ? next : s.length;
    let start = cut + 2;
    while (start < end && isBlankChar(s.charCodeAt(start))) start++;
    if ((s.charCodeAt(start) | ASCII_LOWER_BIT) === Ch.LowerE && isRuleSegment(s.slice(start, end))) {
      // A rule segment (`every week`): not an event of the line's life, the rhythm it repeats on.
      const r = parseRuleSegment(sc, s, line, start, end, kind, recur !== undefined);
      if (r) recur = r;
      cut = next;
      continue;
    }
    const ev = parseSegment(sc, s, line, start, end, kind);
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
  const { mentions, tags } = inline;
  for (let k = inline.m0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.start >= p && m.end <= textEnd) {
      if (handles) handles.push(m.handle);
      else handles = [m.handle];
    }
  }
  for (let k = inline.t0; k < tags.length; k++) {
    const t = tags[k];
    if (t.start >= p && t.end <= textEnd) {
      if (tagList) tagList.push(t.tag);
      else tagList = [t.tag];
    }
  }
  return new TrackedItem({
    kind,
    line,
    lineLength: s.length,
    date,
    dateStart: dStart,
    dateEnd: dEnd,
    time,
    timeStart: tStart,
    timeEnd: tEnd,
    text,
    textStart: p,
    history: exact(history, NO_HISTORY),
    state,
    closedOn,
    entry,
    handles: exact(handles, NO_STRINGS),
    tags: exact(tagList, NO_STRINGS),
    recur,
  });
}

/**
 * A rule segment: `every …` on a PROMISE line, once. A rule that is not understood, a rule on a WAITING or
 * SCOPE line and a second rule are `history.invalid` (`why`: rule, ruleKind, ruleTwice).
 */
function parseRuleSegment(sc: Scanner, s: string, line: number, start: number, end: number, kind: TrackedKind, twice: boolean): Recurrence | undefined {
  const segEnd = trimmedEnd(s, start, end);
  const range = lineRange(line, start, segEnd);
  const text = s.slice(start, segEnd);
  if (kind !== 'promise') return badSegment(sc, s, start, segEnd, range, kind, 'ruleKind');
  if (twice) return badSegment(sc, s, start, segEnd, range, kind, 'ruleTwice');
  const rule = parseRule(text);
  if (!rule) return badSegment(sc, s, start, segEnd, range, kind, 'rule');
  return { ...rule, text: detach(text), range };
}

const WHO_CHAR = /^[\p{L}\p{N}_.'’\- ]$/u;

/**
 * Who agreed to a move: the shortest run of name characters (after an optional `@`) that is followed by
 * ` on ` or by nothing but spaces. The same as matching /^(@?[\p{L}\p{N}_.'’\- ]+?)(?=\s+on\s|\s*$)/u,
 * but linear: that lazy pattern rescans a run of spaces at every position in it (quadratic on long lines).
 */
function readWho(t: string): string | undefined {
  // Whitespace is /\s/ of one UTF-16 unit: isJsSpace of its code (no one-character string and test per character).
  let tail = t.length;
  while (tail > 0 && isJsSpace(t.charCodeAt(tail - 1))) tail--;
  let runEnd = -1;
  let i = t.charCodeAt(0) === Ch.At ? 1 : 0;
  while (i < t.length) {
    const cp = t.codePointAt(i)!;
    const nameChar =
      isWordAscii(cp) ||
      cp === Ch.Dot ||
      cp === Ch.Apostrophe ||
      cp === Ch.Hyphen ||
      cp === Ch.Space ||
      (cp >= Ch.NonAscii && WHO_CHAR.test(String.fromCodePoint(cp)));
    if (!nameChar) return undefined;
    i += cp > 0xffff ? 2 : 1;
    if (i >= tail) return t.slice(0, i);
    if (isJsSpace(t.charCodeAt(i))) {
      if (runEnd < i) for (runEnd = i; runEnd < t.length && isJsSpace(t.charCodeAt(runEnd));) runEnd++;
      if (t.startsWith('on', runEnd) && isJsSpace(t.charCodeAt(runEnd + 2))) return t.slice(0, i);
    }
  }
  return undefined;
}

/** The verbs of every kind by their first letter, lower-cased (the candidates for a segment's word), by character code. */
const VERBS_BY_FIRST: (readonly HistoryVerb[] | undefined)[] = [];
for (const verb of new Set(Object.values(VERBS).flat())) {
  const c = verb.charCodeAt(0);
  VERBS_BY_FIRST[c] = [...(VERBS_BY_FIRST[c] ?? []), verb];
}

/**
 * The verb a segment starts with, as the constant: the word /^([A-Za-z]+)\b/ matches, in any case, when
 * it is a verb of any kind; else undefined. The first letter names the candidates.
 */
function verbAt(s: string, start: number): HistoryVerb | undefined {
  // Past the end, charCodeAt gives NaN, and `NaN | bit` is the bit itself: no letter.
  const candidates = VERBS_BY_FIRST[s.charCodeAt(start) | ASCII_LOWER_BIT];
  if (candidates === undefined) return undefined;
  for (const verb of candidates) if (verbIs(s, start, verb)) return verb;
  return undefined;
}

/** Whether the segment's word is `verb` in any case (and not followed by another letter, digit or `_`). */
function verbIs(s: string, start: number, verb: HistoryVerb): boolean {
  // `c | ASCII_LOWER_BIT` lower-cases an ASCII letter and maps nothing else onto one.
  for (let k = 1; k < verb.length; k++) if ((s.charCodeAt(start + k) | ASCII_LOWER_BIT) !== verb.charCodeAt(k)) return false;
  return !isWordAscii(s.charCodeAt(start + verb.length));
}

const BY_NAME = /^[\p{L}\p{N}_.\-]+/u;
const SEE_APOLOGY = /(?:^|\s)see\s+APOLOGY\s+(\S+)/i;

/** A history segment: `s` from `start` to `end` (the next separator or the line's end). */
function parseSegment(sc: Scanner, s: string, line: number, start: number, end: number, kind: TrackedKind): HistoryEvent | undefined {
  const segEnd = trimmedEnd(s, start, end);
  const range = lineRange(line, start, segEnd);
  const verb = verbAt(s, start);
  if (verb === undefined || !VERBS[kind].includes(verb)) {
    // verbAt knows the verbs of every kind.
    return badSegment(sc, s, start, segEnd, range, kind, verb === undefined ? 'verb' : 'verbForKind');
  }
  let p = start + verb.length;
  if (verb === 'moved') {
    let q = skipSpace(s, p, end);
    if (q === p || !wordAt(s, q, 'from', end)) return badSegment(sc, s, start, segEnd, range, kind, 'movedFrom');
    p = sc.readDate(s, line, q + 'from'.length);
    if (p < 0) return badSegment(sc, s, start, segEnd, range, kind, 'date');
    const from = sc.dateIso;
    let fromTime: string | undefined;
    const t = sc.readTime(s, line, p);
    if (t >= 0) {
      p = t;
      fromTime = sc.timeValue;
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
    if (q > p && wordAt(s, q, 'on', end) && sc.readDate(s, line, q + 'on'.length) >= 0) on = sc.dateIso;
    return { verb, range, from, fromTime, by: by === undefined ? by : detach(by), date: on };
  }
  p = sc.readDate(s, line, p);
  if (p < 0) return badSegment(sc, s, start, segEnd, range, kind, 'date');
  const date = sc.dateIso;
  if (verb === 'confirmed' || verb === 'declined') {
    // /^\s+by\s+@?([\p{L}\p{N}_.\-]+)/u
    let by: string | undefined;
    const q = skipSpace(s, p, end);
    if (q > p && s.startsWith('by', q)) {
      let r = skipSpace(s, q + 2, end);
      if (r > q + 2) {
        if (s.charCodeAt(r) === Ch.At) r++;
        let e = r;
        while (e < end && (isWordAscii(s.charCodeAt(e)) || s.charCodeAt(e) === Ch.Dot || s.charCodeAt(e) === Ch.Hyphen)) e++;
        // Past the ASCII characters, the regular expression decides.
        if (e < end && s.charCodeAt(e) >= Ch.NonAscii) e = r + (BY_NAME.exec(s.slice(r, end))?.[0].length ?? 0);
        if (e > r) by = detach(s.slice(r, e));
      }
    }
    return { verb, range, date, by };
  }
  if (verb === 'broken' || verb === 'dropped') {
    let reason = s.slice(p, end).trim();
    let apology: string | undefined;
    const see = SEE_APOLOGY.exec(reason);
    if (see) {
      apology = isIsoDate(see[1]) ? see[1] : undefined;
      if (apology === undefined && looksLikeDate(see[1])) {
        // "see APOLOGY 2026-13-45": an impossible date names no entry.
        const at = s.indexOf(see[1], p + see.index);
        sc.report({ code: 'date.invalid', range: lineRange(line, at, at + see[1].length), data: { text: detach(see[1]) } });
      }
      reason = (reason.slice(0, see.index) + reason.slice(see.index + see[0].length)).trim();
    }
    return { verb, range, date, reason: reason ? detach(reason) : undefined, apology };
  }
  return { verb, range, date };
}

function badSegment(sc: Scanner, s: string, start: number, end: number, range: Range, kind: TrackedKind, why: string): undefined {
  sc.report({ code: 'history.invalid', range, data: { text: detach(s.slice(start, end)), kind, why } });
  return undefined;
}

const TRIAGE_WORD = /\p{L}+/uy;
const URGENT_LENGTH = 'URGENT'.length;

/** An URGENT line: /^URGENT[\s:]+(\p{L}+)/u names the triage; the text follows the whitespace and colons after the keyword. */
export function parseUrgent(s: string, line: number, entry: number): Urgent {
  let k = URGENT_LENGTH;
  while (k < s.length && (s.charCodeAt(k) === Ch.Colon || isJsSpace(s.charCodeAt(k)))) k++;
  let triage: Triage | undefined;
  if (k > URGENT_LENGTH) {
    TRIAGE_WORD.lastIndex = k;
    const m = TRIAGE_WORD.exec(s);
    if (m) triage = triageOf(m[0]);
  }
  return new UrgentItem(line, s.length, triage, detach(s.slice(k)), entry);
}
