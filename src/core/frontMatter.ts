import { isMap, isScalar, isSeq, Lexer, parseDocument, type Node, type Pair } from 'yaml';
import { isValidTimeZone } from './dates';
import { isLanguage, type Contact, type FrontMatter, type Language, type Problem } from './model';
import { detach, isJsSpace, lineRange, range, type Range } from './text';

const KNOWN_KEYS = new Set(['client', 'language', 'timezone', 'cadence', 'contacts', 'notes']);

/**
 * How often we want to be in touch, from a front matter `cadence`: `14d` (days), `2w` (weeks), `1m` (months,
 * of 30 days), a bare number of days, or `off` / `0` (never reminded for this client). Days, or undefined when
 * the value is none of these.
 */
export function parseCadence(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === 'none') return 0;
  const m = /^(\d{1,4}) ?([dwm]?)$/.exec(t);
  if (!m) return undefined;
  return +m[1] * (m[2] === 'w' ? 7 : m[2] === 'm' ? 30 : 1);
}
const CADENCE_PLAIN = /^\d{1,4}[dwm]?$/;
const HANDLE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?$/u;
/** Front matter larger than this is not a profile; it is reported rather than parsed. */
const MAX_FRONT_MATTER_LINES = 2000;
/**
 * Front matter nested deeper than this is not a profile either. The YAML composer recurses once per
 * level; about a thousand levels (`a: [[[[…`) exhaust the stack, and in V8 that can abort the whole
 * process (a fatal "RegExpCompiler Allocation failed") rather than throw, so it must not be reached.
 */
const MAX_FRONT_MATTER_DEPTH = 100;
/**
 * Nor is front matter longer than this (in characters, a few lines of 50,000 characters each being
 * within the line limit): the YAML parser takes about a second per 200,000 characters of a flow list,
 * and a parse runs on every keystroke.
 */
const MAX_FRONT_MATTER_CHARS = 100_000;

/**
 * Finds and parses the YAML front matter at the top of the file. Reports problems at exact positions
 * in the file. The body starts after the closing `---` (or at line 0 when there is no front matter).
 */
export function parseFrontMatter(
  lines: readonly string[],
  problems: Problem[],
  options: { fast?: boolean } = {},
): { frontMatter?: FrontMatter; bodyStart: number } {
  if (lines.length === 0 || lines[0].trimEnd() !== '---') return { bodyStart: 0 };
  let close = -1;
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES + 1);
  for (let i = 1; i < limit; i++) {
    const t = lines[i].trimEnd();
    if (t === '---' || t === '...') {
      close = i;
      break;
    }
  }
  if (close < 0) {
    problems.push({
      code: 'frontMatter.invalid',
      range: lineRange(0, 0, 3),
      data: { reason: lines.length > MAX_FRONT_MATTER_LINES ? 'tooLong' : 'unclosed' },
    });
    return { bodyStart: 1 };
  }

  const fmRange = range(0, 0, close, lines[close].length);
  if (options.fast !== false) {
    // The common shape of a profile is read without the YAML parser (the same result, much faster).
    const simple = simpleFrontMatter(lines, close, fmRange, problems);
    if (simple) return { frontMatter: simple, bodyStart: close + 1 };
  }

  // The YAML source is lines 1..close-1 joined with "\n"; offsets map back to file lines via startOf.
  const yamlLines = lines.slice(1, close);
  const source = yamlLines.join('\n');
  const starts: number[] = [];
  let off = 0;
  for (const l of yamlLines) {
    starts.push(off);
    off += l.length + 1;
  }
  const toPos = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const ch = Math.min(offset - (starts[lo] ?? 0), yamlLines[lo]?.length ?? 0);
    return { line: lo + 1, character: Math.max(0, ch) };
  };
  const nodeRange = (n: { range?: [number, number, number] | null } | null | undefined): Range => {
    if (!n?.range) return lineRange(0, 0, 3);
    const s = toPos(n.range[0]);
    const e = toPos(Math.max(n.range[0], n.range[1]));
    return range(s.line, s.character, e.line, e.character);
  };

  const base = { startLine: 0, endLine: close, range: fmRange, contacts: [] as Contact[] };
  let doc: { errors: readonly { pos: [number, number]; message: string; code: string }[]; contents: unknown } | undefined;
  try {
    if (source.length > MAX_FRONT_MATTER_CHARS) {
      problems.push({
        code: 'frontMatter.invalid',
        range: lineRange(0, 0, 3),
        data: { reason: 'yaml', message: `Longer than ${MAX_FRONT_MATTER_CHARS} characters: not read as a client profile`, yamlCode: 'RESOURCE_EXHAUSTION' },
      });
      return { frontMatter: base, bodyStart: close + 1 };
    }
    const deep = tooDeepAt(source);
    if (deep >= 0) {
      const p = toPos(deep);
      problems.push({
        code: 'frontMatter.invalid',
        range: lineRange(p.line, p.character, Math.min(p.character + 1, lines[p.line].length)),
        data: { reason: 'yaml', message: `Nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`, yamlCode: 'RESOURCE_EXHAUSTION' },
      });
      return { frontMatter: base, bodyStart: close + 1 };
    }
    // YAML 1.2's core schema, always (a `%YAML 1.1` directive does not switch to 1.1's `yes`/`no` booleans and
    // sexagesimal numbers), and no YAML 1.1 types: `!!binary`, `!!set`, `!!timestamp`... are unknown tags, their
    // values read as written, like `!custom`. A profile needs neither, and the web bundle leaves that part of the
    // library out (scripts/yaml-for-front-matter.mjs).
    // Errors are placed from their offsets (toPos): no lineCounter, no prettyErrors.
    doc = parseDocument(source, {
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      schema: 'core',
      resolveKnownTags: false,
    });
  } catch {
    problems.push({ code: 'frontMatter.invalid', range: lineRange(0, 0, 3), data: { reason: 'yaml', message: 'unreadable' } });
    return { frontMatter: base, bodyStart: close + 1 };
  }
  for (const err of doc.errors) {
    const s = toPos(err.pos[0]);
    const e = toPos(Math.max(err.pos[0] + 1, err.pos[1]));
    // At least one character when the line has one after the start (an error at the end of a line stays empty).
    const endChar = e.line === s.line ? Math.min(Math.max(e.character, s.character + 1), lines[e.line].length) : e.character;
    problems.push({
      code: 'frontMatter.invalid',
      range: range(s.line, s.character, e.line, endChar),
      data: { reason: 'yaml', message: firstLine(err.message), yamlCode: err.code },
    });
  }
  if (doc.errors.length > 0) return { frontMatter: base, bodyStart: close + 1 };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { frontMatter: base, bodyStart: close + 1 };
  }
  if (!isMap(contents)) {
    problems.push({ code: 'frontMatter.value', range: nodeRange(contents as Node), data: { key: '', expected: 'map' } });
    return { frontMatter: base, bodyStart: close + 1 };
  }

  let client: string | undefined;
  let clientRange: Range | undefined;
  let cadence: number | undefined;
  let language: Language | undefined;
  let timeZone: string | undefined;
  let notes: string | undefined;
  const contacts: Contact[] = [];
  const scalarText = (n: unknown): string | undefined => {
    if (!isScalar(n)) return undefined;
    const v = n.value;
    if (typeof v === 'string') return detach(v.trim());
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  };
  const valueProblem = (key: string, node: unknown, expected: string, value?: string) =>
    problems.push({ code: 'frontMatter.value', range: nodeRange(node as Node), data: { key, expected, value } });

  for (const pair of contents.items as Pair[]) {
    const key = scalarText(pair.key);
    if (key === undefined) continue;
    const v = pair.value;
    switch (key) {
      case 'client': {
        const t = scalarText(v);
        if (t) {
          client = t;
          const k = nodeRange(pair.key as Node);
          const e = nodeRange(v as Node);
          clientRange = range(k.start.line, k.start.character, e.end.line, e.end.character);
        } else valueProblem(key, v ?? pair.key, 'text');
        break;
      }
      case 'cadence': {
        const t = scalarText(v);
        const days = t === undefined ? undefined : parseCadence(t);
        if (days !== undefined) cadence = days;
        else valueProblem(key, v ?? pair.key, 'cadence', t ?? '');
        break;
      }
      case 'language': {
        const t = scalarText(v)?.toLowerCase();
        if (isLanguage(t)) language = t;
        else problems.push({ code: 'frontMatter.language', range: nodeRange((v ?? pair.key) as Node), data: { value: t ?? '' } });
        break;
      }
      case 'timezone': {
        const t = scalarText(v);
        if (t && isValidTimeZone(t)) timeZone = t;
        else valueProblem(key, v ?? pair.key, 'timeZone', t ?? '');
        break;
      }
      case 'notes': {
        const t = scalarText(v);
        if (t !== undefined) notes = t;
        else if (v !== null && v !== undefined) valueProblem(key, v, 'text');
        break;
      }
      case 'contacts': {
        if (!isSeq(v)) {
          if (v !== null && v !== undefined && !(isScalar(v) && v.value === null)) valueProblem(key, v, 'list');
          break;
        }
        const seen = new Set<string>();
        for (const item of v.items) {
          if (!isMap(item)) {
            valueProblem('contacts', item, 'contact');
            continue;
          }
          const field = (k: string) => item.items.find((p) => scalarText(p.key) === k) as Pair | undefined;
          const nameP = field('name');
          const handleP = field('handle');
          const name = scalarText(nameP?.value);
          if (!name) {
            valueProblem('contacts.name', nameP?.value ?? item, 'contactName');
            continue;
          }
          let handle = scalarText(handleP?.value)?.replace(/^@/, '');
          if (handle !== undefined && !HANDLE.test(handle)) {
            valueProblem('contacts.handle', handleP?.value, 'handle', handle);
            handle = undefined;
          } else if (handle !== undefined) {
            if (seen.has(handle.toLowerCase())) valueProblem('contacts.handle', handleP?.value, 'uniqueHandle', handle);
            seen.add(handle.toLowerCase());
          }
          contacts.push({
            name,
            handle,
            role: scalarText(field('role')?.value),
            email: scalarText(field('email')?.value),
            address: scalarText(field('address')?.value) || undefined,
            range: nodeRange(item as Node),
            handleRange: handle !== undefined ? nodeRange(handleP?.value as Node) : undefined,
          });
        }
        break;
      }
      default:
        if (!KNOWN_KEYS.has(key)) {
          problems.push({ code: 'frontMatter.unknownKey', range: nodeRange(pair.key as Node), data: { key } });
        }
    }
  }
  return { frontMatter: { ...base, client, clientRange, language, timeZone, cadence, contacts, notes }, bodyStart: close + 1 };
}

/**
 * Where the YAML first nests deeper than MAX_FRONT_MATTER_DEPTH (an offset in `source`), or -1. Counts
 * open flow collections plus, on each line, the indentation and the block indicators (`-`, `?`, `:`):
 * an upper bound on the nesting depth. Uses the YAML lexer, which does not recurse, so brackets inside
 * quotes, comments and block scalars are not counted.
 */
function tooDeepAt(source: string): number {
  let flow = 0;
  let block = 0;
  let atLineStart = true;
  let scalar = false;
  let offset = 0;
  for (const tok of new Lexer().lex(source)) {
    const at = offset;
    // The lexer's control tokens (document start, flow end, scalar marker) are not source text.
    if (tok === '\x02' || tok === '\x18' || tok === '\x1f') {
      if (tok === '\x1f') scalar = true;
      continue;
    }
    offset += tok.length;
    const endsLine = /[\n\r]$/.test(tok);
    if (scalar) {
      scalar = false;
    } else if (tok === '[' || tok === '{') {
      flow++;
    } else if (tok === ']' || tok === '}') {
      flow = Math.max(0, flow - 1);
    } else if (tok === '-' || tok === '?' || tok === ':') {
      block++;
    } else if (atLineStart && /^[ \t]+$/.test(tok)) {
      block += tok.length;
    }
    if (flow + block > MAX_FRONT_MATTER_DEPTH) return at;
    atLineStart = endsLine;
    if (endsLine) block = 0;
  }
  return -1;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}

/**
 * Whether a YAML plain scalar is certainly a single-line string equal to its text: it does not start with
 * an indicator, a digit, a sign, a dot or a space, has no ": ", " #", tab or trailing space, does not end
 * with ":" and is not a null or boolean word. The same as testing
 * /^(?![-?:,[\]{}#&*!|>'"%@`0-9+.~ ])(?!.*(?:: |\s#|\t|:$|\s$))(?!(?:true|false|null|yes|no|on|off|y|n)$)[^\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]+$/i
 * (where `.` stops at a line terminator, which the final class rejects anyway), one character at a time.
 */
function isSafePlain(v: string): boolean {
  const n = v.length;
  const first = v.charCodeAt(0);
  if (n === 0 || (first < 0x80 && NOT_FIRST_CODE[first] === 1) || isJsSpace(v.charCodeAt(n - 1)) || v.charCodeAt(n - 1) === 58) return false;
  for (let k = 0; k < n; k++) {
    const c = v.charCodeAt(k);
    // Control characters (tab among them), DEL, NEL, the line and paragraph separators, BOM.
    if (c < 32 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
    if (c === 58 && v.charCodeAt(k + 1) === 32) return false;
    if (c === 35 && isJsSpace(v.charCodeAt(k - 1))) return false;
  }
  // Only a word starting with t, f, n, y or o (in any case) can be one of the reserved words.
  return !(n <= 5 && RESERVED_FIRST.includes(first | 0x20) && RESERVED_WORD.test(v));
}
const NOT_FIRST = '-?:,[]{}#&*!|>\'"%@`0123456789+.~ ';
/** NOT_FIRST by character code (all ASCII): 1 for each of its characters. */
const NOT_FIRST_CODE = new Uint8Array(0x80);
for (let k = 0; k < NOT_FIRST.length; k++) NOT_FIRST_CODE[NOT_FIRST.charCodeAt(k)] = 1;
const RESERVED_WORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const RESERVED_FIRST = [0x74, 0x66, 0x6e, 0x79, 0x6f];

/** The end of a simple key (/[A-Za-z][A-Za-z0-9_]{0,63}/) at `at` when a colon follows it, else -1. */
function simpleKeyEnd(s: string, at: number): number {
  const c = s.charCodeAt(at) | 32;
  if (!(c >= 97 && c <= 122)) return -1;
  let k = at + 1;
  for (let d = s.charCodeAt(k); (d >= 48 && d <= 57) || ((d | 32) >= 97 && (d | 32) <= 122) || d === 95; d = s.charCodeAt(++k));
  return k - at <= 64 && s.charCodeAt(k) === 58 ? k : -1;
}

/**
 * The front matter of lines 1 to `close - 1` in the common shape of a client profile, read without the
 * YAML parser: single-line `key: plain text` pairs at the top level (`/^([A-Za-z][A-Za-z0-9_]{0,63}):(?: (.*))?$/`,
 * the value a safe plain scalar) and one `contacts:` list of such maps (`/^( *)(- )?([A-Za-z][A-Za-z0-9_]{0,63}): (.*)$/`,
 * items at one indentation, their other keys two spaces further in). Gives what the YAML reading gives:
 * the same front matter and the same problems, in the same order (a contact's problems are reported
 * when the next line closes it, which is where the YAML reading reports them too). Anything else
 * (comments, blank lines, quotes, block scalars, numbers, duplicate keys, odd indentation, an empty
 * list...) returns undefined with `problems` as it was, and goes through the YAML parser;
 * test/core/frontMatterFast.test.ts checks that both agree.
 */
function simpleFrontMatter(lines: readonly string[], close: number, fmRange: Range, problems: Problem[]): FrontMatter | undefined {
  const p0 = problems.length;
  const fail = () => {
    problems.length = p0;
    return undefined;
  };
  if (close < 2) return undefined;
  // The YAML source (lines joined with "\n") must be within the limit the YAML reading reports.
  let chars = close - 2;
  for (let i = 1; i < close; i++) chars += lines[i].length;
  if (chars > MAX_FRONT_MATTER_CHARS) return undefined;

  let client: string | undefined;
  let clientRange: Range | undefined;
  let cadence: number | undefined;
  let language: Language | undefined;
  let timeZone: string | undefined;
  let notes: string | undefined;
  const contacts: Contact[] = [];
  const topKeys: string[] = [];
  const valueProblem = (key: string, r: Range, expected: string, value?: string) =>
    problems.push({ code: 'frontMatter.value', range: r, data: { key, expected, value } });

  // The contact list: open from `contacts:` to the next top-level line; `items` counts its contacts.
  let inList = false;
  let items = 0;
  let indent = -1;
  const seen = new Set<string>();
  // The open contact: its first line (-1 when none) and column, and its keys and values as written.
  let itemLine = -1;
  let itemCol = 0;
  let itemKeys: string[] = [];
  let name: string | undefined;
  let nameAt: Range | undefined;
  let handle: string | undefined;
  let handleAt: Range | undefined;
  let role: string | undefined;
  let email: string | undefined;
  let address: string | undefined;
  /** Interprets the open contact; `next` is the line after it (`close` at the end). */
  const closeItem = (next: number) => {
    if (itemLine < 0) return;
    const itemRange = next < close ? range(itemLine, itemCol, next, 0) : range(itemLine, itemCol, close - 1, lines[close - 1].length);
    itemLine = -1;
    const n = name === undefined ? undefined : detach(name.trim());
    if (!n) {
      valueProblem('contacts.name', nameAt ?? itemRange, 'contactName');
      return;
    }
    let h = handle === undefined ? undefined : detach(handle.trim());
    if (h !== undefined && h.charCodeAt(0) === 64) h = h.slice(1);
    if (h !== undefined && !HANDLE.test(h)) {
      valueProblem('contacts.handle', handleAt!, 'handle', h);
      h = undefined;
    } else if (h !== undefined) {
      if (seen.has(h.toLowerCase())) valueProblem('contacts.handle', handleAt!, 'uniqueHandle', h);
      seen.add(h.toLowerCase());
    }
    contacts.push({
      name: n,
      handle: h,
      role: role === undefined ? undefined : detach(role.trim()),
      email: email === undefined ? undefined : detach(email.trim()),
      address: address === undefined ? undefined : detach(address.trim()) || undefined,
      range: itemRange,
      handleRange: h !== undefined ? handleAt : undefined,
    });
  };

  for (let i = 1; i < close; i++) {
    const s = lines[i];
    const c = s.charCodeAt(0);
    if (c !== 32 && c !== 45) {
      // A top-level `key: value`, or `contacts:` opening the list.
      closeItem(i);
      if (inList && items === 0) return fail();
      inList = false;
      const k = simpleKeyEnd(s, 0);
      if (k < 0) return fail();
      const key = s.slice(0, k);
      if (topKeys.includes(key)) return fail();
      topKeys.push(key);
      if (k + 1 === s.length) {
        if (key !== 'contacts') return fail();
        inList = true;
        indent = -1;
        continue;
      }
      if (s.charCodeAt(k + 1) !== 32) return fail();
      const raw = s.slice(k + 2);
      // `cadence: 14d` starts with a digit, which plain YAML text may not in general; this shape reads the same.
      if (!isSafePlain(raw) && !(key === 'cadence' && CADENCE_PLAIN.test(raw))) return fail();
      const at = range(i, k + 2, i, s.length);
      const t = detach(raw.trim());
      switch (key) {
        case 'client':
          if (t) {
            client = t;
            clientRange = range(i, 0, i, s.length);
          } else valueProblem(key, at, 'text');
          break;
        case 'cadence': {
          const days = parseCadence(t);
          if (days !== undefined) cadence = days;
          else valueProblem(key, at, 'cadence', t);
          break;
        }
        case 'language': {
          const l = t.toLowerCase();
          if (isLanguage(l)) language = l;
          else problems.push({ code: 'frontMatter.language', range: at, data: { value: l } });
          break;
        }
        case 'timezone':
          if (t && isValidTimeZone(t)) timeZone = t;
          else valueProblem(key, at, 'timeZone', t);
          break;
        case 'notes':
          notes = t;
          break;
        case 'contacts':
          valueProblem(key, at, 'list');
          break;
        default:
          problems.push({ code: 'frontMatter.unknownKey', range: range(i, 0, i, k), data: { key: detach(key) } });
      }
      continue;
    }
    // A contact line: `- key: value` opening a contact, or `key: value` two spaces further in.
    if (!inList) return fail();
    let ind = 0;
    while (s.charCodeAt(ind) === 32) ind++;
    const dash = s.charCodeAt(ind) === 45 && s.charCodeAt(ind + 1) === 32;
    const col = dash ? ind + 2 : ind;
    const k = simpleKeyEnd(s, col);
    if (k < 0 || s.charCodeAt(k + 1) !== 32) return fail();
    const raw = s.slice(k + 2);
    if (!isSafePlain(raw)) return fail();
    if (dash) {
      if (indent === -1) indent = ind;
      if (ind !== indent) return fail();
      closeItem(i);
      itemLine = i;
      itemCol = col;
      itemKeys = [];
      name = handle = role = email = address = nameAt = handleAt = undefined;
      items++;
    } else if (itemLine < 0 || ind !== indent + 2) {
      return fail();
    }
    const key = s.slice(col, k);
    if (itemKeys.includes(key)) return fail();
    itemKeys.push(key);
    if (key === 'name') {
      name = raw;
      nameAt = range(i, k + 2, i, s.length);
    } else if (key === 'handle') {
      handle = raw;
      handleAt = range(i, k + 2, i, s.length);
    } else if (key === 'role') {
      role = raw;
    } else if (key === 'email') {
      email = raw;
    } else if (key === 'address') {
      address = raw;
    }
  }
  closeItem(close);
  if ((inList && items === 0) || topKeys.length === 0) return fail();
  return { startLine: 0, endLine: close, range: fmRange, contacts, client, clientRange, language, timeZone, cadence, notes };
}
