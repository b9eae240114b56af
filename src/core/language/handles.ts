/** Contact handles: definition, references and rename (front matter `handle:` and `@mentions`). */
import { contactOf, type ClientLog, type Contact } from '../model';
import { HANDLE_SOURCE } from '../parse';
import { contains, lineRange, type LineSource, type Position, type Range, type TextEdit } from '../text';

export interface HandleAt {
  readonly handle: string;
  /** The handle's characters, without the `@`. */
  readonly range: Range;
  /** Whether it is the contact's `handle:` in the front matter. */
  readonly declaration: boolean;
  readonly contact?: Contact;
}

/**
 * The exact characters of a contact's handle in the front matter: its `handleRange` may include quotes
 * or a leading `@`, which are not the handle.
 */
export function declarationRange(contact: Contact, src?: LineSource): Range | undefined {
  const r = contact.handleRange;
  if (!r || !contact.handle) return undefined;
  if (!src || r.start.line !== r.end.line || r.start.line >= src.lineCount) return r;
  const text = src.lineAt(r.start.line).slice(r.start.character, r.end.character);
  const i = text.toLowerCase().indexOf(contact.handle.toLowerCase());
  if (i < 0) return r;
  return lineRange(r.start.line, r.start.character + i, r.start.character + i + contact.handle.length);
}

/** The `@handle` mention or the front matter handle at a position (the `@` counts as part of a mention). */
export function handleAt(log: ClientLog, pos: Position, src?: LineSource): HandleAt | undefined {
  for (const m of log.mentions) {
    if (m.range.start.line === pos.line && contains(m.range, pos)) {
      const r = m.range;
      return {
        handle: m.handle,
        range: lineRange(r.start.line, r.start.character + 1, r.end.character),
        declaration: false,
        contact: contactOf(log, m.handle),
      };
    }
  }
  for (const c of log.frontMatter?.contacts ?? []) {
    const r = declarationRange(c, src);
    if (r && c.handle && contains(c.handleRange ?? r, pos)) return { handle: c.handle, range: r, declaration: true, contact: c };
  }
  return undefined;
}

export interface Occurrence {
  /** The handle's characters, without the `@`. */
  readonly range: Range;
  readonly declaration: boolean;
}

/** Every place a handle is written in the log (case-insensitive): the front matter declaration first, then the mentions. */
export function handleOccurrences(log: ClientLog, handle: string, src?: LineSource): Occurrence[] {
  const out: Occurrence[] = [];
  const c = contactOf(log, handle);
  const decl = c ? declarationRange(c, src) : undefined;
  if (decl) out.push({ range: decl, declaration: true });
  const h = handle.toLowerCase();
  for (const m of log.mentions) {
    if (m.handle.toLowerCase() !== h) continue;
    const r = m.range;
    out.push({ range: lineRange(r.start.line, r.start.character + 1, r.end.character), declaration: false });
  }
  return out;
}

const HANDLE_ONLY = new RegExp(`^${HANDLE_SOURCE}$`, 'u');

export type RenameResult = { ok: true; edits: TextEdit[]; handle: string } | { ok: false; reason: 'notHandle' | 'invalid' | 'taken' };

/**
 * Renames the handle at `pos` to `newName` (a leading `@` is ignored): the front matter `handle:` and
 * every mention in this log; nothing else is touched.
 */
export function renameHandle(log: ClientLog, pos: Position, newName: string, src?: LineSource): RenameResult {
  const at = handleAt(log, pos, src);
  if (!at) return { ok: false, reason: 'notHandle' };
  const name = newName.trim().replace(/^@/, '');
  if (!HANDLE_ONLY.test(name)) return { ok: false, reason: 'invalid' };
  const other = contactOf(log, name);
  if (other && other.handle?.toLowerCase() !== at.handle.toLowerCase()) return { ok: false, reason: 'taken' };
  const edits = handleOccurrences(log, at.handle, src).map((o) => ({ range: o.range, newText: name }));
  return { ok: true, edits, handle: at.handle };
}
