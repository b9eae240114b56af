import { isMap, isScalar, isSeq, Lexer, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isValidTimeZone } from './dates';
import { isLanguage, type Contact, type FrontMatter, type Language, type Problem } from './model';
import { detach, lineRange, range, type Range } from './text';

const KNOWN_KEYS = new Set(['client', 'language', 'timezone', 'contacts', 'notes']);
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
export function parseFrontMatter(lines: readonly string[], problems: Problem[], options: { fast?: boolean } = {}): { frontMatter?: FrontMatter; bodyStart: number } {
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

  const fmRange = range(0, 0, close, lines[close].length);
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
    // The common shape of a profile is read without the YAML parser (same nodes, much faster).
    doc = options.fast === false ? undefined : simpleDocument(yamlLines, starts);
    const deep = doc ? -1 : tooDeepAt(source);
    if (deep >= 0) {
      const p = toPos(deep);
      problems.push({
        code: 'frontMatter.invalid',
        range: lineRange(p.line, p.character, Math.min(p.character + 1, lines[p.line].length)),
        data: { reason: 'yaml', message: `Nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`, yamlCode: 'RESOURCE_EXHAUSTION' },
      });
      return { frontMatter: base, bodyStart: close + 1 };
    }
    doc ??= parseDocument(source, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
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
        if (t) client = t;
        else valueProblem(key, v ?? pair.key, 'text');
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
  return { frontMatter: { ...base, client, language, timeZone, contacts, notes }, bodyStart: close + 1 };
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

/** A top-level `key: value` line (or `key:` opening the contact list), and a contact line `  - key: value` / `    key: value`. */
const SIMPLE_TOP = /^([A-Za-z][A-Za-z0-9_]{0,63}):(?: (.*))?$/;
const SIMPLE_ITEM = /^( *)(- )?([A-Za-z][A-Za-z0-9_]{0,63}): (.*)$/;
/**
 * A plain YAML scalar that is certainly a single-line string equal to its text: it does not start with an
 * indicator, a digit, a sign, a dot or a space, has no ": ", " #", tab or trailing space, does not end with
 * ":" and is not a null or boolean word.
 */
const SAFE_PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`0-9+.~ ])(?!.*(?:: |\s#|\t|:$|\s$))(?!(?:true|false|null|yes|no|on|off|y|n)$)[^\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]+$/i;

/**
 * The YAML nodes `parseDocument` would build, for the common shape of a client profile: single-line
 * `key: plain text` pairs at the top level and a `contacts:` list of such maps. Anything else (comments,
 * blank lines, quotes, block scalars, numbers, duplicate keys, odd indentation...) returns undefined and
 * goes through the YAML parser; test/core/frontMatterFast.test.ts checks that both agree.
 */
function simpleDocument(lines: readonly string[], starts: readonly number[]): { errors: []; contents: YAMLMap } | undefined {
  const scalar = (value: string, line: number, col: number): Scalar => {
    const sc = new Scalar(value);
    const at = starts[line] + col;
    sc.range = [at, at + value.length, at + value.length];
    return sc;
  };
  const top = new YAMLMap();
  const topKeys = new Set<string>();
  let seq: YAMLSeq | undefined;
  let item: YAMLMap | undefined;
  let itemKeys = new Set<string>();
  let indent = -1;
  const closeItem = (nextLine: number) => {
    if (!item) return;
    const last = lines.length - 1;
    const end = nextLine <= last ? starts[nextLine] : starts[last] + lines[last].length;
    item.range = [item.range![0], end, end];
    item = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i];
    const c = s.charCodeAt(0);
    if (c !== 32 && c !== 45) {
      closeItem(i);
      if (seq && seq.items.length === 0) return undefined;
      seq = undefined;
      const m = SIMPLE_TOP.exec(s);
      if (!m || topKeys.has(m[1])) return undefined;
      topKeys.add(m[1]);
      const key = scalar(m[1], i, 0);
      if (m[2] === undefined) {
        if (m[1] !== 'contacts') return undefined;
        seq = new YAMLSeq();
        top.items.push(new Pair(key, seq));
        indent = -1;
        continue;
      }
      if (!SAFE_PLAIN.test(m[2])) return undefined;
      top.items.push(new Pair(key, scalar(m[2], i, m[1].length + 2)));
      continue;
    }
    if (!seq) return undefined;
    const m = SIMPLE_ITEM.exec(s);
    if (!m || !SAFE_PLAIN.test(m[4])) return undefined;
    const ind = m[1].length;
    const col = ind + (m[2] ? 2 : 0);
    if (m[2]) {
      if (indent === -1) indent = ind;
      if (ind !== indent) return undefined;
      closeItem(i);
      item = new YAMLMap();
      item.range = [starts[i] + col, 0, 0];
      itemKeys = new Set();
      seq.items.push(item);
    } else if (!item || ind !== indent + 2) {
      return undefined;
    }
    if (itemKeys.has(m[3])) return undefined;
    itemKeys.add(m[3]);
    item.items.push(new Pair(scalar(m[3], i, col), scalar(m[4], i, col + m[3].length + 2)));
  }
  closeItem(lines.length);
  if ((seq && seq.items.length === 0) || top.items.length === 0) return undefined;
  return { errors: [], contents: top };
}
