import { allFunctionWords } from './books';

/** Helpers for user text in drafts: one line, sentences, quotes and short titles. */

/** One line: every run of white space (line breaks included) becomes one space. */
export function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

const TERMINAL = /[.!?…][\s"'”“»«„’)\]]*$/u;

/** The text as a sentence of its own: a capital first letter and final punctuation when missing. */
export function sentence(s: string): string {
  const t = oneLine(s);
  if (!t) return '';
  const first = String.fromCodePoint(t.codePointAt(0)!);
  const head = first.toLocaleLowerCase() === first && first.toLocaleUpperCase() !== first ? first.toLocaleUpperCase() : first;
  const body = head + t.slice(first.length);
  return TERMINAL.test(body) ? body : `${body}.`;
}

/** The text without one final full stop, for quotes, parentheses and "Label: value" lines. */
export function bare(s: string): string {
  const t = oneLine(s);
  return t.endsWith('.') && !t.endsWith('..') ? t.slice(0, -1) : t;
}

/** Joins sentences with single spaces, skipping empty ones. */
export function join(...parts: string[]): string {
  return parts.filter((p) => p).join(' ');
}

// Titles: user text in any of the four languages, so a title may end on none of their function words.
const TRAILING = /[\s.,;:!?…—–\-/(\[{]+$/u;
const MAX_WORDS = 7;
const MAX_CHARS = 48;

function isFunctionWord(word: string): boolean {
  return allFunctionWords().has(word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLocaleLowerCase());
}

/** Whether a title may not end on this word: a function word in any draft language, or a number. */
export function weakEnd(word: string): boolean {
  const w = word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLocaleLowerCase();
  return w === '' || allFunctionWords().has(w) || /^\p{N}/u.test(w);
}

/** The quotation marks and brackets `s` leaves open, innermost last ("„", "«", "“", '"' or "("). */
function openQuotes(s: string): string[] {
  const stack: string[] = [];
  for (const ch of s) {
    const top = stack[stack.length - 1];
    if (ch === '„' || ch === '«' || ch === '(') stack.push(ch);
    else if (ch === '»' || ch === '”' || ch === ')') stack.pop();
    else if (ch === '“') {
      if (top === '„') stack.pop();
      else stack.push(ch);
    } else if (ch === '"') {
      if (top === '"') stack.pop();
      else stack.push(ch);
    }
  }
  return stack;
}

const CLOSING: Record<string, string> = { '„': '“', '«': '»', '“': '”', '"': '"', '(': ')' };

function trimEnd(s: string): string {
  return s.replace(TRAILING, '');
}

/**
 * A short title from longer text, cut at a phrase boundary: at most 7 words and 48 characters, cut at a
 * comma, semicolon, colon, dash or bracket when one comes early enough; never ending on a function word
 * (of any of the four languages) or a number, and with balanced quotation marks. Text short enough is kept
 * whole (without final punctuation).
 */
export function shortTitle(text: string): string {
  const t = trimEnd(oneLine(text));
  const words = t.split(' ').filter((w) => w);
  if (words.length <= MAX_WORDS && t.length <= MAX_CHARS && openQuotes(t).length === 0) return t;
  // The longest run of whole words within the limits.
  let n = 0;
  let len = -1;
  while (n < words.length && n < MAX_WORDS && len + 1 + words[n].length <= MAX_CHARS) len += 1 + words[n++].length;
  if (n === 0) return trimEnd(words[0].slice(0, MAX_CHARS));
  let cut = words.slice(0, n);
  // Prefer a clause boundary (after at least three words) to a cut in mid-clause.
  for (let k = cut.length - 1; k >= 3; k--) {
    if (/[,;:)\]]$/u.test(cut[k - 1]) || /^[(\[—–]/u.test(cut[k])) {
      cut = cut.slice(0, k);
      break;
    }
  }
  const strong = (ws: readonly string[]): string[] => {
    const out = ws.map((w) => trimEnd(w)).filter((w) => w);
    while (out.length > 1 && weakEnd(out[out.length - 1])) out.pop();
    return out;
  };
  let out = strong(cut);
  // Cut right after "with the new" or "со всеми": the last word may need the rest of its phrase, so the
  // phrase goes whole, from the function word that opens it.
  if (cut.length < words.length && out.length === cut.length && out.length > 3 && isFunctionWord(out[out.length - 2])) out = strong(out.slice(0, -2));
  const s = out.join(' ');
  const open = openQuotes(s);
  if (open.length === 0) return s;
  // Cut before the quotation the title could not close, when enough is left; else close it.
  const at = s.lastIndexOf(open[0]);
  const before =
    at > 0
      ? strong(
          s
            .slice(0, at)
            .split(' ')
            .filter((w) => w),
        )
      : [];
  if (before.length >= 2 && openQuotes(before.join(' ')).length === 0) return before.join(' ');
  return (
    s +
    [...open]
      .reverse()
      .map((q) => CLOSING[q])
      .join('')
  );
}
