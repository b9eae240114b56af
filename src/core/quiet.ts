import { isIsoDate } from './dates';
import { lineRange, type LineSource, type Position, type TextEdit } from './text';

/** An edit and where the cursor goes after it, ready to type. */
export type NewEntryResult =
  { readonly ok: true; readonly edits: TextEdit[]; readonly cursor: Position } | { readonly ok: false; readonly reason: 'invalidDate' };

/** Whether a line is the heading of an entry dated `today`. */
function isHeadingOf(text: string, today: string): boolean {
  if (!text.startsWith('## ')) return false;
  const rest = text.slice(3).trimStart();
  const after = rest.charAt(today.length);
  return rest.startsWith(today) && (after === '' || after === ' ' || after === '\t');
}

/**
 * The quick fix for `client.quiet`: somewhere to write today's note, with nothing written the user did not
 * ask for. Under today's entry when the log has one (a new line after its last non-blank line), else a
 * heading `## <today> ` for a new entry after the last non-blank line of the file, the cursor where its title
 * goes. Only inserts; the document's line break is used, and a file without a final line break keeps none.
 */
export function newEntryEdit(doc: LineSource, today: string): NewEntryResult {
  if (!isIsoDate(today)) return { ok: false, reason: 'invalidDate' };
  const eol = doc.eol;
  let entry = -1;
  let last = -1;
  for (let i = 0; i < doc.lineCount; i++) {
    const t = doc.lineAt(i);
    if (t.startsWith('## ')) {
      if (entry >= 0) break;
      if (isHeadingOf(t, today)) entry = last = i;
    } else if (entry >= 0 && t.trim() !== '') last = i;
  }
  if (entry >= 0) {
    const len = doc.lineAt(last).length;
    return { ok: true, edits: [{ range: lineRange(last, len, len), newText: eol }], cursor: { line: last + 1, character: 0 } };
  }
  const heading = `## ${today} `;
  let lastLine = doc.lineCount - 1;
  while (lastLine > 0 && doc.lineAt(lastLine).trim() === '') lastLine--;
  const lastText = lastLine >= 0 ? doc.lineAt(lastLine) : '';
  if (lastLine <= 0 && lastText.trim() === '') {
    // A blank document: the heading goes first, before whatever blank lines are there.
    return {
      ok: true,
      edits: [{ range: lineRange(0, 0, 0), newText: doc.lineCount > 1 ? heading + eol : heading }],
      cursor: { line: 0, character: heading.length },
    };
  }
  return {
    ok: true,
    edits: [{ range: lineRange(lastLine, lastText.length, lastText.length), newText: eol + eol + heading }],
    cursor: { line: lastLine + 2, character: heading.length },
  };
}
