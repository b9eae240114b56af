/**
 * Bytes to text, as a log is meant to be read: UTF-8 (with or without a BOM), and UTF-16 LE or BE when a
 * BOM says so (as some Windows editors save). Bytes that are not valid in the encoding are not quietly
 * turned into replacement characters: the first bad position is a `file.encoding` problem. A file of
 * binary data is one `file.binary` problem, not thousands of findings about garbage. Pure: the standard
 * `TextDecoder` only.
 */
import type { Problem } from './model';
import { lineRange } from './text';

export type LogEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedLog {
  /** The text; for UTF-8 with a BOM and for UTF-16 it starts with U+FEFF, as the parser expects a BOM. Empty for binary data. */
  readonly text: string;
  readonly encoding: LogEncoding;
  /** Whether the bytes are binary data rather than text (then `text` is empty). */
  readonly binary: boolean;
  /** `file.encoding` at the first invalid position, or `file.binary`; positions are in `text`. */
  readonly problems: readonly Problem[];
}

/** How much of the file the binary test reads. */
const SAMPLE = 8192;
/** Signatures of common binary formats (PNG, JPEG, GIF, PDF, ZIP/Office, gzip, ELF). */
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0x7f, 0x45, 0x4c, 0x46],
];

/**
 * Whether UTF-8-or-ASCII-looking bytes are binary data: a known signature, or control characters (other
 * than tab, line breaks, form feed, vertical tab and escape) making more than 8% of the first 8 KiB. A few
 * stray NUL bytes in a text (a bad paste) keep it a text.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, k) => bytes[k] === b))) return true;
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let k = 0; k < n; k++) {
    // Not tab, LF, VT, FF, CR (bits 9 to 13) or ESC (bit 27).
    if (bytes[k] < 0x20 && !((1 << bytes[k]) & 0x08003e00)) controls++;
  }
  return controls >= 16 && controls > n * 0.08;
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. Linear. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let k = from;
  while (k < n) {
    const b = bytes[k];
    if (b < 0x80) {
      k++;
      continue;
    }
    // The sequence's length and the smallest code point it may encode (anything below is overlong).
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return k;
    const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
    if (k + len > n) return k;
    let cp = b & (0xff >> (len + 1));
    for (let j = 1; j < len; j++) {
      const c = bytes[k + j];
      if ((c & 0xc0) !== 0x80) return k;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return k;
    k += len;
  }
  return -1;
}

/** Where character offset `at` of `text` is, as a zero-width range at its line and character (lines as the parser splits them). */
function rangeAt(text: string, at: number, bom: boolean) {
  let line = 0;
  let start = bom ? 1 : 0;
  for (let k = start; k < at; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) {
      line++;
      start = k + 1;
    }
  }
  return lineRange(line, at - start, at - start);
}

/** The decoders' options: the BOM is kept, as the parser expects; STRICT also throws at the first invalid byte. */
const KEEP_BOM = { ignoreBOM: true };
const STRICT = { fatal: true, ignoreBOM: true };
/** Decodes valid UTF-8 only (throws otherwise). */
const STRICT_UTF8 = new TextDecoder('utf-8', STRICT);

/** Reads the bytes of a `.clientlog` file (see the module comment). Never throws. */
export function decodeLog(bytes: Uint8Array): DecodedLog {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const encoding = le ? 'utf-16le' : 'utf-16be';
    // Keeping the BOM: the parser notes it (as for UTF-8) and leaves it out of line 0. An unpaired
    // surrogate or an odd last byte decodes to U+FFFD: the first one is where the file is not UTF-16.
    const text = new TextDecoder(encoding, KEEP_BOM).decode(bytes);
    let problems: Problem[] = [];
    try {
      new TextDecoder(encoding, STRICT).decode(bytes);
    } catch {
      const bad = Math.max(1, text.indexOf('\ufffd'));
      problems = [{ code: 'file.encoding', range: rangeAt(text, bad, true), data: { encoding: 'utf-16', offset: bad * 2 } }];
    }
    return { text, encoding, binary: false, problems };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const encoding: LogEncoding = bom ? 'utf-8-bom' : 'utf-8';
  if (looksBinary(bytes)) {
    return { text: '', encoding, binary: true, problems: [{ code: 'file.binary', range: lineRange(0, 0, 0), data: { size: bytes.length } }] };
  }
  // Valid UTF-8 (nearly every file) in one pass of the runtime's own decoder, which rejects exactly what
  // firstInvalidUtf8 finds (the WHATWG rules: overlong forms, surrogates, past U+10FFFF, cut short); only a
  // file it refuses is decoded leniently and scanned for its first bad byte.
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding, binary: false, problems: [] };
  } catch {
    // Not valid UTF-8: below.
  }
  const text = new TextDecoder('utf-8', KEEP_BOM).decode(bytes);
  const bad = firstInvalidUtf8(bytes, bom ? 3 : 0);
  if (bad < 0) return { text, encoding, binary: false, problems: [] };
  // The bad byte's position in the text: the characters the valid bytes before it decode to.
  const at = new TextDecoder('utf-8', KEEP_BOM).decode(bytes.subarray(0, bad)).length;
  return { text, encoding, binary: false, problems: [{ code: 'file.encoding', range: rangeAt(text, at, bom), data: { encoding: 'utf-8', offset: bad } }] };
}
