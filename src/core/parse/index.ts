/**
 * The parser: the text of a `.clientlog` file to its model. Linear in the text; never throws.
 *
 *   model.ts  the model objects it makes (positions as numbers, ranges built on read) and their shifts
 *   chars.ts  the character codes it compares against
 *   scan.ts   the character scanners (dates, times, handles, tags, keywords, field labels)
 *   lines.ts  the line parsers (entry heading, tracked line and its history, URGENT)
 *   body.ts   the walk over the body's lines (entries, note blocks, mentions and tags)
 */
import { parseFrontMatter } from '../frontMatter';
import { decodeLog } from '../encoding';
import type { ClientLog, FrontMatter, Problem } from '../model';
import { lineRange, sharingText, splitLines } from '../text';
import { parseBody } from './body';

export { parseBody, type BodyPart } from './body';
export { HANDLE_SOURCE, isTrackedKeyword, keywordOf, type Keyword } from './scan';
export { shiftEntry, shiftMention, shiftNote, shiftTag, shiftTracked, shiftUrgent, startLine } from './model';

export interface ParseOptions {
  /** The file name or path; its base name without `.clientlog` names the client when the front matter does not. */
  readonly fileName?: string;
  /**
   * The model is read once and dropped (the command line's check): its strings may stay views into `text`
   * instead of copies (see `sharingText`), so keeping any of them keeps the whole text. The same model otherwise.
   */
  readonly transient?: boolean;
}

/** Turns the text of a `.clientlog` file into its model. Linear in the text; never throws. */
export function parse(text: string, options: ParseOptions = {}): ClientLog {
  const { lines, eol, bom } = splitLines(text);
  return options.transient ? sharingText(() => parseLines(lines, eol, bom, options)) : parseLines(lines, eol, bom, options);
}

/**
 * `parse` of a file's bytes, decoded by `decodeLog` (UTF-8, UTF-16 with a BOM), whose `file.encoding` or
 * `file.binary` problem comes first. A binary file is an empty log with that one problem.
 */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): ClientLog {
  const d = decodeLog(bytes);
  return withProblems(parse(d.text, options), d.problems);
}

/** `log` with `problems` (of the file as a whole: its encoding) before its own. */
export function withProblems(log: ClientLog, problems: readonly Problem[]): ClientLog {
  return problems.length === 0 ? log : { ...log, problems: [...problems, ...log.problems] };
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
  } catch (e) {
    // parseFrontMatter reports its own problems and is not known to throw; if it ever does, the body
    // still parses (from the top) and the failure is a finding rather than a silently missing profile.
    problems.push({
      code: 'frontMatter.invalid',
      range: lineRange(0, 0, lines.length > 0 ? lines[0].length : 0),
      data: { reason: 'yaml', message: errorMessage(e) },
    });
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

function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0] || 'unreadable';
}
