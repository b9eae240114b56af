/** Positions and line access shared by the parser, the rules and the edit builders. */

export interface Position {
  /** Zero-based line. */
  readonly line: number;
  /** Zero-based offset in UTF-16 code units, as in VS Code. */
  readonly character: number;
}

/** Text for a Markdown hover or tooltip, with every character Markdown could read as markup escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * `s` as a string of its own. V8 makes a substring of 13 or more characters a view into its parent, so a
 * short title kept in a model would keep the whole file's text alive; long-lived model strings go
 * through here. Equal to `s`. (Inside `sharingText`, `s` itself.)
 */
export function detach(s: string): string {
  return s.length < 13 || sharing ? s : (' ' + s).slice(1);
}

let sharing = false;

/**
 * `f()` with `detach` giving back its argument: for a model that is dropped as soon as it is read (the
 * command line's check), whose strings may stay views into the file's text. Copying them out cost about a
 * tenth of a parse. Nothing else changes: the strings are equal either way.
 */
export function sharingText<T>(f: () => T): T {
  if (sharing) return f();
  sharing = true;
  try {
    return f();
  } finally {
    sharing = false;
  }
}

/** `\s` as in JavaScript regular expressions (and what `trim` removes). */
export function isJsSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const MENTION = /(^|[\s([{"'«„“,;:/])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;
const TAG = /(^|[\s([{"'«„“,;:])#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu;

/**
 * A log's text for people (a letter, a calendar title): on one line, `@handle` becomes `named(handle)`, a
 * `#tag` goes, and so do the brackets and spaces a tag leaves behind. (The same mentions and tags as the
 * parser's scanners read.)
 */
export function readable(text: string, named: (handle: string) => string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MENTION, (_m, pre: string, h: string) => pre + named(h))
    .replace(TAG, (_m, pre: string) => pre)
    .replace(/[([{]\s*[)\]}]/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Whether a position is inside a range (both ends included). */
export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

/** Whether `inner` lies within `outer`. */
export function inside(inner: Range, outer: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

export function range(line: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line: endLine, character: endChar } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** `r` moved `d` lines down (up when negative), characters unchanged. */
export function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

/**
 * Read-only access to a document's lines. VS Code's TextDocument fits it through a tiny adapter,
 * so edits are computed against the editor's live text without copying it.
 */
export interface LineSource {
  readonly lineCount: number;
  /** The text of a line, without its line break. */
  lineAt(line: number): string;
  /** The line break the document uses most ("\n" or "\r\n"); new lines are written with it. */
  readonly eol: string;
}

export interface SplitText {
  /** Lines without their breaks. A text ending in a break has a final empty line, as in VS Code. */
  readonly lines: string[];
  readonly eol: '\n' | '\r\n';
  /** Whether the text started with a UTF-8 byte order mark (U+FEFF), which is not part of line 0. */
  readonly bom: boolean;
}

/** The line break after a line: none (the last line), LF, CRLF, lone CR. */
export const enum LineBreak {
  None = 0,
  LF = 1,
  CRLF = 2,
  CR = 3,
}

export interface SplitTextWithBreaks {
  readonly lines: string[];
  /** The break after each line (`LineBreak`); the last line has none. */
  readonly breaks: number[];
  readonly crlf: number;
  readonly lf: number;
  readonly bom: boolean;
}

/**
 * Splits on CRLF, LF and lone CR, like VS Code, recording each line's break (for edits that must keep
 * every break as it was); strips a leading BOM. Linear.
 */
export function splitLinesWithBreaks(text: string): SplitTextWithBreaks {
  let bom = false;
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = true;
    start = 1;
  }
  if (text.indexOf('\r') === -1) {
    // LF breaks only (most files): the engine's split is several times faster than the loop below.
    const lines = (bom ? text.slice(1) : text).split('\n');
    const breaks: number[] = new Array<number>(lines.length).fill(LineBreak.LF);
    breaks[lines.length - 1] = LineBreak.None;
    return { lines, breaks, crlf: 0, lf: lines.length - 1, bom };
  }
  const crlfLines = splitCrlfOnly(bom ? text.slice(1) : text);
  if (crlfLines) {
    const breaks: number[] = new Array<number>(crlfLines.length).fill(LineBreak.CRLF);
    breaks[crlfLines.length - 1] = LineBreak.None;
    return { lines: crlfLines, breaks, crlf: crlfLines.length - 1, lf: 0, bom };
  }
  const lines: string[] = [];
  const breaks: number[] = [];
  let crlf = 0;
  let lf = 0;
  let lineStart = start;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(lineStart, i));
      breaks.push(LineBreak.LF);
      lf++;
      lineStart = i + 1;
    } else if (c === 13) {
      lines.push(text.slice(lineStart, i));
      if (text.charCodeAt(i + 1) === 10) {
        i++;
        crlf++;
        breaks.push(LineBreak.CRLF);
      } else {
        breaks.push(LineBreak.CR);
      }
      lineStart = i + 1;
    }
  }
  lines.push(text.slice(lineStart));
  breaks.push(LineBreak.None);
  return { lines, breaks, crlf, lf, bom };
}

/**
 * `text` split on CRLF when every break in it is one (the other common case after LF only), else
 * undefined: the engine's split, and a look for a lone CR or LF in each line.
 */
function splitCrlfOnly(text: string): string[] | undefined {
  const lines = text.split('\r\n');
  for (const l of lines) if (l.indexOf('\n') !== -1 || l.indexOf('\r') !== -1) return undefined;
  return lines;
}

/** Splits on CRLF, LF and lone CR, like VS Code; strips a leading BOM. Linear. */
export function splitLines(text: string): SplitText {
  // Most files have LF breaks only, some CRLF only: split without recording breaks (the parser's hot path).
  const bom = text.charCodeAt(0) === 0xfeff;
  if (text.indexOf('\r') === -1) return { lines: (bom ? text.slice(1) : text).split('\n'), eol: '\n', bom };
  // The text holds a CR, so with CRLF breaks only it holds at least one: more CRLF than LF breaks.
  const crlfLines = splitCrlfOnly(bom ? text.slice(1) : text);
  if (crlfLines) return { lines: crlfLines, eol: '\r\n', bom };
  const { lines, crlf, lf } = splitLinesWithBreaks(text);
  return { lines, eol: crlf > lf ? '\r\n' : '\n', bom };
}

/** A LineSource over an in-memory string (tests, the CLI). */
export function textSource(text: string): LineSource {
  const { lines, eol } = splitLines(text);
  return { lineCount: lines.length, lineAt: (i) => lines[i] ?? '', eol };
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Applies edits to a text (for tests and the CLI). Offsets are computed on the text without its BOM,
 * which is kept. Edits must not overlap.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const starts = [0];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13 && body.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) {
      starts.push(i + 1);
    }
  }
  const offset = (p: Position) => Math.min((starts[p.line] ?? body.length) + p.character, body.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = body;
  for (const e of sorted) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return bom + out;
}

const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

/**
 * Joins edits that touch (one ends where the next starts, or two insertions at one position) into one,
 * in the given order, so edits from two builders on the same line apply as one unambiguous change.
 * Throws on overlapping edits, which no builder makes.
 */
export function combineEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => cmp(a.e.range.start, b.e.range.start) || a.i - b.i);
  const out: TextEdit[] = [];
  for (const { e } of sorted) {
    const prev = out[out.length - 1];
    if (prev && cmp(prev.range.end, e.range.start) === 0) {
      out[out.length - 1] = { range: { start: prev.range.start, end: e.range.end }, newText: prev.newText + e.newText };
    } else if (prev && cmp(prev.range.end, e.range.start) > 0) {
      throw new Error('overlapping edits');
    } else {
      out.push(e);
    }
  }
  return out;
}
