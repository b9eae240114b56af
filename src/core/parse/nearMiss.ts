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
import { ASCII_LOWER_BIT, Ch, isDigit } from './chars';
import { KEYWORDS, skipBlanks } from './scan';

/**
 * Characters that show nothing (and that a keyword must not contain): the soft hyphen, the Mongolian vowel
 * separator, zero-width space, non-joiner and joiner, the left-to-right and right-to-left marks, the word
 * joiner and the invisible operators, and the byte order mark (zero-width no-break space).
 */
const isInvisible = (c: number) => c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff;

/**
 * Cyrillic and Greek letters that look like the Latin capitals of the keywords, as those capitals: the
 * letter at each place of LOOKS is the one at the same place of AS.
 */
const LOOKS = 'АВЕКМНОРСТХЅІЈҮԌԜӀаеорсхѕіјԝуΑΒΕΖΗΙΚΜΝΟΡΤΥΧ';
const AS = 'ABEKMHOPCTXSIJYGWIAEOPCXSIJWYABEZHIKMNOPTYX';
const LOOKALIKE = new Map<number, number>([...LOOKS].map((c, k) => [c.charCodeAt(0), AS.charCodeAt(k)]));

/** Dashes that are not the ASCII hyphen-minus of an ISO date: hyphen to horizontal bar, hyphen bullet, minus, small and full-width forms. */
const isDash = (c: number) => (c >= 0x2010 && c <= 0x2015) || c === 0x2043 || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;

const TRACKED = new Set(['PROMISE', 'WAITING', 'SCOPE']);
/** Every keyword, as a bit of a mask: the keywords a word read so far is the start of. */
const ALL_KEYWORDS = (1 << KEYWORDS.length) - 1;

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
  let invisible = false;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (isInvisible(c)) invisible = true;
    else if (!isJsSpace(c)) break;
  }
  // The word is read as the Latin capitals it stands for (small letters, look-alikes), invisible characters
  // skipped, narrowing the keywords it can still be: most lines start with a word that is none (no string is
  // built for them, and the reading stops at the first letter that rules out every keyword).
  let otherCase = false;
  let lookalike = false;
  let maybe = ALL_KEYWORDS;
  let n = 0;
  let q = p;
  for (; q < s.length; q++) {
    const c = s.charCodeAt(q);
    let latin: number;
    if (c >= Ch.UpperA && c <= Ch.UpperZ) latin = c;
    else if (c >= Ch.LowerA && c <= Ch.LowerZ) {
      latin = c - ASCII_LOWER_BIT;
      otherCase = true;
    } else if (isInvisible(c)) {
      invisible = true;
      continue;
    } else {
      const l = LOOKALIKE.get(c);
      if (l === undefined) break;
      latin = l;
      lookalike = true;
    }
    for (let k = 0; k < KEYWORDS.length; k++) if (maybe & (1 << k) && KEYWORDS[k].charCodeAt(n) !== latin) maybe &= ~(1 << k);
    // No keyword starts so (nor does a longer word than the longest keyword).
    if (maybe === 0) return undefined;
    n++;
  }
  if (q < s.length && s.charCodeAt(q) !== Ch.Colon && !isJsSpace(s.charCodeAt(q))) return undefined;
  let word: string | undefined;
  for (let k = 0; k < KEYWORDS.length; k++) if (maybe & (1 << k) && KEYWORDS[k].length === n) word = KEYWORDS[k];
  if (word === undefined) return undefined;
  if (otherCase) {
    // "Promise me …" and "Scope of the project" are prose: only a tracked keyword followed by a date is a near miss.
    if (!TRACKED.has(word) || !dateFollows(s, q)) return undefined;
  }
  // (Some mark is set: the same word unmarked would be a keyword line, which is never asked about.)
  return problem(line, 0, q, s, word, lookalike ? 'lookalike' : invisible ? 'invisible' : otherCase ? 'case' : 'indent', word);
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
  const dash = (at: number) => s.charCodeAt(at) === Ch.Hyphen || isDash(s.charCodeAt(at));
  if (!(digitsAt(pos, 4) && dash(pos + 4) && digitsAt(pos + 5, 2) && dash(pos + 7) && digitsAt(pos + 8, 2))) return -1;
  if (!isDash(s.charCodeAt(pos + 4)) && !isDash(s.charCodeAt(pos + 7))) return -1;
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
