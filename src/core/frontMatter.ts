import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { isValidTimeZone } from './dates';
import { isLanguage, type Contact, type FrontMatter, type Language, type Problem } from './model';
import { lineRange, range, type Range } from './text';

const KNOWN_KEYS = new Set(['client', 'language', 'timezone', 'contacts', 'notes']);
const HANDLE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?$/u;
/** Front matter larger than this is not a profile; it is reported rather than parsed. */
const MAX_FRONT_MATTER_LINES = 2000;

/**
 * Finds and parses the YAML front matter at the top of the file. Reports problems at exact positions
 * in the file. The body starts after the closing `---` (or at line 0 when there is no front matter).
 */
export function parseFrontMatter(lines: readonly string[], problems: Problem[]): { frontMatter?: FrontMatter; bodyStart: number } {
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
  let doc;
  try {
    doc = parseDocument(source, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    problems.push({ code: 'frontMatter.invalid', range: lineRange(0, 0, 3), data: { reason: 'yaml', message: 'unreadable' } });
    return { frontMatter: base, bodyStart: close + 1 };
  }
  for (const err of doc.errors) {
    const s = toPos(err.pos[0]);
    const e = toPos(Math.max(err.pos[0] + 1, err.pos[1]));
    problems.push({
      code: 'frontMatter.invalid',
      range: range(s.line, s.character, e.line, Math.max(e.character, s.character + (e.line === s.line ? 1 : 0))),
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
    if (typeof v === 'string') return v.trim();
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

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}
