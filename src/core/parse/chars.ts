/**
 * The character codes the parser's scanners compare against (`String.prototype.charCodeAt` values).
 * A `const enum`: the bundler writes the numbers in place, so naming them costs nothing at run time.
 */
export const enum Ch {
  Tab = 0x09,
  Space = 0x20,
  DoubleQuote = 0x22,
  Hash = 0x23,
  Apostrophe = 0x27,
  OpenParen = 0x28,
  Comma = 0x2c,
  Hyphen = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Digit0 = 0x30,
  Digit9 = 0x39,
  Colon = 0x3a,
  Semicolon = 0x3b,
  At = 0x40,
  UpperA = 0x41,
  UpperZ = 0x5a,
  OpenBracket = 0x5b,
  Underscore = 0x5f,
  LowerA = 0x61,
  LowerE = 0x65,
  LowerZ = 0x7a,
  OpenBrace = 0x7b,
  /** The first code past ASCII: from here on, the regular expressions decide. */
  NonAscii = 0x80,
  /** « */
  LeftGuillemet = 0xab,
  /** “ */
  LeftDoubleQuote = 0x201c,
  /** „ */
  LowDoubleQuote = 0x201e,
}

/** The bit that tells an ASCII capital from its small letter (`c | ASCII_LOWER_BIT` lower-cases a letter). */
export const ASCII_LOWER_BIT = 0x20;

export const isDigit = (c: number): boolean => c >= Ch.Digit0 && c <= Ch.Digit9;

/** Letters, digits and `_` of ASCII (what `\w` matches). */
export function isWordAscii(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || isDigit(c) || c === Ch.Underscore;
}

/** A space or a tab (what the format allows between a keyword, its date and its time). */
export const isBlankChar = (c: number): boolean => c === Ch.Space || c === Ch.Tab;
