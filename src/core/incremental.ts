/**
 * Incremental re-parsing: after an edit, re-parse only the entries the edit touches and splice the
 * result into the previous model. The result always equals `parse` of the new text (property-tested in
 * test/core/incremental.test.ts); when that cannot be guaranteed cheaply (the edit touches the front
 * matter or line 0, or plays with CR/LF pairs or the BOM) it falls back to a full parse.
 *
 * Nothing in the body crosses an entry heading (`## <date> …`): a note block ends at the first line that
 * is not indented, and a heading line is a heading whatever comes before it. So re-parsing from the
 * heading of the entry before the edit up to the first heading after it reproduces that slice exactly;
 * the models after the slice only move by the number of lines (and entries) the edit added or removed.
 */
import { analyze, quietFinding, type AnalyzeOptions } from './analyze';
import { capPerFile } from './limits';
import {
  DEFAULT_LEVELS,
  MAX_FINDINGS_PER_FILE,
  type ClientLog,
  type Entry,
  type Finding,
  type Mention,
  type Note,
  type Problem,
  type Tag,
  type Tracked,
  type Urgent,
} from './model';
import { parseBody, parseLines, shiftEntry, shiftMention, shiftNote, shiftTag, shiftTracked, shiftUrgent, startLine, type ParseOptions } from './parse';
import { LineBreak, shiftRange, splitLinesWithBreaks, type Position, type Range } from './text';

/**
 * Lines in chunks of about CHUNK lines, so an edit copies one chunk and the short list of chunks, never
 * an array as long as the file (a 50,000-line array would be allocated in V8's large-object space on
 * every keystroke, and the collections of the old generation that follow are the slowest pauses).
 */
let CHUNK = 1024;

/** For tests: small chunks make every edit cross chunk boundaries. Returns the previous size. */
export function setChunkSize(lines: number): number {
  const prev = CHUNK;
  CHUNK = Math.max(1, Math.floor(lines));
  return prev;
}
interface Chunk {
  readonly lines: readonly string[];
  /** The break after each line (`LineBreak`); the file's last line has none. */
  readonly breaks: readonly number[];
}

/** A parsed document that can be edited: its lines, line breaks and model. Treat as immutable. */
export interface ParsedDocument {
  readonly chunks: readonly Chunk[];
  /** The first line of each chunk. */
  readonly firsts: readonly number[];
  readonly crlf: number;
  readonly lf: number;
  readonly log: ClientLog;
  readonly options: ParseOptions;
  /** What the last `reparse` re-parsed (absent after a full parse): old lines `from`..`oldTo`-1 became `from`..`newTo`-1. */
  readonly edit?: EditedSlice;
  /**
   * Whether the last `reparse` changed the APOLOGY notes of its slice (by their entry's date): a
   * `see APOLOGY <date>` anywhere in the file may then name a note or stop naming one, so the next
   * `reanalyze` analyzes the whole log.
   */
  readonly apologiesChanged?: boolean;
}

export interface EditedSlice {
  readonly from: number;
  readonly oldTo: number;
  readonly newTo: number;
  /** Lines added (negative: removed) by the edit. */
  readonly delta: number;
}

/** A change as VS Code reports it: a range in the old text (without the BOM) and the text that replaces it. */
export interface TextChange {
  readonly range: Range;
  readonly text: string;
}

function chunked(lines: readonly string[], breaks: readonly number[], first: number, chunks: Chunk[], firsts: number[]): void {
  for (let at = 0; at < lines.length; at += CHUNK) {
    chunks.push({ lines: lines.slice(at, at + CHUNK), breaks: breaks.slice(at, at + CHUNK) });
    firsts.push(first + at);
  }
}

/** Parses a text into an editable document; `doc.log` equals `parse(text, options)`. */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const { lines, breaks, crlf, lf, bom } = splitLinesWithBreaks(text);
  const log = parseLines(lines, crlf > lf ? '\r\n' : '\n', bom, options);
  const chunks: Chunk[] = [];
  const firsts: number[] = [];
  chunked(lines, breaks, 0, chunks, firsts);
  return { chunks, firsts, crlf, lf, log, options };
}

function chunkOf(doc: ParsedDocument, line: number): number {
  let lo = 0;
  let hi = doc.firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.firsts[mid] <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of a line (without its break). */
export function lineAt(doc: ParsedDocument, line: number): string {
  const k = chunkOf(doc, line);
  return doc.chunks[k].lines[line - doc.firsts[k]];
}

function breakAt(doc: ParsedDocument, line: number): number {
  const k = chunkOf(doc, line);
  return doc.chunks[k].breaks[line - doc.firsts[k]];
}

/** Lines `from`..`to`-1 as an array. */
function linesBetween(doc: ParsedDocument, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = chunkOf(doc, from); k < doc.chunks.length && doc.firsts[k] < to; k++) {
    const c = doc.chunks[k].lines;
    const a = Math.max(0, from - doc.firsts[k]);
    const b = Math.min(c.length, to - doc.firsts[k]);
    for (let i = a; i < b; i++) out.push(c[i]);
  }
  return out;
}

/** The document's text, exactly (BOM and every line break kept). */
export function documentText(doc: ParsedDocument): string {
  const parts: string[] = doc.log.bom ? ['\ufeff'] : [];
  for (const c of doc.chunks) {
    for (let i = 0; i < c.lines.length; i++) {
      parts.push(c.lines[i]);
      const b = c.breaks[i];
      if (b === LineBreak.LF) parts.push('\n');
      else if (b === LineBreak.CRLF) parts.push('\r\n');
      else if (b === LineBreak.CR) parts.push('\r');
    }
  }
  return parts.join('');
}

function clampPos(doc: ParsedDocument, p: Position): Position {
  const last = doc.log.lineCount - 1;
  if (p.line > last) return { line: last, character: lineAt(doc, last).length };
  const line = Math.max(0, p.line);
  return { line, character: Math.max(0, Math.min(p.character, lineAt(doc, line).length)) };
}

/** The first index whose element's line is `>= line` (arrays here are ordered by that line). */
function lowerBound<T>(arr: readonly T[], line: number, lineOf: (x: T) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineOf(arr[mid]) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byLine = (x: { line: number }) => x.line;
const byRange = (x: { range: Range }) => x.range.start.line;

/**
 * The document after one change. Re-parses only the entries the change touches when the front matter
 * (and line 0) is untouched; falls back to a full parse otherwise. `reparse(doc, c).log` always equals
 * `parse(newText)`.
 */
export function reparse(doc: ParsedDocument, change: TextChange): ParsedDocument {
  const start = clampPos(doc, change.range.start);
  let end = clampPos(doc, change.range.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  const full = () => {
    const old = documentText(doc);
    let offset = doc.log.bom ? 1 : 0;
    let startOffset = 0;
    let endOffset = 0;
    for (let i = 0; i <= end.line; i++) {
      if (i === start.line) startOffset = offset + start.character;
      if (i === end.line) endOffset = offset + end.character;
      offset += lineAt(doc, i).length + breakLength(breakAt(doc, i));
    }
    return parseDocument(old.slice(0, startOffset) + change.text + old.slice(endOffset), doc.options);
  };

  const log = doc.log;
  const text = change.text;
  // Guards: the front matter (or what could become one), the BOM, CR/LF pairs.
  if (start.line === 0) return full();
  if (log.frontMatter ? start.line <= log.frontMatter.endLine : lineAt(doc, 0).trimEnd() === '---') return full();
  if (text.indexOf('\r') !== -1) return full();

  // The new lines replacing old lines start.line..end.line.
  const mid = lineAt(doc, start.line).slice(0, start.character) + text + lineAt(doc, end.line).slice(end.character);
  const midLines = mid.split('\n');
  // An empty line between a lone CR and an LF would turn them into one CRLF break.
  if (breakAt(doc, start.line - 1) === LineBreak.CR && midLines[0] === '' && (midLines.length > 1 || breakAt(doc, end.line) === LineBreak.LF)) return full();
  const delta = midLines.length - (end.line - start.line + 1);

  // The slice to re-parse, in old lines: from the heading of the entry holding the line before the edit
  // (or the body start) to the first heading after the edit (or the end).
  const entries = log.entries;
  const bodyStart = log.frontMatter ? log.frontMatter.endLine + 1 : 0;
  const k = lowerBound(entries, start.line, byLine) - 1; // last entry with a heading before start.line
  const from = k >= 0 ? entries[k].line : bodyStart;
  const firstEntry = k >= 0 ? k : 0;
  const after = lowerBound(entries, end.line + 1, byLine); // first entry with its heading after the edit
  const oldTo = after < entries.length ? entries[after].line : log.lineCount;
  const newTo = oldTo + delta;

  // The new lines and breaks: the chunks holding start.line..end.line are replaced.
  const ka = chunkOf(doc, start.line);
  const kb = chunkOf(doc, end.line);
  const ca = doc.chunks[ka];
  const cb = doc.chunks[kb];
  const oa = start.line - doc.firsts[ka];
  const ob = end.line - doc.firsts[kb];
  let lf = doc.lf;
  let crlf = doc.crlf;
  for (let i = start.line; i < end.line; i++) {
    const br = breakAt(doc, i);
    if (br === LineBreak.LF) lf--;
    else if (br === LineBreak.CRLF) crlf--;
  }
  lf += midLines.length - 1;
  const newLines = [...ca.lines.slice(0, oa), ...midLines, ...cb.lines.slice(ob + 1)];
  const newBreaks = [...ca.breaks.slice(0, oa), ...midLines.map(() => LineBreak.LF as number)];
  newBreaks[newBreaks.length - 1] = cb.breaks[ob];
  for (let i = ob + 1; i < cb.lines.length; i++) newBreaks.push(cb.breaks[i]);
  const chunks: Chunk[] = doc.chunks.slice(0, ka);
  const firsts: number[] = doc.firsts.slice(0, ka);
  if (newLines.length <= 2 * CHUNK) {
    chunks.push({ lines: newLines, breaks: newBreaks });
    firsts.push(doc.firsts[ka]);
  } else {
    chunked(newLines, newBreaks, doc.firsts[ka], chunks, firsts);
  }
  for (let k = kb + 1; k < doc.chunks.length; k++) {
    chunks.push(doc.chunks[k]);
    firsts.push(doc.firsts[k] + delta);
  }
  const next: ParsedDocument = { chunks, firsts, crlf, lf, log, options: doc.options };
  const lineCount = log.lineCount + delta;

  // Re-parse the slice.
  const regionProblems: Problem[] = [];
  const part = parseBody(linesBetween(next, from, newTo), from, newTo, firstEntry, regionProblems, from);
  const entryDelta = firstEntry + part.entries.length - after;

  const splice = <T>(old: readonly T[], lineOf: (x: T) => number, region: readonly T[], shift: (x: T) => T): T[] => {
    const a = lowerBound(old, from, lineOf);
    const b = lowerBound(old, oldTo, lineOf);
    const out = replaced(old, a, b, region);
    if (delta !== 0 || entryDelta !== 0) for (let i = a + region.length; i < out.length; i++) out[i] = shift(out[i]);
    return out;
  };

  const sr = (r: Range): Range => shiftRange(r, delta);
  const se = (e: number) => (e >= 0 ? e + entryDelta : e);
  const newLog: ClientLog = {
    client: log.client,
    frontMatter: log.frontMatter,
    entries: splice<Entry>(entries, byLine, part.entries, (e) => shiftEntry(e, delta)),
    items: splice<Tracked>(log.items, byLine, part.items, (t) => shiftTracked(t, delta, se(t.entry))),
    urgents: splice<Urgent>(log.urgents, byLine, part.urgents, (u) => shiftUrgent(u, delta, se(u.entry))),
    notes: splice<Note>(log.notes, byLine, part.notes, (n) => shiftNote(n, delta, se(n.entry))),
    mentions: splice<Mention>(log.mentions, startLine, part.mentions, (m) => shiftMention(m, delta)),
    tags: splice<Tag>(log.tags, startLine, part.tags, (t) => shiftTag(t, delta)),
    problems: splice<Problem>(log.problems, byRange, regionProblems, (p) => ({ ...p, range: sr(p.range) })),
    lineCount,
    eol: crlf > lf ? '\r\n' : '\n',
    bom: log.bom,
  };
  const apologiesOld = apologyKeys(log.notes.slice(lowerBound(log.notes, from, byLine), lowerBound(log.notes, oldTo, byLine)), log.entries);
  const apologiesChanged = apologiesOld !== apologyKeys(part.notes, newLog.entries);
  return { ...next, log: newLog, edit: { from, oldTo, newTo, delta }, apologiesChanged };
}

/** The entry dates of the APOLOGY notes among `notes`, as one comparable string. */
function apologyKeys(notes: readonly Note[], entries: readonly Entry[]): string {
  let key = '';
  for (const n of notes) if (n.kind === 'apology') key += `${n.entry >= 0 ? (entries[n.entry]?.date ?? '') : ''},`;
  return key;
}

/**
 * The findings of `doc` given the findings `prev` of the document before the last `reparse` (with the
 * same options): only the re-parsed slice is analyzed again. Equals `analyze(doc.log, options)`.
 */
export function reanalyze(doc: ParsedDocument, prev: readonly Finding[], options: AnalyzeOptions): Finding[] {
  const e = doc.edit;
  // The whole log is analyzed again when the previous findings may have been capped (findings left out
  // cannot be spliced back), and when an apology reference may have changed meaning.
  if (!e || doc.apologiesChanged || prev.length >= MAX_FINDINGS_PER_FILE) return analyze(doc.log, options);
  const log = doc.log;
  const inSlice = <T>(arr: readonly T[], lineOf: (x: T) => number): readonly T[] =>
    arr.slice(lowerBound(arr, e.from, lineOf), lowerBound(arr, e.newTo, lineOf));
  const sliceItems = inSlice(log.items, byLine);
  // An item of the slice that names an apology is checked against every note of the file.
  if (sliceItems.some((i) => i.history.some((h) => h.apology !== undefined))) return analyze(doc.log, options);
  const isQuiet = (f: Finding) => f.code === 'client.quiet';
  // `client.quiet` reads every entry, and sits on the client line: it is worked out apart, over the whole log.
  const slice = analyze(
    {
      ...log,
      items: sliceItems,
      urgents: inSlice(log.urgents, byLine),
      notes: inSlice(log.notes, byLine),
      mentions: inSlice(log.mentions, startLine),
      problems: inSlice(log.problems, byRange),
    },
    options,
  ).filter((f) => !isQuiet(f));
  if (slice.length >= MAX_FINDINGS_PER_FILE) return analyze(doc.log, options);
  if (prev.some(isQuiet)) prev = prev.filter((f) => !isQuiet(f));
  const a = lowerBound(prev, e.from, byRange);
  const out = replaced(prev, a, lowerBound(prev, e.oldTo, byRange), slice);
  if (e.delta !== 0) {
    for (let i = a + slice.length; i < out.length; i++) {
      const f = out[i];
      const data = typeof f.data.line === 'number' ? { ...f.data, line: f.data.line + e.delta } : f.data;
      out[i] = { ...f, range: shiftRange(f.range, e.delta), data };
    }
  }
  const q = quietFinding(log, options);
  if (q) {
    // In analyze's order: position, then code.
    const before = (f: Finding) =>
      f.range.start.line < q.range.start.line ||
      (f.range.start.line === q.range.start.line &&
        (f.range.start.character < q.range.start.character || (f.range.start.character === q.range.start.character && f.code < q.code)));
    let k = 0;
    while (k < out.length && before(out[k])) k++;
    out.splice(k, 0, q);
  }
  return capPerFile(out, options.levels?.['file.tooManyFindings'] ?? DEFAULT_LEVELS['file.tooManyFindings']);
}

/**
 * `old` with elements `a`..`b`-1 replaced by `region`, as one exact-size copy (arrays grown by push
 * allocate about three times as much on every keystroke). Large regions do not go through spread
 * arguments, which have a limit.
 */
function replaced<T>(old: readonly T[], a: number, b: number, region: readonly T[]): T[] {
  if (region.length > 4096) return old.slice(0, a).concat(region, old.slice(b));
  const out = old.slice();
  out.splice(a, b - a, ...region);
  return out;
}

function breakLength(b: number): number {
  return b === LineBreak.None ? 0 : b === LineBreak.CRLF ? 2 : 1;
}
