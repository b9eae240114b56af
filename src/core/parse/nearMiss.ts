/**
 * Near misses: lines that look like a keyword line to a reader but that the parser does not track, so a
 * promise would be missed without a word. Each gives a `keyword.nearMiss` problem whose payload holds the
 * exact replacement (`text` at the finding's range becomes `replacement`) for the quick fix.
 *
 * - the keyword in other letter case, followed by a date (`Promise 2026-11-05 …`, `promise 2026-11-05 …`);
 * - the keyword indented outside a note block (`  PROMISE …`);
 * - an invisible character before, in or right after the keyword (zero-width space, joiners, a stray BOM);
 * - look-alike letters from Cyrillic or Greek (`РROMISE` with a Cyrillic Р, `ЅCOPE`);
 * - a date written with Unicode dashes (`PROMISE 2026‐11‐05 …`, `## 2026–11–05 …`).
 */
import { looksLikeDate } from '../dates';
import type { Problem } from '../model';
import { detach, isJsSpace, lineRange } from '../text';
import { Ch, isDigit } from './chars';
import { KEYWORDS, skipBlanks } from './scan';

/** Characters that show nothing (and that a keyword must not contain). */
const INVISIBLE = new Set([0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
const isInvisible = (c: number) => INVISIBLE.has(c);

/** Cyrillic and Greek letters that look like the Latin capitals of the keywords, as those capitals. */
const LOOKALIKE = new Map<number, string>(
  Object.entries({
    // Cyrillic capitals and small letters
    А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y', Ԍ: 'G', Ԝ: 'W', Ӏ: 'I',
    а: 'A', е: 'E', о: 'O', р: 'P', с: 'C', х: 'X', ѕ: 'S', і: 'I', ј: 'J', ԝ: 'W', у: 'Y',
    // Greek capitals
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  }).map(([k, v]) => [k.charCodeAt(0), v]),
);

/** Dashes that are not the ASCII hyphen-minus of an ISO date. */
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63, 0xff0d]);

/** The longest keyword (ESCALATION): a longer word is no near miss. */
const LONGEST = Math.max(...KEYWORDS.map((k) => k.length));
const TRACKED = new Set(['PROMISE', 'WAITING', 'SCOPE']);

export type NearMissWhy = 'case' | 'indent' | 'invisible' | 'lookalike' | 'dash';

function problem(line: number, start: number, end: number, s: string, replacement: string, why: NearMissWhy, keyword: string): Problem {
  return { code: 'keyword.nearMiss', range: lineRange(line, start, end), data: { text: detach(s.slice(start, end)), replacement, why, keyword } };
}

/**
 * The near-miss keyword a line that is no keyword line starts with, as a problem, or undefined. Constant
 * time: it reads at most the indentation, the invisible characters and a word as long as the longest keyword.
 */
export function keywordNearMiss(s: string, line: number): Problem | undefined {
  let p = 0;
  let indent = false;
  let invisible = false;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (isInvisible(c)) invisible = true;
    else if (isJsSpace(c)) indent = true;
    else break;
  }
  let word = '';
  let otherCase = false;
  let lookalike = false;
  let q = p;
  for (; q < s.length; q++) {
    const c = s.charCodeAt(q);
    if (c >= Ch.UpperA && c <= Ch.UpperZ) word += s[q];
    else if (c >= Ch.LowerA && c <= Ch.LowerZ) {
      word += s[q].toUpperCase();
      otherCase = true;
    } else if (isInvisible(c)) invisible = true;
    else {
      const latin = LOOKALIKE.get(c);
      if (latin === undefined) break;
      word += latin;
      lookalike = true;
    }
    if (word.length > LONGEST) return undefined;
  }
  if (q < s.length && s.charCodeAt(q) !== Ch.Colon && !isJsSpace(s.charCodeAt(q))) return undefined;
  if (!(KEYWORDS as readonly string[]).includes(word)) return undefined;
  if (otherCase) {
    // "Promise me …" and "Scope of the project" are prose: only a tracked keyword followed by a date is a near miss.
    if (!TRACKED.has(word) || !dateFollows(s, q)) return undefined;
  }
  const why: NearMissWhy = lookalike ? 'lookalike' : invisible ? 'invisible' : otherCase ? 'case' : indent ? 'indent' : 'case';
  if (!lookalike && !invisible && !otherCase && !indent) return undefined;
  return problem(line, 0, q, s, word, why, word);
}

/** Whether a date (in any spelling the parser knows, or with Unicode dashes) follows `pos` after blanks (and a colon). */
function dateFollows(s: string, pos: number): boolean {
  let p = skipBlanks(s, pos);
  if (s.charCodeAt(p) === Ch.Colon) p = skipBlanks(s, p + 1);
  if (!isDigit(s.charCodeAt(p))) return false;
  let end = p;
  while (end < s.length && s.charCodeAt(end) > Ch.Space) end++;
  while (end > p && (s.charCodeAt(end - 1) === Ch.Comma || s.charCodeAt(end - 1) === Ch.Semicolon || s.charCodeAt(end - 1) === Ch.Colon)) end--;
  return dashedDateEnd(s, p) >= 0 || looksLikeDate(s.slice(p, end));
}

/**
 * The end of `\d{4}D\d{2}D\d{2}` at `pos`, where each D is a dash and at least one a Unicode dash,
 * followed by the end, whitespace or punctuation; else -1.
 */
function dashedDateEnd(s: string, pos: number): number {
  const digitsAt = (at: number, n: number) => {
    for (let k = 0; k < n; k++) if (!isDigit(s.charCodeAt(at + k))) return false;
    return true;
  };
  const dash = (at: number) => s.charCodeAt(at) === Ch.Hyphen || DASHES.has(s.charCodeAt(at));
  if (!(digitsAt(pos, 4) && dash(pos + 4) && digitsAt(pos + 5, 2) && dash(pos + 7) && digitsAt(pos + 8, 2))) return -1;
  if (!DASHES.has(s.charCodeAt(pos + 4)) && !DASHES.has(s.charCodeAt(pos + 7))) return -1;
  const after = s.charCodeAt(pos + 10);
  if (!(pos + 10 === s.length || after <= Ch.Space || after === Ch.Comma || after === Ch.Semicolon || after === Ch.Colon)) return -1;
  return pos + 10;
}

/**
 * A date written with Unicode dashes at `pos` (after blanks), where a date is expected but none was read,
 * as a near miss whose replacement is the date with ASCII hyphens; or undefined.
 */
export function dashedDateNearMiss(s: string, line: number, pos: number, keyword: string): Problem | undefined {
  const p = skipBlanks(s, pos);
  const end = dashedDateEnd(s, p);
  if (end < 0) return undefined;
  const iso = `${s.slice(p, p + 4)}-${s.slice(p + 5, p + 7)}-${s.slice(p + 8, p + 10)}`;
  return problem(line, p, end, s, iso, 'dash', keyword);
}

/**
 * A keyword the parser read, followed by invisible characters that it took for whitespace (U+FEFF is
 * whitespace to JavaScript) and that keep the date from being read: a near miss whose fix drops them.
 */
export function invisibleAfterKeyword(s: string, line: number, kwLen: number, keyword: string): Problem | undefined {
  let p = kwLen;
  while (isInvisible(s.charCodeAt(p))) p++;
  return p > kwLen ? problem(line, 0, p, s, keyword, 'invisible', keyword) : undefined;
}
