/**
 * The body parser: walks the lines after the front matter, opens an entry at each dated heading, hands
 * keyword lines to the line parsers, reads note blocks, and finds the mentions and tags on every line.
 */
import type { Entry, Mention, Note, NoteKind, Problem, Tag, Tracked, Urgent } from '../model';
import { fieldKey } from '../notes';
import { detach } from '../text';
import { ASCII_LOWER_BIT, Ch, isBlankChar } from './chars';
import { keywordNearMiss } from './nearMiss';
import { parseHeading, parseTracked, parseUrgent } from './lines';
import { MentionItem, NoteFieldItem, NoteItem, TagItem, type EntryItem } from './model';
import { handleEnd, isBlank, isTrackedKeyword, keywordOf, leadingSpace, mentionMayFollow, Scanner, tagEnd, tagMayFollow, trimmedEnd } from './scan';

/** What the body lines `from`..`to-1` hold (see `parseBody`). */
export interface BodyPart {
  readonly entries: Entry[];
  readonly items: Tracked[];
  readonly urgents: Urgent[];
  readonly notes: Note[];
  readonly mentions: Mention[];
  readonly tags: Tag[];
}

const COMMENT = '//';

/** Whether a line is an entry heading or a plain `## ` heading (the parser tells them apart by the date): it starts with "## ". */
const isHeading = (s: string, first: number) => first === Ch.Hash && s.charCodeAt(1) === Ch.Hash && s.charCodeAt(2) === Ch.Space;

/**
 * Parses the body lines `from` (inclusive) to `to` (exclusive), appending format problems to `problems`.
 * Entry indices start at `entryBase`. The result equals the matching part of a whole-file parse when
 * `from` is the body start or an entry heading line, and `to` is an entry heading line or the line count:
 * nothing in the format crosses an entry heading (used by the incremental re-parser). `lines[k]` holds
 * line `base + k` (the incremental re-parser passes only the lines it re-parses).
 */
export function parseBody(lines: readonly string[], from: number, to: number, entryBase: number, problems: Problem[], base = 0): BodyPart {
  const sc = new Scanner(problems);
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

  // The mentions and tags of line `line` (`s`) from character `from` on.
  const scanInline = (line: number, s: string, from: number) => {
    // After a mention or tag, the next is looked for from its end.
    for (let at = s.indexOf('@', from); at !== -1; at = s.indexOf('@', at + 1)) {
      const end = at === 0 || mentionMayFollow(s.charCodeAt(at - 1)) ? handleEnd(s, at + 1) : -1;
      if (end > 0) {
        mentions.push(new MentionItem(detach(s.slice(at + 1, end)), line, at, end));
        at = end - 1;
      }
    }
    for (let at = s.indexOf('#', from); at !== -1; at = s.indexOf('#', at + 1)) {
      const end = at === 0 || tagMayFollow(s.charCodeAt(at - 1)) ? tagEnd(s, at + 1) : -1;
      if (end > 0) {
        tags.push(new TagItem(detach(s.slice(at + 1, end)), line, at, end));
        at = end - 1;
      }
    }
  };

  for (let i = from; i < to; i++) {
    const s = lines[i - base];
    // An empty line is passed over before its first character is asked for, here and in readNote: V8 optimises
    // charCodeAt for indices inside the string, and the first one past the end (an empty line's NaN) threw this
    // loop, the parser's hottest, out of optimised code, to run unoptimised for another hundred files or so.
    if (!s) continue;
    const first = s.charCodeAt(0);
    if (first <= Ch.Space && isBlank(s)) continue;
    // Comment lines (part of the entry's content, ignored otherwise).
    if (current >= 0 && !isHeading(s, first)) entryLast[current] = i;
    if ((first === Ch.Slash || isBlankChar(first)) && s.startsWith(COMMENT, leadingSpace(s))) continue;

    // Entry heading ("## Notes", without a date, is a plain heading).
    if (isHeading(s, first)) {
      const e = parseHeading(sc, s, i);
      if (e) {
        closeEntry(i - 1);
        current = entries.length;
        entries.push(e);
        entryLast[current] = i;
        scanInline(i, s, e.titleStart);
        continue;
      }
    }

    const kw = keywordOf(s, first);
    if (kw !== undefined) {
      if (isTrackedKeyword(kw)) {
        const m0 = mentions.length;
        const t0 = tags.length;
        scanInline(i, s, kw.length);
        items.push(parseTracked(sc, s, i, kw, entryIndex(), { mentions, m0, tags, t0 }));
        continue;
      }
      if (kw === 'urgent') {
        urgents.push(parseUrgent(s, i, entryIndex()));
        scanInline(i, s, kw.length);
        continue;
      }
      // A note block: the header and the indented lines under it.
      const note = readNote(sc, lines, base, i, to, kw, entryIndex(), scanInline);
      notes.push(note);
      if (current >= 0) entryLast[current] = note.endLine;
      scanInline(i, s, kw.length);
      i = note.endLine;
      continue;
    }

    // Not a keyword line: one that looks like one is a near miss. Only lines starting with whitespace, an
    // ASCII letter or a character past ASCII can be (a cheap test before the reader).
    if (first <= Ch.Space || first >= Ch.NonAscii || ((first | ASCII_LOWER_BIT) >= Ch.LowerA && (first | ASCII_LOWER_BIT) <= Ch.LowerZ)) {
      const miss = keywordNearMiss(s, i);
      if (miss) sc.report(miss);
    }
    scanInline(i, s, 0);
  }
  closeEntry(to - 1);
  sc.done();

  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    e.endLine = entryEnds[k] ?? e.line;
    e.lastContentLine = entryLast[k] ?? e.line;
  }
  return { entries, items, urgents, notes, mentions, tags };
}

/**
 * The note block whose header (a note keyword) is line `i`: the indented lines under it, up to `to`, read as
 * fields and their continuation lines. A function of its own, apart from parseBody's loop: V8 optimises a
 * function once it has run for long enough in proportion to its size, and the smaller loop gets there sooner.
 */
function readNote(
  sc: Scanner,
  lines: readonly string[],
  base: number,
  i: number,
  to: number,
  kind: NoteKind,
  entry: number,
  scanInline: (line: number, s: string, from: number) => void,
): NoteItem {
  const s = lines[i - base];
  const fields: NoteFieldItem[] = [];
  let end = i;
  let fieldIndent = -1;
  for (let j = i + 1; j < to; j++) {
    const t = lines[j - base];
    if (!t || !isBlankChar(t.charCodeAt(0)) || isBlank(t)) break;
    end = j;
    const valueStart = sc.fieldAt(t);
    // The label starts after the indentation, so labelStart is the line's indent.
    if (valueStart >= 0 && (fieldIndent < 0 || sc.labelStart <= fieldIndent)) {
      if (fieldIndent < 0) fieldIndent = sc.labelStart;
      const label = detach(t.slice(sc.labelStart, sc.labelEnd));
      // "  Fix: " has an empty value.
      const valueEnd = trimmedEnd(t, valueStart, t.length);
      const value = detach(t.slice(valueStart, valueEnd));
      fields.push(new NoteFieldItem({ key: fieldKey(kind, label), label, value, line: j, labelStart: sc.labelStart, valueStart, valueEndLine: j, valueEnd }));
      scanInline(j, t, valueStart);
    } else if (fields.length > 0) {
      // A continuation line of the last field's value.
      const prev = fields[fields.length - 1];
      const more = t.trim();
      prev.value = detach(prev.value ? `${prev.value} ${more}` : more);
      prev.valueEndLine = j;
      prev.valueEnd = t.trimEnd().length;
      scanInline(j, t, 0);
    } else {
      scanInline(j, t, 0);
    }
  }
  return new NoteItem(kind, i, end, s.length, detach(s.slice(kind.length).trim()), fields, entry);
}
